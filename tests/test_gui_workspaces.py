"""The studio's workspaces: Project, Chat and Annotate behind the side bar; `--annotate` opens straight into
Annotate without a project; the chat offers the project's exported GGUFs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from core.arena.session import Session
from core.jobs.registry import Registry
from core.jobs.rundir import RunDir
from core.jobs.states import JobState
from ruadapt_gui.app import parse_args
from ruadapt_gui.chat.project_models import exported_models, project_model_files
from ruadapt_gui.workspaces import ANNOTATE, CHAT, PROJECT

pytest_plugins = ["conftest_gui"]  # the studio's fixtures (tests/conftest_gui.py)

ROOT = Path(__file__).resolve().parents[1]


def fake_export_run(project: Path, folder: Path, types: list[str]) -> RunDir:
    """A finished export run in the registry with (empty) GGUF files: all the chat's lookup reads."""
    run = RunDir(folder / "20260101-000000-export-abc123")
    run.outputs.mkdir(parents=True)
    for side in ("original", "adapted"):
        for kind in types:
            (run.outputs / f"{side}-{kind}.gguf").write_bytes(b"GGUF")
    run.result_path.write_text(json.dumps({"types": types}), encoding="utf-8")
    registry = Registry()
    registry.add(run, str(project.resolve()), "export", "key")
    registry.set_state(run.id, JobState.RUNNING)
    registry.set_state(run.id, JobState.DONE)
    return run


def test_the_annotate_flag():
    assert parse_args(["--annotate", "s.sqlite"]).annotate == "s.sqlite"
    assert parse_args(["--annotate"]).annotate == "" and parse_args([]).annotate is None
    args = parse_args(["p.toml", "--annotate"])
    assert args.project == Path("p.toml") and args.annotate == ""


def test_exported_models_prefer_the_projects_first_type(tmp_path):
    project = tmp_path / "project.toml"
    assert exported_models(project, Registry()) is None
    run = fake_export_run(project, tmp_path / "runs", ["q8_0", "f16"])
    assert exported_models(project, Registry()) == (run.outputs / "original-q8_0.gguf",
                                                    run.outputs / "adapted-q8_0.gguf")


def test_side_bar_switches_and_chat_is_prefilled_from_the_export(qtbot, studio, small_project, tmp_path):
    window = studio()
    spaces = window.workspaces
    assert spaces.current() == PROJECT and spaces.buttons[PROJECT].isChecked()
    window.open_project(small_project)
    qtbot.waitUntil(lambda: window.project is not None, timeout=10_000)
    run = fake_export_run(small_project, tmp_path / "export-runs", ["f16"])
    spaces.buttons[CHAT].click()
    assert spaces.current() == CHAT and spaces.stack.currentWidget() is spaces.chat
    sides = spaces.chat.sides
    qtbot.waitUntil(lambda: sides[1].path_edit.text() != "", timeout=10_000)
    assert sides[0].path_edit.text() == str(run.outputs / "original-f16.gguf")
    assert sides[1].path_edit.text() == str(run.outputs / "adapted-f16.gguf")
    # every exported GGUF is in the sides' model lists, and file dialogs open among them
    assert spaces.chat.project_models == [run.outputs / "adapted-f16.gguf", run.outputs / "original-f16.gguf"]
    assert spaces.chat.start_folder() == run.outputs and spaces.chat.project_folder == small_project.parent
    spaces.buttons[ANNOTATE].click()
    assert spaces.stack.currentWidget() is spaces.annotate and spaces.buttons[ANNOTATE].isChecked()


def test_studio_started_with_annotate_opens_the_session_and_no_project(tmp_path, ruadapt_home):
    session = Session.create(tmp_path / "s.sqlite", ["Привет"], {"a": "a.gguf", "b": "b.gguf"}, {})
    session.add_answer(1, "m1", "Ответ один", 2, 0.1)
    session.add_answer(1, "m2", "Ответ два", 2, 0.1)
    session.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "ruadapt_gui", "--annotate", str(tmp_path / "s.sqlite")],
                             env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    ini = tmp_path / "config" / "Ruadapt" / "Ruadapt Studio.ini"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if ini.is_file() and "s.sqlite" in ini.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        assert child.poll() is None, child.stdout.read().decode(errors="replace")
        settings = ini.read_text(encoding="utf-8")
        assert "last_session" in settings and "projects" not in settings  # no project was opened
        assert not (ruadapt_home / "projects" / "default").exists()
    finally:
        child.terminate()
        child.wait(timeout=30)


def test_the_workspaces_speak_russian(qtbot, studio):
    window = studio()
    spaces = window.workspaces
    try:
        window.set_language("ru")
        qtbot.waitUntil(lambda: spaces.buttons[1].text() == "Чат", timeout=5_000)
        assert spaces.buttons[2].text() == "Разметка"
        assert spaces.chat.send_button.text() == "Отправить" and spaces.chat.sides[0].load_button.text() == "Загрузить"
        assert spaces.chat.sides[0].readouts.names["chars_per_token"].text() == "Символов/токен"
        annotator = spaces.annotate.annotator
        assert annotator.vote_buttons["a"].text().startswith("A лучше")
        assert spaces.annotate.owner.results.refresh_button.text() == "Посчитать результаты"
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: spaces.buttons[1].text() == "Chat", timeout=5_000)


def test_project_model_files_lists_every_export_newest_first(tmp_path):
    project = tmp_path / "project.toml"
    assert project_model_files(project, Registry()) == []
    run = fake_export_run(project, tmp_path / "runs", ["q8_0", "f16"])
    assert project_model_files(project, Registry()) == sorted(run.outputs.glob("*.gguf"))
