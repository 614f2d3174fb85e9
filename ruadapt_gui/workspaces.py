"""The studio's three workspaces behind a slim side bar: Project (stages, runs, settings), Chat (models side
by side) and Annotate (blind votes and their results). Annotators may have no project at all:
`ruadapt-studio --annotate SESSION` opens straight into Annotate."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QStackedWidget, QToolButton, QVBoxLayout, QWidget

from core.jobs.registry import Registry
from ruadapt_gui.annotate.annotate_page import AnnotatePage
from ruadapt_gui.background import Background
from ruadapt_gui.chat.chat_page import ChatPage
from ruadapt_gui.chat.project_models import exported_models, project_model_files
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.theme import line_icon

PROJECT, CHAT, ANNOTATE = range(3)
WORKSPACE_KEYS = ("Ctrl+1", "Ctrl+2", "Ctrl+3")  # View menu; named in the side bar's tooltips


class Workspaces(Retranslating, QWidget):
    def __init__(self, project_view: QWidget, registry: Registry, project_path: Callable[[], Path | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its own pool: computing results (a bootstrap) must not hold up the project view's status work.
        background = Background(self)
        self.background, self.registry, self.project_path = background, registry, project_path
        self.project_view = project_view
        self.chat = ChatPage(background)
        self.annotate = AnnotatePage(background, registry)
        self.stack = QStackedWidget()
        self.bar = QFrame()
        self.bar.setObjectName("workspaceBar")
        self.group = QButtonGroup(self)
        bar_layout = QVBoxLayout(self.bar)
        bar_layout.setContentsMargins(4, 8, 4, 8)
        bar_layout.setSpacing(4)
        self.buttons: list[QToolButton] = []
        for index, (page, icon_name) in enumerate(((project_view, "workspace-project"), (self.chat, "workspace-chat"),
                                                   (self.annotate, "workspace-annotate"))):
            self.stack.addWidget(page)
            button = QToolButton()
            button.setObjectName("workspaceButton")
            button.setCheckable(True)
            button.setIcon(line_icon(icon_name, self.palette()))
            button.setIconSize(QSize(26, 26))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setFixedWidth(76)
            self.group.addButton(button, index)
            bar_layout.addWidget(button)
            self.buttons.append(button)
        bar_layout.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.stack, 1)
        self.group.idClicked.connect(self.show_workspace)
        self.buttons[PROJECT].setChecked(True)
        self.retranslate()

    def retranslate(self) -> None:
        for button, text, tip in zip(self.buttons, (self.tr("Project"), self.tr("Chat"), self.tr("Annotate")),
                                     (self.tr("Stages, runs and settings of the open project"),
                                      self.tr("Chat with two or more models side by side"),
                                      self.tr("Blind A/B votes on model answers, and their results"))):
            key = QKeySequence(WORKSPACE_KEYS[self.buttons.index(button)])
            button.setText(text)
            button.setToolTip(f"{tip} ({key.toString(QKeySequence.SequenceFormat.NativeText)})")


    def current(self) -> int:
        return self.stack.currentIndex()

    def show_workspace(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        self.buttons[index].setChecked(True)
        if index == CHAT:
            self.chat.load_remembered()
            self._prefill_chat()

    def show_annotate(self, session: Path | None = None) -> None:
        self.show_workspace(ANNOTATE)
        self.annotate.start_annotating(session)

    def _prefill_chat(self) -> None:
        """Offer the project's exported original and adapted GGUFs on the chat's empty sides, and all its
        exported GGUFs in the sides' model lists."""
        project = self.project_path()
        if project is None:
            self.chat.set_project(None, [])
            return
        registry = self.registry
        self.background.submit(lambda: (exported_models(project, registry), project_model_files(project, registry)),
                               lambda found: self._chat_models_found(Path(project).parent, *found))

    def _chat_models_found(self, folder: Path, pair: tuple[Path, Path] | None, files: list[Path]) -> None:
        self.chat.set_project(folder, files)
        if pair:
            self.chat.suggest_models(list(pair))

    def shutdown(self) -> None:
        self.chat.shutdown()
        self.annotate.shutdown()
        self.background.shutdown()
