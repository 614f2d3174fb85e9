"""Atomic training checkpoints: trainable weights (safetensors), optimizer, RNG states, step, metrics.

A checkpoint is written into a temporary folder and renamed into place, so a kill at any moment
leaves either the previous checkpoint or the new one, never half of one. Resuming restores the
exact state: same step, same data position, same random numbers.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

LATEST = "latest"


@dataclass
class TrainState:
    step: int = 0                 # optimizer steps done
    tokens: int = 0               # training tokens seen (all ranks)
    seconds: float = 0.0          # training wall time so far (for tokens/s and MFU across resumes)
    history: list | None = None   # [(step, name, value)] of metrics already reported


def trainable_state(model) -> dict[str, torch.Tensor]:
    """Trainable tensors by name; tied weights saved once (safetensors refuses shared memory)."""
    seen, out = set(), {}
    for name, param in model.named_parameters():
        if param.requires_grad and param.data_ptr() not in seen:
            seen.add(param.data_ptr())
            out[name] = param.detach().to("cpu").contiguous()
    return out


def save_checkpoint(folder: Path, model, optimizer, state: TrainState) -> Path:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"step-{state.step:08d}"
    tmp = folder / f".{target.name}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    save_file(trainable_state(model), tmp / "trainable.safetensors")
    torch.save({"optimizer": optimizer.state_dict(), "torch_rng": torch.get_rng_state(),
                "cuda_rng": torch.cuda.get_rng_state_all() if torch.cuda.is_available() else []},
               tmp / "optimizer.pt")
    (tmp / "state.json").write_text(json.dumps(state.__dict__))
    os.replace(tmp, target)
    _point_latest(folder, target.name)
    for old in sorted(folder.glob("step-*"))[:-2]:  # keep the last two
        shutil.rmtree(old, ignore_errors=True)
    return target


def _point_latest(folder: Path, name: str) -> None:
    tmp = folder / f".{LATEST}.tmp"
    tmp.write_text(name)
    os.replace(tmp, folder / LATEST)


def latest_checkpoint(folder: Path) -> Path | None:
    try:
        path = Path(folder) / (Path(folder) / LATEST).read_text().strip()
    except FileNotFoundError:
        return None
    return path if (path / "state.json").exists() else None


def load_checkpoint(path: Path, model, optimizer) -> TrainState:
    weights = load_file(path / "trainable.safetensors")
    params = dict(model.named_parameters())
    with torch.no_grad():
        for name, tensor in weights.items():
            params[name].copy_(tensor.to(params[name].device, params[name].dtype))
    # Our own file, loaded with the restricted unpickler: tensors and plain containers only.
    extra = torch.load(path / "optimizer.pt", weights_only=True)
    optimizer.load_state_dict(extra["optimizer"])
    torch.set_rng_state(extra["torch_rng"])
    if extra["cuda_rng"]:
        torch.cuda.set_rng_state_all(extra["cuda_rng"])
    return TrainState(**json.loads((path / "state.json").read_text()))
