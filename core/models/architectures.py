"""Per-architecture facts, as one table read in both directions (HF -> GGUF for export, GGUF -> HF
for import). Adding an architecture means adding a row, not a branch.

Tensor names follow llama.cpp's `convert_hf_to_gguf.py` / gguf-py `TensorNameMap`; metadata keys
follow gguf-py `Keys.LLM` / `Keys.Attention` / `Keys.Rope`. `{bid}` stands for the block (layer) number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TypeVar

from core.errors import ModelError

# Tensors every decoder here has: LLaMA's layout, which Qwen2/Qwen3 and Mistral share.
_DECODER_TENSORS: tuple[tuple[str, str], ...] = (
    ("model.embed_tokens.weight", "token_embd.weight"),
    ("model.norm.weight", "output_norm.weight"),
    ("lm_head.weight", "output.weight"),  # absent from both when the embeddings are tied
    ("model.layers.{bid}.input_layernorm.weight", "blk.{bid}.attn_norm.weight"),
    ("model.layers.{bid}.self_attn.q_proj.weight", "blk.{bid}.attn_q.weight"),
    ("model.layers.{bid}.self_attn.k_proj.weight", "blk.{bid}.attn_k.weight"),
    ("model.layers.{bid}.self_attn.v_proj.weight", "blk.{bid}.attn_v.weight"),
    ("model.layers.{bid}.self_attn.o_proj.weight", "blk.{bid}.attn_output.weight"),
    ("model.layers.{bid}.post_attention_layernorm.weight", "blk.{bid}.ffn_norm.weight"),
    ("model.layers.{bid}.mlp.gate_proj.weight", "blk.{bid}.ffn_gate.weight"),
    ("model.layers.{bid}.mlp.up_proj.weight", "blk.{bid}.ffn_up.weight"),
    ("model.layers.{bid}.mlp.down_proj.weight", "blk.{bid}.ffn_down.weight"),
)
# q/k/v biases: Qwen1.5/2/2.5. (LLaMA's rare `attention_bias = true` also biases o_proj; not supported.)
_QKV_BIAS: tuple[tuple[str, str], ...] = (
    ("model.layers.{bid}.self_attn.q_proj.bias", "blk.{bid}.attn_q.bias"),
    ("model.layers.{bid}.self_attn.k_proj.bias", "blk.{bid}.attn_k.bias"),
    ("model.layers.{bid}.self_attn.v_proj.bias", "blk.{bid}.attn_v.bias"),
)
# Qwen3: RMSNorm over each head of q and k before rotary.
_QK_NORM: tuple[tuple[str, str], ...] = (
    ("model.layers.{bid}.self_attn.q_norm.weight", "blk.{bid}.attn_q_norm.weight"),
    ("model.layers.{bid}.self_attn.k_norm.weight", "blk.{bid}.attn_k_norm.weight"),
)

# Gemma 3: four norms per block (before and after attention and MLP), per-head q/k norms, tied head.
_GEMMA3_TENSORS: tuple[tuple[str, str], ...] = tuple(
    pair for pair in _DECODER_TENSORS if "post_attention_layernorm" not in pair[0]) + _QK_NORM + (
    ("model.layers.{bid}.post_attention_layernorm.weight", "blk.{bid}.post_attention_norm.weight"),
    ("model.layers.{bid}.pre_feedforward_layernorm.weight", "blk.{bid}.ffn_norm.weight"),
    ("model.layers.{bid}.post_feedforward_layernorm.weight", "blk.{bid}.post_ffw_norm.weight"),
)

# Gemma 2: Gemma 3's four norms per block, without the q/k norms, and no LM head of its own (llama.cpp
# and gguf-py have none: the output reads token_embd).
_GEMMA2_TENSORS: tuple[tuple[str, str], ...] = tuple(
    pair for pair in _GEMMA3_TENSORS if pair not in _QK_NORM and pair[0] != "lm_head.weight")

# HF config key <-> GGUF metadata key (without the "<arch>." prefix). `rope_theta` sits under
# `config.rope_parameters` in transformers 5.x; callers read it from there.
_DECODER_CONFIG: tuple[tuple[str, str], ...] = (
    ("max_position_embeddings", "context_length"),
    ("hidden_size", "embedding_length"),
    ("num_hidden_layers", "block_count"),
    ("intermediate_size", "feed_forward_length"),
    ("num_attention_heads", "attention.head_count"),
    ("num_key_value_heads", "attention.head_count_kv"),
    ("rms_norm_eps", "attention.layer_norm_rms_epsilon"),
    ("rope_theta", "rope.freq_base"),
    ("head_dim", "attention.key_length"),
    ("vocab_size", "vocab_size"),
)
_GEMMA3_CONFIG = _DECODER_CONFIG + (
    ("sliding_window", "attention.sliding_window"),
    ("final_logit_softcapping", "final_logit_softcapping"),  # absent from Gemma 3 releases so far
)
_GEMMA2_CONFIG = _GEMMA3_CONFIG + (
    ("attn_logit_softcapping", "attn_logit_softcapping"),
)


@dataclass(frozen=True)
class Architecture:
    gguf_arch: str  # `general.architecture` in GGUF
    hf_model_types: tuple[str, ...]  # config.json `model_type`s that map here; the first is written on import
    hf_classes: tuple[str, ...]  # config.json `architectures` entries; the first is written on import
    tensors: tuple[tuple[str, str], ...]  # (HF name, GGUF name) templates
    config_keys: tuple[tuple[str, str], ...]  # (HF config key, GGUF key suffix)
    rotary_permute: bool  # q/k rows reordered between HF's rotate-half and GGUF's interleaved rotary
    note: str = ""
    # GGUF stores every `*norm.weight` plus this (Gemma's RMSNorm scales by 1 + w; llama.cpp's by w).
    norm_shift: float = 0.0
    # Sliding-window layers, which llama.cpp lays out per architecture rather than reading from the file
    # (Gemma 3: every 6th layer global, Gemma 2: every 2nd), with their own rotary base where it fixes one
    # (Gemma 3: local base 10000; HF keeps `rope_parameters` per layer type then; None: the global base).
    sliding_rope_theta: float | None = None
    sliding_pattern: int = 0  # every n-th layer is full attention, the others sliding
    # llama.cpp scales attention by 1/sqrt(head_dim), except for the one size (known by its layer count,
    # the 27B) that it scales by 1/sqrt(hidden/heads)
    wide_scale_layers: int = 0
    # Soft-capping llama.cpp always applies (Gemma 2: tanh-capped attention scores and final logits, the
    # caps read from the file): the HF config must have them too. Gemma 3 applies none to attention.
    softcapping: tuple[str, ...] = ()
    tied_only: bool = False  # llama.cpp's graph has no LM head of its own: it reads token_embd (Gemma 2)
    # llama.cpp's error beyond float rounding with f32 weights: its CPU GELU reads an fp16 table
    # (GGML_GELU_FP16), ~1e-3 mean and ~0.02 largest logit difference on random test models.
    f32_logit_slack: float = 0.0


ARCHITECTURES: dict[str, Architecture] = {
    a.gguf_arch: a
    for a in (
        Architecture(
            "llama", ("llama", "mistral"), ("LlamaForCausalLM", "MistralForCausalLM"),
            _DECODER_TENSORS, _DECODER_CONFIG, rotary_permute=True,
            note="LLaMA 1-3, SmolLM/SmolLM2, Mistral (llama.cpp converts Mistral to the llama layout)",
        ),
        Architecture(
            "qwen2", ("qwen2",), ("Qwen2ForCausalLM",),
            _DECODER_TENSORS + _QKV_BIAS, _DECODER_CONFIG, rotary_permute=False,
            note="Qwen1.5, Qwen2, Qwen2.5: q/k/v biases, rotate-half rotary in GGUF too",
        ),
        Architecture(
            "qwen3", ("qwen3",), ("Qwen3ForCausalLM",),
            _DECODER_TENSORS + _QK_NORM, _DECODER_CONFIG, rotary_permute=False,
            note="Qwen3 dense: per-head q/k RMSNorm, no biases, head_dim set explicitly",
        ),
        Architecture(
            "gemma3", ("gemma3_text",), ("Gemma3ForCausalLM",),
            _GEMMA3_TENSORS, _GEMMA3_CONFIG, rotary_permute=False, norm_shift=1.0,
            sliding_rope_theta=10000.0, sliding_pattern=6, wide_scale_layers=62, f32_logit_slack=0.05,
            note="Gemma 3 text (270M, 1B): embeddings scaled by sqrt(hidden) inside both runtimes, tied head, "
                 "norms stored as 1 + w, 5 sliding-window layers per global one, q/k norms, no soft-capping",
        ),
        Architecture(
            "gemma2", ("gemma2",), ("Gemma2ForCausalLM",),
            _GEMMA2_TENSORS, _GEMMA2_CONFIG, rotary_permute=False, norm_shift=1.0,
            sliding_pattern=2, wide_scale_layers=46, f32_logit_slack=0.05,
            softcapping=("attn_logit_softcapping", "final_logit_softcapping"), tied_only=True,
            note="Gemma 2 (2B, 9B, 27B): embeddings scaled by sqrt(hidden), tied head, norms stored as 1 + w, "
                 "sliding-window and global layers alternating, attention and final logits soft-capped (tanh)",
        ),
    )
}

# GGUF tensors with no HF counterpart: recomputed from the config by converters, so import skips them.
GGUF_ONLY_TENSORS: dict[str, str] = {
    "rope_freqs.weight": "LLaMA-3.1 rope scaling factors (HF keeps them as config.rope_scaling)",
}

_BLOCK = re.compile(r"\.(\d+)\.")


def supported_names() -> str:
    return ", ".join(sorted({t for a in ARCHITECTURES.values() for t in a.hf_model_types}))


def architecture(gguf_arch: str) -> Architecture:
    """The row for a GGUF architecture name ("llama", "qwen2", "qwen3")."""
    try:
        return ARCHITECTURES[gguf_arch]
    except KeyError:
        raise ModelError(
            f"the architecture {gguf_arch!r} is not supported",
            fix=f"use a model of a supported architecture ({', '.join(ARCHITECTURES)})",
        ) from None


def architecture_for_hf(model_type: str, classes: list[str] | tuple[str, ...] = ()) -> Architecture | None:
    """The row for an HF config's `model_type` (or `architectures` class names), or None."""
    for arch in ARCHITECTURES.values():
        if model_type in arch.hf_model_types or any(c in arch.hf_classes for c in classes):
            return arch
    return None


@cache
def _tensor_maps(arch: str) -> tuple[dict[str, str], dict[str, str]]:
    row = architecture(arch)
    return dict(row.tensors), {g: h for h, g in row.tensors}


def _translate(name: str, table: dict[str, str]) -> str | None:
    match = _BLOCK.search(name)
    if match is None:
        return table.get(name)
    template = table.get(name[: match.start()] + ".{bid}." + name[match.end():])
    return None if template is None else template.format(bid=match.group(1))


def hf_to_gguf_name(arch: str, name: str) -> str:
    """`model.layers.3.self_attn.q_proj.weight` -> `blk.3.attn_q.weight`."""
    out = _translate(name, _tensor_maps(arch)[0])
    if out is None:
        raise ModelError(f"the tensor {name!r} has no GGUF name for the {arch} architecture",
                         fix="this model has layers Ruadapt does not know; use a plain model of this family")
    return out


def gguf_to_hf_name(arch: str, name: str) -> str:
    """`blk.3.attn_q.weight` -> `model.layers.3.self_attn.q_proj.weight`."""
    out = _translate(name, _tensor_maps(arch)[1])
    if out is None:
        raise ModelError(f"the GGUF tensor {name!r} has no Hugging Face name for the {arch} architecture",
                         fix="this file has layers Ruadapt does not know; use a plain model of this family")
    return out


def gguf_key(arch: str, hf_key: str) -> str:
    """The GGUF metadata key for an HF config key: `hidden_size` -> `llama.embedding_length`."""
    suffix = dict(architecture(arch).config_keys)[hf_key]
    return f"{arch}.{suffix}"


Array = TypeVar("Array")  # numpy arrays and torch tensors both have reshape/swapaxes


def needs_rotary_permute(arch: str, name: str) -> bool:
    """True for the q/k projection weights (and biases) of architectures stored interleaved in GGUF."""
    return architecture(arch).rotary_permute and any(
        part in name for part in (".attn_q.", ".attn_k.", ".q_proj.", ".k_proj."))


def permute_qk(weights: Array, n_head: int) -> Array:
    """HF (rotate-half) rows -> GGUF (interleaved) rows, as `convert_hf_to_gguf.py`'s `permute`.
    `n_head` is the number of heads the rows belong to (the KV heads for k_proj)."""
    shape = weights.shape
    return weights.reshape(n_head, 2, shape[0] // n_head // 2, *shape[1:]).swapaxes(1, 2).reshape(shape)


def unpermute_qk(weights: Array, n_head: int) -> Array:
    """GGUF (interleaved) rows -> HF (rotate-half) rows: the inverse of `permute_qk`."""
    shape = weights.shape
    return weights.reshape(n_head, shape[0] // n_head // 2, 2, *shape[1:]).swapaxes(1, 2).reshape(shape)


def norm_shift(arch: str, name: str) -> float:
    """What GGUF adds to this tensor (HF -> GGUF); import subtracts it."""
    return architecture(arch).norm_shift if name.endswith("norm.weight") else 0.0


def heads_for(name: str, n_head: int, n_head_kv: int) -> int:
    """How many heads a q or k tensor's rows are split into (k uses the KV heads under GQA)."""
    return n_head_kv if ".attn_k." in name or ".k_proj." in name else n_head
