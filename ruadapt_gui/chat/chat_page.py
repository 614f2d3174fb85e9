"""The chat workspace: one prompt, every loaded model answers side by side, each in its own process.

The page holds the shared settings (system prompt, sampling, context size) and the prompt box; each
ChatSide holds its model, conversation and readouts. Ratios compare every side with the first. The models
loaded last time come back (loaded when the workspace is first shown), and each side's model list offers
the open project's exported GGUFs and the recently loaded ones."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.errors import UserError
from core.inference.llama_session import SamplingParams
from core.models.gguf_facts import GgufFacts, gguf_facts
from ruadapt_gui.background import Background
from ruadapt_gui.chat import comparison
from ruadapt_gui.chat.chat_side import LOADING, READY, ChatSide
from ruadapt_gui.chat.readouts import compare
from ruadapt_gui.chat.sampling_form import SamplingForm
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.studio_settings import StudioSettings
from ruadapt_gui.widgets.flow_layout import FlowLayout

MAX_SIDES = 4


class ChatPage(Retranslating, QWidget):
    def __init__(self, background: Background, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.background = background
        self.settings = StudioSettings()
        self.sides: list[ChatSide] = []
        self.project_folder: Path | None = None  # the open project's folder (set by the workspaces)
        self.project_models: list[Path] = []  # its exported GGUFs, newest export first
        self.model_facts: dict[Path, GgufFacts] = {}  # size and quantization of the listed files
        self._remembered: list[Path] | None = self.settings.chat_models()[:MAX_SIDES]  # None once restored
        self._aligning = False
        self._build()
        for _ in range(max(2, len(self._remembered))):
            self.add_side()
        for side, path in zip(self.sides, self._remembered):
            side.set_path(path)
        self.retranslate()

    def _build(self) -> None:
        self.system_label = QLabel()
        self.system_prompt = QLineEdit()
        self.system_label.setBuddy(self.system_prompt)
        self.shared = SamplingForm()
        self.context_label = QLabel()
        self.context = QSpinBox()
        self.context.setRange(256, 131072)
        self.context.setSingleStep(1024)
        self.context.setValue(4096)
        self.context_label.setBuddy(self.context)
        self.show_tokens = QCheckBox()
        self.add_button = QPushButton()
        self.save_button = QPushButton()
        self.clear_button = QPushButton()
        system_row = QHBoxLayout()
        system_row.addWidget(self.system_label)
        system_row.addWidget(self.system_prompt, 1)
        settings_row = FlowLayout()  # wraps on a narrow window instead of widening it
        context = QWidget()
        context_row = QHBoxLayout(context)
        context_row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.context_label, self.context, self.show_tokens):
            context_row.addWidget(widget)
        for widget in (self.shared, context, self.add_button, self.save_button, self.clear_button):
            settings_row.addWidget(widget)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        # More sides than fit scroll sideways; the prompt and Send below stay in view.
        self.sides_area = QScrollArea()
        self.sides_area.setWidgetResizable(True)
        self.sides_area.setFrameShape(QFrame.Shape.NoFrame)
        self.sides_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sides_area.setWidget(self.splitter)
        self.prompt = QPlainTextEdit()
        self.prompt.setObjectName("chatPrompt")
        self.prompt.setFixedHeight(72)
        self.send_button = QPushButton()
        self.send_button.setObjectName("primary")
        self.regenerate_button = QPushButton()
        self.stop_button = QPushButton()
        buttons = QVBoxLayout()
        buttons.addWidget(self.send_button)
        row = QHBoxLayout()
        row.addWidget(self.regenerate_button)
        row.addWidget(self.stop_button)
        buttons.addLayout(row)
        prompt_row = QHBoxLayout()
        prompt_row.addWidget(self.prompt, 1)
        prompt_row.addLayout(buttons)
        self.message = QLabel()
        self.message.setObjectName("muted")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(system_row)
        layout.addLayout(settings_row)
        layout.addWidget(self.sides_area, 1)
        layout.addLayout(prompt_row)
        layout.addWidget(self.message)
        self.show_tokens.toggled.connect(self._token_view)
        self.context.valueChanged.connect(self._apply_context)
        self.add_button.clicked.connect(lambda: self.add_side())
        self.save_button.clicked.connect(self._choose_save)
        self.clear_button.clicked.connect(self.clear)
        self.send_button.clicked.connect(lambda: self.send())
        self.regenerate_button.clicked.connect(self.regenerate)
        self.stop_button.clicked.connect(self.stop_all)
        QShortcut(QKeySequence("Ctrl+Return"), self.prompt, lambda: self.send(),
                  context=Qt.ShortcutContext.WidgetShortcut)

    def retranslate(self) -> None:
        self.system_label.setText(self.tr("S&ystem prompt"))
        self.system_prompt.setPlaceholderText(self.tr("Optional: how the models should behave"))
        self.context_label.setText(self.tr("&Context"))
        self.context.setToolTip(self.tr("Context size in tokens for models loaded from now on"))
        self.show_tokens.setText(self.tr("Show t&okens"))
        self.show_tokens.setToolTip(self.tr("Show each prompt and answer cut into the model's tokens"))
        self.add_button.setText(self.tr("Add model"))
        self.save_button.setText(self.tr("Save comparison…"))
        self.clear_button.setText(self.tr("Clear"))
        self.prompt.setPlaceholderText(self.tr("Ask every loaded model the same thing (Ctrl+Enter sends)"))
        self.send_button.setText(self.tr("Send"))
        self.regenerate_button.setText(self.tr("Regenerate"))
        self.regenerate_button.setToolTip(self.tr("Ask the last prompt again on every side"))
        self.stop_button.setText(self.tr("Stop all"))
        self._update()


    # -- sides ----------------------------------------------------------------------------------

    def add_side(self) -> ChatSide | None:
        if len(self.sides) >= MAX_SIDES:
            return None
        side = ChatSide(len(self.sides) + 1, removable=len(self.sides) >= 2)
        side.changed.connect(self._update)
        side.regenerate_requested.connect(lambda side=side: self._regenerate_side(side))
        side.remove_requested.connect(lambda side=side: self.remove_side(side))
        side.loaded.connect(lambda side=side: self._side_loaded(side))
        side.readouts.resized.connect(self._align_readouts)
        side.model_choices = self.model_choices
        side.start_folder = self.start_folder
        side.set_token_view(self.show_tokens.isChecked())
        side.n_ctx = self.context.value()
        self.sides.append(side)
        self.splitter.addWidget(side)
        self._spread_threads()
        self._update()
        return side

    def remove_side(self, side: ChatSide) -> None:
        side.shutdown()
        self.sides.remove(side)
        side.setParent(None)
        side.deleteLater()
        self._spread_threads()
        self._update()
        self._remember_loaded()

    def suggest_models(self, paths: list[Path]) -> None:
        """Fill the path of each side still empty (the project's exported GGUFs); nothing is loaded."""
        for side, path in zip(self.sides, paths):
            if not side.path_edit.text().strip():
                side.set_path(path)

    # -- which models: remembered, the project's, recent ----------------------------------------

    def load_remembered(self) -> None:
        """Load the models the chat had loaded last time (once; files gone since are left as paths), and
        read what the model lists show of the recent ones."""
        if self._remembered is None:
            return
        remembered, self._remembered = self._remembered, None
        self.refresh_model_facts()
        for side, path in zip(self.sides, remembered):
            if side.path_edit.text().strip() == str(path) and path.is_file() and side.state not in (LOADING, READY):
                side.load()

    def set_project(self, folder: Path | None, models: list[Path]) -> None:
        """The open project's folder and exported GGUFs (file dialogs start there; the lists offer them)."""
        self.project_folder, self.project_models = folder, list(models)
        self.refresh_model_facts()

    def model_choices(self) -> list[tuple[str, list[GgufFacts]]]:
        """(heading, files) for each side's model list: the project's exports, then the recent ones."""
        recent = [p for p in self.settings.recent_models() if p not in self.project_models]
        return [(self.tr("This project's exported models"), self._known(self.project_models)),
                (self.tr("Recently loaded"), self._known(recent))]

    def refresh_model_facts(self) -> None:
        """Read size and quantization of every listed file off the GUI thread."""
        paths = list(dict.fromkeys(self.project_models + self.settings.recent_models()))
        self.background.submit(lambda: {p: f for p in paths if (f := gguf_facts(p)) is not None},
                               self._facts_read)

    def _facts_read(self, facts: dict[Path, GgufFacts]) -> None:
        self.model_facts = facts

    def _known(self, paths: list[Path]) -> list[GgufFacts]:
        return [self.model_facts[p] for p in paths if p in self.model_facts]

    def start_folder(self) -> Path:
        """Where a file dialog opens: the project's exports, the project, the last model's folder, home."""
        candidates = [p.parent for p in self.project_models[:1]] + [self.project_folder] + \
            [p.parent for p in self.settings.recent_models()[:1]]
        return next((p for p in candidates if p is not None and p.is_dir()), Path.home())

    def _side_loaded(self, side: ChatSide) -> None:
        self.settings.remember_model(Path(side.path_edit.text().strip()))
        self._remember_loaded()
        self.refresh_model_facts()

    def _remember_loaded(self) -> None:
        """What comes back at the next start: the sides' models that are loaded (or loading) now."""
        self.settings.set_chat_models([Path(s.path_edit.text().strip()).resolve() for s in self.sides
                                       if s.state in (LOADING, READY)])

    def _spread_threads(self) -> None:
        """Sides generate at the same time: each gets its share of the cores (for models loaded next)."""
        threads = max(1, (os.cpu_count() or 1) // max(1, len(self.sides)))
        for side in self.sides:
            side.threads = threads

    # -- the conversation -----------------------------------------------------------------------

    def send(self, text: str | None = None) -> int:
        """Send the prompt to every side that can take it; returns how many did."""
        text = (self.prompt.toPlainText() if text is None else text).strip()
        if not text:
            return 0
        sent = sum(side.send(text, self.system_prompt.text(), self.shared.params()) for side in self.sides)
        if sent:
            self.prompt.clear()
            self.message.clear()
        else:
            self.message.setText(self.tr("Load a model first (or wait for the answers under way)."))
        return sent

    def regenerate(self) -> None:
        for side in self.sides:
            self._regenerate_side(side)

    def _regenerate_side(self, side: ChatSide) -> None:
        side.regenerate(self.system_prompt.text(), self.shared.params())

    def stop_all(self) -> None:
        for side in self.sides:
            side.stop()

    def clear(self) -> None:
        for side in self.sides:
            side.clear()

    def _apply_context(self) -> None:
        """The context size for the next load of each side (a loaded model keeps the one it has)."""
        for side in self.sides:
            side.n_ctx = self.context.value()

    def _token_view(self, on: bool) -> None:
        for side in self.sides:
            side.set_token_view(on)

    def _update(self) -> None:
        sides = self.sides
        busy = any(s.is_busy for s in sides)
        self.send_button.setEnabled(any(s.is_ready and not s.is_busy for s in sides))
        self.stop_button.setEnabled(busy)
        self.regenerate_button.setEnabled(any(s.is_ready and not s.is_busy and s.conversation.last for s in sides))
        self.save_button.setEnabled(any(s.conversation.turns for s in sides))
        self.add_button.setEnabled(len(sides) < MAX_SIDES)
        first = sides[0].readout() if sides else None
        comparing = len(sides) > 1 and any(s.readout() for s in sides)  # no comparison lines on an empty page
        for index, side in enumerate(sides):
            other = side.readout()
            if not comparing:
                side.readouts.clear_ratio()
            elif index == 0:
                side.readouts.show_reference()
            else:
                side.readouts.show_ratio(sides[0].name, compare(first, other) if first and other else None)
        self._align_readouts()

    def _align_readouts(self) -> None:
        """Give every side's readouts the height of the tallest, so their rows line up across the sides
        (a comparison or a note that wraps onto more lines on one side would push its rows up)."""
        if self._aligning or not self.sides:
            return
        self._aligning = True
        try:
            panels = [s.readouts for s in self.sides]
            needed = max(p.layout().totalHeightForWidth(p.width()) if p.layout().hasHeightForWidth()
                         else p.layout().totalSizeHint().height() for p in panels)
            for panel in panels:
                panel.setMinimumHeight(needed)
        finally:
            self._aligning = False

    # -- saving ---------------------------------------------------------------------------------

    def comparison_data(self) -> dict:
        sides = [{"name": s.name, "path": s.path_edit.text().strip(), "model": s.info,
                  "params": _settings(s.sampling.params()) if s.own_settings.isChecked() else None,
                  "turns": [t.as_dict() for t in s.conversation.turns]} for s in self.sides]
        return comparison.comparison(self.system_prompt.text(), _settings(self.shared.params()),
                                     self.context.value(), sides)

    def save_comparison(self, stem: Path) -> None:
        """Write STEM.json and STEM.md off the GUI thread; the message line says where."""
        data = self.comparison_data()
        self.background.submit(lambda: comparison.save(data, stem), self._saved, self._save_failed)

    def _choose_save(self) -> None:
        start = self.project_folder if self.project_folder is not None and self.project_folder.is_dir() \
            else Path.home()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save comparison"), str(start / "comparison.md"),
                                              self.tr("Markdown and JSON (*.md)"))
        if path:
            self.save_comparison(Path(path))

    def _saved(self, paths: list[Path]) -> None:
        self.message.setText(self.tr("Saved {files}").format(files=", ".join(str(p) for p in paths)))

    def _save_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, (OSError, UserError)):
            raise exc
        self.message.setText(self.tr("Could not save the comparison: {error}").format(error=exc))

    def shutdown(self) -> None:
        self._remember_loaded()
        for side in self.sides:
            side.shutdown()


def _settings(params: SamplingParams) -> dict:
    return {"temperature": params.temperature, "top_p": params.top_p, "max_tokens": params.max_tokens,
            "seed": params.seed}
