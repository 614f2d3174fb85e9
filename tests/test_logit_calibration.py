"""The new tokens' logits after the transplant: calibrated so their total probability matches their share
of the training text, the source's rows untouched."""

from __future__ import annotations

import math

import pytest
import torch
from conftest import russian_text
from test_transplant import new_tokenizer
from tiny_models import make_tiny_hf_model
from transformers import AutoModelForCausalLM

from core.evaluation.bpc import bits_per_character
from core.transplant.embeddings import transplant
from core.transplant.logit_calibration import calibrate_new_logits, new_token_rows, solve_shift


@pytest.fixture(scope="module", params=[False, True], ids=["untied", "tied"])
def source(request, tmp_path_factory):
    return make_tiny_hf_model(tmp_path_factory.mktemp("src"), tied=request.param)


@torch.no_grad()
def new_token_mass(model, tok, rows, text):
    """Mean probability the model puts on new tokens, and the share of new tokens among the targets."""
    ids = tok(text, add_special_tokens=False)["input_ids"]
    inputs = torch.tensor([[tok.bos_token_id, *ids]])
    probs = model(input_ids=inputs).logits[0, :-1].softmax(-1)
    return probs[:, rows].sum(1).mean().item(), rows[inputs[0, 1:]].float().mean().item()


def test_solve_shift_matches_the_share():
    gap = torch.linspace(-3.0, 5.0, 101)
    for share in (0.1, 0.5, 0.9):
        assert torch.sigmoid(gap + solve_shift(gap, share)).mean().item() == pytest.approx(share, abs=1e-6)


def test_new_logits_carry_the_new_tokens_share_and_source_rows_stay(source, tmp_path):
    old_tok, new_tok = new_tokenizer(source, tmp_path, mode="extend")
    model = AutoModelForCausalLM.from_pretrained(source, dtype=torch.float32).eval()
    transplant(model, old_tok, new_tok, init="mean")
    rows = new_token_rows(new_tok, old_tok, model.get_input_embeddings().weight.shape[0])
    assert rows.sum() == len(new_tok) - len(old_tok)  # extend: every added token, no source token
    train, other = russian_text(12, seed=5), russian_text(12, seed=9)
    # The tiny model is random: give its new rows a large common logit so they start over-predicted,
    # as piece means do on a real model.
    with torch.no_grad():
        model.get_output_embeddings().weight[rows] += 0.5 * model.get_output_embeddings().weight[rows].norm(dim=1).mean()
    before_rows = model.get_output_embeddings().weight.detach().clone()
    mass_before, share = new_token_mass(model, new_tok, rows, other)
    bpc_before = bits_per_character(model, new_tok, other, window=256).bits_per_char
    result = calibrate_new_logits(model, new_tok, rows, train)
    mass_after, _ = new_token_mass(model, new_tok, rows, other)
    after_rows = model.get_output_embeddings().weight.detach()
    assert torch.equal(after_rows[~rows], before_rows[~rows])  # the source's rows (and padding) bit for bit
    assert result.target_share == pytest.approx(new_token_mass(model, new_tok, rows, train)[1])
    # on a text it was not solved on, the mass moved toward the new tokens' real share, and bpc did not worsen
    assert abs(mass_after - share) < abs(mass_before - share)
    assert bits_per_character(model, new_tok, other, window=256).bits_per_char < bpc_before
    assert math.isfinite(result.shift) and result.positions > 0


def test_the_transplant_stage_calibrates_when_asked(tiny_project, tmp_path):
    from test_training import _clone_project, run_pipeline

    project = _clone_project(tiny_project, tmp_path, "calibrated", **{"transplant.calibrate_logits": True,
                                                                       "tokenizer.mode": "extend"})
    result = run_pipeline(project, "transplant")["transplant"].result()
    calibration = result["logit_calibration"]
    assert calibration["positions"] > 0 and 0 < calibration["target_share"] < 1
    assert "new tokens' logits shifted by" in result["summary"]
