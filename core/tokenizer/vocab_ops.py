"""Editing byte-level BPE vocabularies: extend a source with new tokens, or keep only what Russian uses.

Both keep the source's merges in their original order and append new merges after them. In `extend`
mode new tokens must contain a non-ASCII byte, so ASCII text (English, code) tokenizes exactly as before.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tokenizers import Tokenizer, pre_tokenizers

_BYTE_ALPHABET = set(pre_tokenizers.ByteLevel.alphabet())


def byte_symbols() -> dict[int, str]:
    """GPT-2's byte → printable symbol map, used by every byte-level BPE."""
    printable = [*range(0x21, 0x7F), *range(0xA1, 0xAD), *range(0xAE, 0x100)]
    extra = [b for b in range(256) if b not in printable]
    return {**{b: chr(b) for b in printable}, **{b: chr(0x100 + i) for i, b in enumerate(extra)}}


_ASCII_SYMBOLS = {s for b, s in byte_symbols().items() if b < 0x80}


def _model(tok: Tokenizer) -> dict:
    return json.loads(tok.to_str())


def _merges(model: dict) -> list[tuple[str, str]]:
    """Merges as pairs (tokenizers writes "a b" strings in older files, [a, b] lists in newer)."""
    return [tuple(m) if isinstance(m, list) else tuple(m.split(" ", 1)) for m in model["model"]["merges"]]


@dataclass(frozen=True)
class VocabEdit:
    tokenizer: Tokenizer
    added: int        # new tokens appended
    kept: int         # source tokens kept (all of them in extend mode)
    skipped: int      # candidate merges refused (ASCII-only, or a part not in the vocabulary)


def append_merges(tj: dict, candidates: Iterable[tuple[str, str]], limit: int, non_ascii_only: bool) -> tuple[int, int]:
    """Append up to `limit` candidate merges whose parts exist and whose result is new (in place)."""
    vocab, merges = tj["model"]["vocab"], tj["model"]["merges"]
    next_id = max([*vocab.values(), *(t["id"] for t in tj["added_tokens"])], default=-1) + 1
    added = skipped = 0
    for a, b in candidates:
        if added >= limit:
            break
        token = a + b
        if token in vocab:
            continue
        if a not in vocab or b not in vocab or (non_ascii_only and set(token) <= _ASCII_SYMBOLS):
            skipped += 1
            continue
        vocab[token] = next_id
        merges.append([a, b])
        next_id += 1
        added += 1
    return added, skipped


def extend_bpe(source: Tokenizer, trained: Tokenizer, new_tokens: int) -> VocabEdit:
    """The source vocabulary and merges unchanged, plus up to `new_tokens` of the trained ones."""
    tj = _model(source)
    tj["model"]["merges"] = [list(m) for m in _merges(tj)]
    kept = len(tj["model"]["vocab"])
    added, skipped = append_merges(tj, _merges(_model(trained)), new_tokens, non_ascii_only=True)
    return VocabEdit(Tokenizer.from_str(json.dumps(tj)), added, kept, skipped)


def count_token_use(source: Tokenizer, texts: Iterable[str], batch: int = 256) -> Counter:
    """How often the source tokenizer uses each of its tokens on `texts` (streamed in batches)."""
    counts: Counter = Counter()
    chunk: list[str] = []
    for text in texts:
        chunk.append(text)
        if len(chunk) == batch:
            for enc in source.encode_batch(chunk, add_special_tokens=False):
                counts.update(enc.ids)
            chunk = []
    for enc in source.encode_batch(chunk, add_special_tokens=False):
        counts.update(enc.ids)
    return counts


def optimize_bpe(source: Tokenizer, trained: Tokenizer, usage: Counter, keep: int, new_tokens: int) -> VocabEdit:
    """Keep the `keep` source tokens Russian uses most (with the merge parts they are built from, the
    byte alphabet and the special tokens), renumber them densely, then append new tokens."""
    tj = _model(source)
    vocab: dict[str, int] = tj["model"]["vocab"]
    merges = _merges(tj)
    id_to_token = {i: t for t, i in vocab.items()}
    built_from = {}
    for a, b in merges:
        built_from.setdefault(a + b, (a, b))
    specials = {t["content"] for t in tj["added_tokens"]}
    kept = {t for t in vocab if t in _BYTE_ALPHABET or t in specials}

    def keep_with_parts(token: str) -> None:
        stack = [token]
        while stack:
            t = stack.pop()
            if t not in kept:
                kept.add(t)
                stack.extend(built_from.get(t, ()))

    for token_id, _ in usage.most_common():
        if len(kept) >= keep:
            break
        if token_id in id_to_token:
            keep_with_parts(id_to_token[token_id])
    order = sorted(kept, key=vocab.__getitem__)
    new_ids = {t: i for i, t in enumerate(order)}
    tj["model"]["vocab"] = new_ids
    tj["model"]["merges"] = [[a, b] for a, b in merges if a + b in kept and a in kept and b in kept]
    for added_token in tj["added_tokens"]:
        added_token["id"] = new_ids[added_token["content"]]
    remap_post_processor(tj, new_ids)
    added, skipped = append_merges(tj, _merges(_model(trained)), new_tokens, non_ascii_only=False)
    return VocabEdit(Tokenizer.from_str(json.dumps(tj)), added, len(kept), skipped)


def remap_post_processor(tj: dict, vocab: dict[str, int]) -> None:
    """Special-token ids inside a TemplateProcessing post-processor follow the new numbering."""
    processors = [tj.get("post_processor") or {}]
    processors += processors[0].get("processors", [])
    for proc in processors:
        for spec in (proc.get("special_tokens") or {}).values():
            spec["ids"] = [vocab[t] for t in spec["tokens"]]
