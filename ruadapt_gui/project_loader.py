"""Opening a project for the studio, and the embedded default project on first start."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.errors import ProjectError
from core.paths import data_home
from core.project.default import PROJECT_FILE, init_demo
from core.project.io import load_project
from core.project.schema import Project


@dataclass(frozen=True)
class LoadedProject:
    path: Path
    project: Project
    problems: list[tuple[str, str]]  # ProjectError.problems when files it names are missing; [] when it is valid


def load_for_studio(path: Path | str) -> LoadedProject:
    """Load and validate a project. One whose settings are sound but whose files are missing still
    opens, with its problems, so they can be fixed in the settings editor; anything worse raises."""
    path = Path(path).resolve()
    try:
        return LoadedProject(path, load_project(path), [])
    except ProjectError as exc:
        problems = exc.problems
    return LoadedProject(path, load_project(path, check_files=False), problems)


def default_project_path() -> Path:
    """The embedded default project under the per-user folder, written on first use."""
    folder = data_home() / "projects" / "default"
    target = folder / PROJECT_FILE
    return target if target.exists() else init_demo(folder)
