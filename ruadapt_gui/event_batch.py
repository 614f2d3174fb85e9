"""Folding what a run wrote since the last look into one update, so a chatty job (hundreds of events a
second, or a whole events file replayed after a restart) costs the GUI one signal of each kind."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.jobs.events import TERMINAL, Artifact, Event, EventFormatError, EventReader, Log, Metric, Progress, Started

MAX_LOG_LINES = 500  # per batch: the log view keeps fewer than this anyway


@dataclass
class RunBatch:
    run_id: str
    started: bool = False
    progress: Progress | None = None  # only the newest: older ones are already out of date
    metrics: list[Metric] = field(default_factory=list)  # all of them: each is a point on a curve
    logs: list[str] = field(default_factory=list)
    skipped_logs: int = 0
    terminal: Event | None = None  # Finished, Failed or Cancelled
    unreadable: str = ""  # the events file holds a line that is not an event

    @property
    def empty(self) -> bool:
        return not (self.started or self.progress or self.metrics or self.logs or self.terminal
                    or self.unreadable)


def log_line(event: Log | Artifact) -> str:
    if isinstance(event, Artifact):
        return f"→ {event.kind + ': ' if event.kind else ''}{event.path}"
    return event.message if event.level == "info" else f"[{event.level}] {event.message}"


def fold(run_id: str, events: list[Event]) -> RunBatch:
    """One batch from a list of events in file order; nothing after the first terminal event counts
    (the registry, too, keeps the first end it is told about)."""
    batch = RunBatch(run_id)
    for event in events:
        if isinstance(event, Started):
            batch.started = True
        elif isinstance(event, Progress):
            batch.progress = event
        elif isinstance(event, Metric):
            batch.metrics.append(event)
        elif isinstance(event, (Log, Artifact)):
            batch.logs.append(log_line(event))
        elif isinstance(event, TERMINAL):
            batch.terminal = event
            break
    if len(batch.logs) > MAX_LOG_LINES:
        batch.skipped_logs = len(batch.logs) - MAX_LOG_LINES
        batch.logs = batch.logs[-MAX_LOG_LINES:]
    return batch


def read_batch(run_id: str, reader: EventReader) -> RunBatch:
    """Runs on the poll thread: the new complete lines of one run, folded."""
    try:
        events = reader.read_new()
    except EventFormatError as exc:
        return RunBatch(run_id, unreadable=str(exc))
    return fold(run_id, events)
