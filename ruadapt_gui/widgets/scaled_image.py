"""A picture (a report chart) that fits its width, never grows past its own size, and keeps its
aspect ratio. The image is read elsewhere (off the GUI thread, as a QImage) and handed in."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


class ScaledImage(QLabel):
    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = QPixmap.fromImage(image)  # QPixmap: GUI thread only, so made here
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(120)
        self._fit(self.original.width())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        width = min(width, self.original.width())
        return round(width * self.original.height() / max(1, self.original.width()))

    def sizeHint(self) -> QSize:
        return self.original.size()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.minimumWidth(), self.heightForWidth(self.minimumWidth()))  # not the pixmap's size

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)

    def _fit(self, width: int) -> None:
        width = min(width, self.original.width())
        if self.pixmap().isNull() or self.pixmap().width() != width:
            self.setPixmap(self.original.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
