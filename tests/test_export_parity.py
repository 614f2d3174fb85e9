"""The parity check: adapted tokenizers (a new Russian BPE keeping the source's split) export and tokenize
in llama.cpp exactly as in transformers, for every pre-tokenizer the table names; a wrong split is caught
with the text and position; llama.cpp crashing in the check is reported with its signal."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import time
from pathlib import Path

import pytest
from tiny_models import TRAINING_TEXT, make_tiny_hf_model

from core.errors import ModelError
from core.export import ParityFailed, check_parity, export_gguf_types, hf_reference, plan_export, write_gguf
from core.export.child import NativeCrash, run_in_child
from core.models.gguf_tokenizer import BYTE_LEVEL_PRE_TOKENIZERS, IGNORES_MERGES

TESTS = Path(__file__).resolve().parent


def sleep_for(seconds: float) -> None:
    """Work that outlasts a test's patience (run in a child)."""
    time.sleep(seconds)


def russian_corpus(chars: int = 40_000) -> list[str]:
    spec = importlib.util.find_spec("dataset_build")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "rus" / "rus.txt" if spec else None
    text = path.read_text(encoding="utf-8")[:chars] if path and path.is_file() else TRAINING_TEXT * 20
    return [line for line in text.splitlines() if line.strip()]


def adapted_model(root: Path, arch: str, pre: str, mode: str = "replace", pad_to: int = 1) -> Path:
    """The method's first steps on a tiny model: a new Russian BPE trained with the source's split (here
    set to `pre`), embeddings transplanted from the source's pieces, saved as an HF folder. `mode`
    extend / optimized: continued BPE over the source (or its first 300 tokens by rank); `pad_to`: the
    embedding rows padded to a multiple of it."""
    from tokenizers import Tokenizer, pre_tokenizers

    from core.models import load_model
    from core.tokenizer.hf_files import save_like_source
    from core.tokenizer.train import train_vocabulary
    from core.transplant.embeddings import transplant

    model, old = load_model(make_tiny_hf_model(root / "source", arch), dtype="float32", device="cpu")
    source = Tokenizer.from_str(old.backend_tokenizer.to_str())
    source.pre_tokenizer = BYTE_LEVEL_PRE_TOKENIZERS[pre](pre_tokenizers)
    source.model.ignore_merges = pre in IGNORES_MERGES  # as LLaMA-3's own tokenizer.json has it
    specials = [t.content for _, t in sorted(old.added_tokens_decoder.items())]
    if mode == "replace":
        vocab = train_vocabulary(russian_corpus(), source, "bpe", 1200, 2, specials)
    else:
        from core.tokenizer.continued_bpe import word_counts
        from core.tokenizer.vocab_ops import extend_bpe, optimize_bpe

        counts = word_counts(source, russian_corpus())
        vocab = (extend_bpe(source, counts, 900) if mode == "extend" else
                 optimize_bpe(source, counts, 300, 900, "rank")).tokenizer
    new = save_like_source(vocab, old, root / "tokenizer")
    transplant(model, old, new, rows=-(-len(new) // pad_to) * pad_to)
    model.save_pretrained(root / "adapted")
    new.save_pretrained(root / "adapted")
    return root / "adapted"


@pytest.mark.parametrize("arch,pre", [("llama", "gpt-2"), ("llama", "smollm"), ("llama", "llama-bpe"),
                                      ("qwen2", "qwen2")])
def test_an_adapted_tokenizer_exports_and_tokenizes_exactly_as_in_transformers(tmp_path, arch, pre):
    from transformers import AutoTokenizer

    folder = adapted_model(tmp_path, arch, pre)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    assert len(tokenizer) > 1000 and plan_export(folder).vocab.pre == pre
    russian = "Москва — столица России, крупнейший по численности населения город страны."
    assert len(tokenizer.encode(russian)) < len(AutoTokenizer.from_pretrained(tmp_path / "source").encode(russian))
    results = export_gguf_types(folder, {"f32": tmp_path / "adapted-f32.gguf"})
    report = results["f32"]["parity"]
    assert report["passed"], report["problems"]
    assert report["tokenization"] == {"texts": 20, "identical": True}  # 17 fixed + BOS + EOS + chat template
    assert report["logits"]["max_abs_diff"] < 1e-4


@pytest.mark.parametrize("arch,pre,mode", [("llama", "llama-bpe", "extend"), ("qwen2", "qwen2", "optimized")])
def test_extended_and_optimized_padded_vocabularies_export_with_parity_and_unused_padding(tmp_path, monkeypatch,
                                                                                          arch, pre, mode):
    """Continued-BPE vocabularies keep the source's split, so llama.cpp tokenizes them as transformers
    does; the padding rows become [PADn] tokens of type UNUSED, which no text produces."""
    import numpy as np
    from gguf import GGUFReader
    from transformers import AutoTokenizer

    folder = adapted_model(tmp_path, arch, pre, mode=mode, pad_to=64)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    rows = -(-len(tokenizer) // 64) * 64
    assert rows > len(tokenizer)
    results = export_gguf_types(folder, {"f32": tmp_path / "m.gguf"})
    report = results["f32"]["parity"]
    assert report["passed"], report["problems"]
    assert report["tokenization"]["identical"] and report["logits"]["max_abs_diff"] < 1e-4
    fields = GGUFReader(tmp_path / "m.gguf").fields
    types = fields["tokenizer.ggml.token_type"]
    token_types = [int(types.parts[i][0]) for i in types.data]
    assert len(token_types) == rows and set(token_types[len(tokenizer):]) == {5}  # gguf.TokenType.UNUSED
    tokens = fields["tokenizer.ggml.tokens"]
    assert bytes(tokens.parts[tokens.data[-1]]).decode() == f"[PAD{rows - 1}]"
    assert np.all(np.array(token_types[:len(tokenizer)]) != 5)
    text = f"Москва [PAD{rows - 1}] столица".encode()
    monkeypatch.setenv("PYTHONPATH", str(TESTS))  # the child imports _llama_cpp_ids from this module
    ids = run_in_child(_llama_cpp_ids, {"gguf_path": str(tmp_path / "m.gguf"), "text": text}, what="tokenize")
    assert max(ids) < len(tokenizer)  # llama.cpp never produces a padding token, even from its own text


def _llama_cpp_ids(gguf_path: str, text: bytes) -> list[int]:
    import llama_cpp

    vocab = llama_cpp.Llama(gguf_path, vocab_only=True, verbose=False)
    try:
        return vocab.tokenize(text, add_bos=False, special=True)
    finally:
        vocab.close()


def test_a_tokenizer_that_merges_where_llama_cpp_looks_words_up_is_refused_before_writing(tmp_path):
    """LLaMA-3's split comes with a whole-word lookup before merges in llama.cpp (ignore_merges): the new
    vocabulary keeps the source's setting, and a tokenizer.json without it is refused by name."""
    import json

    folder = adapted_model(tmp_path, "llama", "llama-bpe")
    state = json.loads((folder / "tokenizer.json").read_text(encoding="utf-8"))
    assert state["model"]["ignore_merges"] is True  # kept from the source by the tokenizer stage
    state["model"]["ignore_merges"] = False
    (folder / "tokenizer.json").write_text(json.dumps(state), encoding="utf-8")
    with pytest.raises(ModelError) as err:
        plan_export(folder)
    assert "ignore_merges" in str(err.value) and "'llama-bpe'" in str(err.value)
    assert '"ignore_merges": true' in err.value.fix


def test_a_llama_bpe_gguf_imports_back_with_the_whole_word_lookup_llama_cpp_applies(tmp_path):
    """GGUF → HF import: transformers rebuilds the tokenizer without ignore_merges; for the LLaMA-3 split
    the import sets it, and the import's own check against llama.cpp passes."""
    import json

    from core.models import import_gguf

    folder = adapted_model(tmp_path, "llama", "llama-bpe")
    write_gguf(folder, tmp_path / "m.gguf", "f32")
    import_gguf(tmp_path / "m.gguf", tmp_path / "imported")  # raises if llama.cpp tokenizes differently
    state = json.loads((tmp_path / "imported" / "tokenizer.json").read_text(encoding="utf-8"))
    assert state["model"]["ignore_merges"] is True
    assert plan_export(tmp_path / "imported").vocab.pre == "llama-bpe"


def test_a_split_llama_cpp_applies_differently_fails_the_export_naming_text_and_position(tmp_path, monkeypatch):
    from core.export import gguf_vocab

    hf = make_tiny_hf_model(tmp_path / "hf", "llama")
    monkeypatch.setattr(gguf_vocab, "pre_tokenizer_name", lambda pre_tokenizer, where="": "smollm")  # digits one by one
    with pytest.raises(ParityFailed) as err:
        export_gguf_types(hf, {"f16": tmp_path / "out" / "m.gguf"})
    message = str(err.value)
    assert "tokenization of text 1 'Москва — столица России. В 1147" in message
    assert "diverges at token" in message and "llama.cpp" in message and "pre-tokenizer" in err.value.fix
    assert not err.value.report["tokenization"]["identical"]
    assert not list((tmp_path / "out").iterdir())  # the failed file is gone, nothing looks finished


def test_the_figures_come_back_in_a_dict_and_thresholds_judge_them(tmp_path):
    from core.export import THRESHOLDS, quantize_gguf

    hf = make_tiny_hf_model(tmp_path / "hf", "qwen3")
    ref = hf_reference(hf, tmp_path / "work")
    f32 = write_gguf(hf, tmp_path / "m-f32.gguf", "f32").path
    q8 = quantize_gguf(f32, tmp_path / "m-q8_0.gguf", "q8_0").path
    exact, coarse = check_parity(f32, ref, "f32"), check_parity(q8, ref, "q8_0")
    assert exact["passed"] and exact["logits"]["max_abs_diff"] < 1e-4 and exact["logits"]["kv_cache"] == "f32"
    assert coarse["tokenization"]["identical"] and 1e-3 < coarse["logits"]["max_abs_diff"] < 0.5
    assert coarse["logits"]["top1_agreement"] > 0.9
    assert coarse["logits"]["min_top1_agreement_decisive"] == THRESHOLDS["q8_0"][0] == 0.95
    # the f32 threshold on the same q8_0 logits: the difference is far above float rounding
    judged_as_f32 = check_parity(q8, ref, "f32")
    assert not judged_as_f32["passed"] and "largest logit difference" in judged_as_f32["problems"][0]


def test_a_crash_of_llama_cpp_during_the_check_is_reported_with_its_signal(tmp_path):
    hf = make_tiny_hf_model(tmp_path / "hf", "llama")
    plan = plan_export(hf)
    tokens = list(plan.vocab.tokens)
    tokens[300] = tokens[299]  # llama.cpp asserts that token texts are unique (the exporter refuses this)
    broken = dataclasses.replace(plan, vocab=dataclasses.replace(plan.vocab, tokens=tokens))
    path = write_gguf(hf, tmp_path / "broken.gguf", "f32", plan=broken).path
    with pytest.raises(NativeCrash) as err:
        check_parity(path, hf_reference(hf, tmp_path / "work"), "f32")
    assert err.value.signal_name == "SIGABRT" and "GGML_ASSERT" in str(err.value)


def test_a_child_process_reports_signals_errors_and_can_be_stopped(tmp_path, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(TESTS))  # the child imports sleep_for from this module
    with pytest.raises(NativeCrash, match=r"crashed \(SIGABRT\)"):
        run_in_child(os.abort, {}, what="a test")
    assert run_in_child(os.getpid, {}, what="a test") != os.getpid()

    class Stop(Exception):
        pass

    def stop() -> None:
        raise Stop

    with pytest.raises(Stop):  # the child is killed, not left running (the conftest checks)
        run_in_child(sleep_for, {"seconds": 30}, what="a test", poll=stop)
    with pytest.raises(ModelError, match="llama.cpp cannot load the file"):
        from core.export.parity import llama_facts

        (tmp_path / "bad.gguf").write_bytes(b"GGUF" + b"\0" * 64)
        run_in_child(llama_facts, {"gguf_path": str(tmp_path / "bad.gguf"), "texts": ["a"], "prompt_ids": [],
                                   "logits_path": str(tmp_path / "x.npz"), "threads": 1}, what="a test")
