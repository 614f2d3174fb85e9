"""Initialising a model's embeddings for a new vocabulary (the transplant step of the method).

`INITS` holds the method's authors' three variants under their own names (RefalMachine/ruadapt,
`tokenization/replace_tokenizer.py`) and our earlier three under names of their own:
- mean: the mean of the token's pieces under the source tokenizer, whitespace-only pieces weighted 0.1;
  a token with no pieces gets the mean of all source rows. Both sides (input and LM head) alike.
- wmean: weights exp(-mult·i) over the pieces (the first heaviest), whitespace-only pieces 0.1, on
  both sides; no pieces: the mean row.
- random: every row, shared tokens too, drawn from N(0, initializer_range).
- mean_unscaled (ours): equal weights, no whitespace scaling; no pieces: a random row.
- wmean_linear (ours): linear weights, later pieces heavier on the input side (the state after reading
  the word), earlier ones on the LM head (it predicts the word's first piece); no pieces: random.
- random_stats (ours): shared tokens copied, every other row drawn with the source rows' per-dimension
  mean and standard deviation.
Tokens in both vocabularies are copied exactly by every variant except `random`.
Rows past the tokenizer (vocabulary padding) are zero: no token maps to them, and a zero LM-head row
gives the constant logit 0, which training pushes down like any unused token's.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from core.transplant.piece_map import PieceMap, build_piece_map


@dataclass(frozen=True)
class Init:
    input: str | None      # piece weighting of the input side; None: every row drawn at random
    head: str | None       # piece weighting of the LM head
    fallback: str          # rows with no pieces: "mean" (of the source rows), "random" (source statistics),
                           # "random_all" (every row not copied)
    authors: bool


INITS: dict[str, Init] = {
    "mean": Init("ruadapt_mean", "ruadapt_mean", "mean", authors=True),
    "wmean": Init("ruadapt_wmean", "ruadapt_wmean", "mean", authors=True),
    "random": Init(None, None, "random", authors=True),
    "mean_unscaled": Init("mean", "mean", "random", authors=False),
    "wmean_linear": Init("wmean_input", "wmean_output", "random", authors=False),
    "random_stats": Init("mean", "mean", "random_all", authors=False),
}


@dataclass(frozen=True)
class TransplantReport:
    new_vocab: int   # embedding rows, padding included
    old_vocab: int
    copied: int      # tokens in both vocabularies: vectors copied exactly
    averaged: int    # new tokens: built from their pieces under the old tokenizer
    fallback: int    # no pieces found, or a random init: the mean row or a random draw
    padded: int      # rows past the tokenizer's last id (zero)
    tied: bool

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def _stats_rows(old: torch.Tensor, n: int, generator: torch.Generator) -> torch.Tensor:
    """Rows with the old matrix's per-dimension mean and standard deviation."""
    mean, std = old.float().mean(0), old.float().std(0)
    return (mean + std * torch.randn(n, old.shape[1], generator=generator)).to(old.dtype)


def init_new_embeddings(old: torch.Tensor, piece_map: PieceMap, init: Init, generator: torch.Generator,
                        std: float = 0.02) -> torch.Tensor:
    """The new matrix of one side (input embeddings or LM head), one row per id of `piece_map`."""
    if init.input is None:  # the authors' random: every row, shared tokens too
        return (std * torch.randn(piece_map.shape[0], old.shape[1], generator=generator)).to(old.dtype)
    new = piece_map.apply(old)
    rows = piece_map.unmapped.clone()
    if init.fallback == "mean":
        # the authors also give a token the mean row when its pieces average to (almost) nothing
        rows |= ~piece_map.copied & (new.double().norm(dim=1) < 1e-12)
        if rows.any():
            new[rows] = old.double().mean(0).to(old.dtype)
        return new
    if init.fallback == "random_all":
        rows |= ~piece_map.copied
    if rows.any():
        new[rows] = _stats_rows(old, int(rows.sum()), generator)
    return new


def pad_rows(matrix: torch.Tensor, rows: int) -> torch.Tensor:
    """`matrix` with zero rows appended up to `rows`."""
    extra = rows - matrix.shape[0]
    return torch.cat([matrix, matrix.new_zeros(extra, matrix.shape[1])]) if extra > 0 else matrix


def _counts(init: Init, piece_map: PieceMap, new_in: torch.Tensor) -> dict[str, int]:
    counts = piece_map.counts()
    rows = piece_map.shape[0]
    if init.input is None:
        return {"copied": 0, "averaged": 0, "fallback": rows}
    if init.fallback == "random_all":
        return {"copied": counts["copied"], "averaged": 0, "fallback": rows - counts["copied"]}
    return counts


@torch.no_grad()
def transplant(model, old_tokenizer, new_tokenizer, init: str = "mean", seed: int = 0, mult: float = 1.0,
               rows: int = 0) -> TransplantReport:
    """Replace `model`'s input embeddings and LM head with ones for `new_tokenizer` (HF fast tokenizers),
    with at least `rows` rows (vocabulary padding; zero rows past the tokenizer). Tied heads stay tied;
    special-token ids in the config follow the new tokenizer."""
    spec = INITS[init]
    old_backend, new_backend = old_tokenizer.backend_tokenizer, new_tokenizer.backend_tokenizer
    in_map = build_piece_map(new_backend, old_backend, spec.input or "mean", mult)
    generator = torch.Generator().manual_seed(seed)
    std = float(getattr(model.config, "initializer_range", 0.02) or 0.02)
    old_in = model.get_input_embeddings().weight
    tied = bool(getattr(model.config, "tie_word_embeddings", False))
    new_in = init_new_embeddings(old_in, in_map, spec, generator, std)
    size = max(rows, new_in.shape[0])
    new_out = None
    if not tied:
        out_map = in_map if spec.head == spec.input else build_piece_map(new_backend, old_backend, spec.head, mult)
        new_out = pad_rows(init_new_embeddings(model.get_output_embeddings().weight, out_map, spec, generator, std),
                           size)
    counts = _counts(spec, in_map, new_in)
    new_in = pad_rows(new_in, size)
    old_vocab = old_in.shape[0]
    model.resize_token_embeddings(size, mean_resizing=False)
    model.get_input_embeddings().weight.copy_(new_in)
    if new_out is not None:
        model.get_output_embeddings().weight.copy_(new_out)
    for name in ("bos_token_id", "eos_token_id", "pad_token_id"):
        setattr(model.config, name, getattr(new_tokenizer, name))
        if getattr(model, "generation_config", None) is not None:
            setattr(model.generation_config, name, getattr(new_tokenizer, name))
    return TransplantReport(new_vocab=size, old_vocab=old_vocab, tied=tied, padded=size - in_map.shape[0],
                            **counts)
