"""The results of a project's finished stages, read from their run folders for the result pages.

Plain file reading, no Qt: the studio calls `read_results` on a worker thread each time the stage
statuses are worked out, and hands each page the results it shows."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from core.jobs.rundir import RunDir
from core.project.io import recorded_settings
from core.project.schema import Project
from core.stages import STAGE_BY_NAME, input_result
from core.stages import StageResult as TypedResult
from core.stages.results import parse_result
from ruadapt_gui import stage_status as st
from ruadapt_gui.stage_status import StageStatus

# A stale run (its settings or inputs changed since) still has a result worth showing, marked as old.
SHOWN_STATUSES = (st.UP_TO_DATE, st.STALE)


@dataclass(frozen=True)
class StageResult:
    stage: str
    run_id: str
    run_dir: Path
    result: dict  # result.json as written
    spec: dict
    stale: bool = False  # the project's settings or inputs changed since this run

    @functools.cached_property
    def typed(self) -> TypedResult:
        """The stage's typed result (core/stages/results.py): what the pages read."""
        return parse_result(STAGE_BY_NAME[self.stage].result, self.result, self.stage)

    @functools.cached_property
    def settings(self) -> Project:
        """The settings the run ran with (its spec's), typed: the sections its stage reads."""
        return recorded_settings(self.spec.get("settings", {}), self.stage)

    def input_result(self, stage: str) -> TypedResult:
        """The typed result of an upstream stage this run read (as recorded in its spec)."""
        return input_result(self.spec.get("inputs", {}), stage, STAGE_BY_NAME[stage].result)


def read_result(stage: str, status: StageStatus) -> StageResult | None:
    """The result of the run a stage's status names, when that run finished (else None)."""
    if status.status not in SHOWN_STATUSES or not status.run_dir:
        return None
    run = RunDir(Path(status.run_dir))
    result = run.result()
    if result is None:
        return None
    shown = StageResult(stage, status.run_id, run.path, result, run.spec(), stale=status.status == st.STALE)
    _ = shown.typed  # parsed here, off the GUI thread: a result that breaks its contract fails the read
    return shown


def read_results(statuses: dict[str, StageStatus], stages: tuple[str, ...]) -> dict[str, StageResult | None]:
    return {stage: read_result(stage, statuses[stage]) if stage in statuses else None for stage in stages}
