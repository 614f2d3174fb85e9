"""Compute estimates before a run and achieved utilisation (MFU) after it.

Training FLOPs per token, for N parameters in matrix products (the input embedding is a lookup and
does not count):
  full training                     6·N            (forward 2N, backward 4N)
  frozen body, trainable embeddings 4·N + 2·N_t    (forward 2N, activation gradients 2N through the
                                                    whole body, weight gradients 2·N_t for trainable
                                                    matrices only: the LM head, LoRA adapters)
"""

from __future__ import annotations

from dataclasses import dataclass

# Dense bf16 tensor-core peaks (TFLOP/s), from the vendors' data sheets (no sparsity).
GPU_PEAK_TFLOPS: dict[str, float] = {
    "H200": 989.0,
    "H100 SXM": 989.0,
    "H100 PCIe": 756.0,
    "A100": 312.0,
    "L40S": 362.0,
    "A10G": 125.0,
    "RTX 4090": 165.2,
    "RTX 3090": 71.0,
}
DEFAULT_UTILISATION = 0.35  # what a well-tuned small-model fine-tune reaches; stated next to every estimate


@dataclass(frozen=True)
class ComputeEstimate:
    flops: float
    formula: str

    def hours_on(self, gpu: str, n_gpus: int = 1, utilisation: float = DEFAULT_UTILISATION) -> float:
        return self.flops / (GPU_PEAK_TFLOPS[gpu] * 1e12 * utilisation * n_gpus) / 3600


def training_flops(matmul_params: int, trainable_matmul_params: int, tokens: int, full: bool = False) -> ComputeEstimate:
    if full:
        return ComputeEstimate(6 * matmul_params * tokens, f"6·N·D = 6 × {matmul_params:.3g} × {tokens:.3g}")
    flops = (4 * matmul_params + 2 * trainable_matmul_params) * tokens
    return ComputeEstimate(flops, f"(4·N + 2·N_trainable)·D = (4 × {matmul_params:.3g} + 2 × "
                                  f"{trainable_matmul_params:.3g}) × {tokens:.3g}")


def matmul_parameters(model) -> tuple[int, int]:
    """(all, trainable) parameters of matrices used in products: everything but the input embedding
    (tied heads count once, as the head; a matrix peft trains as a copy, `modules_to_save`, counts once,
    as the copy)."""
    embedding = model.get_input_embeddings().weight
    head = model.get_output_embeddings().weight
    total = trainable = 0
    seen: set[int] = set()
    for name, param in model.named_parameters():
        ptr = param.data_ptr()
        if (ptr in seen or (param is embedding and head.data_ptr() != ptr) or param.dim() < 2
                or ".original_module." in name):
            continue
        seen.add(ptr)
        total += param.numel()
        trainable += param.numel() if param.requires_grad else 0
    return total, trainable


def gpu_peak(device_name: str) -> float | None:
    """Peak TFLOP/s of a CUDA device by its name, when we know it."""
    for key, peak in sorted(GPU_PEAK_TFLOPS.items(), key=lambda kv: -len(kv[0])):
        if all(part.lower() in device_name.lower() for part in key.split()):
            return peak
    return None
