"""Writing tokenizers as Hugging Face folders that AutoTokenizer loads, in transformers 5 and 4.x alike."""

from __future__ import annotations

import json
from pathlib import Path

from tokenizers import Tokenizer
from transformers import PreTrainedTokenizerFast

from core.jobs.rundir import write_json_atomic

# transformers 5 records fast tokenizers as "TokenizersBackend", or as a model's own class (GemmaTokenizer,
# LlamaTokenizer) that rebuilds parts of the pipeline on load instead of reading tokenizer.json. transformers
# 4.x, and llama.cpp's convert_hf_to_gguf.py under its pinned requirements (4.57), have no
# TokenizersBackend ("Tokenizer class TokenizersBackend does not exist"). Both generations load
# PreTrainedTokenizerFast from tokenizer.json exactly as written, with the special tokens the config names.
PORTABLE_CLASS = "PreTrainedTokenizerFast"
SPECIAL_KEYS = ("bos_token", "eos_token", "unk_token", "pad_token")


def save_tokenizer(tokenizer, out_dir: Path | str) -> None:
    """`tokenizer.save_pretrained(out_dir)`, with a tokenizer_config.json both transformers generations read."""
    tokenizer.save_pretrained(out_dir)
    path = Path(out_dir) / "tokenizer_config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    config["tokenizer_class"] = PORTABLE_CLASS
    for key in SPECIAL_KEYS:
        value = getattr(tokenizer, key, None)
        if isinstance(value, str):
            config[key] = value
    write_json_atomic(path, config)


def save_like_source(tokenizer: Tokenizer, source_hf, out_dir: Path) -> PreTrainedTokenizerFast:
    """Save `tokenizer` with the source's special tokens, chat template and length limit."""
    specials = {k: v for k, v in source_hf.special_tokens_map.items()
                if k in SPECIAL_KEYS and isinstance(v, str)}
    hf = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, chat_template=source_hf.chat_template,
        model_max_length=source_hf.model_max_length, clean_up_tokenization_spaces=False, **specials)
    save_tokenizer(hf, out_dir)
    return hf
