"""Gemma 3 as a row of the architecture table: a tiny random Gemma 3 (six layers, so one is global, and
a sliding window shorter than the prompts) exports to a GGUF that llama.cpp runs like transformers, and
imports back to the same weights; what llama.cpp fixes rather than reads is refused when it differs."""

from __future__ import annotations

import json

import numpy as np
import pytest
from tiny_models import make_tiny_hf_model

from core.errors import ModelError
from core.export import export_gguf_types, plan_export
from core.models import import_gguf


def _weights(folder):
    from safetensors.numpy import load_file

    out = {}
    for path in sorted(folder.glob("*.safetensors")):
        out.update(load_file(path))
    return out


@pytest.fixture(scope="module")
def tiny_gemma(tmp_path_factory):
    root = tmp_path_factory.mktemp("gemma3")
    hf = make_tiny_hf_model(root / "hf", "gemma3", layers=6, tied=True)
    results = export_gguf_types(hf, {"f32": root / "gemma3-f32.gguf"})
    return hf, root / "gemma3-f32.gguf", results["f32"]["parity"]


def test_llama_cpp_runs_a_gemma3_export_like_transformers(tiny_gemma):
    import gguf

    hf, path, report = tiny_gemma
    assert report["passed"], report["problems"]
    assert report["tokenization"]["identical"] and report["logits"]["top1_agreement_decisive"] == 1.0
    assert report["logits"]["max_abs_diff"] < 0.05  # GELU through llama.cpp's fp16 table
    reader = gguf.GGUFReader(path)
    assert reader.get_field("general.architecture").contents() == "gemma3"
    assert reader.get_field("gemma3.attention.sliding_window").contents() == 8
    assert "output.weight" not in {t.name for t in reader.tensors}  # tied head
    stored = next(t for t in reader.tensors if t.name == "blk.0.post_ffw_norm.weight").data
    original = _weights(hf)["model.layers.0.post_feedforward_layernorm.weight"]
    assert np.allclose(stored, original + 1.0)  # Gemma's 1 + w, as llama.cpp's converter stores it


def test_a_gemma3_gguf_imports_back_to_the_same_weights_and_layout(tiny_gemma, tmp_path):
    import torch
    from transformers import AutoModelForCausalLM

    hf, path, _ = tiny_gemma
    info = import_gguf(path, tmp_path / "back")
    assert (info.architecture, info.tied_embeddings, info.num_layers) == ("gemma3", True, 6)
    original, imported = _weights(hf), _weights(tmp_path / "back")
    assert original.keys() == imported.keys()
    assert max(float(np.abs(original[k] - imported[k]).max()) for k in original) < 1e-6
    config = json.loads((tmp_path / "back" / "config.json").read_text())
    assert config["layer_types"] == ["sliding_attention"] * 5 + ["full_attention"]
    assert config["rope_parameters"]["sliding_attention"]["rope_theta"] == 10000.0
    assert (config["sliding_window"], config["query_pre_attn_scalar"]) == (8, 16)
    ids = torch.tensor([[5, 9, 100, 200, 300, 7, 44, 44, 1, 17, 23, 99]])
    with torch.no_grad():
        a = AutoModelForCausalLM.from_pretrained(hf)(ids).logits
        b = AutoModelForCausalLM.from_pretrained(tmp_path / "back")(ids).logits
    assert (a - b).abs().max() < 1e-5


def test_a_gemma3_layout_llama_cpp_does_not_run_is_refused_before_writing(tmp_path):
    hf = make_tiny_hf_model(tmp_path / "hf", "gemma3", layers=6, tied=True)
    config = json.loads((hf / "config.json").read_text())
    config["layer_types"] = ["sliding_attention", "full_attention"] * 3
    (hf / "config.json").write_text(json.dumps(config))
    with pytest.raises(ModelError, match="layer_types differ from what llama.cpp fixes for gemma3"):
        plan_export(hf)
