"""Tiny random models for tests, built in seconds: Hugging Face folders (llama, qwen2, qwen3) with a
real byte-level BPE tokenizer, and GGUF files written from them through `core.models.architectures`.

    hf = make_tiny_hf_model(tmp_path / "hf", arch="qwen2")
    gguf_path = make_tiny_gguf(tmp_path / "tiny.gguf", hf_dir=tmp_path / "hf")

For a GGUF import slow enough to cancel mid-way, ask for many layers or a wider model:
`make_tiny_gguf(path, layers=48, hidden=512, tensor_type="q8_0")`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from core.models.architectures import (architecture, gguf_key, heads_for, hf_to_gguf_name, needs_rotary_permute,
                                       permute_qk)
from core.models.gguf_config import llama3_rope_factors

SPECIAL_TOKENS = ("<|endoftext|>", "<|im_start|>", "<|im_end|>")
CHAT_TEMPLATE = ("{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
                 "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")
TRAINING_TEXT = """\
Москва — столица России, крупнейший по численности населения город страны. В 1147 году её впервые
упомянули в летописи. Русский язык богат и выразителен; на нём написаны романы, стихи и научные труды.
Модель читает текст по токенам: чем длиннее токен, тем быстрее генерация и дешевле обучение.
The quick brown fox jumps over the lazy dog. Language models read text as tokens; a tokenizer that
splits Russian into single bytes makes every sentence long and every answer slow. It's 2024, isn't it?
""" * 3

CONFIG_CLASSES = {"llama": "LlamaConfig", "qwen2": "Qwen2Config", "qwen3": "Qwen3Config"}


def train_tiny_tokenizer(vocab_size: int = 384):
    """A byte-level BPE (GPT-2 split, all 256 bytes, ChatML specials) as a transformers fast tokenizer."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    backend = Tokenizer(models.BPE())
    backend.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)
    backend.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=list(SPECIAL_TOKENS),
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    backend.train_from_iterator(TRAINING_TEXT.splitlines(), trainer)
    return PreTrainedTokenizerFast(tokenizer_object=backend, bos_token=SPECIAL_TOKENS[0],
                                   eos_token=SPECIAL_TOKENS[2], pad_token=SPECIAL_TOKENS[0],
                                   chat_template=CHAT_TEMPLATE)


def tiny_config(arch: str = "llama", *, vocab_size: int = 384, hidden: int = 64, layers: int = 2,
                heads: int = 4, kv_heads: int = 2, tied: bool = False, rope_parameters: dict | None = None):
    import transformers

    config_class = getattr(transformers, CONFIG_CLASSES[arch])
    extra = {"head_dim": 2 * hidden // heads} if arch == "qwen3" else {}  # Qwen3 sets head_dim apart
    rope_parameters = rope_parameters or {"rope_type": "default", "rope_theta": 10000.0}
    # transformers wants the scaled context longer than the original one it scales
    max_positions = max(256, 2 * rope_parameters.get("original_max_position_embeddings", 0))
    return config_class(
        vocab_size=vocab_size, hidden_size=hidden, intermediate_size=2 * hidden, num_hidden_layers=layers,
        num_attention_heads=heads, num_key_value_heads=kv_heads, max_position_embeddings=max_positions,
        tie_word_embeddings=tied, bos_token_id=0, eos_token_id=2, pad_token_id=0,
        rope_parameters=rope_parameters, **extra)


def make_tiny_hf_model(directory: Path, arch: str = "llama", *, vocab_size: int = 384, hidden: int = 64,
                       layers: int = 2, tied: bool = False, seed: int = 0, rope_parameters: dict | None = None,
                       save_tokenizer: bool = True) -> Path:
    """A random model folder. Every weight is random (norms near 1, biases non-zero), so a swapped or
    mis-permuted tensor always shows in a comparison."""
    import torch
    from transformers import AutoModelForCausalLM

    tokenizer = train_tiny_tokenizer(vocab_size)
    config = tiny_config(arch, vocab_size=len(tokenizer), hidden=hidden, layers=layers, tied=tied,
                         rope_parameters=rope_parameters)
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(config)
    with torch.no_grad():
        for name, param in model.named_parameters():
            param.copy_(1 + 0.1 * torch.randn_like(param) if "norm" in name else 0.08 * torch.randn_like(param))
    directory = Path(directory)
    model.save_pretrained(directory)
    if save_tokenizer:
        tokenizer.save_pretrained(directory)
    return directory


def _quantize(values: np.ndarray, tensor_type: str):
    from gguf import GGMLQuantizationType
    from gguf.quants import quantize

    if values.ndim == 1 or tensor_type == "f32":  # llama.cpp keeps norms and biases in f32
        return values.astype(np.float32), None
    if tensor_type == "f16":
        return values.astype(np.float16), None
    kind = GGMLQuantizationType[tensor_type.upper()]
    return quantize(values.astype(np.float32), kind), kind


def _write_tokenizer(writer, tokenizer) -> None:
    import json

    from gguf import TokenType

    state = json.loads(tokenizer.backend_tokenizer.to_str())
    vocab = tokenizer.get_vocab()
    tokens = sorted(vocab, key=vocab.get)
    specials = {t.content for t in tokenizer.added_tokens_decoder.values() if t.special}
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("gpt-2")  # our tokenizer splits text with GPT-2's regex
    writer.add_token_list(tokens)
    writer.add_token_types([TokenType.CONTROL if t in specials else TokenType.NORMAL for t in tokens])
    writer.add_token_merges([" ".join(m) if isinstance(m, list) else m for m in state["model"]["merges"]])
    writer.add_bos_token_id(tokenizer.bos_token_id)
    writer.add_eos_token_id(tokenizer.eos_token_id)
    writer.add_pad_token_id(tokenizer.pad_token_id)
    writer.add_add_bos_token(False)
    writer.add_chat_template(tokenizer.chat_template)


def _write_config(writer, arch: str, config) -> None:
    for hf_key, _ in architecture(arch).config_keys:
        if hf_key == "rope_theta":
            writer.add_float32(gguf_key(arch, hf_key), float(config.rope_parameters["rope_theta"]))
        elif hf_key == "rms_norm_eps":
            writer.add_float32(gguf_key(arch, hf_key), float(config.rms_norm_eps))
        elif getattr(config, hf_key, None) is not None:  # Qwen2 has no head_dim: derived in llama.cpp
            writer.add_uint32(gguf_key(arch, hf_key), int(getattr(config, hf_key)))
    head_dim = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
    writer.add_uint32(f"{arch}.attention.value_length", int(head_dim))
    writer.add_uint32(f"{arch}.rope.dimension_count", int(head_dim))


def write_gguf_from_hf(hf_dir: Path, gguf_path: Path, tensor_type: str = "f32") -> Path:
    """A GGUF llama.cpp can run, from a tiny HF folder, through the architecture table."""
    import gguf
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(hf_dir, dtype=torch.float32)
    tokenizer = AutoTokenizer.from_pretrained(hf_dir)
    config, arch = model.config, model.config.model_type
    writer = gguf.GGUFWriter(gguf_path, arch)
    _write_config(writer, arch, config)
    _write_tokenizer(writer, tokenizer)
    rope = config.rope_parameters
    if rope.get("rope_type") == "llama3":
        factors = llama3_rope_factors(config.head_dim, rope["rope_theta"], rope["factor"], rope["low_freq_factor"],
                                      rope["high_freq_factor"], rope["original_max_position_embeddings"])
        writer.add_tensor("rope_freqs.weight", factors.astype(np.float32))
    for name, tensor in model.state_dict().items():
        if name == "lm_head.weight" and config.tie_word_embeddings:
            continue
        gguf_name = hf_to_gguf_name(arch, name)
        values = tensor.numpy()
        if needs_rotary_permute(arch, gguf_name):
            values = permute_qk(values, heads_for(gguf_name, config.num_attention_heads, config.num_key_value_heads))
        data, raw_dtype = _quantize(values, tensor_type)
        writer.add_tensor(gguf_name, data, raw_dtype=raw_dtype)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return Path(gguf_path)


def make_tiny_gguf(path: Path, arch: str = "llama", *, hf_dir: Path | None = None, tensor_type: str = "f32",
                   hidden: int = 64, layers: int = 2, tied: bool = False, seed: int = 0,
                   rope_parameters: dict | None = None) -> Path:
    """A tiny GGUF file (and its HF original in `hf_dir`, default `<path>.hf/`). tensor_type: f32, f16,
    q8_0, q4_0 (quantized types need rows that are multiples of 32)."""
    path = Path(path)
    hf_dir = Path(hf_dir) if hf_dir is not None else path.with_name(path.name + ".hf")
    make_tiny_hf_model(hf_dir, arch, hidden=hidden, layers=layers, tied=tied, seed=seed,
                       rope_parameters=rope_parameters)
    return write_gguf_from_hf(hf_dir, path, tensor_type)
