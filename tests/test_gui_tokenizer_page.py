"""The tokenizer page: the comparison from the tokenizer stage's result, and the live box that cuts a
typed text with both tokenizers (real tokenizers of the tiny pipeline, loaded on the worker thread)."""

from __future__ import annotations

import dataclasses

import pytest
from transformers import AutoTokenizer

from ruadapt_gui.pages.tokenizer_page import TokenizerPage
from ruadapt_gui.token_pieces import Piece, pieces_from_offsets, tokenize
from ruadapt_gui.widgets.live_tokens import format_price, prompt_price
from ruadapt_gui.widgets.token_comparison import RATIO_ROW
from ruadapt_gui.widgets.token_view import SPLIT_COLOR, TOKEN_COLORS, piece_colors

pytest_plugins = ["conftest_gui", "gui_pipeline"]

TEXT = "Привет, мир! Москва — столица. The fox."
TYPED = "Русский язык: модель быстро читает текст, человек ответ. The fox."  # words of the tiny corpus


@pytest.fixture
def page(qtbot, gui_leak_guard):
    page = TokenizerPage()
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    yield page
    page.shutdown()


def rendered_backgrounds(view) -> list[tuple[str, str | None]]:
    """(text, background colour) of each stretch of the token view's document, as Qt drew it."""
    out = []
    block = view.text.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            color = fmt.background().color().name() if fmt.hasProperty(fmt.Property.BackgroundBrush) else None
            out.append((fragment.text(), color))
            it += 1
        block = block.next()
    return out


def test_pieces_cover_the_text_and_count_every_token():
    from tiny_models import train_tiny_tokenizer

    tok = train_tiny_tokenizer()
    cut = tokenize(tok, TEXT)
    assert cut.tokens == len(tok(TEXT, add_special_tokens=False)["input_ids"])
    assert "".join(p.text for p in cut.pieces) == TEXT
    assert sum(p.tokens for p in cut.pieces) == cut.tokens
    assert any(p.tokens > 1 for p in cut.pieces)  # a Cyrillic letter cut into its two bytes
    # a gap no token covers, a token sharing the previous one's character, a token with no text
    assert pieces_from_offsets("ab cd", [(0, 2), (1, 2), (3, 5), (5, 5)]) == [
        Piece("ab", 2), Piece(" ", 0), Piece("cd", 2)]
    assert pieces_from_offsets("xy", [(0, 0), (0, 2)]) == [Piece("xy", 2)]


def test_prices_keep_two_significant_digits():
    assert prompt_price(41, 1.0) == pytest.approx(41e-6)
    assert format_price(41e-6) == "$0.000041"
    assert format_price(0.041) == "$0.041"
    assert format_price(41.0) == "$41.00"
    assert format_price(0.0) == "$0"


def test_placeholder_before_the_stage_ran(page):
    page.show_result(None)
    assert page.stack.currentWidget() is page.placeholder
    assert "Run “Train tokenizer”" in page.placeholder.text()


def test_comparison_and_live_box_of_a_trained_tokenizer(qtbot, page, tiny_pipeline):
    result = tiny_pipeline.result("tokenizer")
    r = result.result
    page.show_result(result)
    assert page.stack.currentIndex() == 1
    assert page.headline.text() == f"{r['ru']['ratio']:.2f}× fewer tokens on Russian"
    assert page.table.cell_text(0, 0) == f"{r['ru']['source']['tokens']:,}"  # Russian, source tokenizer
    assert page.table.cell_text(0, 1) == f"{r['ru']['new']['tokens']:,}"
    assert page.table.cell_text(3, 1) == f"{r['ru']['new']['split_3plus_share']:.0%}"
    assert page.table.cell_text(RATIO_ROW, 1) == f"{r['ru']['ratio']:.2f}× fewer"
    assert page.table.cell_text(RATIO_ROW, 0) == ""
    assert f"{r['vocab_size']:,} tokens" in page.vocabulary.text() and "GGUF export: possible" in page.gguf.text()

    live = page.live
    qtbot.waitUntil(lambda: live.results is not None, timeout=60_000)  # loaded off the GUI thread
    for partial in ("П", "Прив", "Привет, м"):  # typing: only the last text is shown
        live.set_text(partial)
    live.set_text(TYPED)
    source = AutoTokenizer.from_pretrained(result.input_result("import").model_dir)
    new = AutoTokenizer.from_pretrained(r["tokenizer_dir"])
    expected = (len(source(TYPED, add_special_tokens=False)["input_ids"]),
                len(new(TYPED, add_special_tokens=False)["input_ids"]))
    qtbot.waitUntil(lambda: live.results is not None
                    and "".join(p.text for p in live.results[0].pieces) == TYPED, timeout=10_000)
    assert (live.results[0].tokens, live.results[1].tokens) == expected
    assert expected[1] < expected[0]  # the Russian vocabulary needs fewer tokens
    assert live.source_view.count_label.text() == f"Tokens: {expected[0]}"
    assert live.new_view.count_label.text() == f"Tokens: {expected[1]}"
    assert "fewer tokens for this text" in live.summary.text()

    for view, cut in zip((live.source_view, live.new_view), live.results):
        drawn = [color for text, color in rendered_backgrounds(view) for _ in text]  # one per character
        assert drawn == [color for piece, color in zip(cut.pieces, piece_colors(cut.pieces)) for _ in piece.text]
        token_colors = [color for piece, color in zip(cut.pieces, piece_colors(cut.pieces)) if piece.tokens]
        assert all(c == (SPLIT_COLOR if piece.tokens > 1 else c) and c in (*TOKEN_COLORS, SPLIT_COLOR)
                   for piece, c in zip([p for p in cut.pieces if p.tokens], token_colors))
        singles = [c for c in token_colors if c != SPLIT_COLOR]
        assert all(a != b for a, b in zip(singles, singles[1:]))  # neighbouring tokens never share a colour
    assert SPLIT_COLOR in piece_colors(live.results[0].pieces)  # the source cuts Cyrillic letters into bytes

    live.price.setValue(2.5)
    price = format_price(prompt_price(expected[0], 2.5))
    assert live.source_view.detail.text().startswith(f"{price} per prompt")
    assert live.new_view.detail.text().startswith(f"{format_price(prompt_price(expected[1], 2.5))} per prompt")


def test_extend_mode_shows_english_unchanged(page, tiny_pipeline):
    result = tiny_pipeline.result("tokenizer")
    r = result.result
    extended = {**r, "mode": "extend", "en": {**r["en"], "new": r["en"]["source"], "ratio": 1.0},
                "gguf_exportable": False}
    page.show_result(dataclasses.replace(result, result=extended, stale=True))
    assert page.subline.text() == "English: 1.00×, the same tokens as the source."
    assert page.table.cell_text(RATIO_ROW, 3) == "1.00× (the same)"
    assert "GGUF export: not possible" in page.gguf.text()
    assert page.stale.isVisible()


def test_a_missing_tokenizer_is_reported_not_raised(qtbot, page, tmp_path):
    page.live.set_tokenizers(tmp_path / "nothing", tmp_path / "nothing")
    qtbot.waitUntil(lambda: "Could not load the tokenizers" in page.live.state.text(), timeout=60_000)
    assert page.live.results is None
