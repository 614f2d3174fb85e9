"""JobRunner: the one place the studio starts, watches and cancels stage runs.

A run's supervisor is started detached (`python -m core.jobs run RUN_DIR`), so it outlives the
studio; everything the studio learns about a run comes from its folder. One timer looks at every
watched run's `events.jsonl` from a byte offset on a worker thread, folds each burst into one update
per run, and emits typed signals on the GUI thread. Every ~2 s the registry is reconciled, so a run
whose processes died shows as failed (reconcile writes the `failed` event this poll then reads).
A run's end (`finished`, `failed`, `cancelled`) is emitted when its terminal event appears; the
supervisor writes that event only after the registry records the end, so whatever the user does next
(run the next stage) sees the run as over.
"""

from __future__ import annotations

import signal as signals
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QIODevice, QObject, QProcess, QTimer, Signal

from core.errors import UserError
from core.jobs.events import Cancelled, EventReader, Failed, Finished
from core.jobs.launch import job_command
from core.jobs.registry import Registry, RunRecord, record_end
from core.jobs.rundir import RunDir
from core.jobs.states import JobState
from core.project.schema import Project
from core.stages.plan import PlannedRun, prepare_run
from ruadapt_gui.background import Background
from ruadapt_gui.child_process import child_qprocess
from ruadapt_gui.event_batch import RunBatch, read_batch

POLL_MS = 150
RECONCILE_EVERY_S = 2.0


@dataclass
class _Watch:
    run: RunDir
    stage: str
    reader: EventReader  # touched only by the poll thread, one poll at a time
    state: JobState = JobState.PENDING
    cancel_requested: bool = False


def failure_text(event: Failed) -> str:
    """What the user reads when a run failed: the error, and how the process ended if it crashed."""
    if event.signal:
        try:
            name = signals.Signals(event.signal).name
        except ValueError:
            name = f"signal {event.signal}"
        return f"{event.error} [killed by {name}]" if name not in event.error else event.error
    return event.error


class JobRunner(QObject):
    # `started` means "being watched": emitted when a run is launched or re-attached.
    started = Signal(str, str)  # run_id, stage
    launched = Signal(str, str)  # run_id, stage: a run this runner started (emitted just after its `started`)
    progress = Signal(str, float, float, str, str)  # run_id, done, total (0 = unknown), unit, message
    metric = Signal(str, str, int, float)  # run_id, name, step, value
    log = Signal(str, str)  # run_id, new lines joined by "\n"
    finished = Signal(str, dict)  # run_id, result
    failed = Signal(str, str)  # run_id, message
    cancelled = Signal(str)
    state_changed = Signal(str, str)  # run_id, JobState value
    reused = Signal(str, str)  # stage, run_id: an up-to-date run exists, nothing was started
    refused = Signal(str, str)  # stage, why it cannot start (a UserError's text)
    runs_changed = Signal(list)  # every RunRecord, after a reconcile

    def __init__(self, registry: Registry, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.registry = registry
        # Create the registry file here, once: two threads creating it at the same moment can get
        # "database is locked" from its `PRAGMA journal_mode=WAL` (a few ms, once per machine).
        registry.list(limit=1)
        self._watches: dict[str, _Watch] = {}
        self._starting: set[str] = set()  # stages whose run folder is being prepared
        self._poll_bg = Background(self)  # polls and reconciles, one at a time
        self._plan_bg = Background(self)  # prepare_run fingerprints inputs: keep it off the poll thread
        self._polling = False
        self._next_reconcile = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    # -- what pages call ------------------------------------------------------------------------

    def start(self, project: Project, project_path: Path, stage: str, force: bool = False) -> None:
        """Prepare the run folder off the GUI thread, then launch its supervisor detached.
        Answers with `started`, `reused` or `refused`."""
        if stage in self._starting:
            return
        self._starting.add(stage)
        self._plan_bg.submit(
            lambda: prepare_run(project, Path(project_path), stage, self.registry, force=force),
            lambda planned: self._planned(stage, planned),
            lambda exc: self._plan_failed(stage, exc))

    def attach(self, run: RunDir, stage: str = "") -> None:
        """Watch an existing run: its events are replayed from the start in one batch, then tailed.
        Works for finished runs too (their history is replayed and the watch ends). Without
        `stage`, it is read from the run's spec.json."""
        if run.id in self._watches:
            return
        stage = stage or run.spec()["stage"]
        self._watches[run.id] = _Watch(run, stage, EventReader(run.events_path, 0))
        self.started.emit(run.id, stage)
        self._tick()

    def attach_active(self, project_path: Path) -> None:
        """After a (re)start: settle dead runs, then watch this project's runs that are still going."""
        project = str(Path(project_path).resolve())

        def active() -> list[RunRecord]:
            self.registry.reconcile()
            return [r for r in self.registry.list(project=project) if not r.state.is_terminal]

        # On the poll thread: one reconcile at a time (two at once could both record the same death).
        self._poll_bg.submit(active, lambda records: [self.attach(r.run, r.stage) for r in reversed(records)])

    def cancel(self, run_id: str) -> None:
        """Ask the run to stop (its supervisor kills the tree after the grace period)."""
        watch = self._watches.get(run_id)
        if watch is None or watch.cancel_requested:
            return
        watch.run.request_cancel()
        watch.cancel_requested = True
        if watch.state == JobState.RUNNING:
            self._move(watch, JobState.CANCELLING)

    def unwatch_all(self) -> None:
        """Stop watching every run (they go on running); a poll under way is ignored when it returns."""
        self._watches.clear()

    def is_watching(self, run_id: str) -> bool:
        return run_id in self._watches

    def watched(self) -> dict[str, str]:
        """run_id → stage of every run being watched."""
        return {run_id: w.stage for run_id, w in self._watches.items()}

    def is_starting(self, stage: str) -> bool:
        return stage in self._starting

    def shutdown(self) -> None:
        """Stop watching. Detached runs keep running; the next studio re-attaches to them."""
        self._timer.stop()
        self._plan_bg.shutdown()
        self._poll_bg.shutdown()
        self._watches.clear()
        self._starting.clear()

    # -- launching ------------------------------------------------------------------------------

    def _planned(self, stage: str, planned: PlannedRun) -> None:
        self._starting.discard(stage)
        if planned.reused:
            self.reused.emit(stage, planned.run.id)
            return
        if planned.attached:  # already going (the CLI, another studio): watch it, never a second supervisor
            self.attach(planned.run, stage)
            return
        self._launch(planned.run, stage)

    def _plan_failed(self, stage: str, exc: BaseException) -> None:
        self._starting.discard(stage)
        if not isinstance(exc, UserError):
            raise exc  # a bug, not something the user can fix: let it surface with its traceback
        self.refused.emit(stage, str(exc))

    def _launch(self, run: RunDir, stage: str) -> None:
        command = job_command("run", run.path)
        process = child_qprocess(command, self)
        process.setWorkingDirectory(str(run.path))
        process.setStandardInputFile(QProcess.nullDevice())
        # The supervisor's own output (a traceback, should it crash) goes to the run's log.txt too.
        process.setStandardOutputFile(str(run.log_path), QIODevice.OpenModeFlag.Append)
        process.setStandardErrorFile(str(run.log_path), QIODevice.OpenModeFlag.Append)
        ok = process.startDetached()
        process.deleteLater()
        if not ok:
            # Record the failure where every reader looks, so the run does not sit "pending".
            error = f"could not start {command[0]}: {process.errorString()}"
            record_end(self.registry, run, Failed(error=error, kind="crash"))
        self.attach(run, stage)
        self.launched.emit(run.id, stage)

    # -- watching -------------------------------------------------------------------------------

    def _tick(self) -> None:
        reconcile = time.monotonic() >= self._next_reconcile
        if self._polling or not (self._watches or reconcile):
            return
        self._polling = True
        if reconcile:
            self._next_reconcile = time.monotonic() + RECONCILE_EVERY_S
        watches = [(run_id, w.reader) for run_id, w in self._watches.items()]
        registry = self.registry

        def poll() -> tuple[list[RunBatch], list[RunRecord] | None]:
            batches = [read_batch(run_id, reader) for run_id, reader in watches]
            return batches, registry.reconcile() if reconcile else None

        self._poll_bg.submit(poll, self._apply, self._poll_failed)

    def _poll_failed(self, exc: BaseException) -> None:
        self._polling = False
        raise exc

    def _apply(self, polled: tuple[list[RunBatch], list[RunRecord] | None]) -> None:
        self._polling = False
        batches, records = polled
        for batch in batches:
            watch = self._watches.get(batch.run_id)
            if watch is not None and not batch.empty:
                self._emit_batch(watch, batch)
        if records is not None:
            self.runs_changed.emit(records)

    def _emit_batch(self, watch: _Watch, batch: RunBatch) -> None:
        run_id = batch.run_id
        if batch.started and watch.state == JobState.PENDING:
            self._move(watch, JobState.RUNNING)
            if watch.cancel_requested:
                self._move(watch, JobState.CANCELLING)
        if batch.progress is not None:
            p = batch.progress
            self.progress.emit(run_id, float(p.done), float(p.total or 0.0), p.unit, p.message)
        for m in batch.metrics:
            self.metric.emit(run_id, m.name, m.step, m.value)
        if batch.logs:
            skipped = [f"… {batch.skipped_logs} earlier lines are in {watch.run.log_path}"] if batch.skipped_logs else []
            self.log.emit(run_id, "\n".join(skipped + batch.logs))
        if batch.unreadable:
            self._end(watch, Failed(error=f"the run's events file is damaged: {batch.unreadable}", kind="bug"))
            return
        if batch.terminal is not None:
            self._end(watch, batch.terminal)

    def _end(self, watch: _Watch, event) -> None:
        run_id = watch.run.id
        del self._watches[run_id]
        if isinstance(event, Finished):
            if watch.state == JobState.PENDING:  # its `started` line is missing, yet it ran
                self._move(watch, JobState.RUNNING)
            self._move(watch, JobState.DONE)
            self.finished.emit(run_id, event.result)
        elif isinstance(event, Cancelled):
            self._move(watch, JobState.CANCELLED)
            self.cancelled.emit(run_id)
        else:
            # The last lines of log.txt: the traceback, the native crash, or the "error:" line of a user error.
            if tail := event.log_tail or watch.run.log_tail():
                self.log.emit(run_id, f"— {watch.run.log_path} —\n{tail}")
            self._move(watch, JobState.FAILED)
            self.failed.emit(run_id, failure_text(event))

    def _move(self, watch: _Watch, state: JobState) -> None:
        watch.state = watch.state.to(state)
        self.state_changed.emit(watch.run.id, state.value)
