"""GGUF file -> Hugging Face folder (config.json, fp32 safetensors, tokenizer, chat template).

Tensors are dequantized one at a time with gguf-py and streamed into safetensors through the
architecture table, so peak memory stays near one block of rows, not one model. The folder is written under
a temporary sibling name and renamed at the end: a killed import leaves nothing that looks finished.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
from gguf import Keys

from core.atomic_files import write_json_atomic
from core.errors import ModelError
from core.models.architectures import (
    GGUF_ONLY_TENSORS,
    Architecture,
    architecture,
    gguf_to_hf_name,
    heads_for,
    needs_rotary_permute,
    norm_shift,
    unpermute_qk,
)
from core.models.gguf_config import hf_config_from_gguf, read_field
from core.models.hf_folder import ModelInfo, inspect_model_folder
from core.models.safetensors_stream import TensorSpec, write_safetensors_streamed
from core.paths import data_home

Progress = Callable[[int, int, str], None]
GGUF_MAGIC = b"GGUF"
CHUNK_BYTES = 64 * 1024**2
IMPORT_FORMAT = 1  # bump when the folder an import writes changes, so caches are rebuilt


def check_gguf_file(path: Path, folder_too: bool = True) -> None:
    """Cheap checks (exists, starts with the GGUF magic), before anything parses or hashes the file.
    `folder_too`: the caller also takes a Hugging Face folder (the import does, the chat does not)."""
    if not path.is_file():
        raise ModelError("the GGUF file does not exist" if not path.exists() else "this is not a file",
                         where=str(path), fix="choose an existing .gguf file or a Hugging Face model folder"
                         if folder_too else "choose an existing .gguf model file")
    with open(path, "rb") as fh:
        if fh.read(4) != GGUF_MAGIC:
            raise ModelError("this is not a GGUF file (it does not start with 'GGUF')", where=str(path),
                             fix="choose a .gguf model file, or a Hugging Face model folder" if folder_too
                             else "choose a .gguf model file")


def open_gguf(path: Path):
    """A `gguf.GGUFReader` over `path`, or a ModelError saying why the file cannot be one."""
    import gguf

    check_gguf_file(path)
    damaged = ModelError("the GGUF file is damaged or incomplete (truncated?)", where=str(path),
                         fix="download or copy the file again")
    try:
        reader = gguf.GGUFReader(path, "r")
    except (ValueError, IndexError, OSError, UnicodeDecodeError) as exc:  # what gguf-py raises on short data
        raise damaged from exc
    end = max((t.data_offset + t.n_bytes for t in reader.tensors), default=0)
    if end > path.stat().st_size:
        raise damaged
    return reader


def _dequantized(reader_tensor, shape: tuple[int, ...], row: Architecture, config) -> Iterator[np.ndarray]:
    """The tensor in fp32, in row blocks of about CHUNK_BYTES: dequantizing a 150k-token embedding
    at once would take several times its fp32 size in temporaries."""
    from gguf.quants import dequantize

    data, kind = reader_tensor.data, reader_tensor.tensor_type
    if needs_rotary_permute(row.gguf_arch, reader_tensor.name):  # rows move within heads: take it whole
        values = dequantize(data, kind).reshape(shape)
        yield unpermute_qk(values, heads_for(reader_tensor.name, config.num_attention_heads,
                                             config.num_key_value_heads)).astype(np.float32, copy=False)
        return
    if len(shape) < 2:
        values = dequantize(data, kind).reshape(shape).astype(np.float32, copy=False)
        yield values - np.float32(norm_shift(row.gguf_arch, reader_tensor.name))
        return
    step = max(1, CHUNK_BYTES // (4 * int(np.prod(shape[1:]))))
    for start in range(0, shape[0], step):
        block = dequantize(data[start:start + step], kind)
        yield block.reshape((-1, *shape[1:])).astype(np.float32, copy=False)


def _write_weights(reader, row: Architecture, config, out: Path, progress: Progress, total: int) -> None:
    tensors = [t for t in reader.tensors if t.name not in GGUF_ONLY_TENSORS]
    by_name, specs = {}, []
    for t in tensors:
        name = gguf_to_hf_name(row.gguf_arch, t.name)
        by_name[name] = t
        specs.append(TensorSpec(name, tuple(int(d) for d in reversed(t.shape))))  # GGUF: innermost dim first
    done = 0

    def produce(spec: TensorSpec) -> Iterator[np.ndarray]:
        nonlocal done
        source = by_name[spec.name]
        progress(done, total, f"dequantizing {source.name} ({source.tensor_type.name})")
        try:
            yield from _dequantized(source, spec.shape, row, config)
        except NotImplementedError as exc:  # gguf-py lacks a few exotic types
            raise ModelError(f"the tensor {source.name} is stored as {source.tensor_type.name}, which gguf-py "
                             "cannot dequantize", where=str(reader.data.filename),
                             fix="use a GGUF of another type (f16, Q8_0, Q4_K_M...) or the Hugging Face "
                                 "folder") from exc
        done += 1

    write_safetensors_streamed(out, specs, produce)


def _validate(out: Path) -> None:
    """Load the folder with transformers on the meta device: config, names and shapes all checked,
    no weights read into memory (and no Hub kernels: transformers >= 5.25 cannot place them on meta)."""
    from transformers import AutoModelForCausalLM

    fix = "this GGUF has a layout Ruadapt does not know; use the model's Hugging Face folder"
    try:
        _, info = AutoModelForCausalLM.from_pretrained(out, device_map="meta", output_loading_info=True,
                                                       use_kernels=False)
    except RuntimeError as exc:  # transformers raises on tensor shapes that contradict the config
        raise ModelError(f"the imported folder does not load as its architecture ({exc})", where=str(out),
                         fix=fix) from exc
    problems = {k: sorted(v) for k, v in info.items() if v}
    if problems:
        raise ModelError(f"the imported folder does not load as its architecture: {problems}", where=str(out),
                         fix=fix)


def _convert(gguf_path: Path, out: Path, progress: Progress) -> None:
    from transformers import GenerationConfig

    from core.models.gguf_tokenizer import import_tokenizer
    from core.tokenizer.hf_files import save_tokenizer

    reader = open_gguf(gguf_path)
    row = architecture(str(read_field(reader, Keys.General.ARCHITECTURE)))
    n_tensors = sum(t.name not in GGUF_ONLY_TENSORS for t in reader.tensors)
    total = n_tensors + 2  # + tokenizer, + validation
    config = hf_config_from_gguf(reader, row)
    config.save_pretrained(out)
    GenerationConfig.from_model_config(config).save_pretrained(out)
    _write_weights(reader, row, config, out, progress, total)
    progress(n_tensors, total, "rebuilding the tokenizer and checking it against llama.cpp")
    tokenizer = import_tokenizer(gguf_path, reader)
    save_tokenizer(tokenizer, out)
    progress(n_tensors + 1, total, "checking that transformers loads the folder")
    _validate(out)
    write_json_atomic(out / "ruadapt_import.json", {
        "format": IMPORT_FORMAT, "source": str(gguf_path), "source_bytes": gguf_path.stat().st_size,
        "gguf_architecture": row.gguf_arch, "file_type": read_field(reader, Keys.General.FILE_TYPE, None)})
    progress(total, total, "imported")


def _partial_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.partial-{os.getpid()}"


def import_gguf(gguf_path: Path | str, out_dir: Path | str, progress: Progress | None = None) -> ModelInfo:
    """Convert a GGUF file into a Hugging Face folder at `out_dir` (which must not exist yet)."""
    gguf_path, out = Path(gguf_path).resolve(), Path(out_dir)
    if out.exists():
        raise ModelError("the output folder already exists", where=str(out),
                         fix="delete it or choose another folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = _partial_dir(out)
    shutil.rmtree(partial, ignore_errors=True)  # our own pid: left by nothing alive
    partial.mkdir()
    try:
        _convert(gguf_path, partial, progress or (lambda done, total, message: None))
        os.rename(partial, out)  # fails if another process finished `out` first
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return inspect_model_folder(out)


def fingerprint(path: Path) -> str:
    """sha256 of the file's bytes, so a copy or a renamed file reuses its import and an edited one does
    not (a sample of the bytes could miss a model retrained only in its embeddings). Memoized per
    path, size and mtime: a multi-gigabyte file is read once, not at every lookup."""
    stat = path.stat()
    key = f"{path}|{stat.st_size}|{stat.st_mtime_ns}"
    memo_path = data_home() / "models" / "fingerprints.json"
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):  # only a cache of hashes: rebuilt from the files
        memo = {}
    if key not in memo:
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            while block := fh.read(8 << 20):
                digest.update(block)
        memo[key] = digest.hexdigest()[:16]
        memo_path.parent.mkdir(parents=True, exist_ok=True)
        write_json_atomic(memo_path, memo)
    return memo[key]


def _remove_dead_partials(target: Path) -> None:
    """Partial folders of imports whose process is gone (killed, crashed)."""
    import psutil

    for partial in target.parent.glob(f".{target.name}.partial-*"):
        pid = partial.name.rsplit("-", 1)[1]
        if pid.isdigit() and not psutil.pid_exists(int(pid)):
            shutil.rmtree(partial, ignore_errors=True)


def cached_folder(gguf_path: Path) -> Path:
    """Where `cached_import` keeps the folder for this file."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", gguf_path.stem)[:80]
    return data_home() / "models" / f"{stem}-{fingerprint(gguf_path)}-v{IMPORT_FORMAT}"


def cached_import(gguf_path: Path | str, progress: Progress | None = None) -> Path:
    """The HF folder for a GGUF file, imported on first use and reused afterwards. Two processes
    importing the same file at once both work, and the first rename wins."""
    gguf_path = Path(gguf_path).resolve()
    check_gguf_file(gguf_path)
    target = cached_folder(gguf_path)
    if target.is_dir():
        return target
    _remove_dead_partials(target)
    try:
        import_gguf(gguf_path, target, progress)
    except (ModelError, OSError):
        if (target / "ruadapt_import.json").is_file():  # another process finished first: use its folder
            return target
        raise
    return target
