"""The votes an annotator can cast on a pair, for the session that records them and for the copies that
bring them back (one tuple, so neither module needs the other for it)."""

from __future__ import annotations

VOTES = ("a", "b", "tie", "both_bad")  # A is better, B is better, as good as each other, both bad
