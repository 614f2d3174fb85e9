"""Bits per character against values computed by hand."""

import math

import pytest
import torch
from tokenizers import Regex, Tokenizer, models, pre_tokenizers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

from core.evaluation.bpc import bits_per_character, characters_per_token_id
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


def biased_model(tokenizer, favourite: str) -> LlamaForCausalLM:
    """A model whose every next token is `favourite` first (a fixed LM-head bias)."""
    model = uniform_model(len(tokenizer))
    model.lm_head = torch.nn.Linear(model.config.hidden_size, len(tokenizer), bias=True)
    with torch.no_grad():
        model.lm_head.weight.zero_()
        model.lm_head.bias.zero_()
        model.lm_head.bias[tokenizer.convert_tokens_to_ids(favourite)] = 1.0
    return model


def test_the_first_choice_writes_its_own_characters_per_token():
    """Greedy decoding writes the model's first choice: a model that always puts a 2-letter token first
    writes 2 characters a token, whatever the text; one that puts the start token first writes none."""
    vocab = {"<s>": 0, "аб": 1, "в": 2}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<s>"))
    tok.pre_tokenizer = pre_tokenizers.Split(Regex("аб|в"), behavior="isolated")
    tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="<s>")
    assert characters_per_token_id(tokenizer) == [0, 2, 1]  # a special token writes nothing
    text = "абвввв"  # 5 tokens
    for favourite, expected in (("аб", 2.0), ("в", 1.0), ("<s>", 0.0)):
        result = bits_per_character(biased_model(tokenizer, favourite), tokenizer, text, window=2)
        assert result.tokens == 5 and result.top1_chars_per_token == pytest.approx(expected), favourite


def test_a_byte_level_vocabularys_pieces_add_up_to_the_texts_characters():
    """In a byte-level BPE a letter's lead byte counts one character and a continuation byte none, so the
    pieces of any text, Russian letters cut in bytes included, add up to its length."""
    from tiny_models import TRAINING_TEXT, train_tiny_tokenizer

    tokenizer = train_tiny_tokenizer(300)
    writes = characters_per_token_id(tokenizer)
    vocab = tokenizer.get_vocab()
    assert writes[vocab["Ð"]] == 1 and writes[vocab["¸"]] == 0 and writes[vocab["Ġ"]] == 1
    for text in (TRAINING_TEXT[:400], "Щёлкнул ёж — 2024 год, «ъ»!"):
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
        assert sum(writes[i] for i in ids) == len(text)


def test_the_characters_per_token_follow_tokens_added_to_the_tokenizer():
    """The table is kept per tokenizer, yet a token added afterwards gets its own entry."""
    from tiny_models import train_tiny_tokenizer

    tokenizer = train_tiny_tokenizer(300)
    before = characters_per_token_id(tokenizer)
    assert characters_per_token_id(tokenizer) == before
    tokenizer.add_tokens(["приветик"])
    after = characters_per_token_id(tokenizer)
    assert after[:-1] == before and len(after) == len(before) + 1 and after[-1] == len("приветик")
