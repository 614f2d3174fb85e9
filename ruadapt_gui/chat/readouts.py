"""The numbers shown under an answer: while it streams (counted here, timed by the studio's clock) and
once it is done (llama.cpp's exact counts and timings from the worker's `done` stats).

The formulas are GenerationStats' own (core.inference.speed serves both), so the live figures turn into the
final ones without a jump in meaning."""

from __future__ import annotations

from dataclasses import dataclass

from core.inference.speed import SpeedFigures, SpeedReadings, speed_figures, words_in


@dataclass(frozen=True)
class Readout(SpeedReadings):
    prompt_tokens: int = 0
    answer_tokens: int = 0
    chars: int = 0
    words: int = 0
    ttft_s: float | None = None  # None until the first token arrives
    decode_s: float = 0.0
    final: bool = False          # llama.cpp's figures (the answer is done), not the live estimate

    @property
    def speed(self) -> SpeedFigures:
        return speed_figures(self.answer_tokens, self.chars, self.words, self.decode_s)

    def as_dict(self) -> dict:
        return {"prompt_tokens": self.prompt_tokens, "answer_tokens": self.answer_tokens, "chars": self.chars,
                "words": self.words, "ttft_s": self.ttft_s, "decode_s": self.decode_s,
                "tokens_per_s": self.tokens_per_s, "chars_per_s": self.chars_per_s,
                "words_per_s": self.words_per_s, "chars_per_token": self.chars_per_token, "final": self.final}


def final_readout(stats: dict) -> Readout:
    """From the worker's `done` stats (GenerationStats.as_dict())."""
    return Readout(stats["prompt_tokens"], stats["completion_tokens"], stats["chars"], stats["words"],
                   stats["ttft_s"] if stats["completion_tokens"] else None, stats["decode_s"], final=True)


@dataclass
class LiveCount:
    """What has streamed in so far for one answer, with the studio's timestamps (time.monotonic())."""
    sent_at: float
    text: str = ""
    prompt_tokens: int = 0
    answer_tokens: int = 0
    first_at: float | None = None
    last_at: float | None = None

    def add(self, text: str, answer_tokens: int, prompt_tokens: int, now: float) -> None:
        self.text += text
        self.answer_tokens, self.prompt_tokens = answer_tokens, prompt_tokens
        if self.first_at is None:
            self.first_at = now
        self.last_at = now

    def readout(self) -> Readout:
        if self.first_at is None:
            return Readout(self.prompt_tokens)
        return Readout(self.prompt_tokens, self.answer_tokens, len(self.text), len(words_in(self.text)),
                       self.first_at - self.sent_at, self.last_at - self.first_at)


@dataclass(frozen=True)
class Ratio:
    """How one side compares with the first: factors above 1 favour this side."""
    fewer_prompt_tokens: float | None   # first's prompt tokens / this side's (same text, fewer tokens: > 1)
    chars_per_token: float | None       # this side's characters per token / first's
    chars_per_s: float | None           # this side's characters/s / first's
    tokens_per_s: float | None


def compare(first: Readout, other: Readout) -> Ratio:
    def ratio(a: float, b: float) -> float | None:
        return a / b if a > 0 and b > 0 else None

    return Ratio(ratio(first.prompt_tokens, other.prompt_tokens),
                 ratio(other.chars_per_token, first.chars_per_token),
                 ratio(other.chars_per_s, first.chars_per_s), ratio(other.tokens_per_s, first.tokens_per_s))
