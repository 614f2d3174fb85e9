"""A bug in the studio never vanishes: `sys.excepthook` appends the traceback to a log file and shows a
dialog with a "Copy details" button (Anki's habit). The Windows and macOS builds are `--windowed`, so
stderr goes nowhere; slot errors (and Background tasks without an error handler) reach this hook."""

from __future__ import annotations

import datetime
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from core.paths import data_home

MAX_LOG_BYTES = 1_000_000  # then the log moves to studio.log.1 and a new one starts


def studio_log_path() -> Path:
    return data_home() / "logs" / "studio.log"


def append_to_log(path: Path, details: str) -> None:
    """Append one report; a full log is moved aside first, so the file stays small enough to send."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
        path.replace(path.with_name(path.name + ".1"))
    stamp = datetime.datetime.now().isoformat(timespec="seconds")
    with path.open("a", encoding="utf-8") as log:
        log.write(f"=== {stamp} · Python {platform.python_version()} · {platform.platform()}\n{details}\n")


class CrashDialog(QDialog):
    """What went wrong, where the log is, and the traceback to copy. Later errors are appended to it."""

    def __init__(self, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ruadapt Studio hit a bug"))
        self.message = QLabel(self.tr("Something went wrong inside the studio. Your projects and runs are not "
                                 "affected. The details are saved in {path}; please send them to the "
                                 "developers.").format(path=log_path))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(readOnly=True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def add(self, details: str) -> None:
        self.details.appendPlainText(details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())


class CrashReporter(QObject):
    """Installs itself as `sys.excepthook` and `threading.excepthook`; `uninstall()` puts the old ones back.
    Errors from other threads are logged there and shown on the GUI thread (by a queued signal)."""

    _report = Signal(str)

    def __init__(self, log_path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path or studio_log_path()
        self.dialog: CrashDialog | None = None
        self._previous = (sys.excepthook, threading.excepthook)
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> CrashReporter:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = lambda args: self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)
        return self

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def excepthook(self, exc_type: type[BaseException], exc: BaseException | None,
                   tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):  # Ctrl+C in a terminal: not a bug
            self._previous[0](exc_type, exc, tb)
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        try:
            append_to_log(self.log_path, details)
        except OSError as err:  # the dialog still shows the traceback; say why the log lacks it
            details += f"\n(could not write {self.log_path}: {err})"
        if sys.stderr is not None:  # a terminal, when there is one, sees it too (windowed builds have none)
            sys.stderr.write(details)
        self._report.emit(details)

    @Slot(str)
    def _show(self, details: str) -> None:
        if self.dialog is None:
            self.dialog = CrashDialog(self.log_path)
            self.dialog.finished.connect(self._closed)
        self.dialog.add(details)
        self.dialog.show()
        self.dialog.raise_()

    def _closed(self) -> None:
        self.dialog.deleteLater()
        self.dialog = None
