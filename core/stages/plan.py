"""From a project to runs: content keys, reuse of up-to-date results, and run folders with their spec."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from core.atomic_files import write_json_atomic
from core.errors import JobError, UserError
from core.jobs.cleanup import clean_dead_partials
from core.jobs.lock import stage_lock
from core.jobs.registry import Registry
from core.jobs.rundir import RunDir
from core.paths import data_home, resolve_path
from core.project.io import section_fields, sections
from core.project.schema import Project
from core.stages import STAGE_BY_NAME, STAGES, StageDef

SPEC_VERSION = 1


def stages_for(target: str | None) -> list[StageDef]:
    """The stages to run for `target` (itself and everything it needs, in order); all when None."""
    if target is None:
        return list(STAGES)
    if target not in STAGE_BY_NAME:
        raise UserError(f"no stage named {target!r}", fix=f"choose one of: {', '.join(STAGE_BY_NAME)}")
    wanted: set[str] = set()

    def visit(name: str) -> None:
        wanted.add(name)
        for need in STAGE_BY_NAME[name].needs:
            visit(need)

    visit(target)
    return [s for s in STAGES if s.name in wanted]


def stage_settings(project: Project, project_path: Path, stage: StageDef) -> tuple[dict[str, Any], list[str]]:
    """The stage's project sections with every path made absolute, and those paths."""
    types = dict(sections())
    out, paths = {}, []
    for name in stage.sections:
        section = getattr(project, name)
        values = dataclasses.asdict(section)
        for fld, _ in section_fields(types[name]):
            kind = fld.metadata.get("path")
            value = values[fld.name]
            if kind and value:
                resolve = lambda v: str(resolve_path(v, project_path.parent).resolve())  # noqa: E731
                values[fld.name] = [resolve(v) for v in value] if isinstance(value, (list, tuple)) else resolve(value)
                paths += values[fld.name] if isinstance(value, (list, tuple)) else [values[fld.name]]
        out[name] = values
    return out, paths


def fingerprint(path: str, base: Path | None = None) -> list:
    """Size and modification time of a file, or of every file under a folder (cheap on gigabytes);
    files inside `base` (the project's folder) are named relative to it."""
    p = Path(path)
    files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p] if p.exists() else []
    return [[_portable(str(f), base), f.stat().st_size, f.stat().st_mtime_ns] for f in files]


def _portable(value: Any, base: Path | None) -> Any:
    """`value` with absolute paths inside `base` written relative to it ("./corpus/ru.txt"), nested
    values too: a key then stays the same when the project folder is moved or copied with its runs."""
    if isinstance(value, dict):
        return {k: _portable(v, base) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_portable(v, base) for v in value]
    if base is not None and isinstance(value, str) and os.path.isabs(value) and Path(value).is_relative_to(base):
        return "./" + Path(value).relative_to(base).as_posix()
    return value


_ABSENT = object()


def _differing_from_defaults(settings: dict[str, Any]) -> dict[str, Any]:
    """The settings the key hashes: those not at the schema's default. A setting added to the schema later
    (its default keeping the old behaviour) then leaves every earlier result current, instead of
    re-running hours of training. So changing a default changes results: bump the stage's version
    (tests/test_stage_versions.py fails until the two move together)."""
    defaults = dataclasses.asdict(Project())
    return {name: {k: v for k, v in values.items() if defaults[name].get(k, _ABSENT) != v}
            for name, values in settings.items()}


def stage_key(settings: dict[str, Any], paths: list[str], stage: StageDef, upstream_keys: dict[str, str],
              base: Path | None = None) -> str:
    """The content key of a stage run: its settings, its input files and its upstream keys. Paths inside
    `base` (the project's folder) count relative to it, so a moved or copied project keeps its results."""
    base = Path(base).resolve() if base is not None else None
    payload = {"stage": stage.name, "version": stage.version,
               "settings": _portable(_differing_from_defaults(settings), base),
               "files": [fingerprint(p, base) for p in sorted(paths)], "upstream": upstream_keys}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:16]


@dataclasses.dataclass(frozen=True)
class PlannedRun:
    stage: StageDef
    run: RunDir
    reused: bool  # True: an earlier run with the same inputs and settings is reused, nothing runs
    attached: bool = False  # True: the same run is already going (started elsewhere): watch it, launch nothing


def prepare_run(project: Project, project_path: Path, stage_name: str, registry: Registry,
                force: bool = False, cancel_grace_s: float = 10.0) -> PlannedRun:
    """Create the run folder for one stage, or return the finished run it would repeat, or the same run
    already going. Its upstream stages must have finished runs for their current keys."""
    project_path = Path(project_path).resolve()
    stage = STAGE_BY_NAME[stage_name]
    # A supervisor killed with its worker (OOM kill, reboot) left its run "running": settle it first, so
    # its checkpoint is found for resuming and its partial files can go.
    registry.reconcile()
    clean_dead_partials(str(project_path), registry, data_home() / "models")
    with stage_lock(registry.path.parent, str(project_path), stage.name):
        return _plan_locked(project, project_path, stage, registry, force, cancel_grace_s)


def _plan_locked(project: Project, project_path: Path, stage: StageDef, registry: Registry, force: bool,
                 cancel_grace_s: float) -> PlannedRun:
    stage_name = stage.name
    settings, paths = stage_settings(project, project_path, stage)
    inputs, upstream_keys = {}, {}
    for need in stage.needs:
        up = current_run(project, project_path, need, registry)
        if up is None:
            raise JobError(f"stage {stage_name!r} needs {need!r} to have run with the current settings",
                           fix=f"run `ruadapt run {project_path} --stage {need}` first")
        upstream_keys[need] = up.spec()["key"]
        inputs[need] = {"run_dir": str(up.path), "outputs": str(up.outputs), "result": up.result()}
    key = stage_key(settings, paths, stage, upstream_keys, base=project_path.parent)
    for active in registry.active_runs(str(project_path), stage.name):
        if active.key == key:
            return PlannedRun(stage, active.run, reused=False, attached=True)
        raise JobError(f"stage {stage.name!r} of this project is already running ({active.id}) with other "
                       "settings", where=str(project_path),
                       fix=f"wait for it (`ruadapt watch {active.id}`) or stop it (`ruadapt cancel {active.id}`), "
                           "then run again")
    runs_root = resolve_path(project.project.runs_dir, project_path.parent)
    if not force and (done := registry.latest_done(stage.name, key, prefer=runs_root.resolve())):
        return PlannedRun(stage, done.run, reused=True)
    resumable = None if force else registry.latest_resumable(stage.name, key)
    run = create_run(runs_root, stage.name, stage.target, settings, registry, key=key, project=str(project_path),
                     inputs=inputs, cancel_grace_s=cancel_grace_s,
                     resume_from=str(resumable.run.path / "checkpoint") if resumable else None)
    return PlannedRun(stage, run, reused=False)


def create_run(root: Path, stage: str, target: str, settings: dict[str, Any], registry: Registry, *,
               key: str = "", project: str = "", inputs: dict | None = None, cancel_grace_s: float = 10.0,
               resume_from: str | None = None) -> RunDir:
    """A new run folder with its spec, listed in the registry as pending. Pipeline stages come here
    through `prepare_run`; jobs outside a project (annotation answers) directly."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    run, n = RunDir(Path(root) / f"{stamp}-{stage}-{key[:6] or 'job'}"), 1
    while run.path.exists():
        n += 1
        run = RunDir(Path(root) / f"{stamp}-{stage}-{key[:6] or 'job'}-{n}")
    run.path.mkdir(parents=True)
    write_json_atomic(run.spec_path, {
        "version": SPEC_VERSION, "stage": stage, "target": target, "key": key, "project": project,
        "run_dir": str(run.path.resolve()),  # where it was made: a moved project's results are read from here
        "settings": settings, "inputs": inputs or {}, "registry": str(registry.path),
        "cancel_grace_s": cancel_grace_s, "resume_from": resume_from, "created": time.time(),
    })
    registry.add(run, project=project, stage=stage, key=key)
    return run


def current_run(project: Project, project_path: Path, stage_name: str, registry: Registry,
                known: dict[str, RunDir | None] | None = None) -> RunDir | None:
    """The finished run of `stage_name` that matches the project's current settings, if any.
    `known` carries the answers already worked out (one status refresh asks for every stage, and each
    stage's answer needs its upstream's: without it the first stages' inputs are fingerprinted again and
    again)."""
    known = {} if known is None else known
    if stage_name in known:
        return known[stage_name]
    stage = STAGE_BY_NAME[stage_name]
    upstream_keys = {}
    for need in stage.needs:
        up = current_run(project, project_path, need, registry, known)
        if up is None:
            known[stage_name] = None
            return None
        upstream_keys[need] = up.spec()["key"]
    project_path = Path(project_path).resolve()
    key = stage_key(*stage_settings(project, project_path, stage), stage, upstream_keys, base=project_path.parent)
    done = registry.latest_done(stage.name, key,
                                prefer=resolve_path(project.project.runs_dir, project_path.parent).resolve())
    known[stage_name] = done.run if done else None
    return known[stage_name]
