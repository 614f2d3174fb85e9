"""GGUF -> quantized GGUF with llama.cpp's own quantizer (`llama_model_quantize`), in a child process.

K-quants (q6_k, q5_k_m, q4_k_m) pack rows in blocks of 256. llama.cpp does not refuse a tensor whose
rows are not a multiple of 256: it quantizes that tensor with a 32-block type instead (Q4_K -> Q5_0,
Q5_K -> Q5_1, Q6_K -> Q8_0; F16 if rows are not even a multiple of 32) and warns "N of M tensor(s)
required fallback quantization". We keep that behaviour and report which tensors fell back, so a tiny
model (hidden 64) gets a working file and the report says it is not really a K-quant.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.atomic_files import discard, finish, partial_path, remove_dead_partials
from core.errors import ModelError
from core.export.child import run_in_child
from core.gguf_types import GGUF_TYPES

# our name -> (llama.cpp llama_ftype constant, block size of its main tensor type), from the one table
QUANT_TYPES = {t.name: (t.llama_ftype, t.block) for t in GGUF_TYPES if t.quantized}


@dataclass(frozen=True)
class QuantizedFile:
    path: Path
    type: str
    n_bytes: int
    seconds: float
    tensor_types: dict[str, int]  # ggml type name -> how many tensors have it
    fallback_tensors: tuple[str, ...]  # 2-D tensors whose rows do not fit the type's blocks

    def as_dict(self) -> dict:
        return {"path": str(self.path), "type": self.type, "bytes": self.n_bytes, "seconds": round(self.seconds, 2),
                "tensor_types": self.tensor_types, "fallback_tensors": len(self.fallback_tensors),
                **({"fallback_note": f"{len(self.fallback_tensors)} tensor(s) have rows that are not a multiple of "
                                     f"the {self.type} block, so llama.cpp stored them in a 32-block type "
                                     "(Q5_0/Q5_1/Q8_0) or f16 instead"} if self.fallback_tensors else {})}


def llama_quantize(src: str, dst: str, ftype: str, threads: int) -> int:
    """Runs in the child: llama.cpp's quantizer, returning its status (0 = done)."""
    import ctypes

    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = getattr(llama_cpp, ftype)
    params.nthread = threads
    return int(llama_cpp.llama_model_quantize(src.encode(), dst.encode(), ctypes.byref(params)))


def _fallbacks(src: Path, block: int) -> tuple[str, ...]:
    """Tensors llama.cpp cannot store in `block`-sized rows: ne[0] (a row's length) not a multiple."""
    import gguf

    reader = gguf.GGUFReader(src)
    return tuple(t.name for t in reader.tensors if len(t.shape) >= 2 and int(t.shape[0]) % block)


def _tensor_types(path: Path) -> dict[str, int]:
    import gguf

    return dict(Counter(t.tensor_type.name for t in gguf.GGUFReader(path).tensors))


def quantize_gguf(src: Path | str, dst: Path | str, qtype: str, *, threads: int = 0,
                  poll: Callable[[], None] | None = None) -> QuantizedFile:
    """Quantize an f32/f16/bf16 GGUF to `qtype` (one of QUANT_TYPES); `dst` appears only
    when complete. `poll` is called while llama.cpp works (raise from it to cancel)."""
    if qtype not in QUANT_TYPES:
        raise ModelError(f"unknown quantization {qtype!r}", fix=f"use one of {', '.join(QUANT_TYPES)}")
    src, dst = Path(src), Path(dst)
    ftype, block = QUANT_TYPES[qtype]
    started = time.monotonic()
    dst.parent.mkdir(parents=True, exist_ok=True)
    remove_dead_partials(dst)
    partial = partial_path(dst)
    try:
        status = run_in_child(llama_quantize, {"src": str(src), "dst": str(partial), "ftype": ftype,
                                               "threads": threads}, what=f"llama.cpp quantizing to {qtype}",
                              poll=poll)
        if status != 0 or not partial.is_file():
            raise ModelError(f"llama.cpp could not quantize the file to {qtype} (status {status})", where=str(src),
                             fix="check that the file loads in llama.cpp (an f32/f16/bf16 GGUF it knows)")
        finish(partial, dst)
    except BaseException:
        discard(partial)
        raise
    return QuantizedFile(dst, qtype, dst.stat().st_size, time.monotonic() - started, _tensor_types(dst),
                         _fallbacks(src, block))
