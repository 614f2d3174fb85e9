"""What the annotator view remembers between starts: the annotator's name and the last session file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


class AnnotatorSettings:
    def __init__(self) -> None:
        self._qs = QSettings()

    def name(self) -> str:
        return self._qs.value("annotate/name", "", str)

    def set_name(self, name: str) -> None:
        self._qs.setValue("annotate/name", name)
        self._qs.sync()

    def last_session(self) -> Path | None:
        value = self._qs.value("annotate/last_session", "", str)
        return Path(value) if value else None

    def set_last_session(self, path: Path) -> None:
        self._qs.setValue("annotate/last_session", str(Path(path).resolve()))
        self._qs.sync()
