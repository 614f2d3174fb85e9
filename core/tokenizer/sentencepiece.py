"""New vocabularies for SentencePiece-family sources (Llama-2, Mistral, Solar, Gemma): spaces as ▁, no
pre-tokenizer, the source's normalizer (so ▁ and the leading-space rule stay the source's).

A BPE keeps byte fallback (the 256 <0xXX> tokens for any character outside the vocabulary), which is
what llama.cpp's "llama" tokenizer reproduces, and is made *SentencePiece-complete* (`complete_merges`):
llama.cpp merges any adjacent pair that makes a token, by token score, so the Hugging Face merges must
hold every such split, grouped by the token they make.

A Unigram is written for llama.cpp's Unigram ("t5", UGM), which has no byte fallback: a character no
piece covers becomes <unk> (runs of them one <unk>), so the vocabulary has no byte tokens, falls back
to the source's <unk> as Hugging Face's Unigram then does, and holds every character of the training
text plus `UNIGRAM_ALPHABET` (what Russian and English text needs even where the corpus lacks it).
Scores are float32 values, which is what GGUF stores, so both Viterbi searches add the same numbers.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import numpy as np
from tokenizers import Tokenizer, models, pre_tokenizers, trainers

from core.errors import UserError

SPACE = "\u2581"
BYTE_TOKENS = tuple(f"<0x{b:02X}>" for b in range(256))
SENTENCEPIECE_UNK = "<unk>"  # SentencePiece's default unknown piece (Llama-2, Mistral, Gemma)
UNIGRAM_ALPHABET = [chr(c) for c in range(0x21, 0x7F)] + [chr(c) for c in range(0x410, 0x450)] + list(
    "ЁёІіЇїЄєҐґ«»„“”‘’–—…№°±×÷€₽§©®™·•←→↑↓≤≥≠≈−½¼¾²³")


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
    order = [t for t in sorted(model["vocab"], key=model["vocab"].__getitem__) if t not in BYTE_TOKENS]
    order = order[:n_special] + list(BYTE_TOKENS) + order[n_special:]
    model["vocab"] = {t: i for i, t in enumerate(order)}
    ids = model["vocab"]
    for added in tj.get("added_tokens", []):
        added["id"] = ids.get(added["content"], added["id"])


def _unk_token(source: Tokenizer, special_tokens: list[str]) -> str:
    model = json.loads(source.to_str())["model"]
    unk = model.get("unk_token")
    if unk is None and model.get("unk_id") is not None:
        unk = source.id_to_token(model["unk_id"])
    if unk is None and SENTENCEPIECE_UNK in special_tokens:  # a BPE with byte fallback may not name it
        unk = SENTENCEPIECE_UNK
    if unk not in special_tokens:
        raise UserError("a Unigram vocabulary for llama.cpp needs an unknown token (characters outside the "
                        f"vocabulary become it), and the source tokenizer has none among its special tokens {special_tokens}",
                        where="tokenizer.algorithm", fix='choose algorithm = "bpe" (byte fallback needs no <unk>)')
    return unk


def _float32_scores(tj: dict, n_special: int) -> None:
    """Scores as the float32 numbers GGUF stores, highest first (ties by piece: Unigram training is a
    parallel EM whose last bits vary from run to run), in place."""
    vocab = tj["model"]["vocab"]
    rest = sorted(([piece, float(np.float32(score))] for piece, score in vocab[n_special:]),
                  key=lambda v: (-v[1], v[0]))
    tj["model"]["vocab"] = vocab[:n_special] + rest


def train_sentencepiece(texts: Iterable[str], source: Tokenizer, algorithm: str, vocab_size: int,
                        min_frequency: int, special_tokens: list[str]) -> Tokenizer:
    """A BPE (specials and the 256 byte tokens included) or Unigram (specials included, no byte tokens)
    vocabulary of `vocab_size`, words split before each ▁ as SentencePiece trains, with the source's
    normalizer and decoder."""
    from core.tokenizer.like_source import new_like

    if algorithm == "bpe":
        unk = json.loads(source.to_str())["model"].get("unk_token")
        trainer = trainers.BpeTrainer(vocab_size=vocab_size - len(BYTE_TOKENS), min_frequency=min_frequency,
                                      special_tokens=special_tokens, show_progress=False)
        tok = new_like(source, models.BPE(byte_fallback=True, fuse_unk=True, unk_token=unk))
    else:
        trainer = trainers.UnigramTrainer(vocab_size=vocab_size, special_tokens=special_tokens, show_progress=False,
                                          unk_token=_unk_token(source, special_tokens),
                                          initial_alphabet=UNIGRAM_ALPHABET)
        tok = new_like(source, models.Unigram([], byte_fallback=False))
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=SPACE, prepend_scheme="never", split=True)
    tok.train_from_iterator(texts, trainer)
    tj = json.loads(tok.to_str())
    tj["pre_tokenizer"] = json.loads(source.to_str()).get("pre_tokenizer")
    if algorithm == "unigram":
        _float32_scores(tj, len(special_tokens))
        return Tokenizer.from_str(json.dumps(tj))
    _with_byte_tokens(tj, len(special_tokens))
    return complete_merges(Tokenizer.from_str(json.dumps(tj)))
