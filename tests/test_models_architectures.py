"""The architecture table: names map both ways, the rotary permute inverts, and llama.cpp reads a GGUF
written through the table exactly as transformers reads the original (so the table's direction is right,
not merely self-consistent)."""

from __future__ import annotations

import numpy as np
import pytest
from tiny_models import make_tiny_gguf, make_tiny_hf_model

from core.errors import ModelError
from core.models.architectures import (
    ARCHITECTURES,
    architecture,
    architecture_for_hf,
    gguf_to_hf_name,
    hf_to_gguf_name,
    permute_qk,
    unpermute_qk,
)


@pytest.mark.parametrize("arch", sorted(ARCHITECTURES))
def test_every_weight_of_a_model_maps_to_gguf_and_back(tmp_path, arch):
    from safetensors import safe_open

    folder = make_tiny_hf_model(tmp_path / arch, arch, layers=3, tied=ARCHITECTURES[arch].tied_only)
    with safe_open(str(folder / "model.safetensors"), framework="np") as fh:
        names = list(fh.keys())
    gguf_names = [hf_to_gguf_name(arch, n) for n in names]
    assert len(set(gguf_names)) == len(names)
    assert [gguf_to_hf_name(arch, g) for g in gguf_names] == names
    assert "blk.2.ffn_down.weight" in gguf_names and "output_norm.weight" in gguf_names


def test_names_follow_llama_cpp():
    assert hf_to_gguf_name("llama", "model.layers.11.self_attn.o_proj.weight") == "blk.11.attn_output.weight"
    assert gguf_to_hf_name("qwen2", "blk.0.attn_k.bias") == "model.layers.0.self_attn.k_proj.bias"
    assert gguf_to_hf_name("qwen3", "blk.7.attn_q_norm.weight") == "model.layers.7.self_attn.q_norm.weight"
    assert hf_to_gguf_name("qwen2", "model.embed_tokens.weight") == "token_embd.weight"


def test_unknown_names_and_architectures_are_model_errors():
    with pytest.raises(ModelError, match="no GGUF name"):
        hf_to_gguf_name("qwen3", "model.layers.0.self_attn.q_proj.bias")  # Qwen3 has no biases
    with pytest.raises(ModelError, match="no Hugging Face name"):
        gguf_to_hf_name("llama", "blk.0.ffn_gate_exps.weight")
    with pytest.raises(ModelError, match="'mamba' is not supported"):
        architecture("mamba")


def test_hf_configs_find_their_row():
    assert architecture_for_hf("mistral").gguf_arch == "llama"
    assert architecture_for_hf("", ["Qwen2ForCausalLM"]).gguf_arch == "qwen2"
    assert architecture_for_hf("gpt_neox", ["GPTNeoXForCausalLM"]) is None


@pytest.mark.parametrize("n_head", [1, 3, 4])
def test_unpermute_inverts_permute(n_head):
    rows = n_head * 8
    weights = np.random.default_rng(0).standard_normal((rows, 5)).astype(np.float32)
    assert not np.array_equal(permute_qk(weights, n_head), weights)
    assert np.array_equal(unpermute_qk(permute_qk(weights, n_head), n_head), weights)
    bias = weights[:, 0].copy()  # 1-D rows permute the same way
    assert np.array_equal(unpermute_qk(permute_qk(bias, n_head), n_head), bias)


# llama.cpp computes GELU through an fp16 lookup table (GGML_GELU_FP16): ~1e-3 off transformers' exact GELU.
LOGIT_TOLERANCE = {"gemma3": 0.05, "gemma2": 0.05}


@pytest.mark.parametrize("arch", sorted(ARCHITECTURES))
def test_llama_cpp_runs_a_gguf_written_through_the_table_like_transformers(tmp_path, arch):
    import llama_cpp
    import torch
    from transformers import AutoModelForCausalLM

    path = make_tiny_gguf(tmp_path / "tiny.gguf", arch, hf_dir=tmp_path / "hf", tied=ARCHITECTURES[arch].tied_only)
    ids = [5, 9, 100, 200, 300, 7, 44]
    llm = llama_cpp.Llama(str(path), n_ctx=64, logits_all=True, verbose=False, n_threads=2,
                          type_k=llama_cpp.GGML_TYPE_F32, type_v=llama_cpp.GGML_TYPE_F32)
    try:
        llm.eval(ids)
        ours = np.array(llm.scores[: len(ids)])
    finally:
        llm.close()
    with torch.no_grad():
        theirs = AutoModelForCausalLM.from_pretrained(tmp_path / "hf")(torch.tensor([ids])).logits[0].numpy()
    assert np.abs(ours - theirs).max() < LOGIT_TOLERANCE.get(arch, 1e-4)
