"""Process-group facts and model wrapping for DDP and FSDP under torchrun (one process on a
workstation is world size 1)."""

from __future__ import annotations

import gc
import os
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import timedelta

import torch
import torch.distributed as tdist

from core.errors import ModelError

# The other ranks wait at a barrier while rank 0 alone tokenizes the corpus (gigabytes on a real run)
# and writes the final model (tens of GB): NCCL's default 10 minutes would kill a healthy job.
COLLECTIVE_TIMEOUT = timedelta(hours=3)


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
            tdist.init_process_group("nccl" if device.type == "cuda" else "gloo", timeout=COLLECTIVE_TIMEOUT)

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

    def wrap(self, model, strategy: str, device: torch.device):
        """DDP: every process holds the whole model. FSDP (FSDP2 `fully_shard`): each decoder layer,
        then the rest (embeddings, norm, head), is sharded across the processes, so a model that does
        not fit one GPU trains on several; `model` is changed in place and returned."""
        if not self.enabled:
            return model
        if strategy == "fsdp":
            from torch.distributed.device_mesh import init_device_mesh
            from torch.distributed.fsdp import fully_shard
            mesh = init_device_mesh(device.type, (self.world,))  # the project's device, even beside a GPU
            layers = decoder_layer_classes(model)
            for module in model.modules():
                if type(module).__name__ in layers:
                    fully_shard(module, mesh=mesh)
            fully_shard(model, mesh=mesh)  # also moves the shards to the mesh's device
            return model
        return torch.nn.parallel.DistributedDataParallel(
            model.to(device), device_ids=[device.index] if device.type == "cuda" else None)

    def no_sync(self, model, last_micro_step: bool):
        """Skip the gradient all-reduce (DDP) or reduce-scatter (FSDP) on all but the last micro-step
        of an accumulation."""
        if not self.enabled:
            return nullcontext()
        if is_sharded(model):
            model.set_requires_gradient_sync(last_micro_step)
            return nullcontext()
        return model.no_sync() if not last_micro_step else nullcontext()

    def close(self) -> None:
        """Call after the last reference to a DDP wrapper is gone. A DDP reducer holds the process group;
        freed after destroy_process_group it would run gloo's destructor with the GIL held, which joins
        worker threads that may wait for the GIL: a deadlock at exit (seen here). So the reducer goes
        (collected here while the group is alive) and every rank's work is done before the group goes."""
        if self.enabled and tdist.is_initialized():
            gc.collect()
            tdist.barrier()
            tdist.destroy_process_group()


def decoder_layer_classes(model) -> set[str]:
    """The decoder layer's class names, as Hugging Face declares them for device maps (accelerate's
    FSDP auto-wrap reads the same attribute), so no per-architecture table is needed here."""
    for module in model.modules():
        if getattr(module, "_no_split_modules", None):
            return set(module._no_split_modules)
    raise ModelError(f"{type(model).__name__} does not name its decoder layers (_no_split_modules), so FSDP "
                     "cannot shard it layer by layer", where="[compute] strategy",
                     fix="use strategy = 'ddp' for this model")


def is_sharded(model) -> bool:
    from torch.distributed.fsdp import FSDPModule
    return isinstance(model, FSDPModule)
