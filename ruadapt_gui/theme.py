"""The studio's look follows the system palette: resources/style.qss names its colours (`@error-bg`), and
resources/style-colors.json gives each a light and a dark value; a dark system palette gets the dark ones.
Everything the sheet does not colour (window, text, inputs) is the palette's own, so it follows too."""

from __future__ import annotations

import json
import re
from functools import cache

from PySide6.QtGui import QGuiApplication, QIcon, QPalette, QPixmap

from ruadapt_gui.resources import icons_dir, resources_dir, style_sheet_path

_COLOUR_NAME = re.compile(r"@([a-z][a-z0-9-]*)")


def is_dark(palette: QPalette) -> bool:
    """A dark palette: its window colour is darker than mid-grey (what desktops switch to in dark mode)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@cache
def _colours() -> dict[str, dict[str, str]]:
    return json.loads((resources_dir() / "style-colors.json").read_text(encoding="utf-8"))


def theme_colour(name: str, palette: QPalette) -> str:
    """One named colour of style-colors.json for this palette: for rich text, which the sheet cannot reach."""
    return _colours()[name]["dark" if is_dark(palette) else "light"]


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


def line_icon(name: str, palette: QPalette, size: int = 64) -> QIcon:
    """An icon drawn in the light theme's `workspace-text` colour, redrawn in the palette's variant of it
    (dark grey lines vanish on a dark side bar)."""
    colour = _colours()["workspace-text"]
    svg = (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")
    svg = svg.replace(colour["light"], colour["dark" if is_dark(palette) else "light"])
    pixmap = QPixmap(size, size)
    pixmap.loadFromData(svg.encode("utf-8"), "SVG")
    return QIcon(pixmap)
