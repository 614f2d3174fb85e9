"""Partial files whose writer is gone: removed at the next start, so killed runs, exports and imports
do not leave hidden hundreds of megabytes behind. Only what Ruadapt names and owns is touched: the
`outputs.partial/` and hidden checkpoint partials of a project's ended runs, and import folders in the
model cache named with the pid of a process that no longer exists."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.jobs.registry import Registry

CHECKPOINT_PARTIALS = (".step-*.partial", ".latest.tmp")


def _pid_gone(name: str) -> bool:
    import psutil

    pid = name.rsplit("-", 1)[-1]
    return pid.isdigit() and not psutil.pid_exists(int(pid))


def _remove(path: Path, removed: list[Path]) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
    if not path.exists():
        removed.append(path)


def clean_dead_partials(project: str, registry: Registry, model_cache: Path | None = None) -> list[Path]:
    """Remove the partial files of `project`'s ended runs and dead imports; returns what went."""
    removed: list[Path] = []
    for rec in registry.list(project=project, limit=10_000):
        if not rec.state.is_terminal or not rec.run.path.is_dir():
            continue
        if rec.run.partial_outputs.exists():
            _remove(rec.run.partial_outputs, removed)
        for pattern in CHECKPOINT_PARTIALS:
            for partial in (rec.run.path / "checkpoint").glob(pattern):
                _remove(partial, removed)
        for partial in rec.run.outputs.glob(".*.partial-*") if rec.run.outputs.is_dir() else []:
            if _pid_gone(partial.name):
                _remove(partial, removed)
    if model_cache is not None and model_cache.is_dir():
        for partial in model_cache.glob(".*.partial-*"):
            if _pid_gone(partial.name):
                _remove(partial, removed)
    return removed
