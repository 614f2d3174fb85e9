"""One HF folder -> GGUF files of several types, each checked against transformers before it gets its name.

Float types are written straight from the safetensors; quantized types are made by llama.cpp from a
float GGUF written in the weights' own precision (lossless: f32 for fp32 weights, bf16 for bf16), or
from the type the caller names. A file that fails its parity check is deleted, never left looking
finished. The HF reference (ids and logits) is computed once for all the types.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from core.atomic_files import discard, partial_path, remove_dead_partials
from core.errors import ModelError
from core.export.gguf_writer import FLOAT_TYPES, ExportPlan, plan_export, write_gguf
from core.export.parity import HfReference, ParityFailed, check_parity, hf_reference
from core.export.quantize import QUANT_TYPES, quantize_gguf
from core.gguf_types import TYPE_NAMES

Progress = Callable[[int, int, str], None]
GGUF_TYPES = TYPE_NAMES  # every type, floats first (core.gguf_types)
SAFETENSORS_FLOATS = {"F32": "f32", "BF16": "bf16", "F16": "f16"}


def lossless_float_type(plan: ExportPlan) -> str:
    """The float type that holds the model's 2-D weights exactly (what quantization should start from)."""
    from safetensors import safe_open

    by_file: dict[Path, list[str]] = {}
    for t in plan.tensors:
        if t.file is not None and len(t.shape) >= 2:
            by_file.setdefault(t.file, []).append(t.hf_name)
    dtypes = set()
    for path, names in by_file.items():
        with safe_open(str(path), framework="pt") as fh:
            dtypes |= {fh.get_slice(name).get_dtype() for name in names}
    kinds = {SAFETENSORS_FLOATS.get(d, "f32") for d in dtypes}
    return kinds.pop() if len(kinds) == 1 else "f32"


def _check_types(types: list[str]) -> None:
    unknown = [t for t in types if t not in GGUF_TYPES]
    if unknown:
        raise ModelError(f"unknown GGUF type(s): {', '.join(unknown)}", fix=f"use {', '.join(GGUF_TYPES)}")


class _Steps:
    """Progress in tensors over every file written (a quantization counts as one pass over the tensors)."""

    def __init__(self, progress: Progress, n_tensors: int, n_passes: int) -> None:
        self.progress, self.n, self.total, self.done = progress, n_tensors, n_tensors * n_passes, 0

    def within(self, label: str) -> Progress:
        base = self.done
        return lambda done, total, message: self.progress(base + done, self.total, f"{label}: {message}")

    def tell(self, message: str) -> None:
        self.progress(self.done, self.total, message)

    def passed(self) -> None:
        self.done += self.n


def _checked(path: Path, out: Path, out_type: str, ref: HfReference | None, threads: int,
             poll: Callable[[], None] | None, steps: _Steps) -> dict | None:
    """Run the parity check on the unchecked file `path`; it becomes `out` if it passes, else it goes."""
    report = None
    try:
        if ref is not None:
            steps.tell(f"{out_type}: checking tokenization and logits against transformers")
            report = check_parity(path, ref, out_type, threads=threads, poll=poll)
            if not report["passed"]:
                raise ParityFailed(out, report)
        os.replace(path, out)
    except BaseException:
        discard(path)
        raise
    return report


def export_gguf_types(hf_dir: Path | str, outputs: dict[str, Path], *, parity: bool = True, threads: int = 0,
                      intermediate: str | None = None, progress: Progress | None = None,
                      poll: Callable[[], None] | None = None) -> dict[str, dict]:
    """Write `outputs` ({type: path}) from one HF folder. Returns {type: {"file": ..., "parity": ...}}.
    `intermediate`: the float type quantized types are made from (default: the weights' own precision)."""
    _check_types(list(outputs))
    hf_dir = Path(hf_dir)
    plan = plan_export(hf_dir)  # every refusal before a byte is written
    source_type = intermediate or lossless_float_type(plan)
    quantized = [t for t in outputs if t in QUANT_TYPES]
    temp_source = bool(quantized) and source_type not in outputs
    steps = _Steps(progress or (lambda done, total, message: None), len(plan.tensors),
                   len(outputs) + temp_source)
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="ruadapt-export-") as work:
        ref = None
        if parity:
            steps.tell("computing the transformers reference (token ids and logits)")
            ref = hf_reference(hf_dir, work)
        for out_type in [t for t in outputs if t in FLOAT_TYPES]:
            out = Path(outputs[out_type])
            remove_dead_partials(out)
            unchecked = partial_path(out, ".unchecked")
            written = write_gguf(hf_dir, unchecked, out_type, steps.within(out_type), plan)
            steps.passed()
            report = _checked(unchecked, out, out_type, ref, threads, poll, steps)
            results[out_type] = {"file": {**written.as_dict(), "path": str(out)}, "parity": report}
        # a temporary source lies beside the outputs, not in /tmp: it is as big as the model in its own precision
        source = (partial_path(Path(outputs[quantized[0]]), f".{source_type}-source") if temp_source
                  else Path(outputs[source_type]) if quantized else None)
        try:
            if temp_source:
                write_gguf(hf_dir, source, source_type, steps.within(f"{source_type} (to quantize from)"), plan)
                steps.passed()
            for out_type in quantized:
                out = Path(outputs[out_type])
                remove_dead_partials(out)
                unchecked = partial_path(out, ".unchecked")
                steps.tell(f"{out_type}: llama.cpp quantizes the {source_type} file")
                made = quantize_gguf(source, unchecked, out_type, threads=threads, poll=poll)
                steps.passed()
                report = _checked(unchecked, out, out_type, ref, threads, poll, steps)
                results[out_type] = {"file": {**made.as_dict(), "path": str(out), "quantized_from": source_type,
                                              "pre_tokenizer": plan.vocab.pre}, "parity": report}
        finally:
            if temp_source:
                discard(source)
    steps.tell("done")
    return {t: results[t] for t in outputs}
