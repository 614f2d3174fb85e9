"""Distillation from the original model on its own tokenization: aligned chunks and the ALM loss."""

from __future__ import annotations

import pytest
import torch

from core.training.alignment import AlignedBlocks
from core.training.data import PackedBlocks, tokenize_to_file
from core.training.distill import Objective, alm_loss, binary_ce, chunk_sums

TEXTS = ["Москва — столица России, крупнейший город страны. В 1147 году её впервые упомянули.",
         "Модель читает текст по токенам: чем длиннее токен, тем быстрее генерация.",
         "The quick brown fox jumps over the lazy dog. Русский язык богат и выразителен."] * 4


@pytest.fixture(scope="module")
def tokenizers():
    from tiny_models import train_tiny_tokenizer
    return train_tiny_tokenizer(600), train_tiny_tokenizer(300)  # student: longer tokens; teacher: shorter


def test_every_aligned_chunk_spells_the_same_text_on_both_sides(tokenizers):
    student, teacher = tokenizers
    data = AlignedBlocks(TEXTS, student, teacher, block_size=24)
    assert data.n_blocks >= 3
    for index in range(data.n_blocks):
        block = data.block(index)
        s_chunks, t_chunks = block["student_chunks"], block["teacher_chunks"]
        assert s_chunks[0] == -1 and t_chunks[0] == -1  # the first tokens are never predicted
        n = s_chunks.max() + 1
        assert n >= 3 and t_chunks.max() + 1 == n
        for k in range(n):
            s_text = student.decode(block["input_ids"][s_chunks == k])
            t_text = teacher.decode(block["teacher_ids"][t_chunks == k])
            assert s_text == t_text and s_text
        assert len(block["teacher_ids"]) > (s_chunks >= 0).sum()  # the teacher's tokens are shorter


def test_the_student_sees_the_same_blocks_as_next_token_training(tokenizers, tmp_path):
    student, teacher = tokenizers
    tokenize_to_file(TEXTS, student, tmp_path / "t.u32", student.eos_token_id)
    packed = PackedBlocks(tmp_path / "t.u32", 24)
    aligned = AlignedBlocks(TEXTS, student, teacher, block_size=24)
    for k in range(3):
        assert torch.equal(packed.micro_batch(k, 2, 7)["input_ids"], aligned.micro_batch(k, 2, 7)["input_ids"])


def test_binary_ce_is_smallest_when_the_student_matches_the_teacher():
    teacher = torch.tensor([-0.5, -3.0, -12.0])
    student = teacher.clone().requires_grad_(True)
    binary_ce(teacher, student).sum().backward()
    assert student.grad.abs().max() < 1e-4
    for shift in (-1.0, 1.0):
        assert (binary_ce(teacher, (teacher + shift).clamp(max=-1e-3)) > binary_ce(teacher, teacher)).all()


def test_chunk_sums_add_token_log_probabilities_and_drop_tokens_outside_chunks():
    logp = torch.tensor([[-9.0, -1.0, -2.0, -0.5, -7.0]])
    chunks = torch.tensor([[-1, 0, 0, 1, -1]])
    assert chunk_sums(logp, chunks, 2).tolist() == [[-3.0, -0.5]]
    valid = torch.tensor([[1.0, 0.0]])
    assert alm_loss(torch.tensor([[-3.0, -100.0]]), torch.tensor([[-3.0, -0.1]]), valid) == pytest.approx(
        binary_ce(torch.tensor(-3.0), torch.tensor(-3.0)).item())


def _model(tok, seed):
    from tiny_models import tiny_config
    from transformers import AutoModelForCausalLM

    torch.manual_seed(seed)
    return AutoModelForCausalLM.from_config(tiny_config(vocab_size=len(tok)))


def test_the_teacher_gets_no_gradient_runs_once_per_block_and_a_matching_student_is_at_the_minimum(tokenizers):
    student_tok, teacher_tok = tokenizers
    teacher = _model(teacher_tok, 1)
    calls = []
    teacher.register_forward_hook(lambda *a: calls.append(1))
    data = AlignedBlocks(TEXTS, student_tok, teacher_tok, block_size=24)
    objective = Objective("distill", teacher)
    student = _model(student_tok, 2)
    batch = data.micro_batch(0, 2, 0)
    loss = objective(student, batch)
    loss.backward()
    assert all(p.grad is None for p in teacher.parameters()) and not any(p.requires_grad for p in teacher.parameters())
    assert student.get_input_embeddings().weight.grad.abs().sum() > 0
    objective(student, batch)
    assert len(calls) == 1  # the teacher's chunk likelihoods of a block are computed once

    # The teacher as its own student, on its own tokenization: every chunk matches, no gradient.
    same = AlignedBlocks(TEXTS, teacher_tok, teacher_tok, block_size=24)
    self_batch = same.micro_batch(0, 2, 0)
    assert (self_batch["student_chunks"] >= 0).sum() == (self_batch["teacher_chunks"] >= 0).sum()
    assert torch.equal(self_batch["input_ids"], self_batch["teacher_ids"])
    twin = _model(teacher_tok, 1)
    Objective("distill", teacher)(twin, self_batch).backward()
    assert twin.get_input_embeddings().weight.grad.abs().max() < 1e-7


def test_lm_plus_distill_adds_the_next_token_loss(tokenizers):
    student_tok, teacher_tok = tokenizers
    teacher, student = _model(teacher_tok, 1), _model(student_tok, 2)
    batch = AlignedBlocks(TEXTS, student_tok, teacher_tok, block_size=24).micro_batch(0, 2, 0)
    lm = Objective("lm")(student, batch)
    distill = Objective("distill", teacher)(student, batch)
    assert Objective("lm+distill", teacher)(student, batch).item() == pytest.approx((lm + distill).item(), rel=1e-5)
    with pytest.raises(ValueError, match="teacher"):
        Objective("distill")


def test_stage1_distils_from_the_original_model_end_to_end(tiny_project, tmp_path):
    from test_training import _clone_project, run_pipeline

    from core.jobs.events import Log

    project = _clone_project(tiny_project, tmp_path, "distill", **{"stage1.objective": "distill"})
    runs = run_pipeline(project, "stage1")
    result = runs["stage1"].result()
    assert result is not None and result["steps"] == 6
    logs = " ".join(e.message for e in runs["stage1"].events() if isinstance(e, Log))
    assert "objective distill" in logs and "for the original model, the teacher" in logs
    assert result["final_bpc_ru"] is not None and 0 < result["final_loss"] < 1  # ALM's loss, not cross-entropy
