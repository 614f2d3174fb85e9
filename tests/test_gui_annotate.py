"""The annotate workspace: an annotator votes by key, goes back, changes a vote, closes and resumes, and
never sees a model's name; the owner prepares a session with two tiny real models (the answer job),
resumes it, hands out a blind copy, merges copies back (a foreign one refused) and sees the leaderboard."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QWidget,
)
from tiny_models import make_tiny_gguf

from core.arena.results import session_results
from core.arena.session import Session
from core.jobs.registry import Registry
from ruadapt_gui.annotate.annotator_view import AnnotatorView
from ruadapt_gui.annotate.owner_view import OwnerView
from ruadapt_gui.annotate.results_panel import ResultsPanel
from ruadapt_gui.background import Background

pytest_plugins = ["conftest_gui"]  # the studio's fixtures (tests/conftest_gui.py)

PROMPTS = ["Что такое токен?", "Назови столицу России.", "Как дела?", "Переведи: good morning"]
SECRETS = ("alpha-secret", "omega-secret")  # model names that must never reach an annotator's eyes


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    folder = tmp_path_factory.mktemp("arena-models")
    return {SECRETS[0]: make_tiny_gguf(folder / f"{SECRETS[0]}.gguf", seed=0),
            SECRETS[1]: make_tiny_gguf(folder / f"{SECRETS[1]}.gguf", seed=1)}


def owner_session(path, models) -> Session:
    """A finished owner's session without running models: answers written directly."""
    session = Session.create(path, PROMPTS, {n: str(p) for n, p in models.items()}, {"max_tokens": 8}, seed=3)
    for prompt_id in range(1, len(PROMPTS) + 1):
        for number, model_id in enumerate(("m1", "m2")):
            session.add_answer(prompt_id, model_id, f"Ответ номер {number + 1} на вопрос {prompt_id}.", 8, 0.1)
    return session


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person can see or hover on in a window: labels, buttons, fields, tabs, tables, tooltips."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        texts += [widget.toolTip(), widget.statusTip(), widget.whatsThis(), widget.accessibleName()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts += [widget.text(), widget.placeholderText()]
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QTabBar):
            texts += [t for i in range(widget.count()) for t in (widget.tabText(i), widget.tabToolTip(i))]
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableWidget):
            texts += [widget.item(r, c).text() for r in range(widget.rowCount()) for c in range(widget.columnCount())
                      if widget.item(r, c)]
    return texts


def assert_blind(root: QWidget) -> None:
    shown = "\n".join(visible_texts(root))
    assert "Ответ номер" in shown  # the answers themselves are there
    for secret in (*SECRETS, ".gguf", "m1", "m2"):
        assert secret not in shown, f"{secret!r} is visible to the annotator"


def press(qtbot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key)


def stored_vote(path, number: int, annotator: str = "anna") -> tuple[str | None, str]:
    session = Session.open(path)
    try:
        item = session.item(annotator, number)
        return item.vote, item.comment
    finally:
        session.close()


@pytest.fixture
def view(qtbot, qt_settings, gui_leak_guard):
    views = []

    def make() -> AnnotatorView:
        v = AnnotatorView()
        qtbot.addWidget(v)
        v.resize(1000, 700)
        v.show()
        v.activateWindow()
        qtbot.waitUntil(v.isActiveWindow, timeout=5_000)  # shortcuts work in the active window
        views.append(v)
        return v

    yield make
    for v in views:
        v.shutdown()


def test_annotator_votes_by_key_goes_back_changes_and_resumes(qtbot, view, models, tmp_path):
    owner = owner_session(tmp_path / "session.sqlite", models)
    copy = owner.export_annotator_copy(tmp_path / "for-anna.sqlite", "anna")
    owner.close()
    v = view()
    assert "Enter your name" in v.message.text() and not v.vote_buttons["a"].isEnabled()
    v.name_edit.setText("anna")
    v.name_edit.editingFinished.emit()
    assert v.open_session(copy)
    assert v.item.number == 1 and v.progress.text() == "0 / 4" and v.position.text() == "Item 1 of 4"
    assert v.answer_views["a"].toPlainText() == v.item.answer_a and v.prompt_view.toPlainText() in PROMPTS

    v.setFocus()
    press(qtbot, v, Qt.Key.Key_1)  # A is better
    assert stored_vote(copy, 1) == ("a", "") and v.item.number == 2 and v.progress.text() == "1 / 4"
    press(qtbot, v, Qt.Key.Key_B)  # B is better
    assert stored_vote(copy, 2) == ("b", "") and v.item.number == 3
    press(qtbot, v, Qt.Key.Key_Left)
    assert v.item.number == 2 and v.vote_buttons["b"].isChecked()
    press(qtbot, v, Qt.Key.Key_T)  # changed my mind: a tie
    assert stored_vote(copy, 2) == ("tie", "") and v.item.number == 3
    # typing a comment does not vote ("1" and "x" go into the text), the button does
    v.comment.setFocus()
    qtbot.keyClicks(v.comment, "x1 a b t")  # QTest types ASCII only
    v.comment.insert(" неясно")
    assert stored_vote(copy, 3) == (None, "") and v.comment.text() == "x1 a b t неясно"
    v.vote_buttons["both_bad"].click()
    assert stored_vote(copy, 3) == ("both_bad", "x1 a b t неясно") and v.item.number == 4
    v.close_session()  # what closing the studio does

    again = view()
    assert again.annotator == "anna"  # the name is remembered
    again.open_session(copy)
    assert again.item.number == 4 and again.progress.text() == "3 / 4"  # resumes at the first item without a vote
    again.back()
    again.back()
    assert again.item.number == 2 and again.vote_buttons["tie"].isChecked()
    again.go_to(4)
    again.setFocus()
    press(qtbot, again, Qt.Key.Key_X)
    assert again.progress.text() == "4 / 4" and "All 4 items have a vote" in again.message.text()


def test_nothing_visible_names_a_model(qtbot, studio, models, tmp_path):
    owner = owner_session(tmp_path / "session.sqlite", models)
    copy = owner.export_annotator_copy(tmp_path / "copy.sqlite", "boris")
    owner.close()
    window = studio()
    page = window.workspaces.annotate
    page.annotator.name_edit.setText("boris")
    page.annotator.name_edit.editingFinished.emit()
    for session in (copy, tmp_path / "session.sqlite"):  # even the owner's file shows nothing in the vote view
        window.workspaces.show_annotate(session)
        assert page.annotator.session.path == session
        for _ in range(len(PROMPTS)):
            assert_blind(window)
            page.annotator.vote("a")
        assert_blind(window)


def test_a_vote_that_cannot_be_saved_says_so_and_stays(qtbot, view, models, tmp_path, monkeypatch):
    owner = owner_session(tmp_path / "session.sqlite", models)
    owner.close()
    v = view()
    v.name_edit.setText("anna")
    v.name_edit.editingFinished.emit()
    v.open_session(tmp_path / "session.sqlite")
    v.comment.setText("важно")

    def read_only(*_args):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(v.session, "vote", read_only)
    v.vote_buttons["a"].click()
    assert "Could not save the vote" in v.message.text() and v.item.number == 1 and v.comment.text() == "важно"
    assert v.progress.text() == "0 / 4"


def test_a_broken_session_file_gives_a_clear_message(qtbot, view, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not sqlite at all" * 100)
    v = view()
    assert not v.open_session(bad)
    assert "Could not open the session" in v.message.text() and v.session is None


def test_owner_prepares_resumes_shares_merges_and_scores(qtbot, qt_settings, gui_leak_guard, models, tmp_path):
    background = Background()
    owner = OwnerView(background, Registry())
    qtbot.addWidget(owner)
    owner.resize(1200, 800)
    owner.show()
    try:
        prompts = tmp_path / "prompts.txt"
        prompts.write_text("\n".join(PROMPTS[:3]) + "\n", encoding="utf-8")
        form = owner.prepare
        form.prompts.setText(str(prompts))
        form.add_model(SECRETS[0], models[SECRETS[0]])
        form.create_button.click()
        assert "at least two models" in form.problem.text()
        form.add_model(SECRETS[1], models[SECRETS[1]])
        form.max_tokens.setValue(8)
        form.n_ctx.setValue(256)
        form.threads.setValue(1)
        session_path = tmp_path / "s.sqlite"
        form.output.setText(str(session_path))
        form.create_button.click()
        panel = owner.panel
        qtbot.waitUntil(lambda: owner.run_id != "", timeout=20_000)
        qtbot.waitUntil(lambda: owner.run_id == "" and panel.summary and panel.summary.answers == 6,
                        timeout=120_000)
        assert "Answers ready" in panel.log.toPlainText() and panel.export_button.isEnabled()
        assert panel.summary.models == list(SECRETS)

        # resumable: answers that went missing are generated again, and only those
        con = sqlite3.connect(session_path)
        con.execute("DELETE FROM answers WHERE prompt_id = 3")
        con.commit()
        con.close()
        owner.refresh_summary()
        qtbot.waitUntil(lambda: panel.summary.answers == 4 and panel.generate_button.isEnabled(), timeout=10_000)
        assert not panel.export_button.isEnabled()
        panel.generate_button.click()
        qtbot.waitUntil(lambda: owner.run_id == "" and panel.summary.answers == 6, timeout=120_000)
        assert panel.log.toPlainText().count("Answers ready") == 2

        copies = []
        for annotator, votes in (("ann1", "aab"), ("ann2", "abt")):
            target = tmp_path / f"for-{annotator}.sqlite"
            owner.export_copy(target, annotator)
            qtbot.waitUntil(lambda target=target: target.is_file() and str(target) in panel.log.toPlainText(),
                            timeout=10_000)
            copy = Session.open(target)
            for number, vote in enumerate(votes, 1):
                copy.vote(annotator, number, {"t": "tie"}.get(vote, vote))
            copy.close()
            copies.append(target)
        foreign = Session.create(tmp_path / "foreign.sqlite", ["другое"], {"x": "x.gguf", "y": "y.gguf"}, {})
        foreign.close()
        not_a_session = tmp_path / "notes.sqlite"
        not_a_session.write_text("hello", encoding="utf-8")
        owner.merge_copies([copies[0], tmp_path / "foreign.sqlite", not_a_session, copies[1]])
        qtbot.waitUntil(lambda: panel.summary.annotators == {"ann1": 3, "ann2": 3}, timeout=10_000)
        log = panel.log.toPlainText()
        assert log.count("Merged 3 vote(s)") == 2 and "belongs to another session" in log
        assert "not a readable session file" in log or "not a Ruadapt annotation session" in log

        owner.tabs.setCurrentWidget(owner.results)
        owner.results.refresh_button.click()
        qtbot.waitUntil(lambda: owner.results.results is not None, timeout=60_000)
        results = owner.results
        assert results.leaderboard.rowCount() == 2 and results.pairs.rowCount() == 1
        assert {results.leaderboard.item(r, 0).text() for r in range(2)} == set(SECRETS)
        assert results.annotators.rowCount() == 2 and "Fleiss" in results.agreement.text()
        assert [r["model"] for r in results.plot.rows] == [results.leaderboard.item(r, 0).text() for r in range(2)]
        assert "6 vote(s)" in results.status.text()
        owner.export_results(tmp_path / "results")
        qtbot.waitUntil(lambda: "Wrote" in results.status.text(), timeout=10_000)
        assert all((tmp_path / f"results.{ext}").is_file() for ext in ("json", "csv", "md"))
    finally:
        owner.shutdown()
        background.shutdown()


def test_results_count_votes_in_english_and_say_when_agreement_needs_more(qtbot, english, tmp_path):
    session = owner_session(tmp_path / "s.sqlite", {"alpha": "alpha.gguf", "omega": "omega.gguf"})
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    needs_more = "Needs items voted by two or more annotators."
    try:
        session.vote("anna", 1, "a")
        panel.show_results(session_results(session, rounds=10))
        assert panel.status.text() == "1 vote in all"
        assert "Pairwise agreement n/a" in panel.agreement.text() and needs_more in panel.agreement.text()

        for number, vote in ((2, "b"), (3, "tie")):
            session.vote("anna", number, vote)
        panel.show_results(session_results(session, rounds=10))
        assert panel.status.text() == "3 votes in all" and needs_more in panel.agreement.text()

        # a second annotator on the same items: agreement is computed, and the hint goes away
        session.vote("anna", 4, "a")
        for number in range(1, 5):
            session.vote("boris", number, "tie")
        results = session_results(session, rounds=10)
        assert results["agreement"]["pairwise"] is not None
        panel.show_results(results)
        text = panel.agreement.text()
        assert panel.status.text() == "8 votes in all"
        assert f"Pairwise agreement {results['agreement']['pairwise']:.2f}" in text and "anna / boris" in text
        assert needs_more not in text and "n/a" not in text
    finally:
        session.close()


def test_the_leaderboard_says_what_degenerate_votes_cannot_support(qtbot, english, tmp_path):
    session = owner_session(tmp_path / "s.sqlite", {"alpha": "alpha.gguf", "omega": "omega.gguf"})
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.show()
    try:
        for number in range(1, len(PROMPTS) + 1):  # one annotator, always the same side: one model never loses
            a = session._sides(session._order("anna")[number - 1], "anna")[0]
            session.vote("anna", number, "a" if a == "m1" else "b")
        panel.show_results(session_results(session, rounds=10))
        text = panel.warnings.text()
        assert panel.warnings.isVisible() and "never lost" in text and "never won" in text
        assert "Fewer than 10 battles" in text
    finally:
        session.close()


def test_enter_after_the_name_hands_the_keys_to_the_votes(qtbot, view, models, tmp_path):
    owner = owner_session(tmp_path / "session.sqlite", models)
    owner.close()
    v = view()
    assert not v.progress.isVisible() and not v.progress_label.isVisible()  # no "Voted 0 / 1" before a session
    v.open_session(tmp_path / "session.sqlite")
    assert not v.progress.isVisible()  # a session, but no name yet: nothing to count
    v.name_edit.setFocus()
    qtbot.keyClicks(v.name_edit, "anna")
    qtbot.keyClick(v.name_edit, Qt.Key.Key_Return)
    assert v.item is not None and v.progress.isVisible() and v.progress.text() == "0 / 4"
    focused = QApplication.focusWidget()
    assert focused is not v.name_edit
    qtbot.keyClick(focused, Qt.Key.Key_2)  # B is better, not "anna2"
    assert v.name_edit.text() == "anna" and stored_vote(tmp_path / "session.sqlite", 1) == ("b", "")


def test_identical_answers_are_flagged_to_the_annotator_and_the_owner(qtbot, view, qt_settings, models, tmp_path):
    session = Session.create(tmp_path / "s.sqlite", PROMPTS[:2], {n: str(p) for n, p in models.items()},
                             {"max_tokens": 8}, seed=3)
    for model_id in ("m1", "m2"):  # prompt 1: both models answer the same; prompt 2: they differ
        session.add_answer(1, model_id, "Токен — это кусок текста." + (" " if model_id == "m2" else ""), 8, 0.1)
        session.add_answer(2, model_id, f"Москва ({model_id}).", 4, 0.1)
    session.close()
    v = view()
    v.name_edit.setText("anna")
    v.name_edit.editingFinished.emit()
    v.open_session(tmp_path / "s.sqlite")
    flagged = {}
    for number in (1, 2):
        v.go_to(number)
        flagged[v.item.prompt] = v.identical_note.isVisible()
    assert flagged == {PROMPTS[0]: True, PROMPTS[1]: False}
    assert "“Tie”" in v.identical_note.text() and "“Both bad”" in v.identical_note.text()

    from ruadapt_gui.annotate.session_panel import SessionPanel
    from ruadapt_gui.annotate.session_tasks import summarize

    panel = SessionPanel()
    qtbot.addWidget(panel)
    summary = summarize(tmp_path / "s.sqlite")
    assert summary.identical == 1
    panel.show_summary(summary)
    assert "pair(s) with identical answers" in panel.values["answers"].text() \
        or "pair with identical answers" in panel.values["answers"].text()


def test_the_thank_you_says_where_the_file_is_and_to_send_it_back(qtbot, view, models, tmp_path, monkeypatch):
    owner = owner_session(tmp_path / "session.sqlite", models)
    copy = owner.export_annotator_copy(tmp_path / "for-anna.sqlite", "anna")
    owner.close()
    opened = []
    monkeypatch.setattr("ruadapt_gui.annotate.annotator_view.open_path", opened.append)
    v = view()
    v.open_session(copy)
    assert not v.show_file_button.isVisible()
    for _ in PROMPTS:
        v.vote("tie")
    text = v.message.text()
    assert "Thank you" in text and str(copy) in text and "send this file back to the session owner" in text
    assert v.show_file_button.isVisible()
    v.show_file_button.click()
    assert opened == [copy.resolve().parent]
    v.back()  # still finished while going back to change a vote
    assert "Thank you" in v.message.text() and v.show_file_button.isVisible()


def test_the_results_say_how_few_votes_they_rest_on_and_how_both_bad_counts(qtbot, english, tmp_path):
    session = owner_session(tmp_path / "s.sqlite", {"alpha": "alpha.gguf", "omega": "omega.gguf"})
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.show()
    try:
        # before any results: a sentence where the plot will be, not empty axes
        assert panel.plot_stack.currentWidget() is panel.plot_placeholder
        assert "Compute results" in panel.plot_placeholder.text()
        for number, vote in ((1, "a"), (2, "b")):  # two votes: a rating, and a warning that it means little
            session.vote("anna", number, vote)
        panel.show_results(session_results(session, rounds=10))
        assert panel.leaderboard.rowCount() == 2 and panel.plot.isVisible()
        assert panel.warnings.isVisible() and "Fewer than 10 battles for alpha (2), omega (2)" in panel.warnings.text()
        # "both bad" is half a win each way: said under the pairs, and on the columns it changes
        assert panel.scoring.isVisible() and "“both bad” each count as half a win" in panel.scoring.text()
        for table, column in ((panel.pairs, 4), (panel.pairs, 5), (panel.leaderboard, 1)):
            assert table.horizontalHeaderItem(column).toolTip() == panel.scoring.text()
        panel.show_results(None)
        assert panel.plot_stack.currentWidget() is panel.plot_placeholder
    finally:
        session.close()


def test_the_leaderboard_warnings_are_in_russian_in_the_russian_studio(qtbot, russian, tmp_path):
    session = owner_session(tmp_path / "s.sqlite", {"alpha": "alpha.gguf", "omega": "omega.gguf"})
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    try:
        session.vote("anna", 1, "a")
        panel.show_results(session_results(session, rounds=10))
        text = panel.warnings.text()
        assert "Меньше 10 сравнений: alpha (1), omega (1)" in text and "Ни разу не проиграли" in text
        assert "battle" not in text
    finally:
        session.close()


def test_the_prepare_forms_dialogs_start_by_the_files_it_has_or_the_recent_models(qtbot, qt_settings, models,
                                                                                    tmp_path):
    from pathlib import Path

    from ruadapt_gui.annotate.prepare_form import PrepareForm
    from ruadapt_gui.studio_settings import StudioSettings

    form = PrepareForm()
    qtbot.addWidget(form)
    assert form._start_folder() == str(Path.home())  # nothing known: home, not the working folder
    StudioSettings().remember_model(models[SECRETS[0]])  # a model the chat loaded
    assert form._start_folder() == str(models[SECRETS[0]].resolve().parent)
    prompts = tmp_path / "prompts.txt"
    prompts.write_text("Привет\n", encoding="utf-8")
    form.prompts.setText(str(prompts))
    assert form._start_folder(form.prompts.text()) == str(tmp_path)


def test_the_leaderboard_writes_its_numbers_the_russian_way(qtbot, russian, tmp_path):
    session = owner_session(tmp_path / "s.sqlite", {"alpha": "alpha.gguf", "omega": "omega.gguf"})
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    try:
        for number, vote in ((1, "a"), (2, "b"), (3, "a")):
            session.vote("anna", number, vote)
        results = session_results(session, rounds=10)
        panel.show_results(results)
        best = results["leaderboard_bt"][0]
        assert best["rating"] >= 1000  # an arena scale: four digits, so the grouping shows
        cell = panel.leaderboard.item(0, 1).text()
        assert cell == f"{round(best['rating']):,}".replace(",", "\u00a0"), cell  # 1 0xx, not 1,0xx
    finally:
        session.close()
