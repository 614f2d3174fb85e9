"""What each training stage trains.

Stage 1: the input embeddings and the LM head only (the body is frozen).
Stage 2: LoRA adapters (peft) on the attention and MLP projections, embeddings and head still trained.
"""

from __future__ import annotations

LORA_TARGETS = ("q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj")


def train_embeddings_only(model) -> None:
    for param in model.parameters():
        param.requires_grad_(False)
    model.get_input_embeddings().weight.requires_grad_(True)
    model.get_output_embeddings().weight.requires_grad_(True)


def add_lora(model, r: int, alpha: int, dropout: float):
    """Wrap `model` with LoRA adapters; embeddings and LM head stay trainable (not adapters: the new
    vocabulary's vectors need full updates)."""
    from peft import LoraConfig, get_peft_model

    present = {name.rsplit(".", 1)[-1] for name, _ in model.named_modules()}
    targets = [t for t in LORA_TARGETS if t in present]
    peft_model = get_peft_model(model, LoraConfig(r=r, lora_alpha=alpha, lora_dropout=dropout,
                                                  target_modules=targets, task_type="CAUSAL_LM"))
    peft_model.get_input_embeddings().weight.requires_grad_(True)
    peft_model.get_output_embeddings().weight.requires_grad_(True)
    return peft_model


def count_parameters(model) -> tuple[int, int]:
    """(trainable, total), tied tensors counted once."""
    seen: dict[int, tuple[int, bool]] = {}
    for param in model.parameters():
        seen.setdefault(param.data_ptr(), (param.numel(), param.requires_grad))
    return sum(n for n, t in seen.values() if t), sum(n for n, _ in seen.values())
