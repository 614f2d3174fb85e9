"""Continued BPE: new merges learned on the source tokenizer's own segmentation of the text.

This is how the method's authors extend a vocabulary (RefalMachine/ruadapt, `extend_tokenizer.py`):
every word of the corpus is first split the way the source splits it, and BPE then continues from
those pieces. The new merges are appended after the source's, so an encoder runs the source's merges
to the end (the source's segmentation: a new token is in no source merge, so none fires again) and
then the new ones in the order they were learned: exactly what training saw. Every new token
therefore forms on the text it was learned from, except an intermediate token that later merges
absorb at every place it occurs (BPE's usual exception, counted in `ContinuedMerges.absorbed`).

The interface is over symbol strings, not bytes, so any BPE whose pieces concatenate (byte-level,
or SentencePiece-style BPE over characters) can use it:

    words = segment_words(source, word_counts(source, texts))
    learned = learn_merges(words, vocab=set(source.get_vocab()), max_new=4000, min_frequency=2)
    tokenizer = append_merges(source, learned.merges)
"""

from __future__ import annotations

import heapq
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from tokenizers import Tokenizer

Pair = tuple[str, str]


@dataclass(frozen=True)
class ContinuedMerges:
    merges: list[Pair]        # in the order learned; each makes one new token
    absorbed: list[str]       # new tokens that occur only inside longer new tokens on the training words
    refused: int              # frequent pairs refused: their result is a known token, or `allow` said no

    @property
    def new_tokens(self) -> list[str]:
        return [a + b for a, b in self.merges]


_BEFORE_METASPACE = re.compile("(?=▁)")


def word_counts(source: Tokenizer, texts: Iterable[str]) -> Counter:
    """How often each pre-tokenized word occurs, as the source's model sees it (after its normalizer
    and pre-tokenizer: for byte-level BPE, strings of byte symbols such as 'ĠÐ¼Ð¸ÑĢ'). A tokenizer
    without a pre-tokenizer (SentencePiece BPE converted to tokenizer.json) is split before each '▁',
    where SentencePiece itself never merges across."""
    counts: Counter = Counter()
    for text in texts:
        if source.normalizer is not None:
            text = source.normalizer.normalize_str(text)
        if source.pre_tokenizer is not None:
            counts.update(piece for piece, _ in source.pre_tokenizer.pre_tokenize_str(text))
        else:
            counts.update(piece for piece in _BEFORE_METASPACE.split(text) if piece)
    return counts


def segment_words(source: Tokenizer, counts: Mapping[str, int]) -> dict[tuple[str, ...], int]:
    """Each word as the source's model splits it; words that are one source token are left out
    (no merge can change them)."""
    words: dict[tuple[str, ...], int] = {}
    for word, n in counts.items():
        pieces = tuple(t.value for t in source.model.tokenize(word))
        if len(pieces) > 1:
            words[pieces] = words.get(pieces, 0) + n
    return words


class _PairIndex:
    """Pair counts over a list of words, kept up to date as merges are applied (the usual
    incremental BPE: only the words that contain the merged pair are touched)."""

    def __init__(self, words: Mapping[tuple[str, ...], int]):
        self.words = [list(w) for w in words]
        self.freqs = list(words.values())
        self.counts: Counter = Counter()
        self.where: dict[Pair, set[int]] = {}
        for i, word in enumerate(self.words):
            self._add(i, word, +1)
        self.heap = [(-n, pair) for pair, n in self.counts.items()]
        heapq.heapify(self.heap)

    def _add(self, i: int, word: list[str], sign: int) -> None:
        for pair in zip(word, word[1:]):
            self.counts[pair] += sign * self.freqs[i]
            if sign > 0:
                self.where.setdefault(pair, set()).add(i)

    def best(self, banned: set[Pair]) -> tuple[Pair, int] | None:
        """The most frequent pair not banned (ties: the lexicographically smallest, for determinism)."""
        while self.heap:
            neg, pair = heapq.heappop(self.heap)
            count = self.counts.get(pair, 0)
            if pair in banned or count <= 0:
                continue
            if -neg != count:  # a stale entry: its count changed since it was pushed
                heapq.heappush(self.heap, (-count, pair))
                continue
            return pair, count
        return None

    def merge(self, pair: Pair) -> None:
        a, b = pair
        touched = set()
        for i in self.where.pop(pair, ()):
            word = self.words[i]
            self._add(i, word, -1)
            merged, j = [], 0
            while j < len(word):  # left to right, as the encoder merges repeated pairs
                if j + 1 < len(word) and word[j] == a and word[j + 1] == b:
                    merged.append(a + b)
                    j += 2
                else:
                    merged.append(word[j])
                    j += 1
            self.words[i] = merged
            self._add(i, merged, +1)
            touched.update(zip(merged, merged[1:]))
        for p in touched:
            if self.counts[p] > 0:
                heapq.heappush(self.heap, (-self.counts[p], p))

    def occurrences(self) -> Counter:
        out: Counter = Counter()
        for word, n in zip(self.words, self.freqs):
            for piece in word:
                out[piece] += n
        return out


def learn_merges(words: Mapping[tuple[str, ...], int], vocab: set[str], max_new: int, min_frequency: int = 2,
                 allow: Callable[[str], bool] | None = None) -> ContinuedMerges:
    """Up to `max_new` merges, most frequent pair first, each making a token not in `vocab`.

    A pair whose result is already a token is refused: a merge into a source token could let a
    source merge fire after the new ones, and the encoder would no longer follow training.
    `allow(token)` can refuse more (extend mode refuses pure-ASCII tokens so English is untouched)."""
    index, known, banned = _PairIndex(words), set(vocab), set()
    merges: list[Pair] = []
    while len(merges) < max_new:
        found = index.best(banned)
        if found is None or found[1] < min_frequency:
            break
        pair = found[0]
        token = pair[0] + pair[1]
        if token in known or (allow is not None and not allow(token)):
            banned.add(pair)
            continue
        merges.append(pair)
        known.add(token)
        index.merge(pair)
    used = index.occurrences()
    absorbed = [a + b for a, b in merges if used[a + b] == 0]
    return ContinuedMerges(merges, absorbed, len(banned))


def append_merges(source: Tokenizer, merges: Iterable[Pair]) -> Tokenizer:
    """The source tokenizer with `merges` after its own and their tokens given the next free ids."""
    tj = json.loads(source.to_str())
    vocab = tj["model"]["vocab"]
    tj["model"]["merges"] = [m if isinstance(m, list) else m.split(" ", 1) for m in tj["model"]["merges"]]
    next_id = max([*vocab.values(), *(t["id"] for t in tj.get("added_tokens", []))], default=-1) + 1
    for a, b in merges:
        if a not in vocab or b not in vocab or a + b in vocab:
            raise ValueError(f"merge {a!r} + {b!r} does not make a new token from known ones")
        vocab[a + b] = next_id
        tj["model"]["merges"].append([a, b])
        next_id += 1
    return Tokenizer.from_str(json.dumps(tj))


def unused_tokens(tokenizer: Tokenizer, token_ids: Iterable[int], texts: Iterable[str], batch: int = 256) -> list[int]:
    """Which of `token_ids` the tokenizer never produces on `texts`."""
    left = set(token_ids)
    chunk: list[str] = []
    for text in [*texts, None]:
        if text is not None:
            chunk.append(text)
        if chunk and (text is None or len(chunk) == batch):
            for enc in tokenizer.encode_batch(chunk, add_special_tokens=False):
                left.difference_update(enc.ids)
            chunk = []
    return sorted(left)
