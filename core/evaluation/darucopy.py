"""DaruCopy as llmtf defines it (RefalMachine/llmtf_open, `llmtf/tasks/darumeru.py`, class CopyText).

Can the model repeat a text exactly? Tasks `darumeru/cp_{level}_{lang}`, level `sent` (sentences) or
`para` (paragraphs), lang `ru` or `en`; each output is scored as llmtf scores it:
- `len`: token-level length ratio min(p/s, s/p), p = tokens generated (the stop token included, as
  generate returns them), s = the source's tokens (a space prepended for tokenizers without a leading
  space, as llmtf does), capped at the task's max new tokens (128 sent, 1024 para);
- `lcs`: 1 when difflib's matching blocks between source and output cover ≥ 0.99 of the source's
  characters (both stripped), else 0;
- `symbol_per_token`: output characters per generated token (+1).
The main figure is `len` for sentences and `lcs` for paragraphs (llmtf's `main_metric`).

llmtf's test sets and its prompt live in the Hugging Face dataset RefalMachine/darumeru, which an
offline machine cannot reach: here the sets are sentences and paragraphs of the held-out text, and the
prompt (PROMPTS) is ours, sent the way llmtf sends its own: one user turn through the chat template.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from difflib import SequenceMatcher

LEVELS = {"sent": 128, "para": 1024}  # llmtf's max new tokens per level
MAIN_METRIC = {"sent": "len", "para": "lcs"}
LCS_THRESHOLD = 0.99
PROMPTS = {
    "ru": "Повтори этот текст в точности, ничего не добавляя и не изменяя:\n\n{text}",
    "en": "Repeat this text exactly, without adding or changing anything:\n\n{text}",
}


def task_name(level: str, lang: str) -> str:
    return f"darumeru/cp_{level}_{lang}"


def leading_space(tokenizer) -> bool:
    """llmtf's test: does the tokenizer put a space (a separate token, or a marker in the token) before
    a lone character? SentencePiece-style tokenizers do; byte-level BPE does not."""
    ids = tokenizer("1", add_special_tokens=False)["input_ids"]
    return len(ids) > 1 or len(tokenizer.convert_ids_to_tokens(ids)[0]) != 1


def length_score(predicted_tokens: int, source_tokens: int, max_new_tokens: int) -> float:
    """llmtf's `len`: min(p/s, s/p) with the source's count capped at the generation budget."""
    source = min(source_tokens, max_new_tokens)
    if not predicted_tokens or not source:
        return 0.0
    return min(predicted_tokens / source, source / predicted_tokens)


def lcs_score(output: str, source: str) -> float:
    """llmtf's `lcs`: 1.0 when difflib's matching blocks cover ≥ 0.99 of the (stripped) source."""
    a, b = source.strip(), output.strip()
    if not a:
        return 0.0
    matched = sum(block.size for block in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return float(matched / len(a) >= LCS_THRESHOLD)


@dataclass(frozen=True)
class CopyTaskScore:
    task: str                # darumeru/cp_sent_ru …
    level: str
    lang: str
    len: float               # mean token-length ratio
    lcs: float               # share of outputs reproducing ≥ 99% of the source
    symbol_per_token: float
    n: int
    examples: list           # [(source, output)], the first few, for the report

    @property
    def main(self) -> float:
        return getattr(self, MAIN_METRIC[self.level])

    def as_dict(self) -> dict:
        return {**asdict(self), "main_metric": MAIN_METRIC[self.level], "main": self.main}


def sentences_from(text: str, n: int, min_words: int = 5, max_chars: int = 300) -> list[str]:
    """Up to `n` sentences of the held-out text, in order (repeatable)."""
    out = []
    for sentence in re.split(r"(?<=[.!?…])\s+", text):
        sentence = " ".join(sentence.split())
        if len(sentence.split()) >= min_words and len(sentence) <= max_chars:
            out.append(sentence)
        if len(out) == n:
            break
    return out


def paragraphs_from(text: str, n: int, min_sentences: int = 2, min_words: int = 25,
                    max_chars: int = 1500) -> list[str]:
    """Up to `n` paragraphs (blank-line or line separated) of two sentences or more, or one long one
    (`min_words`), in order."""
    blocks = re.split(r"\n\s*\n", text) if "\n\n" in text else text.splitlines()
    out = []
    for block in blocks:
        block = " ".join(block.split())
        long_enough = (len(re.findall(r"[.!?…](?:\s|$)", block)) >= min_sentences
                       or len(block.split()) >= min_words)
        if long_enough and len(block) <= max_chars:
            out.append(block)
        if len(out) == n:
            break
    return out


def passages_from(text: str, n: int, min_chars: int = 40, max_chars: int = 300) -> list[str]:
    """Up to `n` sentence groups of 40–300 characters, in order: the calibration's copy-task examples."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?…])\s+", text) if s.strip()]
    out, buf = [], ""
    for sentence in sentences:
        buf = f"{buf} {sentence}".strip()
        if len(buf) >= min_chars:
            if len(buf) <= max_chars:
                out.append(buf)
            buf = ""
        if len(out) == n:
            break
    return out


def copy_sets(texts: dict[str, str], n: int) -> dict[tuple[str, str], list[str]]:
    """(level, lang) → sources, for each language's held-out text; empty sets left out."""
    sets = {}
    for lang, text in texts.items():
        for level, pick in (("sent", sentences_from), ("para", paragraphs_from)):
            if n and lang in PROMPTS and (sources := pick(text, n)):
                sets[(level, lang)] = sources
    return sets


def copy_prompt(tokenizer, source: str, lang: str) -> str:
    message = PROMPTS[lang].format(text=source)
    if tokenizer.chat_template:
        return tokenizer.apply_chat_template([{"role": "user", "content": message}], tokenize=False,
                                             add_generation_prompt=True)
    return message + "\n\n"


def copy_task(model, tokenizer, sources: list[str], level: str, lang: str, max_new_tokens: int = 0) -> CopyTaskScore:
    """One llmtf CopyText task; `max_new_tokens` (0 = llmtf's) only shortens generation, never the
    reference cap. (torch is imported here: the studio reads this module's names without it.)"""
    import torch

    with torch.no_grad():
        return _copy_task(model, tokenizer, sources, level, lang, max_new_tokens)


def _copy_task(model, tokenizer, sources, level, lang, max_new_tokens) -> CopyTaskScore:
    from core.evaluation.batched_generate import greedy_answers

    cap = LEVELS[level]
    budget = min(cap, max_new_tokens) if max_new_tokens else cap
    space = "" if leading_space(tokenizer) else " "
    lens, lcss, spts, examples = [], [], [], []
    answers = greedy_answers(model, tokenizer, [copy_prompt(tokenizer, s, lang) for s in sources], budget)
    for source, generated in zip(sources, answers):
        text = tokenizer.decode(generated, skip_special_tokens=True)
        if not generated or not text.strip():
            lens.append(0.0), lcss.append(0.0), spts.append(0.0)
        else:
            source_tokens = len(tokenizer(space + source, add_special_tokens=False)["input_ids"])
            lens.append(length_score(len(generated), source_tokens, cap))
            lcss.append(lcs_score(text, source))
            spts.append(len(text) / (1 + len(generated)))
        examples.append((source, text.strip()))
    n = max(1, len(sources))
    return CopyTaskScore(task_name(level, lang), level, lang, sum(lens) / n, sum(lcss) / n, sum(spts) / n,
                         len(sources), examples[:3])


def darucopy(model, tokenizer, sets: dict[tuple[str, str], list[str]], max_new_tokens: int = 0) -> dict:
    """Every task of `sets` (see `copy_sets`): task name → score dict (JSON, for stage results)."""
    return {task_name(level, lang): copy_task(model, tokenizer, sources, level, lang, max_new_tokens).as_dict()
            for (level, lang), sources in sets.items()}


def describe(after: dict, before: dict | None = None) -> str:
    """'DaruCopy cp_sent_ru len 0.41 → 0.93, cp_para_ru lcs 0.00 → 0.50' for a stage summary."""
    parts = []
    for task, score in after.items():
        value = f"{score['main']:.2f}"
        if before and task in before:
            value = f"{before[task]['main']:.2f} → {value}"
        parts.append(f"{task.removeprefix('darumeru/')} {score['main_metric']} {value}")
    return "DaruCopy " + ", ".join(parts) if parts else ""


TASK_ORDER = tuple(task_name(level, lang) for lang in ("ru", "en") for level in LEVELS)


def tasks_in(*results: dict | None) -> list[str]:
    """The tasks any of `results` (task → score dicts) has, in a fixed order (Russian first)."""
    present = {task for result in results if result for task in result}
    return [task for task in TASK_ORDER if task in present]


def column(task: str) -> str:
    """A table column: the llmtf task and its main figure, 'cp_sent_ru (len)'."""
    return f"{task.removeprefix('darumeru/')} ({MAIN_METRIC[task.split('_')[1]]})"
