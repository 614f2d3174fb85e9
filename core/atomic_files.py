"""Files that appear only when complete (the one atomic writer): a crash mid-write leaves the old file or
none, never half a new one.

Small files (JSON, project files, pointers) are written whole to a temporary name beside the target and
renamed. Large ones (GGUF) are streamed to a hidden partial name carrying the writer's pid and renamed at
the end; a killed writer leaves only a partial, which the next writer of that name removes."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_atomic(path: Path | str, data: str | bytes) -> None:
    """Write `data` (text as UTF-8) to `path` in one step: temporary file, flushed to disk, renamed."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; these are ordinary documents
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json_atomic(path: Path | str, data: Any) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2))


def partial_path(out: Path, tag: str = "") -> Path:
    return out.parent / f".{out.name}{tag}.partial-{os.getpid()}"


def remove_dead_partials(out: Path) -> None:
    """Partials of `out` whose process is gone (killed, crashed): nothing will ever finish them."""
    import psutil

    for partial in out.parent.glob(f".{out.name}*.partial-*"):
        pid = partial.name.rsplit("-", 1)[1]
        if pid.isdigit() and not psutil.pid_exists(int(pid)) and partial.is_file():
            partial.unlink(missing_ok=True)


def finish(partial: Path, out: Path) -> Path:
    """Flush `partial` to disk and give it its final name in one step."""
    with open(partial, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, out)
    return out


def discard(partial: Path) -> None:
    """Remove a partial file after a failure without hiding that failure: on a read-only disk the unlink
    fails too (EROFS before ENOENT), and the first error is the one the user must see."""
    try:
        partial.unlink(missing_ok=True)
    except OSError:
        pass


def check_output_file(out: Path, force: bool = False) -> None:
    """Refuse, before any work, an output that is a folder, or an existing file unless `force`."""
    from core.errors import UserError

    if out.is_dir():
        raise UserError("this is a folder; the output must be a file", where=str(out),
                        fix=f"give a file name, e.g. {out / 'model.gguf'}")
    if out.exists() and not force:
        raise UserError("the file already exists", where=str(out),
                        fix="choose another name, or pass --force to replace it (only once the new one is complete)")
