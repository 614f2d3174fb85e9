"""Training a new vocabulary with the `tokenizers` library, keeping the source's text handling.

The new tokenizer reuses the source's normalizer, pre-tokenizer, decoder and post-processor, so it
splits text the way the source does (and llama.cpp can name its pre-tokenizer for GGUF export).
Byte-level models start from all 256 byte symbols: any Unicode text round-trips.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from tokenizers import Tokenizer, models, pre_tokenizers, trainers

from core.errors import UserError
from core.tokenizer.like_source import new_like


def is_byte_level(source: Tokenizer) -> bool:
    return '"ByteLevel"' in json.dumps(json.loads(source.to_str()).get("pre_tokenizer"))


def _ignores_merges(source: Tokenizer) -> bool:
    return bool(json.loads(source.to_str())["model"].get("ignore_merges", False))


def train_vocabulary(texts: Iterable[str], source: Tokenizer, algorithm: str, vocab_size: int,
                     min_frequency: int, special_tokens: list[str]) -> Tokenizer:
    """Train a BPE or Unigram vocabulary of `vocab_size` (special tokens included, first in order)."""
    from core.tokenizer.sentencepiece import is_sentencepiece, train_sentencepiece

    if is_sentencepiece(source):
        return train_sentencepiece(texts, source, algorithm, vocab_size, min_frequency, special_tokens)
    if not is_byte_level(source):
        raise UserError("the source tokenizer is not byte-level, so a new vocabulary could not encode every "
                        "character losslessly", where="[tokenizer]",
                        fix="use a byte-level BPE source model (Llama-3, Qwen2, SmolLM2, Mistral-Nemo…) or a "
                            "SentencePiece one with byte fallback (Llama-2, Mistral-7B, Gemma)")
    alphabet = pre_tokenizers.ByteLevel.alphabet()
    if vocab_size < len(alphabet) + len(special_tokens) + 1:
        raise UserError(f"vocab_size {vocab_size} is smaller than the byte alphabet plus special tokens "
                        f"({len(alphabet) + len(special_tokens)})", where="tokenizer.vocab_size",
                        fix="choose at least a few thousand")
    if algorithm == "bpe":
        trainer = trainers.BpeTrainer(vocab_size=vocab_size, min_frequency=min_frequency,
                                      special_tokens=special_tokens, initial_alphabet=alphabet,
                                      show_progress=False)
        # A whole-word lookup before merges (LLaMA-3's ignore_merges) is part of the source's algorithm,
        # and llama.cpp applies it for that split: the new vocabulary keeps it.
        tok = new_like(source, models.BPE(ignore_merges=_ignores_merges(source)))
    else:
        trainer = trainers.UnigramTrainer(vocab_size=vocab_size, special_tokens=special_tokens,
                                          initial_alphabet=alphabet, unk_token=special_tokens[0]
                                          if special_tokens else None, show_progress=False)
        tok = new_like(source, models.Unigram())
    tok.train_from_iterator(texts, trainer)
    if algorithm == "unigram":
        tok = _round_scores(tok, len(special_tokens))
    return tok


def _round_scores(tok: Tokenizer, n_special: int) -> Tokenizer:
    """Unigram training is a parallel EM: scores carry last-bit noise, and the byte symbols it never saw
    are appended in hash order with made-up decreasing scores. Rounding, ordering by score, and giving
    that unseen tail a fixed order make the same corpus give the same tokenizer."""
    tj = json.loads(tok.to_str())
    vocab = tj["model"]["vocab"]
    rest = sorted(([piece, round(score, 8)] for piece, score in vocab[n_special:]), key=lambda v: (-v[1], v[0]))
    # The fill-in is the run of single characters whose scores step down by exactly 1e-4; a learned
    # multi-character piece can share a score with one of them and sit anywhere inside it, so it is skipped.
    singles = [i for i, (piece, _) in enumerate(rest) if len(piece) == 1]
    run_start, best = 0, (0, 0)
    for k in range(1, len(singles) + 1):
        stepping = (k < len(singles)
                    and abs(rest[singles[k - 1]][1] - rest[singles[k]][1] - 1e-4) < 1e-7)
        if not stepping:
            best = max(best, (k - run_start, run_start))
            run_start = k
    length, start = best
    if length > 1:
        block = [singles[k] for k in range(start, start + length)]
        for i, piece in zip(block, sorted(rest[i][0] for i in block)):
            rest[i][0] = piece
        rest.sort(key=lambda v: (-v[1], v[0]))
    tj["model"]["vocab"] = vocab[:n_special] + rest
    return Tokenizer.from_str(json.dumps(tj))
