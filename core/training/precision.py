"""Which precision a training stage computes in: fp32 master weights, bf16 autocast where the device
does bf16 matmuls natively.

A GPU says so itself (`torch.cuda.is_bf16_supported`). On a CPU, autocast to bf16 only pays with
native bf16 instructions (AVX-512 BF16 or AMX): there a SmolLM2 stage-1 step ran 2.2× faster
(docs: FACTS.md). Without them torch emulates bf16, slower than fp32, so the stage stays fp32.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext

import torch

# The torch probes of this CPU's bf16 instructions, each (name, probe). Private to torch.cpu but
# stable since torch 2.3; a torch without one simply reports it absent.
_CPU_BF16_PROBES: tuple[tuple[str, str], ...] = (
    ("avx512_bf16", "_is_avx512_bf16_supported"),
    ("amx", "_is_amx_tile_supported"),
)


def cpu_bf16_features(probe: Callable[[str], bool] | None = None) -> tuple[str, ...]:
    """The native bf16 features of this CPU torch reports (empty when none)."""
    probe = probe or _torch_cpu_probe
    return tuple(name for name, fn in _CPU_BF16_PROBES if probe(fn))


def _torch_cpu_probe(fn: str) -> bool:
    check = getattr(torch.cpu, fn, None)
    try:
        return bool(check()) if check else False
    except RuntimeError:
        return False


def bf16_supported(device: torch.device, cpu_features: tuple[str, ...] | None = None) -> bool:
    if device.type == "cuda":
        return torch.cuda.is_bf16_supported()
    if device.type == "cpu":
        return bool(cpu_bf16_features() if cpu_features is None else cpu_features)
    return False


def training_precision(setting: str, device: torch.device,
                       cpu_features: tuple[str, ...] | None = None) -> tuple[str, torch.dtype | None]:
    """(weights dtype, autocast dtype) for `models.dtype`. auto: fp32 master weights, with bf16
    autocast where the device has native bf16; float32 forces plain fp32; bfloat16/float16 load the
    weights in that dtype (no autocast)."""
    if setting == "auto":
        return "float32", (torch.bfloat16 if bf16_supported(device, cpu_features) else None)
    return setting, None


def autocast_context(device: torch.device, dtype: torch.dtype | None) -> AbstractContextManager:
    return torch.autocast(device.type, dtype=dtype) if dtype else nullcontext()


def describe(weights: str, autocast: torch.dtype | None, device: torch.device) -> str:
    how = f"bf16 autocast, {weights} master weights" if autocast else f"{weights}"
    features = f" ({', '.join(cpu_bf16_features())})" if autocast and device.type == "cpu" else ""
    return how + features
