"""Resume after a crash, stale results and two runs at once: `run` settles what kill -9 left before it
plans, a result whose outputs are gone is not up to date, a stage of a project runs once at a time, and
partial files of ended runs and dead imports go at the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from core.errors import JobError
from core.jobs.events import Finished, Started, append_event
from core.jobs.registry import Registry
from core.jobs.states import JobState
from core.project import load_project, project_from_dict, save_project
from core.stages.plan import prepare_run

ROOT = Path(__file__).resolve().parents[1]


def plan(project_path: Path, stage: str = "corpus", **kw):
    return prepare_run(load_project(project_path), project_path, stage, Registry(), **kw)


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    return proc


def killed(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait()


def test_run_after_kill_9_of_supervisor_and_worker_resumes_from_the_checkpoint(small_project):
    registry = Registry()
    first = plan(small_project).run
    supervisor, worker = dead_pid(), dead_pid()
    registry.set_state(first.id, JobState.RUNNING, pid=supervisor.pid)
    append_event(first.events_path, Started(stage="corpus", pid=worker.pid))
    (first.path / "checkpoint").mkdir()
    (first.path / "checkpoint" / "latest").write_text("step-00001600")
    killed(supervisor), killed(worker)  # an OOM kill or a reboot: neither says a word
    again = plan(small_project)
    assert again.run.spec()["resume_from"] == str(first.path / "checkpoint")
    assert again.run != first and not again.attached
    assert registry.get(first.id).state == JobState.FAILED


def test_the_same_stage_planned_twice_attaches_to_the_run_already_going(small_project):
    first = plan(small_project)
    second = plan(small_project)
    assert second.run == first.run and second.attached
    assert len(Registry().list()) == 1
    project = load_project(small_project)
    changed = project_from_dict({**_as_dict(project), "corpus": {**_as_dict(project)["corpus"],
                                                                "heldout_fraction": 0.3}}, base=small_project.parent)
    save_project(changed, small_project)
    with pytest.raises(JobError, match="already running .* with other settings"):
        plan(small_project)


def _as_dict(project):
    from core.project import project_to_dict

    return project_to_dict(project)


def test_planning_holds_the_lock_of_the_project_and_stage(small_project, monkeypatch):
    import core.stages.plan as plan_module
    from core.jobs.lock import _try_lock, lock_path

    seen = []
    inner = plan_module._plan_locked

    def probe(project, project_path, stage, registry, *args):
        with open(lock_path(registry.path.parent, str(project_path), stage.name), "a+b") as fh:
            seen.append(_try_lock(fh))  # another open file: refused while the planner holds the lock
        return inner(project, project_path, stage, registry, *args)

    monkeypatch.setattr(plan_module, "_plan_locked", probe)
    plan(small_project)
    assert seen == [False]


def test_two_cli_runs_of_one_stage_at_once_run_it_once(small_project):
    # Whichever plans second finds the first running (it attaches) or done (up to date): never a second run.
    command = [sys.executable, "-m", "core.cli", "run", str(small_project), "--stage", "corpus"]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], outputs
    records = [r for r in Registry().list() if r.stage == "corpus"]
    assert len(records) == 1 and records[0].state == JobState.DONE
    assert any("already running" in out or "up to date" in out for out, _ in outputs)


def finished(run, result: dict) -> None:
    registry = Registry()
    registry.set_state(run.id, JobState.RUNNING)
    from core.jobs.rundir import write_json_atomic

    write_json_atomic(run.result_path, result)
    append_event(run.events_path, Finished(result=result))
    registry.set_state(run.id, JobState.DONE)


def test_a_result_whose_outputs_are_gone_is_not_up_to_date(small_project, tmp_path):
    model = tmp_path / "cache" / "model"
    model.mkdir(parents=True)
    run = plan(small_project).run
    finished(run, {"model_dir": str(model), "summary": "a model / in the cache"})
    assert plan(small_project).reused
    model.rmdir()  # the model cache deleted after the import
    again = plan(small_project)
    assert not again.reused and again.run != run


def test_partial_files_of_ended_runs_and_dead_imports_are_cleaned_at_the_next_start(small_project, ruadapt_home):
    run = plan(small_project).run
    (run.partial_outputs / "model").mkdir(parents=True)
    (run.partial_outputs / "model" / "weights.safetensors").write_bytes(b"\0" * 1000)
    (run.path / "checkpoint" / ".step-00000010.partial").mkdir(parents=True)
    (run.path / "checkpoint" / ".latest.tmp").write_text("step")
    (run.path / "checkpoint" / "latest").write_text("step-00000008")  # the real checkpoint stays
    finished(run, {"summary": "done"})
    cache = ruadapt_home / "models"
    cache.mkdir(exist_ok=True)
    gone = dead_pid()
    killed(gone)
    (cache / f".model-abc-v1.partial-{gone.pid}").mkdir()
    (cache / f".model-abc-v1.partial-{gone.pid}" / "model.safetensors").write_bytes(b"\0" * 1000)
    (cache / f".other-v1.partial-{os.getpid()}").mkdir()  # a live import: left alone
    plan(small_project)
    assert not run.partial_outputs.exists()
    assert not (run.path / "checkpoint" / ".step-00000010.partial").exists()
    assert not (run.path / "checkpoint" / ".latest.tmp").exists()
    assert (run.path / "checkpoint" / "latest").exists()
    assert not (cache / f".model-abc-v1.partial-{gone.pid}").exists()
    assert (cache / f".other-v1.partial-{os.getpid()}").exists()
