"""The studio's own preferences (not the project's): last and recent projects, language, geometry, the
chat's loaded and recent models.

Stored with QSettings in INI format under the organisation and application names set in
`configure_identity()`; tests point QSettings at a temporary folder with `QSettings.setPath`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

ORGANIZATION, APPLICATION = "Ruadapt", "Ruadapt Studio"
MAX_RECENT = 8
LANGUAGES = ("system", "en", "ru")


def configure_identity() -> None:
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)


class StudioSettings:
    def __init__(self) -> None:
        self._qs = QSettings()

    def last_project(self) -> Path | None:
        value = self._qs.value("projects/last", "", str)
        return Path(value) if value else None

    def recent_projects(self) -> list[Path]:
        return [Path(p) for p in self._string_list("projects/recent")]

    def remember_project(self, path: Path) -> None:
        path = Path(path).resolve()
        recent = [str(path)] + [p for p in self._string_list("projects/recent") if p != str(path)]
        self._qs.setValue("projects/recent", recent[:MAX_RECENT])
        self._qs.setValue("projects/last", str(path))
        self._qs.sync()  # written now: a crash later must not forget which project was open

    def chat_models(self) -> list[Path]:
        """The GGUFs the chat had loaded when it last changed, one per side, in side order."""
        return [Path(p) for p in self._string_list("chat/loaded")]

    def set_chat_models(self, paths: list[Path]) -> None:
        self._qs.setValue("chat/loaded", [str(p) for p in paths])
        self._qs.sync()

    def recent_models(self) -> list[Path]:
        return [Path(p) for p in self._string_list("chat/recent")]

    def remember_model(self, path: Path) -> None:
        """A model the chat loaded: first in the recent list."""
        path = Path(path).resolve()
        recent = [str(path)] + [p for p in self._string_list("chat/recent") if p != str(path)]
        self._qs.setValue("chat/recent", recent[:MAX_RECENT])
        self._qs.sync()

    def language(self) -> str:
        value = self._qs.value("ui/language", "system", str)
        return value if value in LANGUAGES else "system"

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
        self._qs.setValue("ui/language", language)

    def window_geometry(self) -> QByteArray | None:
        value = self._qs.value("ui/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_window_geometry(self, geometry: QByteArray) -> None:
        self._qs.setValue("ui/geometry", geometry)

    def sync(self) -> None:
        self._qs.sync()

    def _string_list(self, key: str) -> list[str]:
        value = self._qs.value(key, [])
        # INI files give back a bare string for a one-item list.
        values = [value] if isinstance(value, str) else [str(v) for v in value or []]
        return [v for v in values if v]  # an empty list can come back as one empty string
