"""The training loop shared by stage 1 and stage 2.

Micro-batch number k of the whole run is fixed by (seed, k), and rank r of W takes
k = step·(A·W) + a·W + r for accumulation step a, so one process with A·W accumulation steps and
W processes with A see the same data. Metrics are reported once per optimizer step by rank 0.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from pathlib import Path

import torch

from core import metric_names as metric
from core.evaluation.bpc import bits_per_character
from core.jobs.context import CancelRequested
from core.jobs.events import Progress
from core.training.checkpoint import TrainState, latest_checkpoint, load_checkpoint, save_checkpoint
from core.training.data import BatchSource
from core.training.distill import Objective
from core.training.distributed import Dist, is_sharded
from core.training.precision import autocast_context
from core.training.schedules import lr_at


@dataclass(frozen=True)
class LoopConfig:
    steps: int
    learning_rate: float
    scheduler: str
    warmup_steps: int
    weight_decay: float
    batch_size: int
    grad_accum: int
    eval_every: int
    seed: int
    checkpoint_every: int
    min_lr_ratio: float = 0.1
    decay_steps: int = 0
    max_grad_norm: float = 1.0

    @classmethod
    def from_settings(cls, cfg: dict) -> LoopConfig:
        return cls(**{k: cfg[k] for k in cls.__dataclass_fields__ if k in cfg})


def make_optimizer(model, cfg: LoopConfig) -> torch.optim.Optimizer:
    """AdamW; weight decay on matrices, none on norms and biases. Tied tensors appear once
    (`parameters()` yields a shared parameter once)."""
    decay, no_decay = [], []
    for param in model.parameters():
        if param.requires_grad:
            # A matrix with kept rows (core.training.source_rows) must not decay: those rows would move.
            (decay if param.dim() >= 2 and not getattr(param, "no_weight_decay", False) else no_decay).append(param)
    return torch.optim.AdamW([{"params": decay, "weight_decay": cfg.weight_decay},
                              {"params": no_decay, "weight_decay": 0.0}],
                             lr=cfg.learning_rate, betas=(0.9, 0.95), eps=1e-8)


def train(ctx, model, wrapped, tokenizer, data: BatchSource, cfg: LoopConfig, *, heldout: str,
          checkpoints: Path, resume_from: Path | None, dist: Dist, device: torch.device,
          autocast_dtype: torch.dtype | None, objective=None) -> TrainState:
    """Train `wrapped` (the model, or its DDP wrapper) for cfg.steps optimizer steps on `objective`
    (a `core.training.distill.Objective`; default: next-token loss)."""
    objective = objective or Objective("lm")
    optimizer = make_optimizer(model, cfg)
    state = TrainState(history=[])
    if resume_from is not None and (ckpt := latest_checkpoint(resume_from)) is not None:
        state = load_checkpoint(ckpt, model, optimizer)
        if dist.is_main:
            ctx.log(f"resumed from {ckpt} at step {state.step}")
            for step, name, value in state.history:  # the curve so far, so plots continue where they stopped
                ctx.metric(name, value, step)
    autocast = autocast_context(device, autocast_dtype)
    per_step = cfg.grad_accum * dist.world
    block_tokens = cfg.batch_size * data.tokens_per_example
    model.train()
    while state.step < cfg.steps:
        lr = lr_at(state.step, peak=cfg.learning_rate, total=cfg.steps, warmup=cfg.warmup_steps,
                   schedule=cfg.scheduler, min_ratio=cfg.min_lr_ratio, decay_steps=cfg.decay_steps)
        for group in optimizer.param_groups:
            group["lr"] = lr
        started = time.perf_counter()
        step_loss = torch.zeros((), device=device)
        for a in range(cfg.grad_accum):
            batch = data.micro_batch(state.step * per_step + a * dist.world + dist.rank, cfg.batch_size, cfg.seed)
            inputs = {k: v.to(device) for k, v in batch.items()}
            with dist.no_sync(wrapped, a == cfg.grad_accum - 1), autocast:
                loss = objective(wrapped, inputs) / cfg.grad_accum
                loss.backward()
            step_loss += loss.detach()
        torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], cfg.max_grad_norm)
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
        loss_value = dist.mean(step_loss).item()
        state.step += 1
        state.tokens += block_tokens * per_step
        state.seconds += time.perf_counter() - started
        if not math.isfinite(loss_value):
            raise FloatingPointError(f"the training loss became {loss_value} at step {state.step}; "
                                     "lower the learning rate")
        _report(ctx, state, dist, {metric.LOSS: loss_value, metric.LR: lr,
                                   metric.TOKENS_PER_S: block_tokens * per_step / (time.perf_counter() - started)})
        if dist.is_main:
            ctx.emit(Progress(done=state.step, total=cfg.steps, unit="steps"))
        if state.step % cfg.eval_every == 0 or state.step == cfg.steps:
            evaluate(ctx, model, tokenizer, heldout, data.eval_window, state, dist)
            model.train()
        if state.step % cfg.checkpoint_every == 0 and state.step < cfg.steps:
            save_checkpoint(checkpoints, model, optimizer, state, dist.is_main)
            dist.barrier()
        if dist.any(_cancel_requested(ctx)):
            raise CancelRequested()
    return state


def _cancel_requested(ctx) -> bool:
    try:
        ctx.check_cancelled()
    except CancelRequested:
        return True
    return False


def _report(ctx, state: TrainState, dist: Dist, metrics: dict[str, float]) -> None:
    if not dist.is_main:
        return
    for name, value in metrics.items():
        ctx.metric(name, value, state.step)
        state.history.append((state.step, name, value))


@torch.no_grad()
def evaluate(ctx, model, tokenizer, heldout: str, window: int, state: TrainState, dist: Dist) -> None:
    """Held-out loss per token, bits per character and the characters of the model's first choice per
    token (the greedy speed-up, which bits per character do not show), reported by rank 0. The others
    wait, or, when the model is sharded (FSDP), run the same forward passes, which need every rank's
    shard. Always in the master weights' precision, so runs with and without autocast compare."""
    if heldout and (dist.is_main or is_sharded(model)):
        model.eval()
        result = bits_per_character(model, tokenizer, heldout, window=window)
        _report(ctx, state, dist, {metric.EVAL_LOSS: result.nll_nats / result.tokens,
                                    metric.BPC_RU: result.bits_per_char,
                                    metric.TOP1_CHARS_RU: result.top1_chars_per_token})
    dist.barrier()
