"""Fixtures for the studio's tests (imported by tests/test_gui_*.py, which need pytest-qt).

The leak guard (`qt_leak_guard` in conftest.py, on every test that uses the Qt application; also named
`gui_leak_guard` here) fails a test that leaves a QTimer running or a QTimer.singleShot unfired, a QThread or
Python thread alive, a Background pool busy, or a job process (a detached supervisor or its worker) running,
and names where each was made. Detached
supervisors are not children of the test process (QProcess.startDetached double-forks), so job
processes are found by their command line: `core.jobs` and a run folder under this test's folders.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
import weakref
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QThread, QThreadPool, QTimer

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


ROOT = Path(__file__).resolve().parent.parent
# Daemon threads that live as long as the process by design, started by whichever test first needs them.
PROCESS_LIFETIME_THREADS = ("TMonitor",)  # tqdm's progress-bar monitor (transformers' save_pretrained)


def where_from() -> str:
    """The innermost line of this project's code on the stack (not this module): where a watched object
    was made or started, so a leak report names it."""
    for frame in reversed(traceback.extract_stack()):
        path = Path(frame.filename)
        if path.name != "conftest_gui.py" and ROOT in path.parents:
            return f"{path.relative_to(ROOT)}:{frame.lineno} ({frame.name})"
    return "outside the project"


@dataclass
class SingleShot:
    where: str
    context: object | None  # Qt drops the shot when its context object is deleted
    fired: bool = False

    def pending(self) -> bool:
        return not self.fired and (self.context is None or shiboken6.isValid(self.context))


class LeakWatch:
    """Records the QTimers (started, or one-shot through QTimer.singleShot), QThreads and Python threads
    started while it watches, with where each was made, then lists what is still going."""

    def __init__(self, monkeypatch) -> None:
        self.timers: list[QTimer] = []
        self.qthreads: list[QThread] = []
        self.shots: list[SingleShot] = []
        self.made_at: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self.threads_before = set(threading.enumerate())
        self._watch_creation(monkeypatch, QTimer)
        self._watch_creation(monkeypatch, QThread)
        self._watch_creation(monkeypatch, threading.Thread)
        timer_start, thread_start, single_shot = QTimer.start, QThread.start, QTimer.singleShot

        def record_timer(timer, *args):
            self.timers.append(timer)
            self.made_at.setdefault(timer, where_from())
            return timer_start(timer, *args)

        def record_thread(thread, *args):
            self.qthreads.append(thread)
            return thread_start(thread, *args)

        monkeypatch.setattr(QTimer, "start", record_timer)
        monkeypatch.setattr(QThread, "start", record_thread)
        monkeypatch.setattr(QTimer, "singleShot", staticmethod(
            lambda *args, **kwargs: single_shot(*self._record_shot(list(args)), **kwargs)))

    def _watch_creation(self, monkeypatch, cls: type) -> None:
        made_at, init = self.made_at, cls.__init__

        def record(obj, *args, **kwargs):
            init(obj, *args, **kwargs)
            made_at[obj] = where_from()

        monkeypatch.setattr(cls, "__init__", record)

    def _record_shot(self, args: list) -> list:
        """Wrap the shot's callable so its firing is seen; a bound method of a QObject becomes the shot's
        context (as Qt would use it), so a deleted receiver still cancels the shot."""
        functor = args[-1]
        if not callable(functor) or isinstance(functor, (str, bytes)):
            return args  # the (receiver, "member") form: nothing to wrap
        context = next((a for a in args[1:-1] if isinstance(a, QObject)), None)
        owner = getattr(functor, "__self__", None)
        if context is None and isinstance(owner, QObject):
            context = owner
            args.insert(len(args) - 1, owner)
        shot = SingleShot(where_from(), context)
        self.shots.append(shot)

        def fire(*a):
            shot.fired = True
            return functor(*a)

        args[-1] = fire
        return args

    def _where(self, obj) -> str:
        return self.made_at.get(obj, "made before the watch")

    def problems(self, job_roots: list[Path]) -> list[str]:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # widgets closed by qtbot go now
        problems = []
        live_timers = [t for t in self.timers if shiboken6.isValid(t) and t.isActive()]
        if live_timers:
            problems.append(f"{len(live_timers)} QTimer(s) still active: "
                            f"{[(type(t.parent()).__name__, t.interval(), self._where(t)) for t in live_timers]}")
        if pending := [s.where for s in self.shots if s.pending()]:
            problems.append(f"QTimer.singleShot(s) not fired yet, from {pending}")
        if running := [self._where(t) for t in self.qthreads if shiboken6.isValid(t) and t.isRunning()]:
            problems.append(f"QThread(s) still running, made at {running}")
        if [b for b in list(background.LIVE) if shiboken6.isValid(b) and (b.busy or b.active_threads())]:
            problems.append("Background pool(s) still busy (shutdown() not called?)")
        if QThreadPool.globalInstance().activeThreadCount():
            problems.append("the global QThreadPool still runs work")
        new_threads = [t for t in threading.enumerate() if t not in self.threads_before and t.is_alive()
                       and type(t).__name__ not in PROCESS_LIFETIME_THREADS]
        if new_threads:
            problems.append(f"Python threads left running: {[(t, self._where(t)) for t in new_threads]}")
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
def gui_leak_guard(qt_leak_guard):
    """The leak guard, by the name the studio's tests ask for it (every test that uses the Qt application
    gets it anyway: `qt_leak_guard` in conftest.py)."""
    return qt_leak_guard


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
        if window.settings_form.dirty and window.isVisible():  # a closed one already answered it
            window.settings_form.revert()  # no "unsaved changes" question at close
        window.close()
        window.translations.clear()  # a language a test chose stays on the application otherwise


@pytest.fixture
def english(qapp):
    """The studio in English as the app starts it: with the English plural forms installed."""
    from ruadapt_gui.i18n import Translations

    translations = Translations()
    translations.apply("en")
    yield
    translations.clear()


@pytest.fixture
def russian(qapp):
    """The studio in Russian: its catalog, and Russian number formats."""
    from ruadapt_gui.i18n import Translations

    translations = Translations()
    translations.apply("ru")
    yield
    translations.clear()
