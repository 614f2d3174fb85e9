"""A text cut into the pieces a tokenizer sees, for showing token boundaries (no Qt).

Each piece is a stretch of the text and how many tokens cover it. A byte-level tokenizer can cut a
character in the middle (a Cyrillic letter is two bytes in UTF-8); its tokens then share that
character, so they are shown as one piece of two or more tokens. Text no token covers (a space a
tokenizer's offsets leave out) is a piece of zero tokens.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Piece:
    text: str
    tokens: int  # 1: one token; 2+: tokens sharing a character; 0: text between tokens


@dataclass(frozen=True)
class Tokenization:
    tokens: int
    pieces: tuple[Piece, ...]


def pieces_from_offsets(text: str, offsets: list[tuple[int, int]]) -> list[Piece]:
    """Pieces of `text` from each token's (start, end) character offsets, in token order. A token
    that covers no new character (it shares one, or has no text) joins the piece before it."""
    pieces: list[Piece] = []
    covered = 0  # characters before this are in a piece already
    waiting = 0  # tokens with no text of their own before the first piece
    for start, end in offsets:
        if end <= covered or start >= end:
            if pieces and pieces[-1].tokens:
                pieces[-1] = Piece(pieces[-1].text, pieces[-1].tokens + 1)
            else:
                waiting += 1
            continue
        if start < covered and pieces and pieces[-1].tokens:  # its first character is the last piece's
            pieces[-1] = Piece(pieces[-1].text + text[covered:end], pieces[-1].tokens + 1)
        else:
            if start > covered:
                pieces.append(Piece(text[covered:start], 0))
            pieces.append(Piece(text[max(start, covered):end], 1 + waiting))
            waiting = 0
        covered = end
    if covered < len(text):
        pieces.append(Piece(text[covered:], 0))
    return pieces


def tokenize(tokenizer, text: str) -> Tokenization:
    """`tokenizer` is a Hugging Face fast tokenizer; special tokens are not added."""
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    offsets = [tuple(o) for o in encoded["offset_mapping"]]
    return Tokenization(len(encoded["input_ids"]), tuple(pieces_from_offsets(text, offsets)))
