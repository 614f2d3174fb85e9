"""SentencePiece-style BPE (▁ for spaces, byte fallback: Llama-2, Mistral, Solar, Gemma) as llama.cpp's
"llama" tokenizer, with scores and token types.

llama.cpp's SentencePiece tokenizer has no merge list: it splits text into characters and keeps merging the
adjacent pair whose concatenation is a token of the highest score; a character outside the vocabulary
becomes the <0xXX> tokens of its UTF-8 bytes. A Hugging Face BPE does the same with merge ranks when its
merges are *SentencePiece-complete*: every split of a token into two tokens is a merge (what transformers'
SentencePiece converter writes, and what `complete_merges` makes of a trained BPE); score = -(rank of the
token's first merge) then reproduces the ranks, exactly when merges come grouped by token (ours do). A
tokenizer that is not complete is refused before a byte is written.
"""

from __future__ import annotations

import json
from functools import cache

from core.errors import ModelError
from core.export.gguf_vocab import BYTE, NORMAL, UNKNOWN, GgufVocab, _finish, _tokens

SPACE = "\u2581"
BYTE_TOKENS = tuple(f"<0x{b:02X}>" for b in range(256))


@cache
def _normalizers() -> dict[str, bool]:
    """canonical tokenizer.json normalizer -> llama.cpp's add_space_prefix that matches it."""
    from tokenizers import normalizers

    forms = {True: normalizers.Sequence([normalizers.Prepend(SPACE), normalizers.Replace(" ", SPACE)]),
             False: normalizers.Replace(" ", SPACE)}
    return {json.dumps(json.loads(_as_json(n)), sort_keys=True): prefix for prefix, n in forms.items()}


def _as_json(normalizer) -> str:
    from tokenizers import Tokenizer, models

    probe = Tokenizer(models.BPE())
    probe.normalizer = normalizer
    return json.dumps(json.loads(probe.to_str())["normalizer"])


def is_sentencepiece_bpe(state: dict) -> bool:
    return state["model"]["type"] == "BPE" and bool(state["model"].get("byte_fallback"))


def _pairs(merges: list) -> list[tuple[str, str]]:
    return [tuple(m) if isinstance(m, list) else tuple(m.split(" ", 1)) for m in merges]


def complete_merges(vocab: dict[str, int], normal: set[str]) -> list[list[str]]:
    """Every split of every normal token into two normal tokens, grouped by the token, in id order (for a
    trained BPE the id order is the order its merges were learnt)."""
    merges = []
    for token in sorted(normal, key=vocab.__getitem__):
        splits = [(token[:i], token[i:]) for i in range(1, len(token))]
        found = [[a, b] for a, b in splits if a in normal and b in normal]
        merges += sorted(found, key=lambda p: (vocab[p[0]], vocab[p[1]]))
    return merges


def _scores(state: dict, normal: set[str], where: str) -> dict[str, float]:
    """-(rank of the first merge that makes it) per merged token, after proving the merges complete. When
    a token's merges are not together (transformers' SentencePiece converter orders them by their parts),
    llama.cpp scores every pair that makes it alike and Hugging Face does not: the two agree unless such a
    pair competes with another at an overlapping place, which the export's parity check would show."""
    fix = ("save the tokenizer with merges for every split of every token (the tokenizer stage and "
           "transformers' SentencePiece converter write them so)")
    scores: dict[str, float] = {}
    merges = _pairs(state["model"]["merges"])
    for rank, (a, b) in enumerate(merges):
        scores.setdefault(a + b, -float(rank + 1))
    have = set(merges)
    for token in normal:
        missing = next(((token[:i], token[i:]) for i in range(1, len(token))
                        if token[:i] in normal and token[i:] in normal and (token[:i], token[i:]) not in have), None)
        if missing:
            raise ModelError(f"the token {token!r} can be made from {missing[0]!r} + {missing[1]!r}, which is not a "
                             "merge: llama.cpp (which merges any pair that makes a token) would tokenize differently",
                             where=where, fix=fix)
    return scores


def text_handling(state: dict, where: str) -> bool:
    """llama.cpp's add_space_prefix for a SentencePiece-style tokenizer.json (spaces as ▁, no split),
    or a ModelError when llama.cpp would prepare the text differently."""
    canonical = json.dumps(state.get("normalizer"), sort_keys=True)
    if canonical not in _normalizers():
        raise ModelError("the SentencePiece tokenizer's normalizer is not one llama.cpp reproduces (spaces as ▁, "
                         f"optionally one ▁ in front): {json.dumps(state.get('normalizer'))[:200]}", where=where,
                         fix="keep the source model's normalizer (the tokenizer stage does)")
    pre = state.get("pre_tokenizer")
    # Gemma's tokenizer.json splits on " " after its normalizer has made every space ▁: a no-op
    if pre is not None and not (pre.get("type") == "Split" and pre.get("pattern") == {"String": " "}):
        raise ModelError("the SentencePiece tokenizer has a pre-tokenizer, which llama.cpp's SentencePiece tokenizers "
                         f"(\"llama\", \"t5\") do not apply: {json.dumps(state['pre_tokenizer'])[:200]}", where=where,
                         fix="remove it (SentencePiece splits only where merges stop)")
    return _normalizers()[canonical]


def _check_text_handling(state: dict, where: str) -> bool:
    model = state["model"]
    add_space_prefix = text_handling(state, where)
    if model.get("dropout") or model.get("ignore_merges") or model.get("continuing_subword_prefix") \
            or model.get("end_of_word_suffix"):
        raise ModelError("the SentencePiece tokenizer uses dropout, ignore_merges or word-piece markers, which "
                         "llama.cpp does not", where=where, fix="save it without them")
    missing = [t for t in BYTE_TOKENS if t not in model["vocab"]]
    if missing:
        raise ModelError(f"byte fallback needs all 256 <0xXX> tokens; {len(missing)} are missing ({missing[0]}...)",
                         where=where, fix="train the vocabulary with the byte tokens (the tokenizer stage adds them)")
    return add_space_prefix


def sentencepiece_vocab(tokenizer, state: dict, n_rows: int, where: str) -> GgufVocab:
    add_space_prefix = _check_text_handling(state, where)
    tokens, types, padded = _tokens(tokenizer, n_rows, where)
    byte_tokens, unk = set(BYTE_TOKENS), tokenizer.unk_token
    for i, text in enumerate(tokens):
        if types[i] == NORMAL and text in byte_tokens:
            types[i] = BYTE
        elif text == unk:
            types[i] = UNKNOWN
    normal = {t for t, kind in zip(tokens, types) if kind == NORMAL}
    merged = _scores(state, normal, where)
    return _finish(tokenizer, model="llama", pre="default", tokens=tokens, token_types=types, merges=[],
                   padded=padded, scores=[merged.get(t, 0.0) for t in tokens], add_space_prefix=add_space_prefix)
