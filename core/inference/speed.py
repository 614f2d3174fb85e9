"""Generation speed, one set of formulas for llama.cpp's final figures (GenerationStats), the studio's live
readouts and the speed benchmark, and the one definition of a word they count (also token_stats').

Tokens per second count the gaps between answer tokens (the first one's time is the time to first token);
characters and words per second scale that by the answer's characters and words per token."""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"\w+")  # a run of letters, digits or underscores: Cyrillic words count like Latin ones


def words_in(text: str) -> list[str]:
    return WORD.findall(text)


@dataclass(frozen=True)
class SpeedFigures:
    tokens_per_s: float
    chars_per_s: float
    words_per_s: float
    chars_per_token: float


def speed_figures(answer_tokens: int, chars: int, words: int, decode_s: float) -> SpeedFigures:
    tokens_per_s = (answer_tokens - 1) / decode_s if decode_s > 0 else 0.0
    if not answer_tokens:
        return SpeedFigures(tokens_per_s, 0.0, 0.0, 0.0)
    return SpeedFigures(tokens_per_s, chars * tokens_per_s / answer_tokens, words * tokens_per_s / answer_tokens,
                        chars / answer_tokens)


class SpeedReadings:
    """The four figures as attributes, for a class whose `speed` property gives its SpeedFigures."""

    speed: SpeedFigures
    tokens_per_s = property(lambda self: self.speed.tokens_per_s)
    chars_per_s = property(lambda self: self.speed.chars_per_s)
    words_per_s = property(lambda self: self.speed.words_per_s)
    chars_per_token = property(lambda self: self.speed.chars_per_token)
