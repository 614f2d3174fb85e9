"""How LEP carries the adapted embeddings into the instruct model (the project's lep `mode`): one tuple that
the engine and the project schema both read. Light on purpose (no torch): loading a project imports it."""

from __future__ import annotations

MODES = ("conversion", "overlap", "swap")  # the paper's best first: P fitted on all tokens; shared only; none
