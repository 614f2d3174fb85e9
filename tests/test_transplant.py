"""Transplant: shared tokens keep their vectors exactly, new ones start from their pieces."""

from __future__ import annotations

import pytest
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from core.tokenizer.hf_files import save_like_source
from core.tokenizer.train import train_vocabulary
from core.tokenizer.vocab_ops import extend_bpe
from core.transplant.embeddings import transplant
from core.transplant.piece_map import build_piece_map
from tiny_models import SPECIAL_TOKENS, make_tiny_hf_model
from conftest import russian_text


@pytest.fixture(scope="module", params=[False, True], ids=["untied", "tied"])
def source(request, tmp_path_factory):
    folder = make_tiny_hf_model(tmp_path_factory.mktemp("src"), tied=request.param)
    return folder


def new_tokenizer(source_dir, tmp_path, mode="replace"):
    old = AutoTokenizer.from_pretrained(source_dir)
    texts = russian_text(100, seed=3).split("\n\n")
    trained = train_vocabulary(iter(texts), old.backend_tokenizer, "bpe", 700, 2, list(SPECIAL_TOKENS))
    if mode == "extend":
        trained = extend_bpe(old.backend_tokenizer, trained, 200).tokenizer
    save_like_source(trained, old, tmp_path / "tok")
    return old, AutoTokenizer.from_pretrained(tmp_path / "tok")


@pytest.mark.parametrize("init", ["mean", "wmean", "random"])
def test_shared_tokens_are_copied_and_new_ones_built_from_pieces(source, tmp_path, init):
    old, new = new_tokenizer(source, tmp_path)
    model = AutoModelForCausalLM.from_pretrained(source)
    old_in = model.get_input_embeddings().weight.detach().clone()
    old_out = model.get_output_embeddings().weight.detach().clone()
    report = transplant(model, old, new, init=init)
    new_in, new_out = model.get_input_embeddings().weight, model.get_output_embeddings().weight
    assert new_in.shape[0] == len(new) == report.new_vocab
    assert report.copied + report.averaged + report.fallback == report.new_vocab
    old_vocab = old.get_vocab()
    for token, new_id in new.get_vocab().items():
        if token in old_vocab:  # exactly the same vector, for the input side and the head
            assert torch.equal(new_in[new_id], old_in[old_vocab[token]])
            assert torch.equal(new_out[new_id], old_out[old_vocab[token]])
    assert model.config.eos_token_id == new.eos_token_id and model.config.vocab_size == len(new)
    word = next(t for t in new.get_vocab() if t not in old_vocab and len(t) > 3)
    pieces = [t.id for t in old.backend_tokenizer.model.tokenize(word)]
    if init == "mean":
        assert torch.allclose(new_in[new.convert_tokens_to_ids(word)], old_in[pieces].mean(0), atol=1e-6)
    if init == "wmean" and len(pieces) > 1:
        weights = torch.arange(1, len(pieces) + 1, dtype=torch.float32)
        expected = (old_in[pieces] * (weights / weights.sum())[:, None]).sum(0)
        assert torch.allclose(new_in[new.convert_tokens_to_ids(word)], expected, atol=1e-6)
    if model.config.tie_word_embeddings:
        assert model.get_output_embeddings().weight.data_ptr() == new_in.data_ptr()


def test_the_transplanted_model_saves_loads_and_generates(source, tmp_path):
    old, new = new_tokenizer(source, tmp_path, mode="extend")
    model = AutoModelForCausalLM.from_pretrained(source)
    transplant(model, old, new)
    model.save_pretrained(tmp_path / "out")
    new.save_pretrained(tmp_path / "out")
    loaded = AutoModelForCausalLM.from_pretrained(tmp_path / "out")
    ids = new("Москва — столица", return_tensors="pt")["input_ids"]
    out = loaded.generate(ids, max_new_tokens=5, do_sample=False)
    assert out.shape[1] == ids.shape[1] + 5


def test_piece_map_rows_are_weights_that_sum_to_one(source, tmp_path):
    old, new = new_tokenizer(source, tmp_path)
    pm = build_piece_map(new.backend_tokenizer, old.backend_tokenizer)
    dense = pm.matrix().to_dense()
    sums = dense.sum(1)
    assert torch.allclose(sums[~pm.unmapped], torch.ones(int((~pm.unmapped).sum())), atol=1e-6)
    assert not pm.unmapped.any()  # a byte-level source covers every new token
