"""Errors the user can fix. Anything else is a bug and keeps its traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix: the message says what, where, and how."""

    def __init__(self, what: str, *, where: str = "", fix: str = "") -> None:
        self.what, self.where, self.fix = what, where, fix
        super().__init__(self.render())

    def render(self) -> str:
        parts = [f"{self.where}: {self.what}" if self.where else self.what]
        if self.fix:
            parts.append(f"How to fix: {self.fix}")
        return "\n".join(parts)


class ProjectError(UserError):
    """A project file that does not load or validate. `problems` lists (setting, message) pairs,
    e.g. ("stage1.steps", "stage1.steps = -3: must be between 1 and 10000000"), for forms to show
    each message next to its field."""

    def __init__(self, what: str, *, where: str = "", fix: str = "",
                 problems: list[tuple[str, str]] | None = None) -> None:
        self.problems = problems or []
        super().__init__(what, where=where, fix=fix)


class ModelError(UserError):
    """A model folder or file that cannot be used."""


class CorpusError(UserError):
    """A corpus file that cannot be read."""


class JobError(UserError):
    """A run that cannot be started, found or cancelled."""
