"""`ruadapt bench lep`: fitting and applying the LEP projection at a large-model size on this machine.

Both steps are dense linear algebra, so the baseline measured in the same run is the bare BLAS work
they cannot avoid: the same Gram products and Cholesky solve on the same sampled rows, and one
matmul of the whole vocabulary by P. The ratio shows what our chunking (memory O(d²) for the fit,
O(chunk·d) extra for the apply) costs; the FLOP rate shows how far the machine itself is from
"seconds". Optionally the exact fit on every row, and the difference it makes.
"""

from __future__ import annotations

import resource
import time

import torch

from core.lep.projection import fit_projection, project, sample_rows


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _timed(fn, device: str):
    if device == "cuda":
        torch.cuda.synchronize()
    t = time.perf_counter()
    out = fn()
    if device == "cuda":
        torch.cuda.synchronize()
    return out, time.perf_counter() - t


def _bare_fit(x, y, rows, device):
    xs, ys = x[rows].to(device, torch.float64), y[rows].to(device, torch.float64)
    return torch.cholesky_solve(xs.T @ ys, torch.linalg.cholesky(xs.T @ xs))


def run(vocab: int = 150_000, dim: int = 4096, max_rows: int = 16384, exact: bool = False,
        device: str = "auto") -> dict:
    device = ("cuda" if torch.cuda.is_available() else "cpu") if device == "auto" else device
    where = torch.cuda.get_device_name() if device == "cuda" else f"CPU, {torch.get_num_threads()} threads"
    g = torch.Generator().manual_seed(0)
    x = torch.randn(vocab, dim, generator=g)
    # A diagonal P_true keeps the inputs cheap to make (no vocab × d² product before the clock starts).
    scale = 1 + 0.1 * torch.randn(dim, generator=g)
    y = x * scale + 1e-3 * torch.randn(vocab, dim, generator=g)
    rows = sample_rows(vocab, max_rows, 0)
    print(f"vocabulary {vocab:,} × {dim} on {where}; fit on {len(rows):,} sampled rows "
          f"(inputs ready, peak RSS {_peak_mb():,.0f} MB)", flush=True)
    fit_flop = 2 * 2 * len(rows) * dim * dim + dim ** 3 / 3 + 2 * dim ** 3  # grams, Cholesky, solve
    apply_flop = 2 * vocab * dim * dim
    for dtype in (torch.float64, torch.float32):  # BLAS threads and kernels warmed before either clock
        w = torch.ones(1024, 1024, dtype=dtype, device=device)
        _timed(lambda w=w: w @ w, device)
    p, fit_s = _timed(lambda: fit_projection(x, y, max_rows=max_rows, device=device), device)
    _, apply_s = _timed(lambda: project(x, p, device=device), device)
    p_bare, bare_fit_s = _timed(lambda: _bare_fit(x, y, rows, device), device)
    p32 = p.to(device, torch.float32)
    _, bare_apply_s = _timed(lambda: (x.to(device) @ p32).cpu(), device)
    row = {"device": where, "rows": len(rows), "fit_s": fit_s, "apply_s": apply_s,
           "bare_fit_s": bare_fit_s, "bare_apply_s": bare_apply_s,
           "fit_gflop_s": fit_flop / fit_s / 1e9, "apply_gflop_s": apply_flop / apply_s / 1e9,
           "error_vs_true": float((p - torch.diag(scale.double())).norm() / scale.norm()),
           "ours_vs_bare": float((p - p_bare.cpu()).norm() / p_bare.norm())}
    print(f"fit   (float64, {fit_flop / 1e12:.2f} TFLOP): ours {fit_s:6.1f} s ({row['fit_gflop_s']:.0f} GFLOP/s)"
          f" | bare BLAS {bare_fit_s:6.1f} s | speed ratio {bare_fit_s / fit_s:.2f}", flush=True)
    print(f"apply (float32, {apply_flop / 1e12:.2f} TFLOP): ours {apply_s:6.1f} s "
          f"({row['apply_gflop_s']:.0f} GFLOP/s) | bare BLAS {bare_apply_s:6.1f} s | "
          f"speed ratio {bare_apply_s / apply_s:.2f}", flush=True)
    print(f"total {fit_s + apply_s:.1f} s; ‖P − P_true‖/‖P_true‖ = {row['error_vs_true']:.1e}, "
          f"‖P_ours − P_bare‖/‖P_bare‖ = {row['ours_vs_bare']:.1e}; peak RSS {_peak_mb():,.0f} MB "
          "(most of it the benchmark's own inputs)", flush=True)
    if exact and max_rows and max_rows < vocab:
        p_all, row["exact_fit_s"] = _timed(lambda: fit_projection(x, y, max_rows=0, device=device), device)
        row["sampled_vs_exact"] = float((p - p_all).norm() / p_all.norm())
        print(f"exact fit (all {vocab:,} rows): {row['exact_fit_s']:.1f} s; sampled is "
              f"{row['exact_fit_s'] / fit_s:.1f}× faster, ‖P_sampled − P_exact‖/‖P_exact‖ = "
              f"{row['sampled_vs_exact']:.2e}", flush=True)
    return row
