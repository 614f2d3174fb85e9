"""Hugging Face model folders: check one before anything heavy touches it, and load it the one way
the whole project loads models."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import ModelError
from core.models.architectures import architecture_for_hf, supported_names

PICKLE_SUFFIXES = (".bin", ".pt", ".pth")
# Any one of these sets is a usable tokenizer (fast JSON, SentencePiece, or GPT-2 style vocab + merges).
TOKENIZER_FILE_SETS = (("tokenizer.json",), ("tokenizer.model",), ("vocab.json", "merges.txt"))
PICKLE_FIX = ("set `allow_pickle = true` under [models] in the project file, only if you trust where the "
              "files came from (a pickle file can run code when it is loaded), or convert the weights to "
              ".safetensors")


@dataclass(frozen=True)
class ModelInfo:
    path: Path
    architecture: str  # GGUF architecture name ("llama", "qwen2", ...) or, for remote code, the HF class
    model_type: str
    vocab_size: int
    hidden_size: int
    num_layers: int
    tied_embeddings: bool
    n_parameters: int
    weight_files: tuple[str, ...]
    has_chat_template: bool
    warnings: tuple[str, ...] = ()

    def summary(self) -> str:
        return (f"{self.model_type} ({self.architecture}), {self.n_parameters / 1e6:,.1f}M parameters, "
                f"{self.num_layers} layers, hidden {self.hidden_size}, vocabulary {self.vocab_size:,}"
                f"{', tied embeddings' if self.tied_embeddings else ''}")


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path.name} is not valid JSON ({exc})", where=str(path),
                         fix="restore the file from the model's original download") from exc


def read_config(folder: Path) -> dict[str, Any]:
    path = folder / "config.json"
    if not path.is_file():
        raise ModelError("no config.json in the model folder", where=str(folder),
                         fix="point the source model to a Hugging Face model folder (config.json, *.safetensors, "
                             "tokenizer files) or to a .gguf file")
    return _read_json(path)


def _architecture(config: dict[str, Any], folder: Path, trust_remote_code: bool,
                  warnings: list[str]) -> str:
    model_type = config.get("model_type", "")
    classes = config.get("architectures") or []
    row = architecture_for_hf(model_type, classes)
    if row is not None:
        return row.gguf_arch
    if trust_remote_code and config.get("auto_map"):
        warnings.append(f"{model_type or classes} is not an architecture Ruadapt knows; its own Python code "
                        "will run (trust_remote_code), and GGUF export will not be available")
        return classes[0] if classes else model_type
    raise ModelError(
        f"the architecture {model_type or classes!r} is not supported", where=str(folder / "config.json"),
        fix=f"use a model of a supported type ({supported_names()})"
            + ("; for a folder that ships its own code (auto_map), set `trust_remote_code = true` under "
               "[models]" if config.get("auto_map") else ""))


def _weight_files(folder: Path, allow_pickle: bool, warnings: list[str]) -> tuple[list[Path], bool]:
    """The weight files to use and whether they are pickles."""
    index = folder / "model.safetensors.index.json"
    if index.is_file():  # the shards transformers will read (a folder may also hold e.g. consolidated.safetensors)
        names = sorted(set(_read_json(index).get("weight_map", {}).values()))
        missing = [n for n in names if not (folder / n).is_file()]
        if missing:
            raise ModelError(f"weight shards listed in {index.name} are missing: {', '.join(missing)}",
                             where=str(folder), fix="copy all the model's *.safetensors files into the folder")
        return [folder / n for n in names], False
    safetensors = sorted(folder.glob("*.safetensors"))
    if safetensors:
        return safetensors, False
    pickles = sorted(p for p in folder.iterdir() if p.suffix in PICKLE_SUFFIXES and p.is_file()
                     and p.name != "training_args.bin")
    if not pickles:
        raise ModelError("no weights in the model folder (no *.safetensors, *.bin, *.pt)", where=str(folder),
                         fix="copy the model's weight files into the folder, or use a .gguf file")
    if not allow_pickle:
        raise ModelError(f"the weights are pickle files ({', '.join(p.name for p in pickles)}), which are "
                         "refused by default because loading a pickle can run code", where=str(folder),
                         fix=PICKLE_FIX)
    warnings.append(f"loading pickle weights ({', '.join(p.name for p in pickles)}): a pickle can run code; "
                    "allowed by models.allow_pickle")
    return pickles, True


def _count_safetensors(files: list[Path]) -> int:
    from safetensors import safe_open  # import here: keeps `import core.models` light

    total = 0
    for path in files:
        try:
            with safe_open(str(path), framework="np") as fh:
                for key in fh.keys():
                    n = 1
                    for dim in fh.get_slice(key).get_shape():
                        n *= dim
                    total += n
        except Exception as exc:  # safetensors raises its own SafetensorError / OSError on a bad header
            raise ModelError(f"the weight file cannot be read ({exc})", where=str(path),
                             fix="the file is damaged or incomplete: download it again") from exc
    return total


def _count_from_config(folder: Path, trust_remote_code: bool) -> int:
    """Parameter count without reading pickle weights: build the model on the meta device."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    config = AutoConfig.from_pretrained(folder, trust_remote_code=trust_remote_code)
    with torch.device("meta"):
        model = AutoModelForCausalLM.from_config(config, trust_remote_code=trust_remote_code)
    return model.num_parameters()


def _check_tokenizer(folder: Path) -> bool:
    """Raises if no tokenizer files are present; returns whether a chat template ships with them."""
    if not any(all((folder / f).is_file() for f in files) for files in TOKENIZER_FILE_SETS):
        raise ModelError("no tokenizer files in the model folder", where=str(folder),
                         fix="copy tokenizer.json (or tokenizer.model, or vocab.json + merges.txt) and "
                             "tokenizer_config.json from the model's download into the folder")
    if (folder / "chat_template.jinja").is_file() or (folder / "chat_template.json").is_file():
        return True
    tok_config = folder / "tokenizer_config.json"
    return tok_config.is_file() and bool(_read_json(tok_config).get("chat_template"))


def inspect_model_folder(path: Path | str, allow_pickle: bool = False,
                         trust_remote_code: bool = False) -> ModelInfo:
    """Check a Hugging Face model folder without loading its weights, and describe it."""
    folder = Path(path)
    if not folder.is_dir():
        raise ModelError("the model folder does not exist" if not folder.exists() else "this is not a folder",
                         where=str(folder), fix="choose a Hugging Face model folder or a .gguf file")
    config = read_config(folder)
    warnings: list[str] = []
    arch = _architecture(config, folder, trust_remote_code, warnings)
    if trust_remote_code and not warnings:  # a known architecture too: the folder's code may run all the same
        code = sorted(p.name for p in folder.glob("*.py"))
        warnings.append(f"trust_remote_code is on: Python code in {folder} "
                        f"({', '.join(code) if code else 'none there now'}) may run with your rights; "
                        "keep it on only for folders you trust")
    files, pickled = _weight_files(folder, allow_pickle, warnings)
    has_chat_template = _check_tokenizer(folder)
    n_parameters = _count_from_config(folder, trust_remote_code) if pickled else _count_safetensors(files)
    text = config.get("text_config", config)  # multimodal configs nest the language model's settings
    return ModelInfo(
        path=folder, architecture=arch, model_type=config.get("model_type", ""),
        vocab_size=int(text.get("vocab_size", 0)), hidden_size=int(text.get("hidden_size", 0)),
        num_layers=int(text.get("num_hidden_layers", 0)),
        tied_embeddings=bool(config.get("tie_word_embeddings", False)), n_parameters=n_parameters,
        weight_files=tuple(p.name for p in files), has_chat_template=has_chat_template,
        warnings=tuple(warnings),
    )


def resolve_device(device: str) -> str:
    import torch

    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device == "cuda" and not torch.cuda.is_available():
        raise ModelError("models.device is 'cuda' but PyTorch sees no CUDA GPU",
                         fix="set `device = \"auto\"` or \"cpu\" under [models], or install a CUDA build of PyTorch")
    return device


def resolve_dtype(dtype: str, device: str):
    """`auto`: bf16 on a CUDA GPU that supports it, else fp32 (CPU bf16 matmuls are slow or emulated)."""
    import torch

    if dtype == "auto":
        return torch.bfloat16 if device == "cuda" and torch.cuda.is_bf16_supported() else torch.float32
    try:
        return {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[dtype]
    except KeyError:
        raise ModelError(f"unknown dtype {dtype!r}", fix="use auto, float32, bfloat16 or float16") from None
