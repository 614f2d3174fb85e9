"""The tokenizer stage's measurements as a table: the source and the new tokenizer on held-out
Russian and English (tokens, characters per token, tokens per word, words cut into 3+ pieces) and
the new one's ratio to the source."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from core.stages.results import TokenizerComparison
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.widgets.report_tables import figures_only, fit_rows

LANGS = ("ru", "en")
SIDES = ("source", "new")
# TokenEfficiency field (core/evaluation/token_stats.py) → how its value is written
FIELDS = (("tokens", "{:,}"), ("chars_per_token", "{:.2f}"), ("tokens_per_word", "{:.2f}"),
          ("split_3plus_share", "{:.0%}"))
RATIO_ROW = len(FIELDS)
SAME = 0.005  # ratios this close to 1 are "the same"


class TokenComparisonTable(Retranslating, QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(FIELDS) + 1, len(LANGS) * len(SIDES), parent)
        self.report: dict[str, TokenizerComparison] = {}
        figures_only(self)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.retranslate()

    def retranslate(self) -> None:
        langs = {"ru": self.tr("Russian"), "en": self.tr("English")}
        sides = {"source": self.tr("source"), "new": self.tr("new")}
        self.setHorizontalHeaderLabels([f"{langs[lang]}\n{sides[side]}" for lang in LANGS for side in SIDES])
        self.setVerticalHeaderLabels([self.tr("Tokens"), self.tr("Characters per token"), self.tr("Tokens per word"),
                                      self.tr("Words cut into 3+ tokens"), self.tr("Tokens vs the source")])
        self.show_report(self.report)


    def ratio_text(self, ratio: float) -> str:
        """`ratio` = source tokens / new tokens, as the tokenizer stage reports it."""
        if ratio <= 0:
            return "–"
        if abs(ratio - 1) < SAME:
            return self.tr("1.00× (the same)")
        if ratio > 1:
            return self.tr("{ratio:.2f}× fewer").format(ratio=ratio)
        return self.tr("{ratio:.2f}× more").format(ratio=1 / ratio)

    def show_report(self, report: dict[str, TokenizerComparison]) -> None:
        """The tokenizer stage's comparisons by language ("ru", "en"; a missing one shows dashes)."""
        self.report = report
        for col, (lang, side) in enumerate((lang, side) for lang in LANGS for side in SIDES):
            measured = report.get(lang)
            for row, (field, fmt) in enumerate(FIELDS):
                self._set(row, col, fmt.format(getattr(getattr(measured, side), field)) if measured else "–")
            ratio = self.ratio_text(measured.ratio) if measured and side == "new" else ""
            self._set(RATIO_ROW, col, ratio)
        fit_rows(self, slack=2)  # all rows, no scroll bar: the table is short

    def _set(self, row: int, col: int, text: str) -> None:
        item = QTableWidgetItem(text)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if row == RATIO_ROW:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.setItem(row, col, item)

    def cell_text(self, row: int, col: int) -> str:
        item = self.item(row, col)
        return item.text() if item else ""
