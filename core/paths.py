"""Where Ruadapt keeps per-user state, and files referenced from installed packages."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from core.errors import UserError

PKG_PREFIX = "pkg:"


def data_home() -> Path:
    """Per-user data folder (run registry, model cache). RUADAPT_HOME overrides it."""
    if env := os.environ.get("RUADAPT_HOME"):
        root = Path(env)
    elif sys.platform == "win32":
        root = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "Ruadapt"
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Application Support" / "Ruadapt"
    else:
        root = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "ruadapt"
    root.mkdir(parents=True, exist_ok=True)
    return root


def resources_dir() -> Path:
    """The shipped `resources/` folder (beside the packages, or inside a frozen app)."""
    if frozen := getattr(sys, "_MEIPASS", None):
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resolve_path(value: str, base: Path) -> Path:
    """A path from a project file: `pkg:package/inner/path` names a file shipped in an installed
    package (so the default project is portable); relative paths are relative to the project file."""
    if value.startswith(PKG_PREFIX):
        package, _, inner = value[len(PKG_PREFIX):].partition("/")
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            raise UserError(
                f"the package {package!r} is not installed",
                where=value,
                fix=f"pip install {package.replace('_', '-')}, or point to a file on disk",
            )
        return Path(list(spec.submodule_search_locations)[0]) / inner
    path = Path(value).expanduser()
    return path if path.is_absolute() else (base / path)
