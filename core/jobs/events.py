"""Job events: one JSON object per line in a run's `events.jsonl`, typed and versioned.

Writers append whole lines with a single write (O_APPEND keeps concurrent writers from
interleaving). Readers tail from a byte offset and parse only complete lines, so a line being
written is never seen half-way.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar

EVENTS_VERSION = 1


class EventFormatError(ValueError):
    """A line in events.jsonl that is not a valid event (a bug or a foreign file)."""


@dataclass(frozen=True)
class Event:
    type: ClassVar[str] = ""
    t: float = field(default_factory=time.time, kw_only=True)

    def to_line(self) -> str:
        return json.dumps({"v": EVENTS_VERSION, "type": self.type, **asdict(self)}, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class Started(Event):
    type: ClassVar[str] = "started"
    stage: str
    pid: int


@dataclass(frozen=True)
class Progress(Event):
    type: ClassVar[str] = "progress"
    done: float
    total: float | None = None
    unit: str = ""
    message: str = ""


@dataclass(frozen=True)
class Metric(Event):
    type: ClassVar[str] = "metric"
    name: str
    value: float
    step: int


@dataclass(frozen=True)
class Log(Event):
    type: ClassVar[str] = "log"
    message: str
    level: str = "info"


@dataclass(frozen=True)
class Artifact(Event):
    type: ClassVar[str] = "artifact"
    path: str
    kind: str = ""


@dataclass(frozen=True)
class Finished(Event):
    type: ClassVar[str] = "finished"
    result: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Failed(Event):
    type: ClassVar[str] = "failed"
    error: str
    kind: str = "bug"  # "user" (fixable input), "bug" (traceback in log.txt), "crash" (process died)
    signal: int | None = None
    exit_code: int | None = None
    log_tail: str = ""


@dataclass(frozen=True)
class Cancelled(Event):
    type: ClassVar[str] = "cancelled"
    forced: bool = False  # True when the process tree had to be killed after the grace period


EVENT_TYPES: dict[str, type[Event]] = {
    cls.type: cls for cls in (Started, Progress, Metric, Log, Artifact, Finished, Failed, Cancelled)
}
TERMINAL = (Finished, Failed, Cancelled)


def parse_event(line: str) -> Event:
    """The one parser of event lines."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EventFormatError(f"not JSON: {line[:80]!r}") from exc
    if not isinstance(raw, dict):
        raise EventFormatError(f"not an object: {line[:80]!r}")
    if raw.pop("v", None) != EVENTS_VERSION:
        raise EventFormatError(f"unsupported event version in {line[:80]!r} (this app reads v{EVENTS_VERSION})")
    cls = EVENT_TYPES.get(raw.pop("type", None))
    if cls is None:
        raise EventFormatError(f"unknown event type in {line[:80]!r}")
    names = {f.name for f in fields(cls)}
    try:
        return cls(**{k: v for k, v in raw.items() if k in names})
    except TypeError as exc:
        raise EventFormatError(f"bad fields for {cls.type}: {exc}") from exc


def append_event(path: Path, event: Event) -> None:
    data = event.to_line().encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


class EventReader:
    """Tails an events file: each `read_new()` returns the events completed since the last call."""

    def __init__(self, path: Path, offset: int = 0) -> None:
        self.path = Path(path)
        self.offset = offset

    def read_new(self) -> list[Event]:
        try:
            with open(self.path, "rb") as fh:
                fh.seek(self.offset)
                chunk = fh.read()
        except FileNotFoundError:
            return []
        end = chunk.rfind(b"\n")
        if end < 0:
            return []
        self.offset += end + 1
        return [parse_event(line) for line in chunk[: end + 1].decode("utf-8").splitlines() if line.strip()]


def read_events(path: Path) -> list[Event]:
    return EventReader(path).read_new()
