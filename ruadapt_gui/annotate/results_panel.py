"""A session's results for its owner: leaderboard, rating plot, pairs, agreement, votes per annotator.

A view only: the owner view computes the results off the GUI thread (the bootstrap takes a moment)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ruadapt_gui.annotate.rating_plot import RatingPlot
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.texts import number
from ruadapt_gui.widgets.placeholder_stack import PlaceholderStack


class ResultsPanel(Retranslating, QWidget):
    refresh_requested = Signal()
    export_requested = Signal(object)  # Path stem: STEM.json, STEM.csv, STEM.md

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: dict | None = None
        self.refresh_button = QPushButton()
        self.export_button = QPushButton()
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        self.leaderboard = _table(5)
        self.warnings = QLabel()  # what the ratings cannot say (an unbeaten model, groups never compared)
        self.warnings.setObjectName("ratingWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warnings.hide()
        self.pairs = _table(6)
        self.scoring = QLabel()  # how ties and "both bad" count: a reader of the numbers must know
        self.scoring.setObjectName("muted")
        self.scoring.setWordWrap(True)
        self.annotators = _table(2)
        self.plot = RatingPlot()
        self.plot_placeholder = QLabel()
        self.plot_placeholder.setObjectName("muted")
        self.plot_placeholder.setWordWrap(True)
        self.plot_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.plot_stack = PlaceholderStack(self.plot_placeholder, self.plot)  # no empty axes before results
        self.agreement = QLabel()
        self.agreement.setWordWrap(True)
        self.agreement.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headings = {key: QLabel() for key in ("leaderboard", "pairs", "annotators", "agreement")}
        for heading in self.headings.values():
            heading.setObjectName("sectionHeading")
        buttons = QHBoxLayout()
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.status, 1)
        grid = QGridLayout()
        board = _titled(self.headings["leaderboard"], self.leaderboard)
        board.addWidget(self.warnings)
        grid.addLayout(board, 0, 0)
        grid.addWidget(self.plot_stack, 0, 1)
        pairs = _titled(self.headings["pairs"], self.pairs)
        pairs.addWidget(self.scoring)
        grid.addLayout(pairs, 1, 0)
        grid.addLayout(_titled(self.headings["annotators"], self.annotators), 1, 1)
        grid.addLayout(_titled(self.headings["agreement"], self.agreement), 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(grid, 1)
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.export_button.clicked.connect(self._choose_export)
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh_button.setText(self.tr("Compute results"))
        self.export_button.setText(self.tr("Export CSV, JSON, Markdown…"))
        self.headings["leaderboard"].setText(self.tr("Leaderboard"))
        self.headings["pairs"].setText(self.tr("Pairs"))
        self.headings["annotators"].setText(self.tr("Annotators"))
        self.headings["agreement"].setText(self.tr("Agreement between annotators"))
        self.leaderboard.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Rating"), self.tr("95% CI"),
                                                    self.tr("Votes"), self.tr("Median answer (chars)")])
        self.pairs.setHorizontalHeaderLabels([self.tr("Pair"), self.tr("Wins"), self.tr("Ties"), self.tr("Losses"),
                                              self.tr("Both bad"), self.tr("Win rate (95% CI)")])
        self.annotators.setHorizontalHeaderLabels([self.tr("Annotator"), self.tr("Votes")])
        scoring = self.tr("A tie and “both bad” each count as half a win for both models, in the win rate and "
                          "in the ratings: neither answer was preferred.")
        self.scoring.setText(scoring)
        for table, column in ((self.pairs, 4), (self.pairs, 5), (self.leaderboard, 1)):
            table.horizontalHeaderItem(column).setToolTip(scoring)
        self.plot_placeholder.setText(self.tr("The ratings are plotted here once results are computed: press "
                                              "“Compute results” when votes have been merged."))
        self._show()


    def set_busy(self, busy: bool) -> None:
        self.refresh_button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Computing (bootstrap intervals)…"))

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_results(self, results: dict | None) -> None:
        self.results = results
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("%n vote(s) in all", "", results["votes"]) if results else "")
        self._show()

    def _show(self) -> None:
        r = self.results
        self.export_button.setEnabled(bool(r and r["votes"]))
        board = r["leaderboard_bt"] if r else []
        _fill(self.leaderboard, [[row["model"], number(row["rating"]), f"{number(row['ci_low'])} – {number(row['ci_high'])}",
                                  number(row["votes"]), number(row["median_answer_chars"])] for row in board])
        _fill(self.pairs, [[f"{p['model_a']} vs {p['model_b']}", str(p["wins"]), str(p["ties"]), str(p["losses"]),
                            str(p["both_bad"]), f"{p['win_rate']:.0%} ({p['ci_low']:.0%} – {p['ci_high']:.0%})"]
                           for p in (r["pairs"] if r else [])])
        _fill(self.annotators, [[name, str(n)] for name, n in (r["annotators"] if r else {}).items()])
        self.plot.show_rows(board)
        self.plot_stack.show_body(bool(board))
        # the core's sentences, as `ruadapt arena results` prints them, in the interface language
        warnings = [engine_text(w["message"]) for w in (r.get("warnings", []) if r else []) if w["kind"] != "no_votes"]
        self.warnings.setText("\n".join(f"⚠ {m}" for m in warnings))
        self.warnings.setVisible(bool(warnings))
        self.agreement.setText(self._agreement_text(r["agreement"]) if r else "")

    def _agreement_text(self, agreement: dict) -> str:
        def figure(value: float | None) -> str:
            return self.tr("n/a") if value is None else number(value, 2)

        cohen = ", ".join(f"{pair} {figure(k)}" for pair, k in agreement["cohen_kappa"].items())
        text = self.tr("Pairwise agreement {pairwise} · Fleiss' κ {fleiss}").format(
            pairwise=figure(agreement["pairwise"]), fleiss=figure(agreement["fleiss_kappa"]))
        if cohen:
            text += " · " + self.tr("Cohen's κ per pair of annotators: {pairs}").format(pairs=cohen)
        if agreement["pairwise"] is None:  # no item has votes from two annotators: nothing to compare
            text += "\n" + self.tr("Needs items voted by two or more annotators.")
        return text

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results"), "results",
                                              self.tr("Results (*.json *.csv *.md)"))
        if path:
            self.export_requested.emit(Path(path))


def _table(columns: int) -> QTableWidget:
    table = QTableWidget(0, columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # model names
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


def _titled(heading: QLabel, widget: QWidget) -> QVBoxLayout:
    box = QVBoxLayout()
    box.addWidget(heading)
    box.addWidget(widget)
    return box
