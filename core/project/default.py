"""The embedded default project (SmolLM2 + Russian text from installed packages)."""

from __future__ import annotations

import shutil
from pathlib import Path

from core.errors import ProjectError
from core.paths import data_home, resources_dir
from core.project.io import load_project, save_project
from core.project.schema import Project

PROJECT_FILE = "project.toml"


def default_project() -> Project:
    return load_project(resources_dir() / "default_project" / PROJECT_FILE)


def init_demo(folder: Path | str) -> Path:
    """Write the default project into `folder` (created if needed); refuses to overwrite a project."""
    folder = Path(folder)
    target = folder / PROJECT_FILE
    if target.exists():
        raise ProjectError("a project file already exists here", where=str(target),
                           fix="choose an empty folder, or open that project instead")
    folder.mkdir(parents=True, exist_ok=True)
    for extra in (resources_dir() / "default_project").iterdir():  # files the project names (its prompts)
        if extra.name != PROJECT_FILE and extra.is_file():
            shutil.copyfile(extra, folder / extra.name)
    save_project(default_project(), target)
    return target


def default_project_path() -> Path:
    """The embedded default project under the per-user folder (the studio's and `ruadapt demo run`'s),
    written on first use."""
    folder = data_home() / "projects" / "default"
    target = folder / PROJECT_FILE
    return target if target.exists() else init_demo(folder)
