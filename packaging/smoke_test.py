"""`<exe> --smoke-test [--smoke-stage STAGE[,STAGE...]]`: the checks a broken package fails.

It opens the studio as a user would (offscreen works: QT_QPA_PLATFORM=offscreen), waits until the window
is up and its project has loaded, optionally runs stages through the studio — each as the app's own
`--run-job` children, as a click on Run does — then prints one line, `smoke-test {JSON}`, and exits 0 when
everything is there (3 otherwise).
"""

from __future__ import annotations

import json
import time

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QApplication, QMainWindow

STAGE_FLAG = "--smoke-stage"
OK_OUTCOMES = ("done", "reused")


def main_window(app: QApplication) -> QMainWindow | None:
    return next((w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()), None)


def settled(window: QMainWindow | None, wants_project: bool) -> bool:
    """The window is up and its background work (opening the project) is over."""
    background = getattr(window, "background", None)
    if window is None or (background is not None and background.busy):
        return False
    return not wants_project or getattr(window, "loaded", None) is not None


def current_workspace(window) -> str | None:
    """"project", "chat" or "annotate" (the annotator edition starts in Annotate)."""
    workspaces = getattr(window, "workspaces", None)
    if workspaces is None:
        return None
    shown = workspaces.stack.currentWidget()
    return next((name for name in ("chat", "annotate") if getattr(workspaces, name, None) is shown), "project")


def report(app: QApplication, facts: dict, wants_project: bool) -> dict:
    from core.paths import resources_dir
    from ruadapt_gui.i18n import SUPPORTED

    window = main_window(app)
    translations = resources_dir() / "translations"
    found = {
        "edition": facts["edition"],
        "platform": app.platformName(),
        "main_window": window.windowTitle() if window else None,
        "icon": not app.windowIcon().pixmap(64, 64).isNull(),
        "svg_plugin": "svg" in {bytes(f).decode() for f in QImageReader.supportedImageFormats()},
        "style_sheet": bool(app.styleSheet()),
        "translations": all(QTranslator().load(str(translations / f"ruadapt_{lang}.qm")) for lang in SUPPORTED),
    }
    if (workspace := current_workspace(window)) is not None:
        found["workspace"] = workspace
    if wants_project:  # the packages the default project points into ship: it must open cleanly
        loaded = getattr(window, "loaded", None)
        found["default_project"] = bool(loaded and not loaded.problems)
        found["project_problems"] = loaded.problems if loaded else "not opened"
    return found


class StageDriver:
    """Runs stages one after another through the window's Run action and its JobRunner."""

    def __init__(self, window, stages: list[str], on_done) -> None:
        self.window, self.todo, self.on_done = window, list(stages), on_done
        self.outcomes: dict[str, str] = {}
        self.current, self.run_id = "", ""
        runner = window.runner
        runner.started.connect(self._started)
        runner.finished.connect(lambda run_id, _result: self._ended(run_id, "done"))
        runner.failed.connect(lambda run_id, message: self._ended(run_id, f"failed: {message}"))
        runner.cancelled.connect(lambda run_id: self._ended(run_id, "cancelled"))
        runner.reused.connect(lambda stage, _run: self._stage_over(stage, "reused"))
        runner.refused.connect(lambda stage, message: self._stage_over(stage, f"refused: {message}"))

    def next(self) -> None:
        if not self.todo:
            self.on_done(self.outcomes)
            return
        self.current, self.run_id = self.todo.pop(0), ""
        self.window.run_stage(self.current, force=True)

    def _started(self, run_id: str, stage: str) -> None:
        if stage == self.current:
            self.run_id = run_id

    def _ended(self, run_id: str, outcome: str) -> None:
        if run_id == self.run_id:
            self._stage_over(self.current, outcome)

    def _stage_over(self, stage: str, outcome: str) -> None:
        if stage == self.current and stage not in self.outcomes:
            self.outcomes[stage] = outcome
            QTimer.singleShot(0, self.next)


def stages_from(argv: list[str]) -> tuple[list[str], list[str]]:
    """(argv without --smoke-stage X, the stages X names)."""
    if STAGE_FLAG not in argv:
        return argv, []
    at = argv.index(STAGE_FLAG)
    return argv[:at] + argv[at + 2:], [s for s in argv[at + 1].split(",") if s]


def run(argv: list[str], facts: dict, studio, stages: list[str] | None = None, timeout_s: float = 60.0) -> int:
    """`studio(argv)` is the studio's main; it reuses the QApplication made here. `timeout_s` bounds the wait
    for the window and its project; stages run as long as they take."""
    stages = stages or []
    app = QApplication(argv[:1])
    deadline = time.monotonic() + timeout_s
    # With --annotate the studio opens no project; otherwise the default project must open when it ships.
    wants_project = bool(stages or (facts.get("default_project") and "--annotate" not in argv))

    def finish(outcomes: dict[str, str] | None = None) -> None:
        found = report(app, facts, wants_project)
        if stages:
            found["stages"] = outcomes or {}
            found["stages_ok"] = all((outcomes or {}).get(s, "").startswith(OK_OUTCOMES) for s in stages)
        print("smoke-test " + json.dumps(found, ensure_ascii=False), flush=True)
        window = main_window(app)
        if window is not None and hasattr(window, "shutdown"):
            window.shutdown()  # as closing the window does: its background work ends before the app does
        app.exit(3 if any(value is False or value is None for value in found.values()) else 0)

    def check() -> None:
        window = main_window(app)
        if not settled(window, wants_project) and time.monotonic() < deadline:
            QTimer.singleShot(100, check)
        elif stages and window is not None:
            StageDriver(window, stages, finish).next()
        else:
            finish()

    QTimer.singleShot(0, check)  # runs once the event loop has turned: the window is shown by then
    return studio(argv)
