"""Tiny random models for tests, built in seconds: Hugging Face folders (llama, qwen2, qwen3) with a
real byte-level BPE tokenizer, and GGUF files written from them by the product exporter (`core.export`).

    hf = make_tiny_hf_model(tmp_path / "hf", arch="qwen2")
    gguf_path = make_tiny_gguf(tmp_path / "tiny.gguf", hf_dir=tmp_path / "hf")

For a GGUF import slow enough to cancel mid-way, ask for many layers or a wider model:
`make_tiny_gguf(path, layers=48, hidden=512, tensor_type="q8_0")`.
"""

from __future__ import annotations

from pathlib import Path

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

CONFIG_CLASSES = {"llama": "LlamaConfig", "qwen2": "Qwen2Config", "qwen3": "Qwen3Config",
                  "gemma3": "Gemma3TextConfig", "gemma2": "Gemma2Config"}


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


SPM_SPECIAL_TOKENS = ("<unk>", "<s>", "</s>")


def sentencepiece_template(add_space_prefix: bool = True):
    """An untrained SentencePiece-style BPE as Llama-2's tokenizer.json has it (Gemma's without the
    leading ▁): spaces as ▁, byte fallback, BOS added."""
    from tokenizers import Tokenizer, decoders, models, normalizers, processors

    backend = Tokenizer(models.BPE(byte_fallback=True, fuse_unk=True, unk_token="<unk>"))
    replace = normalizers.Replace(" ", "\u2581")
    backend.normalizer = normalizers.Sequence([normalizers.Prepend("\u2581"), replace]) if add_space_prefix else replace
    steps = [decoders.Replace("\u2581", " "), decoders.ByteFallback(), decoders.Fuse()]
    backend.decoder = decoders.Sequence(steps + ([decoders.Strip(" ", 1, 0)] if add_space_prefix else []))
    backend.post_processor = processors.TemplateProcessing(single="<s> $A", special_tokens=[("<s>", 1)])
    return backend


def train_tiny_sentencepiece_tokenizer(algorithm: str = "bpe", vocab_size: int = 700, add_space_prefix: bool = True):
    """A SentencePiece-style vocabulary (Llama-2/Mistral/Gemma conventions), trained by the product's trainer."""
    from transformers import PreTrainedTokenizerFast

    from core.tokenizer.sentencepiece import train_sentencepiece

    backend = train_sentencepiece(TRAINING_TEXT.splitlines(), sentencepiece_template(add_space_prefix), algorithm,
                                  vocab_size, 1, list(SPM_SPECIAL_TOKENS))
    return PreTrainedTokenizerFast(tokenizer_object=backend, unk_token="<unk>", bos_token="<s>", eos_token="</s>",
                                   chat_template=CHAT_TEMPLATE.replace("<|im_start|>", "<s>").replace("<|im_end|>", "</s>"))


def tiny_config(arch: str = "llama", *, vocab_size: int = 384, hidden: int = 64, layers: int = 2,
                heads: int = 4, kv_heads: int = 2, tied: bool = False, rope_parameters: dict | None = None):
    import transformers

    config_class = getattr(transformers, CONFIG_CLASSES[arch])
    extra = {"head_dim": 2 * hidden // heads} if arch == "qwen3" else {}  # Qwen3 sets head_dim apart
    if arch in ("gemma3", "gemma2"):  # a window shorter than the test prompts, so sliding layers really slide
        extra = {"head_dim": hidden // heads, "query_pre_attn_scalar": hidden // heads, "sliding_window": 8}
    if arch == "gemma2":  # caps low enough that the random model's scores and logits reach them
        extra.update(attn_logit_softcapping=2.0, final_logit_softcapping=3.0)
    rope_parameters = rope_parameters or {"rope_type": "default", "rope_theta": 10000.0}
    if arch == "gemma3":
        rope_parameters = {"full_attention": rope_parameters,
                           "sliding_attention": {"rope_type": "default", "rope_theta": 10000.0}}
    # transformers wants the scaled context longer than the original one it scales
    max_positions = max(256, 2 * rope_parameters.get("original_max_position_embeddings", 0))
    return config_class(
        vocab_size=vocab_size, hidden_size=hidden, intermediate_size=2 * hidden, num_hidden_layers=layers,
        num_attention_heads=heads, num_key_value_heads=kv_heads, max_position_embeddings=max_positions,
        tie_word_embeddings=tied, bos_token_id=0, eos_token_id=2, pad_token_id=0,
        rope_parameters=rope_parameters, **extra)


def make_tiny_hf_model(directory: Path, arch: str = "llama", *, vocab_size: int = 384, hidden: int = 64,
                       layers: int = 2, tied: bool = False, seed: int = 0, rope_parameters: dict | None = None,
                       save_tokenizer: bool = True, tokenizer=None) -> Path:
    """A random model folder. Every weight is random (norms near 1, biases non-zero), so a swapped or
    mis-permuted tensor always shows in a comparison."""
    import torch
    from transformers import AutoModelForCausalLM

    tokenizer = tokenizer or train_tiny_tokenizer(vocab_size)
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


def write_gguf_from_hf(hf_dir: Path, gguf_path: Path, tensor_type: str = "f32") -> Path:
    """A GGUF llama.cpp can run, from a tiny HF folder, by the product exporter (`core.export`): float
    types written directly, quantized ones by llama.cpp's quantizer from an f32 export."""
    import tempfile

    from core.export import FLOAT_TYPES, quantize_gguf, write_gguf

    if tensor_type in FLOAT_TYPES:
        return write_gguf(hf_dir, gguf_path, tensor_type).path
    with tempfile.TemporaryDirectory(prefix="tiny-gguf-") as tmp:
        source = write_gguf(hf_dir, Path(tmp) / "f32.gguf", "f32").path
        return quantize_gguf(source, gguf_path, tensor_type).path


def make_tiny_gguf(path: Path, arch: str = "llama", *, hf_dir: Path | None = None, tensor_type: str = "f32",
                   hidden: int = 64, layers: int = 2, tied: bool = False, seed: int = 0,
                   rope_parameters: dict | None = None) -> Path:
    """A tiny GGUF file (and its HF original in `hf_dir`, default `<path>.hf/`). tensor_type: f32, f16,
    bf16, or a llama.cpp quantization (q8_0, q4_0...; rows that are no multiple of the type's block fall
    back to another type, as llama.cpp does)."""
    path = Path(path)
    hf_dir = Path(hf_dir) if hf_dir is not None else path.with_name(path.name + ".hf")
    make_tiny_hf_model(hf_dir, arch, hidden=hidden, layers=layers, tied=tied, seed=seed,
                       rope_parameters=rope_parameters)
    return write_gguf_from_hf(hf_dir, path, tensor_type)


def context_free_model(tokenizer, probabilities: dict[str, float]):
    """A Llama whose every next token follows `probabilities` (token → probability; the rest share what
    is left evenly), whatever the context: its LM head is a fixed bias."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    size = len(tokenizer)
    model = LlamaForCausalLM(LlamaConfig(vocab_size=size, hidden_size=16, intermediate_size=32, num_hidden_layers=1,
                                         num_attention_heads=2, num_key_value_heads=2, tie_word_embeddings=False))
    rest = (1.0 - sum(probabilities.values())) / (size - len(probabilities))
    probs = torch.full((size,), rest)
    for token, p in probabilities.items():
        probs[tokenizer.convert_tokens_to_ids(token)] = p
    model.lm_head = torch.nn.Linear(16, size, bias=True)
    with torch.no_grad():
        model.lm_head.weight.zero_()
        model.lm_head.bias.copy_(probs.clamp_min(1e-12).log())
    return model.eval()
