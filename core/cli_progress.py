"""Terminal progress for a run: a redrawn bar on a TTY, a line every few seconds in logs and CI; `follow`
shows a run until it ends (`ruadapt run`, `watch` and the arena commands)."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from core.jobs.events import Event, Failed, Log, Metric, Progress
from core.jobs.registry import Registry, failure_fix, outcome_of
from core.jobs.rundir import RunDir, RunTail
from core.jobs.states import JobState


def format_duration(seconds: float) -> str:
    seconds = int(max(0, seconds))
    h, rem = divmod(seconds, 3600)
    return f"{h}:{rem // 60:02d}:{rem % 60:02d}" if h else f"{rem // 60}:{rem % 60:02d}"


class ProgressBar:
    WIDTH = 28

    def __init__(self, label: str, stream: TextIO = sys.stderr) -> None:
        self.label, self.stream = label, stream
        self.tty = stream.isatty()
        self.t0 = time.monotonic()
        self.last_line = 0.0
        self.metrics: dict[str, float] = {}
        self.progress: Progress | None = None

    def handle(self, event: Event) -> None:
        if isinstance(event, Progress):
            self.progress = event
            self._draw()
        elif isinstance(event, Metric):
            self.metrics[event.name] = event.value
        elif isinstance(event, Log):
            self._print(f"  {event.message}")
        elif isinstance(event, Failed) and event.log_tail:
            self._print(event.log_tail)

    def _draw(self, force: bool = False) -> None:
        p = self.progress
        if p is None:
            return
        elapsed = time.monotonic() - self.t0
        if p.total:
            frac = min(1.0, p.done / p.total)
            bar = "█" * int(frac * self.WIDTH) + "·" * (self.WIDTH - int(frac * self.WIDTH))
            eta = f" ETA {format_duration(elapsed / frac - elapsed)}" if 0 < frac < 1 else ""
            amount = f"{frac:4.0%} {_short(p.done)}/{_short(p.total)} {p.unit}"
        else:
            bar, eta, amount = "", "", f"{_short(p.done)} {p.unit}"
        metrics = "  ".join(f"{k}={v:.4g}" for k, v in self.metrics.items())
        line = f"{self.label} {bar} {amount} [{format_duration(elapsed)}{eta}] {metrics} {p.message}".rstrip()
        if self.tty:
            self.stream.write("\r\x1b[2K" + line[:200])
            self.stream.flush()
        elif force or time.monotonic() - self.last_line > 5:
            self.last_line = time.monotonic()
            self.stream.write(line + "\n")
            self.stream.flush()

    def _print(self, text: str) -> None:
        if self.tty:
            self.stream.write("\r\x1b[2K")
        self.stream.write(text + "\n")
        self._draw()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\r\x1b[2K")
        elif self.progress:
            self._draw(force=True)
        self.stream.flush()


def _short(n: float) -> str:
    for unit, size in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if abs(n) >= size:
            return f"{n / size:.1f}{unit}"
    return f"{n:g}"


def follow(run: RunDir, registry: Registry, label: str) -> JobState:
    """Show a run's progress until it ends. Ctrl-C asks it to cancel (a second one only detaches).
    The events file is tailed from where the last look stopped; its end event is written after the
    registry records the end, so when it shows, the run is over everywhere."""
    bar = ProgressBar(label)
    tail = RunTail(run)
    last_reconcile = time.monotonic()
    interrupted = False
    while True:
        try:
            for event in tail.read_new():
                bar.handle(event)
            if tail.end is not None:
                break
            if time.monotonic() - last_reconcile > 2:  # a supervisor killed without a word
                last_reconcile = time.monotonic()
                if registry.reconcile() and registry.get(run.id).state.is_terminal:
                    for event in tail.read_new():
                        bar.handle(event)
                    break
            time.sleep(0.2)
        except KeyboardInterrupt:
            if interrupted:
                bar.close()
                print(f"\ndetached; the run goes on: ruadapt watch {run.id}", file=sys.stderr)
                return JobState.RUNNING
            interrupted = True
            run.request_cancel()
            print("\ncancelling… (Ctrl-C again to detach)", file=sys.stderr)
    bar.close()
    state = tail.state() if tail.end is not None else registry.get(run.id).state
    mark = {JobState.DONE: "✓", JobState.CANCELLED: "⊘"}.get(state, "✗")
    print(f"{mark} {label}: {state.value} — {outcome_of(run)}  ({run.path})")
    if state == JobState.FAILED and (fix := failure_fix(run)):
        print(f"  {fix}")
    return state
