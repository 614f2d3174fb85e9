"""Transplant: shared tokens keep their vectors exactly, new ones start from their pieces."""

from __future__ import annotations

import pytest
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from core.tokenizer.hf_files import save_like_source
from core.tokenizer.train import train_vocabulary
import math

from core.tokenizer.continued_bpe import word_counts
from core.tokenizer.vocab_ops import extend_bpe
from core.transplant.embeddings import INITS, transplant
from core.transplant.piece_map import build_piece_map, piece_weights
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
        trained = extend_bpe(old.backend_tokenizer, word_counts(old.backend_tokenizer, texts), 200).tokenizer
    save_like_source(trained, old, tmp_path / "tok")
    return old, AutoTokenizer.from_pretrained(tmp_path / "tok")


def _weights(pieces, scheme, mult=1.0):
    w = torch.tensor(piece_weights(pieces, scheme, mult), dtype=torch.float64)
    return w[:, None]


@pytest.mark.parametrize("init", [i for i in INITS if i != "random"])
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
    got = new_in[new.convert_tokens_to_ids(word)].double()
    if init in ("mean_unscaled", "wmean_linear"):
        weights = torch.arange(1, len(pieces) + 1, dtype=torch.float64)[:, None] if init == "wmean_linear" else \
            torch.ones(len(pieces), 1, dtype=torch.float64)
        assert torch.allclose(got, (old_in[pieces].double() * weights / weights.sum()).sum(0), atol=1e-6)
    if model.config.tie_word_embeddings:
        assert model.get_output_embeddings().weight.data_ptr() == new_in.data_ptr()


def test_authors_mean_and_wmean_scale_whitespace_pieces_and_weigh_the_first_piece_most(source, tmp_path):
    """RefalMachine/ruadapt `replace_tokenizer.py`: weights exp(-mult·i) (mult 0 for mean), a
    whitespace-only piece x0.1 when a token has several, the same weights on the input side and the head.
    Old code: no whitespace scaling, and wmean's input side weighed the LAST piece most."""
    old, new = new_tokenizer(source, tmp_path)
    old_vocab = old.get_vocab()
    # a new token whose pieces under the old tokenizer start with a whitespace-only one
    spaced = next(t for t in new.get_vocab() if t not in old_vocab
                  and [p.value for p in old.backend_tokenizer.model.tokenize(t)][0] == "Ġ"
                  and len(old.backend_tokenizer.model.tokenize(t)) > 2)
    pieces = [p.value for p in old.backend_tokenizer.model.tokenize(spaced)]
    ids = [old_vocab[p] for p in pieces]
    n = len(pieces)
    assert piece_weights(pieces, "ruadapt_mean") == pytest.approx(
        [w / (0.1 + n - 1) for w in [0.1] + [1.0] * (n - 1)])
    raw = [math.exp(-2.0 * i) * (0.1 if i == 0 else 1) for i in range(n)]
    assert piece_weights(pieces, "ruadapt_wmean", 2.0) == pytest.approx([w / sum(raw) for w in raw])
    for init, scheme, mult in (("mean", "ruadapt_mean", 1.0), ("wmean", "ruadapt_wmean", 2.0)):
        model = AutoModelForCausalLM.from_pretrained(source)
        old_in = model.get_input_embeddings().weight.detach().double().clone()
        old_out = model.get_output_embeddings().weight.detach().double().clone()
        transplant(model, old, new, init=init, mult=mult)
        row = new.convert_tokens_to_ids(spaced)
        w = _weights(pieces, scheme, mult)
        assert torch.allclose(model.get_input_embeddings().weight[row].double(), (old_in[ids] * w).sum(0), atol=1e-6)
        assert torch.allclose(model.get_output_embeddings().weight[row].double(), (old_out[ids] * w).sum(0),
                              atol=1e-6)


def test_authors_inits_give_tokens_without_pieces_the_mean_row(source, tmp_path):
    """A special token the source lacks has no pieces for the authors: it gets the mean of all source
    rows (old code: a random draw)."""
    old, new = new_tokenizer(source, tmp_path)
    new.add_special_tokens({"additional_special_tokens": ["<|новый|>"]})
    model = AutoModelForCausalLM.from_pretrained(source)
    old_in = model.get_input_embeddings().weight.detach().double().clone()
    report = transplant(model, old, new, init="mean")
    assert report.fallback == 1
    row = model.get_input_embeddings().weight[new.convert_tokens_to_ids("<|новый|>")].double()
    assert torch.allclose(row, old_in.mean(0), atol=1e-6)


def test_authors_random_draws_every_row(source, tmp_path):
    old, new = new_tokenizer(source, tmp_path)
    model = AutoModelForCausalLM.from_pretrained(source)
    old_in = model.get_input_embeddings().weight.detach().clone()
    report = transplant(model, old, new, init="random")
    weights = model.get_input_embeddings().weight
    assert report.copied == 0 and report.fallback == len(new)
    shared = old.get_vocab()["<|im_end|>"]
    assert not torch.equal(weights[new.convert_tokens_to_ids("<|im_end|>")], old_in[shared])
    assert abs(weights.std().item() - model.config.initializer_range) < 0.2 * model.config.initializer_range


def test_vocabulary_padding_adds_zero_rows_no_token_maps_to(source, tmp_path):
    old, new = new_tokenizer(source, tmp_path)
    model = AutoModelForCausalLM.from_pretrained(source)
    rows = -(-len(new) // 64) * 64 + 64
    report = transplant(model, old, new, init="mean", rows=rows)
    assert report.new_vocab == rows == model.config.vocab_size and report.padded == rows - len(new) > 0
    for weight in (model.get_input_embeddings().weight, model.get_output_embeddings().weight):
        assert weight.shape[0] == rows and not weight[len(new):].any()
    assert max(new.get_vocab().values()) < len(new)


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
