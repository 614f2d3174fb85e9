"""The studio reports its own bugs: a slot that raises shows a dialog with the traceback and a "Copy details"
button, and the log file holds the traceback (the windowed builds have no terminal to print it to)."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton

from ruadapt_gui.crash_report import CrashReporter, append_to_log, studio_log_path

pytest_plugins = ["conftest_gui"]  # the studio's fixtures (tests/conftest_gui.py)


def a_buggy_slot() -> None:
    {}["no such key"]  # noqa: B018 — the bug under test


@pytest.fixture
def reporter(qapp, tmp_path):
    reporter = CrashReporter(tmp_path / "logs" / "studio.log").install()
    yield reporter
    reporter.uninstall()
    if reporter.dialog is not None:
        reporter.dialog.close()


def press_a_buggy_button(qtbot, reporter) -> None:
    button = QPushButton("break")
    qtbot.addWidget(button)
    button.clicked.connect(a_buggy_slot)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())


def test_a_slot_that_raises_shows_the_dialog_and_the_log_holds_the_traceback(qtbot, reporter):
    press_a_buggy_button(qtbot, reporter)
    log = reporter.log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in log and "KeyError: 'no such key'" in log
    assert "a_buggy_slot" in log
    shown = reporter.dialog.details.toPlainText()
    assert "KeyError: 'no such key'" in shown and str(reporter.log_path) in reporter.dialog.message.text()

    qtbot.mouseClick(reporter.dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "a_buggy_slot" in QGuiApplication.clipboard().text()


def test_a_second_bug_joins_the_open_dialog_and_a_thread_bug_is_shown_on_the_gui_thread(qtbot, reporter):
    press_a_buggy_button(qtbot, reporter)
    first = reporter.dialog

    def worker() -> None:
        raise RuntimeError("bug off the GUI thread")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: "bug off the GUI thread" in reporter.dialog.details.toPlainText())
    assert reporter.dialog is first and "KeyError" in first.details.toPlainText()
    assert reporter.log_path.read_text(encoding="utf-8").count("=== ") == 2


def test_the_log_lives_in_the_data_home_and_a_full_log_is_moved_aside(ruadapt_home, monkeypatch):
    path = studio_log_path()
    assert path.parent.parent == ruadapt_home
    monkeypatch.setattr("ruadapt_gui.crash_report.MAX_LOG_BYTES", 100)
    append_to_log(path, "x" * 200)
    append_to_log(path, "the newest report")
    assert "the newest report" in path.read_text(encoding="utf-8")
    assert "x" * 200 in path.with_name("studio.log.1").read_text(encoding="utf-8")
