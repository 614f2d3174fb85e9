"""What a leaderboard cannot say on degenerate data, said in words next to it.

A Bradley–Terry rating has a finite maximum-likelihood value only when every model has lost and won
against models connected to the rest. An unbeaten (or winless) model's rating is held finite by the
prior alone; two groups of models never compared with each other have ratings on unrelated scales,
yet the table interleaves them; an interval from a handful of battles is rough. Each case becomes a
warning: kind, the models concerned, and a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

from core.arena.ratings import Battle, fit_bradley_terry

FEW_BATTLES = 10  # below this per model, a bootstrap interval says little


@dataclass(frozen=True)
class RatingWarning:
    kind: str  # "no_votes", "unbeaten", "winless", "disconnected", "few_battles", "not_converged", "ignored_votes"
    models: tuple[str, ...]
    message: str

    def as_dict(self) -> dict:
        return {**asdict(self), "models": list(self.models)}


def _records(battles: Sequence[Battle]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for a, b, outcome in battles:
        ra = out.setdefault(a, {"won": 0, "lost": 0, "battles": 0})
        rb = out.setdefault(b, {"won": 0, "lost": 0, "battles": 0})
        ra["battles"] += 1
        rb["battles"] += 1
        if outcome == "a":
            ra["won"], rb["lost"] = ra["won"] + 1, rb["lost"] + 1
        elif outcome == "b":
            rb["won"], ra["lost"] = rb["won"] + 1, ra["lost"] + 1
    return out


def comparison_groups(battles: Sequence[Battle]) -> list[list[str]]:
    """Models linked by battles, directly or through others (connected components), largest first."""
    parent: dict[str, str] = {}

    def root(m: str) -> str:
        while parent.setdefault(m, m) != m:
            parent[m] = parent[parent[m]]
            m = parent[m]
        return m

    for a, b, _ in battles:
        parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for m in sorted(parent):
        groups.setdefault(root(m), []).append(m)
    return sorted(groups.values(), key=lambda g: (-len(g), g))


def _names(models) -> str:
    return ", ".join(models)


def rating_warnings(battles: Sequence[Battle], ignored_votes: int = 0) -> list[RatingWarning]:
    if not battles:
        return [RatingWarning("no_votes", (), "No votes yet: there is nothing to rate.")]
    out: list[RatingWarning] = []
    if ignored_votes:
        out.append(RatingWarning("ignored_votes", (), f"{ignored_votes} vote(s) in the session do not match their "
                                 "item (a forged or damaged copy merged earlier) and are left out of the ratings."))
    records = _records(battles)
    unbeaten = tuple(m for m, r in sorted(records.items()) if r["lost"] == 0 and r["won"] > 0)
    winless = tuple(m for m, r in sorted(records.items()) if r["won"] == 0 and r["lost"] > 0)
    if unbeaten:
        out.append(RatingWarning("unbeaten", unbeaten, f"{_names(unbeaten)} never lost a battle: the data put no "
                                 "upper limit on the rating; the number shown is held finite by the prior."))
    if winless:
        out.append(RatingWarning("winless", winless, f"{_names(winless)} never won a battle: the data put no lower "
                                 "limit on the rating; the number shown is held finite by the prior."))
    groups = comparison_groups(battles)
    if len(groups) > 1:
        listed = " | ".join(_names(g) for g in groups)
        out.append(RatingWarning("disconnected", tuple(m for g in groups for m in g),
                                 f"Some models were never compared with each other, directly or through others "
                                 f"(groups: {listed}): ratings from different groups are not comparable, "
                                 "though the table lists them together."))
    few = tuple(m for m, r in sorted(records.items()) if r["battles"] < FEW_BATTLES)
    if few:
        counts = ", ".join(f"{m} ({records[m]['battles']})" for m in few)
        out.append(RatingWarning("few_battles", few, f"Fewer than {FEW_BATTLES} battles for {counts}: the "
                                 "intervals are rough; collect more votes before drawing conclusions."))
    fit = fit_bradley_terry(battles)
    if not fit.converged:
        out.append(RatingWarning("not_converged", tuple(sorted(fit.ratings)), f"The Bradley–Terry fit did not "
                                 f"converge in {fit.iterations} steps: the ratings are approximate."))
    return out
