"""The studio driven through its widgets: open a project, run a real stage, watch it, cancel it,
list finished runs, and find a running job again from a new window."""

from __future__ import annotations

import signal
from pathlib import Path

import psutil
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.jobs.events import Progress
from core.jobs.registry import Registry
from core.jobs.rundir import RunDir
from core.jobs.states import JobState
from core.project.default import default_project_path
from ruadapt_gui import stage_status as st

pytest_plugins = ["conftest_gui", "gui_pipeline"]  # the studio's fixtures (tests/conftest_gui.py)

JOB_TIMEOUT_MS = 120_000  # a real stage in a fresh interpreter (torch import) on a slow 2-core machine


def open_window(studio, path: Path):
    window = studio()
    window.open_project(path)
    return window


def wait_loaded(qtbot, window, path: Path) -> None:
    qtbot.waitUntil(lambda: window.project_path == Path(path).resolve(), timeout=10_000)
    qtbot.waitUntil(lambda: window.stages.run_button.isEnabled(), timeout=10_000)


def click_run(qtbot, window, stage: str) -> str:
    """Press Run on `stage`; returns the id of the run that started."""
    window.stages.select_stage(stage)
    with qtbot.waitSignal(window.runner.started, timeout=30_000) as started:
        qtbot.mouseClick(window.stages.run_button, Qt.MouseButton.LeftButton)
    return started.args[0]


def bar_fraction(window) -> float:
    bar = window.monitor.bar
    return bar.value() / bar.maximum() if bar.maximum() else 0.0


def test_run_shows_progress_then_cancel_leaves_no_outputs(qtbot, studio, hold_stage):
    """The default project's `import` stage (dequantizing a real GGUF), held after its second progress
    event until the cancel lands, so the bar is seen to move and the cancel always lands mid-import."""
    hold_stage("import", 2)
    window = open_window(studio, default_project_path())
    wait_loaded(qtbot, window, default_project_path())
    run_id = click_run(qtbot, window, "import")
    assert window.monitor.run_id == run_id
    qtbot.waitUntil(lambda: window.monitor.trace.done > 0, timeout=JOB_TIMEOUT_MS)
    run = RunDir(Path(Registry().get(run_id).run_dir))
    qtbot.waitUntil(lambda: sum(isinstance(e, Progress) for e in run.events()) == 2, timeout=JOB_TIMEOUT_MS)
    done = [e.done for e in run.events() if isinstance(e, Progress)]
    assert done[1] > done[0]  # it moves, and the monitor follows
    qtbot.waitUntil(lambda: window.monitor.trace.done == done[1] and bar_fraction(window) > 0, timeout=10_000)
    assert window.stages.statuses["import"].status == st.RUNNING
    assert window.stages.cancel_button.isEnabled() and not window.stages.run_button.isEnabled()

    qtbot.mouseClick(window.stages.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.monitor.trace.state == "cancelled", timeout=JOB_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.stages.statuses["import"].status == st.CANCELLED, timeout=10_000)
    qtbot.waitUntil(lambda: window.monitor.state_label.text() == "cancelled", timeout=5_000)
    run = RunDir(Path(Registry().get(run_id).run_dir))
    qtbot.waitUntil(lambda: Registry().get(run_id).state == JobState.CANCELLED, timeout=30_000)
    assert not run.outputs.exists() and not run.partial_outputs.exists()
    assert window.stages.run_button.isEnabled()


def test_runs_list_shows_a_finished_run_and_opens_it(qtbot, studio, small_project):
    window = open_window(studio, small_project)
    wait_loaded(qtbot, window, small_project)
    run_id = click_run(qtbot, window, "corpus")
    qtbot.waitUntil(lambda: window.monitor.trace.state == "done", timeout=JOB_TIMEOUT_MS)
    qtbot.waitUntil(lambda: window.stages.statuses["corpus"].status == st.UP_TO_DATE, timeout=10_000)
    assert window.stages.run_button.text() == "Run again"

    model = window.runs.model
    qtbot.waitUntil(lambda: any(r.id == run_id and r.state == JobState.DONE for r in model.records),
                    timeout=10_000)
    row = next(i for i, r in enumerate(model.records) if r.id == run_id)
    assert model.index(row, 1).data() == "done" and "held-out" in model.index(row, 4).data()

    window.monitor.show_run("")  # show nothing, then ask the list for the run
    window.tabs.setCurrentWidget(window.runs)
    table = window.runs.table
    rect = table.visualRect(model.index(row, 0))
    # A real double-click is press, release, double-click: the view needs the press to know the row.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.monitor.run_id == run_id and window.tabs.currentWidget() is window.monitor
    qtbot.waitUntil(lambda: "held-out" in window.monitor.outcome.text(), timeout=5_000)


def test_a_new_window_finds_the_running_job(qtbot, studio):
    first = open_window(studio, default_project_path())
    wait_loaded(qtbot, first, default_project_path())
    run_id = click_run(qtbot, first, "import")
    qtbot.waitUntil(lambda: first.monitor.trace.state == "running", timeout=JOB_TIMEOUT_MS)
    first.close()  # the detached job goes on without the studio

    second = studio()
    second.open_project(default_project_path())
    qtbot.waitUntil(lambda: second.monitor.run_id == run_id, timeout=15_000)
    qtbot.waitUntil(lambda: second.stages.statuses["import"].status == st.RUNNING
                    and second.stages.statuses["import"].run_id == run_id, timeout=15_000)
    qtbot.waitUntil(lambda: second.monitor.trace.done > 0, timeout=JOB_TIMEOUT_MS)
    seen = second.monitor.trace.done
    qtbot.waitUntil(lambda: second.monitor.trace.done > seen or second.monitor.trace.state != "running",
                    timeout=JOB_TIMEOUT_MS)

    second.stages.select_stage("import")
    qtbot.mouseClick(second.stages.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: second.monitor.trace.state in ("cancelled", "done"), timeout=JOB_TIMEOUT_MS)


@pytest.mark.parametrize("stage", ["baseline"])
def test_a_stage_whose_inputs_have_not_run_explains_why(qtbot, studio, small_project, stage):
    """It names the stages it needs, as the list does, and offers to run them first (no terminal command)."""
    window = open_window(studio, small_project)
    wait_loaded(qtbot, window, small_project)
    window.stages.select_stage(stage)
    qtbot.mouseClick(window.stages.run_button, Qt.MouseButton.LeftButton)
    box = window.findChildren(QMessageBox)[-1]
    assert "needs earlier stages" in box.text() and "2. Prepare corpus" in box.text() and box.isVisible()
    box.reject()
    assert window.stages.run_button.isEnabled()


def test_opening_another_project_leaves_the_first_ones_runs_behind(qtbot, studio, small_project, tmp_path):
    window = open_window(studio, small_project)
    wait_loaded(qtbot, window, small_project)
    run_id = click_run(qtbot, window, "corpus")
    qtbot.waitUntil(lambda: window.monitor.trace.state == "done", timeout=JOB_TIMEOUT_MS)
    window.open_project(default_project_path())
    wait_loaded(qtbot, window, default_project_path())
    assert run_id not in window.monitor.traces and window.monitor.run_id == ""
    qtbot.waitUntil(lambda: window.runs.model.records == [], timeout=10_000)
    assert window.stages.statuses["corpus"].status == st.NOT_RUN
    assert window.stages.run_button.text() == "Run"


def test_a_killed_stage_process_shows_failed_with_its_signal(qtbot, studio):
    """A native crash (here: SIGKILL, as the OOM killer sends) ends the stage, never the studio."""
    window = open_window(studio, default_project_path())
    wait_loaded(qtbot, window, default_project_path())
    run_id = click_run(qtbot, window, "import")
    qtbot.waitUntil(lambda: window.monitor.trace.state == "running", timeout=JOB_TIMEOUT_MS)
    supervisor = psutil.Process(Registry().get(run_id).pid)
    qtbot.waitUntil(lambda: bool(supervisor.children()), timeout=JOB_TIMEOUT_MS)
    supervisor.children()[0].send_signal(signal.SIGKILL)
    qtbot.waitUntil(lambda: window.monitor.trace.state == "failed", timeout=JOB_TIMEOUT_MS)
    qtbot.waitUntil(lambda: "SIGKILL" in window.monitor.outcome.text(), timeout=5_000)  # the next paint
    qtbot.waitUntil(lambda: window.stages.statuses["import"].status == st.FAILED, timeout=10_000)
    assert window.stages.run_button.isEnabled()


def test_a_failed_run_shows_red_with_its_error_in_the_log(qtbot, studio, small_project):
    """It used to show a full blue bar and an empty log pane (issue 18)."""
    from core.project import load_project, project_from_dict, project_to_dict, save_project

    (small_project.parent / "bad.txt").write_bytes("Привет".encode("cp1251"))
    raw = project_to_dict(load_project(small_project))
    raw["corpus"]["russian"] = ["ru.txt", "bad.txt"]
    save_project(project_from_dict(raw, base=small_project.parent), small_project)
    window = open_window(studio, small_project)
    wait_loaded(qtbot, window, small_project)
    click_run(qtbot, window, "corpus")
    qtbot.waitUntil(lambda: window.monitor.trace.state == "failed", timeout=JOB_TIMEOUT_MS)
    monitor = window.monitor
    qtbot.waitUntil(lambda: "bad.txt" in monitor.log_view.toPlainText(), timeout=5_000)  # the next paint
    log = monitor.log_view.toPlainText()
    assert "log.txt —" in log and "error:" in log  # the tail of log.txt, with the stage's error line
    assert monitor.bar.property("state") == "failed" and monitor.state_label.property("state") == "failed"
    assert monitor.outcome.isVisible() and "bad.txt" in monitor.outcome.text()


def test_a_finished_runs_files_are_named_where_they_are_now(qtbot, studio, ruadapt_home, tiny_pipeline):
    """Not the outputs.partial/ folder they were written in: it is gone once the run finished (issue 18)."""
    tiny_pipeline.registry_into(ruadapt_home)
    window = open_window(studio, tiny_pipeline.project)
    wait_loaded(qtbot, window, tiny_pipeline.project)
    run = tiny_pipeline.runs["tokenizer"]
    window.show_run(str(run.path), run.id, "tokenizer")
    qtbot.waitUntil(lambda: "→ tokenizer:" in window.monitor.log_view.toPlainText(), timeout=10_000)
    line = next(x for x in window.monitor.log_view.toPlainText().splitlines() if x.startswith("→ tokenizer:"))
    assert "outputs.partial" not in line and Path(line.split(": ", 1)[1]) == run.outputs / "tokenizer"
    assert (run.outputs / "tokenizer").is_dir()
