"""The readouts under one side's last answer, and how they compare with the first side's.

Each factor of the comparison is coloured by what it means for this side (better green, worse red), not
by its direction: "2.80× slower" is bad news however it is worded."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ruadapt_gui.chat.readouts import Ratio, Readout
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.texts import number
from ruadapt_gui.theme import theme_colour

FIELDS = ("prompt_tokens", "answer_tokens", "chars_per_token", "ttft", "tokens_per_s", "chars_per_s", "words_per_s")
COLUMNS = 4  # two rows of readouts: a side stays narrow enough for three or four side by side
VERDICT_COLOURS = {"better": "ok-text", "worse": "error-text"}  # style-colors.json; "same": the label's own


class ReadoutPanel(Retranslating, QWidget):
    resized = Signal()  # the page lines the panels of all sides up (ChatPage._align_readouts)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.names = {f: QLabel() for f in FIELDS}
        self.values = {f: QLabel("—") for f in FIELDS}
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(0)
        for index, name in enumerate(FIELDS):
            self.names[name].setObjectName("readoutName")
            self.values[name].setObjectName("readoutValue")
            self.values[name].setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = divmod(index, COLUMNS)
            grid.addWidget(self.names[name], 2 * row, column)
            grid.addWidget(self.values[name], 2 * row + 1, column)
        for column in range(COLUMNS):  # equal columns: every side's readouts line up with the others'
            grid.setColumnStretch(column, 1)
        self.source = QLabel()
        self.source.setObjectName("muted")
        self.source.setWordWrap(True)  # a long line would widen the side past the screen
        self.ratio = QLabel()
        self.ratio.setObjectName("readoutRatio")
        self.ratio.setWordWrap(True)
        self.ratio.setTextFormat(Qt.TextFormat.RichText)
        self.ratio.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(grid)
        layout.addWidget(self.ratio)
        layout.addWidget(self.source)
        layout.addStretch(1)  # a panel given more height than it needs (to line up) keeps its rows on top
        self._readout: Readout | None = None
        self._ratio: tuple[str, Ratio | None] | None = None  # (first side's name, ratio); ratio None: the first
        self.ratio_parts: list[tuple[str, str]] = []  # (verdict, text) of the comparison shown
        self._plain = ""
        self.retranslate()

    def retranslate(self) -> None:
        texts = {"prompt_tokens": self.tr("Prompt tokens"), "answer_tokens": self.tr("Answer tokens"),
                 "chars_per_token": self.tr("Chars/token"), "ttft": self.tr("First token"),
                 "tokens_per_s": self.tr("Tokens/s"), "chars_per_s": self.tr("Chars/s"),
                 "words_per_s": self.tr("Words/s")}
        tips = {"prompt_tokens": self.tr("Tokens of the whole prompt the model read: the chat template, the "
                                         "system prompt and earlier turns included, so more than your "
                                         "message alone has"),
                "chars_per_token": self.tr("Characters of the answer per answer token: higher means the "
                                           "vocabulary covers the language better"),
                "ttft": self.tr("Time from sending the prompt to the first answer token")}
        for name, label in self.names.items():
            label.setText(texts[name])
            label.setToolTip(tips.get(name, ""))
            self.values[name].setToolTip(tips.get(name, ""))
        self._show()


    def show_readout(self, readout: Readout | None) -> None:
        self._readout = readout
        self._show()

    def show_ratio(self, first_name: str, ratio: Ratio | None) -> None:
        """This side against the first (`ratio` None: waiting for both answers)."""
        self._ratio = (first_name, ratio)
        self._show()

    def show_reference(self) -> None:
        """The first side: the others are compared with it (its line keeps the rows level with theirs)."""
        self._ratio = ("", None)
        self._show()

    def clear_ratio(self) -> None:
        self._ratio = None
        self._show()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the verdict colours' dark or light variant
            self._show()

    def text(self, name: str) -> str:
        return self.values[name].text()

    def _show(self) -> None:
        r = self._readout
        if r is None:
            for value in self.values.values():
                value.setText("—")
            self.source.setText("")
        else:
            ttft = "—" if r.ttft_s is None else self.tr("{seconds} s").format(seconds=number(r.ttft_s, 2))
            shown = {"prompt_tokens": number(r.prompt_tokens) if r.prompt_tokens else "—",
                     "answer_tokens": number(r.answer_tokens), "chars_per_token": _number(r.chars_per_token, 2),
                     "ttft": ttft, "tokens_per_s": _number(r.tokens_per_s, 1),
                     "chars_per_s": _number(r.chars_per_s, 1), "words_per_s": _number(r.words_per_s, 1)}
            for name, text in shown.items():
                self.values[name].setText(text)
            self.source.setText(self.tr("llama.cpp's counts and timings; the prompt counts the chat template, "
                                        "system prompt and earlier turns") if r.final
                                else self.tr("live, counted as the answer streams"))
        self.ratio.setVisible(self._ratio is not None)
        if self._ratio is not None:
            self.ratio.setText(self._ratio_html(*self._ratio))

    @property
    def ratio_text(self) -> str:
        """The comparison as plain text (the label shows it coloured)."""
        return self._plain

    def _ratio_html(self, first_name: str, ratio: Ratio | None) -> str:
        if not first_name:
            self.ratio_parts = []
            self._plain = self.tr("The other models are compared with this one.")
            return html.escape(self._plain)
        self.ratio_parts = self._ratio_parts(ratio) if ratio is not None else []
        if not self.ratio_parts:
            self._plain = self.tr("Compared with {name}: waiting for both answers").format(name=first_name)
            return html.escape(self._plain)
        template = self.tr("Compared with {name}: {figures}")
        self._plain = template.format(name=first_name, figures=", ".join(text for _, text in self.ratio_parts))
        coloured = ", ".join(self._coloured(verdict, text) for verdict, text in self.ratio_parts)
        return html.escape(template).replace("{name}", html.escape(first_name)).replace("{figures}", coloured)

    def _coloured(self, verdict: str, text: str) -> str:
        if verdict not in VERDICT_COLOURS:
            return html.escape(text)
        colour = theme_colour(VERDICT_COLOURS[verdict], self.palette())  # the light or dark variant
        return f"<span style='color:{colour}'>{html.escape(text)}</span>"

    def _ratio_parts(self, ratio: Ratio) -> list[tuple[str, str]]:
        texts = (  # (factor, same, better, worse): "better" reads the factor as is, "worse" its inverse
            (ratio.fewer_prompt_tokens, self.tr("as many prompt tokens"), self.tr("{r}× fewer prompt tokens"),
             self.tr("{r}× more prompt tokens")),
            (ratio.chars_per_token, self.tr("as many characters per token"),
             self.tr("{r}× more characters per token"), self.tr("{r}× fewer characters per token")),
            (ratio.chars_per_s, self.tr("as fast in characters/s"), self.tr("{r}× faster in characters/s"),
             self.tr("{r}× slower in characters/s")))
        parts = []
        for r, same, better, worse in texts:
            if not r:
                continue
            if round(r, 2) == 1.0:
                parts.append(("same", same))
            else:
                parts.append(("better", better.format(r=number(r, 2))) if r > 1
                             else ("worse", worse.format(r=number(1 / r, 2))))
        return parts




def _number(value: float, decimals: int) -> str:
    return number(value, decimals) if value else "—"
