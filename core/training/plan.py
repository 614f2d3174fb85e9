"""Plan before spending: a training stage's compute and its time on common GPUs, before it runs."""

from __future__ import annotations

from dataclasses import dataclass

from core.training.flops import DEFAULT_UTILISATION, GPU_PEAK_TFLOPS, ComputeEstimate, training_flops
from core.training.trainable import LORA_TARGETS


@dataclass(frozen=True)
class StagePlan:
    stage: str
    tokens: int
    estimate: ComputeEstimate
    hours: dict[str, float]  # GPU name → hours on one such GPU at the assumed utilisation
    utilisation: float

    def describe(self) -> str:
        lines = [f"{self.stage}: {self.tokens:,} training tokens, {self.estimate.flops:.3g} FLOPs",
                 f"  {self.estimate.formula}",
                 f"  time on one GPU at {self.utilisation:.0%} of its bf16 peak:"]
        lines += [f"    {gpu:<10} {_hm(h)}" for gpu, h in self.hours.items()]
        return "\n".join(lines)


def _hm(hours: float) -> str:
    minutes = hours * 60
    return f"{minutes:.1f} min" if minutes < 90 else f"{hours:.1f} h"


def plan_training(stage: str, settings: dict, world: int, n_parameters: int, vocab: int, hidden: int,
                  tied: bool, num_layers: int, new_vocab: int | None = None,
                  utilisation: float = DEFAULT_UTILISATION) -> StagePlan:
    """Estimate from the model's sizes (no weights loaded). `new_vocab`: vocabulary after transplant."""
    vocab = new_vocab or vocab
    embedding = vocab * hidden
    body = n_parameters - (embedding if tied else 2 * embedding)  # model minus its vocabulary matrices
    matmul = body + embedding  # the LM head multiplies; the input embedding is a lookup
    trainable = embedding  # stage 1: the head (and the input embedding, which costs no matmul)
    if stage != "stage1":
        r = settings.get("lora_r", 0)
        trainable += num_layers * len(LORA_TARGETS) * 2 * r * hidden  # ~ r·(in+out) per adapted matrix
    tokens = settings["steps"] * settings["batch_size"] * settings["grad_accum"] * settings["block_size"] * world
    estimate = training_flops(matmul, trainable, tokens)
    hours = {gpu: estimate.hours_on(gpu, 1, utilisation) for gpu in GPU_PEAK_TFLOPS}
    return StagePlan(stage, tokens, estimate, hours, utilisation)
