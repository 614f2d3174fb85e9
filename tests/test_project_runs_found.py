"""A project's state lives with the project: a copied or shared project brings its finished runs in its
own runs/ folder, and the CLI and the studio find them there (issue 18, major 3)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from test_jobs import run_inline

from core.jobs.discover import origin_of, register_project_runs
from core.jobs.registry import Registry
from core.jobs.states import JobState
from core.project import load_project

pytest_plugins = ["conftest_gui"]
ROOT = Path(__file__).resolve().parents[1]


def copied_project(small_project: Path, tmp_path: Path) -> Path:
    """Run `corpus` in the project, then copy the whole folder elsewhere (runs/ included)."""
    run_inline(small_project, "corpus")
    copy = tmp_path / "copy"
    shutil.copytree(small_project.parent, copy, ignore=shutil.ignore_patterns("copy"))
    return copy / "project.toml"


def test_a_copied_projects_runs_are_registered_once(small_project, tmp_path):
    copy = copied_project(small_project, tmp_path)
    registry = Registry()
    assert registry.list(project=str(copy.resolve())) == []  # what the registry alone knew (the bug)
    added = register_project_runs(load_project(copy), copy, registry)
    assert [r.stage for r in added] == ["corpus"] and added[0].state == JobState.DONE
    assert Path(added[0].run_dir).parent == copy.parent.resolve() / "runs"
    assert added[0].id != Registry().list(project=str(small_project.resolve()))[0].id  # both copies listed
    assert register_project_runs(load_project(copy), copy, registry) == []  # once
    assert origin_of(added[0].run_dir, load_project(copy), copy) == ""


def test_a_shared_project_on_a_fresh_machine_lists_its_runs(small_project, tmp_path):
    copy = copied_project(small_project, tmp_path)
    fresh = Registry(tmp_path / "other-machine.sqlite")
    added = register_project_runs(load_project(copy), copy, fresh)
    assert [(r.stage, r.state) for r in added] == [("corpus", JobState.DONE)]
    assert added[0].id == Path(added[0].run_dir).name  # no clash here: the run keeps its name
    assert added[0].outcome and added[0].started and added[0].ended >= added[0].started


def test_cli_status_lists_the_runs_a_copied_project_brought(small_project, tmp_path):
    copy = copied_project(small_project, tmp_path)
    out = subprocess.run([sys.executable, "-m", "core.cli", "status", "--project", str(copy)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert "no runs yet" not in out and "corpus" in out and "done" in out


def test_the_studio_shows_a_copied_projects_runs(qtbot, studio, small_project, tmp_path):
    copy = copied_project(small_project, tmp_path)
    window = studio()
    window.open_project(copy)
    qtbot.waitUntil(lambda: window.stages.statuses["corpus"].run_id != "", timeout=20_000)
    status = window.stages.statuses["corpus"]
    assert status.status != "not_run" and Path(status.run_dir).parent == copy.parent.resolve() / "runs"
    qtbot.waitUntil(lambda: window.runs.model.rowCount() == 1, timeout=20_000)  # the Runs tab lists it
    assert str(copy.parent.name) in window.windowTitle()  # the path shows which copy this is
