"""A page body that shows a placeholder until there is something to show, then a scrolling body."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QStackedWidget, QWidget


class PlaceholderStack(QStackedWidget):
    def __init__(self, placeholder: QWidget, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.addWidget(placeholder)
        self.addWidget(scroll)

    def show_body(self, shown: bool) -> None:
        self.setCurrentIndex(1 if shown else 0)
