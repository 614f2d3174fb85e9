"""Writing a trained tokenizer as a Hugging Face folder that AutoTokenizer loads."""

from __future__ import annotations

from pathlib import Path

from tokenizers import Tokenizer
from transformers import PreTrainedTokenizerFast


def save_like_source(tokenizer: Tokenizer, source_hf, out_dir: Path) -> PreTrainedTokenizerFast:
    """Save `tokenizer` with the source's special tokens, chat template and length limit."""
    specials = {k: v for k, v in source_hf.special_tokens_map.items()
                if k in ("bos_token", "eos_token", "unk_token", "pad_token") and isinstance(v, str)}
    hf = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, chat_template=source_hf.chat_template,
        model_max_length=source_hf.model_max_length, clean_up_tokenization_spaces=False, **specials)
    hf.save_pretrained(out_dir)
    return hf
