"""Gemma 2 as a row of the architecture table: a tiny random Gemma 2 (four layers, sliding and global
alternating, a window shorter than the prompts, soft-caps low enough to bite on random weights) exports to a
GGUF that llama.cpp runs like transformers and imports back to the same weights; a config without the
soft-capping llama.cpp always applies, or with a head of its own (llama.cpp's Gemma 2 has none), is refused
before writing."""

from __future__ import annotations

import json

import numpy as np
import pytest
from test_gemma3 import _weights
from tiny_models import make_tiny_hf_model

from core.errors import ModelError
from core.export import export_gguf_types, plan_export
from core.models import import_gguf


@pytest.fixture(scope="module")
def tiny_gemma2(tmp_path_factory):
    root = tmp_path_factory.mktemp("gemma2")
    hf = make_tiny_hf_model(root / "hf", "gemma2", layers=4, tied=True)
    results = export_gguf_types(hf, {"f32": root / "gemma2-f32.gguf"})
    return hf, root / "gemma2-f32.gguf", results["f32"]["parity"]


def test_llama_cpp_runs_a_gemma2_export_like_transformers(tiny_gemma2):
    import gguf

    hf, path, report = tiny_gemma2
    assert report["passed"], report["problems"]
    assert report["tokenization"]["identical"] and report["logits"]["top1_agreement_decisive"] == 1.0
    assert report["logits"]["max_abs_diff"] < 0.05  # GELU through llama.cpp's fp16 table
    reader = gguf.GGUFReader(path)
    assert reader.get_field("general.architecture").contents() == "gemma2"
    assert reader.get_field("gemma2.attn_logit_softcapping").contents() == pytest.approx(2.0)
    assert reader.get_field("gemma2.final_logit_softcapping").contents() == pytest.approx(3.0)
    names = {t.name for t in reader.tensors}
    assert "output.weight" not in names and "blk.0.attn_q_norm.weight" not in names
    stored = next(t for t in reader.tensors if t.name == "blk.1.post_ffw_norm.weight").data
    assert np.allclose(stored, _weights(hf)["model.layers.1.post_feedforward_layernorm.weight"] + 1.0)


def test_a_gemma2_gguf_imports_back_to_the_same_weights_and_layout(tiny_gemma2, tmp_path):
    hf, path, _ = tiny_gemma2
    info = import_gguf(path, tmp_path / "back")
    assert (info.architecture, info.tied_embeddings, info.num_layers) == ("gemma2", True, 4)
    original, imported = _weights(hf), _weights(tmp_path / "back")
    assert original.keys() == imported.keys()
    assert max(float(np.abs(original[k] - imported[k]).max()) for k in original) < 1e-6
    config = json.loads((tmp_path / "back" / "config.json").read_text())
    assert config["layer_types"] == ["sliding_attention", "full_attention"] * 2
    assert (config["attn_logit_softcapping"], config["final_logit_softcapping"]) == pytest.approx((2.0, 3.0))
    assert (config["sliding_window"], config["query_pre_attn_scalar"]) == (8, 16)


def test_a_gemma2_without_the_soft_capping_llama_cpp_applies_is_refused_before_writing(tmp_path):
    hf = make_tiny_hf_model(tmp_path / "hf", "gemma2", layers=4, tied=True)
    config = json.loads((hf / "config.json").read_text())
    config["attn_logit_softcapping"] = None
    (hf / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="attn_logit_softcapping differ from what llama.cpp fixes for gemma2"):
        plan_export(hf)


def test_an_untied_gemma2_is_refused_before_writing(tmp_path):
    hf = make_tiny_hf_model(tmp_path / "hf", "gemma2", layers=2)
    with pytest.raises(ModelError, match="llama.cpp's gemma2 has no LM head of its own"):
        plan_export(hf)
