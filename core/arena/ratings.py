"""Ratings from pairwise battles, as in the Chatbot Arena tables.

A battle is (model_a, model_b, outcome) with outcome "a", "b", "tie" or "both_bad" (a tie for
ratings). Bradley–Terry strengths are the maximum-likelihood fit of P(a beats b) =
1 / (1 + 10^((r_b − r_a)/400)), ties counted as half a win each way; Elo is the online rating of the
same battles in order. Confidence intervals come from a seeded bootstrap over battles. What the
numbers cannot say on degenerate data (an unbeaten model, groups never compared) is in
`core.arena.diagnostics`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SCALE, BASE, INIT = 400.0, 10.0, 1000.0
Battle = tuple[str, str, str]


def _score(outcome: str) -> float:
    """Model a's share of the win."""
    return {"a": 1.0, "b": 0.0, "tie": 0.5, "both_bad": 0.5}[outcome]


def elo(battles: Sequence[Battle], k: float = 4.0) -> dict[str, float]:
    ratings: dict[str, float] = {}
    for a, b, outcome in battles:
        ra, rb = ratings.setdefault(a, INIT), ratings.setdefault(b, INIT)
        expected = 1 / (1 + BASE ** ((rb - ra) / SCALE))
        delta = k * (_score(outcome) - expected)
        ratings[a], ratings[b] = ra + delta, rb - delta
    return ratings


@dataclass(frozen=True)
class BradleyTerryFit:
    ratings: dict[str, float]
    iterations: int
    converged: bool  # the Newton steps fell below `tol` before `iterations` ran out


def _strengths(wins: np.ndarray, iterations: int, tol: float) -> tuple[np.ndarray, int, bool]:
    """Log-strengths (mean 0) maximising the BT likelihood plus a tiny prior: one tie of each model against
    a virtual average player (strength 0, the mean), which keeps an unbeaten model finite. The objective
    is concave, so Newton's method (with the mean held at 0 and a backtracking line search) converges in
    a handful of steps, to `tol`, where the MM iteration (Hunter 2004) crawls for an unbeaten model."""
    n = len(wins)
    games, won = wins + wins.T, wins.sum(1) + 0.5

    def objective(theta: np.ndarray) -> float:
        pair = theta[:, None] - np.logaddexp(theta[:, None], theta[None, :])
        return float((wins * pair).sum() + (0.5 * theta - np.logaddexp(theta, 0.0)).sum())

    theta, value = np.zeros(n), objective(np.zeros(n))
    kkt = np.zeros((n + 1, n + 1))
    kkt[:n, n] = kkt[n, :n] = 1.0  # the step keeps the mean at 0
    for step in range(1, iterations + 1):
        s = 1 / (1 + np.exp(theta[None, :] - theta[:, None]))  # s[i, j] = P(i beats j)
        sigma = 1 / (1 + np.exp(-theta))
        grad = won - (games * s).sum(1) - sigma
        curvature = games * s * (1 - s)
        kkt[:n, :n] = np.diag(curvature.sum(1) + sigma * (1 - sigma)) - curvature  # minus the Hessian
        delta = np.linalg.solve(kkt, np.append(grad, 0.0))[:n]
        scale = 1.0
        while (new_value := objective(theta + scale * delta)) < value - 1e-12 and scale > 1e-6:
            scale /= 2
        theta, value = theta + scale * delta, new_value
        if np.max(np.abs(scale * delta)) < tol:
            return theta, step, True
    return theta, iterations, False


def fit_bradley_terry(battles: Sequence[Battle], iterations: int = 100, tol: float = 1e-10) -> BradleyTerryFit:
    """Maximum-likelihood BT ratings (ties as half wins) on the Elo scale, the mean rating at 1000."""
    models = sorted({m for a, b, _ in battles for m in (a, b)})
    if not models:
        return BradleyTerryFit({}, 0, True)
    index = {m: i for i, m in enumerate(models)}
    wins = np.zeros((len(models), len(models)))  # wins[i, j]: (fractional) wins of i over j
    for a, b, outcome in battles:
        s = _score(outcome)
        wins[index[a], index[b]] += s
        wins[index[b], index[a]] += 1 - s
    theta, steps, converged = _strengths(wins, iterations, tol)
    ratings = SCALE * theta / np.log(BASE)
    return BradleyTerryFit({m: float(INIT + r - ratings.mean()) for m, r in zip(models, ratings)}, steps, converged)


def bradley_terry(battles: Sequence[Battle], iterations: int = 100, tol: float = 1e-10) -> dict[str, float]:
    return fit_bradley_terry(battles, iterations, tol).ratings


@dataclass(frozen=True)
class RatingRow:
    model: str
    rating: float
    ci_low: float
    ci_high: float
    votes: int


def bootstrap(battles: Sequence[Battle], method: str = "bt", rounds: int = 200, seed: int = 0,
              confidence: float = 0.95) -> list[RatingRow]:
    """Ratings with percentile bootstrap intervals, best first."""
    fit = {"bt": bradley_terry, "elo": elo}[method]
    battles = list(battles)
    if not battles:
        return []
    rng = np.random.default_rng(seed)
    point = fit(battles)
    samples: dict[str, list[float]] = {m: [] for m in point}
    for _ in range(rounds):
        resampled = [battles[i] for i in rng.integers(0, len(battles), len(battles))]
        if method == "elo":
            resampled = [resampled[i] for i in rng.permutation(len(resampled))]
        for m, r in fit(resampled).items():
            samples[m].append(r)
    alpha = (1 - confidence) / 2
    votes = {m: sum(m in (a, b) for a, b, _ in battles) for m in point}
    # a model absent from every resample (one battle among many) has no spread to show: its point rating
    rows = [RatingRow(m, point[m], float(np.quantile(samples[m] or [point[m]], alpha)),
                      float(np.quantile(samples[m] or [point[m]], 1 - alpha)), votes[m]) for m in point]
    return sorted(rows, key=lambda r: -r.rating)


@dataclass(frozen=True)
class PairStats:
    model_a: str
    model_b: str
    wins: int
    ties: int
    losses: int
    both_bad: int
    win_rate: float       # wins of a (ties as half) over all battles of the pair
    ci_low: float
    ci_high: float


def pair_stats(battles: Sequence[Battle], rounds: int = 1000, seed: int = 0) -> list[PairStats]:
    """Wins/ties/losses of each pair and a's win rate with a bootstrap 95% interval."""
    rng = np.random.default_rng(seed)
    pairs: dict[tuple[str, str], list[float]] = {}
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for a, b, outcome in battles:
        key, flip = ((a, b), False) if a < b else ((b, a), True)
        s = _score(outcome)
        pairs.setdefault(key, []).append(1 - s if flip else s)
        label = {"a": "b", "b": "a"}.get(outcome, outcome) if flip else outcome
        c = counts.setdefault(key, {"a": 0, "b": 0, "tie": 0, "both_bad": 0})
        c[label] += 1
    out = []
    for (a, b), scores in sorted(pairs.items()):
        arr = np.array(scores)
        boots = arr[rng.integers(0, len(arr), (rounds, len(arr)))].mean(1)
        c = counts[(a, b)]
        out.append(PairStats(a, b, c["a"], c["tie"], c["b"], c["both_bad"], float(arr.mean()),
                             float(np.quantile(boots, 0.025)), float(np.quantile(boots, 0.975))))
    return out
