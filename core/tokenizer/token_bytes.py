"""The bytes a vocabulary entry stands for, read by its tokenizer's kind."""

from __future__ import annotations

import re

SPM_BYTE = re.compile(r"<0x([0-9A-Fa-f]{2})>")


def _byte_level_alphabet() -> dict[str, int]:
    """GPT-2's byte-level alphabet: the character that stands for each byte in a token's spelling."""
    shown = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    moved = [b for b in range(256) if b not in shown]
    return {**{chr(b): b for b in shown}, **{chr(256 + k): b for k, b in enumerate(moved)}}


_ALPHABET = _byte_level_alphabet()


def token_bytes(token: str, byte_level: bool) -> bytes:
    """The bytes a vocabulary entry stands for: in a byte-level BPE its spelling ("Ð¸" → D0 B8; a
    special token keeps its own text), else a SentencePiece byte token ("<0xD0>") or the text itself
    (▁ as a space): there "Ð" is the letter Eth, not a byte."""
    if byte_level and all(c in _ALPHABET for c in token):
        return bytes(_ALPHABET[c] for c in token)
    if not byte_level and (m := SPM_BYTE.fullmatch(token)):
        return bytes([int(m[1], 16)])
    return token.replace("▁", " ").encode()
