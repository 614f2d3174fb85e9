"""The menu bar: File (new from default, open, save, recent projects, quit) and Settings → Language."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}  # each in its own language: never translated


class MainMenu(QObject):
    def __init__(self, window: QMainWindow, *, new_project: Callable[[], None], open_project: Callable[[], None],
                 open_path: Callable[[Path], None], save: Callable[[], None],
                 recent: Callable[[], list[Path]], set_language: Callable[[str], None], language: str) -> None:
        super().__init__(window)
        self._recent, self._open_path = recent, open_path
        bar = window.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self.file_menu.addAction("", new_project)
        self.open_action = self.file_menu.addAction("", open_project)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.recent_menu = QMenu(window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu.addMenu(self.recent_menu)
        self.save_action = self.file_menu.addAction("", save)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.file_menu.addSeparator()
        self.quit_action = self.file_menu.addAction("", window.close)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        self.languages = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code in ("system", *LANGUAGE_NAMES):
            action = self.language_menu.addAction(LANGUAGE_NAMES.get(code, ""))
            action.setCheckable(True)
            action.setChecked(code == language)
            action.triggered.connect(lambda _checked, code=code: set_language(code))
            self.languages.addAction(action)
            self.language_actions[code] = action
        self.retranslate()

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.new_action.setText(self.tr("&New project from default…"))
        self.new_action.setToolTip(self.tr("Write the embedded demo project into a folder you choose and open it."))
        self.open_action.setText(self.tr("&Open project…"))
        self.recent_menu.setTitle(self.tr("Recent projects"))
        self.save_action.setText(self.tr("&Save"))
        self.quit_action.setText(self.tr("&Quit"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.language_actions["system"].setText(self.tr("System default"))
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self._recent()
        for path in paths:
            self.recent_menu.addAction(str(path), lambda path=path: self._open_path(path))
        self.recent_menu.setEnabled(bool(paths))
