"""The supervisor: one small process per run that starts the stage worker, watches it, enforces
cancel, and reports how it ended, whatever happened to the worker (segfault, OOM kill, kill -9).

It alone writes the run's end (`record_end`: the registry, then the terminal event); the worker only
leaves its own account in end.json."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import psutil

from core.jobs.events import Cancelled, Failed
from core.jobs.launch import child_env, job_command
from core.jobs.processes import kill_processes, kill_tree
from core.jobs.registry import Registry, record_end
from core.jobs.rundir import RunDir
from core.jobs.states import JobState

POLL_S = 0.1
DESCENDANTS_EVERY = 10  # polls between scans of the worker's process tree
DEFAULT_CANCEL_GRACE_S = 10.0


def supervise(run: RunDir, registry: Registry | None = None) -> int:
    """Run the stage to its end; returns 0 done, 1 failed, 130 cancelled."""
    registry = registry or Registry(run.spec().get("registry"))
    grace = float(run.spec().get("cancel_grace_s", DEFAULT_CANCEL_GRACE_S))
    registry.set_state(run.id, JobState.RUNNING, pid=os.getpid())
    with open(run.log_path, "ab") as log:
        worker = subprocess.Popen(job_command("work", run.path), env=child_env(), stdin=subprocess.DEVNULL,
                                  stdout=log, stderr=subprocess.STDOUT)
    # Nothing may kill the supervisor's bookkeeping mid-way: SIGTERM/SIGINT become a cancel request.
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: run.request_cancel())
    deadline = None
    descendants: dict[int, psutil.Process] = {}  # torchrun ranks start their own sessions: remember them
    polls = 0
    forced = False
    while (code := worker.poll()) is None:
        if polls % DESCENDANTS_EVERY == 0:
            descendants.update(_descendants(worker.pid))
        polls += 1
        if run.cancel_flag.exists():
            if deadline is None:
                deadline = time.monotonic() + grace
                registry.set_state(run.id, JobState.CANCELLING)
            elif time.monotonic() > deadline:
                kill_tree(worker.pid)
                worker.wait()
                forced = True
                break
        time.sleep(POLL_S)
    _stop_survivors(descendants.values())  # a killed worker must not leave ranks writing checkpoints
    # The worker's own word wins (it may have finished just as the grace period ran out).
    end = run.worker_end() or (Cancelled(forced=True) if forced else _death(run, code))
    if not run.outputs.exists():
        run.discard_partial_outputs()
    state = record_end(registry, run, end)
    return {JobState.DONE: 0, JobState.CANCELLED: 130}.get(state, 1)


def _death(run: RunDir, code: int) -> Failed:
    """The end of a worker that left no word: killed by a signal, or exited without reporting."""
    died = {"signal": -code} if code < 0 else {"exit_code": code}
    why = f"signal {-code} ({signal.Signals(-code).name})" if code < 0 else f"exit code {code}"
    return Failed(error=f"the stage process died: {why}", kind="crash", log_tail=run.log_tail(), **died)


def _descendants(pid: int) -> dict[int, psutil.Process]:
    try:
        return {p.pid: p for p in psutil.Process(pid).children(recursive=True)}
    except psutil.NoSuchProcess:
        return {}


def _stop_survivors(procs) -> None:
    """Kill what the worker started and left running (is_running also checks the start time, so a
    reused pid is never hit)."""
    kill_processes([p for p in procs if p.is_running()])
