"""The menu bar: File (new from default, open, save, recent projects, quit), View (workspaces),
Settings → Language, and Help → About."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from core.paths import resources_dir
from ruadapt_gui.workspaces import WORKSPACE_KEYS


def studio_version() -> str:
    try:
        return importlib.metadata.version("ruadapt-studio")
    except importlib.metadata.PackageNotFoundError:  # a checkout that was not pip-installed
        return "0.1.0"


def docs_url() -> QUrl:
    """The README that ships beside the resources (a checkout or the packaged app)."""
    return QUrl.fromLocalFile(str(resources_dir().parent / "README.md"))


LANGUAGE_NAMES = {"en": "English", "ru": "Русский"}  # each in its own language: never translated


class MainMenu(QObject):
    def __init__(self, window: QMainWindow, *, new_project: Callable[[], None], open_project: Callable[[], None],
                 open_path: Callable[[Path], None], save: Callable[[], None],
                 recent: Callable[[], list[Path]], set_language: Callable[[str], None], language: str,
                 show_workspace: Callable[[int], None]) -> None:
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
        self.view_menu = bar.addMenu("")
        self.workspace_actions = []
        for index, key in enumerate(WORKSPACE_KEYS):
            action = self.view_menu.addAction("", lambda index=index: show_workspace(index))
            action.setShortcut(QKeySequence(key))
            self.workspace_actions.append(action)
        self.help_menu = bar.addMenu("")
        self.about_action = self.help_menu.addAction("", lambda: self.about(window))
        self.docs_action = self.help_menu.addAction("", lambda: QDesktopServices.openUrl(docs_url()))
        self.retranslate()

    def about(self, window: QMainWindow) -> None:
        QMessageBox.about(window, self.tr("About Ruadapt Studio"), self.tr(
            "<b>Ruadapt Studio {version}</b><p>Adapts open LLMs to Russian with the Ruadapt method "
            "(Lomonosov MSU): a Russian tokenizer, embedding transplant and training, Learned Embedding "
            "Propagation, and the proof in chat, speed and blind annotation.</p>"
            "<p><a href=\"{docs}\">Documentation (README)</a></p>").format(
            version=studio_version(), docs=docs_url().toString()))

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
        self.view_menu.setTitle(self.tr("&View"))
        for action, text in zip(self.workspace_actions, (self.tr("&Project"), self.tr("&Chat"), self.tr("&Annotate"))):
            action.setText(text)
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Ruadapt Studio"))
        self.docs_action.setText(self.tr("&Documentation"))
        self._fill_recent()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self._recent()
        for path in paths:
            self.recent_menu.addAction(str(path), lambda path=path: self._open_path(path))
        self.recent_menu.setEnabled(bool(paths))
