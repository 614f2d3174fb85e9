"""Background.with_progress: a busy dialog only for work that outlasts its threshold, gone when the work ends.

The work waits on an event the test sets, so which comes first (the threshold or the end) is the test's choice."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ruadapt_gui.background import PROGRESS_AFTER_MS, Background

pytest_plugins = ["conftest_gui"]  # the studio's fixtures (tests/conftest_gui.py)


def gone(dialog) -> bool:
    """Hidden, or already deleted (the dialog deletes itself once the work ends)."""
    return not shiboken6.isValid(dialog) or not dialog.isVisible()


@pytest.fixture
def window(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    background = Background(window)
    yield window, background
    background.shutdown()


def test_long_work_shows_the_dialog_until_it_ends(qtbot, window):
    parent, background = window
    release, results = threading.Event(), []
    dialog = background.with_progress(lambda: release.wait(30) and 42, results.append,
                                      label="Reading the project…", parent=parent, show_after_ms=0)
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.labelText() == "Reading the project…"
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    release.set()
    qtbot.waitUntil(lambda: results == [42])
    assert gone(dialog)


def test_short_work_shows_no_dialog(qtbot, window):
    parent, background = window
    results = []
    dialog = background.with_progress(lambda: "read", results.append, label="…", parent=parent,
                                      show_after_ms=600_000)
    qtbot.waitUntil(lambda: results == ["read"])
    assert gone(dialog)
    assert PROGRESS_AFTER_MS == 500  # the design's threshold


def test_an_error_closes_the_dialog_and_reaches_the_handler(qtbot, window):
    parent, background = window
    release, errors = threading.Event(), []

    def fail():
        release.wait(30)
        raise ValueError("broken project")

    dialog = background.with_progress(fail, lambda _r: None, errors.append, label="…", parent=parent,
                                      show_after_ms=0)
    qtbot.waitUntil(dialog.isVisible)
    release.set()
    qtbot.waitUntil(lambda: len(errors) == 1)
    assert str(errors[0]) == "broken project" and gone(dialog)


class _Work:
    """A callable that notes the thread its last reference dies on."""

    def __init__(self, died_on: list[str], result=None, error: BaseException | None = None) -> None:
        self.died_on, self.result, self.error = died_on, result, error

    def __call__(self):
        if self.error is not None:
            raise self.error
        return self.result

    def __del__(self) -> None:
        self.died_on.append(threading.current_thread().name)


@pytest.mark.parametrize("fails", [False, True])
def test_submitted_work_dies_on_the_gui_thread_never_on_the_worker(qtbot, window, fails):
    # Work closes over widgets; dropped last on a worker thread, it would delete them off their thread.
    import gc

    _, background = window
    died_on, answers = [], []
    background.submit(_Work(died_on, 42, ValueError("bad project") if fails else None), answers.append,
                      answers.append)
    qtbot.waitUntil(lambda: bool(answers))
    qtbot.waitUntil(lambda: background.active_threads() == 0)
    assert isinstance(answers[0], ValueError) if fails else answers == [42]
    answers.clear()  # an exception's traceback holds the work's frame
    gc.collect()
    assert died_on == [threading.main_thread().name]
