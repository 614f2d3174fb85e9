"""Real child jobs: run, reuse, cancel, SIGKILL, and a supervisor that vanished."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import psutil
import pytest

from core.jobs.events import Cancelled, Failed, Finished, Progress, Started
from core.jobs.launch import child_env, launch_detached
from core.jobs.registry import Registry
from core.jobs.rundir import RunDir
from core.jobs.states import JobState
from core.project import load_project
from core.stages.plan import prepare_run

TESTS = Path(__file__).resolve().parent


def wait_until(predicate, timeout=120.0, what="condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if value := predicate():
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def wait_terminal(registry: Registry, run_id: str) -> JobState:
    """The run's end as every reader sees it: its terminal event, which the supervisor writes only after the
    registry records the end (so the registry must already agree)."""
    run = registry.get(run_id).run
    wait_until(lambda: run.state().is_terminal, what="the run to end")
    state = registry.get(run_id).state
    assert state == run.state(), "the end event came before the registry recorded it"
    return state


def start(project_path: Path, stage: str, **kw):
    registry = Registry()
    planned = prepare_run(load_project(project_path), project_path, stage, registry, **kw)
    if not planned.reused:
        launch_detached(planned.run.path)
    return registry, planned


def test_a_stage_runs_as_a_child_process_and_reports_everything(small_project):
    registry, planned = start(small_project, "corpus")
    run = planned.run
    assert wait_terminal(registry, run.id) is JobState.DONE
    events = run.events()
    assert isinstance(events[0], Started) and events[0].pid != os.getpid()
    assert any(isinstance(e, Progress) for e in events) and isinstance(events[-1], Finished)
    result = run.result()
    assert result == events[-1].result and result["heldout_ru_docs"] > 0 and result["train_ru_docs"] > 0
    held = (run.outputs / "heldout_ru.txt").read_text(encoding="utf-8")
    train = (run.outputs / "train_ru.txt").read_text(encoding="utf-8")
    assert not set(held.split("\n\n")) & set(train.split("\n\n")) - {""}  # held-out never in training
    spec = run.spec()
    assert spec["stage"] == "corpus" and spec["settings"]["corpus"]["russian"][0].endswith("ru.txt")
    assert run.log_path.exists() and not run.partial_outputs.exists()
    rec = registry.get(run.id)
    assert rec.ended >= rec.started and "held-out" in rec.outcome


def test_an_unchanged_stage_is_not_rerun_unless_forced(small_project):
    registry, first = start(small_project, "corpus")
    wait_terminal(registry, first.run.id)
    _, again = start(small_project, "corpus")
    assert again.reused and again.run == first.run
    registry, forced = start(small_project, "corpus", force=True)
    assert not forced.reused
    wait_terminal(registry, forced.run.id)
    ru = small_project.parent / "ru.txt"
    ru.write_text(ru.read_text(encoding="utf-8") + "\nНовый абзац.\n", encoding="utf-8")
    registry, changed = start(small_project, "corpus")
    assert not changed.reused
    wait_terminal(registry, changed.run.id)


def test_sigkill_mid_way_is_reported_as_failed_with_the_signal(small_project, hold_stage):
    hold_stage("corpus")  # still running when the kill lands
    registry, planned = start(small_project, "corpus")
    run = planned.run
    wait_until(lambda: any(isinstance(e, Progress) for e in run.events()), what="progress")
    worker = next(e.pid for e in run.events() if isinstance(e, Started))
    os.kill(worker, signal.SIGKILL)
    assert wait_terminal(registry, run.id) is JobState.FAILED
    failed = run.events()[-1]
    assert isinstance(failed, Failed) and failed.signal == signal.SIGKILL and failed.kind == "crash"
    assert "signal 9" in registry.get(run.id).outcome
    assert not run.outputs.exists() and not run.partial_outputs.exists()


def test_cancel_is_cooperative_and_leaves_no_half_written_output(small_project, hold_stage):
    hold_stage("corpus")  # held mid-way, its output files open, until the cancel lands
    registry, planned = start(small_project, "corpus")
    run = planned.run
    wait_until(lambda: run.events_path.exists() and any(isinstance(e, Progress) for e in run.events()),
               what="the first progress event")
    assert (run.partial_outputs / "train_ru.txt").exists()
    run.request_cancel()
    assert wait_terminal(registry, run.id) is JobState.CANCELLED
    assert isinstance(run.events()[-1], Cancelled) and not run.events()[-1].forced
    assert not run.outputs.exists() and not run.partial_outputs.exists() and run.result() is None
    assert registry.get(run.id).outcome == "cancelled"


def _custom_run(tmp_path: Path, target: str, grace: float = 1.0) -> tuple[Registry, RunDir]:
    from core.stages.plan import create_run

    registry = Registry()
    return registry, create_run(tmp_path / "runs", "custom", target, {}, registry, cancel_grace_s=grace)


@pytest.fixture
def tests_importable(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(TESTS), os.environ.get("PYTHONPATH")])))


def test_a_stage_that_ignores_cancel_is_killed_with_its_whole_tree(tmp_path, tests_importable):
    registry, run = _custom_run(tmp_path, "job_targets:spawn_grandchild_then_wait")
    launch_detached(run.path)
    pid_file = run.path / "grandchild.pid"
    wait_until(pid_file.exists, what="the grandchild")
    grandchild = int(pid_file.read_text())
    run.request_cancel()
    assert wait_terminal(registry, run.id) is JobState.CANCELLED
    assert run.events()[-1].forced
    assert wait_until(lambda: not psutil.pid_exists(grandchild) or
                      psutil.Process(grandchild).status() == psutil.STATUS_ZOMBIE, timeout=10, what="kill")


def test_a_vanished_supervisor_is_settled_as_failed(tmp_path, tests_importable):
    registry, run = _custom_run(tmp_path, "job_targets:spawn_grandchild_then_wait")
    launch_detached(run.path)
    wait_until(lambda: registry.get(run.id).pid, what="the supervisor")
    supervisor = psutil.Process(registry.get(run.id).pid)
    tree = supervisor.children(recursive=True)
    for proc in [supervisor, *tree]:  # what an OOM killer or a reboot does
        proc.kill()
    psutil.wait_procs([supervisor, *tree], timeout=5)
    registry.reconcile()
    rec = registry.get(run.id)
    assert rec.state is JobState.FAILED and "disappeared" in rec.outcome
    assert isinstance(run.events()[-1], Failed)


def test_a_stage_bug_keeps_its_traceback_in_the_log(tmp_path, tests_importable):
    registry, run = _custom_run(tmp_path, "job_targets:no_such_function")
    launch_detached(run.path)
    assert wait_terminal(registry, run.id) is JobState.FAILED
    failed = run.events()[-1]
    assert failed.kind == "bug" and "log.txt" in failed.error
    assert "Traceback" in run.log_path.read_text()


def test_the_worker_entry_point_refuses_a_folder_that_is_not_a_run(tmp_path):
    import subprocess
    proc = subprocess.run([sys.executable, "-m", "core.jobs", "run", str(tmp_path)], capture_output=True,
                          text=True, cwd=TESTS.parent)
    assert proc.returncode != 0 and "not a run folder" in proc.stderr


def run_inline(project_path: Path, stage: str) -> RunDir:
    """Run a stage in this process (what the worker child does), for tests of a stage's own logic."""
    from core.jobs.registry import outcome_of
    from core.jobs.worker import work

    registry = Registry()
    planned = prepare_run(load_project(project_path), project_path, stage, registry)
    if planned.reused:
        return planned.run
    registry.set_state(planned.run.id, JobState.RUNNING, pid=os.getpid())
    work(planned.run)
    registry.set_state(planned.run.id, planned.run.state(), outcome=outcome_of(planned.run))
    return planned.run


def test_bad_corpus_files_stop_the_stage_or_are_skipped_and_counted(small_project):
    from core.project import project_from_dict, project_to_dict, save_project

    bad = small_project.parent / "bad.txt"
    bad.write_bytes("Привет".encode("cp1251"))
    raw = project_to_dict(load_project(small_project))
    raw["corpus"]["russian"] = ["ru.txt", "bad.txt"]
    save_project(project_from_dict(raw, base=small_project.parent), small_project)
    failed = run_inline(small_project, "corpus").events()[-1]
    assert isinstance(failed, Failed) and failed.kind == "user" and "bad.txt" in failed.error
    raw["corpus"]["on_bad_file"] = "skip"
    save_project(project_from_dict(raw, base=small_project.parent), small_project)
    result = run_inline(small_project, "corpus").result()
    assert len(result["skipped_files"]) == 1 and "bad.txt" in result["skipped_files"][0]
    assert "1 bad file(s) skipped" in result["summary"] and result["train_ru_docs"] > 0


def test_repeated_paragraphs_never_reach_training_through_a_copy(small_project):
    ru = small_project.parent / "ru.txt"
    ru.write_text((ru.read_text(encoding="utf-8") + "\n") * 3, encoding="utf-8")  # every paragraph three times
    run = run_inline(small_project, "corpus")
    result, outputs = run.result(), run.outputs
    held = {p for p in (outputs / "heldout_ru.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()}
    train = {p for p in (outputs / "train_ru.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()}
    assert held and not held & train
    assert result["duplicates_of_heldout"] == 2 * result["heldout_ru_docs"]


def test_a_setting_added_later_with_its_default_leaves_earlier_results_current(small_project):
    """Content keys hash the settings that differ from the schema's defaults: a project from before a
    setting existed (here: the setting removed from the section) keys the same, a changed value does not."""
    import copy

    from core.project import load_project
    from core.stages import STAGE_BY_NAME
    from core.stages.plan import stage_key, stage_settings

    stage = STAGE_BY_NAME["stage1"]
    settings, paths = stage_settings(load_project(small_project), small_project, stage)
    key = stage_key(settings, paths, stage, {})
    older = copy.deepcopy(settings)
    del older["stage1"]["min_lr_ratio"], older["compute"]["strategy"]
    assert stage_key(older, paths, stage, {}) == key
    changed = copy.deepcopy(settings)
    changed["stage1"]["min_lr_ratio"] = 0.5
    assert stage_key(changed, paths, stage, {}) != key


def test_the_supervisor_alone_writes_the_end_registry_first(tmp_path, tests_importable):
    """While the registry is locked, a worker that has finished leaves no `finished` event: readers never
    see an end the registry does not yet hold (the next stage may start the moment they see it)."""
    import sqlite3

    from core.jobs.events import TERMINAL

    registry, run = _custom_run(tmp_path, "job_targets:finish_when_told")
    launch_detached(run.path)
    worker = wait_until(lambda: next((e.pid for e in run.events() if isinstance(e, Started)), None),
                        what="the worker")
    lock = sqlite3.connect(registry.path, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")  # the supervisor's end-of-run write now waits (up to 30 s)
    try:
        (run.path / "go").touch()
        wait_until(lambda: not psutil.pid_exists(worker) or psutil.Process(worker).status() == psutil.STATUS_ZOMBIE,
                   what="the worker to exit")
        assert not any(isinstance(e, TERMINAL) for e in run.events())
        assert isinstance(run.worker_end(), Finished)  # the worker's word, for the supervisor to record
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert wait_terminal(registry, run.id) is JobState.DONE
    wait_until(lambda: isinstance(run.events()[-1], Finished), what="the finished event")
    assert registry.get(run.id).outcome == "told to finish"


def test_a_supervisor_crash_leaves_its_traceback_in_the_log(tmp_path):
    from core.jobs.rundir import write_json_atomic

    run = RunDir(tmp_path / "run")
    run.path.mkdir()
    (tmp_path / "a-folder").mkdir()  # the registry named in the spec cannot be opened: the supervisor dies
    write_json_atomic(run.spec_path, {"stage": "custom", "target": "job_targets:finish_when_told", "settings": {},
                                      "registry": str(tmp_path / "a-folder")})
    psutil.Process(launch_detached(run.path)).wait(timeout=60)
    log = run.log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "sqlite3.OperationalError" in log


def test_one_status_refresh_works_out_each_stage_key_once(small_project, monkeypatch):
    """Every stage's status needs its upstream's current run: worked out once per refresh and shared, not
    once per downstream stage (each time fingerprinting the input files again)."""
    from collections import Counter

    from core.stages import STAGES, plan
    from ruadapt_gui.stage_status import UP_TO_DATE, stage_statuses

    corpus = run_inline(small_project, "corpus")
    keyed = Counter()
    stage_key = plan.stage_key
    monkeypatch.setattr(plan, "stage_key", lambda settings, paths, stage, up, **kw: keyed.update([stage.name]) or
                        stage_key(settings, paths, stage, up, **kw))
    statuses = stage_statuses(load_project(small_project), small_project, Registry())
    assert statuses["corpus"].status == UP_TO_DATE and statuses["corpus"].run_id == corpus.id
    assert keyed["corpus"] == 1 and max(keyed.values()) == 1 and set(keyed) <= {s.name for s in STAGES}


def test_job_processes_wait_passively_unless_the_user_chose(monkeypatch):
    """Spinning OpenMP threads starve a shared CPU (see child_env): children get passive waiting, and a
    user's own OMP_WAIT_POLICY is kept."""
    monkeypatch.delenv("OMP_WAIT_POLICY", raising=False)
    assert child_env()["OMP_WAIT_POLICY"] == "PASSIVE"
    monkeypatch.setenv("OMP_WAIT_POLICY", "ACTIVE")
    assert child_env()["OMP_WAIT_POLICY"] == "ACTIVE"
