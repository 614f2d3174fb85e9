"""Instruction data for calibration: chats in the model's template, loss on assistant tokens only."""

from __future__ import annotations

import json
import random
from pathlib import Path

import torch

from core.errors import CorpusError
from core.evaluation.darucopy import PROMPTS
from core.training.data import example_indices

IGNORE = -100  # label of tokens the loss skips (prompt, system, padding)


def load_chats(path: Path) -> list[list[dict]]:
    """JSONL, one `{"messages": [{"role": ..., "content": ...}, ...]}` per line."""
    chats = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                messages = json.loads(line)["messages"]
                if not all(isinstance(m["content"], str) and m["role"] in ("system", "user", "assistant")
                           for m in messages):
                    raise ValueError
            except (json.JSONDecodeError, KeyError, TypeError, ValueError):
                raise CorpusError('not a chat: expected {"messages": [{"role": "user"|"assistant"|"system", '
                                  '"content": "..."}]}', where=where, fix="fix or remove that line") from None
            if any(m["role"] == "assistant" for m in messages):
                chats.append(messages)
    if not chats:
        raise CorpusError("no chat with an assistant answer", where=str(path), fix="add chats with answers")
    return chats


def copy_chats(passages: list[str], lang: str = "ru") -> list[list[dict]]:
    """The copy task as chats, in DaruCopy's prompt: the passage asked to be repeated, then repeated."""
    return [[{"role": "user", "content": PROMPTS[lang].format(text=p)}, {"role": "assistant", "content": p}]
            for p in passages]


def tokenize_chat(tokenizer, messages: list[dict], max_length: int) -> tuple[list[int], list[int]]:
    """(ids, labels): labels are the ids on assistant turns and IGNORE elsewhere."""
    ids = tokenizer.apply_chat_template(messages, tokenize=True, return_dict=True)["input_ids"]
    labels = [IGNORE] * len(ids)
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        start = len(tokenizer.apply_chat_template(messages[:i], tokenize=True, add_generation_prompt=True,
                                                  return_dict=True)["input_ids"])
        end = len(tokenizer.apply_chat_template(messages[:i + 1], tokenize=True, return_dict=True)["input_ids"])
        labels[start:end] = ids[start:end]
    return ids[:max_length], labels[:max_length]


def mix(sft: list[list[dict]], copies: list[list[dict]], copy_ratio: float, seed: int) -> list[list[dict]]:
    """SFT chats and copy-task chats with about `copy_ratio` of the result being copy tasks."""
    if not sft:
        return copies
    if copy_ratio <= 0 or not copies:
        return sft
    n_copy = min(len(copies), round(len(sft) * copy_ratio / max(1e-9, 1 - copy_ratio)))
    chosen = random.Random(seed).sample(copies, n_copy)
    return sft + chosen


class SftExamples:
    """Chats as padded micro-batches (right padding, attention mask, IGNORE labels)."""

    def __init__(self, tokenizer, chats: list[list[dict]], max_length: int) -> None:
        self.examples = [tokenize_chat(tokenizer, c, max_length) for c in chats]
        self.examples = [e for e in self.examples if any(label != IGNORE for label in e[1])]
        if not self.examples:
            raise CorpusError("no calibration example keeps an assistant token within max_length",
                              where="[calibration]", fix="raise max_length or shorten the prompts")
        self.pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
        self.tokens_per_example = max(len(ids) for ids, _ in self.examples)
        self.eval_window = max_length

    def micro_batch(self, index: int, batch_size: int, seed: int) -> dict[str, torch.Tensor]:
        chosen = [self.examples[i] for i in example_indices(len(self.examples), index, batch_size, seed)]
        width = max(len(ids) for ids, _ in chosen)
        ids = torch.full((len(chosen), width), self.pad_id)
        labels = torch.full((len(chosen), width), IGNORE)
        mask = torch.zeros((len(chosen), width), dtype=torch.long)
        for row, (i, l) in enumerate(chosen):
            ids[row, :len(i)], labels[row, :len(l)], mask[row, :len(i)] = torch.tensor(i), torch.tensor(l), 1
        return {"input_ids": ids, "labels": labels, "attention_mask": mask}
