"""The default project's recipe (issue 16): an extended vocabulary whose new rows (and the source's
Cyrillic tokens) alone learn, and
self-calibration with the copy task right after stage 1, its prompts shipped beside the project."""

from __future__ import annotations

from pathlib import Path

from core.paths import resolve_path
from core.project import load_project
from core.project.default import default_project, init_demo


def test_the_default_project_keeps_the_sources_rows_and_self_calibrates_after_stage1():
    project = default_project()
    assert project.tokenizer.mode == "extend"
    assert project.stage1.train_rows == "new+cyrillic"  # the source's other rows (English, chat markers) kept
    assert project.models.dtype == "auto"  # bf16 autocast where the CPU has it
    assert not project.lep.enabled and project.calibration.enabled and project.calibration.self_calibration
    assert "lm_head" not in project.calibration.full_matrices  # tied to the input rows: would move English


def test_a_demo_folder_gets_the_prompts_its_project_names(tmp_path):
    target = init_demo(tmp_path / "demo")
    project = load_project(target)
    prompts = resolve_path(project.calibration.prompts, target.parent)
    lines = [line for line in Path(prompts).read_text(encoding="utf-8").splitlines() if line.strip()]
    assert prompts.parent == target.parent and len(lines) >= 10
    assert any("а" <= ch <= "я" for ch in lines[0]) and any(line.isascii() for line in lines)
