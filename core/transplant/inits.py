"""How a new token's embedding starts (the project's transplant `init`): one tuple that the transplant and
the project schema both read. Light on purpose (no torch): loading a project imports it."""

from __future__ import annotations

INITS = ("mean", "wmean", "random")  # pieces' mean; position-weighted mean; drawn from the source's statistics
