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
# Longer paragraphs (a whole book on one line) are cut into pieces this long, at a sentence or word end:
# tokenizers take memory in proportion to the longest text, and a split needs more than one paragraph.
MAX_DOC_CHARS = 16_384


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
    """Paragraphs of a text file, or records of a JSONL file, each at most MAX_DOC_CHARS long (longer ones come
    in pieces); memory stays flat whatever the size, and whatever the length of a line."""
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


def _cut(text: str) -> tuple[str, str]:
    """Split `text` (longer than MAX_DOC_CHARS) before the limit: at a line or sentence end in the second half
    of the window if there is one, else at a space, else hard."""
    window = text[:MAX_DOC_CHARS]
    for sep in ("\n", ". ", "! ", "? ", "… ", "; ", " "):
        i = window.rfind(sep, MAX_DOC_CHARS // 2)
        if i > 0:
            return text[:i + len(sep)], text[i + len(sep):]
    return window, text[MAX_DOC_CHARS:]


def _pieces(text: str) -> Iterator[str]:
    """A long text as pieces of at most MAX_DOC_CHARS characters."""
    while len(text) > MAX_DOC_CHARS:
        head, text = _cut(text)
        if head.strip():
            yield head.strip("\n")
    if text.strip():
        yield text.strip("\n")


def _paragraphs(lines: io.TextIOWrapper, path: Path) -> Iterator[Document]:
    """Paragraphs (blank-line separated), each cut into pieces of at most MAX_DOC_CHARS: a 50 MB corpus on one
    line is read MAX_DOC_CHARS at a time, never whole."""
    buf: list[str] = []
    size, start, number, mid_line = 0, 1, 1, False
    while chunk := lines.readline(MAX_DOC_CHARS):
        if "\x00" in chunk:
            raise CorpusError("binary data (NUL bytes), not text", where=f"{path}:{number}",
                              fix="remove binary files from the corpus")
        if mid_line or chunk.strip():
            if not buf:
                start = number
            buf.append(chunk)
            size += len(chunk)
        elif buf:
            yield from (Document(piece, f"{path}:{start}") for piece in _pieces("".join(buf)))
            buf, size = [], 0
        mid_line = not chunk.endswith("\n")
        number += not mid_line
        while size > MAX_DOC_CHARS:  # emit the full pieces now, keep the rest
            head, tail = _cut("".join(buf))
            if head.strip():
                yield Document(head.strip("\n"), f"{path}:{start}")
            buf, size, start = [tail], len(tail), number
    if buf:
        yield from (Document(piece, f"{path}:{start}") for piece in _pieces("".join(buf)))


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
                              fix="set [corpus] text_field to the field that holds the text")
        if not isinstance(record[field], str):
            raise CorpusError(f"{field!r} is not a string", where=where, fix="store the text as a string")
        for piece in _pieces(record[field]) if len(record[field]) > MAX_DOC_CHARS else [record[field]]:
            if piece.strip():
                yield Document(piece, where)
