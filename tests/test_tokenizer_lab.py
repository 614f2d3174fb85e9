"""The tokenizer lab's three modes on a small byte-level BPE source: savings, safety, losslessness."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import AutoTokenizer, PreTrainedTokenizerFast

from conftest import russian_text
from core.evaluation.token_stats import token_efficiency
from core.tokenizer.hf_files import save_like_source
from core.tokenizer.train import train_vocabulary
from core.tokenizer.continued_bpe import append_merges, learn_merges, segment_words, unused_tokens, word_counts
from core.tokenizer.vocab_ops import extend_bpe, optimize_bpe, shrink_bpe

SPECIALS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
ENGLISH = ("The quick brown fox jumps over the lazy dog. Language models spend more tokens on some languages "
           "than on others, which makes them slower and costlier. ") * 20
TEMPLATE = "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """An English byte-level BPE (like SmolLM2's: few Cyrillic tokens), saved as a HF tokenizer."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator([ENGLISH] * 5, trainers.BpeTrainer(
        vocab_size=600, special_tokens=SPECIALS, initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False))
    folder = tmp_path_factory.mktemp("source")
    PreTrainedTokenizerFast(tokenizer_object=tok, bos_token="<|im_start|>", eos_token="<|im_end|>",
                            unk_token="<|endoftext|>", chat_template=TEMPLATE,
                            clean_up_tokenization_spaces=False).save_pretrained(folder)
    return AutoTokenizer.from_pretrained(folder)


TRAIN = russian_text(300, seed=1).split("\n\n")
HELDOUT = russian_text(30, seed=2)


def edit(mode: str, source, vocab_size=1500, new_tokens=600, rule="rank"):
    backend, counts = source.backend_tokenizer, word_counts(source.backend_tokenizer, TRAIN)
    if mode == "extend":
        return extend_bpe(backend, counts, new_tokens)
    return optimize_bpe(backend, counts, vocab_size - new_tokens, new_tokens, rule)


def build(mode: str, source, tmp_path, vocab_size=1500, new_tokens=600, rule="rank"):
    if mode == "replace":
        new = train_vocabulary(iter(TRAIN), source.backend_tokenizer, "bpe", vocab_size, 2, SPECIALS)
    else:
        new = edit(mode, source, vocab_size, new_tokens, rule).tokenizer
    save_like_source(new, source, tmp_path / f"{mode}-{rule}")
    return AutoTokenizer.from_pretrained(tmp_path / f"{mode}-{rule}")


@pytest.mark.parametrize("mode", ["replace", "extend", "optimized"])
def test_every_mode_spends_fewer_tokens_on_russian_and_keeps_specials_and_template(mode, source, tmp_path):
    new = build(mode, source, tmp_path)
    before, after = token_efficiency(source, HELDOUT), token_efficiency(new, HELDOUT)
    assert before.tokens / after.tokens > 1.8, (before, after)
    for token in SPECIALS:  # special tokens keep their ids: the model's embeddings for them are reused
        assert new.convert_tokens_to_ids(token) == source.convert_tokens_to_ids(token)
    assert new.chat_template == TEMPLATE and new.eos_token == "<|im_end|>"
    chat = new.apply_chat_template([{"role": "user", "content": "Привет"}], tokenize=False)
    assert new.decode(new(chat, add_special_tokens=False)["input_ids"]) == chat


def test_extend_keeps_every_source_token_and_english_tokenization(source, tmp_path):
    new = build("extend", source, tmp_path)
    src_vocab, new_vocab = source.get_vocab(), new.get_vocab()
    assert all(new_vocab[t] == i for t, i in src_vocab.items())
    assert 0 < len(new_vocab) - len(src_vocab) <= 600
    english = ENGLISH + " Numbers 1234, code: def f(x): return x**2 # done\n\ttabs — café, “naïve” ∧ ∨ 😀 日本"
    assert new(english)["input_ids"] == source(english)["input_ids"]


@pytest.mark.parametrize("rule", ["rank", "russian_use"])
def test_optimized_keeps_the_byte_alphabet_and_a_dense_vocabulary(source, tmp_path, rule):
    new = build("optimized", source, tmp_path, vocab_size=900, new_tokens=400, rule=rule)
    vocab = new.get_vocab()
    assert set(pre_tokenizers.ByteLevel.alphabet()) <= set(vocab)
    assert len(vocab) <= 900 + 3
    assert sorted(vocab.values()) == list(range(len(vocab)))  # dense ids: no holes in the embedding matrix


def test_training_is_deterministic(source, tmp_path):
    a = train_vocabulary(iter(TRAIN), source.backend_tokenizer, "bpe", 1200, 2, SPECIALS)
    b = train_vocabulary(iter(TRAIN), source.backend_tokenizer, "bpe", 1200, 2, SPECIALS)
    assert a.to_str() == b.to_str()
    u1 = train_vocabulary(iter(TRAIN), source.backend_tokenizer, "unigram", 800, 2, SPECIALS)
    u2 = train_vocabulary(iter(TRAIN), source.backend_tokenizer, "unigram", 800, 2, SPECIALS)
    assert json.loads(u1.to_str())["model"] == json.loads(u2.to_str())["model"]


@pytest.fixture(scope="module")
def all_modes(source, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("modes")
    return {mode: build(mode, source, tmp) for mode in ("replace", "extend", "optimized")}


TEXTS = st.text(st.characters(codec="utf-8"), max_size=200) | st.lists(
    st.sampled_from(["Привет", "мир", " ", "\n", "\t", "  ", "123", "😀", "ёЁ", "\x00", "\x7f", "\r\n", "naïve",
                     "日本", "<|im_end|>", "Ġ"]), max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_every_mode_is_lossless_on_any_unicode(all_modes, text):
    for mode, tok in all_modes.items():
        assert tok.decode(tok(text, add_special_tokens=False)["input_ids"]) == text, mode


def test_unigram_replace_is_lossless_too(source, tmp_path):
    backend = source.backend_tokenizer
    new = train_vocabulary(iter(TRAIN), backend, "unigram", 800, 2, SPECIALS)
    save_like_source(new, source, tmp_path / "uni")
    tok = AutoTokenizer.from_pretrained(tmp_path / "uni")
    for text in (HELDOUT, "Mixed текст 😀 \t\n 123", ENGLISH[:200]):
        assert tok.decode(tok(text, add_special_tokens=False)["input_ids"]) == text


@pytest.mark.parametrize("mode", ["extend", "optimized"])
def test_every_new_token_forms_on_the_text_it_was_learned_from(source, mode):
    """Continued BPE: the new merges follow the source's, so encoding the training text replays training.
    The only unused tokens are the intermediate ones training itself reports as absorbed (old code: new
    merges from a BPE trained from scratch, many of which the source's merges pre-empt)."""
    result = edit(mode, source)
    new = result.tokenizer
    vocab = new.get_vocab()
    last = max(vocab.values())
    added = range(last + 1 - result.added, last + 1)
    assert result.added > 100  # the small corpus runs out of pairs seen twice before 600
    unused = {new.id_to_token(i) for i in unused_tokens(new, added, TRAIN)}
    assert unused == set(result.absorbed)
    merges = json.loads(new.to_str())["model"]["merges"]
    parts = {p for m in merges[-result.added:] for p in m}
    assert unused <= parts  # each unused token is an intermediate piece of a longer new token


def test_continued_bpe_replays_training_on_each_word(source):
    backend = source.backend_tokenizer
    counts = word_counts(backend, TRAIN)
    words = segment_words(backend, counts)
    learned = learn_merges(words, set(backend.get_vocab()), 300)
    new = append_merges(backend, learned.merges)
    # apply the learned merges by hand, in order, to the source's pieces: the encoder must agree
    for pieces in list(words)[:300]:
        seq = list(pieces)
        for a, b in learned.merges:
            i, out = 0, []
            while i < len(seq):
                if i + 1 < len(seq) and seq[i] == a and seq[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(seq[i])
                    i += 1
            seq = out
        assert [t.value for t in new.model.tokenize("".join(pieces))] == seq


def test_continued_bpe_refuses_merges_into_known_tokens_and_what_allow_refuses():
    words = {("a", "b"): 10, ("ab", "c"): 5, ("x", "y"): 8}
    learned = learn_merges(words, {"a", "b", "c", "ab", "x", "y"}, 10, allow=lambda t: t != "xy")
    assert learned.merges == [("ab", "c")]  # a+b is known (refused), x+y not allowed
    assert learned.refused == 2


def test_optimized_by_rank_keeps_english_that_russian_use_drops(source, tmp_path):
    """The authors' rule keeps the source's first (most frequent) tokens, so English costs less than
    with the keep-what-Russian-uses rule at the same size."""
    english = ENGLISH[:400]
    by_rank = build("optimized", source, tmp_path, vocab_size=900, new_tokens=400, rule="rank")
    by_use = build("optimized", source, tmp_path, vocab_size=900, new_tokens=400, rule="russian_use")
    assert len(by_rank(english)["input_ids"]) < len(by_use(english)["input_ids"])
    kept = shrink_bpe(source.backend_tokenizer, 500, "rank").get_vocab()
    src = source.get_vocab()
    assert {t for t, i in src.items() if i < 500} <= set(kept)  # ids below N, as shrink_tokenizer.py


def test_the_stages_report_reach_and_pad_the_model_vocabulary(tiny_project):
    """The tokenizer stage in extend mode names and counts its unused new tokens (only absorbed ones),
    keeps English identical and pads the model's vocabulary; the transplant gives the model those rows."""
    import subprocess
    import sys
    import tomllib
    from pathlib import Path

    from core.project import project_from_dict, save_project

    data = tomllib.loads(tiny_project.read_text(encoding="utf-8"))
    data["tokenizer"].update(mode="extend", pad_to_multiple=64)
    save_project(project_from_dict(data, base=tiny_project.parent), tiny_project)
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-m", "core.cli", "run", str(tiny_project), "--stage", "transplant"],
                          capture_output=True, text=True, cwd=root)
    assert done.returncode == 0, done.stdout + done.stderr
    results = {p.parent.name.split("-")[2]: json.loads(p.read_text()) for p in
               (tiny_project.parent / "runs").glob("*/result.json")}
    tok, model = results["tokenizer"], results["transplant"]
    reach = tok["reach"]
    assert reach["unexpected"] == 0 and reach["used"] + reach["absorbed"] == reach["added"] == tok["added"] > 0
    assert tok["en"]["unchanged"] and tok["model_vocab_size"] % 64 == 0
    assert model["new_vocab"] == tok["model_vocab_size"] and model["padded"] == tok["model_vocab_size"] - tok["vocab_size"]
    config = json.loads((Path(model["model_dir"]) / "config.json").read_text())
    assert config["vocab_size"] == tok["model_vocab_size"]


def test_word_counts_split_a_tokenizer_without_pre_tokenizer_before_each_metaspace():
    """SentencePiece BPE in tokenizer.json form has no pre-tokenizer; it never merges across '▁'."""
    from tokenizers import normalizers

    tok = Tokenizer(models.BPE())
    tok.normalizer = normalizers.Sequence([normalizers.Prepend("▁"), normalizers.Replace(" ", "▁")])
    assert word_counts(tok, ["Привет мир мир"]) == {"▁Привет": 1, "▁мир": 2}
