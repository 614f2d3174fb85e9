"""Errors the user can fix. Anything else is a bug and keeps its traceback."""

from __future__ import annotations

import errno
import re
from pathlib import Path


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


class SessionError(UserError):
    """An annotation session file that cannot be used as asked."""


class SystemConditionError(UserError):
    """An ordinary condition of the machine (disk full, read-only folder, a folder where a file belongs)."""


# errno -> (what, how to fix): conditions a user fixes, never bugs
_OS_CONDITIONS = {
    errno.ENOSPC: ("the disk is full", "free space on that disk, or choose a folder on another disk, and run again "
                   "(nothing half-written was kept)"),
    errno.EDQUOT: ("the disk quota is used up", "free space in your quota and run again"),
    errno.EROFS: ("this place is read-only", "choose a folder you can write to"),
    errno.EACCES: ("permission denied", "choose a file or folder you may write to, or fix its permissions"),
    errno.EPERM: ("operation not permitted", "choose a file or folder you own"),
    errno.EISDIR: ("this is a folder, where a file is expected", "give the path of a file (inside it, perhaps)"),
    errno.ENOTDIR: ("a file is in the way where a folder is expected", "give the path of a folder, or move the file"),
    errno.EEXIST: ("this already exists (a file where a folder is expected?)",
                   "give the path of a folder, or move the file out of the way"),
    errno.ENAMETOOLONG: ("the path is too long", "choose a shorter path"),
}
# sqlite3 reports conditions by message, not errno
_SQLITE_CONDITIONS = (
    ("disk is full", errno.ENOSPC),
    ("readonly database", errno.EROFS),
    ("unable to open database file", errno.EACCES),
)


_SHORT_WRITE = re.compile(r"\d+ requested and \d+ written")


def user_error_from(exc: BaseException, where: str = "") -> UserError | None:
    """The UserError an ordinary OS or SQLite condition means, or None for anything else (a bug)."""
    import sqlite3

    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        code = next((c for pattern, c in _SQLITE_CONDITIONS if pattern in text), None)
        if code is None and isinstance(exc, sqlite3.DatabaseError) and (
                "not a database" in text or "malformed" in text):
            return SystemConditionError(f"the database file is damaged ({text})", where=where,
                                        fix="restore it from a backup, or move it aside to start a new one")
        if code is None:
            return None
        what, fix = _OS_CONDITIONS[code]
        return SystemConditionError(what, where=where, fix=fix)
    code = exc.errno if isinstance(exc, OSError) else None
    if isinstance(exc, OSError) and code is None and _SHORT_WRITE.search(str(exc)):
        code = errno.ENOSPC  # numpy's tofile reports a full disk as a short write, without an errno
    if isinstance(exc, OSError) and code in _OS_CONDITIONS:
        what, fix = _OS_CONDITIONS[code]
        place = where or exc.filename or ""
        if ".partial" in Path(str(place)).name:  # a hidden partial name means nothing to the user: its folder
            place = Path(str(place)).parent
        return SystemConditionError(what, where=str(place), fix=fix)
    return None


def reraise_as_user_error(exc: BaseException, where: str = "") -> None:
    """Inside an `except`: raise the UserError `exc` means (from it), or `exc` itself, unchanged, if a bug."""
    error = user_error_from(exc, where)
    if error is None or error is exc:
        raise exc
    raise error from exc
