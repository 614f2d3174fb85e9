"""What a model list shows about a GGUF file: its size, quantization, internal name and architecture.

Read from the header's first keys (model_shape.gguf_header: milliseconds), not with gguf-py's reader,
which parses the tokenizer arrays too (seconds on SmolLM2's 98 MB file)."""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from core.gguf_types import GGUF_TYPES
from core.models.model_shape import gguf_header

_KEYS = ("general.architecture", "general.name", "general.file_type")
_OUR_NAME = {t.file_type: t.name for t in GGUF_TYPES}  # "MOSTLY_Q8_0" -> "q8_0": what exports are named by


@dataclass(frozen=True)
class GgufFacts:
    path: Path
    size_bytes: int
    quantization: str  # "Q8_0", "Q4_K_M", "F16"; "" when the file does not say (no general.file_type)
    name: str  # general.name, the name inside the file ("" when absent)
    architecture: str


def quantization_name(file_type: int) -> str:
    """general.file_type (gguf.LlamaFileType) as users write it: 7 -> "Q8_0", 15 -> "Q4_K_M"."""
    import gguf

    try:
        enum_name = gguf.LlamaFileType(file_type).name
    except ValueError:
        return f"type {file_type}"
    ours = _OUR_NAME.get(enum_name)
    return (ours or enum_name.removeprefix("MOSTLY_").removeprefix("ALL_")).upper()


def gguf_facts(path: Path | str) -> GgufFacts | None:
    """None when the file is missing, unreadable or no GGUF (a model list leaves it out)."""
    path = Path(path)
    try:
        header = gguf_header(path, lambda found: all(k in found for k in _KEYS))
        size = path.stat().st_size
    except (OSError, ValueError, KeyError, struct.error, UnicodeDecodeError):
        return None
    if header is None:
        return None
    file_type = header.get("general.file_type")
    return GgufFacts(path, size, quantization_name(int(file_type)) if isinstance(file_type, int) else "",
                     str(header.get("general.name") or ""), str(header.get("general.architecture") or ""))
