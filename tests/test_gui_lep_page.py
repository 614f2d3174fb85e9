"""The LEP page: the copy task and held-out bits per character of the original instruct model, after
LEP and after calibration, from real runs of the tiny pipeline with a real tiny instruct fine-tune; and,
without a base/instruct pair (the default demo), the plain explanation of what to provide."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtWidgets import QTableWidget

from core.project import load_project, project_from_dict, project_to_dict, save_project
from core.project.default import default_project_path
from core.project.schema import Project
from ruadapt_gui.pages.lep_page import LepPage
from ruadapt_gui.stage_results import StageResult
from ruadapt_gui.theme import style_sheet

pytest_plugins = ["conftest_gui", "gui_pipeline"]

CALIBRATION = {"enabled": True, "steps": 2, "batch_size": 2, "max_length": 256, "lora_r": 4}  # copy tasks only


@dataclass(frozen=True)
class Runs:
    project: Project
    lep: StageResult
    calibration: StageResult


@pytest.fixture(scope="module")
def lep_runs(tmp_path_factory):
    """The tiny project run up to calibration twice in one registry: LEP off (calibration of the adapted
    base), then LEP on over a real tiny instruct fine-tune of the source. Returns (LEP off, LEP on, pipeline)."""
    from conftest import write_tiny_project
    from gui_pipeline import TinyPipeline
    from test_lep import sft_instruct_from
    from test_training import run_pipeline

    folder = tmp_path_factory.mktemp("lep-pipeline")
    home = folder / "home"
    out = []
    with pytest.MonkeyPatch.context() as env:
        env.setenv("RUADAPT_HOME", str(home))
        path = write_tiny_project(folder)
        sft_instruct_from(folder / "source", folder / "instruct")
        for lep in ({"enabled": False}, {"enabled": True, "copy_passages": 2}):
            raw = project_to_dict(load_project(path))
            raw["models"]["instruct"] = "instruct" if lep["enabled"] else ""
            raw["lep"].update(lep)
            raw["calibration"].update(CALIBRATION)
            save_project(project_from_dict(raw, base=folder), path)
            pipeline = TinyPipeline(path, home, run_pipeline(path, "calibration"))
            out.append(Runs(load_project(path), pipeline.result("lep"), pipeline.result("calibration")))
    return out[0], out[1], pipeline


@pytest.fixture
def page(qtbot, qapp, gui_leak_guard):
    qapp.setStyleSheet(style_sheet(dark=False))  # the studio's look sizes the rows
    page = LepPage()
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    yield page
    qapp.setStyleSheet("")


def table(page: LepPage) -> QTableWidget:
    assert page.table_box.count() == 1
    return page.table_box.itemAt(0).widget()


def cells(widget: QTableWidget) -> list[list[str]]:
    return [[widget.item(r, c).text() for c in range(widget.columnCount())] for r in range(widget.rowCount())]


TASKS = ("darumeru/cp_sent_ru", "darumeru/cp_para_ru", "darumeru/cp_sent_en")  # the tiny English has no paragraphs


def figures(copy: dict, bpc: float) -> list[str]:
    """llmtf's main figure per DaruCopy task: len for sentences, lcs for paragraphs."""
    assert tuple(copy) == TASKS
    return [f"{copy[t]['len' if '_sent_' in t else 'lcs']:.2f}" for t in TASKS] + [f"{bpc:.3f}"]


def test_the_table_shows_the_instruct_model_before_and_after_lep_and_calibration(page, lep_runs):
    _, on, _ = lep_runs
    lep, cal = on.lep.result, on.calibration.result
    page.show_results(on.project, on.lep, on.calibration)
    assert page.stack.currentIndex() == 1 and page.no_pair.isHidden() and page.stale.isHidden()
    widget = table(page)
    assert [widget.horizontalHeaderItem(c).text() for c in range(5)] == [
        "Model", "cp_sent_ru (len)", "cp_para_ru (lcs)", "cp_sent_en (len)", "Held-out bits per character"]
    assert cells(widget) == [["Original instruct model", *figures(lep["copy_before"], lep["bpc_before"])],
                             ["After LEP", *figures(lep["copy_after"], lep["bpc_after"])],
                             ["After calibration", *figures(cal["copy_after"], cal["bpc_after"])]]
    assert len({widget.rowHeight(r) for r in range(3)}) == 1  # no row left two lines tall by a wrapped name
    assert cal["bpc_before"] == pytest.approx(lep["bpc_after"], rel=1e-4)  # calibration starts from LEP's model
    assert lep["bpc_before"] != lep["bpc_after"]  # a different tokenizer and embeddings: a different figure
    assert f"Projection: conversion · rows fitted: {lep['fit_rows']:,}" in page.fit.text()
    assert f"added tokens (chat markers) from the instruct model: {lep['added_copied']}" in page.fit.text()
    assert f"characters: {lep['bpc_chars']:,}" in page.measured_on.text() and "2 (LEP), 4 (Calibration)" in page.measured_on.text()


def test_calibration_without_lep_starts_from_the_adapted_base_and_says_why(page, lep_runs):
    off, _, _ = lep_runs
    assert off.lep.result["skipped"]
    cal = off.calibration.result
    page.show_results(off.project, off.lep, off.calibration)
    assert cells(table(page)) == [["Adapted base model, before calibration",
                                   *figures(cal["copy_before"], cal["bpc_before"])],
                                  ["After calibration", *figures(cal["copy_after"], cal["bpc_after"])]]
    assert not page.no_pair.isHidden() and "no base/instruct pair" in page.no_pair.text()
    assert page.fit.isHidden() and page.fit_heading.isHidden()


def test_a_project_with_a_pair_but_no_runs_says_what_to_run(page, lep_runs):
    _, on, _ = lep_runs
    page.show_results(on.project, None, None)
    assert page.stack.currentWidget() is page.placeholder
    assert page.placeholder.text().startswith("Run “LEP: adapted instruct model” (and “Calibration”)")


def test_the_default_demo_says_plainly_that_lep_needs_a_pair_you_provide(qtbot, studio):
    window = studio()
    window.open_project(default_project_path())
    page = window.pages.lep
    qtbot.waitUntil(lambda: "no base/instruct pair" in page.placeholder.text(), timeout=30_000)
    window.tabs.setCurrentWidget(page)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "LEP"
    assert page.stack.currentWidget() is page.placeholder and page.placeholder.isVisible()
    text = page.placeholder.text()
    assert "only SmolLM2-135M-Instruct ships offline" in text
    assert "Models → “Original instruct model”" in text and "LEP → “Run LEP”" in text


def test_the_studio_fills_the_lep_page_from_the_project_runs(qtbot, studio, ruadapt_home, lep_runs):
    _, on, pipeline = lep_runs
    pipeline.registry_into(ruadapt_home)
    window = studio()
    window.open_project(pipeline.project)
    page = window.pages.lep
    qtbot.waitUntil(lambda: len(page.rows) == 3, timeout=30_000)
    assert page.lep.run_id == on.lep.run_id and page.calibration.run_id == on.calibration.run_id
    assert Path(page.lep.run_dir) == on.lep.run_dir
