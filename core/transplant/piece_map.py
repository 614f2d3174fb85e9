"""The map from a new vocabulary to an old one: each new token as a weighted mix of old tokens.

Row i of the map says how new token i is built from old tokens: a one-hot row when the token exists
in both vocabularies (its vector is copied exactly), the weights of its pieces under the old
tokenizer otherwise. Transplant uses it to initialise embeddings (E_new = M · E_old); LEP uses the
same map to convert the original base and instruct embeddings into the new vocabulary.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import torch
from tokenizers import Tokenizer

WEIGHTINGS = ("mean", "wmean_input", "wmean_output")


@dataclass(frozen=True)
class PieceMap:
    indices: torch.Tensor     # (2, nnz): new id, old id
    values: torch.Tensor      # (nnz,) weights; each row sums to 1
    shape: tuple[int, int]    # (new vocab, old vocab)
    copied: torch.Tensor      # (new vocab,) bool: the token exists in the old vocabulary
    unmapped: torch.Tensor    # (new vocab,) bool: no pieces found (falls back to random)

    def matrix(self, dtype: torch.dtype = torch.float32) -> torch.Tensor:
        return torch.sparse_coo_tensor(self.indices, self.values.to(dtype), self.shape, check_invariants=True).coalesce()

    def apply(self, old: torch.Tensor) -> torch.Tensor:
        """New rows from old rows: (new vocab, d) = M · old, computed in float64 for exact copies."""
        return torch.sparse.mm(self.matrix(torch.float64), old.detach().to(torch.float64)).to(old.dtype)

    def counts(self) -> dict[str, int]:
        copied, unmapped = int(self.copied.sum()), int(self.unmapped.sum())
        return {"copied": copied, "averaged": self.shape[0] - copied - unmapped, "fallback": unmapped}


def _piece_weights(n: int, weighting: str) -> list[float]:
    """mean: equal; wmean_input: later pieces weigh more (the state after reading the word);
    wmean_output: earlier pieces weigh more (the LM head predicts the word's first piece)."""
    raw = {"mean": [1.0] * n, "wmean_input": [i + 1.0 for i in range(n)],
           "wmean_output": [float(n - i) for i in range(n)]}[weighting]
    total = sum(raw)
    return [w / total for w in raw]


def _added_tokens(tj: dict) -> dict[int, str]:
    return {t["id"]: t["content"] for t in tj.get("added_tokens", [])}


def build_piece_map(new: Tokenizer, old: Tokenizer, weighting: str = "mean") -> PieceMap:
    """`new` and `old` are `tokenizers.Tokenizer`s of byte-level vocabularies."""
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
            pieces = old.encode(token, add_special_tokens=False).ids
        else:  # a byte-level symbol string: the old model splits it into its own pieces directly
            pieces = [t.id for t in old.model.tokenize(token)]
        if not pieces:
            unmapped[new_id] = True
            continue
        for old_id, w in _merge_weights(pieces, _piece_weights(len(pieces), weighting)).items():
            rows.append(new_id), cols.append(old_id), vals.append(w)
    return PieceMap(torch.tensor([rows, cols], dtype=torch.long), torch.tensor(vals, dtype=torch.float64),
                    (size, max(old_vocab.values()) + 1), copied, unmapped)


def _merge_weights(pieces: list[int], weights: list[float]) -> dict[int, float]:
    """A piece used twice in one token adds up its weights (one matrix entry per pair)."""
    merged: dict[int, float] = {}
    for p, w in zip(pieces, weights):
        merged[p] = merged.get(p, 0.0) + w
    return merged
