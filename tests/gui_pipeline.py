"""The tiny project run once per test session up to `evaluate` (~25 s), for the studio's result pages.

Its runs are listed in a registry of their own; `registry_into(home)` copies that registry into a
test's RUADAPT_HOME, so a main window opened in the test finds every stage up to date.
Load with `pytest_plugins = ["conftest_gui", "gui_pipeline"]`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import write_tiny_project

from core.jobs.rundir import RunDir
from ruadapt_gui import stage_status as st
from ruadapt_gui.stage_results import StageResult, read_result
from ruadapt_gui.stage_status import StageStatus


@dataclass(frozen=True)
class TinyPipeline:
    project: Path
    home: Path  # the RUADAPT_HOME the stages ran under
    runs: dict[str, RunDir]

    def status(self, stage: str) -> StageStatus:
        run = self.runs[stage]
        return StageStatus(st.UP_TO_DATE, run.id, str(run.path))

    def result(self, stage: str) -> StageResult:
        result = read_result(stage, self.status(stage))
        assert result is not None, self.runs[stage].log_path.read_text()[-3000:]
        return result

    def registry_into(self, home: Path) -> None:
        """Copy the pipeline's run registry to `home` (a consistent copy of the live SQLite file)."""
        source = sqlite3.connect(self.home / "runs.sqlite")
        target = sqlite3.connect(Path(home) / "runs.sqlite")
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()


@pytest.fixture(scope="session")
def tiny_pipeline(tmp_path_factory) -> TinyPipeline:
    from test_training import run_pipeline

    folder = tmp_path_factory.mktemp("tiny-pipeline")
    home = folder / "home"
    with pytest.MonkeyPatch.context() as env:
        env.setenv("RUADAPT_HOME", str(home))
        project = write_tiny_project(folder)
        runs = run_pipeline(project, "evaluate")
    pipeline = TinyPipeline(project, home, runs)
    pipeline.result("evaluate")  # fails here, with the log, if the pipeline did not get there
    return pipeline
