"""Training objectives: next-token loss ("lm"), approximate likelihood matching with the original
model on its own tokenization ("distill"), or their sum ("lm+distill").

ALM (Minixhofer, Vulić, Ponti 2025; tokenkit's `compute_alm_loss`, unconstrained chunks): the log
likelihood of each aligned chunk (see `core.training.alignment`) is the sum of its tokens' log
probabilities on each side. Student and teacher chunk likelihoods, divided by a temperature, are
read as Bernoulli probabilities and compared by binary cross-entropy, averaged over chunks. The
teacher runs without gradients; its chunk likelihoods depend only on the block, so each block's
are computed once per run and reused in later epochs.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F

OBJECTIVES = ("lm", "distill", "lm+distill")
MODEL_INPUTS = ("input_ids", "labels", "attention_mask")  # the rest of an aligned batch is for the teacher
BINARIZATION_TEMP = 100.0  # tokenkit's default
EPSILON = 1e-6


def log1mexp(x: torch.Tensor) -> torch.Tensor:
    """log(1 − exp(x)) for x < 0, stable on both sides of log ½."""
    return torch.where(x < -math.log(2), torch.log1p(-torch.exp(x)), torch.log(-torch.expm1(x)))


def binary_ce(log_p_true: torch.Tensor, log_p_pred: torch.Tensor, temp: float = BINARIZATION_TEMP) -> torch.Tensor:
    t = log_p_true / temp - EPSILON
    s = log_p_pred / temp - EPSILON
    return -(torch.exp(t) * s + (-torch.expm1(t)) * log1mexp(s))


def token_logprobs(logits: torch.Tensor, ids: torch.Tensor) -> torch.Tensor:
    """log p(ids[:, j] | ids[:, <j]) for j ≥ 1 (position 0 gets 0: it is never predicted)."""
    logp = torch.log_softmax(logits[:, :-1].float(), dim=-1).gather(-1, ids[:, 1:, None]).squeeze(-1)
    return F.pad(logp, (1, 0))


def chunk_sums(token_logp: torch.Tensor, chunks: torch.Tensor, n_chunks: int) -> torch.Tensor:
    """Per row, the sum of token log probabilities in each chunk (tokens at chunk -1 are dropped)."""
    keep = chunks >= 0
    out = torch.zeros(token_logp.shape[0], n_chunks + 1, dtype=token_logp.dtype, device=token_logp.device)
    out.scatter_add_(1, torch.where(keep, chunks, n_chunks), torch.where(keep, token_logp, 0.0))
    return out[:, :n_chunks].clamp(max=0.0)


def alm_loss(student_chunk_logp: torch.Tensor, teacher_chunk_logp: torch.Tensor, valid: torch.Tensor) -> torch.Tensor:
    """Mean binary cross-entropy over the valid chunks."""
    losses = binary_ce(teacher_chunk_logp, student_chunk_logp)
    return (losses * valid).sum() / valid.sum().clamp(min=1)


class Objective:
    """The loss of one micro-batch. `teacher` is the original model (only for distillation)."""

    def __init__(self, name: str, teacher=None) -> None:
        if name not in OBJECTIVES:
            raise ValueError(f"unknown objective {name!r}; one of {OBJECTIVES}")
        if name != "lm" and teacher is None:
            raise ValueError(f"objective {name!r} needs the teacher model")
        self.name, self.teacher = name, teacher
        self._teacher_cache: dict[int, torch.Tensor] = {}
        if teacher is not None:
            teacher.eval()
            for p in teacher.parameters():
                p.requires_grad_(False)

    def __call__(self, model, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        if self.name == "lm":
            return model(**{k: v for k, v in batch.items() if k in MODEL_INPUTS}).loss
        logits = model(input_ids=batch["input_ids"]).logits
        s_logp = token_logprobs(logits, batch["input_ids"])
        n_chunks = int(max(batch["student_chunks"].max(), batch["teacher_chunks"].max()).item()) + 1
        student = chunk_sums(s_logp, batch["student_chunks"], n_chunks)
        teacher = self.teacher_chunks(batch, n_chunks)
        valid = (torch.zeros_like(student).scatter_add_(
            1, batch["student_chunks"].clamp(min=0), (batch["student_chunks"] >= 0).to(student.dtype)) > 0)
        loss = alm_loss(student, teacher, valid.to(student.dtype))
        if self.name == "lm+distill":
            loss = loss + F.cross_entropy(logits[:, :-1].flatten(0, 1).float(), batch["labels"][:, 1:].flatten())
        return loss

    @torch.no_grad()
    def teacher_chunks(self, batch: dict[str, torch.Tensor], n_chunks: int) -> torch.Tensor:
        rows = []
        missing = [i for i, b in enumerate(batch["block_index"].tolist()) if b not in self._teacher_cache]
        if missing:
            ids = batch["teacher_ids"][missing]
            # Under the training step's autocast, like the student.
            logits = self.teacher(input_ids=ids, attention_mask=batch["teacher_mask"][missing]).logits
            sums = chunk_sums(token_logprobs(logits, ids), batch["teacher_chunks"][missing],
                              int(batch["teacher_chunks"][missing].max().item()) + 1)
            for row, i in enumerate(missing):
                self._teacher_cache[int(batch["block_index"][i])] = sums[row].cpu()
        for b in batch["block_index"].tolist():
            cached = self._teacher_cache[b]
            rows.append(F.pad(cached, (0, n_chunks - len(cached)))[:n_chunks])
        return torch.stack(rows).to(batch["input_ids"].device)
