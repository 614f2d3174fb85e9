"""A chat worker process seen from Python (the CLI, benchmarks, annotation jobs). The studio drives
the same protocol through QProcess."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from core.errors import ModelError
from core.inference.llama_session import SamplingParams
from core.jobs.launch import child_env


def worker_command(model: Path, n_ctx: int = 2048, threads: int = 0) -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, "--chat-worker", str(model), "--n-ctx", str(n_ctx), "--threads", str(threads)]
    return [sys.executable, "-m", "core.inference.worker", str(model), "--n-ctx", str(n_ctx),
            "--threads", str(threads)]


class ChatWorker:
    def __init__(self, model: Path | str, n_ctx: int = 2048, threads: int = 0) -> None:
        self.model = Path(model)
        self.proc = subprocess.Popen(worker_command(self.model, n_ctx, threads), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     encoding="utf-8", env=child_env())
        self._next_id = 0
        ready = self._event()
        if ready["type"] != "ready":
            self.close()
            raise ModelError(ready.get("message", "the model did not load"), where=str(self.model))
        self.info = ready

    def _event(self) -> dict:
        line = self.proc.stdout.readline()
        if not line:
            code = self.proc.wait()
            why = f"signal {-code}" if code < 0 else f"exit code {code}"
            raise ModelError(f"the model's worker process ended ({why}): {self.proc.stderr.read()[-500:]}",
                             where=str(self.model), fix="check the model file; a llama.cpp crash ends only this worker")
        return json.loads(line)

    def _send(self, command: dict) -> int:
        self._next_id += 1
        self.proc.stdin.write(json.dumps({"id": self._next_id, **command}, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        return self._next_id

    def stream(self, *, messages: list[dict] | None = None, prompt: str | None = None,
               params: SamplingParams = SamplingParams()) -> Iterator[dict]:
        """Delta events, then the done event (with stats)."""
        body = {"messages": messages} if messages is not None else {"prompt": prompt}
        request = self._send({"cmd": "generate", **body, "params": asdict(params)})
        while True:
            event = self._event()
            if event.get("id") != request:
                continue
            if event["type"] == "error":
                raise ModelError(event["message"], where=str(self.model))
            yield event
            if event["type"] == "done":
                return

    def generate(self, **kw) -> dict:
        *_, done = self.stream(**kw)
        return done

    def tokenize(self, text: str) -> dict:
        request = self._send({"cmd": "tokenize", "text": text})
        while (event := self._event()).get("id") != request:
            pass
        return event

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.proc.stdin.write(json.dumps({"cmd": "quit"}) + "\n")
                self.proc.stdin.flush()
                self.proc.wait(timeout=10)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            stream.close()

    def __enter__(self) -> ChatWorker:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
