"""Inter-annotator agreement on the same items: raw pairwise agreement, Cohen's and Fleiss' kappa."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

CATEGORIES = ("a", "b", "tie", "both_bad")


def pairwise_agreement(votes: dict[str, dict[str, str]]) -> float | None:
    """votes[annotator][item] = label. Share of (item, annotator pair) where both gave the same label."""
    same = total = 0
    for x, y in combinations(sorted(votes), 2):
        for item in votes[x].keys() & votes[y].keys():
            total += 1
            same += votes[x][item] == votes[y][item]
    return same / total if total else None


def cohen_kappa(x: dict[str, str], y: dict[str, str]) -> float | None:
    items = sorted(x.keys() & y.keys())
    if not items:
        return None
    observed = sum(x[i] == y[i] for i in items) / len(items)
    px, py = Counter(x[i] for i in items), Counter(y[i] for i in items)
    expected = sum(px[c] * py[c] for c in CATEGORIES) / len(items) ** 2
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def fleiss_kappa(votes: dict[str, dict[str, str]]) -> float | None:
    """Fleiss' kappa over items rated by at least two annotators (raters per item may vary)."""
    by_item: dict[str, list[str]] = {}
    for per_item in votes.values():
        for item, label in per_item.items():
            by_item.setdefault(item, []).append(label)
    rows = [Counter(labels) for labels in by_item.values() if len(labels) >= 2]
    if not rows:
        return None
    p_items, totals, n_ratings = [], Counter(), 0
    for row in rows:
        n = sum(row.values())
        p_items.append((sum(c * c for c in row.values()) - n) / (n * (n - 1)))
        totals.update(row)
        n_ratings += n
    p_bar = sum(p_items) / len(p_items)
    p_e = sum((totals[c] / n_ratings) ** 2 for c in CATEGORIES)
    return 1.0 if p_e == 1 else (p_bar - p_e) / (1 - p_e)
