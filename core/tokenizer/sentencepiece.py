"""New vocabularies for SentencePiece-family sources (Llama-2, Mistral, Solar, Gemma): spaces as ▁, no
pre-tokenizer, byte fallback to the 256 <0xXX> tokens for any character outside the vocabulary.

A new vocabulary keeps the source's normalizer (so ▁ and the leading-space rule stay the source's) and
its byte fallback, which is what llama.cpp's "llama" tokenizer reproduces. A BPE is then made
*SentencePiece-complete* (`complete_merges`): llama.cpp merges any adjacent pair that makes a token, by
token score, so the Hugging Face merges must hold every such split, grouped by the token they make.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from tokenizers import Tokenizer, models, pre_tokenizers, trainers

SPACE = "\u2581"
BYTE_TOKENS = tuple(f"<0x{b:02X}>" for b in range(256))


def is_sentencepiece(source: Tokenizer) -> bool:
    model = json.loads(source.to_str())["model"]
    return model["type"] in ("BPE", "Unigram") and bool(model.get("byte_fallback"))


def _pairs(merges: list) -> list[tuple[str, str]]:
    return [tuple(m) if isinstance(m, list) else tuple(m.split(" ", 1)) for m in merges]


def complete_merges(tokenizer: Tokenizer) -> Tokenizer:
    """Every split of every vocabulary token into two vocabulary tokens becomes a merge, grouped by the token
    in id order (the order a BPE learns its tokens in, and SentencePiece's score order). Tokenization
    changes only where a token was reachable by llama.cpp's rule and not by the merges."""
    tj = json.loads(tokenizer.to_str())
    vocab: dict[str, int] = tj["model"]["vocab"]
    normal = set(vocab) - set(BYTE_TOKENS) - {t["content"] for t in tj.get("added_tokens", [])}
    merges = []
    for token in sorted(normal, key=vocab.__getitem__):
        found = [[token[:i], token[i:]] for i in range(1, len(token)) if token[:i] in normal and token[i:] in normal]
        merges += sorted(found, key=lambda p: (vocab[p[0]], vocab[p[1]]))
    tj["model"]["merges"] = merges
    return Tokenizer.from_str(json.dumps(tj))


def _with_byte_tokens(tj: dict, n_special: int) -> None:
    """The 256 byte tokens right after the special tokens (as SentencePiece numbers them), in place."""
    model = tj["model"]
    if model["type"] == "Unigram":
        vocab = [v for v in model["vocab"] if v[0] not in BYTE_TOKENS]
        model["vocab"] = vocab[:n_special] + [[t, 0.0] for t in BYTE_TOKENS] + vocab[n_special:]
        return
    order = [t for t in sorted(model["vocab"], key=model["vocab"].__getitem__) if t not in BYTE_TOKENS]
    order = order[:n_special] + list(BYTE_TOKENS) + order[n_special:]
    model["vocab"] = {t: i for i, t in enumerate(order)}
    ids = model["vocab"]
    for added in tj.get("added_tokens", []):
        added["id"] = ids.get(added["content"], added["id"])


def train_sentencepiece(texts: Iterable[str], source: Tokenizer, algorithm: str, vocab_size: int,
                        min_frequency: int, special_tokens: list[str]) -> Tokenizer:
    """A BPE or Unigram vocabulary of `vocab_size` (specials and the 256 byte tokens included), words split
    before each ▁ as SentencePiece trains, with the source's normalizer and decoder."""
    from core.tokenizer.like_source import new_like

    unk = json.loads(source.to_str())["model"].get("unk_token")
    size = vocab_size - len(BYTE_TOKENS)
    if algorithm == "bpe":
        trainer = trainers.BpeTrainer(vocab_size=size, min_frequency=min_frequency, special_tokens=special_tokens,
                                      show_progress=False)
        tok = new_like(source, models.BPE(byte_fallback=True, fuse_unk=True, unk_token=unk))
    else:
        trainer = trainers.UnigramTrainer(vocab_size=size, special_tokens=special_tokens, show_progress=False,
                                          unk_token=unk if unk in special_tokens else None)
        tok = new_like(source, models.Unigram([], byte_fallback=True))
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=SPACE, prepend_scheme="never", split=True)
    tok.train_from_iterator(texts, trainer)
    tj = json.loads(tok.to_str())
    tj["pre_tokenizer"] = json.loads(source.to_str()).get("pre_tokenizer")
    if algorithm == "unigram":
        tj["model"]["byte_fallback"] = True
    _with_byte_tokens(tj, len(special_tokens))
    out = Tokenizer.from_str(json.dumps(tj))
    return complete_merges(out) if algorithm == "bpe" else out
