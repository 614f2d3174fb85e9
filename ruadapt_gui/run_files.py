"""Opening a run's folder and its log in the system's file manager or editor (Runs menu, monitor)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices

from core.jobs.rundir import RunDir


def log_file(run_dir: str | Path | None) -> Path | None:
    """The run's log.txt, once written."""
    return RunDir(Path(run_dir)).log_path if run_dir and RunDir(Path(run_dir)).log_path.is_file() else None


def run_file_actions(run_dir: str | Path) -> list[tuple[str, Path]]:
    """(menu text, path) for what a run has on disk: its folder, and its log once written."""
    actions = [(QCoreApplication.translate("RunFiles", "Open run folder"), Path(run_dir))]
    if log := log_file(run_dir):
        actions.append((QCoreApplication.translate("RunFiles", "Open log"), log))
    return actions


def open_path(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
