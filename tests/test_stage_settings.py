"""Typed stage settings: a stage reads the schema's dataclasses (`ctx.config.evaluation.max_chars`), built
from what its spec recorded, and only the sections its row lists (the sections its content key covers)."""

from __future__ import annotations

import ast
import dataclasses
import json
from pathlib import Path

import pytest

from core.errors import ProjectError
from core.jobs.context import StageContext
from core.jobs.rundir import RunDir, write_json_atomic
from core.project.io import recorded_settings
from core.project.schema import Evaluation, Project
from core.stages import STAGES

ROOT = Path(__file__).resolve().parents[1]


def _run_with(tmp_path: Path, stage: str, settings: dict) -> StageContext:
    run = RunDir(tmp_path / "run")
    run.path.mkdir()
    write_json_atomic(run.spec_path, {"stage": stage, "target": "x:y", "settings": settings})
    return StageContext(run)


def test_a_stage_reads_its_settings_as_the_schemas_dataclasses(tmp_path):
    recorded = json.loads(json.dumps({"evaluation": dataclasses.asdict(Evaluation(max_chars=1234)),
                                      "models": {"dtype": "float32"}}))  # as spec.json holds them
    ctx = _run_with(tmp_path, "baseline", recorded)
    assert isinstance(ctx.config.evaluation, Evaluation) and ctx.config.evaluation.max_chars == 1234
    assert ctx.config.models.dtype == "float32" and ctx.config.models.device == Project().models.device
    with pytest.raises(AttributeError, match="the baseline stage reads lep.mode, but its row .* does not list 'lep'"):
        ctx.config.lep.mode  # noqa: B018


def test_recorded_settings_that_no_longer_fit_the_schema_say_so(tmp_path):
    with pytest.raises(ProjectError, match="evaluation.max_chars") as caught:
        recorded_settings({"evaluation": {"max_chars": "many"}}, "baseline")
    assert "run the stage again" in str(caught.value)
    with pytest.raises(ProjectError, match="evaluation.max_char"):
        recorded_settings({"evaluation": {"max_char": 5}}, "baseline")


def _sections_read(module: Path) -> set[str]:
    """The sections a stage module reads as `ctx.config.SECTION` (the training stages' own section,
    `getattr(ctx.config, section)`, is the one their row is named for)."""
    read = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute) and node.value.attr == "config"
                and isinstance(node.value.value, ast.Name) and node.value.value.id == "ctx"):
            read.add(node.attr)
    return read


def test_every_stage_reads_only_the_sections_its_row_lists():
    """A section read but not listed is not in the stage's content key: a change to it would not run the
    stage again, and the result would silently be stale."""
    by_module: dict[str, set[str]] = {}
    for stage in STAGES:
        module = stage.target.split(":")[0]
        by_module.setdefault(module, set(stage.sections))
        by_module[module] &= set(stage.sections)  # a module serving two rows reads what both list
    for module, listed in by_module.items():
        read = _sections_read(ROOT / (module.replace(".", "/") + ".py"))
        assert read, module  # the walk sees the module's reads
        assert read <= listed, f"{module} reads {sorted(read - listed)} that its row does not list"
