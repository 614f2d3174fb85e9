"""Opening a run's folder and its log in the system's file manager or editor (Runs menu, monitor)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices


def run_file_actions(run_dir: str | Path) -> list[tuple[str, Path]]:
    """(menu text, path) for what a run has on disk: its folder, and its log once written."""
    run_dir = Path(run_dir)
    actions = [(QCoreApplication.translate("RunFiles", "Open run folder"), run_dir)]
    if (run_dir / "log.txt").is_file():
        actions.append((QCoreApplication.translate("RunFiles", "Open log"), run_dir / "log.txt"))
    return actions


def open_path(path: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
