"""Stage 1 with the source's own rows kept: only the new tokens' embeddings (and LM head rows) learn.

With an extended vocabulary the source's tokens (English, chat markers) keep the rows the original
model was trained with. Training on Russian text alone moves them anyway: every LM head row gets a
gradient through the softmax, and Adam turns even a tiny gradient into a full-size step. Kept rows
get a zero gradient, and their matrix no weight decay (AdamW's decay would shrink rows whose
gradient is zero), so with Adam's zero moments they stay bit for bit as they were.
"""

from __future__ import annotations

import re

import torch

TRAIN_ROWS = ("all", "new", "new+cyrillic")
CYRILLIC = re.compile("[\u0400-\u04ff]")


def source_row_mask(new_tokenizer, source_tokenizer, rows: int, learn_cyrillic: bool = False) -> torch.Tensor:
    """True for each of the model's `rows` whose token the source vocabulary has, at the same id, and
    for padding rows past the tokenizer (never produced, so they stay as the transplant left them).
    `learn_cyrillic`: source tokens with a Cyrillic letter learn too. The new tokens replace them in
    Russian text, but their kept LM-head rows still score as the original did: greedy decoding then
    spells Russian letter by letter in old tokens, and the adapted model loses its speed-up. English
    never uses them."""
    source = source_tokenizer.get_vocab()
    mask = torch.zeros(rows, dtype=torch.bool)
    mask[len(new_tokenizer):] = True
    for token, i in new_tokenizer.get_vocab().items():
        if i < rows and source.get(token) == i:
            mask[i] = not (learn_cyrillic and CYRILLIC.search(new_tokenizer.convert_tokens_to_string([token])))
    return mask


def keep_rows(model, mask: torch.Tensor) -> int:
    """Freeze the rows of `mask` in the input embeddings and LM head (one matrix when tied); returns
    how many rows are kept."""
    weights = {id(w): w for w in (model.get_input_embeddings().weight, model.get_output_embeddings().weight)}
    for weight in weights.values():
        if weight.shape[0] != mask.shape[0]:
            raise ValueError(f"row mask of {mask.shape[0]} rows for a matrix of {weight.shape[0]}")
        keep = mask.to(weight.device)[:, None]
        weight.register_hook(lambda grad, keep=keep: grad.masked_fill(keep, 0.0))
        weight.no_weight_decay = True  # read by make_optimizer
    return int(mask.sum())
