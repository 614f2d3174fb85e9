"""The `import` stage, run in-process by the worker as the child process would run it."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest
from tiny_models import make_tiny_gguf, make_tiny_hf_model

from core.jobs.events import Cancelled, Failed, Finished, Log, Progress
from core.jobs.rundir import RunDir, write_json_atomic
from core.jobs.worker import work
from core.project.schema import Models


def _run(tmp_path, **models) -> RunDir:
    run = RunDir(tmp_path / "run")
    run.path.mkdir()
    settings = {"models": {**dataclasses.asdict(Models()), **models}}
    write_json_atomic(run.spec_path, {"stage": "import", "target": "core.stages.import_model:run", "key": "k",
                                      "settings": settings, "inputs": {}})
    work(run)
    return run


def test_a_gguf_source_is_imported_into_the_cache_with_progress(tmp_path, ruadapt_home):
    gguf_path = make_tiny_gguf(tmp_path / "tiny.gguf", "qwen2")
    run = _run(tmp_path, source=str(gguf_path))
    events = run.events()
    assert isinstance(events[-1], Finished), events[-1]
    result = run.result()
    assert result["model_dir"].startswith(str(ruadapt_home / "models"))
    assert (result["architecture"], result["vocab_size"], result["tied_embeddings"]) == ("qwen2", 384, False)
    assert result["n_parameters"] > 0 and "qwen2" in result["summary"]
    progress = [e for e in events if isinstance(e, Progress)]
    assert progress and progress[-1].done == progress[-1].total and progress[-1].unit == "tensors"


def test_a_folder_source_is_checked_in_place_and_pickle_warnings_are_logged(tmp_path):
    import torch
    from safetensors.torch import load_file

    folder = make_tiny_hf_model(tmp_path / "hf", "qwen3")
    run = _run(tmp_path, source=str(folder))
    assert run.result()["model_dir"] == str(folder) and run.result()["architecture"] == "qwen3"

    torch.save(load_file(folder / "model.safetensors"), folder / "pytorch_model.bin")
    (folder / "model.safetensors").unlink()
    second = tmp_path / "second"
    second.mkdir()
    failed = _run(second, source=str(folder)).events()[-1]
    assert isinstance(failed, Failed) and failed.kind == "user" and "allow_pickle" in failed.error
    third = tmp_path / "third"
    third.mkdir()
    events = _run(third, source=str(folder), allow_pickle=True).events()
    assert isinstance(events[-1], Finished)
    assert any(isinstance(e, Log) and e.level == "warning" and "pickle" in e.message for e in events)


@pytest.mark.parametrize("source", ["", "missing.gguf"])
def test_a_missing_source_fails_as_a_user_error(tmp_path, source):
    failed = _run(tmp_path, source=str(tmp_path / source) if source else "").events()[-1]
    assert isinstance(failed, Failed) and failed.kind == "user" and "How to fix" in failed.error


def test_a_cancel_mid_import_leaves_no_cached_folder(tmp_path, ruadapt_home, hold_stage):
    gguf_path = make_tiny_gguf(tmp_path / "tiny.gguf", "qwen2")
    run_dir = RunDir(tmp_path / "run")
    hold_stage("import")  # the import waits after its first tensor until the cancel below lands

    def cancel_at_the_first_tensor() -> None:
        while not (run_dir.events_path.exists() and any(
                isinstance(e, Progress) and e.unit == "tensors" for e in run_dir.events())):
            time.sleep(0.005)
        run_dir.request_cancel()

    watcher = threading.Thread(target=cancel_at_the_first_tensor)
    watcher.start()
    run = _run(tmp_path, source=str(gguf_path))
    watcher.join()
    assert isinstance(run.events()[-1], Cancelled) and run.result() is None
    assert not [p for p in (ruadapt_home / "models").iterdir() if p.is_dir()]  # no finished folder, no partial
