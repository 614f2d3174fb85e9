"""The live box: a text the user types, cut by the source and by the new tokenizer side by side,
with each one's token count and what a prompt costs at a price per million tokens.

Loading a tokenizer (transformers) takes seconds and tokenizing is work too: both run on a worker
thread, and typing re-tokenizes after a short pause. An answer for text that has changed since is
dropped."""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ruadapt_gui.background import Background
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.token_pieces import Tokenization, tokenize
from ruadapt_gui.widgets.token_view import SPLIT_COLOR, TokenView

DEBOUNCE_MS = 200
DEFAULT_PRICE = 1.0  # per million tokens
EXAMPLE = "Языковые модели читают текст по токенам: чем меньше токенов, тем быстрее и дешевле ответ."


def prompt_price(tokens: int, per_million: float) -> float:
    return tokens * per_million / 1_000_000


def format_price(value: float) -> str:
    """Two significant digits for small amounts ($0.000041), cents otherwise ($41.00)."""
    if value <= 0:
        return "$0"
    decimals = max(2, 1 - math.floor(math.log10(value)))
    return f"${value:.{decimals}f}"


def load_tokenizers(source_dir: str, new_dir: str) -> tuple:
    from transformers import AutoTokenizer  # seconds on first import: only ever on the worker thread

    return AutoTokenizer.from_pretrained(source_dir), AutoTokenizer.from_pretrained(new_dir)


class LiveTokens(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._worker = Background(self)  # one thread: loads and tokenizations run in order
        self._dirs: tuple[str, str] | None = None
        self._tokenizers: tuple | None = None
        self._generation = 0  # of the text: an answer for an older text is dropped
        self._results: tuple[Tokenization, Tokenization] | None = None
        self._error = ""  # why the tokenizers could not be loaded
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._tokenize)
        self._build()
        self.input.textChanged.connect(self._text_changed)
        self.price.valueChanged.connect(self._paint)
        self.retranslate()

    def _build(self) -> None:
        self.input = QPlainTextEdit(objectName="liveInput")
        self.input.setPlainText(EXAMPLE)
        self.input.setFixedHeight(64)
        self.price_label = QLabel()
        self.price = QDoubleSpinBox(prefix="$ ", decimals=3, minimum=0.0, maximum=10_000.0, singleStep=0.1,
                                    value=DEFAULT_PRICE)
        self.price_label.setBuddy(self.price)
        self.state = QLabel(objectName="muted", wordWrap=True)
        self.source_view, self.new_view = TokenView(), TokenView()
        self.summary = QLabel(objectName="liveSummary", wordWrap=True)
        self.legend = QLabel(objectName="muted", wordWrap=True)
        price_row = QHBoxLayout()
        price_row.addWidget(self.price_label)
        price_row.addWidget(self.price)
        price_row.addStretch(1)
        price_row.addWidget(self.state)
        views = QHBoxLayout()
        views.addWidget(self.source_view, 1)
        views.addWidget(self.new_view, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.input)
        layout.addLayout(price_row)
        layout.addLayout(views)
        layout.addWidget(self.summary)
        layout.addWidget(self.legend)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.input.setPlaceholderText(self.tr("Type a sentence to see how each tokenizer cuts it…"))
        self.price_label.setText(self.tr("Price per 1M tokens:"))
        self.price.setToolTip(self.tr("What a model provider charges per million input tokens; "
                                      "the same price is applied to both tokenizers."))
        self.source_view.set_heading(self.tr("Source tokenizer"))
        self.new_view.set_heading(self.tr("New tokenizer"))
        self.legend.setText(self.tr('Each coloured stretch is one token. <span style="background-color:{color}">'
                                    'Red</span>: one character cut into several byte tokens.')
                            .format(color=SPLIT_COLOR))
        self._show_state()
        self._paint()


    # -- tokenizers -----------------------------------------------------------------------------

    def set_tokenizers(self, source_dir: Path | str, new_dir: Path | str) -> None:
        """Load both tokenizers off the GUI thread (nothing happens if they are the ones loaded)."""
        dirs = (str(source_dir), str(new_dir))
        if dirs == self._dirs:
            return
        self._dirs, self._tokenizers, self._results = dirs, None, None
        self._error = ""
        self._show_state()
        self._paint()
        self._worker.submit(lambda: load_tokenizers(*dirs), lambda pair: self._loaded(dirs, pair),
                            lambda exc: self._load_failed(dirs, exc))

    @property
    def ready(self) -> bool:
        return self._tokenizers is not None

    def _loaded(self, dirs: tuple[str, str], pair: tuple) -> None:
        if dirs != self._dirs:
            return  # another pair was asked for meanwhile
        self._tokenizers = pair
        self._show_state()
        self._tokenize()

    def _load_failed(self, dirs: tuple[str, str], exc: BaseException) -> None:
        if not isinstance(exc, (OSError, ValueError)):  # a missing or unreadable folder is the user's to fix
            raise exc
        if dirs == self._dirs:
            self._error = str(exc)
            self._show_state()

    def _show_state(self) -> None:
        if self._error:
            self.state.setText(self.tr("Could not load the tokenizers: {error}").format(error=self._error))
        elif self._dirs is not None and self._tokenizers is None:
            self.state.setText(self.tr("Loading the tokenizers…"))
        else:
            self.state.setText("")

    # -- text -----------------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        self.input.setPlainText(text)

    def _text_changed(self) -> None:
        self._generation += 1
        self._debounce.start()

    def _tokenize(self) -> None:
        if self._tokenizers is None:
            return
        source, new = self._tokenizers
        text, generation = self.input.toPlainText(), self._generation
        self._worker.submit(lambda: (tokenize(source, text), tokenize(new, text)),
                            lambda results: self._tokenized(generation, results))

    def _tokenized(self, generation: int, results: tuple[Tokenization, Tokenization]) -> None:
        if generation != self._generation:
            return  # the text changed since: its own tokenization is on the way
        self._results = results
        self._paint()

    def _paint(self) -> None:
        if self._results is None:
            self.source_view.show_tokens(None)
            self.new_view.show_tokens(None)
            for view in (self.source_view, self.new_view):
                view.set_detail("")
            self.summary.setText("")
            return
        per_million = self.price.value()
        for view, result in zip((self.source_view, self.new_view), self._results):
            view.show_tokens(result, self.tr("Tokens: {n}").format(n=result.tokens))
            price = prompt_price(result.tokens, per_million)
            view.set_detail(self.tr("{price} per prompt · {million} per million such prompts").format(
                price=format_price(price), million=format_price(price * 1_000_000)))
        self.summary.setText(self._summary(*self._results))

    def _summary(self, source: Tokenization, new: Tokenization) -> str:
        if not source.tokens or not new.tokens:
            return ""
        if new.tokens < source.tokens:
            return self.tr("The new tokenizer needs {ratio:.2f}× fewer tokens for this text ({new} instead of "
                           "{source}): each such prompt costs {saving:.0%} less.").format(
                ratio=source.tokens / new.tokens, new=new.tokens, source=source.tokens,
                saving=1 - new.tokens / source.tokens)
        if new.tokens > source.tokens:
            return self.tr("The new tokenizer needs {ratio:.2f}× more tokens for this text ({new} instead of "
                           "{source}).").format(ratio=new.tokens / source.tokens, new=new.tokens,
                                                source=source.tokens)
        return self.tr("Both tokenizers need {n} tokens for this text.").format(n=new.tokens)

    @property
    def results(self) -> tuple[Tokenization, Tokenization] | None:
        return self._results

    def shutdown(self) -> None:
        self._debounce.stop()
        self._worker.shutdown()
