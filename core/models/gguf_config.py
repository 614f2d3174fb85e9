"""HF config <-> GGUF metadata, through the architecture table, including rotary scaling.

GGUF stores LLaMA-3.x rope scaling not as settings but as a `rope_freqs` tensor of per-dimension
divisors; `llama3_rope_factors` computes them (as llama.cpp's converter does) so the exporter can write
them and the importer can recover the settings by matching them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from gguf import Keys

from core.errors import ModelError
from core.models.architectures import Architecture

_MISSING = object()
# The settings every LLaMA-3.1/3.2 release uses besides `factor` (8 or 32): tried when a GGUF carries
# rope_freqs, and kept only if they reproduce the stored factors.
LLAMA3_ROPE_DEFAULTS = {"low_freq_factor": 1.0, "high_freq_factor": 4.0, "original_max_position_embeddings": 8192}
REQUIRED = ("hidden_size", "num_hidden_layers", "intermediate_size", "num_attention_heads")


def read_field(reader, key: str, default: Any = _MISSING) -> Any:
    field = reader.get_field(key)
    if field is None:
        if default is _MISSING:
            raise ModelError(f"the GGUF file has no {key!r} metadata", where=str(reader.data.filename),
                             fix="the file was written by an incomplete converter; convert the model again")
        return default
    return field.contents()


def llama3_rope_factors(head_dim: int, rope_theta: float, factor: float, low_freq_factor: float,
                        high_freq_factor: float, original_max_position_embeddings: int) -> np.ndarray:
    """Per-dimension divisors of the rotary frequencies (llama.cpp `rope_freqs`, HF rope_type llama3)."""
    freqs = 1.0 / rope_theta ** (np.arange(0, head_dim, 2, dtype=np.float64) / head_dim)
    wavelen = 2 * np.pi / freqs
    smooth = (original_max_position_embeddings / wavelen - low_freq_factor) / (high_freq_factor - low_freq_factor)
    blended = 1.0 / ((1 - smooth) / factor + smooth)
    return np.where(wavelen < original_max_position_embeddings / high_freq_factor, 1.0,
                    np.where(wavelen > original_max_position_embeddings / low_freq_factor, factor, blended))


def _llama3_rope(reader, head_dim: int, rope_theta: float) -> dict[str, Any]:
    from gguf.quants import dequantize

    tensor = next(t for t in reader.tensors if t.name == "rope_freqs.weight")
    stored = dequantize(tensor.data, tensor.tensor_type).astype(np.float64).ravel()
    params = {"rope_type": "llama3", "factor": float(stored.max()), **LLAMA3_ROPE_DEFAULTS}
    expected = llama3_rope_factors(head_dim, rope_theta, **{k: v for k, v in params.items() if k != "rope_type"})
    if expected.shape != stored.shape or not np.allclose(expected, stored, rtol=1e-4):
        raise ModelError("the GGUF file's rope_freqs (LLaMA-3 rotary scaling) match no known LLaMA-3 setting",
                         where=str(reader.data.filename), fix="use the model's Hugging Face folder instead")
    return params


def _rope_parameters(reader, arch: str, values: dict[str, Any], head_dim: int) -> dict[str, Any]:
    theta = values.pop("rope_theta", None)
    base = {} if theta is None else {"rope_theta": float(theta)}
    scaling = read_field(reader, Keys.Rope.SCALING_TYPE.format(arch=arch), "none")
    if any(t.name == "rope_freqs.weight" for t in reader.tensors):
        return {**base, **_llama3_rope(reader, head_dim, float(theta if theta is not None else 10000.0))}
    if scaling == "none":
        return {"rope_type": "default", **base}
    if scaling in ("linear", "yarn"):
        params = {"rope_type": scaling, **base, "factor": float(read_field(reader, Keys.Rope.SCALING_FACTOR.format(arch=arch)))}
        original = read_field(reader, Keys.Rope.SCALING_ORIG_CTX_LEN.format(arch=arch), None)
        if scaling == "yarn" and original is not None:
            params["original_max_position_embeddings"] = int(original)
        return params
    raise ModelError(f"the GGUF file uses rotary scaling {scaling!r}, which Ruadapt cannot import",
                     where=str(reader.data.filename), fix="use the model's Hugging Face folder instead")


def _sliding_layers(row: Architecture, values: dict[str, Any], head_dim: int) -> dict[str, Any]:
    """What llama.cpp fixes for the architecture instead of storing it (Gemma 2, 3): which layers slide,
    their rotary base where it has its own, and the attention scale."""
    n = int(values["num_hidden_layers"])
    out = {
        "layer_types": ["full_attention" if (i + 1) % row.sliding_pattern == 0 else "sliding_attention"
                        for i in range(n)],
        # llama.cpp scales attention by 1/sqrt(head_dim), but by 1/sqrt(hidden/heads) for the 27B
        "query_pre_attn_scalar": head_dim if n != row.wide_scale_layers
        else int(values["hidden_size"]) // int(values["num_attention_heads"]),
    }
    if row.sliding_rope_theta is not None:
        out["rope_parameters"] = {"full_attention": values["rope_parameters"],
                                  "sliding_attention": {"rope_type": "default", "rope_theta": row.sliding_rope_theta}}
    return out


def hf_config_from_gguf(reader, row: Architecture):
    """The transformers config the GGUF metadata describes, for the row's first HF model type."""
    from transformers import AutoConfig

    arch = row.gguf_arch
    values = {hf: read_field(reader, f"{arch}.{suffix}", None) for hf, suffix in row.config_keys}
    values = {k: v for k, v in values.items() if v is not None}
    missing = [f"{arch}.{dict(row.config_keys)[k]}" for k in REQUIRED if k not in values]
    if missing:
        raise ModelError(f"the GGUF file lacks required metadata: {', '.join(missing)}",
                         where=str(reader.data.filename), fix="convert the model again with llama.cpp")
    names = {t.name: t for t in reader.tensors}
    if "token_embd.weight" not in names:
        raise ModelError("the GGUF file has no token_embd.weight tensor", where=str(reader.data.filename),
                         fix="the file is incomplete; convert the model again")
    values["vocab_size"] = int(names["token_embd.weight"].shape[-1])  # the tensor, not metadata, is the truth
    values.setdefault("num_key_value_heads", values["num_attention_heads"])
    head_dim = int(values.get("head_dim", values["hidden_size"] // values["num_attention_heads"]))
    values["rope_parameters"] = _rope_parameters(reader, arch, values, head_dim)
    if row.sliding_pattern:
        values.update(_sliding_layers(row, values, head_dim))
    tokens = {f"{name}_token_id": read_field(reader, key, None) for name, key in
              (("bos", Keys.Tokenizer.BOS_ID), ("eos", Keys.Tokenizer.EOS_ID), ("pad", Keys.Tokenizer.PAD_ID))}
    config = AutoConfig.for_model(
        row.hf_model_types[0], architectures=[row.hf_classes[0]], dtype="float32",
        tie_word_embeddings="output.weight" not in names,
        **{k: int(v) if isinstance(v, (int, np.integer)) else v for k, v in values.items()},
        **{k: int(v) for k, v in tokens.items() if v is not None})
    return config
