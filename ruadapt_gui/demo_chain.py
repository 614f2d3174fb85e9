"""The whole demo: every stage of a project, one after another, through the JobRunner.

Each stage is started when the one before it has finished (a stage that is up to date is not run
again, as `ruadapt run PROJECT` does). The chain stops at the first stage that fails, is refused or
is cancelled; `cancel()` cancels the running stage and starts nothing after it. `detach()` only stops
following (another project was opened: its runs go on, as every run does without the studio)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from core.project.schema import Project
from core.stages import STAGES
from ruadapt_gui.job_runner import JobRunner

DONE, FAILED, CANCELLED, DETACHED = "done", "failed", "cancelled", "detached"


class DemoChain(QObject):
    changed = Signal()  # the stage, its run or its progress changed
    run_started = Signal(str, str)  # run_id, stage: a stage of the chain is running
    ended = Signal(str, str, str)  # outcome (done, failed, cancelled, detached), the stage it ended at, message

    def __init__(self, runner: JobRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.stages: list[str] = []
        self.index = -1  # of the stage being run; -1: the chain is not running
        self.run_id = ""  # the running stage's run, once launched
        self.fraction: float | None = None  # the running stage's own progress
        self.message = ""
        self.cancelling = False
        self._project: Project | None = None
        self._project_path: Path | None = None
        runner.launched.connect(self._launched)
        runner.reused.connect(self._reused)
        runner.refused.connect(self._refused)
        runner.progress.connect(self._progress)
        runner.finished.connect(lambda run_id, _result: self._run_ended(run_id, DONE))
        runner.failed.connect(lambda run_id, message: self._run_ended(run_id, FAILED, message))
        runner.cancelled.connect(lambda run_id: self._run_ended(run_id, CANCELLED))

    @property
    def running(self) -> bool:
        return self.index >= 0

    @property
    def stage(self) -> str:
        return self.stages[self.index] if self.running else ""

    @property
    def project_path(self) -> Path | None:
        return self._project_path

    def start(self, project: Project, project_path: Path, stages: list[str] | None = None) -> None:
        """Run `stages` (every stage when None) in order; nothing happens while a chain runs."""
        if self.running:
            return
        self._project, self._project_path = project, Path(project_path)
        self.stages = list(stages) if stages is not None else [s.name for s in STAGES]
        self.cancelling = False
        self._next()

    def cancel(self) -> None:
        if not self.running or self.cancelling:
            return
        self.cancelling = True
        if self.run_id:
            self.runner.cancel(self.run_id)
        # else the stage is being prepared: it is cancelled as soon as it launches (or ends the chain
        # when it needs no run)
        self.changed.emit()

    def detach(self) -> None:
        """Stop following, start nothing more, and leave the running stage alone."""
        if self.running:
            self._end(DETACHED)

    # -- the runner's answers -------------------------------------------------------------------

    def _next(self) -> None:
        self.index += 1
        self.run_id, self.fraction, self.message = "", None, ""
        if self.index >= len(self.stages):
            self._end(DONE)
            return
        self.changed.emit()
        self.runner.start(self._project, self._project_path, self.stage)

    def _launched(self, run_id: str, stage: str) -> None:
        if not self.running or stage != self.stage or self.run_id:
            return
        self.run_id = run_id
        if self.cancelling:
            self.runner.cancel(run_id)
        self.run_started.emit(run_id, stage)
        self.changed.emit()

    def _reused(self, stage: str, _run_id: str) -> None:
        if not (self.running and stage == self.stage and not self.run_id):
            return
        if self.cancelling:
            self._end(CANCELLED)
        else:
            self._next()

    def _refused(self, stage: str, message: str) -> None:
        if self.running and stage == self.stage and not self.run_id:
            self._end(FAILED, message)

    def _progress(self, run_id: str, done: float, total: float, _unit: str, message: str) -> None:
        if self.running and run_id == self.run_id:
            self.fraction = min(1.0, done / total) if total > 0 else None
            self.message = message or self.message
            self.changed.emit()

    def _run_ended(self, run_id: str, outcome: str, message: str = "") -> None:
        if not self.running or run_id != self.run_id:
            return
        if outcome == DONE and not self.cancelling:
            self._next()
        else:
            self._end(CANCELLED if self.cancelling and outcome == DONE else outcome, message)

    def _end(self, outcome: str, message: str = "") -> None:
        stage = self.stages[min(self.index, len(self.stages) - 1)] if self.stages else ""
        self.index, self.run_id, self.fraction, self.cancelling = -1, "", None, False
        self.ended.emit(outcome, stage, message)
        self.changed.emit()
