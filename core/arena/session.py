"""An annotation session: one SQLite file holding prompts, answers, the pairs to judge and the votes.

The owner's copy knows which model is which; the copies handed to annotators do not (model names,
paths, token counts and timings are removed; models are only "m1", "m2", …, numbered at random per
session, not in the order they were given). Which model is shown as A is drawn per item and
per annotator from the session seed and recorded with the vote. Every vote is committed (synchronous,
rollback journal) before the next item is shown: killing the app loses no vote already cast.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import time
import uuid
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from core.arena.copies import COPIES_TABLE
from core.arena.votes import VOTES
from core.errors import SessionError

FORMAT, VERSION = "ruadapt-annotation", 1

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE prompts (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
CREATE TABLE models (id TEXT PRIMARY KEY, name TEXT, path TEXT, settings TEXT);
CREATE TABLE answers (prompt_id INTEGER NOT NULL REFERENCES prompts(id), model_id TEXT NOT NULL REFERENCES models(id),
                      text TEXT NOT NULL, tokens INTEGER, seconds REAL, PRIMARY KEY (prompt_id, model_id));
CREATE TABLE items (id INTEGER PRIMARY KEY, prompt_id INTEGER NOT NULL REFERENCES prompts(id),
                    model_x TEXT NOT NULL, model_y TEXT NOT NULL);
CREATE TABLE votes (item_id INTEGER NOT NULL REFERENCES items(id), annotator TEXT NOT NULL,
                    a_model TEXT NOT NULL, b_model TEXT NOT NULL,
                    vote TEXT NOT NULL CHECK (vote IN ('a', 'b', 'tie', 'both_bad')),
                    comment TEXT NOT NULL DEFAULT '', voted_at REAL NOT NULL, PRIMARY KEY (item_id, annotator));
""" + COPIES_TABLE + ";"


# Votes whose two models are the item's two models, both known: the only ones ratings may use.
_VALID_VOTES = ("SELECT v.a_model, v.b_model, v.vote FROM votes v JOIN items i ON i.id = v.item_id "
                "WHERE v.a_model != v.b_model AND v.a_model IN (i.model_x, i.model_y) "
                "AND v.b_model IN (i.model_x, i.model_y) AND v.vote IN ('a', 'b', 'tie', 'both_bad')")


@dataclass(frozen=True)
class BlindItem:
    """What an annotator sees: no model ids, names or paths."""
    number: int          # 1-based position in this annotator's order
    item_id: int
    prompt: str
    answer_a: str
    answer_b: str
    vote: str | None
    comment: str

    @property
    def identical(self) -> bool:
        """Both answers say the same (surrounding spaces aside): only "tie" or "both bad" fit."""
        return self.answer_a.strip() == self.answer_b.strip()


def prompt_set_hash(prompts: list[str]) -> str:
    return hashlib.sha256("\x1e".join(prompts).encode()).hexdigest()[:16]


class Session:
    def __init__(self, path: Path, con: sqlite3.Connection) -> None:
        self.path, self.con = path, con

    # ---- files -------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path | str, prompts: list[str], models: dict[str, str], settings: dict,
               seed: int = 0) -> Session:
        path = Path(path)
        if path.exists():
            raise SessionError("a file already exists here", where=str(path), fix="choose a new file name")
        if len(models) < 2:
            raise SessionError("a session needs at least two models", where="models", fix="add another model")
        tmp = path.with_name(path.name + ".partial")
        tmp.unlink(missing_ok=True)
        con = sqlite3.connect(tmp)
        con.executescript(_SCHEMA)
        meta = {"format": FORMAT, "version": str(VERSION), "session_id": uuid.uuid4().hex, "seed": str(seed),
                "created": str(time.time()), "role": "owner", "prompt_set": prompt_set_hash(prompts),
                "settings": json.dumps(settings)}
        con.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        con.executemany("INSERT INTO prompts (id, text) VALUES (?, ?)", enumerate(prompts, 1))
        # Public ids drawn at random (not from the seed, which copies carry): m1 is not the first -m model.
        numbers = random.SystemRandom().sample(range(1, len(models) + 1), len(models))
        ids = {name: f"m{k}" for name, k in zip(models, numbers)}
        con.executemany("INSERT INTO models VALUES (?, ?, ?, ?)",  # in id order: row order tells nothing
                        sorted((ids[n], n, str(p), json.dumps(settings)) for n, p in models.items()))
        pairs = list(combinations(sorted(ids.values()), 2))
        con.executemany("INSERT INTO items (prompt_id, model_x, model_y) VALUES (?, ?, ?)",
                        [(pid, x, y) for pid in range(1, len(prompts) + 1) for x, y in pairs])
        con.commit()
        con.close()
        tmp.rename(path)  # a half-created session never looks finished
        return cls.open(path)

    @classmethod
    def open(cls, path: Path | str) -> Session:
        path = Path(path)
        if not path.is_file():
            raise SessionError("the session file does not exist", where=str(path), fix="check the path")
        try:
            con = sqlite3.connect(path, isolation_level=None)
            con.execute("PRAGMA journal_mode=DELETE")
            con.execute("PRAGMA synchronous=FULL")
            meta = dict(con.execute("SELECT key, value FROM meta"))
            if meta.get("format") == FORMAT and meta.get("role") == "owner" and not con.execute(
                    "SELECT 1 FROM sqlite_master WHERE name='copies'").fetchone():
                con.execute(COPIES_TABLE)  # sessions made before copies were recorded
        except sqlite3.DatabaseError as exc:
            raise SessionError(f"not a readable session file ({exc})", where=str(path),
                               fix="ask the session owner for a new copy") from None
        if meta.get("format") != FORMAT:
            raise SessionError("this SQLite file is not a Ruadapt annotation session", where=str(path),
                               fix="open a file made by `ruadapt arena prepare` or the studio")
        if int(meta.get("version", 0)) > VERSION:
            raise SessionError(f"the session was made by a newer Ruadapt (format {meta['version']})",
                               where=str(path), fix="update Ruadapt Studio")
        return cls(path, con)

    def close(self) -> None:
        self.con.close()

    def meta(self, key: str) -> str:
        return self.con.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()[0]

    def meta_or(self, key: str, default: str | None = None) -> str | None:
        row = self.con.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    @property
    def issued_to(self) -> str | None:
        """The annotator an annotator's copy was issued to (None for the owner's file, or an old copy)."""
        return None if self.is_owner else self.meta_or("annotator")

    @property
    def is_owner(self) -> bool:
        return self.meta("role") == "owner"

    # ---- answers (generated ahead of time by a job) ------------------------------------------
    def models(self) -> dict[str, tuple[str | None, str | None]]:
        return {mid: (name, path) for mid, name, path in self.con.execute("SELECT id, name, path FROM models")}

    def prompts(self) -> list[tuple[int, str]]:
        return list(self.con.execute("SELECT id, text FROM prompts ORDER BY id"))

    def missing_answers(self) -> list[tuple[int, str]]:
        """(prompt id, model id) still to generate; a resumed job starts here."""
        return list(self.con.execute(
            "SELECT p.id, m.id FROM prompts p CROSS JOIN models m "
            "WHERE NOT EXISTS (SELECT 1 FROM answers a WHERE a.prompt_id=p.id AND a.model_id=m.id) "
            "ORDER BY m.id, p.id"))

    def add_answer(self, prompt_id: int, model_id: str, text: str, tokens: int, seconds: float) -> None:
        self.con.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?)",
                         (prompt_id, model_id, text, tokens, seconds))

    # ---- annotation (blind) -------------------------------------------------------------------
    def _order(self, annotator: str) -> list[int]:
        ids = [i for (i,) in self.con.execute(
            "SELECT id FROM items WHERE prompt_id IN (SELECT prompt_id FROM answers "
            "GROUP BY prompt_id HAVING COUNT(*) = (SELECT COUNT(*) FROM models)) ORDER BY id")]
        random.Random(f"{self.meta('seed')}/{annotator}").shuffle(ids)
        return ids

    def _sides(self, item_id: int, annotator: str) -> tuple[str, str]:
        x, y = self.con.execute("SELECT model_x, model_y FROM items WHERE id=?", (item_id,)).fetchone()
        swap = random.Random(f"{self.meta('seed')}/{annotator}/{item_id}").random() < 0.5
        return (y, x) if swap else (x, y)

    def count(self, annotator: str) -> tuple[int, int]:
        total = len(self._order(annotator))
        done = self.con.execute("SELECT COUNT(*) FROM votes WHERE annotator=?", (annotator,)).fetchone()[0]
        return done, total

    def _numbered(self, annotator: str, number: int) -> tuple[int, str, str]:
        """The item an annotator sees as `number` (1-based, in their own order), and its sides A and B."""
        order = self._order(annotator)
        if not 1 <= number <= len(order):
            raise SessionError(f"no item {number}", where=str(self.path), fix=f"choose 1–{len(order)}")
        item_id = order[number - 1]
        return (item_id, *self._sides(item_id, annotator))

    def item(self, annotator: str, number: int) -> BlindItem:
        item_id, a, b = self._numbered(annotator, number)
        prompt_id, prompt = self.con.execute(
            "SELECT p.id, p.text FROM items i JOIN prompts p ON p.id=i.prompt_id WHERE i.id=?", (item_id,)).fetchone()
        answer = dict(self.con.execute("SELECT model_id, text FROM answers WHERE prompt_id=?", (prompt_id,)))
        vote = self.con.execute("SELECT vote, comment FROM votes WHERE item_id=? AND annotator=?",
                                (item_id, annotator)).fetchone()
        return BlindItem(number, item_id, prompt, answer[a], answer[b], vote[0] if vote else None,
                         vote[1] if vote else "")

    def first_open(self, annotator: str) -> int:
        """Where an annotator resumes: the first item without a vote (or the last one)."""
        voted = {i for (i,) in self.con.execute("SELECT item_id FROM votes WHERE annotator=?", (annotator,))}
        order = self._order(annotator)
        return next((n for n, i in enumerate(order, 1) if i not in voted), len(order))

    def vote(self, annotator: str, number: int, vote: str, comment: str = "") -> None:
        if vote not in VOTES:
            raise SessionError(f"unknown vote {vote!r}", fix=f"one of {', '.join(VOTES)}")
        if not annotator.strip():
            raise SessionError("an annotator name is needed", fix="enter your name")
        if self.issued_to and annotator != self.issued_to:
            raise SessionError(f"this copy was issued to {self.issued_to!r}; votes under another name would be "
                               "refused at merge", where=str(self.path),
                               fix="vote under the name the copy was issued to, or ask the owner for your own copy")
        item_id, a, b = self._numbered(annotator, number)
        self.con.execute("INSERT OR REPLACE INTO votes VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (item_id, annotator, a, b, vote, comment, time.time()))

    # ---- owner: copies, merge, reveal --------------------------------------------------------
    def export_annotator_copy(self, target: Path | str, annotator: str, force: bool = False) -> Path:
        """A copy to hand to `annotator`: nothing in it says which model is which (see core.arena.copies)."""
        from core.arena.copies import export_copy

        return export_copy(self, target, annotator, force)

    def merge(self, others: list[Path | str]) -> dict[str, int]:
        """Take the votes of annotators' copies. The same item voted twice by one annotator counts once:
        the later vote wins. A copy of another session, one this session never issued, or with votes it
        may not carry is refused, and nothing is merged."""
        from core.arena.copies import merge_copies

        return merge_copies(self, others)

    def battles(self) -> list[tuple[str, str, str]]:
        """(model A name, model B name, vote) per vote: only the owner's copy can reveal this."""
        if not self.is_owner:
            raise SessionError("this is an annotator's copy: it does not know which model is which",
                               where=str(self.path), fix="open the owner's session file")
        names = {mid: name for mid, (name, _) in self.models().items()}
        return [(names[a], names[b], v) for a, b, v in self.con.execute(_VALID_VOTES)]

    def invalid_votes(self) -> int:
        """Votes that do not match their item (left by a forged copy merged before merges were checked)."""
        total = self.con.execute("SELECT COUNT(*) FROM votes").fetchone()[0]
        return total - len(self.con.execute(_VALID_VOTES).fetchall())

    def votes_by_annotator(self) -> dict[str, dict[str, str]]:
        """annotator → item → vote, with A/B mapped back to the item's fixed order (for agreement)."""
        out: dict[str, dict[str, str]] = {}
        for item_id, annotator, a, _b, vote, x in self.con.execute(
                "SELECT v.item_id, v.annotator, v.a_model, v.b_model, v.vote, i.model_x FROM votes v "
                "JOIN items i ON i.id = v.item_id"):
            if vote in ("a", "b") and a != x:
                vote = "b" if vote == "a" else "a"
            out.setdefault(annotator, {})[str(item_id)] = vote
        return out

    def identical_items(self) -> int:
        """Items whose two models gave the same answer (surrounding spaces aside): nothing to choose between."""
        return self.con.execute(
            "SELECT COUNT(*) FROM items i JOIN answers x ON x.prompt_id = i.prompt_id AND x.model_id = i.model_x "
            "JOIN answers y ON y.prompt_id = i.prompt_id AND y.model_id = i.model_y "
            "WHERE trim(x.text) = trim(y.text)").fetchone()[0]

    def answer_lengths(self) -> dict[str, list[int]]:
        names = {mid: name or mid for mid, (name, _) in self.models().items()}
        out: dict[str, list[int]] = {}
        for mid, text in self.con.execute("SELECT model_id, text FROM answers"):
            out.setdefault(names[mid], []).append(len(text))
        return out
