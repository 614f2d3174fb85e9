"""The project settings editor: edits round-trip to the TOML file, bad values show where they are."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import tomli_w
from PySide6.QtCore import Qt

from core.project import load_project, project_from_dict, save_project
from core.project.schema import Project
from ruadapt_gui import stage_status as st
from ruadapt_gui.widgets.field_editors import BoolEditor, ChoiceEditor, ChoiceListEditor, FloatEditor, IntEditor
from ruadapt_gui.widgets.path_editors import PathEditor, PathListEditor, stored_path

pytest_plugins = ["conftest_gui"]  # the studio's fixtures (tests/conftest_gui.py)


def opened(qtbot, studio, path: Path):
    window = studio()
    window.open_project(path)
    qtbot.waitUntil(lambda: window.project_path == Path(path).resolve(), timeout=10_000)
    window.tabs.setCurrentWidget(window.settings_form)
    return window, window.settings_form


def save(qtbot, form):
    # Save is on once the edits validate (it stays off while a problem is shown).
    qtbot.waitUntil(form.save_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(form.saved, timeout=10_000) as blocker:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    return blocker.args[0]


def test_editors_follow_the_schema(qtbot, studio, small_project):
    _, form = opened(qtbot, studio, small_project)
    assert isinstance(form.editor("tokenizer", "vocab_size"), IntEditor)
    assert form.editor("tokenizer", "vocab_size").spin.minimum() == 256
    assert isinstance(form.editor("stage1", "learning_rate"), FloatEditor)
    assert isinstance(form.editor("tokenizer", "mode"), ChoiceEditor)
    assert isinstance(form.editor("export", "types"), ChoiceListEditor)
    assert isinstance(form.editor("models", "allow_pickle"), BoolEditor)
    assert isinstance(form.editor("models", "source"), PathEditor)
    assert isinstance(form.editor("corpus", "russian"), PathListEditor)
    assert form.editor("models", "source").toolTip().startswith("The model to adapt")
    assert form.section_list.count() == 12 and form.section_list.item(5).text() == "Stage 1: embeddings"


def test_edits_round_trip_to_the_file(qtbot, studio, small_project):
    window, form = opened(qtbot, studio, small_project)
    assert not form.save_button.isEnabled()
    form.editor("tokenizer", "vocab_size").spin.setValue(12000)
    form.editor("tokenizer", "mode").combo.setCurrentText("extend")
    form.editor("stage1", "learning_rate").spin.lineEdit().setText("3e-4")
    form.editor("models", "allow_pickle").box.setChecked(True)
    form.editor("export", "types").boxes["q4_k_m"].setChecked(True)
    form.editor("project", "name").line.setText("Переименованный проект")
    assert form.dirty and window.isWindowModified()
    saved = save(qtbot, form)

    loaded = load_project(small_project)
    assert loaded == saved
    assert loaded.tokenizer.vocab_size == 12000 and loaded.tokenizer.mode == "extend"
    assert loaded.stage1.learning_rate == 3e-4 and loaded.models.allow_pickle is True
    assert loaded.export.types == ("f16", "q8_0", "q4_k_m") and loaded.project.name == "Переименованный проект"
    assert loaded.corpus.russian == ("ru.txt",)  # untouched settings stay as written
    assert not form.dirty and not window.isWindowModified()
    qtbot.waitUntil(lambda: "Переименованный" in window.windowTitle(), timeout=5_000)


def test_an_invalid_value_shows_at_its_field_and_is_not_saved(qtbot, studio, small_project):
    _, form = opened(qtbot, studio, small_project)
    before = small_project.read_text(encoding="utf-8")
    form.editor("models", "source").line.setText("missing.gguf")
    qtbot.waitUntil(lambda: "no such file" in form.error_text("models", "source"), timeout=10_000)
    assert "problem" in form.state_label.text()

    # Save is off while a problem is shown (issue 18: it looked enabled), and says why.
    assert not form.save_button.isEnabled() and "Fix the problems" in form.save_button.toolTip()
    form.save()  # Ctrl+S still validates: it brings the problem into view and writes nothing
    form.section_list.setCurrentRow(0)
    form.save()
    qtbot.waitUntil(lambda: form.section_list.currentRow() == 1, timeout=10_000)  # Models: where it is
    assert small_project.read_text(encoding="utf-8") == before

    form.editor("models", "source").line.setText("model.gguf")
    qtbot.waitUntil(lambda: form.error_text("models", "source") == "", timeout=10_000)


def test_a_project_with_missing_files_opens_with_its_problems(qtbot, studio, tmp_path):
    (tmp_path / "ru.txt").write_text("Привет.\n\nМир.\n", encoding="utf-8")
    project = project_from_dict({"models": {"source": "gone.gguf"}, "corpus": {"russian": ["ru.txt", "lost.txt"]}})
    path = tmp_path / "project.toml"
    save_project(project, path)
    window, form = opened(qtbot, studio, path)
    assert "no such file" in form.error_text("models", "source")
    assert "lost.txt" in form.error_text("corpus", "russian")
    assert window.tabs.currentWidget() is form


def test_saving_new_settings_makes_a_finished_stage_stale(qtbot, studio, small_project):
    window, form = opened(qtbot, studio, small_project)
    window.stages.select_stage("corpus")
    with qtbot.waitSignal(window.runner.finished, timeout=120_000):
        qtbot.mouseClick(window.stages.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stages.statuses["corpus"].status == st.UP_TO_DATE, timeout=10_000)
    form.editor("corpus", "heldout_fraction").spin.setValue(0.3)
    save(qtbot, form)
    qtbot.waitUntil(lambda: window.stages.statuses["corpus"].status == st.STALE, timeout=10_000)
    assert "changed" in window.stages.detail.text()


@pytest.mark.parametrize("typed", ["-0.1", "0"])
def test_a_value_out_of_range_says_why_it_went_back(qtbot, studio, small_project, typed):
    """A negative or zero learning rate used to revert silently on leaving the field (issue 18)."""
    _, form = opened(qtbot, studio, small_project)
    spin = form.editor("stage1", "learning_rate").spin
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), typed)
    spin.editingFinished.emit()  # what leaving the field sends
    assert f"“{typed}” is not allowed here (from 1e-08 to 1)" in form.error_text("stage1", "learning_rate")
    assert "the value stays 0.0002" in form.error_text("stage1", "learning_rate")


def test_revert_forgets_edits(qtbot, studio, small_project):
    _, form = opened(qtbot, studio, small_project)
    form.editor("tokenizer", "min_frequency").spin.setValue(7)
    assert form.dirty
    qtbot.mouseClick(form.revert_button, Qt.MouseButton.LeftButton)
    assert not form.dirty and form.editor("tokenizer", "min_frequency").value() == 2


def test_a_project_with_bad_settings_opens_with_each_problem_at_its_field(qtbot, studio, small_project):
    """A hand-edited file with a bad value, a misspelt setting and an unknown section opens in the studio:
    the bad settings at their defaults, each problem shown, and saving writes a valid file."""
    raw = tomllib.loads(small_project.read_text(encoding="utf-8"))
    raw["stage1"].update(steps=-3, learning_rat=1e-4)
    raw["modles"] = {"source": "x"}
    broken = small_project.with_name("broken.toml")
    broken.write_text(tomli_w.dumps(raw), encoding="utf-8")
    window, form = opened(qtbot, studio, broken)

    assert window.tabs.currentWidget() is form and "some settings need fixing" in window.statusBar().currentMessage()
    assert form.editor("stage1", "steps").value() == Project().stage1.steps  # the default, until fixed
    # The setting named as the form names it (issue 18: errors said "stage1.steps").
    assert form.error_text("stage1", "steps") == ("Project settings → Stage 1: embeddings → Steps = -3: must be "
                                                  "between 1 and 10000000")
    assert form.error_text("stage1", "learning_rate") == ""  # a misspelt setting has no field of its own
    assert [name for name, label in form.errors.items() if not label.isHidden()] == [("stage1", "steps")]
    assert form.banner.isVisible()
    assert form.banner.text().splitlines() == [
        "unknown section 'modles'; did you mean 'models'?",
        "unknown setting 'stage1.learning_rat'; did you mean 'stage1.learning_rate'?"]
    assert form.state_label.text() == "3 problem(s) to fix before saving"
    assert form.section_list.currentItem().text() == "Stage 1: embeddings"  # the first field's section
    form.editor("stage1", "steps").spin.setValue(50)
    save(qtbot, form)
    fixed = tomllib.loads(broken.read_text(encoding="utf-8"))
    assert fixed["stage1"]["steps"] == 50 and "learning_rat" not in fixed["stage1"] and "modles" not in fixed
    assert load_project(broken).stage1.steps == 50

    # an indexed setting names its list's field; an error that names no setting goes to the banner
    form.show_problems([("corpus.russian[1]", "corpus.russian[1] = 'x': no such file"), ("", "disk full")])
    assert form.error_text("corpus", "russian") == "corpus.russian[1] = 'x': no such file"
    assert form.banner.text() == "disk full" and form.error_text("stage1", "steps") == ""
    form.show_problems([])
    assert form.banner.isHidden() and form.state_label.text() == "Saved"


def test_picked_paths_inside_the_project_are_stored_relative(tmp_path):
    (tmp_path / "data").mkdir()
    assert stored_path(str(tmp_path / "data" / "ru.txt"), tmp_path) == "data/ru.txt"
    assert stored_path("/elsewhere/ru.txt", tmp_path) == "/elsewhere/ru.txt"


def answer_close_question(window, button):
    """Close the window; press `button` in the "Unsaved settings" question it asks (a modal dialog)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen = {}

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen["buttons"] = {box.standardButton(b) for b in box.buttons()}
        seen["text"] = box.text()
        box.button(button).click()

    QTimer.singleShot(0, press)
    window.close()
    return seen


def test_quitting_with_unsaved_settings_offers_save_discard_cancel(qtbot, studio, small_project):
    from PySide6.QtWidgets import QMessageBox

    window, form = opened(qtbot, studio, small_project)
    form.editor("tokenizer", "min_frequency").spin.setValue(7)
    qtbot.waitUntil(form.save_button.isEnabled, timeout=10_000)
    Button = QMessageBox.StandardButton
    seen = answer_close_question(window, Button.Cancel)
    assert seen["buttons"] == {Button.Save, Button.Discard, Button.Cancel} and "unsaved" in seen["text"]
    assert window.isVisible() and form.dirty  # Cancel: nothing closed, nothing lost

    with qtbot.waitSignal(form.saved, timeout=10_000):
        answer_close_question(window, Button.Save)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)  # closes once the file is written
    assert load_project(small_project).tokenizer.min_frequency == 7


def test_quitting_with_settings_that_cannot_be_saved_offers_discard_or_cancel(qtbot, studio, small_project):
    from PySide6.QtWidgets import QMessageBox

    window, form = opened(qtbot, studio, small_project)
    form.editor("models", "source").line.setText("missing.gguf")
    qtbot.waitUntil(lambda: form.problem_count > 0, timeout=10_000)
    Button = QMessageBox.StandardButton
    seen = answer_close_question(window, Button.Discard)
    assert seen["buttons"] == {Button.Discard, Button.Cancel} and "problems" in seen["text"]
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    assert load_project(small_project).models.source == "model.gguf"
