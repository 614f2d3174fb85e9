"""Run native work (llama.cpp) in a child process, so a crash there kills the child and is reported with
its signal instead of taking the caller (a stage, the CLI, the studio) down with it.

The child is `python -m core.export REQUEST`, as job processes are `python -m core.jobs`: a fresh
interpreter that imports only what the work needs (multiprocessing's spawn would re-run the caller's
`__main__` and leave a resource-tracker process behind). Its stdout/stderr (llama.cpp's log) go to a
file whose telling lines explain a failure.
"""

from __future__ import annotations

import importlib
import pickle
import re
import signal
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from core.errors import ModelError, UserError

POLL_S = 0.2
LOG_TAIL_CHARS = 1500
REASON = re.compile(r"GGML_ASSERT|error|failed|exception", re.IGNORECASE)


class NativeCrash(ModelError):
    """The child died from a signal (a segfault or abort in native code)."""

    def __init__(self, what: str, signal_name: str, reason: str, fix: str) -> None:
        self.signal_name = signal_name
        super().__init__(f"{what} crashed ({signal_name})" + (f"; its log says:\n{reason}" if reason else ""),
                         fix=fix)


def child_command(request: Path) -> list[str]:
    """The child's command line; a frozen app has no `python`, so it runs itself with `--run-job`
    (its entry point must hand `export-child REQUEST` to `core.export.child.main`)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, "--run-job", "export-child", str(request)]
    return [sys.executable, "-m", "core.export", str(request)]


def _log_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return []


def _crash_reason(path: Path) -> str:
    """ggml's abort handler appends a long gdb backtrace; the assertion or error line says more."""
    lines = _log_lines(path)
    reasons = [line for line in lines if REASON.search(line)]
    return "\n".join(reasons[:3]) if reasons else "\n".join(lines)[-LOG_TAIL_CHARS:].strip()


def run_in_child(function: Callable[..., Any], kwargs: dict, *, what: str, poll: Callable[[], None] | None = None,
                 crash_fix: str = "") -> Any:
    """`function(**kwargs)` in a fresh process; returns its value. `function` must be importable by name (a
    module-level function). `poll` runs every 0.2 s while the child works: if it raises (a cancel), the
    child is killed and the exception goes on."""
    from core.jobs.launch import child_env

    with tempfile.TemporaryDirectory(prefix="ruadapt-child-") as tmp:
        request, result, log = Path(tmp) / "request.pickle", Path(tmp) / "result.pickle", Path(tmp) / "log.txt"
        with open(request, "wb") as fh:
            pickle.dump({"function": f"{function.__module__}:{function.__qualname__}", "kwargs": kwargs,
                         "result": str(result)}, fh)
        with open(log, "wb") as log_file:
            proc = subprocess.Popen(child_command(request), env=child_env(), stdin=subprocess.DEVNULL,
                                    stdout=log_file, stderr=subprocess.STDOUT)
        try:
            while True:
                if poll is not None:  # first before waiting: a cancel already asked for stops even a quick child
                    poll()
                try:
                    code = proc.wait(POLL_S)
                    break
                except subprocess.TimeoutExpired:
                    continue
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        if code < 0:
            raise NativeCrash(what, signal.Signals(-code).name, _crash_reason(log),
                              crash_fix or "update llama-cpp-python; if it persists, report the file and log")
        if not result.is_file():
            raise RuntimeError(f"{what} exited with code {code} without a result; log:\n"
                               + "\n".join(_log_lines(log))[-LOG_TAIL_CHARS:])
        with open(result, "rb") as fh:
            outcome = pickle.load(fh)
        reason = "\n".join(line for line in _log_lines(log) if REASON.search(line))[-LOG_TAIL_CHARS // 3:]
    if "user_error" in outcome:
        message, where, fix = outcome["user_error"]
        # native code says why (an unknown key, a bad tensor...) only in its log
        raise ModelError(message + (f"; the log says:\n{reason}" if reason else ""), where=where, fix=fix)
    if "bug" in outcome:
        raise RuntimeError(f"{what} failed in its child process: {outcome['bug']}")
    return outcome["value"]


def main(argv: list[str]) -> int:
    """The child: run the requested function and pickle what came of it."""
    with open(argv[0], "rb") as fh:
        request = pickle.load(fh)
    module, _, name = request["function"].partition(":")
    try:
        outcome = {"value": getattr(importlib.import_module(module), name)(**request["kwargs"])}
    except UserError as exc:
        outcome = {"user_error": (exc.what, exc.where, exc.fix)}
    except Exception as exc:  # a bug in the child: its traceback travels to the caller
        outcome = {"bug": f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"}
    with open(request["result"], "wb") as fh:
        pickle.dump(outcome, fh)
    return 0
