"""`python -m core.jobs run RUN_DIR` (supervisor) and `python -m core.jobs work RUN_DIR` (stage)."""

from __future__ import annotations

import sys

from core.errors import UserError
from core.jobs.rundir import RunDir


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("run", "work"):
        print("usage: python -m core.jobs {run|work} RUN_DIR", file=sys.stderr)
        return 2
    try:
        run = RunDir.open(argv[1])
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if argv[0] == "run":
        from core.jobs.supervisor import supervise
        return supervise(run)
    from core.jobs.worker import work_for_supervisor
    return work_for_supervisor(run)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
