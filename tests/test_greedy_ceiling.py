"""`ruadapt bench ceiling`: a perfect transplant's first choice, drawn from the source's own continuations."""

import random

import pytest
from tiny_models import context_free_model
from tokenizers import Tokenizer, decoders, models, pre_tokenizers
from transformers import PreTrainedTokenizerFast

from core.bench.greedy_ceiling import PREFIX_CHARS, ceiling
from core.errors import UserError

ALPHABET = list("абвгд ")


def source_tokenizer():
    """One token per character: the source writes every word letter by letter."""
    tok = Tokenizer(models.WordLevel({"<s>": 0, **{c: i + 1 for i, c in enumerate(ALPHABET)}}, unk_token="<s>"))
    tok.pre_tokenizer = pre_tokenizers.Split("", behavior="isolated")
    tok.decoder = decoders.Fuse()
    return PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="<s>")


def adapted_tokenizer():
    """The source's characters plus one new token, "аа"."""
    vocab = {"<s>": 0, **{c: i + 1 for i, c in enumerate(ALPHABET)}, "аа": len(ALPHABET) + 1}
    tok = Tokenizer(models.BPE(vocab, [("а", "а")], unk_token="<s>"))
    return PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<s>", eos_token="<s>")


def text(chars: int = 700) -> str:
    rng = random.Random(1)
    words = ["".join(rng.choice("абвгд") for _ in range(rng.randint(1, 5))) for _ in range(chars // 3)]
    return " ".join(words)[:chars]


# The source writes "а" 60% of the time, "б" 20%: its continuations start with "аа" 36% of the time, with
# "а" then another letter 24%, with "б" 20%, so a perfect transplant puts the new token "аа" first, twice
# as long as the source's own first choice "а".
SOURCE = {"а": 0.6, "б": 0.2, "<s>": 0.0}


def test_a_perfect_transplant_puts_the_likeliest_long_token_first():
    source_tok, adapted_tok = source_tokenizer(), adapted_tokenizer()
    source = context_free_model(source_tok, SOURCE)
    seen = []
    result = ceiling(source, source_tok, adapted_tok, text(), positions=6, samples=200, tokens=4,
                     on_position=lambda done, total: seen.append((done, total)))
    assert result.positions == 6 and seen[-1] == (6, 6)
    assert result.source_chars == 1.0 and result.ideal_chars == 2.0 and result.ideal_new_share == 1.0
    assert result.estimator_agreement == 1.0  # the sampled first source tokens have "а" as their mode
    assert 0.25 < result.ideal_support < 0.5  # ~36% of the continuations start with "аа"
    assert result.adapted_chars is None
    assert result.margins["source"] == 0.0 == result.margins["ideal"]  # the same token at every word start


@pytest.mark.parametrize("favourite, chars, agreement", [("аа", 2.0, 1.0), ("б", 1.0, 0.0)])
def test_an_adapted_model_is_set_beside_the_perfect_transplant(favourite, chars, agreement):
    source_tok, adapted_tok = source_tokenizer(), adapted_tokenizer()
    adapted = context_free_model(adapted_tok, {favourite: 0.5, "<s>": 0.0})
    result = ceiling(context_free_model(source_tok, SOURCE), source_tok, adapted_tok, text(), adapted=adapted,
                     positions=4, samples=200, tokens=4)
    assert result.adapted_chars == chars and result.adapted_agreement == agreement


def test_a_text_too_short_for_a_context_says_so():
    with pytest.raises(UserError, match="no word starts(.|\\n)*more Russian text"):
        ceiling(context_free_model(source_tokenizer(), SOURCE), source_tokenizer(), adapted_tokenizer(),
                text(PREFIX_CHARS - 10), positions=4)


def test_nothing_to_sample_is_refused_with_the_option_to_fix():
    with pytest.raises(UserError, match="--samples must be at least 1"):
        ceiling(context_free_model(source_tokenizer(), SOURCE), source_tokenizer(), adapted_tokenizer(), text(),
                samples=0)
