"""The evaluation report's tables, built from the evaluate stage's result: the same rows as report.md
(core/report/figure_rows.py), with translated headers and names: token efficiency, bits per character,
copy task, generation speed and the model's first choice, the original model against the adapted one (DaruCopy under llmtf's task
names); and the LEP page's table of the instruct model before and after LEP and calibration."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from core.evaluation.darucopy import CopyTaskScore, column, tasks_in
from core.report import figure_rows
from core.stages.results import EvaluateResult

NAMES = {"ru": QT_TRANSLATE_NOOP("ReportTables", "Russian"), "en": QT_TRANSLATE_NOOP("ReportTables", "English"),
         "original": QT_TRANSLATE_NOOP("ReportTables", "original"),
         "adapted": QT_TRANSLATE_NOOP("ReportTables", "adapted")}
TOKEN_HEADER = (QT_TRANSLATE_NOOP("ReportTables", "Text"), QT_TRANSLATE_NOOP("ReportTables", "Model"),
                QT_TRANSLATE_NOOP("ReportTables", "Tokens"), QT_TRANSLATE_NOOP("ReportTables", "Characters / token"),
                QT_TRANSLATE_NOOP("ReportTables", "Tokens / word"),
                QT_TRANSLATE_NOOP("ReportTables", "Words in 3+ pieces"))
BPC_HEADER = (QT_TRANSLATE_NOOP("ReportTables", "Text"), QT_TRANSLATE_NOOP("ReportTables", "Original"),
              QT_TRANSLATE_NOOP("ReportTables", "Adapted"))
SPEED_HEADER = (QT_TRANSLATE_NOOP("ReportTables", "Model"), QT_TRANSLATE_NOOP("ReportTables", "Characters/s (min–max)"),
                QT_TRANSLATE_NOOP("ReportTables", "Tokens/s"), QT_TRANSLATE_NOOP("ReportTables", "Characters / token"),
                QT_TRANSLATE_NOOP("ReportTables", "Cyrillic share"))

FIRST_CHOICE_HEADER = (QT_TRANSLATE_NOOP("ReportTables", "Text"), QT_TRANSLATE_NOOP("ReportTables", "Model"),
                       QT_TRANSLATE_NOOP("ReportTables", "The held-out text"),
                       QT_TRANSLATE_NOOP("ReportTables", "First choice"),
                       QT_TRANSLATE_NOOP("ReportTables", "Generated"))

MODEL, BPC = QT_TRANSLATE_NOOP("ReportTables", "Model"), QT_TRANSLATE_NOOP("ReportTables", "Held-out bits per character")


def _t(text: str) -> str:
    return QCoreApplication.translate("ReportTables", text)


def _header(texts: tuple[str, ...]) -> list[str]:
    return [_t(text) for text in texts]


@dataclass(frozen=True)
class TableData:
    header: list[str]
    rows: list[list[str]]
    labels: int = 1  # the first columns name the row; the others hold figures (right-aligned)


def figures_only(widget: QTableWidget) -> None:
    """A table of figures to read: no editing, selection or focus, and no scroll bar (the page scrolls)."""
    widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    widget.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def fit_rows(widget: QTableWidget, slack: int = 0) -> None:
    """Make the table exactly as tall as its header and rows (call it once the rows are filled)."""
    widget.resizeRowsToContents()
    rows = sum(widget.rowHeight(r) for r in range(widget.rowCount()))
    widget.setFixedHeight(rows + widget.horizontalHeader().sizeHint().height() + 2 * widget.frameWidth() + slack)


def table(data: TableData) -> QTableWidget:
    """A read-only table as tall as its rows (the page scrolls, not the table)."""
    rows = data.rows
    widget = QTableWidget(len(rows), len(data.header))
    widget.setHorizontalHeaderLabels(data.header)
    widget.verticalHeader().hide()
    figures_only(widget)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    # One line a row: rows are sized now, before the columns stretch, when a wrapping label would
    # make its row two lines tall for good.
    widget.setWordWrap(False)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c >= data.labels:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setItem(r, c, item)
    fit_rows(widget)
    return widget


def name(key: str) -> str:
    """A language ("ru", "en") or a model ("original", "adapted"), translated."""
    return _t(NAMES[key])


def token_rows(m: EvaluateResult) -> TableData:
    return TableData(_header(TOKEN_HEADER), figure_rows.token_rows(m, name), labels=2)


def bpc_rows(m: EvaluateResult) -> TableData:
    return TableData(_header(BPC_HEADER), figure_rows.bpc_rows(m, name))


def copy_rows(m: EvaluateResult) -> TableData:
    """DaruCopy under llmtf's task names, each task's main figure (len for sentences, lcs for paragraphs)."""
    tasks = tasks_in(m.original.copy, m.adapted.copy)
    return TableData([_t(MODEL), *map(column, tasks)], figure_rows.copy_rows(m, tasks, name))


def speed_rows(m: EvaluateResult, lang: str) -> TableData:
    return TableData(_header(SPEED_HEADER), figure_rows.speed_rows(m, lang, name))


def first_choice_rows(m: EvaluateResult) -> TableData:
    return TableData(_header(FIRST_CHOICE_HEADER), figure_rows.first_choice_rows(m, name), labels=2)


def lep_rows(models: list[tuple[str, dict[str, CopyTaskScore] | None, float | None]]) -> TableData:
    """(model, DaruCopy scores by task or None, held-out bits per character or None) per row."""
    tasks = tasks_in(*(copy for _, copy, _ in models))
    return TableData([_t(MODEL), *map(column, tasks), _t(BPC)],
                     [[label, *figure_rows.copy_cells(copy, tasks), figure_rows.figure(bpc, "{:.3f}")]
                      for label, copy, bpc in models])
