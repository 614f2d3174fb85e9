"""`ruadapt bench lep`: fitting and applying the LEP projection at a large-model size on this machine.

The default fit (a seeded sample of rows) is timed next to the exact fit on every row, in the same
run, with the difference between the two projections and the peak memory.
"""

from __future__ import annotations

import resource
import time

import torch

from core.lep.projection import fit_projection, project


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(vocab: int = 150_000, dim: int = 4096, max_rows: int = 16384, exact: bool = True) -> dict:
    g = torch.Generator().manual_seed(0)
    x = torch.randn(vocab, dim, generator=g)
    # A diagonal P_true keeps the inputs cheap to make (no vocab × d² product before the clock starts).
    scale = 1 + 0.1 * torch.randn(dim, generator=g)
    p_true = torch.diag(scale)
    y = x * scale + 1e-3 * torch.randn(vocab, dim, generator=g)
    print(f"vocabulary {vocab:,} × {dim}: inputs ready, peak RSS {_peak_mb():,.0f} MB", flush=True)
    t = time.perf_counter()
    p = fit_projection(x, y, max_rows=max_rows)
    fit_s = time.perf_counter() - t
    t = time.perf_counter()
    project(x, p)
    apply_s = time.perf_counter() - t
    row = {"fit_s": fit_s, "apply_s": apply_s, "rows": min(vocab, max_rows or vocab),
           "error_vs_true": float((p - p_true.double()).norm() / p_true.norm())}
    print(f"sampled fit ({row['rows']:,} rows): {fit_s:.1f} s, apply to all rows {apply_s:.1f} s, "
          f"‖P − P_true‖/‖P_true‖ = {row['error_vs_true']:.2e}, peak RSS {_peak_mb():,.0f} MB", flush=True)
    if exact and max_rows and max_rows < vocab:
        t = time.perf_counter()
        p_all = fit_projection(x, y, max_rows=0)
        row["exact_fit_s"] = time.perf_counter() - t
        row["sampled_vs_exact"] = float((p - p_all).norm() / p_all.norm())
        print(f"exact fit (all {vocab:,} rows): {row['exact_fit_s']:.1f} s; sampled is "
              f"{row['exact_fit_s'] / fit_s:.1f}× faster, ‖P_sampled − P_exact‖/‖P_exact‖ = "
              f"{row['sampled_vs_exact']:.2e}", flush=True)
    return row
