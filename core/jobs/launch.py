"""How a run's processes are started: the same stages from the CLI, the studio and a frozen app."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def job_command(mode: str, run_dir: Path) -> list[str]:
    """`python -m core.jobs MODE RUN_DIR`, or the frozen app's own executable with `--run-job`
    (there is no `python` inside a frozen app). MODE is `run` (supervisor) or `work` (the stage)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--run-job", mode, str(run_dir)]
    return [sys.executable, "-m", "core.jobs", mode, str(run_dir)]


def child_env() -> dict[str, str]:
    """The environment for job processes: this checkout importable, output unbuffered, OpenMP threads that
    sleep while they wait (unless the user chose otherwise)."""
    env = dict(os.environ)
    # OpenMP's default spin-wait makes torch's threads burn the cores they wait on: with one other busy
    # process on a 2-core CPU, a SmolLM2 training step ran 6-8x slower than with passive waiting (10-15
    # against 79-94 tokens/s, alternated, 2026-12-02).
    env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def launch_detached(run_dir: Path) -> int:
    """Start a run's supervisor in its own session: it outlives the terminal or studio that started it."""
    kwargs: dict = {"start_new_session": True} if os.name == "posix" else {
        "creationflags": subprocess.CREATE_NEW_PROCESS_GROUP | subprocess.DETACHED_PROCESS}
    # The supervisor's own output (a traceback, should it crash) goes to the run's log.txt, not nowhere.
    with open(Path(run_dir) / "log.txt", "ab") as log:
        proc = subprocess.Popen(job_command("run", run_dir), env=child_env(), stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT, **kwargs)
    return proc.pid
