"""A project's runs live in its own `runs/` folder; the per-user registry is only an index of them.

A project that was copied, moved or shared arrives with finished runs the registry has never seen.
`register_project_runs` lists them (their spec, events and result say all there is to know), so
`ruadapt status`, `ruadapt run` and the studio see the same runs. Only runs that have ended are
registered: a run still going belongs to whoever started it, and its supervisor registers it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from core.jobs.events import TERMINAL, Started
from core.jobs.registry import Registry, RunRecord, outcome_of
from core.jobs.rundir import RunDir
from core.paths import resolve_path
from core.project.schema import Project


def project_runs_root(project: Project, project_path: Path) -> Path:
    return resolve_path(project.project.runs_dir, Path(project_path).resolve().parent).resolve()


def register_project_runs(project: Project, project_path: Path, registry: Registry) -> list[RunRecord]:
    """Register the ended runs under the project's runs folder that the registry does not list; return them."""
    root = project_runs_root(project, project_path)
    if not root.is_dir():
        return []
    known = registry.run_dirs()
    added = []
    for folder in sorted(p for p in root.iterdir() if (p / "spec.json").is_file()):
        folder = folder.resolve()
        if str(folder) in known:
            continue
        record = _adopt(RunDir(folder), str(Path(project_path).resolve()), registry)
        if record is not None:
            added.append(record)
    return added


def _adopt(run: RunDir, project: str, registry: Registry) -> RunRecord | None:
    try:
        spec = run.spec()
        events = run.events()
    except (OSError, ValueError):  # a half-copied or foreign folder: not a run we can list
        return None
    end = next((e for e in events if isinstance(e, TERMINAL)), None)
    if end is None:
        return None
    started = next((e.t for e in events if isinstance(e, Started)), None)
    run_id = run.id
    if registry.has_id(run_id):
        listed = registry.get(run_id)
        if listed.state.is_terminal and not Path(listed.run_dir).exists():  # moved: the record follows it
            return registry.relocate(run_id, run.path, project)
        run_id = f"{run.id}~{hashlib.sha1(str(run.path).encode()).hexdigest()[:6]}"  # a copy: both listed
    return registry.adopt(run, run_id=run_id, project=project, stage=str(spec.get("stage", "")),
                          key=str(spec.get("key", "")), state=run.state(), outcome=outcome_of(run),
                          created=float(spec.get("created") or end.t), started=started, ended=end.t)


def origin_of(run_dir: Path | str, project: Project, project_path: Path) -> str:
    """"" for a run in this project's own runs folder; else the project file that made it (from its spec),
    or the folder it lives in: where a reused result came from."""
    run_dir = Path(run_dir)
    if run_dir.resolve().parent == project_runs_root(project, project_path):
        return ""
    try:
        made_by = json.loads((run_dir / "spec.json").read_text(encoding="utf-8")).get("project", "")
    except (OSError, ValueError):
        made_by = ""
    return made_by or str(run_dir.parent)
