"""`python -m core.inference.worker MODEL.gguf`: one model in its own process, driven over JSON lines.

stdin commands:  {"cmd": "generate", "id": N, "messages": [...]} or {"cmd": "generate", "id": N,
                 "prompt": "raw text"}, with "params": SamplingParams fields;
                 {"cmd": "tokenize", "id": N, "text": "..."}; {"cmd": "stop", "id": N}; {"cmd": "quit"}
stdout events:   {"type": "ready", ...describe()}, {"type": "delta", "id", "text", "tokens", "prompt_tokens"},
                 {"type": "done", "id", "text", "stats", "prompt_tokens_ids"?}, {"type": "tokens", "id",
                 "ids", "pieces", "piece_bytes"}, {"type": "error", "id", "message", "fatal"}
                 ("tokens" in a delta: answer tokens so far; "piece_bytes": each token's length in UTF-8 bytes,
                 so a reader can tell where a character is split across tokens)
A crash of llama.cpp ends this process only; the caller sees the exit and reports it on that side.
"""

from __future__ import annotations

import json
import queue
import sys
import threading

from core.errors import UserError
from core.inference.llama_session import GenerationStats, LlamaSession, SamplingParams
from core.inference.speed import words_in


def _send(event: dict) -> None:
    sys.stdout.write(json.dumps(event, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _reader(commands: queue.Queue, stop_ids: set) -> None:
    """Read commands; a stop takes effect at once, even while a generation runs."""
    for line in sys.stdin:
        if not line.strip():
            continue
        command = json.loads(line)
        if command.get("cmd") == "stop":
            stop_ids.add(command.get("id"))
        else:
            commands.put(command)
    commands.put({"cmd": "quit"})


def _generate(session: LlamaSession, command: dict, stop_ids: set) -> None:
    request = command["id"]
    params = SamplingParams(**command.get("params", {}))
    prompt = command["prompt"] if "prompt" in command else session.chat_prompt(command["messages"])
    stats = GenerationStats()
    parts = []
    for delta in session.stream(prompt, params, should_stop=lambda: request in stop_ids, stats=stats):
        parts.append(delta)
        _send({"type": "delta", "id": request, "text": delta, "tokens": stats.completion_tokens,
               "prompt_tokens": stats.prompt_tokens})
    text = "".join(parts)
    stats.words = len(words_in(text))
    _send({"type": "done", "id": request, "text": text, "stats": stats.as_dict(),
           "prompt": prompt if command.get("echo_prompt") else None})


def serve(model_path: str, n_ctx: int, n_threads: int) -> int:
    try:
        session = LlamaSession(model_path, n_ctx=n_ctx, n_threads=n_threads)
    except UserError as exc:
        _send({"type": "error", "id": None, "message": str(exc), "fatal": True})
        return 2
    _send({"type": "ready", **session.describe()})
    commands: queue.Queue = queue.Queue()
    stop_ids: set = set()
    threading.Thread(target=_reader, args=(commands, stop_ids), daemon=True).start()
    while (command := commands.get())["cmd"] != "quit":
        try:
            if command["cmd"] == "generate":
                _generate(session, command, stop_ids)
            elif command["cmd"] == "tokenize":
                ids = session.tokenize(command["text"], special=command.get("special", True))
                _send({"type": "tokens", "id": command["id"], "ids": ids, "pieces": session.pieces(ids),
                       "piece_bytes": session.piece_bytes(ids)})
            else:
                _send({"type": "error", "id": command.get("id"), "message": f"unknown command {command['cmd']!r}",
                       "fatal": False})
        except UserError as exc:
            _send({"type": "error", "id": command.get("id"), "message": str(exc), "fatal": False})
    return 0


def main(args: list[str], prog: str = "python -m core.inference.worker") -> int:
    """The worker's command line, here and behind a frozen app's `--chat-worker` (core/child_entry.py)."""
    import argparse

    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("model")
    parser.add_argument("--n-ctx", type=int, default=2048)
    parser.add_argument("--threads", type=int, default=0)
    parsed = parser.parse_args(args)
    return serve(parsed.model, parsed.n_ctx, parsed.threads)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
