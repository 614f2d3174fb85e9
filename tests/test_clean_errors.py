"""Ordinary conditions get what, where and how to fix, with exit 2 (1 for a stage), never a traceback:
disk full (simulated by the write raising ENOSPC), read-only places, folders and files mixed up, a
closed pipe, nan settings; `run` and `status` print the How-to-fix line; long lines, trust_remote_code
and LEP pairs are handled at validate or read time."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from tiny_models import make_tiny_gguf, make_tiny_hf_model

from core.cli import main
from core.errors import ProjectError
from core.jobs.registry import Registry
from core.jobs.rundir import RunDir
from core.jobs.worker import work
from core.project import load_project, project_from_dict, save_project
from core.stages.plan import prepare_run

ROOT = Path(__file__).resolve().parents[1]


def disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture(scope="module")
def hf_model(tmp_path_factory):
    return make_tiny_hf_model(tmp_path_factory.mktemp("hf") / "model")


def failed_event(run: RunDir):
    return next(e for e in run.events() if e.type == "failed")


# ---- disk full --------------------------------------------------------------------------------

def test_disk_full_in_the_corpus_stage_fails_it_cleanly(small_project, monkeypatch, capsys):
    import builtins

    import core.stages.corpus as corpus_stage

    planned = prepare_run(load_project(small_project), small_project, "corpus", Registry())
    real_open = builtins.open
    monkeypatch.setattr(corpus_stage, "open", lambda file, mode="r", *a, **k: disk_full() if "w" in mode
                        else real_open(file, mode, *a, **k), raising=False)
    assert work(planned.run) == 1
    event = failed_event(planned.run)
    assert event.kind == "user" and "the disk is full" in event.error and "How to fix: free space" in event.error
    assert not planned.run.partial_outputs.exists()


def test_disk_full_in_an_import_fails_it_cleanly_and_leaves_no_partial_folder(tmp_path, monkeypatch):
    import core.models.gguf_import as gguf_import

    gguf = make_tiny_gguf(tmp_path / "m.gguf")
    project = project_from_dict({"models": {"source": str(gguf)}, "corpus": {"russian": [str(gguf)]}}, base=tmp_path)
    save_project(project, tmp_path / "project.toml")
    planned = prepare_run(project, tmp_path / "project.toml", "import", Registry())
    monkeypatch.setattr(gguf_import, "_convert", disk_full)
    assert work(planned.run) == 1
    assert "the disk is full" in failed_event(planned.run).error
    cache = gguf_import.data_home() / "models"
    assert not [p for p in cache.iterdir() if ".partial" in p.name]


def short_write(*_args, **_kwargs):
    raise OSError("4096 requested and 3248 written")  # what numpy's tofile says when the disk fills up


@pytest.mark.parametrize("full", [disk_full, short_write])
def test_disk_full_in_an_export_exits_2_and_leaves_nothing(hf_model, tmp_path, monkeypatch, capsys, full):
    import core.export.gguf_writer as writer

    monkeypatch.setattr(writer, "_write", full)
    assert main(["export", str(hf_model), str(tmp_path / "out.gguf"), "--no-parity"]) == 2
    err = capsys.readouterr().err
    assert "the disk is full" in err and "How to fix" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == [] or all(".partial" not in p.name for p in tmp_path.iterdir())


def test_a_full_disk_under_the_registry_exits_2_naming_it(monkeypatch, capsys):
    class FullDisk:
        def execute(self, *args):
            raise sqlite3.OperationalError("database or disk is full")

        def close(self):
            pass

    monkeypatch.setattr(Registry, "_connect", lambda self: FullDisk())
    assert main(["status"]) == 2
    err = capsys.readouterr().err
    assert "the disk is full" in err and "runs.sqlite" in err


# ---- folders, files, read-only places -----------------------------------------------------------

def test_a_folder_where_a_file_belongs_and_the_reverse(small_project, hf_model, tmp_path, capsys):
    assert main(["validate", str(small_project.parent)]) == 2
    assert "this is a folder, not a project file" in capsys.readouterr().err
    (small_project.parent / "runs-file").write_text("not a folder")
    text = small_project.read_text().replace('runs_dir = "runs"', 'runs_dir = "runs-file"')
    small_project.write_text(text)
    assert main(["validate", str(small_project)]) == 2
    assert "this is a file, not a folder" in capsys.readouterr().err
    (tmp_path / "existing").mkdir()
    assert main(["export", str(hf_model), str(tmp_path / "existing"), "--no-parity"]) == 2
    assert "this is a folder" in capsys.readouterr().err


def test_export_to_a_read_only_place_reports_that_not_the_cleanup(hf_model, tmp_path, monkeypatch, capsys):
    import core.export.gguf_writer as writer

    def read_only(*_args, **_kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(writer, "_write", read_only)
    monkeypatch.setattr(Path, "unlink", read_only)  # on a read-only disk removing the partial fails too
    assert main(["export", str(hf_model), str(tmp_path / "out.gguf"), "--no-parity"]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and "How to fix: choose a folder you can write to" in err


def test_export_refuses_to_overwrite_without_force(hf_model, tmp_path, capsys):
    out = tmp_path / "model.gguf"
    out.write_bytes(b"the user's earlier export")
    assert main(["export", str(hf_model), str(out), "--no-parity"]) == 2
    assert "already exists" in capsys.readouterr().err and out.read_bytes() == b"the user's earlier export"
    assert main(["export", str(hf_model), str(out), "--no-parity", "--force"]) == 0
    assert out.read_bytes()[:4] == b"GGUF"


def test_status_into_a_closed_pipe_is_quiet(small_project):
    read, write = os.pipe()
    os.close(read)  # `ruadapt status | head` once head has gone
    proc = subprocess.run([sys.executable, "-m", "core.cli", "status"], stdout=write, stderr=subprocess.PIPE,
                          text=True, cwd=ROOT, timeout=120)
    os.close(write)
    assert proc.returncode == 0 and "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_nan_and_infinite_settings_are_refused_at_validate():
    for value in (float("nan"), float("inf")):
        with pytest.raises(ProjectError, match="stage1.learning_rate = .*must be a finite number"):
            project_from_dict({"stage1": {"learning_rate": value}})


# ---- How to fix, printed by run and status ------------------------------------------------------

def test_run_and_status_print_the_how_to_fix_line(small_project):
    (small_project.parent / "ru.txt").write_bytes("Привет".encode("cp1251"))
    failed = subprocess.run([sys.executable, "-m", "core.cli", "run", str(small_project), "--stage", "corpus"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert failed.returncode == 1
    assert "How to fix: convert the file to UTF-8" in failed.stdout
    status = subprocess.run([sys.executable, "-m", "core.cli", "status"], capture_output=True, text=True, cwd=ROOT,
                            timeout=120)
    assert "How to fix: convert the file to UTF-8" in status.stdout


# ---- long lines, trust_remote_code, LEP pairs ---------------------------------------------------

def test_a_corpus_on_one_long_line_is_read_in_pieces_with_bounded_memory(tmp_path):
    from core.corpus import MAX_DOC_CHARS, iter_documents

    line = ("Москва стоит на реке. Люди читают книги; " * 120_000).strip()  # ~5 MB on one line
    (tmp_path / "one.txt").write_text(line + "\n\nВторой абзац.\n", encoding="utf-8")
    tracemalloc.start()
    try:
        pieces = longest = 0
        for doc in iter_documents(tmp_path / "one.txt"):
            pieces += 1
            longest = max(longest, len(doc.text))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert pieces > 100 and longest <= MAX_DOC_CHARS
    assert peak < 2_000_000, peak  # a few pieces at a time, not the 10 MB line
    joined = " ".join(d.text for d in iter_documents(tmp_path / "one.txt"))
    assert joined.split() == (line + " Второй абзац.").split()  # nothing lost or doubled at the cuts


def test_a_corpus_of_one_long_line_alone_splits_into_train_and_held_out(small_project):
    (small_project.parent / "ru.txt").write_text(("Москва стоит на реке. " * 20_000).strip() + "\n",
                                                 encoding="utf-8")
    planned = prepare_run(load_project(small_project), small_project, "corpus", Registry())
    assert work(planned.run) == 0, planned.run.log_tail()
    result = planned.run.result()
    assert result["train_ru_docs"] > 1 and result["heldout_ru_docs"] >= 1


def test_trust_remote_code_is_warned_every_time_even_for_a_known_architecture(hf_model, small_project, capsys):
    from core.models.hf_folder import inspect_model_folder

    info = inspect_model_folder(hf_model, trust_remote_code=True)
    assert any("trust_remote_code is on" in w for w in info.warnings)
    assert not any("trust_remote_code" in w for w in inspect_model_folder(hf_model).warnings)
    small_project.write_text(small_project.read_text().replace("trust_remote_code = false",
                                                               "trust_remote_code = true"))
    assert main(["validate", str(small_project)]) == 0
    assert "warning: models.trust_remote_code is on" in capsys.readouterr().err


def test_an_lep_pair_of_different_widths_is_refused_at_validate(hf_model, tmp_path):
    narrow = make_tiny_hf_model(tmp_path / "narrow", hidden=32)
    (tmp_path / "ru.txt").write_text("Текст.\n", encoding="utf-8")
    settings = {"models": {"source": str(hf_model), "instruct": str(narrow)}, "corpus": {"russian": ["ru.txt"]},
                "lep": {"enabled": True}}
    with pytest.raises(ProjectError, match="not the same network") as caught:
        project_from_dict(settings, base=tmp_path)
    assert "hidden size 32" in str(caught.value) and "hidden size 64" in str(caught.value)
    gguf = make_tiny_gguf(tmp_path / "narrow.gguf", hidden=32)  # the GGUF header says the same, cheaply
    with pytest.raises(ProjectError, match="not the same network"):
        project_from_dict({**settings, "models": {"source": str(hf_model), "instruct": str(gguf)}}, base=tmp_path)
    project_from_dict({**settings, "lep": {"enabled": False}}, base=tmp_path)  # LEP off: nothing to check
