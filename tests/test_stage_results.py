"""Typed, versioned stage results: the worker checks a stage's dict against the type beside its StageDef
before the run counts as done, writes the version, and readers get typed fields."""

from __future__ import annotations

import pytest

from core.jobs.events import Failed, Finished
from core.jobs.rundir import RunDir, write_json_atomic
from core.jobs.worker import work
from core.stages import STAGE_BY_NAME, STAGES, ModelResult, TokenizerResult, input_result
from core.stages.results import RESULT_VERSION, ResultContractError, StageResult, parse_result, result_for_disk

pytest_plugins = ["conftest_gui", "gui_pipeline"]  # the tiny project run once up to `evaluate`


def test_every_stage_row_names_a_result_type():
    assert all(issubclass(s.result, StageResult) for s in STAGES)
    assert STAGE_BY_NAME["transplant"].result.__dataclass_fields__.keys() >= {"model_dir", "summary", "init"}


def test_a_result_missing_a_promised_field_or_of_the_wrong_kind_is_refused():
    with pytest.raises(ResultContractError, match="tokenizer stage's result has no 'tokenizer_dir'"):
        result_for_disk(STAGE_BY_NAME["tokenizer"].result, {"tokenizer": "/x", "summary": "ok"}, "tokenizer")
    with pytest.raises(ResultContractError, match="'model_dir' is 3"):
        result_for_disk(ModelResult, {"model_dir": 3}, "lep")
    written = result_for_disk(STAGE_BY_NAME["import"].result, {"model_dir": "/m", "vocab": 5}, "import")
    assert written == {"v": RESULT_VERSION, "model_dir": "/m", "vocab": 5}  # other figures kept


def test_results_written_before_versioning_still_read_and_a_newer_version_is_refused():
    assert parse_result(ModelResult, {"model_dir": "/m", "summary": "old run"}, "stage1").model_dir == "/m"
    with pytest.raises(ResultContractError, match="version 99"):
        parse_result(ModelResult, {"v": 99, "model_dir": "/m"}, "stage1")


def test_a_reader_gets_the_upstream_result_typed_and_must_expect_what_the_row_promises():
    inputs = {"tokenizer": {"result": {"tokenizer_dir": "/t", "summary": "600 tokens"}}}
    assert input_result(inputs, "tokenizer", TokenizerResult).tokenizer_dir == "/t"
    with pytest.raises(ResultContractError, match="hands on a TokenizerResult, not a ModelResult"):
        input_result(inputs, "tokenizer", ModelResult)


def test_a_stage_that_breaks_its_contract_fails_its_own_run_and_publishes_nothing(tmp_path, monkeypatch):
    import core.stages.corpus as corpus_stage

    def renamed(ctx):
        (ctx.output_dir / "train_ru.txt").write_text("текст", encoding="utf-8")
        return {"train_docs_ru": 1, "heldout_ru_docs": 1}  # a field renamed: train_ru_docs

    monkeypatch.setattr(corpus_stage, "run", renamed)
    run = RunDir(tmp_path / "run")
    run.path.mkdir()
    write_json_atomic(run.spec_path, {"stage": "corpus", "target": "core.stages.corpus:run", "settings": {}})
    assert work(run) == 1
    end = run.events()[-1]
    assert isinstance(end, Failed) and end.kind == "bug" and "'train_ru_docs'" in end.error
    assert not run.outputs.exists() and not run.partial_outputs.exists() and run.result() is None


def test_a_good_result_is_written_with_its_version(tmp_path, monkeypatch):
    import core.stages.corpus as corpus_stage

    monkeypatch.setattr(corpus_stage, "run", lambda ctx: {"train_ru_docs": 3, "heldout_ru_docs": 1, "summary": "s"})
    run = RunDir(tmp_path / "run")
    run.path.mkdir()
    write_json_atomic(run.spec_path, {"stage": "corpus", "target": "core.stages.corpus:run", "settings": {}})
    assert work(run) == 0
    assert run.result()["v"] == RESULT_VERSION and isinstance(run.events()[-1], Finished)


def test_every_real_stage_result_reads_as_its_type(tiny_pipeline):
    for name, run in tiny_pipeline.runs.items():
        typed = parse_result(STAGE_BY_NAME[name].result, run.result(), name)
        assert run.result()["v"] == RESULT_VERSION and typed.summary, name
    assert parse_result(STAGE_BY_NAME["export"].result, tiny_pipeline.runs["export"].result(), "export").types == ["f16"]


def test_nested_records_are_typed_and_a_renamed_inner_field_is_named_with_its_path():
    from core.stages.results import EvaluateResult, ExportResult

    export = parse_result(ExportResult, {"types": ["q8_0"], "files": [],
                                         "original": {"q8_0": {"file": {"path": "/o.gguf", "n_bytes": 9}}},
                                         "adapted": {"q8_0": {"file": {"path": "/a.gguf"}, "parity": {}}}}, "export")
    assert str(export.gguf("original", "q8_0")) == "/o.gguf" and export.adapted["q8_0"].parity == {}
    with pytest.raises(ResultContractError, match=r"has no \"original\['q8_0'\].file.path\""):
        parse_result(ExportResult, {"original": {"q8_0": {"file": {"file_path": "/o.gguf"}}}}, "export")
    with pytest.raises(ResultContractError, match=r"'speed' is 'fast'; EvaluateResult says SpeedFigures"):
        result_for_disk(EvaluateResult, {"texts": {}, "models": {}, "heldout_check": {"heldout_paragraphs": 1,
                        "found_in_training": 0}, "original": {}, "adapted": {}, "speed": "fast"}, "evaluate")


def test_the_pages_and_the_report_read_the_evaluation_as_its_type(tiny_pipeline):
    """What the results page, the LEP page and the report read is the typed result: figures by name."""
    from core.stages.results import EvaluateResult, TokenizerResult

    evaluation = parse_result(EvaluateResult, tiny_pipeline.runs["evaluate"].result(), "evaluate")
    raw = tiny_pipeline.runs["evaluate"].result()
    assert evaluation.languages() == ["ru", "en"]
    assert evaluation.adapted.tokens("ru").tokens == raw["adapted"]["tokens_ru"]["tokens"]
    assert evaluation.original.bpc("en") == raw["original"]["bpc_en"]
    assert [row.chars_per_s for row in evaluation.speed.rows("ru")] == [r["chars_per_s"] for r in raw["speed"]["ru"]]
    assert evaluation.curves_bpc_reference == tiny_pipeline.runs["baseline"].result()["bpc_ru"]
    tokenizer = tiny_pipeline.result("tokenizer")
    assert isinstance(tokenizer.typed, TokenizerResult) and tokenizer.typed.ru.ratio == tokenizer.result["ru"]["ratio"]
    assert tokenizer.input_result("import").model_dir == tiny_pipeline.runs["import"].result()["model_dir"]
