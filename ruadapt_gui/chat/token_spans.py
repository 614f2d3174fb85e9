"""A text cut into its tokens for display: one span per token, except where a token boundary falls inside
a character (byte-level vocabularies split Cyrillic letters): those tokens show as one span that says
how many tokens it holds."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    text: str
    tokens: int  # tokens this span stands for (more than one: a character split across tokens)


def token_spans(text: str, pieces: list[str], piece_bytes: list[int]) -> list[Span]:
    data = text.encode("utf-8")
    if sum(piece_bytes) != len(data) or len(pieces) != len(piece_bytes):
        # The tokenizer changed the text (a leading space added, say): show its own pieces.
        return [Span(piece, 1) for piece in pieces]
    spans, start, end, count = [], 0, 0, 0
    for length in piece_bytes:
        end += length
        count += 1
        if end == len(data) or (data[end] & 0xC0) != 0x80:  # the next byte starts a character
            spans.append(Span(data[start:end].decode("utf-8"), count))
            start, count = end, 0
    return spans
