"""Bits per character: a language model's loss in a unit that does not depend on its tokenizer.

bpc = (sum over tokens of -ln p(token | context)) / ln 2 / characters. Loss per token rewards a
tokenizer with more, shorter tokens; bits per character compares an adapted model with its source.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F


@dataclass(frozen=True)
class BpcResult:
    bits_per_char: float
    nll_nats: float
    chars: int
    tokens: int


@torch.no_grad()
def bits_per_character(model, tokenizer, text: str, window: int = 512,
                       on_window: Callable[[int, int, float], None] | None = None) -> BpcResult:
    """Score `text` in consecutive windows of `window` tokens, each prefixed with BOS (EOS when the
    tokenizer has no BOS) so every text token is predicted. `on_window(tokens_done, tokens_total,
    running_bpc)` is called after each window (progress, live plots, cancel checks)."""
    enc = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    ids, offsets = enc["input_ids"], enc["offset_mapping"]
    if not ids:
        raise ValueError("cannot score an empty text")
    start_id = tokenizer.bos_token_id if tokenizer.bos_token_id is not None else tokenizer.eos_token_id
    device = next(model.parameters()).device
    nll = 0.0
    for start in range(0, len(ids), window):
        chunk = ids[start:start + window]
        inputs = torch.tensor([[start_id, *chunk]], device=device)
        logits = model(input_ids=inputs).logits[0, :-1].float()
        nll += F.cross_entropy(logits, inputs[0, 1:], reduction="sum").item()
        if on_window:
            done = start + len(chunk)
            on_window(done, len(ids), nll / math.log(2) / max(1, offsets[done - 1][1]))
    return BpcResult(bits_per_char=nll / math.log(2) / len(text), nll_nats=nll, chars=len(text), tokens=len(ids))


def bits_per_character_or_none(model, tokenizer, text: str, window: int = 512) -> float | None:
    """Bits per character of `text`, or None when it is blank (nothing held out to measure on)."""
    return bits_per_character(model, tokenizer, text, window=window).bits_per_char if text.strip() else None
