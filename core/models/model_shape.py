"""A model's shape (architecture, hidden size, layers) read cheaply, for checks at validate time.

A Hugging Face folder answers from config.json. A GGUF file answers from the first metadata keys of
its header, read sequentially and stopped once found: gguf-py's reader parses the whole header,
tokenizer arrays included (seconds on a 98 MB model), far too slow for each `ruadapt validate`.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

_SCALARS = {0: "B", 1: "b", 2: "H", 3: "h", 4: "I", 5: "i", 6: "f", 7: "?", 10: "Q", 11: "q", 12: "d"}
_STRING, _ARRAY = 8, 9


@dataclass(frozen=True)
class ModelShape:
    architecture: str
    hidden_size: int
    layers: int

    def describe(self) -> str:
        return f"{self.architecture}, hidden size {self.hidden_size}, {self.layers} layers"


def _string(fh: BinaryIO) -> bytes:
    (n,) = struct.unpack("<Q", fh.read(8))
    return fh.read(n)


def _value(fh: BinaryIO, kind: int):
    if kind == _STRING:
        return _string(fh).decode("utf-8", "replace")
    if kind == _ARRAY:
        item, n = struct.unpack("<IQ", fh.read(12))
        if item == _STRING:
            for _ in range(n):
                _string(fh)
        else:
            fh.seek(n * struct.calcsize(_SCALARS[item]), 1)
        return None
    fmt = "<" + _SCALARS[kind]
    (value,) = struct.unpack(fmt, fh.read(struct.calcsize(fmt)))
    return value


def gguf_header(path: Path, enough: Callable[[dict[str, object]], bool]) -> dict[str, object] | None:
    """The header's metadata keys read in order until `enough(found)` holds (or all of them are read);
    None when the file is no GGUF. Arrays are skipped (read as None)."""
    with open(path, "rb") as fh:
        if fh.read(4) != b"GGUF":
            return None
        _version, _tensors, n_kv = struct.unpack("<IQQ", fh.read(20))
        found: dict[str, object] = {}
        for _ in range(n_kv):
            key = _string(fh).decode("utf-8", "replace")
            (kind,) = struct.unpack("<I", fh.read(4))
            found[key] = _value(fh, kind)
            if enough(found):
                break
    return found


def gguf_shape(path: Path) -> ModelShape | None:
    def enough(found: dict[str, object]) -> bool:
        arch = found.get("general.architecture")
        return bool(arch) and f"{arch}.embedding_length" in found and f"{arch}.block_count" in found

    found = gguf_header(path, enough)
    if not found or not enough(found):
        return None
    arch = found["general.architecture"]
    return ModelShape(str(arch), int(found[f"{arch}.embedding_length"]), int(found[f"{arch}.block_count"]))


def model_shape(path: Path | str) -> ModelShape | None:
    """The shape of a HF folder or GGUF file, or None when it cannot be read cheaply (the stages then say why)."""
    path = Path(path)
    try:
        if path.is_dir():
            config = json.loads((path / "config.json").read_text(encoding="utf-8"))
            return ModelShape(str(config.get("model_type", "")), int(config["hidden_size"]),
                              int(config["num_hidden_layers"]))
        if path.is_file():
            return gguf_shape(path)
    except (OSError, ValueError, KeyError, TypeError, struct.error, UnicodeDecodeError):
        return None
    return None
