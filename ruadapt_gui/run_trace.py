"""What the monitor knows about one run: progress, a rate-based ETA, metric curves and the log tail.
Plain data, no Qt: the monitor fills it from JobRunner signals and paints it on its own schedule."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field

from ruadapt_gui import texts

LOG_LINES = 2000


class EtaEstimator:
    """Seconds left from the progress rate over the last `window_s` seconds (a sliding window
    follows a job that speeds up or slows down; a new phase with a new total starts over)."""

    def __init__(self, window_s: float = 60.0) -> None:
        self.window_s = window_s
        self._samples: deque[tuple[float, float]] = deque()
        self._total = 0.0

    def add(self, done: float, total: float, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        if total != self._total or (self._samples and done < self._samples[-1][1]):
            self._samples.clear()
            self._total = total
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[0][0] > self.window_s:
            self._samples.popleft()

    def seconds_left(self) -> float | None:
        if self._total <= 0 or len(self._samples) < 2:
            return None
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        if t1 - t0 < 0.5 or d1 <= d0:
            return None
        return max(0.0, (self._total - d1) / ((d1 - d0) / (t1 - t0)))


@dataclass
class Curve:
    steps: list[int] = field(default_factory=list)
    values: list[float] = field(default_factory=list)


@dataclass
class RunTrace:
    run_id: str
    stage: str
    state: str = "pending"
    done: float = 0.0
    total: float = 0.0
    unit: str = ""
    message: str = ""
    outcome: str = ""
    eta: EtaEstimator = field(default_factory=EtaEstimator)
    curves: dict[str, Curve] = field(default_factory=dict)
    log: deque[str] = field(default_factory=lambda: deque(maxlen=LOG_LINES))
    new_log: list[str] = field(default_factory=list)  # lines not yet painted

    def set_progress(self, done: float, total: float, unit: str, message: str) -> None:
        self.done, self.total, self.unit = done, total, unit
        if message:
            self.message = message
        self.eta.add(done, total)

    def add_metric(self, name: str, step: int, value: float) -> None:
        curve = self.curves.setdefault(name, Curve())
        curve.steps.append(step)
        curve.values.append(value)

    def add_log(self, text: str) -> None:
        lines = text.splitlines()
        self.log.extend(lines)
        self.new_log.extend(lines)
        del self.new_log[:-LOG_LINES]

    @property
    def fraction(self) -> float | None:
        return min(1.0, self.done / self.total) if self.total > 0 else None


def format_duration(seconds: float) -> str:
    """1:05, 12:40, 2:03:10: short enough for a status line."""
    seconds = int(round(seconds))
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def format_amount(value: float, unit: str) -> str:
    """12.3 MB for bytes, 1,234 for counts."""
    if unit == "bytes":
        for scale, name in ((1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")):
            if value >= scale:
                return f"{value / scale:.1f} {name}"
        return f"{value:.0f} B"
    number = texts.number(value, 0 if value == int(value) else 1)  # grouped the interface language's way
    return f"{number} {unit}".strip()
