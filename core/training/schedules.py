"""Learning-rate schedules as pure functions of the step (so a resumed run continues exactly).

cosine: linear warmup over W steps, then cosine from η to min_ratio·η at the last step.
wsd (warmup–stable–decay, MiniCPM): lr = s/W·η while s < W, η until S = total − D, then f(s − S)·η
over the last D steps, with f(x) = min_ratio^(x/D) (exponential annealing: f(0) = 1, f(D) = min_ratio).
"""

from __future__ import annotations

import math

SCHEDULES = ("cosine", "wsd")  # the project's `scheduler` choices (light module: loading a project imports it)


def lr_at(step: int, *, peak: float, total: int, warmup: int, schedule: str, min_ratio: float = 0.1,
          decay_steps: int = 0) -> float:
    """The learning rate for optimizer step `step` (0-based)."""
    warmup = min(warmup, max(total - 1, 0))
    if step < warmup:
        return peak * (step + 1) / warmup
    if schedule == "cosine":
        span = max(1, total - 1 - warmup)
        progress = min(1.0, (step - warmup) / span)
        return peak * (min_ratio + (1 - min_ratio) * 0.5 * (1 + math.cos(math.pi * progress)))
    if schedule == "wsd":
        decay = decay_steps or max(1, total // 10)
        stable_end = total - decay
        if step < stable_end:
            return peak
        return peak * min_ratio ** ((step - stable_end + 1) / decay)
    raise ValueError(f"unknown schedule {schedule!r}")
