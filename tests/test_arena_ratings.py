"""Ratings validated on simulated battles from known strengths (seeded)."""

from __future__ import annotations

import numpy as np
import pytest

from core.arena.agreement import cohen_kappa, fleiss_kappa, pairwise_agreement
from core.arena.ratings import bootstrap, bradley_terry, elo, pair_stats

TRUE = {"original": 1000.0, "adapted": 1100.0, "adapted+calib": 1160.0, "tiny": 850.0}


def simulate(n: int, seed: int, tie_rate: float = 0.1) -> list[tuple[str, str, str]]:
    rng = np.random.default_rng(seed)
    names = list(TRUE)
    battles = []
    for _ in range(n):
        a, b = rng.choice(names, 2, replace=False)
        if rng.random() < tie_rate:
            battles.append((a, b, "tie"))
            continue
        p_a = 1 / (1 + 10 ** ((TRUE[b] - TRUE[a]) / 400))
        battles.append((a, b, "a" if rng.random() < p_a else "b"))
    return battles


def centred(r: dict[str, float]) -> dict[str, float]:
    mean = np.mean(list(r.values()))
    return {m: v - mean for m, v in r.items()}


def test_bradley_terry_recovers_the_true_order_and_scale():
    fitted = centred(bradley_terry(simulate(6000, seed=1)))
    truth = centred(TRUE)
    assert sorted(fitted, key=fitted.get) == sorted(truth, key=truth.get)
    for m in TRUE:  # ties pull ratings together a little; still close on the Elo scale
        assert fitted[m] == pytest.approx(truth[m], abs=35)


def test_bootstrap_intervals_cover_the_truth_at_about_the_nominal_rate():
    truth = centred(TRUE)
    covered = total = 0
    for seed in range(30):
        rows = bootstrap(simulate(800, seed=100 + seed, tie_rate=0.0), rounds=100, seed=seed)
        shift = np.mean([r.rating for r in rows]) - 1000  # ratings are identified up to a constant
        for r in rows:
            lo, hi = r.ci_low - 1000 - shift, r.ci_high - 1000 - shift
            covered += lo <= truth[r.model] <= hi
            total += 1
    assert 0.85 <= covered / total <= 1.0, covered / total


def test_elo_ranks_a_clearly_stronger_model_first():
    ratings = elo(simulate(4000, seed=3), k=4)
    assert max(ratings, key=ratings.get) == "adapted+calib" and min(ratings, key=ratings.get) == "tiny"


def test_pair_stats_count_and_orient_each_pair():
    battles = [("x", "y", "a"), ("y", "x", "a"), ("x", "y", "tie"), ("x", "y", "both_bad")]
    (row,) = pair_stats(battles)
    assert (row.model_a, row.model_b, row.wins, row.losses, row.ties, row.both_bad) == ("x", "y", 1, 1, 1, 1)
    assert row.win_rate == 0.5 and row.ci_low <= 0.5 <= row.ci_high


def test_agreement_by_hand():
    votes = {"ann": {"1": "a", "2": "b", "3": "tie"}, "bob": {"1": "a", "2": "a", "3": "tie"}}
    assert pairwise_agreement(votes) == pytest.approx(2 / 3)
    # observed 2/3; expected: ann (a,b,tie)=1/3 each, bob a=2/3, tie=1/3 → (1/3·2/3 + 1/3·1/3) = 1/3
    assert cohen_kappa(votes["ann"], votes["bob"]) == pytest.approx((2 / 3 - 1 / 3) / (1 - 1 / 3))
    assert fleiss_kappa({"x": {"1": "a", "2": "a"}, "y": {"1": "a", "2": "a"}}) == 1.0
    assert fleiss_kappa(votes) is not None and pairwise_agreement({"solo": {"1": "a"}}) is None
