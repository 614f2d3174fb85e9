"""One side's conversation as rich text: the user's turns, the model's answers as they stream, and, when
asked, every text cut into its tokens (the tokenizer page's colours: tokens taking turns, a character
split across tokens in red)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from ruadapt_gui.chat.conversation import FAILED, GENERATING, STOPPED, Conversation
from ruadapt_gui.i18n import Retranslating
from ruadapt_gui.theme import theme_colour
from ruadapt_gui.token_pieces import Piece
from ruadapt_gui.widgets.token_view import pieces_html


class Transcript(Retranslating, QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcript")
        self.setOpenLinks(False)
        self._last: tuple[Conversation, dict[str, list[Piece]] | None] | None = None

    def retranslate(self) -> None:
        if self._last is not None:
            self.render(*self._last)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the desktop went dark or light: the colours follow
            self.retranslate()

    def _colour(self, name: str) -> str:
        """The light or dark variant of a style-colors.json colour, for this widget's palette."""
        return theme_colour(name, self.palette())

    def render(self, conversation: Conversation, tokens: dict[str, list[Piece]] | None = None) -> None:
        """Show the conversation; `tokens` (text → spans) switches the token view on."""
        self._last = (conversation, tokens)
        bar = self.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        parts = []
        c = self._colour
        if conversation.system.strip():
            parts.append(self._block(self.tr("System"), conversation.system, tokens, c("cancelled-bg")))
        for turn in conversation.turns:
            parts.append(self._block(self.tr("You"), turn.user, tokens, c("neutral-bg")))
            answer = turn.live.text if turn.state == GENERATING else turn.answer
            note = ""
            if turn.state == GENERATING:
                note = f"<span style='color:{c('accent')}'>▍</span>"
            elif turn.state == STOPPED:
                stopped = self.tr("(stopped)")
                note = f"<p style='color:{c('muted')}'>{html.escape(stopped)}</p>"
            elif turn.state == FAILED:
                note = f"<p style='color:{c('error-text')}'>{_text(turn.error)}</p>"
            elif turn.cut_at is not None:
                cut = self.tr("… (cut at %n token(s))", "", turn.cut_at)
                note = f"<p style='color:{c('muted')}'>{html.escape(cut)}</p>"
            spans = tokens if turn.state not in (GENERATING, FAILED) else None
            parts.append(self._block(self.tr("Model"), answer, spans, c("surface"), note))
        self.setHtml("".join(parts))
        if at_bottom:
            bar.setValue(bar.maximum())

    def _block(self, who: str, text: str, tokens: dict[str, list[Piece]] | None, background: str,
               note: str = "") -> str:
        body = _text(text)
        count = ""
        if tokens is not None and text in tokens:
            pieces = tokens[text]
            body = pieces_html(pieces)
            # this text alone: the readouts' prompt count adds the chat template, system prompt and history
            counted = self.tr("%n token(s) in this text", "", sum(p.tokens for p in pieces))
            count = f" <span style='color:{self._colour('muted')}; font-weight:normal'>· {html.escape(counted)}</span>"
        return (f"<table width='100%' cellpadding='6' style='background:{background}; margin-bottom:6px'><tr><td>"
                f"<b>{html.escape(who)}</b>{count}<div style='white-space:pre-wrap'>{body}{note}</div>"
                f"</td></tr></table>")


def _text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")

