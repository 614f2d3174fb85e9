"""The results page shows the evaluate stage's report of a real (tiny) pipeline, and a studio window
opened on that project fills its result pages and the training plots' reference by itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QTableWidget

from ruadapt_gui.pages.results_page import ResultsPage, chart_files
from ruadapt_gui.widgets.scaled_image import ScaledImage

pytest_plugins = ["conftest_gui", "gui_pipeline"]


@pytest.fixture
def page(qtbot, gui_leak_guard):
    page = ResultsPage()
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    yield page
    page.shutdown()


def tables(page: ResultsPage) -> list[QTableWidget]:
    return [page.sections.itemAt(i).widget() for i in range(page.sections.count())
            if isinstance(page.sections.itemAt(i).widget(), QTableWidget)]


def test_placeholder_and_demo_button_before_the_report(page):
    page.show_result(None)
    assert page.stack.currentWidget() is page.placeholder and "Evaluate and report" in page.placeholder.text()
    assert page.demo_button.text() == "Run all stages…" and not page.open_button.isEnabled()
    page.set_demo_running(True)
    assert page.demo_button.text() == "Stop running all stages"


def test_report_numbers_tables_and_charts(qtbot, page, tiny_pipeline, monkeypatch):
    result = tiny_pipeline.result("evaluate")
    m = result.result
    page.show_result(result)
    assert page.stack.currentIndex() == 1
    tiles = [page.tiles.itemAt(i).widget() for i in range(page.tiles.count())]
    values = [t.findChild(QLabel, "tileValue").text() for t in tiles]
    ratio = m["original"]["tokens_ru"]["tokens"] / m["adapted"]["tokens_ru"]["tokens"]
    assert values[0] == f"{ratio:.2f}×"
    assert values[2] == f"{m['original']['bpc_ru']:.3f} → {m['adapted']['bpc_ru']:.3f}"
    assert "0 of the" in page.check.text()

    token_table, bpc_table = tables(page)[:2]
    assert token_table.rowCount() == 4  # Russian and English, original and adapted
    assert token_table.item(1, 2).text() == f"{m['adapted']['tokens_ru']['tokens']:,}"
    assert bpc_table.item(0, 2).text() == f"{m['adapted']['bpc_ru']:.3f}"
    # tokens, bits per character, copy task, speed on Russian and English, the first choice's characters per token
    assert len(tables(page)) == 6
    first_choice = tables(page)[5]
    assert first_choice.rowCount() == 4 and first_choice.item(1, 1).text() == "adapted"
    assert first_choice.item(1, 3).text() == f"{m['adapted']['top1_chars_ru']:.2f}"
    assert first_choice.item(0, 3).text() == f"{m['original']['top1_chars_ru']:.2f}"  # the baseline's
    headings = [page.sections.itemAt(i).widget() for i in range(page.sections.count())
                if isinstance(page.sections.itemAt(i).widget(), QLabel)]
    assert len(headings) == 6 and max(h.minimumSizeHint().width() for h in headings) < 300  # they wrap, not widen

    expected = [f.stem for f in chart_files(Path(m["report_html"]).parent / "charts")]
    assert expected[:3] == ["tokens", "bpc", "copy"] and "stage1_bpc" in expected
    qtbot.waitUntil(lambda: [name for name, _ in page.charts] == expected, timeout=10_000)  # read off-thread
    for _, chart in page.charts:
        assert isinstance(chart, ScaledImage) and not chart.pixmap().isNull()
        assert chart.pixmap().width() <= chart.original.width()

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    page.open_button.click()
    assert opened == [QUrl.fromLocalFile(m["report_html"])]


def test_the_studio_fills_its_pages_from_the_finished_pipeline(qtbot, studio, ruadapt_home, tiny_pipeline):
    tiny_pipeline.registry_into(ruadapt_home)
    window = studio()
    window.open_project(tiny_pipeline.project)
    pages = window.pages
    qtbot.waitUntil(lambda: pages.results.result is not None, timeout=30_000)
    assert pages.results.result.run_id == tiny_pipeline.runs["evaluate"].id
    assert pages.tokenizer.result.run_id == tiny_pipeline.runs["tokenizer"].id
    assert pages.training.plans and [p.stage for p in pages.training.plans] == ["stage1", "stage2"]
    baseline = tiny_pipeline.result("baseline").result["bpc_ru"]
    assert window.monitor.training_plots.plots["bpc"].reference == baseline
    assert [window.tabs.tabText(i) for i in range(3, 7)] == ["Tokenizer", "Training", "LEP", "Results"]
    assert pages.demo_action.isEnabled() and not pages.cancel_action.isEnabled()


def test_the_page_shows_the_reports_own_rows(page, tiny_pipeline):
    """One source for both (core/report/figure_rows.py): every row of the page's tables (English names)
    stands in report.md as it is."""
    result = tiny_pipeline.result("evaluate")
    page.show_result(result)
    report = Path(result.typed.report_md).read_text(encoding="utf-8")
    for table in tables(page):
        for r in range(table.rowCount()):
            row = [table.item(r, c).text() for c in range(table.columnCount())]
            assert "| " + " | ".join(row) + " |" in report, row
