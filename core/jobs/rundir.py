"""The run folder: everything about one stage run lives on disk, so any UI can re-attach.

    spec.json        exactly what the run was started with
    events.jsonl     typed events (core.jobs.events)
    log.txt          the worker's stdout/stderr, tracebacks included
    outputs.partial/ outputs while the stage works; renamed to outputs/ only when it succeeds
    result.json      the stage's result, written atomically before the `finished` event
    end.json         how the worker says it ended (its terminal event); the supervisor reads it, records
                     the end in the registry, then appends that event: it alone writes a run's end
    cancel.request   present once someone asked the run to stop
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.atomic_files import write_json_atomic  # noqa: F401 (also imported from here)
from core.errors import JobError
from core.jobs.events import (
    TERMINAL,
    Cancelled,
    Event,
    EventFormatError,
    EventReader,
    Failed,
    Finished,
    Started,
    parse_event,
    read_events,
)
from core.jobs.states import JobState


@dataclass(frozen=True)
class RunDir:
    path: Path

    @property
    def id(self) -> str:
        return self.path.name

    spec_path = property(lambda self: self.path / "spec.json")
    events_path = property(lambda self: self.path / "events.jsonl")
    log_path = property(lambda self: self.path / "log.txt")
    result_path = property(lambda self: self.path / "result.json")
    outputs = property(lambda self: self.path / "outputs")
    partial_outputs = property(lambda self: self.path / "outputs.partial")
    cancel_flag = property(lambda self: self.path / "cancel.request")
    worker_end_path = property(lambda self: self.path / "end.json")

    @classmethod
    def open(cls, path: Path | str) -> RunDir:
        run = cls(Path(path).resolve())
        if not run.spec_path.is_file():
            raise JobError(
                "not a run folder (no spec.json)", where=str(path),
                fix="pass a folder listed by `ruadapt status`",
            )
        return run

    def spec(self) -> dict[str, Any]:
        return json.loads(self.spec_path.read_text(encoding="utf-8"))

    def result(self) -> dict[str, Any] | None:
        """The stage's result; in a run folder that was moved (with its project), its paths point
        where the files are now, not where they were written."""
        try:
            result = json.loads(self.result_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        old, new = self._moved_from()
        return _rebased(result, old, new) if old != new else result

    def _moved_from(self) -> tuple[Path, Path]:
        """(old, new): the folder the run's paths were written under and where that folder is now. The
        project's folder when the run lay inside it (a model folder beside the project file moves too),
        else the runs folder (sibling runs move together)."""
        try:
            spec = self.spec()
        except (OSError, ValueError):
            return self.path, self.path
        old_run = Path(spec["run_dir"]) if spec.get("run_dir") else _old_run_folder(self.path, spec.get("project", ""))
        if old_run is None or old_run == self.path:
            return self.path, self.path
        old_project = Path(spec["project"]).parent if spec.get("project") else None
        if old_project is not None and old_run.is_relative_to(old_project):
            inside = old_run.relative_to(old_project).parts
            if self.path.parts[-len(inside):] == inside:
                return old_project, Path(*self.path.parts[:-len(inside)])
        return old_run.parent, self.path.parent

    def missing_outputs(self) -> list[str]:
        """Files and folders the result points to that are gone (a deleted model cache, say): such a
        result is not up to date, whatever its key."""
        return [p for p in _paths_in(self.result() or {}) if not Path(p).exists()]

    def events(self) -> list[Event]:
        return read_events(self.events_path)

    def write_worker_end(self, end: Event) -> None:
        """The worker's last word, for its supervisor (which records it; see the module docstring)."""
        write_json_atomic(self.worker_end_path, json.loads(end.to_line()))

    def worker_end(self) -> Event | None:
        """The end the worker wrote, if it got that far (a crashed or killed worker writes none)."""
        try:
            return parse_event(self.worker_end_path.read_text(encoding="utf-8"))
        except (FileNotFoundError, EventFormatError):
            return None

    def request_cancel(self) -> None:
        self.cancel_flag.touch()

    def discard_partial_outputs(self) -> None:
        shutil.rmtree(self.partial_outputs, ignore_errors=True)

    def log_tail(self, lines: int = 20) -> str:
        try:
            with open(self.log_path, "rb") as fh:
                fh.seek(0, os.SEEK_END)
                fh.seek(max(0, fh.tell() - 16384))
                text = fh.read().decode("utf-8", errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def state(self) -> JobState:
        return state_from_events(self.events(), cancel_requested=self.cancel_flag.exists())


_END_STATES = {Finished: JobState.DONE, Failed: JobState.FAILED, Cancelled: JobState.CANCELLED}


def end_state(end: Event) -> JobState:
    """The state a terminal event means."""
    return _END_STATES[type(end)]


def _paths_in(value: Any) -> list[str]:
    """Absolute paths among a result's values (nested lists and dicts too); prose never starts with '/'."""
    if isinstance(value, dict):
        return [p for v in value.values() for p in _paths_in(v)]
    if isinstance(value, (list, tuple)):
        return [p for v in value for p in _paths_in(v)]
    if isinstance(value, str) and "\n" not in value and len(value) < 4096 and os.path.isabs(value):
        return [value]
    return []


def _old_run_folder(here: Path, project_file: str) -> Path | None:
    """Where a run written before spec.json named its folder lay: at the same place inside its project's
    folder, the nearest folder above it holding a file of the project file's name."""
    if not project_file:
        return None
    old_project = Path(project_file)
    for folder in here.parents:
        if (folder / old_project.name).is_file():
            return old_project.parent / here.relative_to(folder)
    return None


def _rebased(value: Any, old: Path, new: Path) -> Any:
    """`value` with the absolute paths under `old` moved under `new` (nested lists and dicts too)."""
    if isinstance(value, dict):
        return {k: _rebased(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_rebased(v, old, new) for v in value]
    if value in _paths_in(value) and Path(value).is_relative_to(old):
        return str(new / Path(value).relative_to(old))
    return value


def state_from_events(events: list[Event], cancel_requested: bool = False) -> JobState:
    """The state a run's events describe: the first end recorded is the end (a late event from an
    orphaned process cannot turn a failed run into a finished one)."""
    end = next((e for e in events if isinstance(e, TERMINAL)), None)
    return _state(end, any(isinstance(e, Started) for e in events), cancel_requested)


def _state(end: Event | None, started: bool, cancel_requested: bool) -> JobState:
    if end is not None:
        return end_state(end)
    if not started:
        return JobState.PENDING
    return JobState.CANCELLING if cancel_requested else JobState.RUNNING


class RunTail:
    """A run's events read from a byte offset, and the state they describe so far: what `ruadapt watch`
    polls (each poll reads only what was appended since, not the whole file again)."""

    def __init__(self, run: RunDir) -> None:
        self.run = run
        self.reader = EventReader(run.events_path)
        self.started = False
        self.end: Event | None = None  # the first terminal event

    def read_new(self) -> list[Event]:
        events = self.reader.read_new()
        self._take(events)
        return events

    def _take(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, Started):
                self.started = True
            elif isinstance(event, TERMINAL) and self.end is None:
                self.end = event

    def state(self) -> JobState:
        cancel_requested = self.end is None and self.started and self.run.cancel_flag.exists()
        return _state(self.end, self.started, cancel_requested)
