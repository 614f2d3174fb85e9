"""Stages run in order from the studio: Run on a stage whose inputs have not run offers to run them first
("Run up to here"), Run all stages is the first screen's main action with a time estimate and a
confirmation, and a stage that is off shows as off with a link to its setting (issue 18, majors 2 and 5)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ruadapt_gui import stage_status as st

pytest_plugins = ["conftest_gui"]


def loaded(qtbot, studio, project: Path):
    window = studio()
    window.open_project(project)
    qtbot.waitUntil(lambda: window.project_path == Path(project).resolve(), timeout=10_000)
    qtbot.waitUntil(lambda: window.stages.run_button.isEnabled() and bool(window.stages.estimate.text()), timeout=20_000)
    return window


def box(window, name: str) -> QMessageBox:
    found = [b for b in window.findChildren(QMessageBox) if b.objectName() == name and b.isVisible()]
    assert found, f"no {name} dialog"
    return found[-1]


def press(qtbot, message_box: QMessageBox, text: str) -> None:
    button = next(b for b in message_box.buttons() if b.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_run_on_a_later_stage_offers_to_run_the_earlier_ones_first(qtbot, studio, small_project, monkeypatch):
    window = loaded(qtbot, studio, small_project)
    chains = []
    monkeypatch.setattr(window.pages.chain, "start", lambda project, path, stages=None: chains.append(stages))
    window.stages.select_stage("baseline")
    qtbot.mouseClick(window.stages.run_button, Qt.MouseButton.LeftButton)
    offer = box(window, "runUpToHere")
    text = offer.text()
    # The stages it needs, named and numbered as the list shows them; no terminal command, no internal names.
    assert "1. Import source model" in text and "2. Prepare corpus" in text and "ruadapt run" not in text
    assert "Estimated time" in text
    assert not window.runner._starting  # nothing started behind the question
    press(qtbot, offer, "Run up to here")
    assert chains == [["import", "corpus", "baseline"]]


def test_run_all_stages_asks_first_with_an_estimate(qtbot, studio, small_project, monkeypatch):
    window = loaded(qtbot, studio, small_project)
    chains = []
    monkeypatch.setattr(window.pages.chain, "start", lambda project, path, stages=None: chains.append(stages))
    assert window.stages.run_all_button.isEnabled() and window.stages.run_all_button.text() == "Run all stages…"
    assert "min" in window.stages.estimate.text()
    qtbot.mouseClick(window.stages.run_all_button, Qt.MouseButton.LeftButton)
    confirm = box(window, "runAllConfirm")
    assert "11 stages" in confirm.text() and "Estimated time" in confirm.text()
    assert chains == []  # not before the user agrees
    press(qtbot, confirm, "Cancel")
    assert chains == []
    window.pages.demo_action.trigger()  # Run → Run all stages… asks too
    press(qtbot, box(window, "runAllConfirm"), "Run all stages")
    assert chains == [None]  # every stage


def test_a_stage_that_is_off_shows_as_off_with_a_link_to_its_setting(qtbot, studio, small_project):
    window = loaded(qtbot, studio, small_project)
    qtbot.waitUntil(lambda: window.stages.statuses["stage2"].disabled == "stage2", timeout=20_000)
    item = next(window.stages.tree.topLevelItem(i) for i in range(window.stages.tree.topLevelItemCount())
                if window.stages.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == "stage2")
    assert item.text(1) == "off"
    window.stages.select_stage("stage2")
    assert not window.stages.run_button.isEnabled()
    assert "Turn it on in Project settings → Stage 2: LoRA" in window.stages.detail.text()
    window.stages.detail.linkActivated.emit("stage2")  # what clicking the link sends
    assert window.tabs.currentWidget() is window.settings_form
    assert window.settings_form.pages.currentIndex() == [n for n, _ in __import__(
        "core.project.io", fromlist=["sections"]).sections()].index("stage2")
    window.stages.select_stage("stage1")  # stage 1 is on: it runs
    assert window.stages.run_button.isEnabled() and window.stages.statuses["stage1"].status == st.NOT_RUN
