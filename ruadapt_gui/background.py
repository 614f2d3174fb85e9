"""Short in-process work (reading a project, checking settings, polling run folders) on a worker
thread, with the answer delivered on the GUI thread: widgets are only ever touched there."""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_AFTER_MS = 500  # a progress dialog for work that outlasts this (Anki waits 600 ms); shorter work shows none

# Every Background ever made, so the test fixture can check that none is still busy after a test.
LIVE: weakref.WeakSet[Background] = weakref.WeakSet()


class _Task(QRunnable):
    """Runs `fn` on a pool thread and leaves its answer with the owner before it signals, holding no
    reference after: the work, its result and its exception are all freed on the GUI thread. Work closes
    over widgets, and a QObject freed on a worker thread crashes Qt."""

    def __init__(self, owner: Background, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.owner, self.task_id, self.fn = owner, task_id, fn

    def run(self) -> None:
        fn, self.fn = self.fn, None
        try:
            answer = (True, fn())
        except BaseException as exc:  # handed to the GUI thread, where the caller decides what to show
            answer = (False, exc)
        del fn
        self.owner._answers[self.task_id] = answer
        del answer
        self.owner._answered.emit(self.task_id)


class Background(QObject):
    """A small private thread pool. `submit(fn, on_done, on_error)` runs `fn()` off the GUI thread;
    `on_done(result)` or `on_error(exception)` then runs on the GUI thread. Without `on_error` the
    exception is re-raised on the GUI thread, where it reaches sys.excepthook like any slot error."""

    _answered = Signal(int)

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._ids = itertools.count()
        # task id → (work, on_done, on_error), dropped on the GUI thread once the answer is delivered
        self._callbacks: dict[int, tuple[Callable, Callable, Callable | None]] = {}
        self._answers: dict[int, tuple[bool, Any]] = {}  # task id → (succeeded, result or exception)
        self._closed = False
        # Queued: the worker emits, this object (living in the GUI thread) receives.
        self._answered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        LIVE.add(self)

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None) -> None:
        if self._closed:
            raise RuntimeError("Background.submit after shutdown")
        task_id = next(self._ids)
        self._callbacks[task_id] = (fn, on_done, on_error)
        self._pool.start(_Task(self, task_id, fn))

    def with_progress(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None] | None = None, *, label: str,
                      parent: QWidget | None = None, show_after_ms: int = PROGRESS_AFTER_MS) -> QProgressDialog:
        """`submit`, with a busy dialog saying `label` if the work outlasts `show_after_ms`. The dialog is
        window-modal (the window's state is about to change) and has no Cancel: a thread cannot be stopped."""
        dialog = QProgressDialog(label, None, 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.reset()  # stops QProgressDialog's own show timer: ours below decides
        show = QTimer(dialog, singleShot=True, interval=show_after_ms)
        show.timeout.connect(dialog.show)

        def finish(callback: Callable[[Any], None] | None, value: Any) -> None:
            show.stop()
            dialog.hide()
            dialog.deleteLater()
            if callback is not None:
                callback(value)
            elif isinstance(value, BaseException):
                raise value

        self.submit(fn, lambda result: finish(on_done, result), lambda exc: finish(on_error, exc))
        show.start()
        return dialog

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def active_threads(self) -> int:
        return self._pool.activeThreadCount()

    def shutdown(self) -> None:
        """Drop queued tasks, wait for the running one, and forget the answers still to come."""
        self._closed = True
        self._pool.clear()
        self._pool.waitForDone()
        self._callbacks.clear()
        self._answers.clear()

    @Slot(int)
    def _deliver(self, task_id: int) -> None:
        answer, callbacks = self._answers.pop(task_id, None), self._callbacks.pop(task_id, None)
        if answer is None or callbacks is None:  # shut down meanwhile
            return
        (succeeded, value), (_, on_done, on_error) = answer, callbacks
        if succeeded:
            on_done(value)
        elif on_error is None:
            raise value
        else:
            on_error(value)
