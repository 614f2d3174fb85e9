"""Write safetensors one tensor at a time, so a converter never holds the whole model in memory.

The safetensors header lists every tensor's offsets up front; the shapes are known before any data is
read (from a GGUF header, say), so we plan the layout first and then stream the bytes in that order.
Large models are split into shards with an index, as `save_pretrained` does.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.atomic_files import write_json_atomic

SAFETENSORS_DTYPES = {np.dtype(np.float32): "F32", np.dtype(np.float16): "F16"}
DEFAULT_MAX_SHARD_BYTES = 2 * 1024**3


@dataclass(frozen=True)
class TensorSpec:
    name: str
    shape: tuple[int, ...]
    dtype: np.dtype = np.dtype(np.float32)

    @property
    def nbytes(self) -> int:
        return int(np.prod(self.shape, dtype=np.int64)) * self.dtype.itemsize


def plan_shards(specs: Sequence[TensorSpec], max_shard_bytes: int) -> list[list[TensorSpec]]:
    """Consecutive groups of tensors, each under `max_shard_bytes` (a bigger tensor gets a shard alone)."""
    shards: list[list[TensorSpec]] = [[]]
    size = 0
    for spec in specs:
        if shards[-1] and size + spec.nbytes > max_shard_bytes:
            shards.append([])
            size = 0
        shards[-1].append(spec)
        size += spec.nbytes
    return shards


def _header(specs: Sequence[TensorSpec]) -> bytes:
    entries: dict[str, object] = {"__metadata__": {"format": "pt"}}
    offset = 0
    for spec in specs:
        entries[spec.name] = {"dtype": SAFETENSORS_DTYPES[spec.dtype], "shape": list(spec.shape),
                              "data_offsets": [offset, offset + spec.nbytes]}
        offset += spec.nbytes
    raw = json.dumps(entries, separators=(",", ":")).encode()
    raw += b" " * (-len(raw) % 8)  # the format pads the header to 8-byte alignment with spaces
    return struct.pack("<Q", len(raw)) + raw


def _write_tensor(fh, spec: TensorSpec, chunks: Iterable[np.ndarray]) -> None:
    rows = 0
    for chunk in chunks:
        chunk = np.ascontiguousarray(chunk, dtype=spec.dtype)
        if chunk.shape[1:] != spec.shape[1:] or (not spec.shape and chunk.shape):
            raise ValueError(f"{spec.name}: produced a chunk of shape {chunk.shape}, planned {spec.shape}")
        fh.write(memoryview(chunk).cast("B"))
        rows += chunk.shape[0] if spec.shape else 1
    if rows != (spec.shape[0] if spec.shape else 1):
        raise ValueError(f"{spec.name}: produced {rows} rows, planned {spec.shape}")


def write_safetensors_streamed(
    out_dir: Path,
    specs: Sequence[TensorSpec],
    produce: Callable[[TensorSpec], Iterable[np.ndarray]],
    max_shard_bytes: int = DEFAULT_MAX_SHARD_BYTES,
) -> list[str]:
    """Write `model.safetensors` (or numbered shards plus `model.safetensors.index.json`), calling
    `produce(spec)` for each tensor in order; it yields row blocks whose concatenation is the tensor
    (one block is fine), so not even one big tensor needs to be whole in memory. Returns the file names."""
    shards = plan_shards(specs, max_shard_bytes)
    names = (["model.safetensors"] if len(shards) == 1 else
             [f"model-{i + 1:05d}-of-{len(shards):05d}.safetensors" for i in range(len(shards))])
    weight_map: dict[str, str] = {}
    for file_name, shard in zip(names, shards, strict=True):
        with open(out_dir / file_name, "wb") as fh:
            fh.write(_header(shard))
            for spec in shard:
                _write_tensor(fh, spec, produce(spec))
                weight_map[spec.name] = file_name
    if len(shards) > 1:
        write_json_atomic(out_dir / "model.safetensors.index.json", {
            "metadata": {"total_size": sum(s.nbytes for s in specs)}, "weight_map": weight_map})
    return names
