"""What users expect of a desktop studio (issue 18): Help → About with the version and the docs, a run's
folder and log one click away (monitor buttons, a context menu in Runs), keyboard shortcuts to run, stop
and switch workspaces that the menus and tooltips name, and a theme that follows a dark system palette."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from core.jobs.registry import Registry
from ruadapt_gui import stage_status as st
from ruadapt_gui.main_menu import studio_version

pytest_plugins = ["conftest_gui"]
JOB_TIMEOUT_MS = 120_000


def opened(qtbot, studio, path: Path):
    window = studio()
    window.open_project(path)
    qtbot.waitUntil(lambda: window.project_path == Path(path).resolve(), timeout=10_000)
    qtbot.waitUntil(window.stages.run_button.isEnabled, timeout=10_000)
    return window


def when_shown(kind, act):
    """Call `act(widget)` on the first popup or modal dialog of `kind` to appear (they block the caller)."""
    def look() -> None:
        widget = QApplication.activePopupWidget() or QApplication.activeModalWidget()
        if isinstance(widget, kind):
            act(widget)
        else:
            QTimer.singleShot(20, look)
    QTimer.singleShot(0, look)


def opened_urls(monkeypatch) -> list[str]:
    urls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url.toLocalFile()) or True))
    return urls


def finished_corpus_run(qtbot, window) -> str:
    window.stages.select_stage("corpus")
    with qtbot.waitSignal(window.runner.finished, timeout=JOB_TIMEOUT_MS) as done:
        qtbot.mouseClick(window.stages.run_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_help_about_names_the_version_and_links_the_docs(qtbot, studio):
    window = studio()
    seen = {}

    def read(box: QMessageBox) -> None:
        seen["text"] = box.text()
        box.accept()

    when_shown(QMessageBox, read)
    window.menu.about_action.trigger()
    assert f"Ruadapt Studio {studio_version()}" in seen["text"] and "README.md" in seen["text"]
    assert window.menu.docs_action.text() == "&Documentation"


def test_the_monitor_opens_the_shown_runs_folder_and_log(qtbot, studio, small_project, monkeypatch):
    urls = opened_urls(monkeypatch)
    window = opened(qtbot, studio, small_project)
    monitor = window.monitor
    assert monitor.open_folder_button.isHidden() and monitor.state_label.isHidden()  # no run shown yet
    run_id = finished_corpus_run(qtbot, window)
    run_dir = Path(Registry().get(run_id).run_dir)
    qtbot.waitUntil(monitor.open_log_button.isEnabled, timeout=5_000)
    qtbot.mouseClick(monitor.open_folder_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(monitor.open_log_button, Qt.MouseButton.LeftButton)
    assert urls == [str(run_dir), str(run_dir / "log.txt")]


def test_a_run_in_the_runs_list_has_a_context_menu(qtbot, studio, small_project, monkeypatch):
    urls = opened_urls(monkeypatch)
    window = opened(qtbot, studio, small_project)
    run_id = finished_corpus_run(qtbot, window)
    window.tabs.setCurrentWidget(window.runs)
    qtbot.waitUntil(lambda: window.runs.model.rowCount() == 1, timeout=10_000)
    table = window.runs.table
    seen = {}

    def choose(menu: QMenu) -> None:
        seen["items"] = [a.text() for a in menu.actions()]
        next(a for a in menu.actions() if a.text() == "Open log").trigger()
        menu.close()

    when_shown(QMenu, choose)
    table.customContextMenuRequested.emit(table.visualRect(window.runs.model.index(0, 0)).center())
    assert seen["items"] == ["Show in monitor", "Open run folder", "Open log"]
    assert urls == [str(Path(Registry().get(run_id).run_dir) / "log.txt")]


def test_shortcuts_run_and_cancel_the_stage_and_switch_workspaces(qtbot, studio, small_project, hold_stage):
    hold_stage("corpus")
    window = opened(qtbot, studio, small_project)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    run_menu = [a.text() for a in window.pages.run_menu.actions()]
    assert run_menu[:2] == ["Run the selected &stage", "&Cancel the selected stage"]
    assert window.run_stage_action.shortcut().toString() == "F5"
    window.stages.select_stage("corpus")
    assert "(F5, Ctrl+Return)" in window.stages.run_button.toolTip()
    assert "(Shift+F5)" in window.stages.cancel_button.toolTip()

    with qtbot.waitSignal(window.runner.started, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.stages.statuses["corpus"].status == st.RUNNING, timeout=JOB_TIMEOUT_MS)
    qtbot.waitUntil(window.stages.cancel_button.isEnabled, timeout=10_000)
    with qtbot.waitSignal(window.runner.cancelled, timeout=JOB_TIMEOUT_MS):
        qtbot.keyClick(window, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)

    assert "(Ctrl+2)" in window.workspaces.buttons[1].toolTip()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.workspaces.current() == 1
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.workspaces.current() == 0


def test_a_dark_system_palette_gets_the_dark_style(qapp):
    from ruadapt_gui.theme import apply_theme, is_dark, style_sheet

    light = style_sheet(dark=False)
    assert "#fff5f5" in light and "@" not in light.replace("@media", "")  # every colour name filled in
    before = qapp.palette()
    try:
        dark = QPalette(before)
        for role, colour in ((QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.Base, "#17181a"),
                             (QPalette.ColorRole.WindowText, "#e8eaed"), (QPalette.ColorRole.Text, "#e8eaed")):
            dark.setColor(role, colour)
        qapp.setPalette(dark)
        assert is_dark(qapp.palette())
        apply_theme(qapp)
        assert qapp.styleSheet() == style_sheet(dark=True) != light
        assert "#fff5f5" not in qapp.styleSheet()  # the light error background is not used on a dark palette
        assert "background: #17181a" in qapp.styleSheet()  # the log pane's dark background
    finally:
        qapp.setPalette(before)
        apply_theme(qapp)
        qapp.setStyleSheet("")


def test_coloured_tokens_stay_readable_on_a_dark_palette(qapp):
    """Token backgrounds are light pastels in either theme; their text is dark ink, not the palette's (light)
    text colour, and every background keeps a WCAG contrast of at least 4.5 against it."""
    from PySide6.QtGui import QColor, QTextCursor, QTextDocument

    from ruadapt_gui.token_pieces import Piece
    from ruadapt_gui.widgets.token_view import SPLIT_COLOR, TOKEN_COLORS, TOKEN_INK, pieces_html

    def luminance(name: str) -> float:
        channels = [c / 255 for c in QColor(name).getRgb()[:3]]
        r, g, b = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    ink = luminance(TOKEN_INK)
    for background in (*TOKEN_COLORS, SPLIT_COLOR):
        assert (luminance(background) + 0.05) / (ink + 0.05) >= 4.5, background
    document = QTextDocument()
    document.setHtml(pieces_html([Piece("При", 1), Piece("вет", 1), Piece(" ", 0), Piece("ё", 2)]))
    cursor = QTextCursor(document)
    for position in (1, 4, 8):  # inside each coloured piece
        cursor.setPosition(position)
        assert cursor.charFormat().foreground().color().name() == TOKEN_INK, position
