"""The copy task (DaruCopy style): can the model repeat a passage exactly?

A model whose new embeddings are poorly aligned loses the ability to reproduce text it reads; the
copy task measures it directly. Sentence level: min(len_pred/len_src, len_src/len_pred), averaged.
Paragraph level: share of outputs whose longest common subsequence covers ≥ 0.99 of the source.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

import torch

PROMPT = "Повтори этот текст в точности, ничего не добавляя и не изменяя:\n\n{passage}"
LCS_THRESHOLD = 0.99


def lcs_length(a: str, b: str) -> int:
    """Longest common subsequence of two strings, O(len(a)·len(b)) time, O(len(b)) memory."""
    if len(a) < len(b):
        a, b = b, a
    previous = [0] * (len(b) + 1)
    for ch in a:
        current = [0]
        for j, other in enumerate(b, 1):
            current.append(previous[j - 1] + 1 if ch == other else max(previous[j], current[j - 1]))
        previous = current
    return previous[-1]


def length_ratio(pred: str, src: str) -> float:
    if not pred or not src:
        return 0.0
    return min(len(pred) / len(src), len(src) / len(pred))


def covers(pred: str, src: str, threshold: float = LCS_THRESHOLD) -> bool:
    return bool(src) and lcs_length(pred, src) / len(src) >= threshold


@dataclass(frozen=True)
class CopyScore:
    sentence: float     # mean length ratio
    paragraph: float    # share of passages reproduced (LCS ≥ 0.99)
    n: int
    examples: list      # [(source, output)] for the report

    def as_dict(self) -> dict:
        return asdict(self)


def passages_from(text: str, n: int, min_chars: int = 40, max_chars: int = 300) -> list[str]:
    """Up to `n` sentence groups of reasonable length from held-out text, in order (repeatable)."""
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


def copy_prompt(tokenizer, passage: str) -> str:
    message = PROMPT.format(passage=passage)
    if tokenizer.chat_template:
        return tokenizer.apply_chat_template([{"role": "user", "content": message}], tokenize=False,
                                             add_generation_prompt=True)
    return message + "\n\n"


@torch.no_grad()
def copy_task_score(model, tokenizer, passages: list[str]) -> CopyScore:
    device = next(model.parameters()).device
    outputs = []
    for passage in passages:
        ids = tokenizer(copy_prompt(tokenizer, passage), add_special_tokens=False, return_tensors="pt")["input_ids"]
        budget = int(len(tokenizer(passage, add_special_tokens=False)["input_ids"]) * 1.5) + 8
        out = model.generate(ids.to(device), max_new_tokens=budget, do_sample=False,
                             eos_token_id=tokenizer.eos_token_id, pad_token_id=tokenizer.pad_token_id)
        outputs.append(tokenizer.decode(out[0, ids.shape[1]:], skip_special_tokens=True).strip())
    return CopyScore(
        sentence=sum(length_ratio(o, p) for o, p in zip(outputs, passages)) / max(1, len(passages)),
        paragraph=sum(covers(o, p) for o, p in zip(outputs, passages)) / max(1, len(passages)),
        n=len(passages), examples=list(zip(passages, outputs))[:3])
