"""How many tokens a tokenizer spends on a text."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from core.inference.speed import words_in
from core.tokenizer.token_bytes import token_bytes
from core.tokenizer.train import is_byte_level


@dataclass(frozen=True)
class TokenEfficiency:
    chars: int
    words: int
    tokens: int
    chars_per_token: float
    tokens_per_word: float
    split_3plus_share: float  # share of words cut into 3 or more tokens

    def as_dict(self) -> dict:
        return asdict(self)


def token_efficiency(tokenizer, text: str) -> TokenEfficiency:
    """`tokenizer` is a Hugging Face tokenizer; special tokens are not counted."""
    tokens = len(tokenizer(text, add_special_tokens=False)["input_ids"])
    words = words_in(text)
    pieces = tokenizer([" " + w for w in words], add_special_tokens=False)["input_ids"] if words else []
    split = sum(1 for p in pieces if len(p) >= 3)
    return TokenEfficiency(
        chars=len(text), words=len(words), tokens=tokens,
        chars_per_token=len(text) / tokens if tokens else 0.0,
        tokens_per_word=tokens / len(words) if words else 0.0,
        split_3plus_share=split / len(words) if words else 0.0,
    )


def characters_per_token_id(tokenizer) -> list[int]:
    """For each token id, the characters it writes: the UTF-8 bytes it holds that start a character, so a
    byte piece of a letter counts its share exactly (the lead byte 1, a continuation byte 0) and the
    pieces of a text add up to its length. Special tokens write none."""
    byte_level = is_byte_level(tokenizer.backend_tokenizer)
    special = set(tokenizer.all_special_ids)
    tokens = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
    return [0 if i in special or t is None else sum(1 for b in token_bytes(t, byte_level) if not 0x80 <= b < 0xC0)
            for i, t in enumerate(tokens)]
