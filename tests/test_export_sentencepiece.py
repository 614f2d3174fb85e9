"""SentencePiece-family vocabularies (▁ for spaces, byte fallback: Llama-2, Mistral, Gemma) through the
chain: a Russian BPE trained for such a source (replace) and the source extended by continued BPE export
as llama.cpp's "llama" tokenizer (scores, token types) and tokenize there exactly as in transformers, on
Russian, English, digits, mixed scripts, repeated spaces and characters outside the vocabulary (byte
fallback). What llama.cpp cannot reproduce is refused before anything is written."""

from __future__ import annotations

import json

import pytest
from test_export_parity import russian_corpus
from tiny_models import (
    SPM_SPECIAL_TOKENS,
    make_tiny_hf_model,
    train_tiny_sentencepiece_tokenizer,
)

from core.errors import ModelError
from core.export import export_gguf_types, plan_export
from core.export.gguf_vocab import BYTE, CONTROL, NORMAL
from core.tokenizer.continued_bpe import word_counts
from core.tokenizer.sentencepiece import BYTE_TOKENS
from core.tokenizer.train import train_vocabulary
from core.tokenizer.vocab_ops import extend_bpe

LINES = (  # the line kinds, with characters no vocabulary here has (byte fallback)
    "Москва — столица России; в 1147 году её впервые упомянули.",
    "The quick brown fox jumps over the lazy dog, isn't it?",
    "7 42 333 4444 55555 3.14159 +7 (495) 123-45-67",
    "naïve café Ελληνικά 中文 смешанный text",
    "  два  пробела   и три\n\n\tтаб",
    "🦙🇷🇺 ½ ∑ ₿ 𝔘",
)


def _hf(backend, like):
    from transformers import PreTrainedTokenizerFast

    return PreTrainedTokenizerFast(tokenizer_object=backend, unk_token=like.unk_token, bos_token=like.bos_token,
                                   eos_token=like.eos_token, chat_template=like.chat_template)


def _source(prefix: bool = True):
    return train_tiny_sentencepiece_tokenizer("bpe", 700, add_space_prefix=prefix)


def _replaced(prefix: bool = True):
    source = _source(prefix)
    new = train_vocabulary(russian_corpus(), source.backend_tokenizer, "bpe", 1500, 2, list(SPM_SPECIAL_TOKENS))
    return _hf(new, source)


def _extended(prefix: bool = True):
    source = _source(prefix)
    counts = word_counts(source.backend_tokenizer, russian_corpus())
    return _hf(extend_bpe(source.backend_tokenizer, counts, 500).tokenizer, source)


def _export(tmp_path, tokenizer):
    hf = make_tiny_hf_model(tmp_path / "hf", "llama", tokenizer=tokenizer)
    results = export_gguf_types(hf, {"f32": tmp_path / "m.gguf"})
    return hf, results["f32"]["parity"]


def _llama_ids(path, texts):
    from core.models.gguf_tokenizer import llama_cpp_token_ids

    return llama_cpp_token_ids(path, tuple(texts))


@pytest.mark.parametrize("make,prefix", [(_replaced, True), (_extended, True), (_replaced, False)],
                         ids=["replaced", "extended", "replaced-no-space-prefix"])
def test_a_sentencepiece_bpe_exports_and_tokenizes_exactly_as_in_transformers(tmp_path, make, prefix):
    import gguf

    tokenizer = make(prefix)
    assert len(tokenizer) > 900
    _, report = _export(tmp_path, tokenizer)
    assert report["passed"], report["problems"]
    assert report["tokenization"]["identical"] and report["logits"]["max_abs_diff"] < 1e-4
    ours = [tokenizer.encode(t, add_special_tokens=False) for t in LINES]
    assert ours == _llama_ids(tmp_path / "m.gguf", LINES)
    assert any(tokenizer.convert_ids_to_tokens(i) in BYTE_TOKENS for ids in ours for i in ids)  # fallback used
    reader = gguf.GGUFReader(tmp_path / "m.gguf")
    assert reader.get_field("tokenizer.ggml.model").contents() == "llama"
    assert reader.get_field("tokenizer.ggml.add_space_prefix").contents() is prefix
    types = reader.get_field("tokenizer.ggml.token_type").contents()
    tokens = reader.get_field("tokenizer.ggml.tokens").contents()
    assert {types[tokens.index(t)] for t in BYTE_TOKENS} == {BYTE}
    assert types[tokens.index("<s>")] == CONTROL and NORMAL in types


def test_extended_russian_tokens_are_new_and_english_is_untouched():
    source, extended = _source(), _extended()
    english = "The quick brown fox jumps over the lazy dog."
    assert extended.encode(english) == source.encode(english)
    russian = " ".join(russian_corpus()[:20])  # text the source vocabulary never saw
    assert len(extended.encode(russian)) < 0.8 * len(source.encode(russian))


def test_merges_llama_cpp_would_not_follow_are_refused_before_writing(tmp_path):
    tokenizer = _replaced()
    hf = make_tiny_hf_model(tmp_path / "hf", "llama", tokenizer=tokenizer)
    path = hf / "tokenizer.json"
    tj = json.loads(path.read_text(encoding="utf-8"))
    merges = tj["model"]["merges"]
    drop = next(i for i, (a, b) in enumerate(merges)
                if any(m != [a, b] and m[0] + m[1] == a + b for m in merges))  # a token with two merges
    del merges[drop]
    path.write_text(json.dumps(tj), encoding="utf-8")
    with pytest.raises(ModelError, match="which is not a merge: llama.cpp"):
        plan_export(hf)
    tj["model"]["merges"] = merges
    tj["pre_tokenizer"] = {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always", "split": True}
    path.write_text(json.dumps(tj), encoding="utf-8")
    with pytest.raises(ModelError, match="has a pre-tokenizer"):
        plan_export(hf)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hf"]


def test_llama2s_real_vocabulary_from_llama_cpps_vocab_file_exports_with_parity(tmp_path):
    """ggml-vocab-llama-spm.gguf (LLaMA/Llama-2's 32,000 SentencePiece tokens, from the sdist), rebuilt by
    the import, paired with tiny random weights: transformers' merges for it are complete but not grouped
    by token, and llama.cpp still tokenizes every parity text as transformers does."""
    import gguf
    from llama_sdist import unpacked_llama_cpp

    from core.models.gguf_tokenizer import import_tokenizer
    from core.tokenizer.hf_files import save_tokenizer

    vocab = unpacked_llama_cpp(tmp_path / "sdist") / "models" / "ggml-vocab-llama-spm.gguf"
    tokenizer = import_tokenizer(vocab, gguf.GGUFReader(vocab))
    hf = make_tiny_hf_model(tmp_path / "hf", "llama", tokenizer=tokenizer, save_tokenizer=False)
    save_tokenizer(tokenizer, hf)
    report = export_gguf_types(hf, {"f32": tmp_path / "m.gguf"})["f32"]["parity"]
    assert report["passed"] and report["tokenization"]["identical"], report["problems"]
    assert [tokenizer.encode(t, add_special_tokens=False) for t in LINES] == _llama_ids(tmp_path / "m.gguf", LINES)
