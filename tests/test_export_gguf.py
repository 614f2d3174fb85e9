"""HF folder -> GGUF: llama.cpp runs the file as transformers runs the folder (f32 to float rounding, f16
close), the metadata llama.cpp silently needs is there, refusals write nothing, and a killed export
leaves nothing that looks finished."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from tiny_models import make_tiny_hf_model

from core.errors import ModelError
from core.export import GGUF_TYPES, export_gguf_types, plan_export, write_gguf
from core.jobs.launch import child_env

TESTS = Path(__file__).resolve().parent


def _llama_logits(path: Path, ids: list[int]) -> np.ndarray:
    import llama_cpp

    llm = llama_cpp.Llama(str(path), n_ctx=64, logits_all=True, verbose=False, n_threads=2,
                          type_k=llama_cpp.GGML_TYPE_F32, type_v=llama_cpp.GGML_TYPE_F32)
    try:
        llm.eval(ids)
        return np.array(llm.scores[: len(ids)])
    finally:
        llm.close()


def _hf_logits(folder: Path, ids: list[int]) -> np.ndarray:
    import torch
    from transformers import AutoModelForCausalLM

    with torch.no_grad():
        return AutoModelForCausalLM.from_pretrained(folder)(torch.tensor([ids])).logits[0].numpy()


def _metadata(path: Path) -> dict:
    import gguf

    reader = gguf.GGUFReader(path)
    return {k: f.contents() for k, f in reader.fields.items() if not k.startswith("GGUF.")}


@pytest.mark.parametrize("arch,tied", [("llama", False), ("qwen2", False), ("qwen3", True)])
def test_llama_cpp_runs_the_export_like_transformers_and_the_parity_check_agrees(tmp_path, arch, tied):
    hf = make_tiny_hf_model(tmp_path / "hf", arch, tied=tied)
    results = export_gguf_types(hf, {"f32": tmp_path / "m-f32.gguf", "f16": tmp_path / "m-f16.gguf"})
    ids = [5, 9, 100, 200, 300, 7, 44, 44, 1]
    theirs = _hf_logits(hf, ids)
    assert np.abs(_llama_logits(tmp_path / "m-f32.gguf", ids) - theirs).max() < 1e-4
    f16 = _llama_logits(tmp_path / "m-f16.gguf", ids)
    assert np.abs(f16 - theirs).max() < 0.05 and (f16.argmax(-1) == theirs.argmax(-1)).all()
    f32 = results["f32"]["parity"]
    assert f32["passed"] and f32["tokenization"]["identical"] and f32["logits"]["max_abs_diff"] < 1e-4
    assert f32["logits"]["top1_agreement"] == 1.0 and f32["logits"]["positions"] > 200
    assert results["f16"]["parity"]["logits"]["top1_agreement"] >= 0.99
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hf", "m-f16.gguf", "m-f32.gguf"]


def test_the_metadata_llama_cpp_needs_travels_with_the_file(tmp_path):
    import gguf
    from transformers import AutoTokenizer

    hf = make_tiny_hf_model(tmp_path / "hf", "llama", tied=True)
    info = write_gguf(hf, tmp_path / "m.gguf", "bf16")
    meta = _metadata(info.path)
    tokenizer = AutoTokenizer.from_pretrained(hf)
    assert meta["general.architecture"] == "llama" and meta["tokenizer.ggml.model"] == "gpt2"
    assert meta["tokenizer.ggml.pre"] == "gpt-2" == info.pre_tokenizer
    assert meta["tokenizer.ggml.tokens"] == sorted(tokenizer.get_vocab(), key=tokenizer.get_vocab().get)
    assert meta["tokenizer.ggml.token_type"][:3] == [gguf.TokenType.CONTROL] * 3  # the ChatML specials
    assert set(meta["tokenizer.ggml.token_type"][3:]) == {gguf.TokenType.NORMAL}
    merges = json.loads(tokenizer.backend_tokenizer.to_str())["model"]["merges"]
    assert meta["tokenizer.ggml.merges"] == [" ".join(m) for m in merges]
    assert (meta["tokenizer.ggml.bos_token_id"], meta["tokenizer.ggml.eos_token_id"]) == (0, 2)
    assert meta["tokenizer.ggml.add_bos_token"] is False  # this tokenizer adds nothing: llama.cpp must not either
    assert meta["tokenizer.chat_template"] == tokenizer.chat_template
    assert meta["llama.attention.head_count_kv"] == 2 and meta["llama.rope.freq_base"] == 10000.0
    assert meta["general.file_type"] == gguf.LlamaFileType.MOSTLY_BF16
    types = {t.name: t.tensor_type.name for t in gguf.GGUFReader(info.path).tensors}
    assert types["token_embd.weight"] == "BF16" and types["blk.0.attn_norm.weight"] == "F32"
    assert "output.weight" not in types  # tied: llama.cpp reuses token_embd


def test_a_tokenizer_that_adds_bos_says_so_and_a_padded_vocabulary_gets_unused_rows(tmp_path):
    import torch
    from tokenizers import processors
    from transformers import AutoModelForCausalLM, AutoTokenizer

    hf = make_tiny_hf_model(tmp_path / "hf", "llama")
    tokenizer = AutoTokenizer.from_pretrained(hf)
    tokenizer.backend_tokenizer.post_processor = processors.TemplateProcessing(
        single="<|endoftext|> $A", special_tokens=[("<|endoftext|>", 0)])
    tokenizer.save_pretrained(hf)
    model = AutoModelForCausalLM.from_pretrained(hf)
    model.resize_token_embeddings(len(tokenizer) + 8, mean_resizing=False)  # rounded up, as Qwen does
    with torch.no_grad():
        model.get_input_embeddings().weight[-8:] = 0.1
    model.save_pretrained(hf)
    results = export_gguf_types(hf, {"f32": tmp_path / "m.gguf"})
    meta = _metadata(tmp_path / "m.gguf")
    assert meta["tokenizer.ggml.add_bos_token"] is True
    assert meta["tokenizer.ggml.tokens"][-1] == f"[PAD{len(tokenizer) + 7}]"
    assert meta["tokenizer.ggml.token_type"][-8:] == [5] * 8  # UNUSED
    assert results["f32"]["parity"]["passed"]  # BOS added the same way on both sides


def test_llama3_rope_scaling_is_written_as_rope_freqs(tmp_path):
    rope = {"rope_type": "llama3", "rope_theta": 500000.0, "factor": 8.0, "low_freq_factor": 1.0,
            "high_freq_factor": 4.0, "original_max_position_embeddings": 8192}
    hf = make_tiny_hf_model(tmp_path / "hf", "llama", rope_parameters=rope, hidden=128)
    write_gguf(hf, tmp_path / "m.gguf", "f32")
    ids = list(range(3, 60))
    assert np.abs(_llama_logits(tmp_path / "m.gguf", ids) - _hf_logits(hf, ids)).max() < 1e-4


def test_progress_is_reported_per_tensor(tmp_path):
    hf = make_tiny_hf_model(tmp_path / "hf", "qwen2")
    seen = []
    write_gguf(hf, tmp_path / "m.gguf", "f16", lambda done, total, message: seen.append((done, total, message)))
    n = 2 * 12 + 3  # qwen2: 12 tensors per block (with q/k/v biases) + embeddings, norm, head
    assert [d for d, _, _ in seen] == list(range(n + 1)) and {t for _, t, _ in seen} == {n}
    assert any("blk.1.attn_k.bias (F32)" in m for _, _, m in seen)
    assert any("blk.1.attn_k.weight (F16)" in m for _, _, m in seen)


def _refusal(tmp_path, damage):
    hf = make_tiny_hf_model(tmp_path / "hf", "llama")
    if damage == "pre_tokenizer":
        state = json.loads((hf / "tokenizer.json").read_text(encoding="utf-8"))
        state["pre_tokenizer"]["add_prefix_space"] = True  # a split llama.cpp has no name for
        (hf / "tokenizer.json").write_text(json.dumps(state), encoding="utf-8")
    elif damage == "architecture":
        config = json.loads((hf / "config.json").read_text())
        config.update(model_type="gpt_neox", architectures=["GPTNeoXForCausalLM"])
        (hf / "config.json").write_text(json.dumps(config))
    elif damage == "shape":
        config = json.loads((hf / "config.json").read_text())
        config["intermediate_size"] = 96  # the weights have 128
        (hf / "config.json").write_text(json.dumps(config))
    elif damage == "unigram":
        from tiny_models import TRAINING_TEXT
        from transformers import AutoTokenizer

        from core.tokenizer.hf_files import save_like_source
        from core.tokenizer.train import train_vocabulary

        source = AutoTokenizer.from_pretrained(hf)
        unigram = train_vocabulary(TRAINING_TEXT.splitlines(), source.backend_tokenizer, "unigram", 300, 1,
                                   ["<|endoftext|>", "<|im_start|>", "<|im_end|>"])
        save_like_source(unigram, source, hf)
    return hf


@pytest.mark.parametrize("damage,message", [
    ("pre_tokenizer", "pre-tokenizer .* is not one llama.cpp knows"),
    ("architecture", "'gpt_neox' is not supported"),
    ("shape", r"model.layers.0.mlp.gate_proj.weight has shape \[128, 64\], but config.json makes it \[96, 64\]"),
    ("unigram", "Unigram vocabulary over byte-level symbols, which llama.cpp cannot reproduce"),
])
def test_refusals_happen_before_anything_is_written(tmp_path, damage, message):
    hf = _refusal(tmp_path, damage)
    out = tmp_path / "out"
    with pytest.raises(ModelError, match=message) as err:
        export_gguf_types(hf, {"f16": out / "m-f16.gguf", "q8_0": out / "m-q8_0.gguf"})
    assert err.value.fix
    assert not out.exists() or not list(out.iterdir())


def test_every_type_the_project_offers_is_known_to_the_exporter():
    import dataclasses

    from core.project.schema import Export

    offered = dataclasses.fields(Export)[0].metadata["choices"]
    assert set(offered) <= set(GGUF_TYPES)


KILL_HALF_WAY = """
import os, signal, sys
from core.export import write_gguf

def progress(done, total, message):
    if done == total // 2:
        os.kill(os.getpid(), signal.SIGKILL)

write_gguf(sys.argv[1], sys.argv[2], "f32", progress)
"""


def test_a_killed_export_leaves_nothing_that_looks_finished(tmp_path):
    hf = make_tiny_hf_model(tmp_path / "hf", "llama", layers=4)
    out = tmp_path / "out" / "model.gguf"
    env = child_env()
    env["PYTHONPATH"] = os.pathsep.join((str(TESTS), env["PYTHONPATH"]))
    proc = subprocess.run([sys.executable, "-c", KILL_HALF_WAY, str(hf), str(out)], env=env, capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]
    left = list(out.parent.iterdir())
    assert not out.exists() and len(left) == 1 and left[0].name.startswith(".model.gguf.partial-")
    write_gguf(hf, out, "f32")  # the next export of that name clears the dead partial
    assert [p.name for p in out.parent.iterdir()] == ["model.gguf"]


def test_weights_in_shards_and_bf16_export_like_one_fp32_file(tmp_path):
    import torch
    from transformers import AutoModelForCausalLM

    hf = make_tiny_hf_model(tmp_path / "hf", "qwen3")
    sharded = tmp_path / "sharded"
    model = AutoModelForCausalLM.from_pretrained(hf, dtype=torch.bfloat16)
    model.save_pretrained(sharded, max_shard_size="100KB")
    for name in ("tokenizer.json", "tokenizer_config.json", "chat_template.jinja"):
        shutil.copy(hf / name, sharded / name)
    assert len(list(sharded.glob("*.safetensors"))) > 2
    plan = plan_export(sharded)
    assert len({t.file for t in plan.tensors}) > 2
    write_gguf(sharded, tmp_path / "a.gguf", "bf16")
    write_gguf(hf, tmp_path / "b.gguf", "bf16")  # fp32 matrices rounded to bf16 on export: the same values
    a, b = _matrices(tmp_path / "a.gguf"), _matrices(tmp_path / "b.gguf")
    assert a.keys() == b.keys() and len(a) == 2 * 7 + 2 and all(a[k] == b[k] for k in a)


def _matrices(path: Path) -> dict[str, bytes]:
    import gguf

    return {t.name: t.data.tobytes() for t in gguf.GGUFReader(path).tensors if len(t.shape) == 2}


def test_a_cancel_during_the_parity_check_leaves_no_file(tmp_path):
    class Stop(Exception):
        pass

    def stop() -> None:
        raise Stop

    hf = make_tiny_hf_model(tmp_path / "hf", "llama")
    with pytest.raises(Stop):  # raised from inside the check: llama.cpp's child is killed
        export_gguf_types(hf, {"f16": tmp_path / "out" / "m-f16.gguf"}, poll=stop)
    assert not list((tmp_path / "out").iterdir())
