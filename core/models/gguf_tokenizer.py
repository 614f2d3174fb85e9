"""The tokenizer inside a GGUF file, as a Hugging Face tokenizer, checked against llama.cpp's own.

transformers rebuilds the tokenizer from the GGUF metadata. Its table of pre-tokenizers (the regex that
splits text before BPE) lacks some names llama.cpp knows; those fall back to GPT-2's split, which can
cut digits differently. We set the pre-tokenizer the model's own tokenizer.json uses for the names we
know, then prove the result by tokenizing probe texts with llama.cpp: a GGUF import never silently
changes how text becomes tokens.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import ModelError

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

# Russian and English prose, digits, runs of spaces and newlines, and chat markup: where splits differ.
PROBE_TEXTS = (
    "Привет, мир! Как у тебя дела сегодня?",
    "Москва — столица России. В 1147 году её впервые упомянули в летописи…",
    "The quick brown fox jumps over the lazy dog; it's 2024, isn't it?",
    "  два  пробела\n\nи\tтабуляция, числа 12345 и 3.14159",
    "Ёжик в тумане: «ёлки-палки», don't you'll I'M",
)


def build_tokenizer(gguf_path: Path, pre: str | None):
    """The GGUF's tokenizer as a transformers fast tokenizer (chat template included)."""
    from tokenizers import pre_tokenizers
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(gguf_path.parent, gguf_file=gguf_path.name)
    if pre in BYTE_LEVEL_PRE_TOKENIZERS:
        tokenizer.backend_tokenizer.pre_tokenizer = BYTE_LEVEL_PRE_TOKENIZERS[pre](pre_tokenizers)
    if pre in IGNORES_MERGES:
        tokenizer.backend_tokenizer.model.ignore_merges = True
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


def tokenizer_mismatches(gguf_path: Path, tokenizer, texts: tuple[str, ...] = PROBE_TEXTS) -> list[str]:
    """The probe texts on which `tokenizer` and llama.cpp disagree, each with both token id lists."""
    texts = texts + tuple(t for t in (tokenizer.bos_token, tokenizer.eos_token) if t)
    out = []
    for text, expected in zip(texts, llama_cpp_token_ids(gguf_path, texts), strict=True):
        got = tokenizer.encode(text, add_special_tokens=False)
        if got != expected:
            out.append(f"{text!r}: llama.cpp {expected[:12]}..., converted {got[:12]}...")
    return out


def check_tokenizer(gguf_path: Path, tokenizer) -> None:
    mismatches = tokenizer_mismatches(gguf_path, tokenizer)
    if mismatches:
        raise ModelError(
            "the tokenizer rebuilt from the GGUF file splits text differently from llama.cpp:\n  "
            + "\n  ".join(mismatches),
            where=str(gguf_path),
            fix="use the model's Hugging Face folder (with tokenizer.json) as the source model instead")
