"""The chat workspace on tiny real GGUF models: both sides stream, readouts are llama.cpp's counts, and
a side that is stopped, fed a bad file or killed fails alone while the other keeps answering."""

from __future__ import annotations

import json
import os
import signal

import pytest
from tiny_models import make_tiny_gguf

from ruadapt_gui.background import Background
from ruadapt_gui.chat.chat_page import ChatPage
from ruadapt_gui.chat.chat_side import CRASHED, FAILED_TO_LOAD, READY
from ruadapt_gui.chat.conversation import DONE, FAILED, STOPPED
from ruadapt_gui.texts import number

pytest_plugins = ["conftest_gui"]  # the studio's fixtures (tests/conftest_gui.py)

LOAD_MS = 60_000


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    """Two different tiny models. At temperature 0 `endless` never meets its end-of-turn token, so it
    streams until the token budget runs out (seconds at 8k tokens): long enough to stop or kill it."""
    folder = tmp_path_factory.mktemp("chat-models")
    return {"endless": make_tiny_gguf(folder / "endless.gguf", seed=0),
            "other": make_tiny_gguf(folder / "other.gguf", seed=1)}


@pytest.fixture
def page(qtbot, qt_settings, gui_leak_guard):
    background = Background()
    page = ChatPage(background)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    yield page
    page.shutdown()
    background.shutdown()


def load(qtbot, page, *paths):
    for side, path in zip(page.sides, paths):
        side.set_path(path)
        side.load()
    qtbot.waitUntil(lambda: all(s.state in (READY, FAILED_TO_LOAD) for s in page.sides[:len(paths)]),
                    timeout=LOAD_MS)


def settings(page, max_tokens, temperature=0.0):
    page.shared.temperature.setValue(temperature)
    page.shared.max_tokens.setValue(max_tokens)


def test_both_sides_stream_and_readouts_are_llama_cpp_counts(qtbot, page, models):
    load(qtbot, page, models["endless"], models["other"])
    assert all(s.state == READY for s in page.sides)
    assert "llama" in page.sides[0].status.text()
    settings(page, 40)
    page.prompt.setPlainText("Привет! Как дела?")
    page.send_button.click()
    assert page.prompt.toPlainText() == ""
    qtbot.waitUntil(lambda: not any(s.is_busy for s in page.sides), timeout=30_000)
    for side in page.sides:
        turn = side.conversation.last
        assert turn.state == DONE
        stats = turn.stats
        assert turn.answer and len(turn.answer) == stats["chars"]
        # shown the interface language's way (12,345.6 in English, 12 345,6 in Russian)
        assert side.readouts.text("answer_tokens") == number(stats["completion_tokens"])
        assert turn.live.answer_tokens == stats["completion_tokens"]  # the live count ended where llama.cpp did
        assert side.readouts.text("prompt_tokens") == number(stats["prompt_tokens"])
        assert side.readouts.text("chars_per_token") == number(stats["chars_per_token"], 2)
        assert side.readouts.text("tokens_per_s") == number(stats["tokens_per_s"], 1)
        assert turn.answer in side.transcript.toPlainText()
    assert page.sides[0].conversation.last.stats["completion_tokens"] == 40  # no end-of-turn: the budget
    ratio = page.sides[1].readouts.ratio
    assert ratio.isVisible() and "endless" in ratio.text() and "×" in ratio.text()

    # a second turn carries the first: more prompt tokens than the first turn had
    first_prompt = page.sides[0].conversation.last.stats["prompt_tokens"]
    page.send("И ещё?")
    qtbot.waitUntil(lambda: not any(s.is_busy for s in page.sides), timeout=30_000)
    assert len(page.sides[0].conversation.turns) == 2
    assert page.sides[0].conversation.last.stats["prompt_tokens"] > first_prompt + 40


def test_stopping_one_side_leaves_the_other_streaming(qtbot, page, models):
    load(qtbot, page, models["endless"], models["endless"])
    settings(page, 8000)
    page.send("Расскажи длинную историю")
    left, right = page.sides
    # the readouts follow the stream (repainted every ~120 ms), before any `done`
    qtbot.waitUntil(lambda: left.readouts.text("answer_tokens") not in ("—", "0"), timeout=10_000)
    assert "live" in left.readouts.source.text() and left.readouts.text("ttft") != "—"
    left.stop_button.click()
    qtbot.waitUntil(lambda: not left.is_busy, timeout=10_000)
    assert left.conversation.last.state == STOPPED and "(stopped)" in left.transcript.toPlainText()
    assert right.is_busy
    tokens_then = right.conversation.last.live.answer_tokens
    qtbot.waitUntil(lambda: right.conversation.last.live.answer_tokens > tokens_then + 50, timeout=10_000)
    page.stop_all()
    qtbot.waitUntil(lambda: not right.is_busy, timeout=10_000)
    assert right.conversation.last.state == STOPPED


def write_bad_model(path, kind: str) -> None:
    if kind == "not gguf":
        path.write_bytes(b"not a model at all")
    elif kind == "truncated":
        path.write_bytes(b"GGUF\x03\x00\x00\x00trunc")
    else:  # a well-formed GGUF of an architecture llama.cpp does not know
        import gguf
        import numpy as np

        writer = gguf.GGUFWriter(path, "alienarch")
        writer.add_tensor("token_embd.weight", np.zeros((4, 8), dtype=np.float32))
        writer.write_header_to_file()
        writer.write_kv_data_to_file()
        writer.write_tensors_to_file()
        writer.close()


@pytest.mark.parametrize("kind,message", [("not gguf", "not a GGUF file"), ("truncated", "could not load"),
                                          ("unknown architecture", "architecture is one llama.cpp supports")])
def test_a_bad_file_fails_on_its_side_only(qtbot, page, models, tmp_path, kind, message):
    bad = tmp_path / "bad.gguf"
    write_bad_model(bad, kind)
    load(qtbot, page, bad, models["other"])
    left, right = page.sides
    assert left.state == FAILED_TO_LOAD and message in left.status.text()
    assert right.state == READY and "GGUF" not in right.status.text()
    settings(page, 10)
    assert page.send("Привет") == 1
    qtbot.waitUntil(lambda: not right.is_busy, timeout=30_000)
    assert right.conversation.last.state == DONE and not left.conversation.turns


def test_a_killed_worker_shows_on_its_side_while_the_other_answers(qtbot, page, models):
    load(qtbot, page, models["endless"], models["endless"])
    settings(page, 8000)
    page.send("Привет")
    left, right = page.sides
    qtbot.waitUntil(lambda: left.conversation.last.live.answer_tokens > 5, timeout=10_000)
    os.kill(left.process.pid(), signal.SIGKILL)  # what the OOM killer does
    qtbot.waitUntil(lambda: left.state == CRASHED, timeout=10_000)
    assert "SIGKILL" in left.status.text() and left.conversation.last.state == FAILED
    assert right.is_busy and right.state == READY
    right.stop()
    qtbot.waitUntil(lambda: not right.is_busy, timeout=10_000)
    settings(page, 12)
    assert page.send("Ещё раз") == 1  # only the living side takes it
    qtbot.waitUntil(lambda: not right.is_busy, timeout=30_000)
    assert right.conversation.last.state == DONE and right.conversation.last.stats["completion_tokens"] == 12
    left.load()  # the crashed side comes back
    qtbot.waitUntil(lambda: left.state == READY, timeout=LOAD_MS)


def test_token_view_regenerate_clear_and_save(qtbot, page, models, tmp_path):
    load(qtbot, page, models["endless"], models["other"])
    settings(page, 16)
    page.system_prompt.setText("Отвечай кратко.")
    page.send("Москва — столица России")
    qtbot.waitUntil(lambda: not any(s.is_busy for s in page.sides), timeout=30_000)
    left = page.sides[0]
    page.show_tokens.setChecked(True)
    qtbot.waitUntil(lambda: all(t in left._tokens for t in ("Москва — столица России", "Отвечай кратко.")),
                    timeout=10_000)
    spans = left._tokens["Москва — столица России"]
    assert "".join(s.text for s in spans) == "Москва — столица России" and sum(s.tokens for s in spans) > 3
    assert "token" in left.transcript.toPlainText()

    first_answer = left.conversation.last.answer
    page.regenerate()
    qtbot.waitUntil(lambda: not any(s.is_busy for s in page.sides), timeout=30_000)
    assert len(left.conversation.turns) == 1 and left.conversation.last.answer == first_answer  # greedy: same

    page.save_comparison(tmp_path / "cmp")
    qtbot.waitUntil(lambda: "Saved" in page.message.text(), timeout=10_000)
    data = json.loads((tmp_path / "cmp.json").read_text(encoding="utf-8"))
    assert data["system_prompt"] == "Отвечай кратко." and data["settings"]["max_tokens"] == 16
    assert data["sides"][0]["turns"][0]["stats"]["completion_tokens"] == 16
    markdown = (tmp_path / "cmp.md").read_text(encoding="utf-8")
    assert "| endless |" in markdown and first_answer.strip()[:10] in markdown

    page.clear()
    assert not left.conversation.turns and not page.save_button.isEnabled()


def test_a_third_model_and_the_project_export_prefill(qtbot, page, models):
    third = page.add_side()
    assert len(page.sides) == 3 and third.remove_button.isVisible() and third.threads >= 1
    page.remove_side(third)
    assert len(page.sides) == 2
    page.suggest_models([models["endless"], models["other"]])
    assert page.sides[1].path_edit.text() == str(models["other"])


def test_pieces_from_llama_byte_lengths():
    from ruadapt_gui.chat.llama_pieces import pieces_from_byte_lengths
    from ruadapt_gui.token_pieces import Piece

    # "Мир!": М and и are two bytes each; a byte-level vocabulary cut "М" in half and kept "и" whole
    pieces = pieces_from_byte_lengths("Мир!", ["\ufffd", "\ufffd", "и", "р", "", "!"], [1, 1, 2, 2, 0, 1])
    assert pieces == [Piece("М", 2), Piece("и", 1), Piece("р", 1), Piece("!", 2)]
    # a tokenizer that changed the text (lengths do not add up): its own pieces, one token each
    assert pieces_from_byte_lengths("a", [" a"], [2]) == [Piece(" a", 1)]


def test_ratio_line_reads_like_the_adaptation_claim(qtbot):
    from ruadapt_gui.chat.readout_panel import ReadoutPanel
    from ruadapt_gui.chat.readouts import Readout, compare

    original = Readout(prompt_tokens=190, answer_tokens=101, chars=200, words=30, ttft_s=0.2, decode_s=2.0,
                       final=True)
    adapted = Readout(prompt_tokens=100, answer_tokens=51, chars=200, words=30, ttft_s=0.1, decode_s=0.5,
                      final=True)
    panel = ReadoutPanel()
    qtbot.addWidget(panel)
    panel.show_ratio("original", compare(original, adapted))
    text = panel.ratio_text
    assert text.startswith("Compared with original: 1.90× fewer prompt tokens, 1.98× more characters per token")
    assert "faster in characters/s" in text
    panel.show_ratio("original", compare(original, original))
    assert panel.ratio_text == ("Compared with original: as many prompt tokens, as many characters per token, "
                                "as fast in characters/s")


def test_the_ratio_colours_each_factor_by_what_it_means_for_this_side(qtbot):
    """"2.80× slower" is bad news: red, however the factor is worded; the better figures green."""
    from PySide6.QtGui import QColor, QPalette, QTextDocument

    from ruadapt_gui.chat.readout_panel import VERDICT_COLOURS, ReadoutPanel
    from ruadapt_gui.chat.readouts import Readout, compare
    from ruadapt_gui.theme import theme_colour

    original = Readout(prompt_tokens=190, answer_tokens=100, chars=200, words=30, ttft_s=0.2, decode_s=1.0,
                       final=True)
    adapted = Readout(prompt_tokens=100, answer_tokens=50, chars=200, words=30, ttft_s=0.1, decode_s=2.8,
                      final=True)
    panel = ReadoutPanel()
    qtbot.addWidget(panel)
    panel.show_ratio("original", compare(original, adapted))
    (fewer, more, slower) = panel.ratio_parts
    assert fewer == ("better", "1.90× fewer prompt tokens") and more == ("better", "2.00× more characters per token")
    assert slower[0] == "worse" and slower[1].endswith("× slower in characters/s")
    shown = panel.ratio.text()
    red, green = (theme_colour(VERDICT_COLOURS[v], panel.palette()) for v in ("worse", "better"))
    assert f"color:{red}'>{slower[1]}" in shown and f"color:{green}'>1.90× fewer" in shown
    dark = QPalette()  # a dark desktop: the dark variants, readable on a dark side
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    panel.setPalette(dark)  # repainted at once (the palette changed), not at the next answer
    assert f"color:{theme_colour('error-text', dark)}'>{slower[1]}" in panel.ratio.text()
    assert theme_colour("error-text", dark) != red
    document = QTextDocument()
    document.setHtml(shown)
    assert document.toPlainText() == panel.ratio_text  # the label reads as the plain sentence
    panel.show_reference()  # the first side: what the others are compared with
    assert panel.ratio.isVisibleTo(panel) and panel.ratio_text == "The other models are compared with this one."
    panel.clear_ratio()  # nothing answered yet: no comparison line at all
    assert not panel.ratio.isVisibleTo(panel)


def test_readouts_line_up_the_status_names_the_file_and_a_cut_answer_says_so(qtbot, english, page, models):
    load(qtbot, page, models["endless"], models["other"])
    left, right = page.sides
    # one name, the file's, in the status line as in the comparison; the GGUF's own name on hover
    assert left.status.text().startswith("endless · llama") and "Name inside the file:" in left.status.toolTip()
    assert str(models["endless"]) in left.status.toolTip()
    assert not left.readouts.ratio.isVisible() and not right.readouts.ratio.isVisible()  # nothing to compare yet
    settings(page, 12)
    page.show_tokens.setChecked(True)
    page.send("Привет! Как дела?")
    qtbot.waitUntil(lambda: not any(s.is_busy for s in page.sides), timeout=30_000)
    qtbot.waitUntil(lambda: "Привет! Как дела?" in left._tokens, timeout=10_000)
    # the endless model never meets its end-of-turn token: the answer stops at the budget, and says so
    assert left.conversation.last.cut_at == 12 and "… (cut at 12 tokens)" in left.transcript.toPlainText()
    # the message's own tokens, and why the readout's prompt count is larger
    turn_text = left.transcript.toPlainText()
    prompt_tokens = left.conversation.last.stats["prompt_tokens"]
    own = sum(p.tokens for p in left._tokens["Привет! Как дела?"])
    assert f"{own} tokens in this text" in turn_text and prompt_tokens > own
    for widget in (left.readouts.names["prompt_tokens"], left.readouts.values["prompt_tokens"]):
        assert "chat template" in widget.toolTip()
    assert "chat template" in left.readouts.source.text()
    # the first side says it is the reference; the other compares; their rows sit at the same height
    assert left.readouts.ratio_text == "The other models are compared with this one."
    assert right.readouts.ratio_text.startswith("Compared with endless:")
    # the comparison wraps onto more lines than the reference line: the rows still sit level
    qtbot.waitUntil(lambda: right.readouts.ratio.height() > left.readouts.ratio.height(), timeout=5_000)
    for name in ("prompt_tokens", "tokens_per_s"):
        assert left.readouts.values[name].mapTo(page, left.readouts.values[name].rect().topLeft()).y() == \
            right.readouts.values[name].mapTo(page, right.readouts.values[name].rect().topLeft()).y()
    assert left.readouts.mapTo(page, left.readouts.rect().topLeft()).y() == \
        right.readouts.mapTo(page, right.readouts.rect().topLeft()).y()


def test_loaded_models_come_back_after_a_restart_and_the_list_offers_them(qtbot, page, models, tmp_path):
    from PySide6.QtCore import QLocale

    from ruadapt_gui.chat.chat_page import ChatPage

    load(qtbot, page, models["endless"], models["other"])
    page.shutdown()  # what closing the studio does
    background = Background()
    again = ChatPage(background)
    qtbot.addWidget(again)
    try:
        assert [s.path_edit.text() for s in again.sides] == [str(models["endless"]), str(models["other"])]
        assert all(s.state == "empty" for s in again.sides)  # nothing starts before the chat is shown
        again.load_remembered()  # the chat workspace shown
        qtbot.waitUntil(lambda: all(s.state == READY for s in again.sides), timeout=LOAD_MS)
        # the list: recent models with size and quantization (the tiny models are f32 files)
        qtbot.waitUntil(lambda: len(again.model_facts) == 2, timeout=10_000)
        side = again.sides[0]
        side.fill_model_menu()
        texts = [a.text() for a in side.model_menu.actions()]
        assert "Recently loaded" in texts and "Browse for a GGUF file…" in texts
        entry = next(a for a in side.model_menu.actions() if a.text().startswith("other.gguf"))
        size = QLocale().formattedDataSize(models["other"].stat().st_size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
        assert entry.text() == f"other.gguf — {size} · F32"
        assert entry.toolTip() == str(models["other"])
        entry.trigger()  # choosing it loads it on this side
        qtbot.waitUntil(lambda: side.state == READY and side.path_edit.text() == str(models["other"]),
                        timeout=LOAD_MS)
        # the project's exported models come first, and file dialogs start in their folder
        again.set_project(tmp_path, [models["endless"]])
        qtbot.waitUntil(lambda: models["endless"] in again.model_facts, timeout=10_000)
        headings = [heading for heading, files in again.model_choices() if files]
        assert headings == ["This project's exported models", "Recently loaded"]
        assert again.model_choices()[0][1][0].path == models["endless"]
        assert again.start_folder() == models["endless"].parent
    finally:
        again.shutdown()
        background.shutdown()


def test_a_file_that_is_no_gguf_is_refused_with_a_hint_the_chat_can_follow(qtbot, page, models, tmp_path):
    bad = tmp_path / "notes.gguf"
    bad.write_bytes(b"not a model")
    load(qtbot, page, bad)
    status = page.sides[0].status.text()
    assert "not a GGUF file" in status and "choose a .gguf model file" in status and "folder" not in status


def test_the_refusal_reads_in_russian_in_the_russian_studio(qtbot, russian, page, tmp_path):
    bad = tmp_path / "notes.gguf"
    bad.write_bytes(b"not a model")
    load(qtbot, page, bad)
    status = page.sides[0].status.text()
    assert "Не удалось загрузить модель" in status and "это не файл GGUF" in status
    assert "выберите файл модели .gguf" in status and "How to fix" not in status


def test_readouts_and_ratios_write_numbers_the_russian_way(qtbot):
    from PySide6.QtCore import QLocale

    from ruadapt_gui.chat.readout_panel import ReadoutPanel
    from ruadapt_gui.chat.readouts import Readout, compare

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    try:
        original = Readout(prompt_tokens=1900, answer_tokens=100, chars=200, words=30, ttft_s=0.25, decode_s=1.0,
                           final=True)
        adapted = Readout(prompt_tokens=1000, answer_tokens=50, chars=200, words=30, ttft_s=0.1, decode_s=0.5,
                          final=True)
        panel = ReadoutPanel()
        qtbot.addWidget(panel)
        panel.show_readout(original)
        assert panel.text("prompt_tokens") == "1\u00a0900" and panel.text("chars_per_token") == "2,00"
        assert panel.text("ttft") == "0,25 s"  # (the unit is translated with the Russian catalog)
        panel.show_ratio("original", compare(original, adapted))
        assert panel.ratio_parts[0] == ("better", "1,90× fewer prompt tokens")
    finally:
        QLocale.setDefault(previous)


def test_file_dialogs_start_in_the_open_projects_exports_not_the_working_folder(qtbot, page, tmp_path, monkeypatch):
    from pathlib import Path

    from ruadapt_gui.chat import chat_side

    starts = []
    monkeypatch.setattr(chat_side.QFileDialog, "getOpenFileName",
                        lambda _parent, _title, start, _filter: (starts.append(start), ("", ""))[1])
    side = page.sides[0]
    side.browse_button.click()  # no project, no model loaded ever: home
    exports = tmp_path / "runs" / "export" / "outputs"
    exports.mkdir(parents=True)
    page.set_project(tmp_path, [exports / "adapted-q8_0.gguf"])
    side.browse_button.click()
    side.set_path(tmp_path / "elsewhere" / "model.gguf")  # a folder that is gone: the project's again
    side.browse_button.click()
    assert starts == [str(Path.home()), str(exports), str(exports)]
    qtbot.waitUntil(lambda: not page.background.busy)  # the list's file facts were read


def test_the_transcript_follows_a_dark_palette(qtbot):
    from PySide6.QtGui import QColor, QPalette

    from ruadapt_gui.chat.conversation import Conversation, LiveCount, Turn
    from ruadapt_gui.chat.transcript import Transcript
    from ruadapt_gui.theme import theme_colour

    view = Transcript()
    qtbot.addWidget(view)
    turn = Turn("Привет", {}, LiveCount(0.0))
    turn.finish("Здравствуйте", {"finish": "length", "completion_tokens": 3})
    view.render(Conversation(turns=[turn]))
    light = theme_colour("surface", view.palette())
    assert light.lower() in view.toHtml().lower() and "cut at" in view.toPlainText()
    dark = QPalette()
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    view.setPalette(dark)
    assert theme_colour("surface", dark).lower() in view.toHtml().lower() and light.lower() not in view.toHtml().lower()
