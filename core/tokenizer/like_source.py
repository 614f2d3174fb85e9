"""A new tokenizer that keeps the source's conventions around a new model."""

from __future__ import annotations

from tokenizers import Tokenizer


def new_like(source: Tokenizer, model) -> Tokenizer:
    """A tokenizer with `model` and the source's normalizer, pre-tokenizer, decoder, post-processor."""
    tok = Tokenizer(model)
    for part in ("normalizer", "pre_tokenizer", "decoder", "post_processor"):
        value = getattr(source, part)
        if value is not None:
            setattr(tok, part, value)
    return tok
