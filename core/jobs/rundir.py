"""The run folder: everything about one stage run lives on disk, so any UI can re-attach.

    spec.json        exactly what the run was started with
    events.jsonl     typed events (core.jobs.events)
    log.txt          the worker's stdout/stderr, tracebacks included
    outputs.partial/ outputs while the stage works; renamed to outputs/ only when it succeeds
    result.json      the stage's result, written atomically before the `finished` event
    cancel.request   present once someone asked the run to stop
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import JobError
from core.jobs.events import TERMINAL, Cancelled, Event, Failed, Finished, Started, read_events
from core.jobs.states import JobState


def write_json_atomic(path: Path, data: Any) -> None:
    """Write JSON to a temporary name in the same folder and rename it: never a half file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
        try:
            return json.loads(self.result_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None

    def missing_outputs(self) -> list[str]:
        """Files and folders the result points to that are gone (a deleted model cache, say): such a
        result is not up to date, whatever its key."""
        return [p for p in _paths_in(self.result() or {}) if not Path(p).exists()]

    def events(self) -> list[Event]:
        return read_events(self.events_path)

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


def _paths_in(value: Any) -> list[str]:
    """Absolute paths among a result's values (nested lists and dicts too); prose never starts with '/'."""
    if isinstance(value, dict):
        return [p for v in value.values() for p in _paths_in(v)]
    if isinstance(value, (list, tuple)):
        return [p for v in value for p in _paths_in(v)]
    if isinstance(value, str) and "\n" not in value and len(value) < 4096 and os.path.isabs(value):
        return [value]
    return []


def state_from_events(events: list[Event], cancel_requested: bool = False) -> JobState:
    """The state a run's events describe: the first end recorded is the end (a late event from an
    orphaned process cannot turn a failed run into a finished one)."""
    terminal = next((e for e in events if isinstance(e, TERMINAL)), None)
    if isinstance(terminal, Finished):
        return JobState.DONE
    if isinstance(terminal, Failed):
        return JobState.FAILED
    if isinstance(terminal, Cancelled):
        return JobState.CANCELLED
    if any(isinstance(e, Started) for e in events):
        return JobState.CANCELLING if cancel_requested else JobState.RUNNING
    return JobState.PENDING
