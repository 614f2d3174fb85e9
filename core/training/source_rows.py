"""Stage 1 with the source's own rows kept: only the new tokens' embeddings (and LM head rows) learn.

With an extended vocabulary the source's tokens (English, chat markers) keep the rows the original
model was trained with. Training on Russian text alone moves them anyway: every LM head row gets a
gradient through the softmax, and Adam turns even a tiny gradient into a full-size step. Kept rows
get a zero gradient, and their matrix no weight decay (AdamW's decay would shrink rows whose
gradient is zero), so with Adam's zero moments they stay bit for bit as they were.
"""

from __future__ import annotations

import torch

from core.tokenizer.token_bytes import token_bytes
from core.tokenizer.train import is_byte_level

TRAIN_ROWS = ("all", "new", "new+cyrillic")
# UTF-8 writes U+0400–U+04FF as a lead byte D0–D3 and one continuation byte; no other character
# uses those lead bytes, so a token holding one is (part of) Cyrillic text.
CYRILLIC_LEAD_BYTES = frozenset(range(0xD0, 0xD4))
SAMPLE_CHARS = 2_000_000  # of the Russian training text, to find the byte tokens the new vocabulary replaced


def spells_cyrillic(token: str, byte_level: bool) -> bool:
    """A Cyrillic letter, or the first byte of one (byte-level vocabularies spell rare letters in pieces)."""
    return not CYRILLIC_LEAD_BYTES.isdisjoint(token_bytes(token, byte_level))


def text_sample(path) -> str:
    """The start of a (possibly huge) training text file: enough to see which tokens spell it."""
    with open(path, encoding="utf-8") as fh:
        return fh.read(SAMPLE_CHARS)


def is_partial_character(token: str, byte_level: bool) -> bool:
    """A byte piece of a character (a lone lead or continuation byte), not text of its own."""
    try:
        token_bytes(token, byte_level).decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def replaced_on(text: str, new_tokenizer, source_tokenizer) -> set[int]:
    """Ids of the byte pieces the source spells `text` with and the new tokenizer no longer uses there:
    on Russian text, the lone bytes the source wrote rare letters with. Only pieces: a whole token
    (a digit, a Latin word) the new vocabulary merged away in Russian text may still be English's."""
    text = text[:SAMPLE_CHARS]
    unused = (set(source_tokenizer(text, add_special_tokens=False)["input_ids"])
              - set(new_tokenizer(text, add_special_tokens=False)["input_ids"]))
    byte_level = is_byte_level(source_tokenizer.backend_tokenizer)
    return {i for i in unused if is_partial_character(source_tokenizer.convert_ids_to_tokens(i), byte_level)}


def source_row_mask(new_tokenizer, source_tokenizer, rows: int, learn_cyrillic: bool = False,
                    russian_text: str = "") -> torch.Tensor:
    """True for each of the model's `rows` whose token the source vocabulary has, at the same id, and
    for padding rows past the tokenizer (never produced, so they stay as the transplant left them).
    `learn_cyrillic`: the source tokens that spell Russian learn too: those with Cyrillic bytes (see
    `spells_cyrillic`) and the source's tokens the new tokenizer replaced on `russian_text`. The new
    tokens replace them in Russian text, but kept, their LM-head rows still score as the original's
    did: greedy decoding then spells Russian letter by letter, or byte by byte, in old tokens, and
    the adapted model loses its speed-up and its copying. English never uses them."""
    source = source_tokenizer.get_vocab()
    byte_level = is_byte_level(new_tokenizer.backend_tokenizer)
    replaced = replaced_on(russian_text, new_tokenizer, source_tokenizer) if learn_cyrillic and russian_text else set()
    mask = torch.zeros(rows, dtype=torch.bool)
    mask[len(new_tokenizer):] = True
    for token, i in new_tokenizer.get_vocab().items():
        if i < rows and source.get(token) == i:
            mask[i] = not (learn_cyrillic and (i in replaced or spells_cyrillic(token, byte_level)))
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
