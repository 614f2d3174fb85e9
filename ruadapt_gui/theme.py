"""The studio's look follows the system palette: resources/style.qss names its colours (`@error-bg`), and
resources/style-colors.json gives each a light and a dark value; a dark system palette gets the dark ones.
Everything the sheet does not colour (window, text, inputs) is the palette's own, so it follows too."""

from __future__ import annotations

import json
import re
from functools import cache

from PySide6.QtGui import QGuiApplication, QPalette

from ruadapt_gui.resources import resources_dir, style_sheet_path

_COLOUR_NAME = re.compile(r"@([a-z][a-z0-9-]*)")


def is_dark(palette: QPalette) -> bool:
    """A dark palette: its window colour is darker than mid-grey (what desktops switch to in dark mode)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@cache
def _colours() -> dict[str, dict[str, str]]:
    return json.loads((resources_dir() / "style-colors.json").read_text(encoding="utf-8"))


def style_sheet(dark: bool) -> str:
    """The studio's style sheet with every colour name filled in for a light or a dark palette."""
    colours, variant = _colours(), "dark" if dark else "light"
    return _COLOUR_NAME.sub(lambda m: colours[m.group(1)][variant], style_sheet_path().read_text(encoding="utf-8"))


def apply_theme(app: QGuiApplication) -> None:
    app.setStyleSheet(style_sheet(is_dark(app.palette())))


def follow_system_theme(app: QGuiApplication) -> None:
    """Apply the sheet now, and again whenever the desktop switches between light and dark."""
    apply_theme(app)
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_theme(app))
