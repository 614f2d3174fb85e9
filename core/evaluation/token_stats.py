"""How many tokens a tokenizer spends on a text."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from core.inference.speed import words_in


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
