"""Annotator copies: written for one named annotator, and checked against that record when they come back.

The owner's session records every copy it issues (a random copy id, the annotator, the time). A copy
coming back may only add or replace that annotator's votes, on the session's own items, with the A/B
sides the session assigned, cast after the copy was issued and not in the future. Anything else
refuses the whole copy before a row of the owner's file changes: a forged or damaged copy cannot
flip the leaderboard or overwrite another annotator's votes.
"""

from __future__ import annotations

import math
import sqlite3
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from core.arena.votes import VOTES
from core.atomic_files import partial_path, remove_dead_partials
from core.errors import SessionError, UserError

if TYPE_CHECKING:
    from core.arena.session import Session

COPIES_TABLE = """CREATE TABLE IF NOT EXISTS copies (id TEXT PRIMARY KEY, annotator TEXT NOT NULL,
                  issued REAL NOT NULL, path TEXT NOT NULL)"""
CLOCK_SKEW_S = 3600.0  # an annotator's clock may be this far off the owner's
BLIND_DROPPED = ("tokens", "seconds")  # answer columns that tell the models apart (fewer tokens, faster)


def _error(what: str, where: Path | str = "", fix: str = "") -> UserError:
    return SessionError(what, where=str(where), fix=fix)


def file_role(path: Path) -> str | None:
    """The `role` a session file declares, or None for anything that is not a readable session."""
    try:
        con = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='role'").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def check_target(session: Session, target: Path, force: bool) -> None:
    """Where a copy may be written: never over the owner's file, an existing file only with force."""
    if target.resolve() == session.path.resolve():
        raise _error("this is the session itself: a copy written here would destroy the owner's file", target,
                     "choose another file name for the annotator's copy")
    if target.is_dir():
        raise _error("this is a folder, not a file", target, "give a file name, e.g. copy-for-anna.sqlite")
    if not target.exists():
        return
    if file_role(target) == "owner":
        raise _error("this file is an owner's session (it knows which model is which and holds merged votes); "
                     "it is never overwritten", target, "choose another file name for the annotator's copy")
    if not force:
        raise _error("the file already exists", target,
                     "choose another name, or replace it with --force (the studio asks first)")


def export_copy(session: Session, target: Path | str, annotator: str, force: bool = False) -> Path:
    """A blind copy for `annotator`: no model names or paths, no votes, no token counts or timings."""
    target = Path(target)
    annotator = annotator.strip()
    if not session.is_owner:
        raise _error("this is already an annotator's copy", session.path, "export copies from the owner's session")
    if not annotator:
        raise _error("a copy is issued to one annotator: their name is needed", session.path,
                     "give the annotator's name (--annotator NAME)")
    check_target(session, target, force)
    copy_id, issued = uuid.uuid4().hex, time.time()
    remove_dead_partials(target)
    tmp = partial_path(target)
    try:
        session.con.execute("VACUUM INTO ?", (str(tmp),))
        con = sqlite3.connect(tmp)
        try:
            _blind(con, copy_id, annotator, issued)
        finally:
            con.close()
        # recorded before the file gets its name: a record without a file is harmless, a copy without one is not
        session.con.execute("INSERT INTO copies VALUES (?, ?, ?, ?)", (copy_id, annotator, issued, str(target)))
        tmp.replace(target)
    except BaseException:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass  # the first error is the one to report
        raise
    return target


def _blind(con: sqlite3.Connection, copy_id: str, annotator: str, issued: float) -> None:
    con.execute("UPDATE models SET name=NULL, path=NULL, settings=NULL")
    con.execute("DELETE FROM votes")
    con.execute("DROP TABLE IF EXISTS copies")
    for column in BLIND_DROPPED:
        con.execute(f"ALTER TABLE answers DROP COLUMN {column}")
    con.execute("UPDATE meta SET value='annotator' WHERE key='role'")
    con.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [("copy_id", copy_id), ("annotator", annotator), ("issued", repr(issued))])
    con.commit()
    con.execute("VACUUM")  # no deleted pages left with names in them


def _copy_votes(other: Session) -> list[tuple]:
    try:
        return list(other.con.execute(
            "SELECT item_id, annotator, a_model, b_model, vote, comment, voted_at FROM votes"))
    except sqlite3.DatabaseError as exc:
        raise _error(f"the copy is damaged and its votes cannot be read ({exc})", other.path,
                     "ask the annotator to send the file again; nothing was merged") from None


def _summarize(problems: Counter, examples: dict[str, str]) -> str:
    return "; ".join(f"{n} vote(s) {kind} (e.g. {examples[kind]})" for kind, n in problems.most_common())


def checked_votes(session: Session, other: Session) -> list[tuple]:
    """The copy's votes if every one is allowed, else a SessionError naming what is wrong."""
    if other.path.resolve() == session.path.resolve():
        raise _error("this is the session itself, not a returned copy", other.path, "choose the annotator's copy")
    for key in ("session_id", "prompt_set"):
        if other.meta_or(key) != session.meta(key):
            raise _error(f"belongs to another session ({key} differs)", other.path,
                         "merge only copies exported from this session")
    if other.meta_or("role") != "annotator":
        raise _error("this is an owner's session, not an annotator's copy", other.path,
                     "merge the copies exported with `ruadapt arena export`")
    record = session.con.execute("SELECT annotator, issued FROM copies WHERE id=?",
                                 (other.meta_or("copy_id"),)).fetchone()
    if record is None:
        raise _error("this session never issued this copy (no record of its copy id)", other.path,
                     "merge copies exported from this session file; export a new copy for the annotator")
    annotator, issued = record
    sides = {item: _sides(session, item, annotator) for (item,) in session.con.execute("SELECT id FROM items")}
    problems, examples = Counter(), {}
    rows = _copy_votes(other)
    for row in rows:
        if (kind := _vote_problem(row, annotator, issued, sides)) is not None:
            problems[kind] += 1
            examples.setdefault(kind, repr(row[:5]))
    if problems:
        raise _error(f"refused, nothing merged: the copy was issued to {annotator!r}, but "
                     + _summarize(problems, examples), other.path,
                     "merge the file exactly as the annotator returned it; ask them for a new one if it was edited")
    return rows


def _sides(session: Session, item_id: int, annotator: str) -> tuple[str, str]:
    return session._sides(item_id, annotator)


def _vote_problem(row: tuple, annotator: str, issued: float, sides: dict) -> str | None:
    item_id, who, a, b, vote, comment, voted_at = row
    if who != annotator:
        return "by another annotator"
    if item_id not in sides:
        return "on items this session does not have"
    if (a, b) != sides[item_id]:
        return "with models the session did not show on that item"
    if vote not in VOTES or not isinstance(comment, str):
        return "with an unknown vote"
    if not isinstance(voted_at, (int, float)) or not math.isfinite(voted_at) \
            or not issued - CLOCK_SKEW_S <= voted_at <= time.time() + CLOCK_SKEW_S:
        return "with a time before the copy was issued or in the future"
    return None


def merge_copies(session: Session, paths: list[Path | str]) -> dict[str, int]:
    """Check every copy, then merge them all in one transaction: all or nothing."""
    checked: dict[str, list[tuple]] = {}
    for path in paths:
        other = type(session).open(path)  # a Session, without this module importing the one that imports it
        try:
            checked[str(other.path)] = checked_votes(session, other)
        finally:
            other.close()
    session.con.execute("BEGIN IMMEDIATE")
    try:
        for rows in checked.values():
            session.con.executemany(
                "INSERT INTO votes VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_id, annotator) DO UPDATE "
                "SET a_model=excluded.a_model, b_model=excluded.b_model, vote=excluded.vote, "
                "comment=excluded.comment, voted_at=excluded.voted_at WHERE excluded.voted_at > votes.voted_at",
                rows)
        session.con.execute("COMMIT")
    except BaseException:
        session.con.execute("ROLLBACK")
        raise
    return {path: len(rows) for path, rows in checked.items()}
