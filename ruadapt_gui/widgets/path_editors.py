"""Path settings: a line edit with a Browse menu, and a list of paths (corpus files and folders).

A picked path inside the project folder is stored relative to it, so the project can move;
`pkg:` paths (files shipped in installed packages) are kept as typed."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.widgets.field_editors import FieldEditor

# path kind (schema metadata) → what Browse offers
OFFERS = {"file": ("file",), "dir": ("dir",), "model": ("file", "dir"), "any": ("file", "dir")}


def stored_path(chosen: str, project_dir: Path) -> str:
    path = Path(chosen).resolve()
    try:
        return path.relative_to(project_dir.resolve()).as_posix()
    except ValueError:
        return str(path)


class _Browse:
    """The Browse menu shared by both editors: "File…" and/or "Folder…", per path kind."""

    def __init__(self, owner: QWidget, kind: str, project_dir: Path, chosen) -> None:
        self.owner, self.kind, self.project_dir, self.chosen = owner, kind, project_dir, chosen
        self.menu = QMenu(owner)
        self.file_action = QAction(owner)
        self.dir_action = QAction(owner)
        self.file_action.triggered.connect(self.pick_file)
        self.dir_action.triggered.connect(self.pick_dir)
        for offer in OFFERS[kind]:
            self.menu.addAction(self.file_action if offer == "file" else self.dir_action)

    def retranslate(self) -> None:
        self.file_action.setText(QCoreApplication.translate("PathEditor", "Choose a file…"))
        self.dir_action.setText(QCoreApplication.translate("PathEditor", "Choose a folder…"))

    def pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.owner, self.file_action.text(), str(self.project_dir))
        if path:
            self.chosen(stored_path(path, self.project_dir))

    def pick_dir(self) -> None:
        path = QFileDialog.getExistingDirectory(self.owner, self.dir_action.text(), str(self.project_dir))
        if path:
            self.chosen(stored_path(path, self.project_dir))


class PathEditor(Retranslating, FieldEditor):
    def __init__(self, kind: str, project_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit()
        self.line.textChanged.connect(self.changed)
        self.browse = _Browse(self, kind, project_dir, self.line.setText)
        self.button = QToolButton()
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.browse.menu)
        self.layout_.addWidget(self.line, 1)
        self.layout_.addWidget(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Browse"))
        self.browse.retranslate()


    def value(self) -> str:
        return self.line.text().strip()

    def set_value(self, value: str) -> None:
        self.line.setText(str(value))


class PathListEditor(Retranslating, FieldEditor):
    def __init__(self, kind: str, project_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setMaximumHeight(96)
        self.list.itemChanged.connect(self.changed)
        self.browse = _Browse(self, kind, project_dir, self._add)
        self.add_button = QToolButton()
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setMenu(self.browse.menu)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.layout_.addWidget(self.list, 1)
        self.layout_.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.list.setToolTip(self.tr("Double-click an entry to edit it."))
        self.browse.retranslate()


    def value(self) -> list[str]:
        texts = (self.list.item(i).text().strip() for i in range(self.list.count()))
        return [t for t in texts if t]

    def set_value(self, value: list[str] | tuple[str, ...]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for path in value:
            self._append(path)
        self.list.blockSignals(False)
        self.changed.emit()

    def _append(self, path: str) -> None:
        item = QListWidgetItem(os.fspath(path))
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        self.list.addItem(item)

    def _add(self, path: str) -> None:
        self._append(path)
        self.changed.emit()

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.changed.emit()
