"""A QProcess for one of our own child commands (a job, a chat worker), with the environment every
child of ours gets (core.jobs.launch.child_env), not yet started."""

from __future__ import annotations

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment

from core.jobs.launch import child_env


def child_qprocess(command: list[str], parent: QObject) -> QProcess:
    env = QProcessEnvironment()
    for key, value in child_env().items():
        env.insert(key, value)
    process = QProcess(parent)
    process.setProgram(command[0])
    process.setArguments(command[1:])
    process.setProcessEnvironment(env)
    return process
