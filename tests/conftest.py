"""Shared fixtures: an isolated per-user folder for every test, and no leaked child processes."""

from __future__ import annotations

import os
import random

import psutil
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
# Tests use tiny models: one thread each avoids oversubscribing two shared cores (job children inherit it).
os.environ.setdefault("OMP_NUM_THREADS", "1")


@pytest.fixture(autouse=True)
def ruadapt_home(tmp_path_factory, monkeypatch):
    """Each test gets its own registry and model cache."""
    home = tmp_path_factory.mktemp("ruadapt-home")
    monkeypatch.setenv("RUADAPT_HOME", str(home))
    return home


@pytest.fixture
def hold_stage(monkeypatch):
    """`hold_stage("corpus")`: that stage stops right after its first progress event until it is
    cancelled (in this process and in every job it starts), so a cancel always lands mid-stage."""
    from core.jobs.context import HOLD_AT_PROGRESS_ENV

    return lambda stage, n=1: monkeypatch.setenv(HOLD_AT_PROGRESS_ENV, f"{stage}:{n}")


@pytest.fixture(autouse=True)
def no_leaked_processes():
    """Fail a test that leaves a job process running (supervisors are detached on purpose, so a
    test must wait for or cancel what it starts)."""
    before = {p.pid for p in psutil.Process().children(recursive=True)}
    yield
    # multiprocessing's resource tracker lives as long as this process by design: not a leak
    new = [p for p in psutil.Process().children(recursive=True)
           if p.pid not in before and "resource_tracker" not in " ".join(_cmdline(p))]
    _, alive = psutil.wait_procs(new, timeout=10)  # a supervisor finishing its bookkeeping exits soon
    leaked = [p for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    for proc in leaked:
        proc.kill()
    assert not leaked, f"test leaked child processes: {[p.cmdline() for p in leaked]}"


@pytest.fixture(autouse=True)
def qt_leak_guard(request):
    """Every test that uses the Qt application (napari's habit) fails if it leaves Qt or thread work going:
    tests/conftest_gui.py's LeakWatch. Tests without Qt do not even import it."""
    if "qapp" not in request.fixturenames:
        yield None
        return
    from conftest_gui import LeakWatch

    monkeypatch = request.getfixturevalue("monkeypatch")
    roots = [request.getfixturevalue("tmp_path"), request.getfixturevalue("ruadapt_home")]
    watch = LeakWatch(monkeypatch)
    yield watch
    problems = watch.problems(roots)
    assert not problems, "; ".join(problems)


def _cmdline(proc: psutil.Process) -> list[str]:
    try:
        return proc.cmdline()
    except psutil.Error:
        return []


RUSSIAN_WORDS = ("язык модель токен слово текст быстро медленно русский перевод обучение данные "
                 "система работа пример вопрос ответ время человек город страна наука").split()


def russian_text(paragraphs: int, seed: int = 0, words_per_paragraph: int = 40) -> str:
    rng = random.Random(seed)
    return "\n\n".join(
        " ".join(rng.choice(RUSSIAN_WORDS) for _ in range(words_per_paragraph)).capitalize() + "."
        for _ in range(paragraphs)) + "\n"


@pytest.fixture
def small_project(tmp_path):
    """A valid project on small generated text (no model needed for the `corpus` stage)."""
    from core.project import project_from_dict, save_project

    (tmp_path / "ru.txt").write_text(russian_text(200), encoding="utf-8")
    (tmp_path / "en.txt").write_text("The quick brown fox jumps over the lazy dog.\n\n" * 50, encoding="utf-8")
    (tmp_path / "model.gguf").write_bytes(b"GGUF")  # only its existence is checked by the project loader
    project = project_from_dict({
        "project": {"name": "test"},
        "models": {"source": "model.gguf"},
        "corpus": {"russian": ["ru.txt"], "english": ["en.txt"], "heldout_fraction": 0.2},
    }, base=tmp_path)
    path = tmp_path / "project.toml"
    save_project(project, path)
    return path


@pytest.fixture
def tiny_project(tmp_path):
    """A whole pipeline in seconds: a tiny random Llama with a byte-level BPE, generated Russian text,
    and settings small enough for a CPU test (every stage real)."""
    return write_tiny_project(tmp_path)


def write_tiny_project(tmp_path):
    """The `tiny_project` fixture's project, written into `tmp_path` (for fixtures of a wider scope)."""
    from tiny_models import make_tiny_hf_model

    from core.project import project_from_dict, save_project

    make_tiny_hf_model(tmp_path / "source")
    (tmp_path / "ru.txt").write_text(russian_text(120, seed=5), encoding="utf-8")
    (tmp_path / "en.txt").write_text("The quick brown fox jumps over the lazy dog.\n\n" * 20, encoding="utf-8")
    project = project_from_dict({
        "project": {"name": "tiny"},
        "models": {"source": "source"},
        "corpus": {"russian": ["ru.txt"], "english": ["en.txt"], "heldout_fraction": 0.1,
                   "heldout_max_chars": 1500},
        "tokenizer": {"vocab_size": 600, "new_tokens": 200},
        "stage1": {"steps": 6, "block_size": 32, "batch_size": 2, "warmup_steps": 2, "eval_every": 3,
                   "checkpoint_every": 2, "learning_rate": 1e-3},
        "stage2": {"enabled": True, "steps": 4, "block_size": 32, "batch_size": 2, "warmup_steps": 1,
                   "eval_every": 2, "checkpoint_every": 2, "lora_r": 4, "lora_alpha": 8},
        # calibration stays off; a test that turns it on gets small steps (the defaults are the authors' 128
        # chats per step)
        "calibration": {"grad_accum": 1, "lora_r": 4, "eval_every": 2, "checkpoint_every": 2, "eval_chars": 1000},
        # a random tiny model rarely stops: DaruCopy's generation capped well below llmtf's 128/1024 tokens
        "evaluation": {"max_chars": 1500, "batch_tokens": 64, "copy_passages": 2, "copy_max_new_tokens": 24,
                       "speed_chars": 30, "threads": 1,
                       "speed_repeats": 1},
        "export": {"types": ["f16"]},
    }, base=tmp_path)
    path = tmp_path / "project.toml"
    save_project(project, path)
    return path
