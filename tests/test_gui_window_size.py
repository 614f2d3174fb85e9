"""The studio fits a 1280×720 screen in English and in Russian, with every workspace shown and three chat
models, and never opens larger than the screen (issue 18, major 1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from ruadapt_gui.window_fit import SMALLEST_SCREEN, available_area

pytest_plugins = ["conftest_gui"]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_minimum_size_fits_1280_by_720(qtbot, studio, language):
    window = studio()
    window.set_language(language)
    window.workspaces.chat.add_side()  # a third model must not push Send off-screen
    for index in range(3):
        window.workspaces.show_workspace(index)
        qtbot.wait(10)
        need = window.minimumSizeHint()
        assert need.width() <= SMALLEST_SCREEN.width() and need.height() <= SMALLEST_SCREEN.height(), (
            language, index, need)
    window.workspaces.show_workspace(1)
    window.resize(SMALLEST_SCREEN)
    qtbot.wait(10)
    chat = window.workspaces.chat
    send = chat.send_button
    assert send.isVisible() and send.mapTo(window, send.rect().bottomRight()).x() <= window.width()
    # The sampling labels keep their whole text ("Температура", not "Температ").
    for label in chat.shared.labels:
        assert label.width() >= label.sizeHint().width(), label.text()


def test_the_window_never_opens_larger_than_the_screen(qtbot, studio, qt_settings):
    from ruadapt_gui.main_window import MainWindow

    first = studio()
    first.resize(QSize(5000, 3000))  # as a bigger monitor left it
    first.close()
    window = MainWindow()
    qtbot.addWidget(window)
    try:
        area = available_area(window)
        assert window.width() <= area.width() and window.height() <= area.height()
    finally:
        window.shutdown()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_two_answered_chat_sides_fit_a_1366_screen_without_scrolling_sideways(qtbot, studio, language):
    """The readouts' notes wrap: a long line under the figures once widened each side past the screen."""
    from ruadapt_gui.chat.readouts import Readout

    window = studio()
    window.set_language(language)
    window.workspaces.show_workspace(1)
    window.resize(QSize(1366, 740))
    chat = window.workspaces.chat
    done = Readout(prompt_tokens=67, answer_tokens=120, chars=152, words=22, ttft_s=0.36, decode_s=3.2, final=True)
    first, second = chat.sides[:2]
    first.readouts.show_readout(done)
    first.readouts.show_reference()
    second.readouts.show_readout(done)
    qtbot.wait(10)
    bar = chat.sides_area.horizontalScrollBar()
    assert bar.maximum() == 0, (language, chat.sides_area.widget().minimumSizeHint().width())
