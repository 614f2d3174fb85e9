"""The `export` stage end to end on the tiny project (original and adapted model, every type, each file
with its parity report), and `ruadapt export` on a folder."""

from __future__ import annotations

from test_training import run_pipeline
from tiny_models import make_tiny_hf_model, write_gguf_from_hf

from core.cli import EXIT_DONE, EXIT_FAILED, main
from core.jobs.events import Finished, Progress
from core.project import load_project, project_to_dict, save_project
from core.project.io import project_from_dict


def _edit(project_path, section: str, **values) -> None:
    raw = project_to_dict(load_project(project_path))
    raw[section].update(values)
    save_project(project_from_dict(raw, base=project_path.parent), project_path)


def test_the_export_stage_writes_both_models_in_every_type_with_parity_reports(tiny_project):
    write_gguf_from_hf(tiny_project.parent / "source", tiny_project.parent / "source.gguf", "f16")
    _edit(tiny_project, "export", types=["f32", "q8_0"])
    _edit(tiny_project, "models", source="source.gguf")  # an original from a GGUF is re-exported all the same
    run = run_pipeline(tiny_project, "export")["export"]
    events = run.events()
    assert isinstance(events[-1], Finished), run.log_path.read_text()[-3000:]
    result = run.result()
    names = sorted(p.name for p in run.outputs.iterdir())
    assert names == ["adapted-f32.gguf", "adapted-q8_0.gguf", "original-f32.gguf", "original-q8_0.gguf"]
    for side in ("original", "adapted"):
        for out_type in ("f32", "q8_0"):
            entry = result[side][out_type]
            assert entry["file"]["path"] == str(run.outputs / f"{side}-{out_type}.gguf")
            assert entry["parity"]["passed"] and entry["parity"]["tokenization"]["identical"]
        assert result[side]["f32"]["parity"]["logits"]["max_abs_diff"] < 1e-3
        assert result[side]["q8_0"]["file"]["quantized_from"] == "f32"
    assert result["adapted"]["f32"]["file"]["pre_tokenizer"] == "gpt-2"  # the source's split, kept
    assert "source.gguf" in result["original_note"] and "comparable" in result["original_note"]
    assert "tokenization identical" in result["summary"]
    progress = [e for e in events if isinstance(e, Progress) and e.unit == "tensors" and e.total]
    assert len({e.total for e in progress}) == 1 and progress[-1].done == progress[-1].total
    assert [e.done for e in progress] == sorted(e.done for e in progress)


def test_the_export_stage_refuses_an_adapted_vocabulary_llama_cpp_cannot_run(tiny_project):
    _edit(tiny_project, "tokenizer", algorithm="unigram")
    run = run_pipeline(tiny_project, "export")["export"]
    failed = run.events()[-1]
    assert failed.kind == "user" and "Unigram" in failed.error and not run.outputs.exists()


def test_ruadapt_export_writes_a_checked_file(tmp_path, capsys):
    hf = make_tiny_hf_model(tmp_path / "hf", "qwen2")
    out = tmp_path / "out" / "model-q8_0.gguf"
    assert main(["export", str(hf), str(out), "--quantize", "q8_0"]) == EXIT_DONE
    printed = capsys.readouterr().out
    assert f"wrote {out} (q8_0" in printed and "temporary f32 export" in printed  # the weights' own precision
    assert "tokenization identical on 20 texts" in printed and [p.name for p in out.parent.iterdir()] == [out.name]
    assert main(["export", str(hf), str(tmp_path / "plain.gguf"), "--type", "bf16", "--no-parity"]) == EXIT_DONE
    assert "parity" not in capsys.readouterr().out


def test_ruadapt_export_fails_with_the_reason_when_parity_fails(tmp_path, capsys, monkeypatch):
    from core.export import gguf_writer

    hf = make_tiny_hf_model(tmp_path / "hf", "llama")
    real = gguf_writer.permute_qk
    monkeypatch.setattr(gguf_writer, "permute_qk", lambda values, heads: values)  # forget llama's rotary layout
    assert main(["export", str(hf), str(tmp_path / "m.gguf"), "--type", "f32"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "parity check failed, nothing written" in err and "largest logit difference" in err
    assert not (tmp_path / "m.gguf").exists() and real is not None
