"""A page body that shows a placeholder until there is something to show, then a scrolling body."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QStackedWidget, QVBoxLayout, QWidget


class PlaceholderStack(QStackedWidget):
    def __init__(self, placeholder: QWidget, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.addWidget(placeholder)
        self.addWidget(scroll)

    def show_body(self, shown: bool) -> None:
        self.setCurrentIndex(1 if shown else 0)


def fill_page(page: QWidget, placeholder: QWidget, body: QWidget, above: QLayout | None = None) -> PlaceholderStack:
    """Give `page` its whole area: `above` (a row of buttons, say) if any, then the placeholder or the body."""
    stack = PlaceholderStack(placeholder, body)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    if above is not None:
        outer.addLayout(above)
    outer.addWidget(stack, 1)
    return stack
