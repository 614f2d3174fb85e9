"""The map from a new vocabulary to an old one: each new token as a weighted mix of old tokens.

Row i of the map says how new token i is built from old tokens: a one-hot row when the token exists
in both vocabularies (its vector is copied exactly), the weights of its pieces under the old
tokenizer otherwise. Transplant uses it to initialise embeddings (E_new = M · E_old); LEP uses the
same map to convert the original base and instruct embeddings into the new vocabulary.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

import torch
from tokenizers import Tokenizer

# Piece strings that are whitespace only, as the method's authors test them (space, byte-level 'Ġ',
# SentencePiece '▁'): in their mean and wmean such a piece weighs 0.1 when a token has several pieces.
WHITESPACE_SYMBOLS = frozenset(" Ġ▁")
WHITESPACE_SCALE = 0.1


def _raw_weights(n: int, weighting: str, mult: float) -> list[float]:
    """mean: equal; wmean_input: later pieces weigh more (the state after reading the word);
    wmean_output: earlier pieces weigh more (the LM head predicts the word's first piece);
    ruadapt_mean / ruadapt_wmean: the authors' exp(-mult·i), earlier pieces heavier (mult 0 for mean)."""
    if weighting == "mean":
        return [1.0] * n
    if weighting == "wmean_input":
        return [i + 1.0 for i in range(n)]
    if weighting == "wmean_output":
        return [float(n - i) for i in range(n)]
    m = 0.0 if weighting == "ruadapt_mean" else mult
    return [math.exp(-m * i) for i in range(n)]


WEIGHTINGS = ("mean", "wmean_input", "wmean_output", "ruadapt_mean", "ruadapt_wmean")
AUTHORS_WEIGHTINGS = ("ruadapt_mean", "ruadapt_wmean")  # whitespace scaled; special tokens never from text


def piece_weights(pieces: list[str], weighting: str, mult: float = 1.0) -> list[float]:
    """Normalised weights of a token's pieces (their strings in the old vocabulary)."""
    raw = _raw_weights(len(pieces), weighting, mult)
    if weighting in AUTHORS_WEIGHTINGS and len(pieces) > 1:
        raw = [w * WHITESPACE_SCALE if set(p) <= WHITESPACE_SYMBOLS else w for w, p in zip(raw, pieces)]
    total = sum(raw)
    return [w / total for w in raw]


@dataclass(frozen=True)
class PieceMap:
    indices: torch.Tensor     # (2, nnz): new id, old id
    values: torch.Tensor      # (nnz,) weights; each row sums to 1
    shape: tuple[int, int]    # (new vocab, old vocab)
    copied: torch.Tensor      # (new vocab,) bool: the token exists in the old vocabulary
    unmapped: torch.Tensor    # (new vocab,) bool: no pieces found (the init's fallback applies)

    def matrix(self, dtype: torch.dtype = torch.float32) -> torch.Tensor:
        return torch.sparse_coo_tensor(self.indices, self.values.to(dtype), self.shape, check_invariants=True).coalesce()

    def apply(self, old: torch.Tensor) -> torch.Tensor:
        """New rows from old rows: (new vocab, d) = M · old, computed in float64 for exact copies."""
        return torch.sparse.mm(self.matrix(torch.float64), old.detach().to(torch.float64)).to(old.dtype)

    def counts(self) -> dict[str, int]:
        copied, unmapped = int(self.copied.sum()), int(self.unmapped.sum())
        return {"copied": copied, "averaged": self.shape[0] - copied - unmapped, "fallback": unmapped}


def _added_tokens(tj: dict) -> dict[int, str]:
    return {t["id"]: t["content"] for t in tj.get("added_tokens", [])}


def build_piece_map(new: Tokenizer, old: Tokenizer, weighting: str = "mean", mult: float = 1.0) -> PieceMap:
    """`new` and `old` are `tokenizers.Tokenizer`s of byte-level vocabularies. A special token the old
    vocabulary lacks is built from its text's pieces, except in the authors' weightings (unmapped there:
    their init gives it the mean vector)."""
    new_vocab, old_vocab = new.get_vocab(with_added_tokens=True), old.get_vocab(with_added_tokens=True)
    new_added = _added_tokens(json.loads(new.to_str()))
    rows, cols, vals = [], [], []
    size = max(new_vocab.values()) + 1
    copied, unmapped = torch.zeros(size, dtype=torch.bool), torch.zeros(size, dtype=torch.bool)
    for token, new_id in new_vocab.items():
        if token in old_vocab:
            pieces = [old_vocab[token]]
            copied[new_id] = True
        elif new_id in new_added:  # a special token the old model lacks: built from its text
            pieces = [] if weighting in AUTHORS_WEIGHTINGS else old.encode(token, add_special_tokens=False).ids
        else:  # a byte-level symbol string: the old model splits it into its own pieces directly
            pieces = [t.id for t in old.model.tokenize(token)]
        if not pieces:
            unmapped[new_id] = True
            continue
        weights = piece_weights([old.id_to_token(i) for i in pieces], weighting, mult)
        for old_id, w in _merge_weights(pieces, weights).items():
            rows.append(new_id), cols.append(old_id), vals.append(w)
    return PieceMap(torch.tensor([rows, cols], dtype=torch.long), torch.tensor(vals, dtype=torch.float64),
                    (size, max(old_vocab.values()) + 1), copied, unmapped)


def _merge_weights(pieces: list[int], weights: list[float]) -> dict[int, float]:
    """A piece used twice in one token adds up its weights (one matrix entry per pair)."""
    merged: dict[int, float] = {}
    for p, w in zip(pieces, weights):
        merged[p] = merged.get(p, 0.0) + w
    return merged
