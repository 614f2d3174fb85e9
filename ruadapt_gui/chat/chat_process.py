"""ChatProcess: one chat model in its own worker process (`core.inference.worker`), driven over JSON lines.

The only place the chat workspace touches QProcess. Everything arrives as typed signals on the GUI
thread; nothing blocks while the model loads or generates. A crash of llama.cpp (a segfault, the OOM
killer, a kill -9) ends this process only and shows as `crashed`; the other models keep working.
"""

from __future__ import annotations

import json
import signal as signals
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, Signal

from core.inference.client import worker_command
from core.inference.llama_session import SamplingParams
from ruadapt_gui.child_process import child_qprocess

STDERR_KEEP = 4000  # characters of the worker's stderr kept for a crash message
QUIT_WAIT_MS = 3000


class ChatProcess(QObject):
    loading = Signal()
    ready = Signal(dict)  # the model's description: name, architecture, n_vocab, n_ctx, chat_template
    delta = Signal(int, str, int, int)  # request, text, answer tokens so far, prompt tokens
    done = Signal(int, dict)  # request, {"text", "stats"} (stats: GenerationStats.as_dict())
    tokens = Signal(int, list, list, list)  # request, ids, pieces, bytes per piece
    request_failed = Signal(int, str)  # request, message (the model stays loaded)
    load_failed = Signal(str)  # the model could not be loaded (the message says why and how to fix it)
    crashed = Signal(str)  # the process ended unexpectedly (llama.cpp crashed, killed, out of memory)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process: QProcess | None = None
        self._buffer = b""
        self._stderr = ""
        self._next_id = 0
        self._ready = False
        self._closing = False
        self._fatal_message = ""
        self.model_path: Path | None = None

    # -- what the chat page calls -----------------------------------------------------------------

    def start(self, model_path: Path | str, n_ctx: int = 4096, threads: int = 0) -> None:
        """Start a worker for this model (a running one is closed first); answers with `ready` or an error."""
        self.close()
        self.model_path = Path(model_path)
        self._buffer, self._stderr, self._ready, self._closing, self._fatal_message = b"", "", False, False, ""
        command = worker_command(self.model_path, n_ctx, threads)
        process = child_qprocess(command, self)
        process.readyReadStandardOutput.connect(self._read_stdout)
        process.readyReadStandardError.connect(self._read_stderr)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error_occurred)
        self._process = process
        self.loading.emit()
        process.start()

    @property
    def is_ready(self) -> bool:
        return self._ready

    @property
    def is_running(self) -> bool:
        return self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning

    def pid(self) -> int:
        return self._process.processId() if self._process is not None else 0

    def generate(self, messages: list[dict], params: SamplingParams) -> int:
        return self._send({"cmd": "generate", "messages": messages, "params": asdict(params)})

    def tokenize(self, text: str) -> int:
        return self._send({"cmd": "tokenize", "text": text})

    def stop(self, request: int) -> None:
        """Stop a generation: the worker ends it after the token it is on and sends `done`."""
        if self.is_running:
            self._write({"cmd": "stop", "id": request})

    def close(self) -> None:
        """Ask the worker to quit (stopping what it generates); kill it if it does not within 3 s, or at once
        while it is still loading the model."""
        process, self._process = self._process, None
        was_ready, self._ready = self._ready, False
        if process is None:
            return
        self._closing = True
        process.readyReadStandardOutput.disconnect(self._read_stdout)
        process.readyReadStandardError.disconnect(self._read_stderr)
        process.finished.disconnect(self._finished)
        process.errorOccurred.disconnect(self._error_occurred)
        if process.state() != QProcess.ProcessState.NotRunning:
            if was_ready:  # it reads commands: stop what it generates (it ends after the current token), quit
                for request in range(1, self._next_id + 1):
                    process.write(_line({"cmd": "stop", "id": request}))
                process.write(_line({"cmd": "quit"}))
                process.closeWriteChannel()
            if not was_ready or not process.waitForFinished(QUIT_WAIT_MS):
                process.kill()  # still loading (nothing to lose), or not answering
                process.waitForFinished(QUIT_WAIT_MS)
        process.deleteLater()

    # -- the protocol ---------------------------------------------------------------------------

    def _send(self, command: dict) -> int:
        if not self._ready:
            raise RuntimeError("ChatProcess: the model is not loaded")
        self._next_id += 1
        self._write({**command, "id": self._next_id})
        return self._next_id

    def _write(self, command: dict) -> None:
        self._process.write(_line(command))

    def _read_stdout(self) -> None:
        self._buffer += bytes(self._process.readAllStandardOutput())
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            if not line.strip():
                continue
            try:
                event = json.loads(line)
            except json.JSONDecodeError:  # native code printing to stdout: keep it with the log
                self._stderr = (self._stderr + line.decode("utf-8", errors="replace") + "\n")[-STDERR_KEEP:]
                continue
            self._dispatch(event)

    def _read_stderr(self) -> None:
        text = bytes(self._process.readAllStandardError()).decode("utf-8", errors="replace")
        self._stderr = (self._stderr + text)[-STDERR_KEEP:]

    def _dispatch(self, event: dict) -> None:
        kind = event["type"]
        if kind == "ready":
            self._ready = True
            self.ready.emit(event)
        elif kind == "delta":
            self.delta.emit(event["id"], event["text"], event["tokens"], event.get("prompt_tokens", 0))
        elif kind == "done":
            self.done.emit(event["id"], {"text": event["text"], "stats": event["stats"]})
        elif kind == "tokens":
            self.tokens.emit(event["id"], event["ids"], event["pieces"],
                             event.get("piece_bytes", [len(p.encode()) for p in event["pieces"]]))
        elif kind == "error" and event.get("fatal"):
            self._fatal_message = event["message"]  # reported when the process has ended
        elif kind == "error":
            self.request_failed.emit(event["id"] or 0, event["message"])
        else:
            raise ValueError(f"unknown event from the chat worker: {event!r}")

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read_stdout()
        self._read_stderr()
        was_ready, self._ready = self._ready, False
        if self._closing:
            return
        if self._fatal_message:
            self.load_failed.emit(self._fatal_message)
            return
        how = self._how_it_ended(code, status)
        tail = self._stderr.strip()[-600:]
        message = how + (f"\n{tail}" if tail else "")
        if was_ready:
            self.crashed.emit(message)
        else:
            self.load_failed.emit(message)

    def _how_it_ended(self, code: int, status: QProcess.ExitStatus) -> str:
        if status == QProcess.ExitStatus.CrashExit:
            signal = _signal_of(self._process)
            if signal:
                return self.tr("The model's process crashed (killed by {signal}).").format(signal=signal)
            return self.tr("The model's process crashed.")
        return self.tr("The model's process ended (exit code {code}).").format(code=code)

    def _error_occurred(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self._closing:
            self.load_failed.emit(self.tr("Could not start the model's process: {error}").format(
                error=self._process.errorString()))


def _line(command: dict) -> bytes:
    return (json.dumps(command, ensure_ascii=False) + "\n").encode("utf-8")


def _signal_of(process: QProcess | None) -> str:
    """The signal that ended a crashed worker (QProcess only says "crashed"; on POSIX the exit code
    it reports for a crash is the signal number)."""
    if process is None:
        return ""
    number = process.exitCode()
    try:
        return signals.Signals(number).name
    except ValueError:
        return ""
