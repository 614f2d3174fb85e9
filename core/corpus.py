"""Reading corpus files: plain text, gzip, JSONL, or folders of them, streamed document by document.

Bad files stop the read with an error naming the file and the line or byte where it went wrong:
training on silently skipped text is worse than not training.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from core.errors import CorpusError

TEXT_SUFFIXES = (".txt", ".txt.gz", ".jsonl", ".jsonl.gz", ".json.gz", ".md")


@dataclass(frozen=True)
class Document:
    text: str
    source: str  # "file:line", for error messages and provenance


def corpus_files(paths: list[str] | tuple[str, ...]) -> list[Path]:
    """The files named, folders expanded to the text files inside them (sorted, so runs repeat)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.name.endswith(TEXT_SUFFIXES))
            if not found:
                raise CorpusError("the folder holds no text files", where=str(path),
                                  fix=f"put files ending in {', '.join(TEXT_SUFFIXES)} there")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise CorpusError("no such file or folder", where=str(path), fix="check the path in [corpus]")
    return files


def iter_documents(path: Path, text_field: str = "text") -> Iterator[Document]:
    """Paragraphs of a text file, or records of a JSONL file; memory stays flat whatever the size."""
    jsonl = ".jsonl" in path.name or path.name.endswith(".json.gz")
    opener = gzip.open if path.name.endswith(".gz") else open
    yielded = False
    try:
        with opener(path, "rb") as raw:
            lines = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
            reader = _jsonl_records(lines, path, text_field) if jsonl else _paragraphs(lines, path)
            for doc in reader:
                yielded = True
                yield doc
    except UnicodeDecodeError as exc:
        raise CorpusError(f"not UTF-8 text (byte {exc.start} of a block cannot be decoded)", where=str(path),
                          fix="convert the file to UTF-8, e.g. `iconv -f cp1251 -t utf-8`") from None
    except (OSError, EOFError) as exc:
        raise CorpusError(f"cannot read: {exc}", where=str(path), fix="check the file is complete") from None
    if not yielded:
        raise CorpusError("the file holds no text", where=str(path), fix="remove it from [corpus] or fill it")


def _paragraphs(lines: Iterator[str], path: Path) -> Iterator[Document]:
    buf: list[str] = []
    start = 1
    for number, line in enumerate(lines, 1):
        if "\x00" in line:
            raise CorpusError("binary data (NUL bytes), not text", where=f"{path}:{number}",
                              fix="remove binary files from the corpus")
        if line.strip():
            if not buf:
                start = number
            buf.append(line)
        elif buf:
            yield Document("".join(buf).strip("\n"), f"{path}:{start}")
            buf = []
    if buf:
        yield Document("".join(buf).strip("\n"), f"{path}:{start}")


def _jsonl_records(lines: Iterator[str], path: Path, field: str) -> Iterator[Document]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"not valid JSON ({exc.msg})", where=where, fix="fix or remove that line") from None
        if not isinstance(record, dict) or field not in record:
            raise CorpusError(f"the record has no {field!r} field", where=where,
                              fix=f"set [corpus] text_field to the field that holds the text")
        if not isinstance(record[field], str):
            raise CorpusError(f"{field!r} is not a string", where=where, fix="store the text as a string")
        if record[field].strip():
            yield Document(record[field], where)
