"""The embedded default project (SmolLM2 + Russian text from installed packages)."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.errors import ProjectError
from core.paths import data_home, resources_dir
from core.project.io import load_project, save_project
from core.project.schema import Project

PROJECT_FILE = "project.toml"
# `ruadapt demo init --model NAME` -> the shipped project folder under resources/. The default stays
# SmolLM2: Gemma 3's 262k-token vocabulary makes every stage several times slower on a CPU.
DEMO_MODELS = {"smollm2-135m": "default_project", "gemma3-270m": "gemma3_project"}


def default_project() -> Project:
    return load_project(resources_dir() / "default_project" / PROJECT_FILE)


def init_demo(folder: Path | str, model: str = "smollm2-135m") -> Path:
    """Write a demo project (the default: SmolLM2) into `folder` (created if needed); refuses to overwrite
    a project."""
    if model not in DEMO_MODELS:
        raise ProjectError(f"no demo project for {model!r}", fix=f"choose one of {', '.join(DEMO_MODELS)}")
    folder = Path(folder)
    target = folder / PROJECT_FILE
    if target.exists():
        raise ProjectError("a project file already exists here", where=str(target),
                           fix="choose an empty folder, or open that project instead")
    folder.mkdir(parents=True, exist_ok=True)
    shipped = resources_dir() / DEMO_MODELS[model]
    for extra in shipped.iterdir():  # files the project names (its prompts)
        if extra.name != PROJECT_FILE and extra.is_file():
            shutil.copyfile(extra, folder / extra.name)
    save_project(load_project(shipped / PROJECT_FILE), target)
    return target


def default_project_path() -> Path:
    """The embedded default project under the per-user folder (the studio's and `ruadapt demo run`'s),
    written on first use."""
    folder = data_home() / "projects" / "default"
    target = folder / PROJECT_FILE
    return target if target.exists() else init_demo(folder)
