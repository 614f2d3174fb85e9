"""Folders the studio writes load in other tools: tokenizer_config.json names PreTrainedTokenizerFast (which
transformers 4.x and 5 both have; transformers 5's own "TokenizersBackend" is unknown to 4.x and to
llama.cpp's convert_hf_to_gguf.py under its pinned requirements) with its special tokens, and llama.cpp's
converter from the sdist turns such a folder into a GGUF that tokenizes like the folder.

The converter test needs the llama-cpp-python sdist (tests/llama_sdist.py) and a transformers 4.x
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


def test_llama_cpps_converter_under_transformers4_converts_a_studio_folder(tmp_path, transformers4):
    """A SentencePiece-style vocabulary (the converter refuses a tiny byte-level BPE for its unknown
    pre-tokenizer hash, whoever wrote the folder)."""
    from transformers import AutoTokenizer

    from core.models.gguf_tokenizer import llama_cpp_token_ids

    llama_cpp = unpacked_llama_cpp(tmp_path / "sdist")
    folder = _sentencepiece_folder(tmp_path / "spm")
    out = tmp_path / "converted.gguf"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(transformers4), str(llama_cpp / "gguf-py")])}
    done = subprocess.run([sys.executable, str(llama_cpp / "convert_hf_to_gguf.py"), str(folder), "--outfile",
                           str(out), "--outtype", "f32"], env=env, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    ours = AutoTokenizer.from_pretrained(folder)
    assert [ours.encode(t, add_special_tokens=False) for t in TEXTS] == llama_cpp_token_ids(out, TEXTS)
