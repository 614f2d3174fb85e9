"""A text cut into its tokens as llama.cpp tokenized it (the chat worker's `tokenize` answer), as the
studio's token pieces (ruadapt_gui.token_pieces.Piece): one piece per token, except where a token
boundary falls inside a character (byte-level vocabularies split Cyrillic letters): those tokens share
one piece that says how many they are. A token with no bytes of its own joins the next piece."""

from __future__ import annotations

from ruadapt_gui.token_pieces import Piece


def pieces_from_byte_lengths(text: str, pieces: list[str], piece_bytes: list[int]) -> list[Piece]:
    data = text.encode("utf-8")
    if sum(piece_bytes) != len(data) or len(pieces) != len(piece_bytes):
        # The tokenizer changed the text (a leading space added, say): show its own pieces.
        return [Piece(piece, 1) for piece in pieces]
    out: list[Piece] = []
    start = end = count = 0
    for length in piece_bytes:
        end += length
        count += 1
        if end > start and (end == len(data) or (data[end] & 0xC0) != 0x80):  # the next byte starts a character
            out.append(Piece(data[start:end].decode("utf-8"), count))
            start, count = end, 0
    if count and out:  # tokens with no bytes at the very end
        out[-1] = Piece(out[-1].text, out[-1].tokens + count)
    return out
