"""Prompt sets for annotation: one per line (.txt), JSONL (a "prompt" or "text" field) or CSV (a
"prompt" or "text" column, else the first). Bad rows are reported by line and the good ones kept."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from core.errors import CorpusError

FIELDS = ("prompt", "text", "question", "instruction")


@dataclass(frozen=True)
class PromptSet:
    prompts: list[str]
    problems: list[str]  # "file:line: what", rows that were skipped


def load_prompts(path: Path | str) -> PromptSet:
    path = Path(path)
    if not path.is_file():
        raise CorpusError("the prompt file does not exist", where=str(path), fix="choose a .txt, .jsonl or .csv file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CorpusError("not UTF-8 text", where=str(path), fix="save the file as UTF-8") from None
    prompts, problems = [], []
    if path.suffix.lower() in (".jsonl", ".json"):
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                value = next(record[f] for f in FIELDS if isinstance(record, dict) and f in record)
                if not isinstance(value, str) or not value.strip():
                    raise ValueError
                prompts.append(value.strip())
            except (json.JSONDecodeError, StopIteration, ValueError, TypeError):
                problems.append(f"{path}:{number}: not a JSON object with a non-empty "
                                f"{' / '.join(repr(f) for f in FIELDS)} field")
    elif path.suffix.lower() == ".csv":
        rows = list(csv.reader(text.splitlines()))
        header = [h.strip().lower() for h in rows[0]] if rows else []
        column = next((header.index(f) for f in FIELDS if f in header), None)
        body = rows[1:] if column is not None else rows
        column = column or 0
        for number, row in enumerate(body, 2 if body is not rows else 1):
            if len(row) <= column or not row[column].strip():
                problems.append(f"{path}:{number}: empty prompt")
            else:
                prompts.append(row[column].strip())
    else:
        prompts = [line.strip() for line in text.splitlines() if line.strip()]
    if not prompts:
        raise CorpusError("no usable prompt in the file", where=str(path),
                          fix="one prompt per line (.txt), a 'prompt' field (.jsonl) or column (.csv)")
    return PromptSet(prompts, problems)
