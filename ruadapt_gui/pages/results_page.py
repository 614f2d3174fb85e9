"""The results page: the evaluate stage's report (headline numbers, the tables, the charts), a
button to open the HTML report in the browser, and the button that runs the whole demo.

The charts are read from disk on a worker thread; the page shows them when they arrive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.stages.results import EvaluateResult
from ruadapt_gui.background import Background
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.stage_results import StageResult
from ruadapt_gui.texts import stage_label
from ruadapt_gui.widgets import report_tables as rt
from ruadapt_gui.widgets.placeholder_stack import fill_page
from ruadapt_gui.widgets.scaled_image import ScaledImage

CHART_ORDER = ("tokens", "bpc", "copy", "speed_ru", "speed_en")  # then the training curves, by name
CHART_COLUMNS = 2


def chart_files(folder: Path) -> list[Path]:
    files = sorted(folder.glob("*.png"))
    rank = {name: i for i, name in enumerate(CHART_ORDER)}
    return sorted(files, key=lambda f: (rank.get(f.stem, len(rank)), f.stem))


def read_charts(folder: Path) -> list[tuple[str, QImage]]:
    """On the worker thread: the report's charts as images (QImage, unlike QPixmap, may be made here)."""
    return [(f.stem, QImage(str(f))) for f in chart_files(folder)]


def tile(value: str, caption: str) -> QFrame:
    frame = QFrame(objectName="tile")
    layout = QVBoxLayout(frame)
    layout.addWidget(QLabel(value, objectName="tileValue"))
    text = QLabel(caption, objectName="tileCaption", wordWrap=True)
    layout.addWidget(text)
    return frame


class ResultsPage(Retranslating, QWidget):
    demo_clicked = Signal()  # start the whole demo, or cancel it while it runs

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: StageResult | None = None
        self.charts: list[tuple[str, QWidget]] = []
        self._demo_running = False
        self._worker = Background(self)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.demo_button = QPushButton(objectName="primary")
        self.demo_button.clicked.connect(self.demo_clicked)
        self.open_button = QPushButton()
        self.open_button.clicked.connect(self.open_report)
        self.demo_help = QLabel(objectName="muted", wordWrap=True)
        self.placeholder = QLabel(objectName="placeholder", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.stale = QLabel(objectName="staleBanner", wordWrap=True)
        self.tiles = QHBoxLayout()
        self.check = QLabel(wordWrap=True)
        self.sections = QVBoxLayout()  # headings and tables, rebuilt for each result
        self.chart_grid = QGridLayout()
        self.charts_heading = QLabel(objectName="sectionHeading")

        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.demo_help, 1)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.stale)
        layout.addLayout(self.tiles)
        layout.addWidget(self.check)
        layout.addLayout(self.sections)
        layout.addWidget(self.charts_heading)
        layout.addLayout(self.chart_grid)
        layout.addStretch(1)
        self.stack = fill_page(self, self.placeholder, body, above=buttons)

    def retranslate(self) -> None:
        self._demo_text()
        self.demo_button.setToolTip(self.tr("Run every stage of this project in order; stages that are up to "
                                            "date are not run again."))
        self.open_button.setText(self.tr("Open the HTML report"))
        self.demo_help.setText(self.tr("Every stage of the project, one after another, ending in the report."))
        self.placeholder.setText(self.tr(
            "Run “{stage}” (or all stages) to see the original and the adapted model side by side: tokens, "
            "bits per character, the copy task and generation speed.").format(stage=stage_label("evaluate")))
        self.stale.setText(self.tr("This report is from an earlier run: the project's settings or inputs changed "
                                   "since. Run “{stage}” again to update it.").format(stage=stage_label("evaluate")))
        self.charts_heading.setText(self.tr("Charts"))
        self._paint()


    def set_demo_running(self, running: bool) -> None:
        self._demo_running = running
        self._demo_text()

    def _demo_text(self) -> None:
        self.demo_button.setText(self.tr("Stop running all stages") if self._demo_running else self.tr("Run all stages…"))

    def show_result(self, result: StageResult | None) -> None:
        """The evaluate stage's finished run (None: not run yet)."""
        if result == self.result:
            return
        self.result = result
        self._paint()
        self._clear_charts()
        if result is not None:
            folder = Path(result.typed.report_html).parent / "charts"
            self._worker.submit(lambda: read_charts(folder), lambda charts: self._show_charts(result, charts))

    def open_report(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.result.typed.report_html))

    # -- painting -------------------------------------------------------------------------------

    def _paint(self) -> None:
        self.open_button.setEnabled(self.result is not None)
        _clear_layout(self.tiles)
        _clear_layout(self.sections)
        if self.result is None:
            self.stack.show_body(False)
            return
        self.stack.show_body(True)
        m: EvaluateResult = self.result.typed
        self.stale.setVisible(self.result.stale)
        for value, caption in self._headlines(m):
            self.tiles.addWidget(tile(value, caption))
        check = m.heldout_check
        text = self.tr("Held-out check: {found} of the {total} held-out Russian paragraphs occur in the training "
                       "text.").format(found=check.found_in_training, total=check.heldout_paragraphs)
        if check.found_in_training:
            text += " " + self.tr("Warning: the held-out figures are contaminated.")
        self.check.setText(text)
        sections = [(self.tr("Token efficiency"), rt.token_rows(m)), (self.tr("Bits per character"), rt.bpc_rows(m))]
        if m.adapted.copy is not None:
            sections.append((self.tr("Copy task"), rt.copy_rows(m)))
        sections += [(self.tr("Generation speed, {lang} prompts ({kind} GGUF in llama.cpp)").format(
            lang=rt.name(lang), kind=m.speed.type), rt.speed_rows(m, lang)) for lang in ("ru", "en")]
        sections.append((self.tr("Characters per token: the text, the first choice, generation"),
                         rt.first_choice_rows(m)))
        for heading, data in sections:
            self.sections.addWidget(QLabel(heading, objectName="sectionHeading", wordWrap=True))  # never widens the page
            self.sections.addWidget(rt.table(data))

    def _headlines(self, m: EvaluateResult) -> list[tuple[str, str]]:
        o, a = m.original, m.adapted
        tiles = []
        if a.tokens_ru is not None:
            before, after = o.tokens_ru.tokens, a.tokens_ru.tokens
            tiles.append((f"{before / after:.2f}×", self.tr("fewer tokens on held-out Russian ({before:,} → "
                                                            "{after:,})").format(before=before, after=after)))
        original, adapted = m.speed.ru[0], m.speed.ru[1]
        tiles.append((f"{adapted.chars_per_s / original.chars_per_s:.2f}×",
                      self.tr("characters per second generating Russian ({kind} GGUF in llama.cpp)")
                      .format(kind=m.speed.type)))
        if a.bpc_ru is not None:
            tiles.append((f"{o.bpc_ru:.3f} → {a.bpc_ru:.3f}",
                          self.tr("bits per character on held-out Russian, original → adapted (lower is better)")))
        sentence = "darumeru/cp_sent_ru"
        if sentence in (a.copy or {}) and sentence in (o.copy or {}):
            tiles.append((f"{o.copy[sentence].len:.2f} → {a.copy[sentence].len:.2f}",
                          self.tr("DaruCopy {task} (len), original → adapted").format(task="cp_sent_ru")))
        return tiles

    def _clear_charts(self) -> None:
        _clear_layout(self.chart_grid)
        self.charts = []
        self.charts_heading.hide()

    def _show_charts(self, result: StageResult, charts: list[tuple[str, QImage]]) -> None:
        if result != self.result:
            return  # another report is shown meanwhile
        self._clear_charts()
        for i, (name, image) in enumerate(charts):
            widget = ScaledImage(image) if not image.isNull() else QLabel(
                self.tr("Could not read the chart {name}.png").format(name=name), objectName="muted")
            self.chart_grid.addWidget(widget, i // CHART_COLUMNS, i % CHART_COLUMNS, Qt.AlignmentFlag.AlignTop)
            self.charts.append((name, widget))
        self.charts_heading.setVisible(bool(self.charts))

    def shutdown(self) -> None:
        self._worker.shutdown()


def _clear_layout(layout) -> None:
    while (item := layout.takeAt(0)) is not None:
        if widget := item.widget():
            widget.deleteLater()
