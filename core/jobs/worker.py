"""The worker: runs one stage function inside a run folder and says how it ended.

Under a supervisor (`python -m core.jobs work RUN_DIR`) the end goes to `end.json`, and the supervisor
records it (registry first, then the terminal event). `work()` runs a stage in this process with no
supervisor (tests of a stage's own logic) and appends the end itself."""

from __future__ import annotations

import importlib
import os
import shutil
import sys
import traceback

from core.atomic_files import write_json_atomic
from core.errors import UserError, user_error_from
from core.jobs.context import CancelRequested, StageContext
from core.jobs.events import Cancelled, Event, Failed, Finished, Started, append_event
from core.jobs.rundir import RunDir


def load_stage_function(target: str):
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


EXIT_CODES = {Finished: 0, Cancelled: 130}  # anything else: 1


def work(run: RunDir) -> int:
    """Run the stage here and append its end to the events (no supervisor watches this process)."""
    end = run_stage(run)
    append_event(run.events_path, end)
    return EXIT_CODES.get(type(end), 1)


def work_for_supervisor(run: RunDir) -> int:
    """Run the stage and leave its end in end.json for the supervisor to record."""
    end = run_stage(run)
    run.write_worker_end(end)
    return EXIT_CODES.get(type(end), 1)


def checked_result(stage: str, result: dict) -> dict:
    """A pipeline stage's result, checked against its type and versioned, before its outputs are published
    (other jobs, such as annotation answers, hand on what they like)."""
    from core.stages import STAGE_BY_NAME  # the stage table, only in the worker (keeps core.jobs below core.stages)
    from core.stages.results import result_for_disk

    return result_for_disk(STAGE_BY_NAME[stage].result, result, stage) if stage in STAGE_BY_NAME else result


def run_stage(run: RunDir) -> Event:
    """Run the stage function; returns its terminal event (outputs published or discarded already)."""
    ctx = StageContext(run)
    ctx.emit(Started(stage=ctx.spec["stage"], pid=os.getpid()))
    try:
        result = checked_result(ctx.spec["stage"], load_stage_function(ctx.spec["target"])(ctx) or {})
        if run.partial_outputs.exists():
            shutil.rmtree(run.outputs, ignore_errors=True)
            os.replace(run.partial_outputs, run.outputs)
        write_json_atomic(run.result_path, result)
        return Finished(result=result)
    except CancelRequested:
        run.discard_partial_outputs()
        return Cancelled()
    except UserError as exc:
        run.discard_partial_outputs()
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return Failed(error=str(exc), kind="user")
    except BaseException as exc:  # a bug: keep the traceback in log.txt and say where it is
        run.discard_partial_outputs()
        if (condition := user_error_from(exc)) is not None:  # disk full, read-only folder: not a bug
            print(f"error: {condition}", file=sys.stderr, flush=True)
            return Failed(error=str(condition), kind="user")
        traceback.print_exc()
        sys.stderr.flush()
        return Failed(error=f"{type(exc).__name__}: {exc} (traceback in {run.log_path})",
                      kind="bug", log_tail=run.log_tail())
