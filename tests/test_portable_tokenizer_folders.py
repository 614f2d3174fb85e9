"""Folders the studio writes load in other tools: tokenizer_config.json names PreTrainedTokenizerFast (which
transformers 4.x and 5 both have; transformers 5's own "TokenizersBackend" is unknown to 4.x and to
llama.cpp's convert_hf_to_gguf.py under its pinned requirements) with its special tokens, and llama.cpp's
converter from the sdist turns such a folder into a GGUF that tokenizes like the folder (and, for the
byte-level BPE, computes its logits).

The converter tests need the llama-cpp-python sdist (tests/llama_sdist.py) and a transformers 4.x
installed apart, named by RUADAPT_TRANSFORMERS4 (a `pip install --target DIR transformers==4.57.6
tokenizers==0.22.1 "huggingface_hub<1.0" sentencepiece` folder); it skips without them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from llama_sdist import unpacked_llama_cpp
from tiny_models import (
    make_tiny_gguf,
    make_tiny_hf_model,
    train_tiny_sentencepiece_tokenizer,
)

from core.models import import_gguf
from core.tokenizer.hf_files import save_tokenizer

TEXTS = ("Москва — столица России.", "  два  пробела\n\tи таб", "It's 2024: 12345 🦙 ½", "<s>Привет</s>")


def _config(folder: Path) -> dict:
    return json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))


def test_an_imported_folder_names_a_tokenizer_class_both_transformers_generations_have(tmp_path):
    from transformers import AutoTokenizer

    path = make_tiny_gguf(tmp_path / "m.gguf", hf_dir=tmp_path / "hf")
    import_gguf(path, tmp_path / "out")
    config = _config(tmp_path / "out")
    assert config["tokenizer_class"] == "PreTrainedTokenizerFast"
    assert (config["bos_token"], config["eos_token"]) == ("<|endoftext|>", "<|im_end|>")
    loaded, original = AutoTokenizer.from_pretrained(tmp_path / "out"), AutoTokenizer.from_pretrained(tmp_path / "hf")
    assert [loaded.encode(t) for t in TEXTS] == [original.encode(t) for t in TEXTS]
    assert loaded.apply_chat_template([{"role": "user", "content": "Привет"}], tokenize=False)


def _sentencepiece_folder(folder: Path) -> Path:
    tokenizer = train_tiny_sentencepiece_tokenizer("bpe", 700)
    make_tiny_hf_model(folder, "llama", tokenizer=tokenizer, save_tokenizer=False)
    save_tokenizer(tokenizer, folder)
    return folder


@pytest.fixture(scope="module")
def transformers4() -> Path:
    given = os.environ.get("RUADAPT_TRANSFORMERS4")
    if not given or not (Path(given) / "transformers").is_dir():
        pytest.skip("set RUADAPT_TRANSFORMERS4 to a folder with transformers 4.x installed (--target)")
    return Path(given)


def _convert(llama_cpp: Path, transformers4: Path, folder: Path, out: Path) -> Path:
    """llama.cpp's convert_hf_to_gguf.py on `folder`, under transformers 4.x and the sdist's own gguf-py."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(transformers4), str(llama_cpp / "gguf-py")])}
    done = subprocess.run([sys.executable, str(llama_cpp / "convert_hf_to_gguf.py"), str(folder), "--outfile",
                           str(out), "--outtype", "f32"], env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return out


def test_llama_cpps_converter_under_transformers4_converts_a_studio_folder(tmp_path, transformers4):
    """A SentencePiece-style vocabulary (a tiny byte-level BPE is refused by the converter for its unknown
    pre-tokenizer hash, whoever wrote the folder: the next test uses a real one)."""
    from transformers import AutoTokenizer

    from core.models.gguf_tokenizer import llama_cpp_token_ids

    llama_cpp = unpacked_llama_cpp(tmp_path / "sdist")
    folder = _sentencepiece_folder(tmp_path / "spm")
    out = _convert(llama_cpp, transformers4, folder, tmp_path / "converted.gguf")
    ours = AutoTokenizer.from_pretrained(folder)
    assert [ours.encode(t, add_special_tokens=False) for t in TEXTS] == llama_cpp_token_ids(out, TEXTS)


def test_llama_cpps_converter_converts_a_studio_folder_with_a_byte_level_bpe_and_it_matches(tmp_path, transformers4):
    """GPT-2's byte-level BPE (the sdist's vocab-only file, through the studio's GGUF import, so its hash is
    one the converter knows) on a tiny random Llama, written as the studio writes folders: llama.cpp's own
    converter makes a GGUF that tokenizes every parity text (and the chat template) like transformers and
    computes the same logits."""
    import gguf

    from core.export.parity import check_parity, hf_reference
    from core.models.gguf_tokenizer import import_tokenizer

    llama_cpp = unpacked_llama_cpp(tmp_path / "sdist")
    vocab = llama_cpp / "models" / "ggml-vocab-gpt-2.gguf"
    tokenizer = import_tokenizer(vocab, gguf.GGUFReader(vocab))
    folder = make_tiny_hf_model(tmp_path / "bpe", "llama", tokenizer=tokenizer, save_tokenizer=False)
    save_tokenizer(tokenizer, folder)
    assert _config(folder)["tokenizer_class"] == "PreTrainedTokenizerFast"
    out = _convert(llama_cpp, transformers4, folder, tmp_path / "converted.gguf")
    assert gguf.GGUFReader(out).get_field("tokenizer.ggml.pre").contents() == "gpt-2"
    report = check_parity(out, hf_reference(folder, tmp_path), "f32")
    assert report["passed"] and report["tokenization"]["identical"], report["problems"]
    assert report["logits"]["max_abs_diff"] < 1e-4
