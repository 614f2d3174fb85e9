"""Atomic training checkpoints: trainable weights (safetensors), optimizer, RNG states, step, metrics.

A checkpoint is written into a temporary folder and renamed into place, so a kill at any moment
leaves either the previous checkpoint or the new one, never half of one. Resuming restores the
exact state: same step, same data position, same random numbers. Under FSDP the shards are gathered
into full tensors (every rank takes part, rank 0 writes), so a checkpoint does not depend on the
number of processes that wrote it.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file
from torch.distributed.checkpoint.state_dict import (
    StateDictOptions,
    get_model_state_dict,
    get_optimizer_state_dict,
    set_model_state_dict,
    set_optimizer_state_dict,
)

from core.atomic_files import write_atomic
from core.training.distributed import is_sharded

LATEST = "latest"


@dataclass
class TrainState:
    step: int = 0                 # optimizer steps done
    tokens: int = 0               # training tokens seen (all ranks)
    seconds: float = 0.0          # training wall time so far (for tokens/s and MFU across resumes)
    history: list | None = None   # [(step, name, value)] of metrics already reported


FULL_ON_CPU = StateDictOptions(full_state_dict=True, cpu_offload=True)  # gathered; rank 0 receives it


def trainable_state(model) -> dict[str, torch.Tensor]:
    """Trainable tensors by name, on the CPU; tied weights once (named_parameters yields a shared
    parameter once, and safetensors refuses shared memory). Collective under FSDP: every rank calls
    it, rank 0 gets the full tensors and the others an empty dict."""
    names = [name for name, param in model.named_parameters() if param.requires_grad]
    if is_sharded(model):
        full = get_model_state_dict(model, options=FULL_ON_CPU)
        return {name: full[name].contiguous() for name in names if name in full}
    params = dict(model.named_parameters())
    return {name: params[name].detach().to("cpu").contiguous() for name in names}


def save_checkpoint(folder: Path, model, optimizer, state: TrainState, is_main: bool = True) -> Path | None:
    """Called by every rank (FSDP gathers the shards); only rank 0 writes."""
    sharded = is_sharded(model)
    if not (is_main or sharded):
        return None
    weights = trainable_state(model)
    optim = get_optimizer_state_dict(model, optimizer, options=FULL_ON_CPU) if sharded else optimizer.state_dict()
    if not is_main:
        return None
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"step-{state.step:08d}"
    tmp = folder / f".{target.name}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    save_file(weights, tmp / "trainable.safetensors")
    torch.save({"optimizer": optim, "torch_rng": torch.get_rng_state(),
                "cuda_rng": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else []},
               tmp / "optimizer.pt")
    (tmp / "state.json").write_text(json.dumps(state.__dict__))
    os.replace(tmp, target)
    _point_latest(folder, target.name)
    for old in sorted(folder.glob("step-*"))[:-2]:  # keep the last two
        shutil.rmtree(old, ignore_errors=True)
    return target


def _point_latest(folder: Path, name: str) -> None:
    write_atomic(folder / LATEST, name)


def latest_checkpoint(folder: Path) -> Path | None:
    try:
        path = Path(folder) / (Path(folder) / LATEST).read_text().strip()
    except FileNotFoundError:
        return None
    return path if (path / "state.json").exists() else None


def load_checkpoint(path: Path, model, optimizer) -> TrainState:
    """Every rank reads the full tensors; under FSDP each keeps its own shard of them."""
    weights = load_file(path / "trainable.safetensors")
    # Our own file, loaded with the restricted unpickler: tensors and plain containers only.
    extra = torch.load(path / "optimizer.pt", weights_only=True)
    if is_sharded(model):
        full = StateDictOptions(full_state_dict=True, strict=False)
        set_model_state_dict(model, weights, options=full)
        set_optimizer_state_dict(model, optimizer, extra["optimizer"], options=full)
    else:
        params = dict(model.named_parameters())
        with torch.no_grad():
            for name, tensor in weights.items():
                params[name].copy_(tensor.to(params[name].device, params[name].dtype))
        optimizer.load_state_dict(extra["optimizer"])
    torch.set_rng_state(extra["torch_rng"])
    if extra["cuda_rng"]:
        torch.cuda.set_rng_state_all(extra["cuda_rng"])
    return TrainState(**json.loads((path / "state.json").read_text()))
