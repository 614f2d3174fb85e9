"""What a stage sees while it runs: its settings, its inputs, and a way to report and be stopped."""

from __future__ import annotations

import functools
import os
import time
from pathlib import Path
from typing import Any

from core.jobs.events import Artifact, Event, Log, Metric, Progress, append_event
from core.jobs.rundir import RunDir
from core.project.io import recorded_settings
from core.project.schema import Project


class CancelRequested(Exception):
    """Raised inside a stage by `check_cancelled()` once the user asked the run to stop."""


# Tests (and anyone reproducing a cancel): "STAGE:N" holds that stage right after its Nth progress event
# until the run is cancelled, so a cancel lands mid-stage whatever the machine's speed.
HOLD_AT_PROGRESS_ENV = "RUADAPT_HOLD_AT_PROGRESS"


def _hold_point(stage: str) -> int:
    held_stage, _, count = os.environ.get(HOLD_AT_PROGRESS_ENV, "").partition(":")
    return int(count or 1) if held_stage == stage else 0


class StageContext:
    PROGRESS_INTERVAL_S = 0.1  # at most ten progress events a second reach the file

    def __init__(self, run: RunDir) -> None:
        self.run = run
        self.spec: dict[str, Any] = run.spec()
        self.settings: dict[str, Any] = self.spec["settings"]  # as recorded; stages read `config`
        self.inputs: dict[str, dict[str, Any]] = self.spec.get("inputs", {})
        self._last_progress = 0.0
        self._last_cancel_check = 0.0
        self._progress_events = 0
        self._hold_at = _hold_point(self.spec.get("stage", ""))

    @functools.cached_property
    def config(self) -> Project:
        """The stage's settings, typed: the schema's sections its row lists (any other raises when read)."""
        return recorded_settings(self.settings, self.spec.get("stage", ""))

    @property
    def output_dir(self) -> Path:
        """Where the stage writes its files; becomes `outputs/` only if the stage succeeds."""
        self.run.partial_outputs.mkdir(exist_ok=True)
        return self.run.partial_outputs

    def emit(self, event: Event) -> None:
        append_event(self.run.events_path, event)

    def progress(self, done: float, total: float | None = None, unit: str = "", message: str = "") -> None:
        now = time.monotonic()
        if now - self._last_progress >= self.PROGRESS_INTERVAL_S or (total is not None and done >= total):
            self._last_progress = now
            self.emit(Progress(done=done, total=total, unit=unit, message=message))
            self._progress_events += 1
            if self._progress_events == self._hold_at:
                self._hold_until_cancelled()
        self.check_cancelled()

    def metric(self, name: str, value: float, step: int) -> None:
        self.emit(Metric(name=name, value=float(value), step=int(step)))

    def log(self, message: str, level: str = "info") -> None:
        print(message, flush=True)
        self.emit(Log(message=message, level=level))

    def artifact(self, path: Path, kind: str = "") -> None:
        """Report a file the run makes, by the path it has once the run succeeds (outputs/, not the
        outputs.partial/ it is written in: that folder is gone when anyone reads the log later)."""
        path = Path(path)
        if path.is_relative_to(self.run.partial_outputs):
            path = self.run.outputs / path.relative_to(self.run.partial_outputs)
        self.emit(Artifact(path=str(path), kind=kind))

    def save_model(self, model, tokenizer) -> Path:
        """The stage's model and tokenizer as a Hugging Face folder `model/` in its outputs (safetensors),
        reported as an artifact: the one tail every model-making stage ends with."""
        from core.tokenizer.hf_files import save_tokenizer  # transformers: only stages that make models pay for it

        out = self.output_dir / "model"
        model.save_pretrained(out, safe_serialization=True)
        save_tokenizer(tokenizer, out)  # a tokenizer_config.json that transformers 4 and llama.cpp's converter read
        self.artifact(out, "model")
        return out

    def _hold_until_cancelled(self) -> None:
        while not self.run.cancel_flag.exists():
            time.sleep(0.02)
        raise CancelRequested()

    def check_cancelled(self) -> None:
        """Cheap enough to call every step: looks at the flag file at most every 0.2 s."""
        now = time.monotonic()
        if now - self._last_cancel_check < 0.2:
            return
        self._last_cancel_check = now
        if self.run.cancel_flag.exists():
            raise CancelRequested()
