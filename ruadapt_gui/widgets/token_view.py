"""One tokenization of a text, its token boundaries coloured: each token on its own background,
the colours taking turns, a character cut into byte tokens in red; above it a heading, the token
count and a detail line (the price)."""

from __future__ import annotations

import html

from PySide6.QtCore import QSizeF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from ruadapt_gui.token_pieces import Piece, Tokenization

TOKEN_COLORS = ("#a5d8ff", "#ffd8a8", "#b2f2bb", "#eebefa", "#ffec99")  # taking turns, token by token
SPLIT_COLOR = "#ffa8a8"  # one character spread over several byte tokens
TOKEN_INK = "#212529"  # dark text on the light token backgrounds, whatever the palette's own text colour
TEXT_HEIGHT = (48, 220)  # the text box grows with its text between these heights (pixels)


def piece_colors(pieces: tuple[Piece, ...] | list[Piece]) -> list[str | None]:
    """The background of each piece: None between tokens, SPLIT_COLOR for a shared character."""
    colors: list[str | None] = []
    turn = 0
    for piece in pieces:
        if piece.tokens == 0:
            colors.append(None)
            continue
        colors.append(SPLIT_COLOR if piece.tokens > 1 else TOKEN_COLORS[turn % len(TOKEN_COLORS)])
        turn += 1
    return colors


def pieces_html(pieces: tuple[Piece, ...] | list[Piece]) -> str:
    spans = []
    for piece, color in zip(pieces, piece_colors(pieces)):
        text = html.escape(piece.text).replace("\n", "↵<br>")
        spans.append(f'<span style="background-color:{color}; color:{TOKEN_INK}">{text}</span>' if color else text)
    return f'<p style="white-space:pre-wrap; line-height:160%">{"".join(spans)}</p>'


class TokenView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(objectName="tokenViewHeading")
        self.count_label = QLabel(objectName="tokenCount")
        self.detail = QLabel(objectName="muted", wordWrap=True)
        self.text = QTextEdit(readOnly=True, objectName="tokenText")
        self.text.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._fit_height(QSizeF(0, 0))
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.text)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.tokenization: Tokenization | None = None

    def set_heading(self, text: str) -> None:
        self.heading.setText(text)

    def set_detail(self, text: str) -> None:
        self.detail.setText(text)

    def show_tokens(self, tokenization: Tokenization | None, count_text: str = "") -> None:
        self.tokenization = tokenization
        self.count_label.setText(count_text)
        self.text.setHtml(pieces_html(tokenization.pieces) if tokenization else "")

    def _fit_height(self, size: QSizeF) -> None:
        low, high = TEXT_HEIGHT
        height = round(size.height()) + 2 * self.text.frameWidth() + 2
        self.text.setFixedHeight(max(low, min(high, height)))
