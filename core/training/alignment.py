"""Aligned chunks of one text under two tokenizations, for distillation across tokenizers.

A chunk boundary is a character offset where a token of the student *and* a token of the teacher
end (ALM's "unconstrained" chunks, Minixhofer, Vulić, Ponti 2025). Between two boundaries each
side spells the same characters, so the chunk's likelihood under either model is comparable.

The training text is packed like `core.training.data`: each document's tokens followed by EOS. An
EOS is given one virtual character after its document, so documents end on a common boundary.
Block i holds student tokens [i·B, (i+1)·B), the same ids `PackedBlocks` gives, and the teacher
tokens that spell the block's whole chunks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import torch

from core.errors import CorpusError
from core.training.data import example_indices


@dataclass(frozen=True)
class Tokenized:
    """One side of the packed text: ids and each token's (start, end) character offsets."""

    ids: np.ndarray
    starts: np.ndarray
    ends: np.ndarray


def tokenize_packed(texts: list[str], tokenizer, batch: int = 256) -> Tokenized:
    """Every text's ids with offsets into the packed text (texts joined by one virtual character per
    EOS), each followed by EOS."""
    ids, starts, ends = [], [], []
    base = 0
    eos = tokenizer.eos_token_id
    for i in range(0, len(texts), batch):
        group = texts[i:i + batch]
        enc = tokenizer(group, add_special_tokens=False, return_offsets_mapping=True)
        for text, doc_ids, offsets in zip(group, enc["input_ids"], enc["offset_mapping"]):
            ids.extend(doc_ids)
            starts.extend(base + s for s, _ in offsets)
            ends.extend(base + e for _, e in offsets)
            ids.append(eos)
            starts.append(base + len(text))
            ends.append(base + len(text) + 1)
            base += len(text) + 1
    # Byte-level pieces of one character share its offsets; the running max keeps ends monotonic.
    return Tokenized(np.asarray(ids, dtype=np.int64), np.asarray(starts, dtype=np.int64),
                     np.maximum.accumulate(np.asarray(ends, dtype=np.int64)))


def chunk_ids(ends: np.ndarray, starts: np.ndarray, bounds: np.ndarray) -> np.ndarray:
    """Chunk number of each token (-1 outside): chunk k spans (bounds[k], bounds[k+1]]."""
    if len(bounds) < 2:
        return np.full(len(ends), -1, dtype=np.int64)
    k = np.searchsorted(bounds, ends, side="left") - 1
    inside = (starts >= bounds[0]) & (ends > bounds[0]) & (ends <= bounds[-1])
    return np.where(inside, k, -1)


class AlignedBlocks:
    """Student blocks (as `PackedBlocks`) with the teacher's tokens of the same text and the chunk
    maps of both, drawn in the same seeded order: objective "lm" on these sees the same batches."""

    def __init__(self, texts: Iterable[str], student_tok, teacher_tok, block_size: int,
                 section: str = "stage1") -> None:
        texts = [t for t in texts if t]
        self.student = tokenize_packed(texts, student_tok)
        self.teacher = tokenize_packed(texts, teacher_tok)
        self.bounds = np.intersect1d(self.student.ends, self.teacher.ends)
        self.block_size = block_size
        self.n_blocks = len(self.student.ids) // block_size
        self.teacher_pad_id = teacher_tok.pad_token_id if teacher_tok.pad_token_id is not None else 0
        if self.n_blocks == 0:
            raise CorpusError(f"the training text has {len(self.student.ids):,} tokens, fewer than one block "
                              f"of {block_size}", where=f"[{section}] block_size",
                              fix="lower block_size or add more training text")

    tokens_per_example = property(lambda self: self.block_size)
    eval_window = tokens_per_example

    def block(self, index: int) -> dict[str, np.ndarray]:
        """Block `index`: student ids and chunks; the teacher's ids of the same text and their chunks.
        The first token of either side is never predicted, so chunks start after both."""
        lo_tok, hi_tok = index * self.block_size, (index + 1) * self.block_size
        s, t = self.student, self.teacher
        first = min(int(np.searchsorted(t.starts, s.starts[lo_tok], side="left")), len(t.ids) - 1)
        lo, hi = max(s.ends[lo_tok], t.ends[first]), s.ends[hi_tok - 1]
        bounds = self.bounds[(self.bounds >= lo) & (self.bounds <= hi)]
        last = int(np.searchsorted(t.ends, bounds[-1], side="right")) if len(bounds) >= 2 else first + 1
        return {"input_ids": s.ids[lo_tok:hi_tok],
                "student_chunks": chunk_ids(s.ends[lo_tok:hi_tok], s.starts[lo_tok:hi_tok], bounds),
                "teacher_ids": t.ids[first:last],
                "teacher_chunks": chunk_ids(t.ends[first:last], t.starts[first:last], bounds)}

    def micro_batch(self, index: int, batch_size: int, seed: int) -> dict[str, torch.Tensor]:
        blocks = [self.block(i) for i in example_indices(self.n_blocks, index, batch_size, seed)]
        width = max(len(b["teacher_ids"]) for b in blocks)

        def pad(key: str, value: int) -> torch.Tensor:
            rows = [np.pad(b[key], (0, width - len(b[key])), constant_values=value) for b in blocks]
            return torch.from_numpy(np.stack(rows))

        ids = torch.from_numpy(np.stack([b["input_ids"] for b in blocks]))
        teacher_ids = pad("teacher_ids", self.teacher_pad_id)
        lengths = torch.tensor([len(b["teacher_ids"]) for b in blocks])
        return {"input_ids": ids, "labels": ids,
                "student_chunks": torch.from_numpy(np.stack([b["student_chunks"] for b in blocks])),
                "teacher_ids": teacher_ids, "teacher_chunks": pad("teacher_chunks", -1),
                "teacher_mask": (torch.arange(width)[None, :] < lengths[:, None]).long(),
                "block_index": torch.tensor(example_indices(self.n_blocks, index, batch_size, seed))}
