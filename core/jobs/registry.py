"""The run registry: one SQLite table listing every run with its state, stage, times and outcome.

The run folder stays the source of truth; the registry is the index that `ruadapt status` and the
studio's runs list read. Supervisors write it, and `record_end` is the one writer of a run's end: the
registry first, then the terminal event, so whoever sees the event finds the registry agreeing; `reconcile()` repairs rows whose processes died
without a word (the machine rebooted, the supervisor was killed), so nothing shows as running forever.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

from core.errors import JobError, reraise_as_user_error
from core.jobs.events import TERMINAL, Event, Failed, Started, append_event
from core.jobs.processes import kill_tree
from core.jobs.rundir import RunDir, end_state
from core.jobs.states import JobState
from core.paths import data_home

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    run_dir TEXT NOT NULL UNIQUE,
    project TEXT NOT NULL,
    stage TEXT NOT NULL,
    key TEXT NOT NULL,
    state TEXT NOT NULL,
    created REAL NOT NULL,
    started REAL,
    ended REAL,
    outcome TEXT NOT NULL DEFAULT '',
    pid INTEGER,
    pid_created REAL
);
CREATE INDEX IF NOT EXISTS runs_by_key ON runs (stage, key, state);
"""
_START_GRACE_S = 60  # a pending run whose supervisor has not registered by then never started


@dataclass(frozen=True)
class RunRecord:
    id: str
    run_dir: str
    project: str
    stage: str
    key: str
    state: JobState
    created: float
    started: float | None
    ended: float | None
    outcome: str
    pid: int | None
    pid_created: float | None

    @property
    def run(self) -> RunDir:
        return RunDir(Path(self.run_dir))


class Registry:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else data_home() / "runs.sqlite"
        self._create()

    def _create(self) -> None:
        """Schema and WAL mode, set once per file. Switching to WAL needs a moment alone with the
        database, so processes creating it at the same time retry instead of failing."""
        for attempt in range(50):
            try:
                con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
                try:
                    if con.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                        con.execute("PRAGMA journal_mode=WAL")
                    con.executescript(_SCHEMA)
                    return
                finally:
                    con.close()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == 49:
                    reraise_as_user_error(exc, where=str(self.path))
                time.sleep(0.05 + 0.01 * attempt)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30, isolation_level=None)

    def _execute(self, sql: str, args: tuple = ()) -> list[tuple]:
        try:
            con = self._connect()
            try:
                return con.execute(sql, args).fetchall()
            finally:
                con.close()
        except sqlite3.Error as exc:  # disk full, read-only or damaged registry: say which file
            reraise_as_user_error(exc, where=str(self.path))

    def add(self, run: RunDir, project: str, stage: str, key: str) -> None:
        self._execute(
            "INSERT INTO runs (id, run_dir, project, stage, key, state, created) VALUES (?,?,?,?,?,?,?)",
            (run.id, str(run.path), project, stage, key, JobState.PENDING.value, time.time()),
        )

    def adopt(self, run: RunDir, *, run_id: str, project: str, stage: str, key: str, state: JobState,
              outcome: str, created: float, started: float | None, ended: float | None) -> RunRecord:
        """List a run that ended elsewhere (a copied, moved or shared project's folder), as it ended."""
        self._execute(
            "INSERT INTO runs (id, run_dir, project, stage, key, state, created, started, ended, outcome) "
            "VALUES (?,?,?,?,?,?,?,?,?,?)",
            (run_id, str(run.path), project, stage, key, state.value, created, started, ended, outcome))
        return self.get(run_id)

    def relocate(self, run_id: str, run_dir: Path, project: str) -> RunRecord:
        """An ended run whose folder moved (with its project): list it where it is now, under its own id."""
        self._execute("UPDATE runs SET run_dir=?, project=? WHERE id=?", (str(run_dir), project, run_id))
        return self.get(run_id)

    def run_dirs(self) -> set[str]:
        return {row[0] for row in self._execute("SELECT run_dir FROM runs")}

    def has_id(self, run_id: str) -> bool:
        return bool(self._execute("SELECT 1 FROM runs WHERE id=?", (run_id,)))

    def set_state(self, run_id: str, state: JobState, outcome: str | None = None,
                  pid: int | None = None) -> None:
        """Move a run to `state`, refusing illegal moves (a finished run stays finished)."""
        current = self.get(run_id).state
        if current != state:
            current.to(state)
        now = time.time()
        sets, args = ["state=?"], [state.value]
        if state == JobState.RUNNING:
            sets.append("started=COALESCE(started, ?)")
            args.append(now)
        if state.is_terminal:
            sets.append("ended=?")
            args.append(now)
        if outcome is not None:
            sets.append("outcome=?")
            args.append(outcome)
        if pid is not None:
            sets += ["pid=?", "pid_created=?"]
            args += [pid, psutil.Process(pid).create_time()]
        self._execute(f"UPDATE runs SET {', '.join(sets)} WHERE id=?", (*args, run_id))

    def get(self, run_id: str) -> RunRecord:
        rows = self._execute("SELECT * FROM runs WHERE id=? OR run_dir=?", (run_id, run_id))
        if not rows:
            raise JobError(f"no run named {run_id!r}", fix="see `ruadapt status` for the runs this machine knows")
        return _record(rows[0])

    def list(self, project: str | None = None, limit: int = 200) -> list[RunRecord]:
        where, args = ("WHERE project=?", (project,)) if project else ("", ())
        rows = self._execute(f"SELECT * FROM runs {where} ORDER BY created DESC LIMIT ?", (*args, limit))
        return [_record(r) for r in rows]

    def latest_done(self, stage: str, key: str, prefer: Path | None = None) -> RunRecord | None:
        """The newest finished run of `stage` with this content key whose result is still on disk; one in
        the `prefer` folder (the project's own runs) first, so a copied project builds on its own runs."""
        rows = self._execute(
            "SELECT * FROM runs WHERE stage=? AND key=? AND state=? ORDER BY ended DESC",
            (stage, key, JobState.DONE.value),
        )
        records = sorted(map(_record, rows), key=lambda r: prefer is None or Path(r.run_dir).parent != prefer)
        return next((r for r in records if r.run.result_path.is_file() and not r.run.missing_outputs()), None)

    def active_runs(self, project: str, stage: str) -> list[RunRecord]:
        """Runs of this project's stage not yet ended (pending, running, cancelling), newest first."""
        rows = self._execute(
            "SELECT * FROM runs WHERE project=? AND stage=? AND state IN (?, ?, ?) ORDER BY created DESC",
            (project, stage, JobState.PENDING.value, JobState.RUNNING.value, JobState.CANCELLING.value))
        return [_record(r) for r in rows]

    def latest_resumable(self, stage: str, key: str) -> RunRecord | None:
        """The newest run of `stage` with this key that stopped early but left a checkpoint."""
        rows = self._execute(
            "SELECT * FROM runs WHERE stage=? AND key=? AND state IN (?, ?) ORDER BY created DESC",
            (stage, key, JobState.FAILED.value, JobState.CANCELLED.value))
        return next((r for r in map(_record, rows) if (r.run.path / "checkpoint" / "latest").is_file()), None)

    def reconcile(self) -> list[RunRecord]:
        """Settle runs marked active whose supervisor is gone: from their events, or as failed."""
        active = (JobState.PENDING.value, JobState.RUNNING.value, JobState.CANCELLING.value)
        rows = self._execute(f"SELECT * FROM runs WHERE state IN {active}")
        for rec in map(_record, rows):
            if rec.pid is None:
                if time.time() - rec.created < _START_GRACE_S:
                    continue  # its supervisor is still starting
            elif _alive(rec.pid, rec.pid_created):
                continue
            run = rec.run
            if not run.path.is_dir():
                self.set_state(rec.id, JobState.FAILED, outcome="failed: its run folder is gone")
                continue
            _kill_orphaned_worker(run)
            if (state := run.state()).is_terminal:  # the end was written, the registry not told
                self.set_state(rec.id, state, outcome=outcome_of(run))
                continue
            # The worker's own last word if it left one, else: died without one.
            record_end(self, run, run.worker_end() or Failed(
                error="the job's process disappeared without reporting (machine restart or kill)",
                kind="crash", log_tail=run.log_tail()))
        return self.list()


def record_end(registry: Registry, run: RunDir, end: Event) -> JobState:
    """Write a run's end: the registry first, then the terminal event (the order readers rely on: a run
    seen to end can be built on at once). Should the registry refuse (locked for too long), the event is
    still written, and the next reconcile brings the registry in line."""
    state = end_state(end)
    try:
        registry.set_state(run.id, state, outcome=describe_end(end))
    finally:
        append_event(run.events_path, end)
    return state


def _kill_orphaned_worker(run: RunDir) -> None:
    """A worker whose supervisor died can run on unwatched (and later write an end the registry
    contradicts): stop it, so the run's end is the one recorded here."""
    for event in run.events():
        if isinstance(event, Started):
            try:
                proc = psutil.Process(event.pid)
                if str(run.path) in " ".join(proc.cmdline()):
                    kill_tree(event.pid)
            except psutil.Error:
                pass


def outcome_of(run: RunDir) -> str:
    """One line saying how a run ended (its first end event), for lists and exit messages."""
    end = next((e for e in run.events() if isinstance(e, TERMINAL)), None)
    return describe_end(end) if end is not None else ""


def describe_end(end: Event) -> str:
    if isinstance(end, Failed):
        how = f"killed by signal {end.signal}" if end.signal else end.error.splitlines()[0]
        return f"failed: {how}"
    if end.type == "cancelled":
        return "cancelled (process tree killed)" if end.forced else "cancelled"
    return end.result.get("summary", "done")


def failure_fix(run: RunDir) -> str:
    """The "How to fix: …" line a failed run's error carries (UserError.render puts it last), or ""."""
    for event in run.events():
        if isinstance(event, Failed):
            return next((line for line in event.error.splitlines() if line.startswith("How to fix:")), "")
    return ""


def _alive(pid: int, created: float | None) -> bool:
    try:
        proc = psutil.Process(pid)
        return proc.status() != psutil.STATUS_ZOMBIE and (created is None or abs(proc.create_time() - created) < 1)
    except psutil.NoSuchProcess:
        return False


def _record(row: tuple) -> RunRecord:
    rec = RunRecord(*row)
    return RunRecord(**{**rec.__dict__, "state": JobState(rec.state)})
