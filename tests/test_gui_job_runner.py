"""JobRunner: replaying and tailing run folders, coalescing bursts, crashes, reconcile, real launches."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from core.jobs.events import Failed, Finished, Log, Metric, Progress, Started, append_event
from core.jobs.registry import Registry
from core.jobs.rundir import RunDir
from core.jobs.states import JobState
from core.project import load_project
from ruadapt_gui.job_runner import JobRunner

pytest_plugins = ["conftest_gui"]  # the studio's fixtures (tests/conftest_gui.py)


class Recorder:
    """Every signal the runner emits, in order."""

    def __init__(self, runner: JobRunner) -> None:
        self.calls: list[tuple] = []
        for name in ("started", "progress", "metric", "log", "finished", "failed", "cancelled", "state_changed",
                     "reused", "refused"):
            getattr(runner, name).connect(lambda *args, name=name: self.calls.append((name, *args)))

    def of(self, name: str) -> list[tuple]:
        return [c[1:] for c in self.calls if c[0] == name]


@pytest.fixture
def runner(qapp, gui_leak_guard):
    runner = JobRunner(Registry())
    yield runner
    runner.shutdown()


@pytest.fixture
def run_dir(tmp_path):
    path = tmp_path / "runs" / "r1"
    path.mkdir(parents=True)
    return RunDir(path)


def test_replay_of_a_finished_run_is_one_batch(qtbot, runner, run_dir):
    events = [Started(stage="baseline", pid=1)]
    events += [Progress(done=i, total=500, unit="tokens") for i in range(500)]
    events += [Metric(name="bpc_ru", value=2.0 - i / 100, step=i) for i in range(100)]
    events += [Log(message=f"line {i}") for i in range(50)] + [Finished(result={"summary": "all good"})]
    run_dir.events_path.write_text("".join(e.to_line() for e in events), encoding="utf-8")
    rec = Recorder(runner)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.attach(run_dir, "baseline")
    assert rec.of("started") == [("r1", "baseline")]
    assert rec.of("progress") == [("r1", 499.0, 500.0, "tokens", "")]  # 500 events, one signal
    assert len(rec.of("metric")) == 100 and rec.of("metric")[0] == ("r1", "bpc_ru", 0, 2.0)
    assert len(rec.of("log")) == 1 and rec.of("log")[0][1].count("\n") == 49
    assert rec.of("state_changed") == [("r1", "running"), ("r1", "done")]
    assert rec.of("finished") == [("r1", {"summary": "all good"})]
    assert not runner.is_watching("r1")


def test_tail_sees_only_complete_lines(qtbot, runner, run_dir, monkeypatch):
    import ruadapt_gui.job_runner as job_runner

    reads = []  # one entry per poll of the run folder, counted when the read returns
    read_batch = job_runner.read_batch
    monkeypatch.setattr(job_runner, "read_batch", lambda *a: (read_batch(*a), reads.append(1))[0])
    append_event(run_dir.events_path, Started(stage="corpus", pid=1))
    rec = Recorder(runner)
    with qtbot.waitSignal(runner.state_changed, timeout=5000):
        runner.attach(run_dir, "corpus")
    line = Progress(done=3, total=10).to_line().encode()
    with open(run_dir.events_path, "ab") as fh:
        fh.write(line[:10])
    seen = len(reads)
    # A poll starts only after the previous one was applied: three more reads mean two whole polls saw the
    # half-written line and handed their result to the GUI thread.
    qtbot.waitUntil(lambda: len(reads) >= seen + 3, timeout=10_000)
    assert rec.of("progress") == []  # a half-written line is not an event yet
    with open(run_dir.events_path, "ab") as fh:
        fh.write(line[10:])
    qtbot.waitUntil(lambda: rec.of("progress") == [("r1", 3.0, 10.0, "", "")], timeout=5000)
    append_event(run_dir.events_path, Finished(result={}))
    qtbot.waitUntil(lambda: bool(rec.of("finished")), timeout=5000)


def test_a_crash_reports_the_signal_and_the_log_tail(qtbot, runner, run_dir):
    append_event(run_dir.events_path, Started(stage="baseline", pid=1))
    append_event(run_dir.events_path, Failed(error="the stage process died: signal 9 (SIGKILL)", kind="crash",
                                             signal=9, log_tail="loading weights\nKilled"))
    rec = Recorder(runner)
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.attach(run_dir, "baseline")
    assert "SIGKILL" in blocker.args[1]
    assert ("r1", f"— {run_dir.log_path} —\nloading weights\nKilled") in rec.of("log")


def test_a_user_error_reports_the_end_of_log_txt(qtbot, runner, run_dir):
    """A user error's event carries no log tail; the log pane still gets the end of log.txt (issue 18)."""
    run_dir.log_path.write_text("reading ru.txt\nerror: bad.txt: not UTF-8 text\n", encoding="utf-8")
    append_event(run_dir.events_path, Started(stage="corpus", pid=1))
    append_event(run_dir.events_path, Failed(error="bad.txt: not UTF-8 text", kind="user"))
    rec = Recorder(runner)
    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.attach(run_dir, "corpus")
    assert rec.of("log") == [("r1", f"— {run_dir.log_path} —\nreading ru.txt\nerror: bad.txt: not UTF-8 text")]


def test_a_damaged_events_file_ends_the_watch_as_failed(qtbot, runner, run_dir):
    run_dir.events_path.write_text('{"v": 1, "type": "started", "stage": "x", "pid": 1}\nnot json\n')
    with qtbot.waitSignal(runner.failed, timeout=5000) as blocker:
        runner.attach(run_dir, "corpus")
    assert "damaged" in blocker.args[1]


def test_a_run_whose_supervisor_died_shows_failed(qtbot, runner, run_dir, tmp_path):
    """Nobody writes its end: the runner's periodic reconcile finds the dead pid and fails the run."""
    (run_dir.path / "spec.json").write_text(json.dumps({"stage": "corpus"}))
    registry = runner.registry
    registry.add(run_dir, project=str(tmp_path / "project.toml"), stage="corpus", key="k")
    doomed = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    registry.set_state(run_dir.id, JobState.RUNNING, pid=doomed.pid)
    append_event(run_dir.events_path, Started(stage="corpus", pid=doomed.pid))
    doomed.kill()
    doomed.wait()
    with qtbot.waitSignal(runner.failed, timeout=10000) as blocker:
        runner.attach(run_dir, "corpus")
    assert "disappeared" in blocker.args[1]
    assert registry.get(run_dir.id).state == JobState.FAILED


def test_start_runs_a_real_stage_then_reuses_its_result(qtbot, runner, small_project):
    project = load_project(small_project)
    rec = Recorder(runner)
    with qtbot.waitSignal(runner.finished, timeout=60000) as blocker:
        runner.start(project, small_project, "corpus")
    run_id = blocker.args[0]
    assert "held-out" in blocker.args[1]["summary"]
    assert rec.of("started") == [(run_id, "corpus")]
    qtbot.waitUntil(lambda: runner.registry.get(run_id).state == JobState.DONE, timeout=10000)
    with qtbot.waitSignal(runner.reused, timeout=10000) as blocker:
        runner.start(project, small_project, "corpus")
    assert blocker.args == ["corpus", run_id]


def test_start_refuses_a_stage_whose_inputs_have_not_run(qtbot, runner, small_project):
    with qtbot.waitSignal(runner.refused, timeout=10000) as blocker:
        runner.start(load_project(small_project), small_project, "baseline")
    assert blocker.args[0] == "baseline" and "needs" in blocker.args[1]


def test_attach_reads_the_stage_from_the_spec(qtbot, runner, run_dir):
    run_dir.spec_path.write_text(json.dumps({"stage": "corpus"}))
    append_event(run_dir.events_path, Finished(result={}))
    with qtbot.waitSignal(runner.started, timeout=5000) as blocker:
        runner.attach(run_dir)
    assert blocker.args == ["r1", "corpus"]
    qtbot.waitUntil(lambda: not runner.is_watching("r1"), timeout=5000)


def test_a_supervisor_the_studio_started_leaves_its_own_crash_in_the_log(qtbot, runner, run_dir, tmp_path):
    (tmp_path / "a-folder").mkdir()  # the spec's registry cannot be opened: the supervisor dies at once
    run_dir.spec_path.write_text(json.dumps({"stage": "corpus", "target": "core.stages.corpus:run", "settings": {},
                                             "registry": str(tmp_path / "a-folder")}))
    runner._launch(run_dir, "corpus")  # what start() does once the run folder is prepared
    qtbot.waitUntil(lambda: run_dir.log_path.exists() and "sqlite3.OperationalError" in
                    run_dir.log_path.read_text(encoding="utf-8"), timeout=30000)
    assert "Traceback (most recent call last)" in run_dir.log_path.read_text(encoding="utf-8")
