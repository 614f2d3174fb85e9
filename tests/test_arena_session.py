"""Annotation sessions: generation job, blind votes, copies, merge, results; bad files."""

from __future__ import annotations

import sqlite3

import pytest
from tiny_models import make_tiny_gguf

from core.arena.prompts import load_prompts
from core.arena.results import session_results, to_markdown
from core.arena.session import Session, SessionError

PROMPTS = ["Что такое токен?", "Назови столицу России.", "Как дела?"]


@pytest.fixture(scope="module")
def two_models(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("models")
    return {"original": make_tiny_gguf(tmp / "a.gguf", seed=0), "adapted": make_tiny_gguf(tmp / "b.gguf", seed=1)}


@pytest.fixture
def session_file(tmp_path, two_models):
    from test_cli import ruadapt

    (tmp_path / "prompts.txt").write_text("\n".join(PROMPTS) + "\n", encoding="utf-8")
    out = ruadapt("arena", "prepare", str(tmp_path / "prompts.txt"), "-m", f"original={two_models['original']}",
                  "-m", f"adapted={two_models['adapted']}", "-o", str(tmp_path / "s.sqlite"), "--max-tokens", "8",
                  "--n-ctx", "128", "--threads", "1")
    assert out.returncode == 0, out.stdout + out.stderr
    return tmp_path / "s.sqlite"


def test_prepare_generates_every_answer_ahead_of_time(session_file):
    s = Session.open(session_file)
    assert s.missing_answers() == [] and len(s.prompts()) == 3
    assert s.count("ann") == (0, 3)


def test_annotation_is_blind_durable_and_resumable(session_file, tmp_path):
    owner = Session.open(session_file)
    copy_path = owner.export_annotator_copy(tmp_path / "for-ann.sqlite", "ann")
    raw = copy_path.read_bytes()
    assert b"original" not in raw and b"adapted" not in raw and b".gguf" not in raw  # nothing reveals who is who
    copy = Session.open(copy_path)
    item = copy.item("ann", 1)
    assert not hasattr(item, "model") and item.vote is None
    copy.vote("ann", 1, "a", "clearer")
    copy.close()  # what a kill does: the vote is already on disk
    again = Session.open(copy_path)
    assert again.item("ann", 1).vote == "a" and again.first_open("ann") == 2
    again.vote("ann", 1, "b")  # change of mind: the last vote counts
    again.vote("ann", 2, "tie")
    again.vote("ann", 3, "both_bad")
    assert again.count("ann") == (3, 3)
    with pytest.raises(SessionError, match="does not know which model"):
        again.battles()
    again.close()
    # the same item order for an annotator, a different one (and different A/B sides) for another
    assert [Session.open(copy_path).item("ann", n).item_id for n in (1, 2, 3)] == \
           [Session.open(copy_path).item("ann", n).item_id for n in (1, 2, 3)]
    merged = owner.merge([copy_path])
    assert list(merged.values()) == [3]
    battles = owner.battles()
    assert len(battles) == 3 and {a for a, b, _ in battles} | {b for a, b, _ in battles} == {"original", "adapted"}
    results = session_results(owner, rounds=20)
    assert results["votes"] == 3 and results["annotators"] == {"ann": 3}
    assert "| original |" in to_markdown(results) or "| adapted |" in to_markdown(results)


def test_merge_refuses_another_session_and_keeps_the_good_data(session_file, tmp_path, two_models):
    other = Session.create(tmp_path / "other.sqlite", ["x"], {"a": str(two_models["original"]),
                                                            "b": str(two_models["adapted"])}, {})
    owner = Session.open(session_file)
    with pytest.raises(SessionError, match="another session"):
        owner.merge([tmp_path / "other.sqlite"])
    assert owner.battles() == []
    other.close()


def test_corrupt_or_foreign_files_are_refused_clearly(tmp_path):
    (tmp_path / "junk.sqlite").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(SessionError, match="not a readable session"):
        Session.open(tmp_path / "junk.sqlite")
    con = sqlite3.connect(tmp_path / "foreign.sqlite")
    con.execute("CREATE TABLE meta (key TEXT, value TEXT)")
    con.commit()
    con.close()
    with pytest.raises(SessionError, match="not a Ruadapt annotation session"):
        Session.open(tmp_path / "foreign.sqlite")


def test_prompt_files_report_bad_rows_and_keep_good_ones(tmp_path):
    (tmp_path / "p.jsonl").write_text('{"prompt": "один"}\nnot json\n{"other": 1}\n{"text": "два"}\n')
    got = load_prompts(tmp_path / "p.jsonl")
    assert got.prompts == ["один", "два"] and [p.split(":")[-2] for p in got.problems] == ["2", "3"]
    (tmp_path / "p.csv").write_text("id,prompt\n1,первый\n2,\n3,третий\n")
    got = load_prompts(tmp_path / "p.csv")
    assert got.prompts == ["первый", "третий"] and "p.csv:3" in got.problems[0]


def test_killing_the_annotation_process_between_votes_loses_no_cast_vote(session_file, tmp_path):
    """A real process votes and says so after each vote; it is killed with SIGKILL mid-session."""
    import signal
    import subprocess
    import sys
    from pathlib import Path

    owner = Session.open(session_file)
    copy_path = owner.export_annotator_copy(tmp_path / "copy.sqlite", "kim")
    owner.close()
    script = ("import sys, time\nfrom core.arena.session import Session\n"
              f"s = Session.open({str(copy_path)!r})\n"
              "for n, vote in enumerate(['a', 'tie'], 1):\n"
              "    s.vote('kim', n, vote)\n"
              "    print('voted', n, flush=True)\n"
              "time.sleep(600)\n")
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            cwd=Path(__file__).resolve().parents[1])
    assert proc.stdout.readline().strip() == "voted 1" and proc.stdout.readline().strip() == "voted 2"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    after = Session.open(copy_path)
    assert after.count("kim") == (2, 3)
    assert [after.item("kim", n).vote for n in (1, 2, 3)] == ["a", "tie", None]
