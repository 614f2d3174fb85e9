"""Where the studio's shipped files are: icons, the style sheet and translations under `resources/`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon

from core.paths import resources_dir


def icons_dir() -> Path:
    return resources_dir() / "icons"


def translations_dir() -> Path:
    return resources_dir() / "translations"


def style_sheet_path() -> Path:
    return resources_dir() / "style.qss"


def icon(name: str) -> QIcon:
    """An icon from resources/icons/NAME.svg (an empty icon if the file is missing: a packaging bug
    the resources test catches, not a reason to stop the studio)."""
    return QIcon(str(icons_dir() / f"{name}.svg"))


def app_icon() -> QIcon:
    return icon("ruadapt")
