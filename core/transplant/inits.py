"""How a new token's embedding starts (the project's transplant `init`): one table that the transplant and
the project schema both read (see core.transplant.embeddings for what each variant does). Light on purpose
(no torch): loading a project imports it."""

from __future__ import annotations

from dataclasses import dataclass


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
