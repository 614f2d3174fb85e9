"""Process-group facts for DDP under torchrun (one process on a workstation is world size 1)."""

from __future__ import annotations

import os
from contextlib import nullcontext
from dataclasses import dataclass

import torch
import torch.distributed as tdist


@dataclass(frozen=True)
class Dist:
    rank: int = 0
    world: int = 1
    local_rank: int = 0

    @classmethod
    def from_env(cls) -> Dist:
        return cls(int(os.environ.get("RANK", 0)), int(os.environ.get("WORLD_SIZE", 1)),
                   int(os.environ.get("LOCAL_RANK", 0)))

    @property
    def is_main(self) -> bool:
        return self.rank == 0

    @property
    def enabled(self) -> bool:
        return self.world > 1

    def init(self, device: torch.device) -> None:
        if self.enabled and not tdist.is_initialized():
            tdist.init_process_group("nccl" if device.type == "cuda" else "gloo")

    def mean(self, value: torch.Tensor) -> torch.Tensor:
        if self.enabled:
            value = value.clone()
            tdist.all_reduce(value)
            value /= self.world
        return value

    def any(self, flag: bool) -> bool:
        """True on every rank if it is true on one (so all ranks stop at the same step)."""
        if not self.enabled:
            return flag
        t = torch.tensor([1.0 if flag else 0.0])
        tdist.all_reduce(t, op=tdist.ReduceOp.MAX)
        return bool(t.item())

    def barrier(self) -> None:
        if self.enabled:
            tdist.barrier()

    def no_sync(self, model, last_micro_step: bool):
        """Skip the gradient all-reduce on all but the last micro-step of an accumulation."""
        return model.no_sync() if self.enabled and not last_micro_step else nullcontext()

    def close(self) -> None:
        if self.enabled and tdist.is_initialized():
            tdist.destroy_process_group()
