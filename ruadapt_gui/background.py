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
    def __init__(self, owner: Background, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.owner, self.task_id, self.fn = owner, task_id, fn

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # handed to the GUI thread, where the caller decides what to show
            self.owner._error.emit(self.task_id, exc)
            return
        self.owner._done.emit(self.task_id, result)


class Background(QObject):
    """A small private thread pool. `submit(fn, on_done, on_error)` runs `fn()` off the GUI thread;
    `on_done(result)` or `on_error(exception)` then runs on the GUI thread. Without `on_error` the
    exception is re-raised on the GUI thread, where it reaches sys.excepthook like any slot error."""

    _done = Signal(int, object)
    _error = Signal(int, object)

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._ids = itertools.count()
        self._callbacks: dict[int, tuple[Callable, Callable | None]] = {}
        self._closed = False
        # Queued: the worker emits, this object (living in the GUI thread) receives.
        self._done.connect(self._deliver_done, Qt.ConnectionType.QueuedConnection)
        self._error.connect(self._deliver_error, Qt.ConnectionType.QueuedConnection)
        LIVE.add(self)

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None) -> None:
        if self._closed:
            raise RuntimeError("Background.submit after shutdown")
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
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

    @Slot(int, object)
    def _deliver_done(self, task_id: int, result: Any) -> None:
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks is not None:
            callbacks[0](result)

    @Slot(int, object)
    def _deliver_error(self, task_id: int, exc: BaseException) -> None:
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks is None:
            return
        if callbacks[1] is None:
            raise exc
        callbacks[1](exc)
