"""Starting the studio: the default project on first start, the last project after that, the entry points."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QTimer

from core.project import load_project
from ruadapt_gui.app import main, parse_args, project_to_open
from ruadapt_gui.resources import app_icon, icons_dir, style_sheet_path
from ruadapt_gui.stage_status import CANCELLED, FAILED, NOT_RUN, RUNNING, STALE, UP_TO_DATE
from ruadapt_gui.studio_settings import StudioSettings

pytest_plugins = ["conftest_gui"]  # the studio's fixtures (tests/conftest_gui.py)

ROOT = Path(__file__).resolve().parents[1]


def test_first_start_creates_and_opens_the_default_project(qtbot, studio, ruadapt_home):
    path = project_to_open(None, StudioSettings())
    assert path == ruadapt_home / "projects" / "default" / "project.toml"
    assert load_project(path).models.source.endswith(".gguf")  # valid, its model present
    window = studio()
    window.open_project(path)
    qtbot.waitUntil(lambda: window.project is not None, timeout=10_000)
    assert window.windowTitle().endswith("Ruadapt Studio") and window.stages.run_button.isEnabled()
    assert not window.settings_form.banner.isVisible() and window.settings_form.problem_count == 0


def test_the_last_project_is_remembered(qtbot, studio, small_project):
    window = studio()
    window.open_project(small_project)
    qtbot.waitUntil(lambda: window.project is not None, timeout=10_000)
    settings = StudioSettings()
    assert settings.last_project() == small_project.resolve()
    assert settings.recent_projects()[0] == small_project.resolve()
    assert project_to_open(None, settings) == small_project.resolve()
    assert project_to_open(Path("other.toml"), settings) == Path("other.toml")


def test_recent_projects_are_unique_newest_first(qt_settings, tmp_path):
    settings = StudioSettings()
    for name in ("a", "b", "a"):
        settings.remember_project(tmp_path / name / "project.toml")
    assert [p.parent.name for p in settings.recent_projects()] == ["a", "b"]


def test_arguments_and_the_frozen_job_flag():
    assert parse_args(["p.toml"]).project == Path("p.toml") and parse_args([]).project is None
    assert main(["ruadapt-studio", "--run-job"]) == 2  # handed to core.jobs, which prints its usage


def test_resources_ship(qapp):
    for status in (NOT_RUN, UP_TO_DATE, RUNNING, FAILED, CANCELLED, STALE):
        assert (icons_dir() / f"status-{status}.svg").is_file()
    assert not app_icon().isNull() and app_icon().pixmap(64, 64).width() == 64
    assert "QProgressBar" in style_sheet_path().read_text(encoding="utf-8")


def test_python_m_ruadapt_gui_starts_on_the_default_project(tmp_path, ruadapt_home):
    """The real entry point in a child process: it writes the default project and remembers it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "ruadapt_gui"], env=env, cwd=tmp_path,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    ini = tmp_path / "config" / "Ruadapt" / "Ruadapt Studio.ini"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            if ini.is_file() and "default" in ini.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        assert child.poll() is None, child.stdout.read().decode(errors="replace")
        assert (ruadapt_home / "projects" / "default" / "project.toml").is_file()
        assert "projects/default/project.toml" in ini.read_text(encoding="utf-8")
    finally:
        child.terminate()
        child.wait(timeout=30)


def test_the_leak_guard_sees_timers_and_detached_job_processes(qapp, monkeypatch, tmp_path):
    from conftest_gui import LeakWatch  # here, not above: pytest loads the plugin first, to rewrite its asserts

    watch = LeakWatch(monkeypatch)
    timer = QTimer()
    timer.start(1000)
    # Looks like a job of this test: `core.jobs` and a folder under tmp_path on its command line.
    job = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)", "core.jobs", str(tmp_path / "run")])
    monkeypatch.setattr("conftest_gui.JOB_EXIT_GRACE_S", 0.5)
    problems = watch.problems([tmp_path])
    assert any("QTimer" in p for p in problems) and any("job processes" in p for p in problems)
    assert job.wait(timeout=10) != 0  # the guard killed it
    timer.stop()
    assert watch.problems([tmp_path]) == []


def test_the_leak_guard_sees_single_shots_and_names_where_a_leak_was_made(qapp, monkeypatch, tmp_path):
    from conftest_gui import LeakWatch

    watch = LeakWatch(monkeypatch)
    receiver, owner = QObject(), QTimer()
    QTimer.singleShot(3_600_000, receiver, lambda: None)  # would fire into a later test
    QTimer.singleShot(3_600_000, owner.stop)  # a bound method: its object is the shot's receiver
    timer = QTimer()
    timer.start(1000)
    problems = "; ".join(watch.problems([tmp_path]))
    assert "singleShot" in problems and "QTimer(s) still active" in problems
    here = "tests/test_gui_app.py:"
    assert problems.count(here) == 3 and "(test_the_leak_guard_sees_single_shots" in problems
    timer.stop()
    shiboken6.delete(receiver)  # Qt drops a shot whose receiver is deleted: no longer a leak
    assert "singleShot" in "; ".join(watch.problems([tmp_path]))
    shiboken6.delete(owner)
    assert watch.problems([tmp_path]) == []
