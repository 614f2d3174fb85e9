"""How long can a chatty job stall the studio's event loop?

A real child process appends events (progress, metric and log in turn) to a run folder at RATE
events/s for SECONDS, while a JobRunner and a visible JobMonitor watch it. A 1 ms timer probes the
GUI thread: the gap between two of its ticks is how long the loop could not answer the user. The
same probe first runs with no job, for a baseline from the same machine and moment.

    python tests/bench_gui_stall.py [--seconds 5] [--rate 200] [--baseline-seconds 3]

Target: worst stall under 50 ms. Nothing here asserts a time (machines differ); it prints.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

WRITER = r"""
import sys, time
from pathlib import Path
from core.jobs.events import Finished, Log, Metric, Progress, Started, append_event
path, rate, seconds = Path(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
append_event(path, Started(stage="bench", pid=0))
total = int(rate * seconds)
start = time.perf_counter()
for i in range(total):
    kind = i % 3
    if kind == 0:
        append_event(path, Progress(done=i, total=total, unit="events", message=f"event {i}"))
    elif kind == 1:
        append_event(path, Metric(name="loss", value=1.0 / (1 + i / 100), step=i))
    else:
        append_event(path, Log(message=f"line {i}: " + "x" * 80))
    delay = start + (i + 1) / rate - time.perf_counter()
    if delay > 0:
        time.sleep(delay)
append_event(path, Finished(result={"summary": f"{total} events"}))
"""


class Probe:
    """Records the gaps between ticks of a 1 ms precise timer on the GUI thread."""

    def __init__(self) -> None:
        self.gaps_ms: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps_ms.clear()
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        self.gaps_ms.append(self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()


def summary(gaps: list[float]) -> dict[str, float]:
    ordered = sorted(gaps[1:] or [0.0])  # the first gap includes the start itself
    return {"worst_ms": ordered[-1], "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))],
            "median_ms": statistics.median(ordered), "ticks": len(ordered)}


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def run(seconds: float = 5.0, rate: float = 200.0, baseline_seconds: float = 3.0) -> dict:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="ruadapt-bench-") as tmp:
        os.environ["RUADAPT_HOME"] = str(Path(tmp) / "home")
        from core.jobs.registry import Registry
        from core.jobs.rundir import RunDir
        from ruadapt_gui.job_runner import JobRunner
        from ruadapt_gui.widgets.job_monitor import JobMonitor

        runner = JobRunner(Registry())
        monitor = JobMonitor(runner)
        monitor.resize(1000, 700)
        monitor.show()
        counts = {"progress": 0, "metric": 0, "log": 0}
        for name in counts:
            getattr(runner, name).connect(lambda *_a, name=name: counts.__setitem__(name, counts[name] + 1))
        probe = Probe()

        probe.start()
        spin(baseline_seconds)
        probe.stop()
        baseline = summary(probe.gaps_ms)

        run_dir = RunDir(Path(tmp) / "run")
        run_dir.path.mkdir()
        done: list[str] = []
        runner.finished.connect(lambda run_id, _result: done.append(run_id))
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(run_dir.events_path), str(rate), str(seconds)],
                                  env=env)
        probe.start()
        runner.attach(run_dir, "bench")
        monitor.show_run(run_dir.id)
        deadline = time.monotonic() + seconds * 3 + 30
        while not done and time.monotonic() < deadline:
            spin(0.05)
        spin(0.3)  # the monitor's last paint
        probe.stop()
        writer.wait(timeout=30)
        loaded = summary(probe.gaps_ms)
        events = sum(1 for _ in open(run_dir.events_path, encoding="utf-8"))
        runner.shutdown()
        monitor.shutdown()
        monitor.close()
        app.processEvents()
    return {"baseline": baseline, "job": loaded, "finished": bool(done), "events_written": events,
            "signals": counts, "plotted_points": len(monitor.trace.curves["loss"].steps) if done else 0,
            "ratio_worst": loaded["worst_ms"] / max(baseline["worst_ms"], 1e-9),
            "ratio_p99": loaded["p99_ms"] / max(baseline["p99_ms"], 1e-9)}


def report(result: dict, seconds: float, rate: float) -> str:
    b, j = result["baseline"], result["job"]
    return "\n".join([
        f"GUI stall benchmark: a child process writes {rate:.0f} events/s for {seconds:.1f} s",
        f"  events written: {result['events_written']}, job finished and seen: {result['finished']}",
        f"  signals emitted: {result['signals']} (plot points: {result['plotted_points']})",
        f"  baseline (no job): worst {b['worst_ms']:.1f} ms, p99 {b['p99_ms']:.2f} ms, median {b['median_ms']:.2f} ms",
        f"  with the job:      worst {j['worst_ms']:.1f} ms, p99 {j['p99_ms']:.2f} ms, median {j['median_ms']:.2f} ms",
        f"  worst stall: {j['worst_ms']:.1f} ms (target < 50 ms); ratio to baseline: worst "
        f"{result['ratio_worst']:.2f}x, p99 {result['ratio_p99']:.2f}x",
    ])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--baseline-seconds", type=float, default=3.0)
    args = parser.parse_args()
    result = run(args.seconds, args.rate, args.baseline_seconds)
    print(report(result, args.seconds, args.rate))
    return 0 if result["finished"] else 1


if __name__ == "__main__":
    sys.exit(main())
