"""A frozen app has one executable, and it is every process: the studio, and — with a flag first — a run's
supervisor or stage worker, an export child, or a chat worker (there is no `python -m` inside a frozen app).

    --run-job run|work RUN_DIR                        core.jobs               (core.jobs.launch.job_command)
    --run-job export-child REQUEST                    core.export.child       (core.export.child.child_command)
    --chat-worker MODEL [--n-ctx N] [--threads T]     core.inference.worker   (core.inference.client.worker_command)

`child_main` runs those modes without importing Qt; None means "no child mode: start the studio".
"""

from __future__ import annotations

from collections.abc import Callable


def _run_job(args: list[str]) -> int:
    if args[:1] == ["export-child"]:
        from core.export.child import main as export_child
        return export_child(args[1:])
    from core.jobs.__main__ import main as run_job
    return run_job(args)


def _chat_worker(args: list[str]) -> int:
    from core.inference.worker import main as chat_worker
    return chat_worker(args, prog="ruadapt-studio --chat-worker")


CHILD_MODES: dict[str, Callable[[list[str]], int]] = {
    "--run-job": _run_job,
    "--chat-worker": _chat_worker,
}


def child_main(argv: list[str]) -> int | None:
    """`argv` without the program name. The exit code of the child mode it names, or None."""
    mode = CHILD_MODES.get(argv[0]) if argv else None
    return None if mode is None else mode(argv[1:])
