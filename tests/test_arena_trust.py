"""Nothing lost, nothing forged: copies never overwrite the owner's file, merges take only what a copy was
issued for, copies are blind (no token counts or timings, random public ids), and ratings say what
degenerate data cannot support. Sessions here get their answers directly (no model runs)."""

from __future__ import annotations

import hashlib
import sqlite3
import time

import pytest

from core.arena.diagnostics import rating_warnings
from core.arena.ratings import bootstrap, bradley_terry, fit_bradley_terry
from core.arena.results import session_results, to_markdown
from core.arena.session import Session, SessionError

PROMPTS = ["Что такое токен?", "Назови столицу России.", "Как дела?"]
MODELS = {"original": "/models/original.gguf", "adapted": "/models/adapted.gguf"}


def owner_session(path, models=MODELS) -> Session:
    session = Session.create(path, PROMPTS, models, {"max_tokens": 8}, seed=5)
    ids = sorted(session.models())
    for prompt_id in range(1, len(PROMPTS) + 1):
        for n, model_id in enumerate(ids):
            session.add_answer(prompt_id, model_id, f"Ответ {n} на {prompt_id}", 10 + 90 * n, 0.5 + n)
    return session


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def contents(path) -> tuple:
    """What an owner's file must never lose: its model mapping, answers and votes."""
    con = sqlite3.connect(path)
    try:
        return tuple(con.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in ("models", "answers", "votes"))
    finally:
        con.close()


def voted_copy(owner: Session, path, annotator: str, votes: str = "ab") -> Session:
    owner.export_annotator_copy(path, annotator)
    copy = Session.open(path)
    for number, vote in enumerate(votes, 1):
        copy.vote(annotator, number, {"t": "tie"}.get(vote, vote))
    return copy


# ---- export: never over the owner's file, an existing file only with force --------------------

def test_export_refuses_the_session_itself_an_owner_file_a_folder_and_an_existing_copy(tmp_path):
    owner = owner_session(tmp_path / "s.sqlite")
    voted_copy(owner, tmp_path / "anna.sqlite", "anna").close()
    owner.merge([tmp_path / "anna.sqlite"])
    before = digest(tmp_path / "s.sqlite")
    with pytest.raises(SessionError, match="the session itself"):
        owner.export_annotator_copy(tmp_path / "s.sqlite", "boris", force=True)
    other_owner = owner_session(tmp_path / "other.sqlite")
    other_owner.close()
    other_before = digest(tmp_path / "other.sqlite")
    with pytest.raises(SessionError, match="owner's session"):
        owner.export_annotator_copy(tmp_path / "other.sqlite", "boris", force=True)
    with pytest.raises(SessionError, match="folder"):
        owner.export_annotator_copy(tmp_path, "boris")
    copy_before = digest(tmp_path / "anna.sqlite")
    with pytest.raises(SessionError, match="already exists.*\n.*--force"):
        owner.export_annotator_copy(tmp_path / "anna.sqlite", "boris")
    assert digest(tmp_path / "anna.sqlite") == copy_before
    assert digest(tmp_path / "s.sqlite") == before and digest(tmp_path / "other.sqlite") == other_before
    assert owner.battles() and len(owner.battles()) == 2  # the merged votes are all there
    owner.export_annotator_copy(tmp_path / "anna.sqlite", "anna", force=True)  # replacing a copy is allowed
    with pytest.raises(SessionError, match="annotator's name"):
        owner.export_annotator_copy(tmp_path / "x.sqlite", "  ")


def test_cli_export_refuses_without_force_and_exits_2(tmp_path):
    from core.cli import main

    owner_session(tmp_path / "s.sqlite").close()
    before = contents(tmp_path / "s.sqlite")
    assert main(["arena", "export", str(tmp_path / "s.sqlite"), str(tmp_path / "s.sqlite"), "-a", "anna"]) == 2
    assert main(["arena", "export", str(tmp_path / "s.sqlite"), str(tmp_path / "c.sqlite"), "-a", "anna"]) == 0
    assert main(["arena", "export", str(tmp_path / "s.sqlite"), str(tmp_path / "c.sqlite"), "-a", "anna"]) == 2
    assert main(["arena", "export", str(tmp_path / "s.sqlite"), str(tmp_path / "c.sqlite"), "-a", "anna",
                 "--force"]) == 0
    assert contents(tmp_path / "s.sqlite") == before


# ---- merge: only the issued annotator's votes, on the session's items, with sane times ----------

FORGERIES = {
    "500 invented annotators": lambda con, a, b: con.executemany(
        "INSERT INTO votes VALUES (1, ?, ?, ?, 'a', '', ?)", [(f"bot{i}", a, b, time.time()) for i in range(500)]),
    "a future timestamp": lambda con, a, b: con.execute(
        "UPDATE votes SET voted_at = ?", (time.time() + 30 * 86400,)),
    "item 999": lambda con, a, b: con.execute("UPDATE votes SET item_id = 999 WHERE rowid = 1"),
    "m1 vs m1": lambda con, a, b: con.execute("UPDATE votes SET b_model = a_model"),
    "a model m9": lambda con, a, b: con.execute("UPDATE votes SET a_model = 'm9'"),
    "another annotator's votes": lambda con, a, b: con.execute("UPDATE votes SET annotator = 'boris'"),
    "A and B swapped": lambda con, a, b: con.execute("UPDATE votes SET a_model = b_model, b_model = a_model"),
    "an unknown vote": lambda con, a, b: con.executescript(  # the table rebuilt without its CHECK first
        "CREATE TABLE v2 AS SELECT * FROM votes; DROP TABLE votes; ALTER TABLE v2 RENAME TO votes; "
        "UPDATE votes SET vote = 'a' || vote;"),
}


@pytest.mark.parametrize("forgery", list(FORGERIES))
def test_a_forged_copy_is_refused_and_the_owners_file_is_untouched(tmp_path, forgery):
    owner = owner_session(tmp_path / "s.sqlite")
    voted_copy(owner, tmp_path / "boris.sqlite", "boris", "bbb").close()
    owner.merge([tmp_path / "boris.sqlite"])
    copy = voted_copy(owner, tmp_path / "anna.sqlite", "anna", "aaa")
    a, b = copy.con.execute("SELECT a_model, b_model FROM votes LIMIT 1").fetchone()
    copy.close()
    con = sqlite3.connect(tmp_path / "anna.sqlite")
    FORGERIES[forgery](con, a, b)
    con.commit()
    con.close()
    before, board = digest(tmp_path / "s.sqlite"), session_results(owner, rounds=5)["leaderboard_bt"]
    with pytest.raises(SessionError, match="refused, nothing merged|another session|never issued"):
        owner.merge([tmp_path / "anna.sqlite"])
    assert digest(tmp_path / "s.sqlite") == before
    assert session_results(owner, rounds=5)["leaderboard_bt"] == board  # results still work, unchanged


def test_merge_refuses_the_session_itself_an_owner_file_and_a_copy_it_never_issued(tmp_path):
    owner = owner_session(tmp_path / "s.sqlite")
    voted_copy(owner, tmp_path / "anna.sqlite", "anna").close()
    con = sqlite3.connect(tmp_path / "anna.sqlite")
    con.execute("UPDATE meta SET value = 'f' || value WHERE key = 'copy_id'")  # a copy id this session never gave
    con.commit()
    con.close()
    before = digest(tmp_path / "s.sqlite")
    with pytest.raises(SessionError, match="the session itself"):
        owner.merge([tmp_path / "s.sqlite"])
    with pytest.raises(SessionError, match="never issued"):
        owner.merge([tmp_path / "anna.sqlite"])
    con = sqlite3.connect(tmp_path / "anna.sqlite")
    con.execute("UPDATE meta SET value = 'owner' WHERE key = 'role'")
    con.commit()
    con.close()
    with pytest.raises(SessionError, match="owner's session, not an annotator's copy"):
        owner.merge([tmp_path / "anna.sqlite"])
    assert digest(tmp_path / "s.sqlite") == before


def test_merge_is_all_or_nothing_across_copies(tmp_path):
    owner = owner_session(tmp_path / "s.sqlite")
    voted_copy(owner, tmp_path / "anna.sqlite", "anna").close()
    voted_copy(owner, tmp_path / "boris.sqlite", "boris").close()
    con = sqlite3.connect(tmp_path / "boris.sqlite")
    con.execute("UPDATE votes SET annotator = 'anna'")
    con.commit()
    con.close()
    with pytest.raises(SessionError, match="boris.sqlite"):
        owner.merge([tmp_path / "anna.sqlite", tmp_path / "boris.sqlite"])
    assert owner.battles() == []
    assert owner.merge([tmp_path / "anna.sqlite"]) == {str(tmp_path / "anna.sqlite"): 2}


def test_a_damaged_copy_is_refused_with_a_clear_error(tmp_path):
    from core.cli import main

    owner = owner_session(tmp_path / "s.sqlite")
    copy = voted_copy(owner, tmp_path / "anna.sqlite", "anna")
    page_size = copy.con.execute("PRAGMA page_size").fetchone()[0]
    root = copy.con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'votes'").fetchone()[0]
    copy.close()
    owner.close()
    with open(tmp_path / "anna.sqlite", "r+b") as fh:  # the votes table's page, overwritten: meta still reads
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * page_size)
    before = digest(tmp_path / "s.sqlite")
    assert main(["arena", "merge", str(tmp_path / "s.sqlite"), str(tmp_path / "anna.sqlite")]) == 2
    assert digest(tmp_path / "s.sqlite") == before


def test_a_copy_takes_votes_only_under_the_name_it_was_issued_to(tmp_path):
    owner = owner_session(tmp_path / "s.sqlite")
    owner.export_annotator_copy(tmp_path / "anna.sqlite", "anna")
    copy = Session.open(tmp_path / "anna.sqlite")
    assert copy.issued_to == "anna" and owner.issued_to is None
    with pytest.raises(SessionError, match="issued to 'anna'"):
        copy.vote("boris", 1, "a")
    with pytest.raises(SessionError, match="no item 0"):
        copy.vote("anna", 0, "a")
    copy.vote("anna", 1, "a")


# ---- blindness ----------------------------------------------------------------------------------

def test_a_copy_has_no_token_counts_or_timings(tmp_path):
    owner = owner_session(tmp_path / "s.sqlite")
    owner.export_annotator_copy(tmp_path / "c.sqlite", "anna")
    con = sqlite3.connect(tmp_path / "c.sqlite")
    columns = [row[1] for row in con.execute("PRAGMA table_info(answers)")]
    assert "tokens" not in columns and "seconds" not in columns and "text" in columns
    assert "copies" not in [r[0] for r in con.execute("SELECT name FROM sqlite_master")]  # whom else it issued
    con.close()
    assert b"/models/" not in (tmp_path / "c.sqlite").read_bytes()


def test_public_model_ids_are_drawn_at_random_per_session_not_from_the_order_or_seed(tmp_path):
    models = {"first": "a.gguf", "second": "b.gguf", "third": "c.gguf"}
    seen = set()
    for n in range(24):  # all 24 the same by chance: (1/6)^23
        session = Session.create(tmp_path / f"s{n}.sqlite", PROMPTS, models, {}, seed=0)
        seen.add(tuple(sorted((name, mid) for mid, (name, _) in session.models().items())))
        session.close()
    assert len(seen) > 1


# ---- ratings on degenerate data -----------------------------------------------------------------

# x never lost; the rest is a chain of evenly matched models (200 MM steps stopped 2.1 points short here)
UNBEATEN = [("x", "y", "a")] * 100 + [("y", "p0", "a"), ("p0", "y", "a")] + [
    battle for i in range(8) for battle in ((f"p{i}", f"p{i + 1}", "a"), (f"p{i + 1}", f"p{i}", "a"))]


def test_empty_battles_give_empty_ratings():
    assert bradley_terry([]) == {} and bootstrap([], "bt") == [] and bootstrap([], "elo") == []


def test_bradley_terry_runs_to_convergence_for_an_unbeaten_model():
    fit = fit_bradley_terry(UNBEATEN)
    assert fit.converged
    tight = bradley_terry(UNBEATEN, iterations=20_000, tol=1e-14)
    for m, r in bradley_terry(UNBEATEN).items():
        assert r == pytest.approx(tight[m], abs=0.01)


def test_warnings_name_unbeaten_winless_disconnected_and_thin_models():
    battles = [("x", "y", "a")] * 12 + [("p", "q", "a"), ("q", "p", "a")] * 3
    kinds = {w.kind: w for w in rating_warnings(battles)}
    assert kinds["unbeaten"].models == ("x",) and kinds["winless"].models == ("y",)
    assert "never compared" in kinds["disconnected"].message and set(kinds["disconnected"].models) == {"x", "y",
                                                                                                    "p", "q"}
    assert kinds["few_battles"].models == ("p", "q")
    assert [w.kind for w in rating_warnings([])] == ["no_votes"]
    healthy = [("x", "y", "a"), ("y", "x", "a")] * 10
    assert rating_warnings(healthy) == []


def test_results_carry_the_warnings_and_skip_votes_that_do_not_match_their_item(tmp_path):
    from core.cli import main

    owner = owner_session(tmp_path / "s.sqlite")
    voted_copy(owner, tmp_path / "anna.sqlite", "anna", "aaa").close()
    owner.merge([tmp_path / "anna.sqlite"])
    # what an unchecked merge used to leave behind: a vote for a model the session does not have
    owner.con.execute("INSERT INTO votes VALUES (1, 'forger', 'm9', 'm1', 'a', '', 0)")
    results = session_results(owner, rounds=5)
    assert results["votes"] == 3
    kinds = {w["kind"] for w in results["warnings"]}
    assert {"ignored_votes", "few_battles"} <= kinds
    assert "Warnings:" in to_markdown(results) and "Fewer than 10 battles" in to_markdown(results)
    owner.close()
    assert main(["arena", "results", str(tmp_path / "s.sqlite"), "--rounds", "5"]) == 0
