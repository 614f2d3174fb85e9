"""The tokenizer of a Hugging Face folder as GGUF metadata: byte-level BPE as llama.cpp's "gpt2" vocabulary,
SentencePiece BPE as its "llama" one, a Unigram as its "t5" (UGM). The one place that picks the writer."""

from __future__ import annotations

import json
from pathlib import Path

from core.errors import ModelError
from core.export.gguf_vocab import GgufVocab, byte_level_vocab
from core.export.gguf_vocab_spm import is_sentencepiece_bpe, sentencepiece_vocab
from core.export.gguf_vocab_ugm import is_unigram, unigram_vocab


def vocab_from_hf(hf_dir: Path, n_rows: int) -> GgufVocab:
    """The tokenizer of an HF folder as GGUF metadata for a model with `n_rows` embedding rows."""
    from transformers import AutoTokenizer

    where = str(Path(hf_dir) / "tokenizer.json")
    tokenizer = AutoTokenizer.from_pretrained(hf_dir)
    if not tokenizer.is_fast:
        raise ModelError("the tokenizer has no tokenizer.json (fast tokenizer)", where=str(hf_dir),
                         fix="save the tokenizer with transformers so that tokenizer.json is written")
    state = json.loads(tokenizer.backend_tokenizer.to_str())
    if is_sentencepiece_bpe(state):
        return sentencepiece_vocab(tokenizer, state, n_rows, where)
    if is_unigram(state):
        return unigram_vocab(tokenizer, state, n_rows, where)
    return byte_level_vocab(tokenizer, state, n_rows, where)
