"""Opening a project for the studio: with its problems, so they can be fixed in the settings editor."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.project.io import load_project_leniently
from core.project.schema import Project


@dataclass(frozen=True)
class LoadedProject:
    path: Path
    project: Project
    problems: list[tuple[str, str]]  # ProjectError.problems, their settings at defaults; [] when it is valid


def load_for_studio(path: Path | str) -> LoadedProject:
    """Load and validate a project. One with problems (bad values, unknown settings, missing files)
    still opens, those settings at their defaults and each problem shown beside its setting, so it can
    be fixed in the settings editor; a file that is not TOML raises."""
    path = Path(path).resolve()
    project, problems = load_project_leniently(path)
    return LoadedProject(path, project, problems)
