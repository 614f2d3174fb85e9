"""The chat worker process on a tiny real GGUF: streaming, exact token counts, stop, bad files."""

from __future__ import annotations

import pytest
from tiny_models import make_tiny_gguf

from core.errors import ModelError
from core.inference.client import ChatWorker
from core.inference.llama_session import LlamaSession, SamplingParams


@pytest.fixture(scope="module")
def tiny_gguf(tmp_path_factory):
    return make_tiny_gguf(tmp_path_factory.mktemp("gguf") / "tiny.gguf")


def test_worker_streams_and_counts_tokens_like_llama_cpp(tiny_gguf):
    with ChatWorker(tiny_gguf, n_ctx=256) as worker:
        assert worker.info["chat_template"] is True and worker.info["n_vocab"] > 300
        events = list(worker.stream(messages=[{"role": "user", "content": "Привет, как дела?"}],
                                    params=SamplingParams(max_tokens=12, ignore_eos=True)))
        done = events[-1]
        assert done["type"] == "done" and done["stats"]["completion_tokens"] == 12
        assert "".join(e["text"] for e in events[:-1]) == done["text"]
        stats = done["stats"]
        assert stats["chars"] == len(done["text"]) and stats["finish"] == "length"
        # the worker's count is llama.cpp's own: re-tokenizing the exact prompt gives the same number
        session = LlamaSession(tiny_gguf, n_ctx=256)
        prompt = session.chat_prompt([{"role": "user", "content": "Привет, как дела?"}])
        assert stats["prompt_tokens"] == len(session.prompt_tokens(prompt))
        tokens = worker.tokenize("Москва")
        assert len(tokens["ids"]) == len(tokens["pieces"]) > 0


def test_max_chars_and_greedy_repeatability(tiny_gguf):
    with ChatWorker(tiny_gguf, n_ctx=256) as worker:
        a = worker.generate(prompt="Москва — столица", params=SamplingParams(max_tokens=50, max_chars=20,
                                                                               ignore_eos=True))
        b = worker.generate(prompt="Москва — столица", params=SamplingParams(max_tokens=50, max_chars=20,
                                                                               ignore_eos=True))
        assert a["text"] == b["text"] and 20 <= a["stats"]["chars"] < 40


@pytest.mark.parametrize("content,message", [(b"not a model", "not a GGUF file"),
                                              (b"GGUF\x03\x00\x00\x00trunc", "could not load")])
def test_bad_files_give_a_clear_message(tmp_path, content, message):
    path = tmp_path / "bad.gguf"
    path.write_bytes(content)
    with pytest.raises(ModelError, match=message):
        ChatWorker(path)


def test_speed_bench_prints_medians_ratios_and_a_chart(tiny_gguf, tmp_path):
    from core.evaluation.generation_speed import run

    prompts = tmp_path / "p.txt"
    prompts.write_text("Москва — столица\nРусский язык\n", encoding="utf-8")
    rows = run([tiny_gguf, tiny_gguf], prompts, chars=30, repeats=1, threads=1, n_ctx=128,
               png=tmp_path / "speed.png")
    assert len(rows) == 2 and rows[0]["samples"] == 2 and rows[0]["chars_per_s"] > 0
    assert (tmp_path / "speed.png").stat().st_size > 1000
