"""Initialising a model's embeddings for a new vocabulary (the transplant step of the method)."""

from __future__ import annotations

from dataclasses import dataclass

import torch

from core.errors import ModelError
from core.transplant.inits import INITS
from core.transplant.piece_map import PieceMap, build_piece_map


@dataclass(frozen=True)
class TransplantReport:
    new_vocab: int
    old_vocab: int
    copied: int      # tokens in both vocabularies: vectors copied exactly
    averaged: int    # new tokens: built from their pieces under the old tokenizer
    fallback: int    # no pieces found (or init = random): drawn from the old embeddings' statistics
    tied: bool

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _random_rows(old: torch.Tensor, n: int, generator: torch.Generator) -> torch.Tensor:
    """Rows with the old matrix's per-dimension mean and standard deviation."""
    mean, std = old.float().mean(0), old.float().std(0)
    return (mean + std * torch.randn(n, old.shape[1], generator=generator)).to(old.dtype)


def init_new_embeddings(old: torch.Tensor, piece_map: PieceMap, init: str, generator: torch.Generator) -> torch.Tensor:
    new = piece_map.apply(old)
    fallback = piece_map.unmapped.clone()
    if init == "random":
        fallback |= ~piece_map.copied
    if fallback.any():
        new[fallback] = _random_rows(old, int(fallback.sum()), generator)
    return new


@torch.no_grad()
def transplant(model, old_tokenizer, new_tokenizer, init: str = "mean", seed: int = 0) -> TransplantReport:
    """Replace `model`'s input embeddings and LM head with ones for `new_tokenizer` (HF fast tokenizers).
    Tied heads stay tied; special-token ids in the config follow the new tokenizer."""
    if init not in INITS:
        raise ModelError(f"unknown embedding initialisation {init!r}", fix=f"use one of: {', '.join(INITS)}")
    old_backend, new_backend = old_tokenizer.backend_tokenizer, new_tokenizer.backend_tokenizer
    weighting = {"wmean": "wmean_input"}.get(init, "mean")
    in_map = build_piece_map(new_backend, old_backend, weighting)
    generator = torch.Generator().manual_seed(seed)
    old_in = model.get_input_embeddings().weight
    tied = bool(getattr(model.config, "tie_word_embeddings", False))
    new_in = init_new_embeddings(old_in, in_map, init, generator)
    new_out = None
    if not tied:
        out_map = build_piece_map(new_backend, old_backend, "wmean_output") if init == "wmean" else in_map
        new_out = init_new_embeddings(model.get_output_embeddings().weight, out_map, init, generator)
    old_vocab = old_in.shape[0]
    model.resize_token_embeddings(new_in.shape[0], mean_resizing=False)
    model.get_input_embeddings().weight.copy_(new_in)
    if new_out is not None:
        model.get_output_embeddings().weight.copy_(new_out)
    for name in ("bos_token_id", "eos_token_id", "pad_token_id"):
        setattr(model.config, name, getattr(new_tokenizer, name))
        if getattr(model, "generation_config", None) is not None:
            setattr(model.generation_config, name, getattr(new_tokenizer, name))
    counts = in_map.counts()
    if init == "random":
        counts = {"copied": counts["copied"], "averaged": 0, "fallback": new_in.shape[0] - counts["copied"]}
    return TransplantReport(new_vocab=new_in.shape[0], old_vocab=old_vocab, tied=tied, **counts)
