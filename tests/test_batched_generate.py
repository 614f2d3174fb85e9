"""Greedy answers in left-padded batches: the same tokens as one prompt at a time."""

from __future__ import annotations

import torch
from tiny_models import make_tiny_hf_model
from transformers import AutoModelForCausalLM, AutoTokenizer

from core.evaluation.batched_generate import greedy_answers


def test_batched_answers_equal_one_by_one_and_stop_at_eos(tmp_path):
    folder = make_tiny_hf_model(tmp_path / "m")
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32).eval()
    tok = AutoTokenizer.from_pretrained(folder)
    prompts = ["привет, как дела", "a", "это длинная фраза для проверки левого выравнивания в пакете", "ok ok"]
    one_by_one = []
    for p in prompts:
        ids = torch.tensor([tok(p, add_special_tokens=False)["input_ids"]])
        out = model.generate(ids, attention_mask=torch.ones_like(ids), max_new_tokens=12, do_sample=False,
                             pad_token_id=tok.pad_token_id)
        one_by_one.append(out[0, ids.shape[1]:].tolist())
    assert greedy_answers(model, tok, prompts, 12, batch=3) == one_by_one
    # a model whose every logit is 0 picks id 0 at each step; with 0 as its stop token each answer is that
    # one token, not followed by the batch's padding
    with torch.no_grad():
        model.lm_head.weight.zero_()
    model.generation_config.eos_token_id = 0
    assert greedy_answers(model, tok, prompts, 12, batch=4) == [[0]] * len(prompts)
