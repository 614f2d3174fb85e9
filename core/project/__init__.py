"""The project file: one TOML file describing an adaptation project."""

from core.project.io import load_project, project_from_dict, project_to_dict, project_to_toml, save_project
from core.project.schema import Project

__all__ = ["Project", "load_project", "project_from_dict", "project_to_dict", "project_to_toml", "save_project"]
