"""The frozen app's entry point (the script build_app.py hands PyInstaller).

The one executable is every process: child modes first (`--run-job`, `--chat-worker`: see
core/child_entry.py), dispatched before any Qt is imported; then the studio. The edition's start arguments
(the annotator edition opens the Annotate workspace) come from `edition.json`, which build_app.py writes
into the bundle.

    <exe> --smoke-test [--smoke-stage corpus,...]   open the studio, check what a broken package would lack,
                                                    optionally run stages, print one JSON line, exit 0 when all
                                                    is there (packaging/smoke_test.py)

It also runs unfrozen, from the repository root: `python packaging/entry.py --smoke-test`.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sys
from pathlib import Path

if not getattr(sys, "frozen", False):  # unfrozen: make the checkout importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SMOKE_FLAG = "--smoke-test"


def edition_facts() -> dict:
    bundle = getattr(sys, "_MEIPASS", None)
    path = Path(bundle) / "edition.json" if bundle else None
    if path is not None and path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"edition": "source", "start_args": [], "default_project": True}


def studio_argv(argv: list[str], facts: dict) -> list[str]:
    """The edition's start arguments apply when the user gave none."""
    return argv if len(argv) > 1 else [argv[0], *facts.get("start_args", [])]


def restore_library_path() -> None:
    """PyInstaller's Linux bootloader points LD_LIBRARY_PATH into the bundle (and keeps the user's in
    LD_LIBRARY_PATH_ORIG). Programs the app starts — xdg-open and a browser for a report — must see the system's
    libraries; this executable's own children get the bundle's again from the bootloader."""
    if not getattr(sys, "frozen", False) or sys.platform != "linux":
        return
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original


def main() -> int:
    from core.child_entry import child_main

    restore_library_path()
    if (code := child_main(sys.argv[1:])) is not None:
        return code
    facts = edition_facts()
    from ruadapt_gui.app import main as studio

    if SMOKE_FLAG in sys.argv:
        import smoke_test  # packaging/smoke_test.py, beside this file

        argv, stages = smoke_test.stages_from([a for a in sys.argv if a != SMOKE_FLAG])
        return smoke_test.run(studio_argv(argv, facts), facts, studio, stages)
    return studio(studio_argv(sys.argv, facts))


if __name__ == "__main__":
    multiprocessing.freeze_support()  # Windows/macOS: torch data loaders spawn this executable
    sys.exit(main())
