"""One model's column in the chat workspace: its file, its worker process, its conversation, its readouts.

A side fails alone: a bad file, a crash or a killed process shows here and nowhere else."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.inference.llama_session import SamplingParams
from core.models.gguf_facts import GgufFacts
from ruadapt_gui.chat.chat_process import ChatProcess
from ruadapt_gui.chat.conversation import Conversation, LiveCount, Turn
from ruadapt_gui.chat.llama_pieces import pieces_from_byte_lengths
from ruadapt_gui.chat.readout_panel import ReadoutPanel
from ruadapt_gui.chat.readouts import Readout
from ruadapt_gui.chat.sampling_form import SamplingForm
from ruadapt_gui.chat.transcript import Transcript
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.texts import number
from ruadapt_gui.token_pieces import Piece

REPAINT_MS = 120  # the transcript and readouts follow the stream at most this often

EMPTY, LOADING, READY, FAILED_TO_LOAD, CRASHED = "empty", "loading", "ready", "failed_to_load", "crashed"


class ChatSide(Retranslating, QFrame):
    changed = Signal()  # loaded, busy or idle: the page updates its buttons and ratios
    remove_requested = Signal()
    regenerate_requested = Signal()  # the page knows the system prompt and shared settings
    loaded = Signal()  # the model in the path box is ready: the page remembers it

    def __init__(self, number: int, removable: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatSide")
        self.number = number
        self.process = ChatProcess(self)
        self.conversation = Conversation()
        self.state = EMPTY
        self.info: dict = {}
        self.n_ctx, self.threads = 4096, 0  # set by the page: how the next load starts the worker
        self.message = ""  # why the model is not available (a load failure or crash)
        self._request: int | None = None  # the generation under way
        self._token_view = False
        self._tokens: dict[str, list[Piece]] = {}
        self._token_requests: dict[int, str] = {}
        self._dirty = False
        # Set by the page: the models its list offers ((group heading, facts) pairs), and where a file
        # dialog starts when this side has no path yet.
        self.model_choices: Callable[[], list[tuple[str, list[GgufFacts]]]] = list
        self.start_folder: Callable[[], Path] = Path.home
        self._repaint = QTimer(self)
        self._repaint.setInterval(REPAINT_MS)
        self._repaint.timeout.connect(self._flush)
        self._build(removable)
        self._connect()
        self.retranslate()

    def _build(self, removable: bool) -> None:
        self.title = QLabel()
        self.title.setObjectName("sectionHeading")
        self.path_edit = QLineEdit()
        self.browse_button = QToolButton()  # click: a file dialog; its arrow: the project's and recent models
        self.model_menu = QMenu(self)
        self.browse_button.setMenu(self.model_menu)
        self.browse_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.load_button = QPushButton()
        self.remove_button = QToolButton()
        self.remove_button.setVisible(removable)
        top = QHBoxLayout()
        for widget in (self.title, self.path_edit, self.browse_button, self.load_button, self.remove_button):
            top.addWidget(widget)
        top.setStretch(1, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.own_settings = QCheckBox()
        self.sampling = SamplingForm()
        self.sampling.setVisible(False)
        self.transcript = Transcript()
        self.readouts = ReadoutPanel()
        self.stop_button = QPushButton()
        self.regenerate_button = QPushButton()
        bottom = QHBoxLayout()
        bottom.addWidget(self.own_settings)
        bottom.addStretch(1)
        bottom.addWidget(self.regenerate_button)
        bottom.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.sampling)
        layout.addWidget(self.transcript, 1)
        layout.addWidget(self.readouts)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.browse_button.clicked.connect(self._browse)
        self.model_menu.aboutToShow.connect(self.fill_model_menu)
        self.load_button.clicked.connect(lambda: self.load())
        self.path_edit.returnPressed.connect(lambda: self.load())
        self.path_edit.textChanged.connect(self.path_edit.setToolTip)  # the whole path, when the box cuts it
        self.remove_button.clicked.connect(self.remove_requested)
        self.own_settings.toggled.connect(self.sampling.setVisible)
        self.stop_button.clicked.connect(self.stop)
        self.regenerate_button.clicked.connect(self.regenerate_requested)
        self.process.loading.connect(lambda: self._set_state(LOADING))
        self.process.ready.connect(self._ready)
        self.process.load_failed.connect(lambda message: self._unavailable(FAILED_TO_LOAD, message))
        self.process.crashed.connect(lambda message: self._unavailable(CRASHED, message))
        self.process.delta.connect(self._delta)
        self.process.done.connect(self._done)
        self.process.request_failed.connect(self._request_failed)
        self.process.tokens.connect(self._tokens_ready)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Model {n}").format(n=self.number))
        self.path_edit.setPlaceholderText(self.tr("A GGUF model file"))
        self.browse_button.setText("…")
        self.browse_button.setToolTip(self.tr("Choose a GGUF file; the arrow lists the project's exported models "
                                              "and the ones loaded recently"))
        self.load_button.setText(self.tr("Load"))
        self.remove_button.setText("✕")
        self.remove_button.setToolTip(self.tr("Remove this model from the comparison"))
        self.own_settings.setText(self.tr("Own settings"))
        self.own_settings.setToolTip(self.tr("Generate this side with its own temperature, top-p, max tokens "
                                             "and seed instead of the shared ones"))
        self.stop_button.setText(self.tr("Stop"))
        self.regenerate_button.setText(self.tr("Regenerate"))
        self._show_status()


    # -- what the page asks ---------------------------------------------------------------------

    @property
    def name(self) -> str:
        path = self.path_edit.text().strip()
        return Path(path).stem if path else self.tr("Model {n}").format(n=self.number)

    @property
    def is_ready(self) -> bool:
        return self.state == READY

    @property
    def is_busy(self) -> bool:
        return self._request is not None

    def set_path(self, path: Path | str) -> None:
        self.path_edit.setText(str(path))

    def load(self) -> None:
        """Start a worker for the file in the path box (a running one is closed first)."""
        path = Path(self.path_edit.text().strip())
        self._end_generation()
        self.process.close()
        if not self.path_edit.text().strip() or not path.is_file():
            self._unavailable(FAILED_TO_LOAD, self.tr("There is no file at {path}.").format(path=path)
                              if self.path_edit.text().strip() else self.tr("Choose a GGUF model file first."))
            return
        self._tokens.clear()
        self._token_requests.clear()
        self.process.start(path, self.n_ctx, self.threads)

    def params(self, shared: SamplingParams) -> SamplingParams:
        return self.sampling.params() if self.own_settings.isChecked() else shared

    def send(self, user: str, system: str, shared: SamplingParams) -> bool:
        """Ask this side's model; False when it cannot take a prompt now (not loaded, or busy)."""
        if not self.is_ready or self.is_busy:
            return False
        params = self.params(shared)
        self.conversation.system = system
        turn = Turn(user, {"temperature": params.temperature, "top_p": params.top_p,
                           "max_tokens": params.max_tokens, "seed": params.seed}, LiveCount(time.monotonic()))
        self.conversation.turns.append(turn)
        self._request = self.process.generate(self.conversation.messages(), params)
        turn.live.sent_at = time.monotonic()
        self._repaint.start()
        self._flush(force=True)
        return True

    def regenerate(self, system: str, shared: SamplingParams) -> bool:
        last = self.conversation.last
        if last is None or not self.is_ready or self.is_busy:
            return False
        self.conversation.turns.pop()
        return self.send(last.user, system, shared)

    def stop(self) -> None:
        if self._request is not None:
            self.process.stop(self._request)

    def clear(self) -> None:
        self.stop()
        self._end_generation()
        self.conversation.clear()
        self._flush(force=True)

    def readout(self) -> Readout | None:
        last = self.conversation.last
        return last.readout() if last is not None else None

    def set_token_view(self, on: bool) -> None:
        self._token_view = on
        self._request_tokens()
        self._flush(force=True)

    def shutdown(self) -> None:
        self._repaint.stop()
        self._request = None
        self.process.close()

    # -- the worker's answers -------------------------------------------------------------------

    def _ready(self, info: dict) -> None:
        self.info = info
        self._set_state(READY)
        self._request_tokens()
        self.loaded.emit()

    def _unavailable(self, state: str, message: str) -> None:
        message = engine_text(message)  # the engine's English, in the interface language
        last = self.conversation.last
        if self._request is not None and last is not None:
            last.fail(message)
        self._end_generation()
        self._token_requests.clear()
        self.message = message
        self._set_state(state)
        self._flush(force=True)

    def _delta(self, request: int, text: str, tokens: int, prompt_tokens: int) -> None:
        if request == self._request:
            self.conversation.last.live.add(text, tokens, prompt_tokens, time.monotonic())
            self._dirty = True

    def _done(self, request: int, result: dict) -> None:
        if request != self._request:
            return  # a generation cleared away meanwhile
        self.conversation.last.finish(result["text"], result["stats"])
        self._end_generation()
        self._request_tokens()
        self._flush(force=True)

    def _request_failed(self, request: int, message: str) -> None:
        if request == self._request:
            self.conversation.last.fail(message)
            self._end_generation()
            self._flush(force=True)
        elif self._token_requests.pop(request, None) is not None:
            self.message = message
            self._show_status()

    def _tokens_ready(self, request: int, _ids: list, pieces: list, piece_bytes: list) -> None:
        text = self._token_requests.pop(request, None)
        if text is not None:
            self._tokens[text] = pieces_from_byte_lengths(text, pieces, piece_bytes)
            self._dirty = True
            if not self._token_requests:
                self._flush()

    def _request_tokens(self) -> None:
        if not (self._token_view and self.is_ready):
            return
        texts = [self.conversation.system] + [t for turn in self.conversation.turns
                                              for t in (turn.user, turn.answer if turn.stats else "")]
        waiting = set(self._token_requests.values())
        for text in texts:
            if text.strip() and text not in self._tokens and text not in waiting:
                self._token_requests[self.process.tokenize(text)] = text
                waiting.add(text)

    # -- showing --------------------------------------------------------------------------------

    def _end_generation(self) -> None:
        self._request = None
        self._repaint.stop()

    def _flush(self, force: bool = False) -> None:
        if not (self._dirty or force):
            return
        self._dirty = False
        self.transcript.render(self.conversation, self._tokens if self._token_view else None)
        self.readouts.show_readout(self.readout())
        self._update_buttons()
        self.changed.emit()

    def _set_state(self, state: str) -> None:
        self.state = state
        if state in (LOADING, READY):
            self.message = ""
        self._show_status()
        self.changed.emit()

    def _update_buttons(self) -> None:
        busy = self.is_busy
        self.load_button.setEnabled(self.state != LOADING)
        self.stop_button.setEnabled(busy)
        self.regenerate_button.setEnabled(self.is_ready and not busy and self.conversation.last is not None)

    def _show_status(self) -> None:
        self._update_buttons()
        error = self.state in (FAILED_TO_LOAD, CRASHED) or bool(self.message)
        self.status.setObjectName("errorBanner" if error else "muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        if self.state == EMPTY:
            self.status.setText(self.tr("No model loaded."))
        elif self.state == LOADING:
            self.status.setText(self.tr("Loading the model…"))
        elif self.state == FAILED_TO_LOAD:
            self.status.setText(self.tr("Could not load this model: {message}").format(message=self.message))
        elif self.state == CRASHED:
            self.status.setText(self.tr("The model stopped working: {message}\nPress Load to start it again.")
                                .format(message=self.message))
        elif self.message:
            self.status.setText(self.message)
        else:  # the file's name, as the comparison and the saved files call it; the GGUF's own name on hover
            self.status.setText(self.tr("{name} · {architecture} · vocabulary {vocab} · context {ctx}").format(
                name=self.name, architecture=self.info.get("architecture", ""),
                vocab=number(self.info.get("n_vocab", 0)), ctx=number(self.info.get("n_ctx", 0))))
        loaded = self.state == READY and not self.message
        self.status.setToolTip(self.tr("Name inside the file: {name}\n{path}").format(
            name=self.info.get("name", ""), path=self.info.get("path", "")) if loaded else "")

    # -- choosing a model -----------------------------------------------------------------------

    def fill_model_menu(self) -> None:
        """The project's exported models and the recently loaded ones, with file size and quantization."""
        self.model_menu.clear()
        groups = [(heading, facts) for heading, facts in self.model_choices() if facts]
        for heading, entries in groups:
            self.model_menu.addAction(heading).setEnabled(False)
            for facts in entries:
                action = self.model_menu.addAction(model_entry_text(facts))
                action.setToolTip(str(facts.path))
                action.triggered.connect(lambda _checked=False, path=facts.path: self.choose(path))
            self.model_menu.addSeparator()
        if not groups:
            self.model_menu.addAction(self.tr("No project or recent models yet")).setEnabled(False)
            self.model_menu.addSeparator()
        self.model_menu.addAction(self.tr("Browse for a GGUF file…"), self._browse)

    def choose(self, path: Path | str) -> None:
        self.set_path(path)
        self.load()

    def _browse(self) -> None:
        own = Path(self.path_edit.text().strip()).parent if self.path_edit.text().strip() else None
        start = own if own is not None and own.is_dir() else self.start_folder()
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a GGUF model"), str(start),
                                              self.tr("GGUF models (*.gguf);;All files (*)"))
        if path:
            self.choose(path)


def model_entry_text(facts: GgufFacts) -> str:
    """"adapted-q8_0.gguf — 139.9 MB · Q8_0": what a model list shows of one file."""
    size = QLocale().formattedDataSize(facts.size_bytes, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
    return " · ".join(filter(None, (f"{facts.path.name} — {size}", facts.quantization)))
