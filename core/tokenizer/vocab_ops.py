"""Editing byte-level BPE vocabularies: extend a source with new tokens, or shrink it and then extend.

New tokens come from continued BPE (`continued_bpe`): merges learned on the segmentation the source
(or the shrunk source) gives the Russian text, appended after its merges. In `extend` mode a new token
must contain the UTF-8 lead byte of a Russian letter (0xD0 or 0xD1, which occur in nothing but
U+0400..U+047F), so it can only form in Cyrillic text: any text without Cyrillic (English, code,
accents, dashes, emoji) tokenizes exactly as before. On the default project this refuses 3 of 4,000
tokens a non-ASCII rule would take (" ∧", " ∨", " (" + a lead byte).

With `algorithm = "unigram"`, extend takes its new tokens the way the method's authors extend Qwen's
vocabulary with a 48k Unigram (RefalMachine/ruadapt, `convert_hf_tokenizer_vocab_to_freq_list.py` +
`extend_tokenizer.py`): a Unigram is trained on the Russian text, its pieces that are Russian letters
(after at most one leading space) become the "words", each weighted by its probability, and continued
BPE learns its merges on those. The result is still the source's BPE, exportable as the source is.

`optimized` first keeps part of the source vocabulary, by one of two rules (`KEEP_RULES`):
- "rank" (the method's authors, `shrink_tokenizer.py`): the source tokens with ids below N. BPE ids
  follow merge order, so these are the source's most frequent pieces in its own training text, which
  is what English needs;
- "russian_use" (ours): the N source tokens the Russian corpus uses most, with the pieces they are
  built from; this can drop tokens English needs.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tokenizers import Tokenizer, pre_tokenizers

from core.tokenizer.continued_bpe import append_merges, learn_merges, segment_words
from core.tokenizer.sentencepiece import BYTE_TOKENS, SPACE, complete_merges, is_sentencepiece, train_sentencepiece

KEEP_RULES = ("rank", "russian_use")
_BYTE_ALPHABET = set(pre_tokenizers.ByteLevel.alphabet())


def byte_symbols() -> dict[int, str]:
    """GPT-2's byte → printable symbol map, used by every byte-level BPE."""
    printable = [*range(0x21, 0x7F), *range(0xA1, 0xAD), *range(0xAE, 0x100)]
    extra = [b for b in range(256) if b not in printable]
    return {**{b: chr(b) for b in printable}, **{b: chr(0x100 + i) for i, b in enumerate(extra)}}


_ASCII_SYMBOLS = {s for b, s in byte_symbols().items() if b < 0x80}
_CYRILLIC_LEADS = {byte_symbols()[0xD0], byte_symbols()[0xD1]}


def has_non_ascii(token: str) -> bool:
    return not set(token) <= _ASCII_SYMBOLS


def has_cyrillic(token: str) -> bool:
    """The token's bytes include the lead byte of a Russian letter (U+0400..U+047F), or, in a
    SentencePiece vocabulary over characters, a Russian letter itself (byte symbols stop at U+0143)."""
    return not _CYRILLIC_LEADS.isdisjoint(token) or any("\u0400" <= c <= "\u047f" for c in token)


def _model(tok: Tokenizer) -> dict:
    return json.loads(tok.to_str())


def _merges(model: dict) -> list[tuple[str, str]]:
    """Merges as pairs (tokenizers writes "a b" strings in older files, [a, b] lists in newer)."""
    return [tuple(m) if isinstance(m, list) else tuple(m.split(" ", 1)) for m in model["model"]["merges"]]


@dataclass(frozen=True)
class VocabEdit:
    tokenizer: Tokenizer
    added: int                  # new tokens appended
    kept: int                   # source tokens kept (all of them in extend mode)
    skipped: int                # frequent pairs refused (result already a token, or no Cyrillic in extend mode)
    absorbed: tuple[str, ...]   # new tokens that form only inside longer new tokens on the training text


def continue_bpe(base: Tokenizer, word_counts: Mapping[str, int], new_tokens: int, min_frequency: int,
                 cyrillic_only: bool, kept: int) -> VocabEdit:
    learned = learn_merges(segment_words(base, word_counts), set(base.get_vocab(with_added_tokens=True)),
                           new_tokens, min_frequency, allow=has_cyrillic if cyrillic_only else None)
    extended = append_merges(base, learned.merges)
    if is_sentencepiece(base):  # llama.cpp merges any pair that makes a token: give HF those merges too
        extended = complete_merges(extended)
    return VocabEdit(extended, len(learned.merges), kept, learned.refused, tuple(learned.absorbed))


def extend_bpe(source: Tokenizer, word_counts: Mapping[str, int], new_tokens: int,
               min_frequency: int = 2) -> VocabEdit:
    """The source vocabulary and merges unchanged, plus up to `new_tokens` continued-BPE tokens."""
    return continue_bpe(source, word_counts, new_tokens, min_frequency, cyrillic_only=True,
                        kept=source.get_vocab_size(with_added_tokens=True))


RUSSIAN_PIECE = re.compile(" ?[А-Яа-яЁё]+")
PIECE_WEIGHT = 1_000_000  # a piece weighs its Unigram probability times this (the authors' frequency list)


def piece_unigram(texts: Iterable[str], source: Tokenizer, vocab_size: int) -> Tokenizer:
    """A SentencePiece-style Unigram over characters of `texts` (the authors train theirs with SentencePiece),
    with the source's normalizer when the source is SentencePiece-style, so that its pieces are the source's
    symbols; else with Llama-2's (every word starts with ▁)."""
    from tokenizers import models, normalizers

    template = Tokenizer(models.Unigram([("<unk>", 0.0)], 0, False))
    template.normalizer = source.normalizer if is_sentencepiece(source) else normalizers.Sequence(
        [normalizers.Prepend(SPACE), normalizers.Replace(" ", SPACE)])
    return train_sentencepiece(texts, template, "unigram", vocab_size, 1, ["<unk>"])


def russian_piece_weights(unigram: Tokenizer, source: Tokenizer) -> Counter:
    """The Unigram's Russian pieces (letters only, after at most one space) as words of the source (one
    pre-tokenized word, in its symbols), each weighted by its probability: the words continued BPE learns
    from in unigram extend mode."""
    weights: Counter = Counter()
    same_symbols = is_sentencepiece(source)
    for piece, score in json.loads(unigram.to_str())["model"]["vocab"]:
        text, weight = piece.replace(SPACE, " "), round(PIECE_WEIGHT * math.exp(score))
        if score >= 0 or weight == 0 or not RUSSIAN_PIECE.fullmatch(text):
            continue
        if same_symbols:
            weights[piece] += weight
            continue
        normal = source.normalizer.normalize_str(text) if source.normalizer is not None else text
        words = source.pre_tokenizer.pre_tokenize_str(normal) if source.pre_tokenizer is not None else [(normal, 0)]
        if len(words) == 1:  # a piece the source's split cuts (none for a GPT-2-style split) is left out
            weights[words[0][0]] += weight
    return weights


def extend_bpe_from_unigram(source: Tokenizer, unigram: Tokenizer, new_tokens: int,
                            min_frequency: int = 2) -> VocabEdit:
    """`extend_bpe` over the Russian pieces of `unigram` (see `piece_unigram`) instead of the corpus's words."""
    return extend_bpe(source, russian_piece_weights(unigram, source), new_tokens, min_frequency)


def token_use(source: Tokenizer, word_counts: Mapping[str, int]) -> Counter:
    """How often the source uses each of its token ids on the words counted."""
    counts: Counter = Counter()
    for word, n in word_counts.items():
        for token in source.model.tokenize(word):
            counts[token.id] += n
    return counts


def _closure(tj: dict, seeds: list[str], keep: int) -> set[str]:
    """Byte alphabet, special tokens, and then `seeds` in order (each with the merge parts it is built
    from, so every kept token stays reachable) until `keep` tokens are kept."""
    vocab = tj["model"]["vocab"]
    built_from: dict[str, tuple[str, str]] = {}
    for a, b in _merges(tj):
        built_from.setdefault(a + b, (a, b))
    kept = {t for t in vocab if t in _BYTE_ALPHABET or t in BYTE_TOKENS} | {t["content"] for t in tj["added_tokens"]}
    for token in seeds:
        if len(kept) >= keep:
            break
        stack = [token]
        while stack:
            t = stack.pop()
            if t not in kept:
                kept.add(t)
                stack.extend(built_from.get(t, ()))
    return kept


def shrink_bpe(source: Tokenizer, keep: int, rule: str, word_counts: Mapping[str, int] | None = None) -> Tokenizer:
    """The source with only `keep` of its tokens (see KEEP_RULES), renumbered densely in source order;
    merges whose parts or result were dropped are dropped too."""
    tj = _model(source)
    vocab: dict[str, int] = tj["model"]["vocab"]
    by_id = sorted(vocab, key=vocab.__getitem__)
    if rule == "rank":
        seeds = by_id
    elif rule == "russian_use":
        usage = token_use(source, word_counts or {})
        id_to_token = {i: t for t, i in vocab.items()}
        seeds = [id_to_token[i] for i, _ in usage.most_common() if i in id_to_token]
    else:
        raise ValueError(f"unknown keep rule {rule!r}; known: {KEEP_RULES}")
    kept = _closure(tj, seeds, keep)
    order = sorted(kept, key=lambda t: vocab[t] if t in vocab else next(
        a["id"] for a in tj["added_tokens"] if a["content"] == t))
    new_ids = {t: i for i, t in enumerate(order)}
    tj["model"]["vocab"] = {t: i for t, i in new_ids.items() if t in vocab}
    tj["model"]["merges"] = [[a, b] for a, b in _merges(tj) if a + b in kept and a in kept and b in kept]
    for added_token in tj["added_tokens"]:
        added_token["id"] = new_ids[added_token["content"]]
    remap_post_processor(tj, new_ids)
    return Tokenizer.from_str(json.dumps(tj))


def optimize_bpe(source: Tokenizer, word_counts: Mapping[str, int], keep: int, new_tokens: int,
                 rule: str = "rank", min_frequency: int = 2) -> VocabEdit:
    """`keep` source tokens chosen by `rule`, then `new_tokens` continued-BPE tokens learned on the
    segmentation of the shrunk vocabulary."""
    shrunk = shrink_bpe(source, keep, rule, word_counts)
    return continue_bpe(shrunk, word_counts, new_tokens, min_frequency, cyrillic_only=False,
                        kept=shrunk.get_vocab_size(with_added_tokens=True))


def remap_post_processor(tj: dict, vocab: dict[str, int]) -> None:
    """Special-token ids inside a TemplateProcessing post-processor follow the new numbering."""
    processors = [tj.get("post_processor") or {}]
    processors += processors[0].get("processors", [])
    for proc in processors:
        for spec in (proc.get("special_tokens") or {}).values():
            spec["ids"] = [vocab[t] for t in spec["tokens"]]
