"""Where each stage of a project stands: not run, up to date, running, failed, cancelled or stale.

Computed on a worker thread: deciding "up to date" fingerprints the stage's input files."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from core.errors import UserError
from core.jobs.discover import origin_of, register_project_runs
from core.jobs.registry import Registry, RunRecord
from core.jobs.rundir import RunDir
from core.jobs.states import JobState
from core.project.schema import Project
from core.stages import STAGES
from core.stages.plan import current_run

NOT_RUN, UP_TO_DATE, RUNNING, FAILED, CANCELLED, STALE = (
    "not_run", "up_to_date", "running", "failed", "cancelled", "stale")
OFF = "off"  # shown for a stage whose section is switched off (StageStatus.disabled), whatever its runs


@dataclass(frozen=True)
class StageStatus:
    status: str
    run_id: str = ""  # the run the status is about (active, current, or latest)
    run_dir: str = ""
    detail: str = ""  # the outcome of that run, or why the status could not be worked out
    origin: str = ""  # an up-to-date result reused from another project's run: that project (or folder)
    disabled: str = ""  # the project section whose "run this stage" setting is off ("" = the stage is on)


def stage_statuses(project: Project, project_path: Path, registry: Registry) -> dict[str, StageStatus]:
    project_path = Path(project_path).resolve()
    register_project_runs(project, project_path, registry)  # a copied or moved project brings its runs
    records = registry.list(project=str(project_path), limit=10_000)  # newest first
    known: dict[str, RunDir | None] = {}  # each stage's current run, worked out once for the whole refresh
    return {stage.name: _with_switch(project, stage.name, _status(
        project, project_path, stage.name, registry, [r for r in records if r.stage == stage.name], known))
        for stage in STAGES}


def _with_switch(project: Project, stage: str, status: StageStatus) -> StageStatus:
    """Mark a stage whose section has an `enabled` setting that is off: it runs, but only passes its
    input on, so the studio shows it as off (with a link to the setting), not as work to do."""
    section = getattr(project, stage, None)
    if section is not None and getattr(section, "enabled", True) is False:
        return dataclasses.replace(status, disabled=stage)
    return status


def _status(project: Project, project_path: Path, stage: str, registry: Registry,
            records: list[RunRecord], known: dict[str, RunDir | None]) -> StageStatus:
    active = next((r for r in records if not r.state.is_terminal), None)
    if active is not None:
        return StageStatus(RUNNING, active.id, active.run_dir)
    try:
        current = current_run(project, project_path, stage, registry, known)
    except UserError as exc:  # e.g. a `pkg:` path whose package is missing: say so on the stage
        latest = records[0] if records else None
        return StageStatus(NOT_RUN, latest.id if latest else "", latest.run_dir if latest else "", str(exc))
    if current is not None:
        rec = next((r for r in records if Path(r.run_dir) == current.path), None)
        return StageStatus(UP_TO_DATE, current.id, str(current.path), rec.outcome if rec else "",
                           origin=origin_of(current.path, project, project_path))
    if not records:
        return StageStatus(NOT_RUN)
    latest = records[0]
    by_state = {JobState.FAILED: FAILED, JobState.CANCELLED: CANCELLED}
    if latest.state in by_state:
        return StageStatus(by_state[latest.state], latest.id, latest.run_dir, latest.outcome)
    return StageStatus(STALE, latest.id, latest.run_dir, latest.outcome)
