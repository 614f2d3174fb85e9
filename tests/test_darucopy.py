"""DaruCopy as llmtf's CopyText scores it: token-length ratio with the source capped at the task's max new
tokens, difflib matching blocks over the source's length ≥ 0.99, sentence and paragraph sets in Russian
and English, each task under llmtf's name."""

from __future__ import annotations

import pytest
import torch
from tiny_models import make_tiny_hf_model
from transformers import AutoTokenizer

from core.evaluation.darucopy import (
    LEVELS,
    copy_sets,
    darucopy,
    describe,
    lcs_score,
    leading_space,
    length_score,
    paragraphs_from,
    sentences_from,
)

RU = ("Москва — столица России. Она стоит на реке Москве уже много веков.\n\n"
      "Русский язык богат и выразителен. На нём написаны романы, стихи и научные труды.\n\n"
      "Коротко.")
EN = "The quick brown fox jumps over the lazy dog. It was not amused by that at all.\n\nShort one."


def test_length_is_a_token_ratio_with_the_source_capped_at_the_generation_budget():
    assert length_score(10, 20, 128) == 0.5 and length_score(20, 10, 128) == 0.5
    # a 300-token paragraph copied in full in a 128-token sentence task reads as the cap, as in llmtf
    assert length_score(128, 300, LEVELS["sent"]) == 1.0
    assert length_score(64, 300, LEVELS["sent"]) == 0.5
    assert length_score(0, 10, 128) == 0.0


def test_lcs_is_difflibs_matched_share_of_the_source_not_of_the_output():
    src = "Москва — столица России, крупнейший город страны."
    assert lcs_score(src, src) == 1.0 and lcs_score("  " + src + "\n", src) == 1.0
    assert lcs_score(src + " И ещё много лишнего текста после копии.", src) == 1.0  # extra output: still copied
    assert lcs_score(src[:-5], src) == 0.0  # 5 of 50 characters lost: below 0.99 of the source
    assert lcs_score("", src) == 0.0


def test_the_sets_are_sentences_and_paragraphs_per_language():
    # sentences of five words or more, in order
    assert sentences_from(RU, 5) == ["Она стоит на реке Москве уже много веков.", "Русский язык богат и выразителен.",
                                     "На нём написаны романы, стихи и научные труды."]
    assert paragraphs_from(RU, 5) == ["Москва — столица России. Она стоит на реке Москве уже много веков.",
                                      "Русский язык богат и выразителен. На нём написаны романы, стихи и научные труды."]
    sets = copy_sets({"ru": RU, "en": EN}, 3)
    assert sorted(sets) == [("para", "en"), ("para", "ru"), ("sent", "en"), ("sent", "ru")]
    assert sets[("sent", "en")] == ["The quick brown fox jumps over the lazy dog.", "It was not amused by that at all."]
    assert copy_sets({"ru": RU}, 0) == {}


def test_leading_space_follows_llmtf(tmp_path):
    byte_level = AutoTokenizer.from_pretrained(make_tiny_hf_model(tmp_path / "m"))
    assert not leading_space(byte_level)  # GPT-2 style: '1' is one token without a space marker


class Echo(torch.nn.Module):
    """Generates a fixed continuation: the source's tokens then the stop token, or whatever it is told."""

    def __init__(self, outputs: list[list[int]]):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.zeros(1))
        self.outputs = list(outputs)

    def generate(self, input_ids, max_new_tokens, **_):
        out = self.outputs.pop(0)[:max_new_tokens]
        return torch.cat([input_ids, torch.tensor([out])], dim=1)


def test_darucopy_scores_each_task_under_its_llmtf_name(tmp_path):
    tok = AutoTokenizer.from_pretrained(make_tiny_hf_model(tmp_path / "m"))
    sets = {("sent", "ru"): ["Москва — столица России."], ("para", "en"): ["It was not amused. Not at all."]}
    exact = [tok(" " + s, add_special_tokens=False)["input_ids"] + [tok.eos_token_id] for s in
             (sets[("sent", "ru")][0], sets[("para", "en")][0])]
    scores = darucopy(Echo(exact), tok, sets)
    assert list(scores) == ["darumeru/cp_sent_ru", "darumeru/cp_para_en"]
    sent = scores["darumeru/cp_sent_ru"]
    n = len(exact[0]) - 1  # the source's tokens (with llmtf's space); the copy adds its stop token
    assert sent["len"] == pytest.approx(n / (n + 1)) and sent["lcs"] == 1.0 and sent["main_metric"] == "len"
    assert scores["darumeru/cp_para_en"]["main"] == scores["darumeru/cp_para_en"]["lcs"] == 1.0
    half = tok(" Москва —", add_special_tokens=False)["input_ids"]
    cut = darucopy(Echo([half, half]), tok, sets, max_new_tokens=4)  # the cap shortens generation only
    assert cut["darumeru/cp_sent_ru"]["lcs"] == 0.0 and 0 < cut["darumeru/cp_sent_ru"]["len"] < 1
    assert "cp_sent_ru len" in describe(cut, scores) and "→" in describe(cut, scores)
