"""Plan before spending: a training stage's compute and its time on common GPUs, before it runs."""

from __future__ import annotations

from dataclasses import dataclass

from core.training.flops import DEFAULT_UTILISATION, GPU_PEAK_TFLOPS, ComputeEstimate, training_flops
from core.training.trainable import LORA_TARGETS


@dataclass(frozen=True)
class MemoryEstimate:
    """Bytes one GPU holds while training: the model state (weights; gradients and AdamW's two moments
    for the trained parameters, all in the weights' dtype), divided among the processes under FSDP,
    and the activations of one micro-batch, which no strategy divides."""
    weights: float
    grads_optimizer: float
    activations: float
    strategy: str
    world: int

    @property
    def total(self) -> float:
        return self.weights + self.grads_optimizer + self.activations

    def describe(self) -> str:
        how = f"{self.strategy.upper()} over {self.world}" if self.world > 1 else "one process"
        return (f"memory per GPU ({how}): weights {_gb(self.weights)} + gradients and AdamW "
                f"{_gb(self.grads_optimizer)} + activations ~{_gb(self.activations)} ≈ {_gb(self.total)}")


def estimate_memory(n_parameters: int, trainable: int, *, weights_bytes: int, micro_batch_tokens: int,
                    hidden: int, num_layers: int, vocab: int, checkpointing: bool, strategy: str,
                    world: int) -> MemoryEstimate:
    """Activations after Korthikanti et al. (2022) with fused attention (no s² term): ~34·h bytes per token
    and layer in 16-bit, or only the layer inputs (2·h) plus one layer's worth with gradient
    checkpointing; and the logits with their gradient in float32 (8·V bytes per token), which dominate
    for large vocabularies. Stage 1 trains the input embeddings, so every layer's activations are kept."""
    shards = world if strategy == "fsdp" else 1
    per_layer = 2 * hidden if checkpointing else 34 * hidden
    layers = per_layer * num_layers + (34 * hidden if checkpointing else 0)
    activations = micro_batch_tokens * (layers + 8 * vocab)
    return MemoryEstimate(weights=n_parameters * weights_bytes / shards,
                          grads_optimizer=3 * trainable * weights_bytes / shards,
                          activations=activations, strategy=strategy, world=world)


@dataclass(frozen=True)
class StagePlan:
    stage: str
    tokens: int
    estimate: ComputeEstimate
    hours: dict[str, float]  # GPU name → hours on one such GPU at the assumed utilisation
    utilisation: float
    memory: MemoryEstimate

    def describe(self) -> str:
        lines = [f"{self.stage}: {self.tokens:,} training tokens, {self.estimate.flops:.3g} FLOPs",
                 f"  {self.estimate.formula}",
                 f"  {self.memory.describe()}",
                 f"  time on one GPU at {self.utilisation:.0%} of its bf16 peak:"]
        lines += [f"    {gpu:<10} {_hm(h)}" for gpu, h in self.hours.items()]
        return "\n".join(lines)


def lora_parameters(stage: str, settings: dict, hidden: int, num_layers: int) -> int:
    """The adapters stage 2 adds: ~ r·(in + out) for each adapted projection (none in stage 1)."""
    if stage == "stage1":
        return 0
    targets = settings.get("lora_targets", LORA_TARGETS)
    return num_layers * len(targets) * 2 * settings.get("lora_r", 0) * hidden


def trained_vocab_matrices(stage: str, settings: dict, tied: bool) -> int:
    """How many vocabulary × hidden matrices train in full: both in stage 1, those listed in stage 2
    (one shared matrix when tied)."""
    listed = 2 if stage == "stage1" else len(settings.get("full_matrices", ("lm_head",)))
    return min(listed, 1) if tied else listed


def stage_memory(stage: str, settings: dict, n_parameters: int, vocab: int, hidden: int, tied: bool,
                 num_layers: int, *, weights_bytes: int, strategy: str, checkpointing: bool,
                 world: int) -> MemoryEstimate:
    """What one GPU holds training `stage` on a model of `n_parameters` with a `vocab` × `hidden`
    vocabulary: the vocabulary matrices (one when tied; in stage 2 those listed) and the adapters train."""
    trained = (trained_vocab_matrices(stage, settings, tied) * vocab * hidden
               + lora_parameters(stage, settings, hidden, num_layers))
    return estimate_memory(n_parameters, trained, weights_bytes=weights_bytes,
                           micro_batch_tokens=settings["batch_size"] * settings["block_size"], hidden=hidden,
                           num_layers=num_layers, vocab=vocab, checkpointing=checkpointing, strategy=strategy,
                           world=world)


def _gb(n_bytes: float) -> str:
    return f"{n_bytes / 2**30:.2f} GiB" if n_bytes < 10 * 2**30 else f"{n_bytes / 2**30:.0f} GiB"


def _hm(hours: float) -> str:
    minutes = hours * 60
    return f"{minutes:.1f} min" if minutes < 90 else f"{hours:.1f} h"


def plan_training(stage: str, settings: dict, world: int, n_parameters: int, vocab: int, hidden: int,
                  tied: bool, num_layers: int, new_vocab: int | None = None,
                  utilisation: float = DEFAULT_UTILISATION, *, weights_bytes: int = 4, strategy: str = "ddp",
                  checkpointing: bool = False) -> StagePlan:
    """Estimate from the model's sizes (no weights loaded). `new_vocab`: vocabulary after transplant;
    `weights_bytes`: 4 for float32 master weights (the default, bf16 autocast on a GPU), 2 for bf16."""
    matrices = 1 if tied else 2  # input embeddings and LM head: one tensor when tied
    body = n_parameters - matrices * vocab * hidden  # the model minus its (source) vocabulary matrices
    vocab = new_vocab or vocab
    embedding = vocab * hidden
    matmul = body + embedding  # the LM head multiplies; the input embedding is a lookup
    lora = lora_parameters(stage, settings, hidden, num_layers)
    tokens = settings["steps"] * settings["batch_size"] * settings["grad_accum"] * settings["block_size"] * world
    # FLOPs count the head among the trained matmuls (the input embedding costs none)
    head_trains = stage == "stage1" or "lm_head" in settings.get("full_matrices", ("lm_head",)) or (
        tied and trained_vocab_matrices(stage, settings, tied))
    estimate = training_flops(matmul, (embedding if head_trains else 0) + lora, tokens)
    hours = {gpu: estimate.hours_on(gpu, 1, utilisation) for gpu in GPU_PEAK_TFLOPS}
    memory = stage_memory(stage, settings, body + matrices * embedding, vocab, hidden, tied, num_layers,
                          weights_bytes=weights_bytes, strategy=strategy, checkpointing=checkpointing, world=world)
    return StagePlan(stage, tokens, estimate, hours, utilisation, memory)
