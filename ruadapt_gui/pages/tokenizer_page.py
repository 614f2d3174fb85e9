"""The tokenizer page: what the new vocabulary saves on held-out Russian and English (a headline, the
comparison table, mode, size and whether llama.cpp can use it), and a live box to try both
tokenizers on any text. Before the tokenizer stage has run it says how to get there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.stages.results import TokenizerResult
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.stage_results import StageResult
from ruadapt_gui.texts import stage_label
from ruadapt_gui.widgets.live_tokens import LiveTokens
from ruadapt_gui.widgets.placeholder_stack import fill_page
from ruadapt_gui.widgets.token_comparison import SAME, TokenComparisonTable


class TokenizerPage(Retranslating, QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: StageResult | None = None
        self._build()
        self.retranslate()

    def _build(self) -> None:
        self.placeholder = QLabel(objectName="placeholder", wordWrap=True,
                                  alignment=Qt.AlignmentFlag.AlignCenter)
        self.headline = QLabel(objectName="headline", wordWrap=True)
        self.subline = QLabel(wordWrap=True)
        self.stale = QLabel(objectName="staleBanner", wordWrap=True)
        self.vocabulary = QLabel(objectName="muted", wordWrap=True)
        self.gguf = QLabel(objectName="ggufNote", wordWrap=True)
        self.table_heading = QLabel(objectName="sectionHeading")
        self.table = TokenComparisonTable()
        self.measured_on = QLabel(objectName="muted", wordWrap=True)
        self.live_heading = QLabel(objectName="sectionHeading")
        self.live = LiveTokens()

        body = QWidget()
        layout = QVBoxLayout(body)
        for widget in (self.stale, self.headline, self.subline, self.vocabulary, self.gguf, self.table_heading,
                       self.table, self.measured_on, self.live_heading):
            layout.addWidget(widget)
        layout.addWidget(self.live, 1)
        self.stack = fill_page(self, self.placeholder, body)

    def retranslate(self) -> None:
        self.placeholder.setText(self.tr(
            "Run “{stage}” to see how many tokens the new vocabulary saves on held-out Russian and English, "
            "and to try both tokenizers on your own text.").format(stage=stage_label("tokenizer")))
        self.table_heading.setText(self.tr("On held-out text"))
        self.live_heading.setText(self.tr("Try it"))
        self.stale.setText(self.tr("These results are from an earlier run: the tokenizer's settings or inputs "
                                   "changed since. Run “{stage}” again to update them.")
                           .format(stage=stage_label("tokenizer")))
        self._paint()


    def show_result(self, result: StageResult | None) -> None:
        """The tokenizer stage's finished run (None: not run yet)."""
        if result == self.result:
            return
        self.result = result
        if result is not None:
            self.live.set_tokenizers(result.input_result("import").model_dir, result.typed.tokenizer_dir)
        self._paint()

    def _paint(self) -> None:
        if self.result is None:
            self.stack.show_body(False)
            return
        self.stack.show_body(True)
        r = self.result.typed
        self.stale.setVisible(self.result.stale)
        self.headline.setText(self._headline(r))
        self.subline.setText(self._english_line(r))
        self.subline.setVisible(bool(self.subline.text()))
        self.vocabulary.setText(self.tr(
            "Mode: {mode} · {algorithm} · {size:,} tokens (the source has {source:,}) · {added:,} added, "
            "{kept:,} kept, {skipped:,} skipped").format(
            mode=r.mode, algorithm=r.algorithm.upper(), size=r.vocab_size, source=r.source_vocab_size,
            added=r.added, kept=r.kept, skipped=r.skipped))
        self.gguf.setProperty("ok", r.gguf_exportable)
        self.gguf.setText(self.tr("GGUF export: possible, llama.cpp reproduces this tokenizer.")
                          if r.gguf_exportable else
                          self.tr("GGUF export: not possible, llama.cpp cannot reproduce this tokenizer.") + "\n"
                          + engine_text(r.gguf_note))
        self.gguf.style().polish(self.gguf)
        self.table.show_report(r.comparisons())
        self.measured_on.setText(self._measured_on(r))

    def _headline(self, r: TokenizerResult) -> str:
        if not r.ru:
            return self.tr("No held-out Russian text to measure on.")
        ratio = r.ru.ratio
        if ratio >= 1:
            return self.tr("{ratio:.2f}× fewer tokens on Russian").format(ratio=ratio)
        return self.tr("{ratio:.2f}× more tokens on Russian").format(ratio=1 / ratio)

    def _english_line(self, r: TokenizerResult) -> str:
        if not r.en:
            return ""
        ratio = r.en.ratio
        if abs(ratio - 1) < SAME:
            return self.tr("English: 1.00×, the same tokens as the source.")
        if ratio > 1:
            return self.tr("English: {ratio:.2f}× fewer tokens.").format(ratio=ratio)
        line = self.tr("English: {ratio:.2f}× more tokens.").format(ratio=1 / ratio)
        if r.mode == "replace":
            line += " " + self.tr("A replacing vocabulary is trained on Russian only; extend mode keeps the "
                                  "source's English tokens.")
        return line

    def _measured_on(self, r: TokenizerResult) -> str:
        parts = []
        if r.ru:
            parts.append(self.tr("{chars:,} characters of Russian ({words:,} words)").format(
                chars=r.ru.source.chars, words=r.ru.source.words))
        if r.en:
            parts.append(self.tr("{chars:,} characters of English ({words:,} words)").format(
                chars=r.en.source.chars, words=r.en.source.words))
        return self.tr("Measured on held-out text the tokenizer never saw: {texts}.").format(texts="; ".join(parts))

    def shutdown(self) -> None:
        self.live.shutdown()
