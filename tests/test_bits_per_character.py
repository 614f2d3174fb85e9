"""Bits per character against values computed by hand."""

import math

import pytest
import torch
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from core.evaluation.bpc import bits_per_character
from core.evaluation.token_stats import token_efficiency


@pytest.fixture
def char_tokenizer():
    """One token per character of a small alphabet (+ BOS), so counts are easy to do by hand."""
    alphabet = list("абвгд ")
    vocab = {"<s>": 0, **{c: i + 1 for i, c in enumerate(alphabet)}}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<s>"))
    tok.pre_tokenizer = pre_tokenizers.Split("", behavior="isolated")
    return PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="<s>")


def uniform_model(vocab_size: int) -> LlamaForCausalLM:
    """A model whose LM head is zero: every next token has probability 1/V."""
    torch.manual_seed(0)
    model = LlamaForCausalLM(LlamaConfig(vocab_size=vocab_size, hidden_size=16, intermediate_size=32,
                                         num_hidden_layers=1, num_attention_heads=2, num_key_value_heads=2,
                                         tie_word_embeddings=False))
    with torch.no_grad():
        model.lm_head.weight.zero_()
    return model.eval()


def test_uniform_model_scores_log2_vocab_bits_per_token(char_tokenizer):
    text = "абв гд ааа"  # 10 characters, 10 tokens
    model = uniform_model(len(char_tokenizer))
    seen = []
    result = bits_per_character(model, char_tokenizer, text, window=4,
                                on_window=lambda done, total, bpc: seen.append((done, total, bpc)))
    expected = 10 * math.log2(7) / 10
    assert result.tokens == 10 and result.chars == 10
    assert result.bits_per_char == pytest.approx(expected, rel=1e-5)
    assert [s[0] for s in seen] == [4, 8, 10] and seen[-1][2] == pytest.approx(expected, rel=1e-5)


def test_a_context_free_distribution_costs_its_hand_computed_bits(char_tokenizer):
    """LM head = a fixed bias: every position predicts p(а)=1/2, p(б)=1/4, the rest share 1/4."""
    model = uniform_model(len(char_tokenizer))
    probs = torch.full((len(char_tokenizer),), 0.25 / 5)
    probs[char_tokenizer.convert_tokens_to_ids("а")] = 0.5
    probs[char_tokenizer.convert_tokens_to_ids("б")] = 0.25
    model.lm_head = torch.nn.Linear(model.config.hidden_size, len(char_tokenizer), bias=True)
    with torch.no_grad():
        model.lm_head.weight.zero_()
        model.lm_head.bias.copy_(probs.log())
    text = "аааб"  # 3 × 1 bit + 1 × 2 bits over 4 characters
    assert bits_per_character(model, char_tokenizer, text, window=3).bits_per_char == pytest.approx(5 / 4, rel=1e-5)


def test_token_efficiency_counts(char_tokenizer):
    eff = token_efficiency(char_tokenizer, "абв гд")
    assert (eff.chars, eff.words, eff.tokens) == (6, 2, 6)
    assert eff.chars_per_token == 1.0 and eff.tokens_per_word == 3.0
    assert eff.split_3plus_share == 1.0  # " абв" and " гд" are 4 and 3 tokens
