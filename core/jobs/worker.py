"""The worker: runs one stage function inside a run folder and reports its end as an event."""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import traceback

from core.errors import UserError, user_error_from
from core.jobs.context import CancelRequested, StageContext
from core.jobs.events import Cancelled, Failed, Finished, Started
from core.jobs.rundir import RunDir, write_json_atomic


def load_stage_function(target: str):
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def work(run: RunDir) -> int:
    ctx = StageContext(run)
    ctx.emit(Started(stage=ctx.spec["stage"], pid=os.getpid()))
    try:
        result = load_stage_function(ctx.spec["target"])(ctx) or {}
        if run.partial_outputs.exists():
            shutil.rmtree(run.outputs, ignore_errors=True)
            os.replace(run.partial_outputs, run.outputs)
        write_json_atomic(run.result_path, result)
        ctx.emit(Finished(result=result))
        return 0
    except CancelRequested:
        run.discard_partial_outputs()
        ctx.emit(Cancelled())
        return 130
    except UserError as exc:
        run.discard_partial_outputs()
        print(f"error: {exc}", file=sys.stderr, flush=True)
        ctx.emit(Failed(error=str(exc), kind="user"))
        return 1
    except BaseException as exc:  # a bug: keep the traceback in log.txt and say where it is
        run.discard_partial_outputs()
        if (condition := user_error_from(exc)) is not None:  # disk full, read-only folder: not a bug
            print(f"error: {condition}", file=sys.stderr, flush=True)
            ctx.emit(Failed(error=str(condition), kind="user"))
            return 1
        traceback.print_exc()
        sys.stderr.flush()
        ctx.emit(Failed(error=f"{type(exc).__name__}: {exc} (traceback in {run.log_path})",
                        kind="bug", log_tail=run.log_tail()))
        return 1
