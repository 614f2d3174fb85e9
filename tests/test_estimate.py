"""The studio's time estimate follows the project's settings where no earlier run of a stage is known."""

from __future__ import annotations

import dataclasses

from core.jobs.registry import Registry
from core.project.default import default_project
from core.stages.estimate import estimate_stages


def seconds(project, stage):
    (estimate,) = estimate_stages(project, [stage], Registry())
    assert not estimate.measured
    return estimate.seconds


def test_estimate_grows_with_what_the_settings_ask_for():
    project = default_project()
    more_steps = dataclasses.replace(project, stage1=dataclasses.replace(project.stage1, steps=2 * project.stage1.steps))
    assert seconds(more_steps, "stage1") == 2 * seconds(project, "stage1")
    cal = project.calibration
    more_epochs = dataclasses.replace(project, calibration=dataclasses.replace(cal, epochs=2 * cal.epochs))
    probes = dataclasses.replace(project, calibration=dataclasses.replace(cal, probe_passages=4))
    assert seconds(more_epochs, "calibration") > seconds(project, "calibration")
    assert seconds(probes, "calibration") > seconds(project, "calibration")
    no_copy = dataclasses.replace(project, evaluation=dataclasses.replace(project.evaluation, copy_passages=0))
    assert seconds(no_copy, "evaluate") < seconds(project, "evaluate")
    off = dataclasses.replace(project, calibration=dataclasses.replace(cal, enabled=False))
    assert seconds(off, "calibration") < seconds(project, "calibration")


def test_calibration_estimate_reads_the_prompt_file_next_to_the_project(tmp_path):
    project = default_project()
    (tmp_path / project.calibration.prompts).write_text("Вопрос?\n" * 200, encoding="utf-8")
    few = estimate_stages(project, ["calibration"], Registry())[0].seconds  # unread: the default's 20
    many = estimate_stages(project, ["calibration"], Registry(), tmp_path / "project.toml")[0].seconds
    assert many > few
