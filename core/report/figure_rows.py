"""The evaluation's tables as rows of text: one source for the report (report.md / report.html) and the
studio's results page, which names the languages and models in its own language (`name`)."""

from __future__ import annotations

from collections.abc import Callable

from core.evaluation.darucopy import CopyTaskScore
from core.stages.results import EvaluateResult

LANGS = {"ru": "Russian", "en": "English"}
Name = Callable[[str], str]  # a language ("ru", "en") or a model ("original", "adapted") → its shown name


def english(key: str) -> str:
    return LANGS.get(key, key)


def figure(value: float | None, fmt: str = "{:.2f}") -> str:
    return "–" if value is None else fmt.format(value)


def token_rows(m: EvaluateResult, name: Name = english) -> list[list[str]]:
    """Text, model, tokens, characters / token, tokens / word, words in 3+ pieces."""
    return [[name(lang), name(side), f"{t.tokens:,}", figure(t.chars_per_token), figure(t.tokens_per_word),
             figure(t.split_3plus_share, "{:.0%}")]
            for lang in m.languages() for side, figures in m.sides() for t in [figures.tokens(lang)]]


def bpc_rows(m: EvaluateResult, name: Name = english) -> list[list[str]]:
    """Text, original, adapted: held-out bits per character."""
    return [[name(lang), figure(m.original.bpc(lang), "{:.3f}"), figure(m.adapted.bpc(lang), "{:.3f}")]
            for lang in m.languages()]


def copy_cells(copy: dict[str, CopyTaskScore] | None, tasks: list[str]) -> list[str]:
    """Each task's main figure (len for sentences, lcs for paragraphs), a dash where it was not run."""
    return [figure(copy[task].main if copy and task in copy else None) for task in tasks]


def copy_rows(m: EvaluateResult, tasks: list[str], name: Name = english) -> list[list[str]]:
    """Model, then each DaruCopy task's main figure, for the models that ran the copy task."""
    return [[name(side), *copy_cells(figures.copy, tasks)] for side, figures in m.sides() if figures.copy is not None]


def speed_rows(m: EvaluateResult, lang: str, name: Name = english) -> list[list[str]]:
    """Model, characters/s (min–max), tokens/s, characters / token, Cyrillic share, on one language's prompts."""
    return [[name(side), f"{r.chars_per_s:.1f} ({r.chars_per_s_min:.1f}–{r.chars_per_s_max:.1f})",
             f"{r.tokens_per_s:.1f}", figure(r.chars_per_token), f"{r.cyrillic_share:.0%}"]
            for (side, _), r in zip(m.sides(), m.speed.rows(lang))]


def first_choice_rows(m: EvaluateResult, name: Name = english) -> list[list[str]]:
    """Text, model, characters per token of the held-out text in its tokenizer, of the model's first choice
    there, and of its greedy generation on the speed prompts: why the speed-up is smaller than the savings."""
    return [[name(lang), name(side), figure(figures.tokens(lang).chars_per_token), figure(figures.top1_chars(lang)),
             figure(r.chars_per_token)]
            for lang in m.languages() for (side, figures), r in zip(m.sides(), m.speed.rows(lang))]
