"""An HF config as GGUF hyperparameters, through the architecture table (the reverse of
`core.models.gguf_config.hf_config_from_gguf`), rotary scaling included."""

from __future__ import annotations

import numpy as np
from gguf import Keys

from core.errors import ModelError
from core.models.architectures import Architecture, gguf_key
from core.models.gguf_config import llama3_rope_factors

# written as float32; every other table key is a uint32
FLOAT_KEYS = ("rope_theta", "rms_norm_eps", "final_logit_softcapping", "attn_logit_softcapping")
ROPE_SCALING_TYPES = ("default", "linear", "yarn", "llama3")  # what llama.cpp's llama/qwen loaders read


def head_dim(config) -> int:
    return int(getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads)


def rope_parameters(config) -> dict:
    """transformers 5 keeps rope_theta and scaling under `rope_parameters` (older configs are upgraded)."""
    params = dict(getattr(config, "rope_parameters", None) or {})
    params = dict(params.get("full_attention", params))  # per layer type (Gemma 3): GGUF's is the global one
    params.setdefault("rope_type", "default")
    if "rope_theta" not in params:
        params["rope_theta"] = float(getattr(config, "rope_theta", 10000.0))
    return params


def check_rope(config, where: str, row: Architecture | None = None) -> None:
    kind = rope_parameters(config)["rope_type"]
    if kind not in ROPE_SCALING_TYPES:
        raise ModelError(f"the model uses rotary scaling {kind!r}, which the GGUF export does not write",
                         where=where, fix=f"export a model with rotary scaling {', '.join(ROPE_SCALING_TYPES)}")
    if row is not None and row.sliding_pattern:
        _check_sliding_layers(config, row, where)


def _check_sliding_layers(config, row: Architecture, where: str) -> None:
    """llama.cpp fixes the sliding-window layout of the architecture (see gguf_config._sliding_layers);
    a config that differs would run differently there."""
    from core.models.gguf_config import _sliding_layers

    values = {"num_hidden_layers": config.num_hidden_layers, "hidden_size": config.hidden_size,
              "num_attention_heads": config.num_attention_heads, "rope_parameters": rope_parameters(config)}
    fixed = _sliding_layers(row, values, head_dim(config))
    sliding = (config.rope_parameters or {}).get("sliding_attention")
    if row.sliding_rope_theta is None:  # the sliding layers turn with the global base
        sliding_ok = sliding is None
    else:
        sliding_ok = (sliding or {}).get("rope_theta") == row.sliding_rope_theta and \
            (sliding or {}).get("rope_type", "default") == "default"
    capped = {key: getattr(config, key, None) is not None for key in ("attn_logit_softcapping", "final_logit_softcapping")}
    differ = [name for name, ok in (
        ("layer_types", list(config.layer_types) == fixed["layer_types"]),
        ("query_pre_attn_scalar", config.query_pre_attn_scalar == fixed["query_pre_attn_scalar"]),
        ("rope_parameters.sliding_attention", sliding_ok),
        ("attn_logit_softcapping", capped["attn_logit_softcapping"] == ("attn_logit_softcapping" in row.softcapping)),
        ("final_logit_softcapping", capped["final_logit_softcapping"] or "final_logit_softcapping" not in row.softcapping),
    ) if not ok]
    if differ:
        settings, arch = ", ".join(differ), row.gguf_arch
        what = (f"the config's {settings} differ from what llama.cpp fixes for {arch} (every {row.sliding_pattern}th "
                f"layer global, local rotary base {row.sliding_rope_theta:g})" if row.sliding_rope_theta is not None
                else f"the config's {settings} differ from what llama.cpp fixes for {arch} (every "
                     f"{row.sliding_pattern}th layer global, soft-capping of {' and '.join(row.softcapping)})")
        raise ModelError(what, where=where, fix="export a model with the architecture's standard layout")


def write_hparams(writer, row: Architecture, config, n_vocab: int) -> None:
    """Every table key the config has, plus what llama.cpp derives nothing for: head sizes, rope."""
    arch = row.gguf_arch
    values = {hf_key: getattr(config, hf_key, None) for hf_key, _ in row.config_keys}
    values["rope_theta"] = rope_parameters(config)["rope_theta"]
    values["num_key_value_heads"] = values["num_key_value_heads"] or config.num_attention_heads
    values["head_dim"] = head_dim(config)
    values["vocab_size"] = n_vocab  # the embedding rows are the truth, as on import
    for hf_key, value in values.items():
        if value is None:
            continue
        if hf_key in FLOAT_KEYS:
            writer.add_float32(gguf_key(arch, hf_key), float(value))
        else:
            writer.add_uint32(gguf_key(arch, hf_key), int(value))
    writer.add_uint32(Keys.Attention.VALUE_LENGTH.format(arch=arch), values["head_dim"])
    writer.add_uint32(Keys.Rope.DIMENSION_COUNT.format(arch=arch), values["head_dim"])
    _write_rope_scaling(writer, arch, config)


def _write_rope_scaling(writer, arch: str, config) -> None:
    params = rope_parameters(config)
    if params["rope_type"] in ("linear", "yarn"):
        writer.add_string(Keys.Rope.SCALING_TYPE.format(arch=arch), params["rope_type"])
        writer.add_float32(Keys.Rope.SCALING_FACTOR.format(arch=arch), float(params["factor"]))
        if "original_max_position_embeddings" in params:
            writer.add_uint32(Keys.Rope.SCALING_ORIG_CTX_LEN.format(arch=arch),
                              int(params["original_max_position_embeddings"]))


def rope_freqs(config) -> np.ndarray | None:
    """LLaMA-3.x rope scaling travels as a `rope_freqs` tensor of per-dimension divisors, as llama.cpp's
    converter writes it; None for every other rotary setting."""
    params = rope_parameters(config)
    if params["rope_type"] != "llama3":
        return None
    return llama3_rope_factors(head_dim(config), params["rope_theta"], params["factor"], params["low_freq_factor"],
                               params["high_freq_factor"],
                               params["original_max_position_embeddings"]).astype(np.float32)
