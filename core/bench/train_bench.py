"""`ruadapt bench train`: stage 1 on a project's transplanted model, variants measured in the same run,
alternated so drift on a shared machine falls on all of them.

1. Precision: fp32 against bf16 autocast (fp32 master weights), when this CPU has native bf16, for
   the same number of steps: tokens/s, and held-out bits per character after those steps.
2. Objective: next-token loss against distillation from the original model (and both), for the same
   wall-clock: steps done, and held-out bits per character when time is up.

Each variant runs in its own process (`core.bench.train_variant`).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from core.training.precision import cpu_bf16_features


def run_variant(spec: dict) -> dict:
    out = subprocess.run([sys.executable, "-m", "core.bench.train_variant", json.dumps(spec)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"bench variant {spec['precision']}/{spec['objective']} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def alternate(variants: list[str], repeats: int) -> list[str]:
    """a b c, then c b a, …: each variant runs early and late."""
    order = []
    for r in range(repeats):
        order += variants if r % 2 == 0 else variants[::-1]
    return order


def _bpc_cells(result: dict) -> str:
    """Bits per character, then the characters per first-choice token (greedy generation's, core.evaluation.bpc)."""
    return ("  ".join(f"{lang} {v:.3f}" for lang, v in result["bpc"].items()) + "   first choice "
            + "  ".join(f"{lang} {v:.2f}" for lang, v in result["top1_chars"].items()) + " characters/token")


def precision_table(base: dict, steps: int, repeats: int, print_=print) -> dict:
    variants = ["fp32", "bf16"] if cpu_bf16_features() else ["fp32"]
    rows: dict[str, list[dict]] = {}
    for v in alternate(variants, repeats):
        rows.setdefault(v, []).append(run_variant({**base, "precision": v, "objective": "lm", "steps": steps}))
        print_(f"  (ran {v}: {rows[v][-1]['tokens_per_s']:.1f} tokens/s, {rows[v][-1]['wall_s']:.0f} s)", flush=True)
    best = {v: max(rows[v], key=lambda r: r["tokens_per_s"]) for v in rows}
    print_(f"precision: stage 1, objective lm, {steps} steps of {base['batch']} × {base['block']} tokens, "
           f"best of {repeats} by tokens/s; held-out bits per character after the same steps")
    for v, r in best.items():
        print_(f"  {v:5s} {r['tokens_per_s']:8.1f} tokens/s   bpc {_bpc_cells(r)}   "
               f"peak RSS {r['peak_rss_mb']:,.0f} MB")
    if "bf16" in best:
        print_(f"  bf16/fp32 tokens/s: {best['bf16']['tokens_per_s'] / best['fp32']['tokens_per_s']:.2f}×")
    else:
        print_("  bf16: this CPU has no native bf16 (AVX-512 BF16 or AMX); not measured")
    return {"steps": steps, "rows": rows, "best": best}


def objective_table(base: dict, seconds: float, objectives: list[str], precision: str, repeats: int,
                    print_=print) -> dict:
    rows: dict[str, list[dict]] = {}
    for obj in alternate(objectives, repeats):
        rows.setdefault(obj, []).append(run_variant({**base, "precision": precision, "objective": obj,
                                                     "seconds": seconds, "steps": None}))
        print_(f"  (ran {obj}: {rows[obj][-1]['steps']} steps, {rows[obj][-1]['wall_s']:.0f} s)", flush=True)
    print_(f"objective: stage 1, {precision}, {seconds:.0f} s of training each (constant learning rate after "
           f"warmup), mean of {repeats}; held-out bits per character when time is up")
    mean = {}
    for obj, runs in rows.items():
        mean[obj] = {lang: sum(r["bpc"][lang] for r in runs) / len(runs) for lang in runs[0]["bpc"]}
        top1 = {lang: sum(r["top1_chars"][lang] for r in runs) / len(runs) for lang in runs[0]["top1_chars"]}
        steps = sum(r["steps"] for r in runs) / len(runs)
        tps = sum(r["tokens_per_s"] for r in runs) / len(runs)
        cells = _bpc_cells({"bpc": mean[obj], "top1_chars": top1})
        print_(f"  {obj:10s} {steps:6.1f} steps  {tps:7.1f} tokens/s   bpc {cells}")
    ref = mean[objectives[0]]
    for obj in objectives[1:]:
        ratio = "  ".join(f"{lang} {mean[obj][lang] / ref[lang]:.3f}" for lang in ref)
        print_(f"  {obj}/{objectives[0]} bpc: {ratio}")
    return {"seconds": seconds, "rows": rows, "mean_bpc": mean}


def run(student: Path, teacher: Path, train_text: Path, heldout: dict[str, Path], *, steps: int = 20,
        seconds: float = 120.0, batch: int = 4, block: int = 256, lr: float = 5e-4, repeats: int = 2,
        objectives: tuple[str, ...] = ("lm", "distill", "lm+distill"), heldout_chars: int = 8000,
        parts: tuple[str, ...] = ("precision", "objective"), train_rows: str = "all") -> dict:
    base = {"student": str(student), "teacher": str(teacher), "train": str(train_text), "batch": batch,
            "block": block, "lr": lr, "warmup": 2, "heldout_chars": heldout_chars, "train_rows": train_rows,
            "heldout": {lang: str(p) for lang, p in heldout.items()}}
    print(f"student: {student}\nteacher (the original model): {teacher}\nstage-1 rows that learn: {train_rows}")
    start = run_variant({**base, "precision": "fp32", "objective": "lm", "steps": 0})
    print(f"before training (the transplant): bpc {_bpc_cells(start)}", flush=True)
    out = {"start_bpc": start["bpc"]}
    if "precision" in parts:
        out["precision"] = precision_table(base, steps, repeats)
    if "objective" in parts:
        precision = "bf16" if cpu_bf16_features() else "fp32"
        out["objective"] = objective_table(base, seconds, list(objectives), precision, repeats)
    return out
