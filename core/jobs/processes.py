"""Stopping a job's processes: the supervisor's kill after the cancel grace, and reconcile's stop of a
worker whose supervisor died (so neither module needs the other)."""

from __future__ import annotations

import psutil


def kill_tree(pid: int) -> None:
    """Kill a process and every descendant (data loaders, torchrun workers, llama.cpp children)."""
    try:
        root = psutil.Process(pid)
        procs = root.children(recursive=True) + [root]
    except psutil.NoSuchProcess:
        return
    kill_processes(procs)


def kill_processes(procs: list[psutil.Process]) -> None:
    for proc in procs:
        try:
            proc.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(procs, timeout=5)
