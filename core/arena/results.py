"""Session results: leaderboard (Bradley–Terry and Elo with bootstrap CIs), pairs, agreement, counts,
and warnings where the data cannot support the numbers; exported as JSON, CSV and Markdown."""

from __future__ import annotations

import csv
import io
import json
import statistics
from dataclasses import asdict
from pathlib import Path

from core.arena.agreement import cohen_kappa, fleiss_kappa, pairwise_agreement
from core.arena.diagnostics import rating_warnings
from core.arena.ratings import bootstrap, pair_stats
from core.arena.session import Session


def session_results(session: Session, rounds: int = 200, seed: int = 0) -> dict:
    battles = session.battles()
    votes = session.votes_by_annotator()
    lengths = session.answer_lengths()
    annotators = sorted(votes)
    return {
        "votes": len(battles),
        "leaderboard_bt": [{**asdict(r), "median_answer_chars": statistics.median(lengths.get(r.model, [0]))}
                           for r in bootstrap(battles, "bt", rounds, seed)] if battles else [],
        "leaderboard_elo": [asdict(r) for r in bootstrap(battles, "elo", rounds, seed)] if battles else [],
        "pairs": [asdict(p) for p in pair_stats(battles, seed=seed)],
        "agreement": {
            "pairwise": pairwise_agreement(votes), "fleiss_kappa": fleiss_kappa(votes),
            "cohen_kappa": {f"{x} / {y}": cohen_kappa(votes[x], votes[y])
                            for i, x in enumerate(annotators) for y in annotators[i + 1:]},
        },
        "annotators": {a: len(v) for a, v in votes.items()},
        "warnings": [w.as_dict() for w in rating_warnings(battles, session.invalid_votes())],
    }


def to_markdown(results: dict) -> str:
    warnings = results.get("warnings", [])
    lines = ["Warnings:", *(f"- {w['message']}" for w in warnings), ""] if warnings else []
    lines += ["| Model | Rating (BT) | 95% CI | Votes | Median answer (chars) |", "|---|---:|---|---:|---:|"]
    for r in results["leaderboard_bt"]:
        lines.append(f"| {r['model']} | {r['rating']:.0f} | {r['ci_low']:.0f} – {r['ci_high']:.0f} | {r['votes']} "
                     f"| {r['median_answer_chars']:.0f} |")
    lines += ["", "| Pair | Wins | Ties | Losses | Both bad | Win rate (95% CI) |", "|---|---:|---:|---:|---:|---|"]
    for p in results["pairs"]:
        lines.append(f"| {p['model_a']} vs {p['model_b']} | {p['wins']} | {p['ties']} | {p['losses']} | "
                     f"{p['both_bad']} | {p['win_rate']:.0%} ({p['ci_low']:.0%} – {p['ci_high']:.0%}) |")
    lines += ["", "A tie and \"both bad\" each count as half a win for both models, in the win rate and in the "
                  "ratings: neither answer was preferred."]
    agreement = results["agreement"]
    fmt = lambda v: "n/a" if v is None else f"{v:.2f}"  # noqa: E731
    lines += ["", f"Annotators: {', '.join(f'{a} ({n})' for a, n in results['annotators'].items())}; "
                  f"pairwise agreement {fmt(agreement['pairwise'])}, Fleiss' κ {fmt(agreement['fleiss_kappa'])}."]
    return "\n".join(lines) + "\n"


def to_csv(results: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["model", "rating_bt", "ci_low", "ci_high", "votes", "median_answer_chars"])
    for r in results["leaderboard_bt"]:
        writer.writerow([r["model"], f"{r['rating']:.1f}", f"{r['ci_low']:.1f}", f"{r['ci_high']:.1f}", r["votes"],
                         r["median_answer_chars"]])
    return out.getvalue()


def export(results: dict, stem: Path) -> list[Path]:
    files = {".json": json.dumps(results, indent=2, ensure_ascii=False), ".csv": to_csv(results),
             ".md": to_markdown(results)}
    written = []
    for suffix, text in files.items():
        path = stem.with_suffix(suffix)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
