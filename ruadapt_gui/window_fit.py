"""The main window never exceeds the screen it is on: a 1366×768 laptop shows all of it, status bar
included. Its panels scroll or wrap instead of pushing it wider (tests check that its minimum size
stays within 1280×720 in both languages)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = QSize(1280, 800)
SMALLEST_SCREEN = QSize(1280, 720)  # what the minimum size must fit


def available_area(window: QWidget) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget) -> None:
    """Shrink (and move) the window into the screen's available area. A window whose geometry was not
    restored opens at DEFAULT_SIZE or less."""
    area = available_area(window)
    size = window.size() if window.testAttribute(Qt.WidgetAttribute.WA_Resized) else DEFAULT_SIZE
    window.resize(size.boundedTo(area.size()))
    frame = window.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.top()), area.bottom() - frame.height() + 1)
    window.move(max(x, area.left()), max(y, area.top()))
