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


def moved_tiny_project(tmp_path: Path, stages: list[str]) -> tuple[Path, dict]:
    """A tiny project (its model folder inside it) whose `stages` ran, then the whole folder moved."""
    from conftest import write_tiny_project

    write_tiny_project(tmp_path / "before")
    ran = {stage: run_inline(tmp_path / "before" / "project.toml", stage) for stage in stages}
    shutil.move(tmp_path / "before", tmp_path / "after")
    return tmp_path / "after" / "project.toml", ran


def test_a_moved_project_shows_its_finished_stages_as_done_and_builds_on_them(tmp_path):
    from core.stages.plan import current_run, prepare_run
    from ruadapt_gui.stage_status import NOT_RUN, UP_TO_DATE, stage_statuses

    moved, ran = moved_tiny_project(tmp_path, ["import", "corpus"])
    project, registry = load_project(moved), Registry()
    statuses = stage_statuses(project, moved, registry)
    assert statuses["import"].status == UP_TO_DATE and statuses["corpus"].status == UP_TO_DATE
    assert Path(statuses["import"].run_dir).parent == moved.parent / "runs" and statuses["import"].origin == ""
    assert statuses["import"].run_id == ran["import"].id  # the registry's record followed the folder
    assert [r.id for r in registry.list(project=str(moved))] == [ran["corpus"].id, ran["import"].id]
    assert statuses["tokenizer"].status == NOT_RUN
    # its results point where the files are now: the model folder beside the project file, the corpus files
    imported = current_run(project, moved, "import", registry)
    assert imported.result()["model_dir"] == str(moved.parent / "source")
    assert current_run(project, moved, "corpus", registry).result()["files"][0] == str(moved.parent / "ru.txt")
    # and the next stage runs on them: nothing reruns
    planned = prepare_run(project, moved, "tokenizer", registry)
    assert not planned.reused and planned.run.path.parent == moved.parent / "runs"
    assert planned.run.spec()["inputs"]["import"]["result"]["model_dir"] == str(moved.parent / "source")


def test_a_moved_project_still_sees_a_changed_input_file(tmp_path):
    from ruadapt_gui.stage_status import STALE, stage_statuses

    moved, _ = moved_tiny_project(tmp_path, ["corpus"])
    with open(moved.parent / "ru.txt", "a", encoding="utf-8") as fh:
        fh.write("\n\nЕщё один абзац.\n")
    assert stage_statuses(load_project(moved), moved, Registry())["corpus"].status == STALE


def test_the_studio_reopens_a_moved_project_with_its_stages_done(qtbot, studio, tmp_path):
    from ruadapt_gui.stage_status import UP_TO_DATE

    moved, ran = moved_tiny_project(tmp_path, ["import", "corpus"])
    window = studio()
    window.open_project(moved)

    def done_here(stage: str) -> bool:
        status = window.stages.statuses[stage]
        return status.status == UP_TO_DATE and Path(status.run_dir).parent == moved.parent / "runs"

    qtbot.waitUntil(lambda: done_here("import") and done_here("corpus"), timeout=20_000)
    assert window.stages.statuses["import"].run_id == ran["import"].id
    assert "after" in window.windowTitle()


def test_a_run_made_before_specs_named_their_folder_is_read_where_it_is_now(tmp_path):
    """Older run folders have no "run_dir" in spec.json: where they lie inside the project says it."""
    import json

    moved, ran = moved_tiny_project(tmp_path, ["import", "corpus"])
    for run in ran.values():
        here = moved.parent / "runs" / run.id
        spec = json.loads((here / "spec.json").read_text(encoding="utf-8"))
        del spec["run_dir"]
        (here / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
    from core.jobs.rundir import RunDir

    corpus = RunDir(moved.parent / "runs" / ran["corpus"].id)
    assert corpus.result()["files"][0] == str(moved.parent / "ru.txt") and corpus.missing_outputs() == []
