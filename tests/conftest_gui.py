"""Fixtures for the studio's tests (imported by tests/test_gui_*.py, which need pytest-qt).

`gui_leak_guard` fails a test that leaves a QTimer running, a QThread or Python thread alive, a
Background pool busy, or a job process (a detached supervisor or its worker) running. Detached
supervisors are not children of the test process (QProcess.startDetached double-forks), so job
processes are found by their command line: `core.jobs` and a run folder under this test's folders.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import psutil
import pytest
import shiboken6
from PySide6.QtCore import QSettings, QThread, QThreadPool, QTimer

from ruadapt_gui import background
from ruadapt_gui.studio_settings import configure_identity

JOB_EXIT_GRACE_S = 15  # a cancelled run's supervisor records the end, then exits


def job_processes(roots: list[Path]) -> list[psutil.Process]:
    """Job processes (`python -m core.jobs run|work RUN_DIR`) whose run folder is under `roots`."""
    found = []
    prefixes = [str(r) for r in roots]
    for proc in psutil.process_iter(["cmdline", "pid"]):
        cmd = proc.info["cmdline"] or []
        if proc.info["pid"] == os.getpid() or "core.jobs" not in cmd:
            continue
        if any(arg.startswith(p) for arg in cmd for p in prefixes):
            found.append(proc)
    return found


def _alive(procs: list[psutil.Process]) -> list[psutil.Process]:
    out = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.NoSuchProcess:
            continue
    return out


@pytest.fixture
def qt_settings(tmp_path, qapp):
    """QSettings in a temporary folder: tests never read or write the user's studio preferences."""
    configure_identity()
    folder = tmp_path / "qsettings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    return folder


class LeakWatch:
    """Records the QTimers and QThreads started while it watches, then lists what is still going."""

    def __init__(self, monkeypatch) -> None:
        self.timers: list[QTimer] = []
        self.qthreads: list[QThread] = []
        self.threads_before = set(threading.enumerate())
        timer_start, thread_start = QTimer.start, QThread.start

        def record_timer(timer, *args):
            self.timers.append(timer)
            return timer_start(timer, *args)

        def record_thread(thread, *args):
            self.qthreads.append(thread)
            return thread_start(thread, *args)

        monkeypatch.setattr(QTimer, "start", record_timer)
        monkeypatch.setattr(QThread, "start", record_thread)

    def problems(self, job_roots: list[Path]) -> list[str]:
        problems = []
        live_timers = [t for t in self.timers if shiboken6.isValid(t) and t.isActive()]
        if live_timers:
            problems.append(f"{len(live_timers)} QTimer(s) still active: "
                            f"{[(type(t.parent()).__name__, t.interval()) for t in live_timers]}")
        if [t for t in self.qthreads if shiboken6.isValid(t) and t.isRunning()]:
            problems.append("QThread(s) still running")
        if [b for b in list(background.LIVE) if shiboken6.isValid(b) and (b.busy or b.active_threads())]:
            problems.append("Background pool(s) still busy (shutdown() not called?)")
        if QThreadPool.globalInstance().activeThreadCount():
            problems.append("the global QThreadPool still runs work")
        new_threads = [t for t in threading.enumerate() if t not in self.threads_before and t.is_alive()]
        if new_threads:
            problems.append(f"Python threads left running: {new_threads}")
        jobs = job_processes(job_roots)
        deadline = time.monotonic() + JOB_EXIT_GRACE_S
        while _alive(jobs) and time.monotonic() < deadline:
            time.sleep(0.1)
        leftover = _alive(jobs)
        for proc in leftover:
            proc.kill()
        if leftover:
            problems.append(f"job processes still running (killed now): {[p.info['cmdline'] for p in leftover]}")
        return problems


@pytest.fixture
def gui_leak_guard(monkeypatch, tmp_path, ruadapt_home, qapp):
    watch = LeakWatch(monkeypatch)
    yield watch
    problems = watch.problems([tmp_path, ruadapt_home])
    assert not problems, "; ".join(problems)


@pytest.fixture
def studio(qtbot, qt_settings, gui_leak_guard):
    """Make main windows (a registry in this test's RUADAPT_HOME); all are closed after the test."""
    from ruadapt_gui.main_window import MainWindow

    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow()
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        return window

    yield make
    for window in windows:
        if window.settings_form.dirty:
            window.settings_form.revert()  # no "unsaved changes" question at close
        window.close()
        window.translations.clear()  # a language a test chose stays on the application otherwise
