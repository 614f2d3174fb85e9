"""One torchrun rank of a training stage: `python -m core.training.rank_entry RUN_DIR SECTION`.

Only rank 0 writes events and the model; every rank checks the cancel flag at step boundaries and
they stop together.
"""

from __future__ import annotations

import sys

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
        sys.exit(130)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
