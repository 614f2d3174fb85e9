"""A model path as users give it: a Hugging Face folder, or a .gguf file imported once into one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from core.models.gguf_import import cached_import
from core.models.hf_folder import ModelInfo, inspect_model_folder, resolve_device, resolve_dtype


def open_model_source(path: Path | str, *, allow_pickle: bool = False, trust_remote_code: bool = False,
                      progress: Callable[[int, int, str], None] | None = None) -> ModelInfo:
    """Check the model at `path` (importing a GGUF file into the cache first) and describe it."""
    path = Path(path)
    if path.suffix.lower() == ".gguf" or path.is_file():
        return inspect_model_folder(cached_import(path, progress))
    return inspect_model_folder(path, allow_pickle=allow_pickle, trust_remote_code=trust_remote_code)


def load_model(path: Path | str, *, dtype: str = "auto", device: str = "auto", allow_pickle: bool = False,
               trust_remote_code: bool = False):
    """(model, tokenizer) from an HF folder or a .gguf file (imported once into the cache first)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = open_model_source(path, allow_pickle=allow_pickle, trust_remote_code=trust_remote_code).path
    device = resolve_device(device)
    model = AutoModelForCausalLM.from_pretrained(
        path, dtype=resolve_dtype(dtype, device), device_map=device,
        # None lets transformers prefer safetensors and fall back to pickles; True refuses pickles.
        use_safetensors=None if allow_pickle else True, trust_remote_code=trust_remote_code,
        # transformers >= 5.25 swaps layers for compiled kernels fetched from the Hub unless told not to:
        # code from the Hub runs only when the user asks (as with trust_remote_code), and a model's numbers
        # must not change with what the Hub serves that day.
        use_kernels=False)
    tokenizer = AutoTokenizer.from_pretrained(path, trust_remote_code=trust_remote_code)
    return model, tokenizer
