"""Training data: the corpus tokenized once into a flat uint32 file, read as packed blocks.

Tokenizing streams document by document (memory stays flat on gigabytes); the block order is a
seeded permutation per epoch, so micro-batch k of a run is the same whether the run was resumed,
run on one process or split across ranks.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

import numpy as np
import torch

from core.errors import CorpusError

TOKEN_DTYPE = np.uint32
BATCH_CHARS = 1_000_000  # at most this much text goes to the tokenizer at once


def tokenize_to_file(texts: Iterable[str], tokenizer, path: Path, separator_id: int,
                     on_progress: Callable[[int], None] | None = None, batch: int = 256) -> int:
    """Write every text's ids, each followed by `separator_id` (EOS), to `path` atomically; returns the count."""
    path = Path(path)
    if path.exists():
        return path.stat().st_size // np.dtype(TOKEN_DTYPE).itemsize
    tmp = path.with_suffix(".partial")
    count = 0
    with open(tmp, "wb") as fh:
        chunk: list[str] = []

        def flush() -> None:
            nonlocal count
            for ids in tokenizer(chunk, add_special_tokens=False)["input_ids"]:
                np.asarray([*ids, separator_id], dtype=TOKEN_DTYPE).tofile(fh)
                count += len(ids) + 1
            chunk.clear()
            if on_progress:
                on_progress(count)

        chars = 0
        for text in texts:
            chunk.append(text)
            chars += len(text)
            if len(chunk) == batch or chars >= BATCH_CHARS:  # memory follows the text, not the count
                flush()
                chars = 0
        flush()
    os.replace(tmp, path)
    return count


class BatchSource(Protocol):
    """What the training loop draws from: micro-batch k of the run, as model keyword arguments."""

    tokens_per_example: int  # for tokens/s (an upper bound for padded examples)
    eval_window: int         # window for held-out bits per character

    def micro_batch(self, index: int, batch_size: int, seed: int) -> dict[str, torch.Tensor]: ...


@functools.lru_cache(maxsize=4)
def epoch_order(n: int, epoch: int, seed: int) -> torch.Tensor:
    return torch.randperm(n, generator=torch.Generator().manual_seed(seed * 100_003 + epoch))


class PackedBlocks:
    """Non-overlapping blocks of `block_size` tokens from a token file (memory-mapped)."""

    def __init__(self, path: Path, block_size: int, section: str = "stage1") -> None:
        self.tokens = np.memmap(path, dtype=TOKEN_DTYPE, mode="r")
        self.block_size = block_size
        self.n_blocks = len(self.tokens) // block_size
        if self.n_blocks == 0:
            raise CorpusError(f"the training text has {len(self.tokens):,} tokens, fewer than one block of "
                              f"{block_size}", where=f"[{section}] block_size",
                              fix="lower block_size or add more training text")

    def block(self, index: int) -> torch.Tensor:
        start = index * self.block_size
        return torch.from_numpy(self.tokens[start:start + self.block_size].astype(np.int64))

    @property
    def tokens_per_example(self) -> int:
        return self.block_size

    eval_window = tokens_per_example

    def micro_batch(self, index: int, batch_size: int, seed: int) -> dict[str, torch.Tensor]:
        """Global micro-batch number `index`: `batch_size` blocks from the seeded epoch order."""
        rows = torch.stack([self.block(i) for i in example_indices(self.n_blocks, index, batch_size, seed)])
        return {"input_ids": rows, "labels": rows}


def example_indices(n: int, index: int, batch_size: int, seed: int) -> list[int]:
    """Which of `n` examples form global micro-batch `index` (each epoch a seeded permutation)."""
    out = []
    for k in range(index * batch_size, (index + 1) * batch_size):
        epoch, pos = divmod(k, n)
        out.append(int(epoch_order(n, epoch, seed)[pos]))
    return out
