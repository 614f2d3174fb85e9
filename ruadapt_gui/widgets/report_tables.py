"""The evaluation report's tables, built from the evaluate stage's result (the same figures as
core/report/build.py writes into report.md): token efficiency, bits per character, copy task and
generation speed, the original model against the adapted one (DaruCopy under llmtf's task names); and the LEP page's table of the
instruct model before and after LEP and calibration."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from core.evaluation.darucopy import CopyTaskScore, column, tasks_in
from core.stages.results import EvaluateResult

SIDES = ("original", "adapted")
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

MODEL, BPC = QT_TRANSLATE_NOOP("ReportTables", "Model"), QT_TRANSLATE_NOOP("ReportTables", "Held-out bits per character")


def _t(text: str) -> str:
    return QCoreApplication.translate("ReportTables", text)


def _header(texts: tuple[str, ...]) -> list[str]:
    return [_t(text) for text in texts]


def _f(value, fmt: str = "{:.2f}") -> str:
    return "–" if value is None else fmt.format(value)


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
    rows = []
    for lang in m.languages():
        for side, figures in m.sides():
            t = figures.tokens(lang)
            rows.append([name(lang), name(side), f"{t.tokens:,}", _f(t.chars_per_token),
                         _f(t.tokens_per_word), _f(t.split_3plus_share, "{:.0%}")])
    return TableData(_header(TOKEN_HEADER), rows, labels=2)


def bpc_rows(m: EvaluateResult) -> TableData:
    return TableData(_header(BPC_HEADER),
                     [[name(lang), _f(m.original.bpc(lang), "{:.3f}"), _f(m.adapted.bpc(lang), "{:.3f}")]
                      for lang in m.languages()])


def _copy_cells(copy: dict[str, CopyTaskScore] | None, tasks: list[str]) -> list[str]:
    return [_f(copy[task].main if copy and task in copy else None) for task in tasks]


def copy_rows(m: EvaluateResult) -> TableData:
    """DaruCopy under llmtf's task names, each task's main figure (len for sentences, lcs for paragraphs)."""
    tasks = tasks_in(m.original.copy, m.adapted.copy)
    return TableData([_t(MODEL), *map(column, tasks)],
                     [[name(side), *_copy_cells(figures.copy, tasks)] for side, figures in m.sides()
                      if figures.copy is not None])


def speed_rows(m: EvaluateResult, lang: str) -> TableData:
    rows = [[name(side), f"{r.chars_per_s:.1f} ({r.chars_per_s_min:.1f}–{r.chars_per_s_max:.1f})",
             f"{r.tokens_per_s:.1f}", _f(r.chars_per_token), f"{r.cyrillic_share:.0%}"]
            for side, r in zip(SIDES, m.speed.rows(lang))]
    return TableData(_header(SPEED_HEADER), rows)


def lep_rows(models: list[tuple[str, dict[str, CopyTaskScore] | None, float | None]]) -> TableData:
    """(model, DaruCopy scores by task or None, held-out bits per character or None) per row."""
    tasks = tasks_in(*(copy for _, copy, _ in models))
    return TableData([_t(MODEL), *map(column, tasks), _t(BPC)],
                     [[label, *_copy_cells(copy, tasks), _f(bpc, "{:.3f}")] for label, copy, bpc in models])
