"""A lock per project and stage, held while a run is planned: two `ruadapt run` (or a run and the
studio) cannot both decide that nothing is running and start the same stage twice. Once planned, the
run's registry row (pending, then running) says it is taken; the lock only closes the gap between
looking and registering."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from core.errors import JobError

if os.name == "nt":
    import msvcrt

    def _try_lock(fh) -> bool:
        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fh) -> None:
        fh.seek(0)
        msvcrt.locking(fh.fileno(), msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try_lock(fh) -> bool:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock(fh) -> None:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def lock_path(folder: Path, project: str, stage: str) -> Path:
    digest = hashlib.sha256(project.encode()).hexdigest()[:16]
    return Path(folder) / "locks" / f"{digest}-{stage}.lock"


@contextmanager
def stage_lock(folder: Path, project: str, stage: str, timeout_s: float = 60.0) -> Iterator[None]:
    """Hold the planning lock of (project, stage); the OS releases it if the holder dies."""
    path = lock_path(folder, project, stage)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+b") as fh:
        deadline = time.monotonic() + timeout_s
        while not _try_lock(fh):
            if time.monotonic() > deadline:
                raise JobError(f"another ruadapt is starting stage {stage!r} of this project", where=project,
                               fix="wait until it has started, then see `ruadapt status`")
            time.sleep(0.05)
        try:
            yield
        finally:
            _unlock(fh)
