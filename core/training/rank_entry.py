"""One torchrun rank of a training stage: `python -m core.training.rank_entry RUN_DIR SECTION`.

Only rank 0 writes events and the model; every rank checks the cancel flag at step boundaries and
they stop together.
"""

from __future__ import annotations

import os
import sys
import traceback

from core.jobs.context import CancelRequested, StageContext
from core.jobs.rundir import RunDir
from core.stages.train import train_stage
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
