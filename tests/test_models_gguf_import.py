"""GGUF -> HF folder: the same weights and logits as the original, llama.cpp's tokenization, nothing
half-written on failure or cancel, a cache that imports once, and clear errors for bad files."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from tiny_models import make_tiny_gguf

from core.errors import ModelError
from core.models import cached_import, import_gguf
from core.models.gguf_import import cached_folder, fingerprint
from core.models.gguf_tokenizer import PROBE_TEXTS, llama_cpp_token_ids


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """(gguf path, HF original) for a tiny llama in f32."""
    root = tmp_path_factory.mktemp("tiny")
    return make_tiny_gguf(root / "tiny.gguf", hf_dir=root / "hf"), root / "hf"


def _state(folder):
    from safetensors.numpy import load_file

    out = {}
    for path in sorted(folder.glob("*.safetensors")):
        out.update(load_file(path))
    return out


def _logits(folder, ids):
    import torch
    from transformers import AutoModelForCausalLM

    with torch.no_grad():
        return AutoModelForCausalLM.from_pretrained(folder)(torch.tensor([ids])).logits[0].numpy()


IDS = [3, 17, 42, 100, 250, 7, 7, 301]


@pytest.mark.parametrize("arch,tied", [("llama", False), ("llama", True), ("qwen2", False), ("qwen3", True)])
def test_import_gives_back_the_original_weights_and_logits(tmp_path, arch, tied):
    path = make_tiny_gguf(tmp_path / "m.gguf", arch, hf_dir=tmp_path / "hf", tied=tied)
    info = import_gguf(path, tmp_path / "out")
    original, imported = _state(tmp_path / "hf"), _state(tmp_path / "out")
    assert original.keys() == imported.keys()
    for name, values in original.items():
        assert np.array_equal(values, imported[name]), name
    assert np.abs(_logits(tmp_path / "hf", IDS) - _logits(tmp_path / "out", IDS)).max() < 1e-5
    assert (info.architecture, info.tied_embeddings, info.num_layers) == (arch, tied, 2)
    assert info.path == tmp_path / "out" and info.has_chat_template


def test_quantized_tensors_are_dequantized_as_llama_cpp_stores_them(tmp_path):
    from gguf import GGMLQuantizationType
    from gguf.quants import dequantize, quantize

    path = make_tiny_gguf(tmp_path / "q.gguf", hf_dir=tmp_path / "hf", tensor_type="q8_0")
    import_gguf(path, tmp_path / "out")
    original, imported = _state(tmp_path / "hf"), _state(tmp_path / "out")
    q8 = GGMLQuantizationType.Q8_0
    down = original["model.layers.1.mlp.down_proj.weight"]
    assert np.array_equal(imported["model.layers.1.mlp.down_proj.weight"], dequantize(quantize(down, q8), q8))
    assert imported["model.norm.weight"].dtype == np.float32
    for name, values in original.items():
        assert np.abs(values - imported[name]).max() < 0.01, name  # q8_0 error on weights of scale 0.08


def test_llama3_rope_scaling_survives_the_import(tmp_path):
    rope = {"rope_type": "llama3", "rope_theta": 500000.0, "factor": 8.0, "low_freq_factor": 1.0,
            "high_freq_factor": 4.0, "original_max_position_embeddings": 8192}
    path = make_tiny_gguf(tmp_path / "l3.gguf", hf_dir=tmp_path / "hf", rope_parameters=rope, hidden=128)
    import_gguf(path, tmp_path / "out")
    import json
    assert json.loads((tmp_path / "out" / "config.json").read_text())["rope_parameters"] == rope
    ids = list(range(3, 60))
    assert np.abs(_logits(tmp_path / "hf", ids) - _logits(tmp_path / "out", ids)).max() < 1e-5


def test_the_tokenizer_splits_text_as_llama_cpp_and_keeps_the_chat_template(tiny, tmp_path):
    from transformers import AutoTokenizer

    path, hf = tiny
    import_gguf(path, tmp_path / "out")
    tokenizer = AutoTokenizer.from_pretrained(tmp_path / "out")
    texts = PROBE_TEXTS + ("<|im_start|>user\nПривет!<|im_end|>",)
    assert [tokenizer.encode(t, add_special_tokens=False) for t in texts] == llama_cpp_token_ids(path, texts)
    original = AutoTokenizer.from_pretrained(hf)
    assert [tokenizer.encode(t) for t in texts] == [original.encode(t) for t in texts]
    messages = [{"role": "user", "content": "Привет"}]
    assert tokenizer.apply_chat_template(messages, tokenize=False) == original.apply_chat_template(messages,
                                                                                                   tokenize=False)
    assert (tokenizer.bos_token, tokenizer.eos_token) == ("<|endoftext|>", "<|im_end|>")


def test_a_tokenizer_that_splits_differently_from_llama_cpp_is_refused(tiny, tmp_path, monkeypatch):
    from core.models import gguf_tokenizer

    monkeypatch.setitem(gguf_tokenizer.BYTE_LEVEL_PRE_TOKENIZERS, "gpt-2",
                        lambda pt: pt.ByteLevel(add_prefix_space=True, use_regex=True))
    with pytest.raises(ModelError, match="splits text differently from llama.cpp") as err:
        import_gguf(tiny[0], tmp_path / "out")
    assert "Hugging Face folder" in err.value.fix and not list(tmp_path.iterdir())


def test_a_tokenizer_llama_cpp_cannot_read_is_refused(tiny, tmp_path):
    data = tiny[0].read_bytes()
    path = tmp_path / "unknown-pre.gguf"
    path.write_bytes(data.replace(b"gpt-2", b"gpt-9", 1))  # same length: every offset stays valid
    with pytest.raises(ModelError, match="llama.cpp cannot read this file's tokenizer"):
        import_gguf(path, tmp_path / "out")
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_weights_are_streamed_into_shards_that_transformers_loads(tiny, tmp_path, monkeypatch):
    from core.models import gguf_import

    real = gguf_import.write_safetensors_streamed
    monkeypatch.setattr(gguf_import, "write_safetensors_streamed",
                        lambda out, specs, produce: real(out, specs, produce, max_shard_bytes=60_000))
    info = import_gguf(tiny[0], tmp_path / "out")
    assert len(info.weight_files) > 3 and (tmp_path / "out" / "model.safetensors.index.json").is_file()
    assert np.abs(_logits(tiny[1], IDS) - _logits(tmp_path / "out", IDS)).max() < 1e-5


def test_progress_is_reported_per_tensor_and_a_cancel_leaves_nothing(tiny, tmp_path):
    seen = []
    import_gguf(tiny[0], tmp_path / "out", lambda done, total, message: seen.append((done, total, message)))
    total = seen[0][1]
    assert total == 2 * 9 + 3 + 2 and seen[-1] == (total, total, "imported")  # 9 per layer, 3 outside, +2
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    assert any("blk.1.attn_q.weight" in m for _, _, m in seen)

    class Stop(Exception):
        pass

    def stop_half_way(done, total, message):
        if done > total // 2:
            raise Stop

    with pytest.raises(Stop):
        import_gguf(tiny[0], tmp_path / "cancelled", stop_half_way)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


@pytest.mark.parametrize("damage,message", [
    ("missing", "does not exist"),
    ("not_gguf", "not a GGUF file"),
    ("truncated_data", "damaged or incomplete"),
    ("truncated_header", "damaged or incomplete"),
])
def test_bad_files_are_model_errors_that_say_what_and_how(tiny, tmp_path, damage, message):
    path = tmp_path / "bad.gguf"
    data = tiny[0].read_bytes()
    if damage == "not_gguf":
        path.write_text("PK\x03\x04 a zip, say")
    elif damage == "truncated_data":
        path.write_bytes(data[: len(data) - 1000])
    elif damage == "truncated_header":
        path.write_bytes(data[:3000])
    with pytest.raises(ModelError, match=message) as err:
        import_gguf(path, tmp_path / "out")
    assert err.value.fix and str(path) in str(err.value)
    assert not (tmp_path / "out").exists() and not list(tmp_path.glob(".out.partial-*"))


def test_an_architecture_outside_the_table_is_refused(tmp_path):
    import gguf

    path = tmp_path / "mamba.gguf"
    writer = gguf.GGUFWriter(path, "mamba")
    writer.add_tensor("token_embd.weight", np.zeros((4, 8), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    with pytest.raises(ModelError, match="'mamba' is not supported") as err:
        import_gguf(path, tmp_path / "out")
    assert "llama" in err.value.fix


def test_metadata_that_contradicts_the_tensors_is_refused(tiny, tmp_path, monkeypatch):
    from core.models import gguf_import

    def wrong_heads(reader, row):
        config = real(reader, row)
        config.num_key_value_heads = config.num_attention_heads  # the file's k_proj says 2 KV heads, not 4
        return config

    real = gguf_import.hf_config_from_gguf
    monkeypatch.setattr(gguf_import, "hf_config_from_gguf", wrong_heads)
    with pytest.raises(ModelError, match="does not load as its architecture"):
        import_gguf(tiny[0], tmp_path / "out")
    assert not list(tmp_path.iterdir())


def test_an_existing_output_folder_is_not_overwritten(tiny, tmp_path):
    (tmp_path / "out").mkdir()
    with pytest.raises(ModelError, match="already exists"):
        import_gguf(tiny[0], tmp_path / "out")


def test_cached_import_imports_once_and_keys_on_content(tiny, tmp_path, ruadapt_home):
    calls = []
    first = cached_import(tiny[0], lambda *a: calls.append(a))
    assert calls and first.parent == ruadapt_home / "models" and first.name.startswith("tiny-")
    calls.clear()
    assert cached_import(tiny[0], lambda *a: calls.append(a)) == first and not calls
    moved = Path(shutil.copy(tiny[0], tmp_path / "elsewhere.gguf"))
    assert fingerprint(moved) == fingerprint(tiny[0])  # same bytes, same import
    data = bytearray(moved.read_bytes())
    data[len(data) // 2] ^= 1  # one bit deep inside the tensors
    moved.write_bytes(bytes(data))
    assert fingerprint(moved) != fingerprint(tiny[0])


def test_two_imports_racing_both_end_with_the_finished_folder(tiny, tmp_path):
    target = cached_folder(tiny[0])
    done_elsewhere = tmp_path / "other"
    import_gguf(tiny[0], done_elsewhere)

    def the_other_process_finishes_first(done, total, message):
        if done == 3 and not target.exists():
            shutil.copytree(done_elsewhere, target)

    assert cached_import(tiny[0], the_other_process_finishes_first) == target
    assert not list(target.parent.glob(".*partial*"))


def test_partial_folders_of_dead_imports_are_cleared(tiny):
    target = cached_folder(tiny[0])
    target.parent.mkdir(parents=True, exist_ok=True)
    dead, alive = (target.parent / f".{target.name}.partial-{pid}" for pid in (2**22 + 12345, os.getpid()))
    dead.mkdir()
    alive.mkdir()
    cached_import(tiny[0])
    assert not dead.exists() and not alive.exists()  # ours was reused as the partial folder, then renamed


def test_load_model_takes_a_gguf_file_through_the_cache(tiny, ruadapt_home):
    import torch

    from core.models import load_model

    model, tokenizer = load_model(tiny[0])
    assert (ruadapt_home / "models").is_dir() and tokenizer.chat_template
    with torch.no_grad():
        logits = model(torch.tensor([IDS])).logits[0].numpy()
    assert np.abs(logits - _logits(tiny[1], IDS)).max() < 1e-5
