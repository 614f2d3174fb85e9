"""The tokenizer inside a GGUF file, as a Hugging Face tokenizer, checked against llama.cpp's own.

transformers rebuilds the tokenizer from the GGUF metadata. Its table of pre-tokenizers (the regex that
splits text before BPE) lacks some names llama.cpp knows; those fall back to GPT-2's split, which can
cut digits differently. We set the pre-tokenizer the model's own tokenizer.json uses for the names we
know, then prove the result by tokenizing probe texts with llama.cpp: a GGUF import never silently
changes how text becomes tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.errors import ModelError
from core.models.tokenizer_probes import PROBE_TEXTS

# The regexes of the original tokenizer.json files (llama.cpp's `llama-vocab.cpp` quotes them beside its
# own rewrites of the same splits).
_LLAMA3_SPLIT = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*"
                 r"|\s*[\r\n]+|\s+(?!\S)|\s+")
_QWEN2_SPLIT = (r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*"
                r"|\s*[\r\n]+|\s+(?!\S)|\s+")


def _split_then_bytes(pt, pattern: str):
    from tokenizers import Regex

    return pt.Sequence([pt.Split(Regex(pattern), behavior="isolated", invert=False),
                        pt.ByteLevel(add_prefix_space=False, trim_offsets=True, use_regex=False)])


# tokenizer.ggml.pre -> the HF pre-tokenizer the original tokenizer.json has (trim_offsets only moves
# offsets, never ids). Import sets it on the tokenizer transformers rebuilds from a GGUF (whose own
# table lacks "gpt-2" and "smollm"); export reads it backwards to name a tokenizer's split for llama.cpp.
BYTE_LEVEL_PRE_TOKENIZERS = {
    "gpt-2": lambda pt: pt.ByteLevel(add_prefix_space=False, trim_offsets=True, use_regex=True),
    "smollm": lambda pt: pt.Sequence([pt.Digits(individual_digits=True),
                                      pt.ByteLevel(add_prefix_space=False, trim_offsets=True, use_regex=True)]),
    "llama-bpe": lambda pt: _split_then_bytes(pt, _LLAMA3_SPLIT),  # LLaMA-3.x
    "qwen2": lambda pt: _split_then_bytes(pt, _QWEN2_SPLIT),  # Qwen1.5/2/2.5/3
}

# The splits for which llama.cpp looks each pre-tokenized word up in the vocabulary before merging (its
# `ignore_merges`, set in llama-vocab.cpp for the LLaMA-3 family), as LLaMA-3's tokenizer.json does too.
# A tokenizer with one of these splits must do the same, or the two can tokenize a word differently.
IGNORES_MERGES = frozenset({"llama-bpe"})

# SentencePiece BPE ("llama" in GGUF): llama.cpp escapes every space as ▁ and, with add_space_prefix
# (its default for this type), puts one ▁ before the text and after each special token, whatever the text
# starts with. Hugging Face's Metaspace(prepend_scheme="first"), which transformers rebuilds from some of
# these files, skips the ▁ when the text starts with a space: " Hello" loses a token. The older
# normalizer form (Prepend + Replace, what Llama-2's tokenizer.json has) does what llama.cpp does.
def _spm_normalizer(normalizers, add_space_prefix: bool):
    replace = normalizers.Replace(" ", "\u2581")
    return normalizers.Sequence([normalizers.Prepend("\u2581"), replace]) if add_space_prefix else replace


def _spm_decoder(decoders, add_space_prefix: bool):
    steps = [decoders.Replace("\u2581", " "), decoders.ByteFallback(), decoders.Fuse()]
    return decoders.Sequence(steps + [decoders.Strip(" ", 1, 0)] if add_space_prefix else steps)


# tokenizer.ggml.model values the import rebuilds (others: "t5" Unigram, "bert", "gemma4", "rwkv"...).
REBUILT_MODELS = {"gpt2": "byte-level BPE", "llama": "SentencePiece BPE"}


@dataclass(frozen=True)
class GgufTokenizerFields:
    """The `tokenizer.ggml.*` settings that decide how llama.cpp splits text."""
    model: str  # "gpt2" (byte-level BPE), "llama" (SentencePiece BPE), ...
    pre: str | None
    add_space_prefix: bool
    remove_extra_whitespaces: bool

    @classmethod
    def read(cls, reader) -> GgufTokenizerFields:
        from core.models.gguf_config import read_field

        model = str(read_field(reader, "tokenizer.ggml.model"))
        pre = read_field(reader, "tokenizer.ggml.pre", None)
        return cls(model, None if pre is None else str(pre),
                   bool(read_field(reader, "tokenizer.ggml.add_space_prefix", model == "llama")),
                   bool(read_field(reader, "tokenizer.ggml.remove_extra_whitespaces", False)))


def _from_transformers(gguf_path: Path):
    """transformers' own rebuild, with anything it raises turned into a ModelError (it raises ValueError for
    architectures it lacks, dataclass validation errors for configs it misreads, KeyError for fields...)."""
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(gguf_path.parent, gguf_file=gguf_path.name)
    except Exception as exc:  # any failure inside transformers means: it cannot rebuild this tokenizer
        raise ModelError(f"transformers cannot rebuild the tokenizer stored in this GGUF file "
                         f"({type(exc).__name__}: {str(exc).splitlines()[0][:200]})", where=str(gguf_path),
                         fix="use the model's Hugging Face folder (with tokenizer.json) as the source model, "
                             "or a GGUF of a supported architecture") from exc


def build_tokenizer(gguf_path: Path, fields: GgufTokenizerFields):
    """The GGUF's tokenizer as a transformers fast tokenizer (chat template included)."""
    from tokenizers import decoders, normalizers, pre_tokenizers

    if fields.model not in REBUILT_MODELS:
        raise ModelError(f"the GGUF file's tokenizer is of type {fields.model!r}; the import rebuilds "
                         f"{' and '.join(f'{k!r} ({v})' for k, v in REBUILT_MODELS.items())} tokenizers",
                         where=str(gguf_path),
                         fix="use the model's Hugging Face folder (with tokenizer.json) as the source model")
    if fields.remove_extra_whitespaces:
        raise ModelError("the GGUF tokenizer collapses runs of spaces (remove_extra_whitespaces), which no "
                         "Hugging Face tokenizer rebuilt from it reproduces", where=str(gguf_path),
                         fix="use the model's Hugging Face folder (with tokenizer.json) as the source model")
    tokenizer = _from_transformers(gguf_path)
    backend = tokenizer.backend_tokenizer
    if fields.model == "llama":
        backend.normalizer = _spm_normalizer(normalizers, fields.add_space_prefix)
        backend.pre_tokenizer = None
        backend.decoder = _spm_decoder(decoders, fields.add_space_prefix)
    elif fields.pre in BYTE_LEVEL_PRE_TOKENIZERS:
        backend.pre_tokenizer = BYTE_LEVEL_PRE_TOKENIZERS[fields.pre](pre_tokenizers)
    if fields.pre in IGNORES_MERGES:
        backend.model.ignore_merges = True
    return tokenizer


def llama_cpp_token_ids(gguf_path: Path, texts: tuple[str, ...]) -> list[list[int]]:
    """How llama.cpp itself tokenizes `texts` (no BOS, special tokens parsed), from the vocabulary only."""
    import llama_cpp

    try:
        vocab = llama_cpp.Llama(str(gguf_path), vocab_only=True, verbose=False)
    except ValueError as exc:  # llama-cpp-python's "Failed to load model from file"
        raise ModelError("llama.cpp cannot read this file's tokenizer (an unknown tokenizer.ggml.pre, or a "
                         "newer format than this llama.cpp)", where=str(gguf_path),
                         fix="update llama-cpp-python, or use the model's Hugging Face folder") from exc
    try:
        return [vocab.tokenize(text.encode("utf-8"), add_bos=False, special=True) for text in texts]
    finally:
        vocab.close()


def _rendered_chat(tokenizer) -> tuple[str, ...]:
    """The model's own chat template around a short exchange: special tokens inside text, and the
    whitespace after them that some models strip (Phi-3's <|user|>\n: llama.cpp strips it by name)."""
    if not tokenizer.chat_template:
        return ()
    messages = [{"role": "user", "content": "Как дела? Ответь коротко 🙂"}, {"role": "assistant", "content": "Хорошо!"},
                {"role": "user", "content": "What is 17 × 3?"}]
    try:
        return (tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True),)
    except Exception:  # a template that needs other roles or variables: nothing to check
        return ()


def tokenizer_mismatches(gguf_path: Path, tokenizer, texts: tuple[str, ...] = PROBE_TEXTS) -> list[str]:
    """The probe texts on which `tokenizer` and llama.cpp disagree, each with both token id lists."""
    texts = texts + tuple(t for t in (tokenizer.bos_token, tokenizer.eos_token) if t) + _rendered_chat(tokenizer)
    out = []
    for text, expected in zip(texts, llama_cpp_token_ids(gguf_path, texts), strict=True):
        got = tokenizer.encode(text, add_special_tokens=False)
        if got != expected:
            out.append(f"{text!r}: llama.cpp {expected[:12]}..., converted {got[:12]}...")
    return out


def check_tokenizer(gguf_path: Path, tokenizer, texts: tuple[str, ...] = PROBE_TEXTS) -> None:
    mismatches = tokenizer_mismatches(gguf_path, tokenizer, texts)
    if mismatches:
        raise ModelError(
            "the tokenizer rebuilt from the GGUF file splits text differently from llama.cpp:\n  "
            + "\n  ".join(mismatches),
            where=str(gguf_path),
            fix="use the model's Hugging Face folder (with tokenizer.json) as the source model instead")


def import_tokenizer(gguf_path: Path, reader):
    """The GGUF's tokenizer rebuilt for transformers and proven against llama.cpp on the probe texts, or a
    ModelError saying why it cannot be."""
    tokenizer = build_tokenizer(gguf_path, GgufTokenizerFields.read(reader))
    check_tokenizer(gguf_path, tokenizer)
    return tokenizer
