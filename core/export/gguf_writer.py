"""Hugging Face folder -> GGUF (f32, f16 or bf16), streamed tensor by tensor through the architecture table.

Everything that can refuse the export (architecture, tokenizer, tensor names and shapes, rotary
scaling) is checked first, from the safetensors headers and the config; only then is a byte written.
The header and tensor table go out first (sizes are known from the shapes), then each tensor is read
from its safetensors file, converted and appended, so peak memory stays near the largest tensor. The
file is written under a partial name and renamed when complete.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from core.atomic_files import discard, finish, partial_path, remove_dead_partials
from core.errors import ModelError
from core.export.gguf_hparams import check_rope, rope_freqs, write_hparams
from core.export.gguf_vocab import GgufVocab
from core.export.hf_vocab import vocab_from_hf
from core.gguf_types import GGUF_TYPES
from core.models.architectures import (
    Architecture,
    architecture,
    heads_for,
    hf_to_gguf_name,
    needs_rotary_permute,
    norm_shift,
    permute_qk,
)
from core.models.hf_folder import inspect_model_folder

Progress = Callable[[int, int, str], None]
# out type -> (GGMLQuantizationType name of 2-D tensors, gguf.LlamaFileType name), from the one table.
# 1-D tensors (norms, biases) stay f32 in every type, as llama.cpp's converter keeps them.
FLOAT_TYPES = {t.name: (t.ggml_type, t.file_type) for t in GGUF_TYPES if not t.quantized}
IGNORED_SUFFIXES = ("rotary_emb.inv_freq",)  # buffers some older checkpoints saved; recomputed from the config
ROPE_FREQS = "rope_freqs.weight"


@dataclass(frozen=True)
class PlannedTensor:
    hf_name: str
    gguf_name: str
    file: Path | None  # None: computed (rope_freqs), not read
    shape: tuple[int, ...]
    rotary_heads: int = 0  # > 0: rows are permuted for GGUF's rotary layout, in this many heads


@dataclass(frozen=True)
class ExportPlan:
    hf_dir: Path
    row: Architecture
    config: object
    vocab: GgufVocab
    tensors: list[PlannedTensor]
    rope_freqs: np.ndarray | None = field(default=None, compare=False)


@dataclass(frozen=True)
class GgufFile:
    path: Path
    type: str
    n_tensors: int
    n_bytes: int
    seconds: float
    pre_tokenizer: str

    def as_dict(self) -> dict:
        return {"path": str(self.path), "type": self.type, "tensors": self.n_tensors, "bytes": self.n_bytes,
                "seconds": round(self.seconds, 2), "pre_tokenizer": self.pre_tokenizer}


def _header_shapes(hf_dir: Path, weight_files: tuple[str, ...]) -> dict[str, tuple[Path, tuple[int, ...]]]:
    from safetensors import safe_open

    out = {}
    for name in weight_files:
        path = hf_dir / name
        with safe_open(str(path), framework="pt") as fh:
            for key in fh.keys():
                out[key] = (path, tuple(fh.get_slice(key).get_shape()))
    return out


def _expected_shapes(config) -> dict[str, tuple[int, ...]]:
    """Every weight's shape as transformers builds the model from the config (on the meta device: no
    memory), so the config, not a second table, says what each tensor must look like."""
    import torch
    from transformers import AutoModelForCausalLM

    with torch.device("meta"):
        model = AutoModelForCausalLM.from_config(config)
    shapes = {name: tuple(t.shape) for name, t in model.state_dict().items()}
    if config.tie_word_embeddings:
        shapes.pop("lm_head.weight", None)  # llama.cpp reuses token_embd when output.weight is absent
    return shapes


def _plan_tensors(hf_dir: Path, row: Architecture, config, weight_files: tuple[str, ...]) -> list[PlannedTensor]:
    found = _header_shapes(hf_dir, weight_files)
    expected = _expected_shapes(config)
    missing = [name for name in expected if name not in found]
    if missing:
        raise ModelError(f"the weights lack {len(missing)} tensor(s) the config needs: {', '.join(missing[:5])}",
                         where=str(hf_dir), fix="the folder is incomplete; save the model again")
    n_head, n_kv = config.num_attention_heads, config.num_key_value_heads or config.num_attention_heads
    planned = []
    for name, shape in expected.items():  # transformers' order: embeddings, blocks in order, norm, head
        path, stored = found[name]
        if stored != shape:
            raise ModelError(f"the tensor {name} has shape {list(stored)}, but config.json makes it {list(shape)}",
                             where=str(path), fix="the weights and config.json disagree; save the model again")
        gguf_name = hf_to_gguf_name(row.gguf_arch, name)
        heads = heads_for(gguf_name, n_head, n_kv) if needs_rotary_permute(row.gguf_arch, gguf_name) else 0
        planned.append(PlannedTensor(name, gguf_name, path, shape, heads))
    for name in found.keys() - expected.keys():
        if config.tie_word_embeddings and name == "lm_head.weight" or name.endswith(IGNORED_SUFFIXES):
            continue
        hf_to_gguf_name(row.gguf_arch, name)  # refuses a layer the table does not know
        raise ModelError(f"the weights have a tensor the config does not describe: {name}", where=str(hf_dir),
                         fix="the weights and config.json disagree; save the model again")
    return planned


def plan_export(hf_dir: Path | str) -> ExportPlan:
    """Check everything the export needs and say what it will write; raises ModelError on any refusal."""
    from transformers import AutoConfig

    hf_dir = Path(hf_dir)
    info = inspect_model_folder(hf_dir)  # refuses unknown architectures and pickle weights
    row = architecture(info.architecture)
    config = AutoConfig.from_pretrained(hf_dir)
    check_rope(config, str(hf_dir / "config.json"), row)
    if row.tied_only and not config.tie_word_embeddings:
        raise ModelError(f"llama.cpp's {row.gguf_arch} has no LM head of its own (it reads the input embeddings), "
                         "and this model's head is untied", where=str(hf_dir / "config.json"),
                         fix="export a model with tied embeddings (tie_word_embeddings = true, as the releases are)")
    tensors = _plan_tensors(hf_dir, row, config, info.weight_files)
    n_rows = next(t.shape[0] for t in tensors if t.gguf_name == "token_embd.weight")
    vocab = vocab_from_hf(hf_dir, n_rows)
    freqs = rope_freqs(config)
    if freqs is not None:
        tensors.append(PlannedTensor(ROPE_FREQS, ROPE_FREQS, None, freqs.shape))
    return ExportPlan(hf_dir, row, config, vocab, tensors, freqs)


def _out_kind(tensor: PlannedTensor, out_type: str) -> str:
    return "F32" if len(tensor.shape) < 2 else FLOAT_TYPES[out_type][0]


def _nbytes(tensor: PlannedTensor, kind: str) -> int:
    return int(np.prod(tensor.shape, dtype=np.int64)) * (4 if kind == "F32" else 2)


def _read(plan: ExportPlan, tensor: PlannedTensor) -> np.ndarray:
    """One tensor in fp32, in GGUF's row layout. The file is opened per tensor so its memory map is
    released right after: only this tensor stays resident."""
    from safetensors import safe_open

    if tensor.file is None:
        return plan.rope_freqs
    with safe_open(str(tensor.file), framework="pt") as fh:  # "pt": numpy has no bfloat16
        values = fh.get_tensor(tensor.hf_name).float().numpy()
    if tensor.rotary_heads:
        values = np.ascontiguousarray(permute_qk(values, tensor.rotary_heads))
    return values + np.float32(norm_shift(plan.row.gguf_arch, tensor.gguf_name)) if values.ndim == 1 else values


def _converted(values: np.ndarray, kind: str, name: str) -> np.ndarray:
    if kind == "F32":
        return np.ascontiguousarray(values, dtype=np.float32)
    if kind == "F16":
        out = values.astype(np.float16)
        if not np.isfinite(out).all():
            raise ModelError(f"the tensor {name} has values beyond float16's range (±65504)",
                             fix="export as bf16 or f32 instead")
        return out
    import torch  # bf16: round to nearest even, stored as its 16 raw bits

    return torch.from_numpy(values).to(torch.bfloat16).view(torch.int16).numpy().view(np.uint16)


def _write(plan: ExportPlan, partial: Path, out_type: str, progress: Progress) -> None:
    import gguf

    writer = gguf.GGUFWriter(partial, plan.row.gguf_arch)
    writer.add_name(plan.hf_dir.name)
    writer.add_file_type(int(gguf.LlamaFileType[FLOAT_TYPES[out_type][1]]))
    writer.add_quantization_version(gguf.GGML_QUANT_VERSION)
    write_hparams(writer, plan.row, plan.config, len(plan.vocab.tokens))
    plan.vocab.write(writer)
    kinds = [_out_kind(t, out_type) for t in plan.tensors]
    for tensor, kind in zip(plan.tensors, kinds, strict=True):
        writer.add_tensor_info(tensor.gguf_name, tensor.shape, np.dtype(np.float32 if kind == "F32" else np.float16),
                               _nbytes(tensor, kind), raw_dtype=gguf.GGMLQuantizationType[kind])
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_ti_data_to_file()
    total = len(plan.tensors)
    try:
        for done, (tensor, kind) in enumerate(zip(plan.tensors, kinds, strict=True)):
            progress(done, total, f"{tensor.gguf_name} ({kind})")
            writer.write_tensor_data(_converted(_read(plan, tensor), kind, tensor.hf_name))
    finally:
        writer.close()
    progress(total, total, "written")


def write_gguf(hf_dir: Path | str, out: Path | str, out_type: str = "f16", progress: Progress | None = None,
               plan: ExportPlan | None = None) -> GgufFile:
    """Export an HF folder (llama, mistral, qwen2, qwen3) to a GGUF file of `out_type` (f32, f16, bf16).
    Refusals happen before anything is written; `out` appears only when complete."""
    if out_type not in FLOAT_TYPES:
        raise ModelError(f"unknown GGUF float type {out_type!r}",
                         fix=f"use one of {', '.join(FLOAT_TYPES)} (quantized types come from quantize_gguf)")
    started = time.monotonic()
    plan = plan or plan_export(hf_dir)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_dead_partials(out)
    partial = partial_path(out)
    try:
        _write(plan, partial, out_type, progress or (lambda done, total, message: None))
        finish(partial, out)
    except BaseException:
        discard(partial)
        raise
    return GgufFile(out, out_type, len(plan.tensors), out.stat().st_size, time.monotonic() - started,
                    plan.vocab.pre)
