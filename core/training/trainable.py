"""What each training stage trains.

Stage 1: the input embeddings and the LM head only (the body is frozen).
Stage 2 and calibration: LoRA adapters (peft) on the chosen projections, and the chosen vocabulary
matrices trained in full through peft's `modules_to_save`; by default the LM head, with the input
embeddings frozen, as the authors do.
"""

from __future__ import annotations

from core.errors import UserError
from core.project.schema import LORA_TARGETS, VOCAB_MATRICES

__all__ = ["LORA_TARGETS", "VOCAB_MATRICES", "add_lora", "count_parameters", "train_embeddings_only"]


def train_embeddings_only(model) -> None:
    for param in model.parameters():
        param.requires_grad_(False)
    model.get_input_embeddings().weight.requires_grad_(True)
    model.get_output_embeddings().weight.requires_grad_(True)


def _module_names(model) -> dict[str, str]:
    """The setting's names (lm_head, embed_tokens) → this model's module names for those matrices."""
    by_module = {id(module): name for name, module in model.named_modules()}
    return {"lm_head": by_module[id(model.get_output_embeddings())],
            "embed_tokens": by_module[id(model.get_input_embeddings())]}


def is_tied(model) -> bool:
    return model.get_input_embeddings().weight is model.get_output_embeddings().weight


def add_lora(model, r: int, alpha: int, dropout: float, targets=LORA_TARGETS, full_matrices=("lm_head",)):
    """Wrap `model` with LoRA adapters on `targets` (those it has), and train `full_matrices` in full.

    Untied matrices go through `modules_to_save` (a trained copy, merged back by `merge_and_unload`).
    A tied model has one matrix for both: peft's copy would untie it, and the saved model would tie
    it back to the untrained input side, so the shared matrix itself trains when either is asked."""
    from peft import LoraConfig, get_peft_model

    unknown = set(full_matrices) - set(VOCAB_MATRICES)
    if unknown:
        raise ValueError(f"unknown vocabulary matrices {sorted(unknown)}; allowed: {VOCAB_MATRICES}")
    present = {name.rsplit(".", 1)[-1] for name, _ in model.named_modules()}
    chosen = [t for t in targets if t in present]
    if not chosen:
        raise UserError(f"the model has none of the LoRA targets {list(targets)}", where="lora_targets",
                        fix=f"choose among the model's projections: {sorted(present & set(LORA_TARGETS))}")
    tied = is_tied(model)
    names = _module_names(model)
    to_save = None if tied else [names[m].rsplit(".", 1)[-1] for m in full_matrices] or None
    peft_model = get_peft_model(model, LoraConfig(r=r, lora_alpha=alpha, lora_dropout=dropout,
                                                  target_modules=chosen, modules_to_save=to_save,
                                                  task_type="CAUSAL_LM"))
    if tied and full_matrices:
        peft_model.get_input_embeddings().weight.requires_grad_(True)
    return peft_model


def count_parameters(model) -> tuple[int, int]:
    """(trainable, total), tied tensors counted once, and a matrix peft trains as a copy
    (`modules_to_save`) once, as the copy."""
    seen: dict[int, tuple[int, bool]] = {}
    for name, param in model.named_parameters():
        if ".original_module." in name:
            continue
        seen.setdefault(param.data_ptr(), (param.numel(), param.requires_grad))
    return sum(n for n, t in seen.values() if t), sum(n for n, _ in seen.values())
