"""Unigram vocabularies through the chain, HF → GGUF → llama.cpp, on the issue's line kinds (Russian, English,
digits, mixed scripts, repeated spaces, characters outside the vocabulary):
- replaced: a Russian Unigram for a SentencePiece-family source exports as llama.cpp's Unigram ("t5", UGM),
  with <unk> where a character is outside the vocabulary on both sides (UGM has no byte fallback);
- extended: the Russian pieces of a Unigram become continued-BPE merges of the source (the method's authors'
  way of extending a vocabulary with a Unigram), exporting as the source's type: "llama" for a SentencePiece
  BPE, "gpt2" for a byte-level BPE.
What llama.cpp cannot reproduce (a Unigram over bytes, byte fallback) is refused before a file is written."""

from __future__ import annotations

import json

import pytest
from test_export_parity import russian_corpus
from test_export_sentencepiece import LINES, _export, _hf, _llama_ids, _source
from tiny_models import SPECIAL_TOKENS, SPM_SPECIAL_TOKENS, make_tiny_hf_model, train_tiny_tokenizer

from core.errors import ModelError
from core.export import plan_export
from core.export.gguf_vocab import BYTE, CONTROL, NORMAL, UNKNOWN
from core.tokenizer.train import train_vocabulary
from core.tokenizer.vocab_ops import extend_bpe_from_unigram, piece_unigram, russian_piece_weights

EMOJI = LINES[-1]  # no vocabulary here has these characters


def _unigram(source, size: int = 1500, specials=SPM_SPECIAL_TOKENS):
    return train_vocabulary(russian_corpus(), source.backend_tokenizer, "unigram", size, 2, list(specials))


def _gguf_fields(path) -> dict:
    import gguf

    reader = gguf.GGUFReader(path)
    names = ("model", "tokens", "token_type", "scores", "add_space_prefix", "unknown_token_id")
    return {n: reader.get_field(f"tokenizer.ggml.{n}").contents() for n in names
            if reader.get_field(f"tokenizer.ggml.{n}") is not None}


@pytest.mark.parametrize("prefix", [True, False], ids=["space-prefix", "no-space-prefix"])
def test_a_replaced_unigram_exports_as_llama_cpps_unigram_and_tokenizes_identically(tmp_path, prefix):
    source = _source(prefix)
    tokenizer = _hf(_unigram(source), source)
    assert len(tokenizer) == 1500
    _, report = _export(tmp_path, tokenizer)
    assert report["passed"] and report["tokenization"]["identical"], report["problems"]
    assert report["logits"]["max_abs_diff"] < 1e-4
    ours = [tokenizer.encode(t, add_special_tokens=False) for t in LINES]
    assert ours == _llama_ids(tmp_path / "m.gguf", LINES)
    unk = tokenizer.unk_token_id
    assert unk in ours[-1] and all(unk not in ids for ids in ours[:2])  # emoji → <unk>, Russian/English covered
    assert all(a != b or a != unk for ids in ours for a, b in zip(ids, ids[1:]))  # a run of them is one <unk>
    fields = _gguf_fields(tmp_path / "m.gguf")
    assert fields["model"] == "t5" and fields["add_space_prefix"] is prefix
    tokens, types = fields["tokens"], fields["token_type"]
    assert types[tokens.index("<unk>")] == UNKNOWN and types[tokens.index("<s>")] == CONTROL
    assert BYTE not in types and NORMAL in types and fields["unknown_token_id"] == unk
    scores = dict(json.loads(tokenizer.backend_tokenizer.to_str())["model"]["vocab"])
    # float32 on both sides (tokenizers' JSON reader can land one float64 ulp away)
    assert all(abs(fields["scores"][i] - scores[t]) < 1e-12 for i, t in enumerate(tokens) if types[i] == NORMAL)


def test_padded_embedding_rows_never_appear_in_llama_cpps_unigram(tmp_path):
    """llama.cpp matches UNUSED tokens in text; the [PADn] rows must lose to every real segmentation."""
    from core.export import export_gguf_types

    source = _source()
    tokenizer = _hf(_unigram(source, 600), source)
    hf = make_tiny_hf_model(tmp_path / "hf", "llama", tokenizer=tokenizer)
    config = json.loads((hf / "config.json").read_text())
    assert config["vocab_size"] == len(tokenizer)
    from core.models import load_model

    model, _ = load_model(hf, dtype="float32", device="cpu")
    model.resize_token_embeddings(len(tokenizer) + 8)
    model.save_pretrained(hf)
    report = export_gguf_types(hf, {"f32": tmp_path / "m.gguf"})["f32"]["parity"]
    assert report["passed"], report["problems"]
    line = f"[PAD{len(tokenizer)}] и текст"
    assert _llama_ids(tmp_path / "m.gguf", [line]) == [tokenizer.encode(line, add_special_tokens=False)]


@pytest.mark.parametrize("kind", ["sentencepiece", "byte-level"])
def test_a_unigram_extended_vocabulary_exports_as_the_sources_type_with_parity(tmp_path, kind):
    source = _source() if kind == "sentencepiece" else train_tiny_tokenizer()
    unigram = piece_unigram(russian_corpus(), source.backend_tokenizer, 2000)
    weights = russian_piece_weights(unigram, source.backend_tokenizer)
    assert len(weights) > 200 and all(v > 0 for v in weights.values())
    edit = extend_bpe_from_unigram(source.backend_tokenizer, unigram, 500)
    assert edit.added > 300 and edit.kept == len(source)
    tokenizer = _hf(edit.tokenizer, source) if kind == "sentencepiece" else _like(edit.tokenizer, source)
    english = "The quick brown fox jumps over the lazy dog, isn't it?"
    assert tokenizer.encode(english) == source.encode(english)  # new tokens are Russian only
    russian = " ".join(russian_corpus()[:20])
    assert len(tokenizer.encode(russian)) < 0.8 * len(source.encode(russian))
    _, report = _export(tmp_path, tokenizer)
    assert report["passed"] and report["tokenization"]["identical"], report["problems"]
    assert [tokenizer.encode(t, add_special_tokens=False) for t in LINES] == _llama_ids(tmp_path / "m.gguf", LINES)
    assert _gguf_fields(tmp_path / "m.gguf")["model"] == ("llama" if kind == "sentencepiece" else "gpt2")


def _like(backend, source):
    from transformers import PreTrainedTokenizerFast

    return PreTrainedTokenizerFast(tokenizer_object=backend, bos_token=source.bos_token, eos_token=source.eos_token,
                                   pad_token=source.pad_token, chat_template=source.chat_template)


def _save(tmp_path, tokenizer):
    return make_tiny_hf_model(tmp_path / "hf", "llama", tokenizer=tokenizer)


def test_what_llama_cpps_unigram_cannot_reproduce_is_refused_before_writing(tmp_path):
    byte_level = train_tiny_tokenizer()
    hf = _save(tmp_path, _like(_unigram(byte_level, 600, SPECIAL_TOKENS), byte_level))
    with pytest.raises(ModelError, match="Unigram vocabulary over byte-level symbols") as err:
        plan_export(hf)
    assert 'algorithm = "bpe"' in err.value.fix and 'mode = "extend"' in err.value.fix

    source = _source()
    hf = make_tiny_hf_model(tmp_path / "spm", "llama", tokenizer=_hf(_unigram(source, 600), source))
    path = hf / "tokenizer.json"
    tj = json.loads(path.read_text(encoding="utf-8"))
    tj["model"]["byte_fallback"] = True
    path.write_text(json.dumps(tj), encoding="utf-8")
    with pytest.raises(ModelError, match="uses byte fallback, which llama.cpp's Unigram") as err:
        plan_export(hf)
    assert 'algorithm = "bpe"' in err.value.fix
    tj["model"]["byte_fallback"] = False
    tj["normalizer"] = {"type": "NFKC"}
    path.write_text(json.dumps(tj), encoding="utf-8")
    with pytest.raises(ModelError, match="normalizer is not one llama.cpp reproduces"):
        plan_export(hf)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hf", "spm"]


def test_the_tokenizer_stage_says_before_export_whether_llama_cpp_reproduces_the_vocabulary(tiny_project):
    """unigram + extend on the tiny project's byte-level source: new Russian tokens, English unchanged, and
    the export's own check says yes; unigram + replace there: a Unigram over bytes, with the reason and fix."""
    from test_export_stage import _edit
    from test_training import run_pipeline

    from core.jobs.events import Finished

    _edit(tiny_project, "tokenizer", algorithm="unigram", mode="extend", vocab_size=800)
    run = run_pipeline(tiny_project, "tokenizer")["tokenizer"]
    assert isinstance(run.events()[-1], Finished), run.log_path.read_text()[-2000:]
    result = json.loads((run.path / "result.json").read_text())
    assert (result["mode"], result["algorithm"]) == ("extend", "unigram") and result["added"] > 20
    assert result["en"]["unchanged"] and result["ru"]["ratio"] > 1 and result["gguf_exportable"]
    _edit(tiny_project, "tokenizer", mode="replace")
    run = run_pipeline(tiny_project, "tokenizer")["tokenizer"]
    result = json.loads((run.path / "result.json").read_text())
    assert not result["gguf_exportable"] and "over byte-level symbols" in result["gguf_note"]
    assert "How to fix: " in result["gguf_note"] and result["ru"]["unknown_tokens"] == 0


@pytest.mark.parametrize("mode", ["replace", "extend"])
def test_a_unigram_for_llama2s_real_vocabulary_exports_with_parity(tmp_path, mode):
    """Llama-2's 32,000 SentencePiece tokens (the sdist's ggml-vocab-llama-spm.gguf, rebuilt by the import) as
    the source: a Russian Unigram replacing it ("t5") or extending it ("llama") tokenizes every parity text and
    line as llama.cpp does; the extended one spends fewer tokens on held-out Russian (a 2k-piece Unigram from
    40k characters does not beat 32k tokens, so replace is not asked to)."""
    import gguf
    from llama_sdist import unpacked_llama_cpp

    from core.models.gguf_tokenizer import import_tokenizer

    vocab = unpacked_llama_cpp(tmp_path / "sdist") / "models" / "ggml-vocab-llama-spm.gguf"
    source = import_tokenizer(vocab, gguf.GGUFReader(vocab))
    train, heldout = russian_corpus()[:-30], " ".join(russian_corpus()[-30:])
    if mode == "replace":
        specials = [t.content for _, t in sorted(source.added_tokens_decoder.items())]
        tokenizer = _hf(train_vocabulary(train, source.backend_tokenizer, "unigram", 3000, 2, specials), source)
    else:
        unigram = piece_unigram(train, source.backend_tokenizer, 3000)
        tokenizer = _hf(extend_bpe_from_unigram(source.backend_tokenizer, unigram, 1000).tokenizer, source)
    if mode == "extend":
        assert len(tokenizer.encode(heldout)) < 0.97 * len(source.encode(heldout))  # 3,558 against 3,752
    _, report = _export(tmp_path, tokenizer)
    assert report["passed"] and report["tokenization"]["identical"], report["problems"]
    assert [tokenizer.encode(t, add_special_tokens=False) for t in LINES] == _llama_ids(tmp_path / "m.gguf", LINES)
    assert _gguf_fields(tmp_path / "m.gguf")["model"] == ("t5" if mode == "replace" else "llama")
