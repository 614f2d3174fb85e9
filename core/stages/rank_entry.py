"""One torchrun rank of a training stage: `python -m core.stages.rank_entry RUN_DIR SECTION`.

Only rank 0 writes events and the model; every rank checks the cancel flag at step boundaries and
they stop together. A UserError of rank 0 goes to the worker through a file, so the user reads what,
where and how to fix, as without torchrun.
"""

from __future__ import annotations

import json
import os
import sys
import traceback

from core.errors import UserError
from core.jobs.context import CancelRequested, StageContext
from core.jobs.rundir import RunDir
from core.stages.train import RANK0_ERROR, train_stage
from core.training.distributed import Dist


def main(run_dir: str, section: str) -> None:
    dist = Dist.from_env()
    ctx = StageContext(RunDir.open(run_dir))
    if not dist.is_main:
        ctx.emit = lambda event: None  # one voice in events.jsonl
        ctx.log = lambda message, level="info": None
    try:
        train_stage(ctx, section, dist)
    except CancelRequested:
        _exit_now(130)
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        if dist.is_main:
            error = {"what": exc.what, "where": exc.where, "fix": exc.fix}
            (ctx.run.path / RANK0_ERROR).write_text(json.dumps(error))
        _exit_now(1)
    except BaseException:
        traceback.print_exc()
        _exit_now(1)


def _exit_now(code: int) -> None:
    """Leave without interpreter finalization: a process group and DDP reducer still alive there can
    deadlock in gloo's destructor (see Dist.close), leaving torchrun waiting for this rank forever."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
