"""Bits per character: a language model's loss in a unit that does not depend on its tokenizer.

bpc = (sum over tokens of -ln p(token | context)) / ln 2 / characters. Loss per token rewards a
tokenizer with more, shorter tokens; bits per character compares an adapted model with its source.

The same pass reads the characters of the model's own first choice at each position: greedy decoding
writes about that many characters per token, so it foretells the speed-up in generation. Bits per
character can improve while it falls: a model that spreads its probability over many long tokens has a
short, frequent one as its first choice, and then writes Russian in short pieces.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from core.tokenizer.token_bytes import token_bytes
from core.tokenizer.train import is_byte_level


@dataclass(frozen=True)
class BpcResult:
    bits_per_char: float
    nll_nats: float
    chars: int
    tokens: int
    top1_chars_per_token: float  # characters of the model's most likely next token, averaged over positions


# A tokenizer's writes, kept while it lives: a 50k vocabulary takes most of a second to read, and one
# evaluation scores several texts with the same tokenizer. Keyed on its length too, as tokens can be added.
_WRITES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def characters_per_token_id(tokenizer) -> list[int]:
    """For each token id, the characters it writes: the UTF-8 bytes it holds that start a character, so a
    byte piece of a letter counts its share exactly (the lead byte 1, a continuation byte 0) and the
    pieces of a text add up to its length. Special tokens write none."""
    size, cached = len(tokenizer), _WRITES.get(tokenizer)
    if cached and cached[0] == size:
        return list(cached[1])
    byte_level = is_byte_level(tokenizer.backend_tokenizer)
    special = set(tokenizer.all_special_ids)
    tokens = tokenizer.convert_ids_to_tokens(list(range(size)))
    writes = [0 if i in special or t is None else sum(1 for b in token_bytes(t, byte_level) if not 0x80 <= b < 0xC0)
              for i, t in enumerate(tokens)]
    _WRITES[tokenizer] = (size, tuple(writes))
    return writes


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
    writes = characters_per_token_id(tokenizer)
    rows = max(len(writes), model.config.vocab_size)  # rows past the tokenizer (the vocabulary padded) write nothing
    writes = torch.tensor(writes + [0] * (rows - len(writes)), device=device)
    nll, top1_chars = 0.0, 0
    for start in range(0, len(ids), window):
        chunk = ids[start:start + window]
        inputs = torch.tensor([[start_id, *chunk]], device=device)
        logits = model(input_ids=inputs).logits[0, :-1].float()
        nll += F.cross_entropy(logits, inputs[0, 1:], reduction="sum").item()
        top1_chars += int(writes[logits.argmax(-1)].sum())
        if on_window:
            done = start + len(chunk)
            on_window(done, len(ids), nll / math.log(2) / max(1, offsets[done - 1][1]))
    return BpcResult(bits_per_char=nll / math.log(2) / len(text), nll_nats=nll, chars=len(text), tokens=len(ids),
                     top1_chars_per_token=top1_chars / len(ids))


def bits_per_character_or_none(model, tokenizer, text: str, window: int = 512) -> float | None:
    """Bits per character of `text`, or None when it is blank (nothing held out to measure on)."""
    return bits_per_character(model, tokenizer, text, window=window).bits_per_char if text.strip() else None
