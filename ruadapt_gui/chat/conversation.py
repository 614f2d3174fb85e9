"""One side's conversation: the turns it was asked and what its model answered (no Qt, no widgets).

Each side keeps its own history: a multi-turn chat sends every model its own earlier answers."""

from __future__ import annotations

from dataclasses import dataclass, field

from ruadapt_gui.chat.readouts import LiveCount, Readout, final_readout

GENERATING, DONE, STOPPED, FAILED = "generating", "done", "stopped", "failed"


@dataclass
class Turn:
    user: str
    params: dict  # the SamplingParams it was generated with
    live: LiveCount
    answer: str = ""
    state: str = GENERATING
    stats: dict | None = None  # the worker's `done` stats (llama.cpp's counts and timings)
    error: str = ""

    def readout(self) -> Readout:
        return final_readout(self.stats) if self.stats is not None else self.live.readout()

    def finish(self, text: str, stats: dict) -> None:
        self.answer, self.stats = text, stats
        self.state = STOPPED if stats.get("finish") == "stopped" else DONE

    @property
    def cut_at(self) -> int | None:
        """The token budget that ended this answer mid-way (max tokens, or the context filling up), if one did."""
        if self.state == DONE and self.stats is not None and self.stats.get("finish") == "length":
            return self.stats["completion_tokens"]
        return None

    def fail(self, message: str) -> None:
        self.answer, self.state, self.error = self.live.text, FAILED, message

    def as_dict(self) -> dict:
        return {"user": self.user, "answer": self.answer if self.state != GENERATING else self.live.text,
                "state": self.state, "error": self.error, "params": self.params, "stats": self.stats,
                "readout": self.readout().as_dict()}


@dataclass
class Conversation:
    system: str = ""
    turns: list[Turn] = field(default_factory=list)

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def messages(self) -> list[dict]:
        """The chat to send for the last turn: the system prompt, earlier turns with their answers, the last
        user message. A failed earlier turn is left out (the model never answered it)."""
        messages = [{"role": "system", "content": self.system}] if self.system.strip() else []
        for turn in self.turns[:-1]:
            if turn.state != FAILED:
                messages += [{"role": "user", "content": turn.user}, {"role": "assistant", "content": turn.answer}]
        if self.turns:
            messages.append({"role": "user", "content": self.turns[-1].user})
        return messages

    def clear(self) -> None:
        self.turns.clear()
