"""One GGUF model in llama.cpp: chat prompts from the file's own template, streamed generation with
exact token counts and timings (streamed completions carry no usage, so we count ourselves)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from core.errors import ModelError
from core.inference.speed import SpeedFigures, SpeedReadings, speed_figures, words_in
from core.models.gguf_import import check_gguf_file


@dataclass
class GenerationStats(SpeedReadings):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    chars: int = 0
    words: int = 0
    ttft_s: float = 0.0      # prompt submitted → first answer token
    decode_s: float = 0.0    # first answer token → last
    finish: str = ""         # "eos", "length", "stopped"

    @property
    def speed(self) -> SpeedFigures:
        return speed_figures(self.completion_tokens, self.chars, self.words, self.decode_s)

    def as_dict(self) -> dict:
        return {**asdict(self), **asdict(self.speed)}


@dataclass(frozen=True)
class SamplingParams:
    temperature: float = 0.0   # 0 = greedy
    top_p: float = 0.95
    top_k: int = 40
    max_tokens: int = 256
    seed: int = 0
    repeat_penalty: float = 1.0
    ignore_eos: bool = False   # benchmarks generate a fixed amount of text
    max_chars: int = 0         # stop once the answer has this many characters (0 = no limit)


@dataclass
class LlamaSession:
    path: Path
    n_ctx: int = 2048
    n_threads: int = 0
    exact_kv: bool = False     # f32 KV cache, for parity checks
    llm: object = field(init=False, repr=False)

    def __post_init__(self) -> None:
        from llama_cpp import Llama

        self.path = Path(self.path)
        check_gguf_file(self.path, folder_too=False)  # llama.cpp reads GGUF files only
        kv = {"type_k": 0, "type_v": 0} if self.exact_kv else {}
        try:
            self.llm = Llama(str(self.path), n_ctx=self.n_ctx, n_threads=self.n_threads or os.cpu_count(),
                             verbose=False, **kv)
        except (ValueError, RuntimeError) as exc:
            raise ModelError(f"llama.cpp could not load this model ({exc})", where=str(self.path),
                             fix="check the file is complete and its architecture is one llama.cpp supports") from None
        import llama_cpp

        self._vocab = llama_cpp.llama_model_get_vocab(self.llm.model)
        self._is_eog = lambda t: llama_cpp.llama_vocab_is_eog(self._vocab, t)
        self.chat_template = self.llm.metadata.get("tokenizer.chat_template", "")

    def describe(self) -> dict:
        meta = self.llm.metadata
        return {"path": str(self.path), "architecture": meta.get("general.architecture", ""),
                "name": meta.get("general.name", self.path.stem), "n_vocab": self.llm.n_vocab(),
                "n_ctx": self.llm.n_ctx(), "chat_template": bool(self.chat_template)}

    def tokenize(self, text: str, special: bool = True) -> list[int]:
        return self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=special)

    def pieces(self, ids: list[int]) -> list[str]:
        """Each token's text (byte pieces of one character shown as they decode: possibly partial)."""
        return [self.llm.detokenize([i], special=True).decode("utf-8", errors="replace") for i in ids]

    def piece_bytes(self, ids: list[int]) -> list[int]:
        """Each token's length in UTF-8 bytes (a character split across tokens shows in these)."""
        return [len(self.llm.detokenize([i], special=True)) for i in ids]

    def chat_prompt(self, messages: list[dict]) -> str:
        if not self.chat_template:
            return "".join(f"{m['content']}\n\n" for m in messages)
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        eos = self.llm.detokenize([self.llm.token_eos()], special=True).decode("utf-8", "replace")
        bos = self.llm.detokenize([self.llm.token_bos()], special=True).decode("utf-8", "replace")
        return Jinja2ChatFormatter(self.chat_template, eos_token=eos, bos_token=bos)(messages=messages).prompt

    def prompt_tokens(self, prompt: str) -> list[int]:
        add_bos = self.llm._model.add_bos_token() and not prompt.startswith(
            self.llm.detokenize([self.llm.token_bos()], special=True).decode("utf-8", "replace"))
        return ([self.llm.token_bos()] if add_bos else []) + self.tokenize(prompt)

    def stream(self, prompt: str, params: SamplingParams, should_stop: Callable[[], bool] = lambda: False,
               stats: GenerationStats | None = None) -> Iterator[str]:
        """Yield text deltas as they decode; fill `stats` as it goes."""
        stats = stats if stats is not None else GenerationStats()
        tokens = self.prompt_tokens(prompt)
        if len(tokens) >= self.llm.n_ctx():
            raise ModelError(f"the prompt has {len(tokens)} tokens, the context holds {self.llm.n_ctx()}",
                             where="chat", fix="clear the conversation or raise the context size")
        stats.prompt_tokens = len(tokens)
        budget = min(params.max_tokens, self.llm.n_ctx() - len(tokens))
        self.llm.set_seed(params.seed)
        pending = b""
        started = time.perf_counter()
        first = None
        stats.finish = "length"
        for token in self.llm.generate(tokens, top_k=params.top_k, top_p=params.top_p, min_p=0.0,
                                       temp=params.temperature, repeat_penalty=params.repeat_penalty):
            now = time.perf_counter()
            if self._is_eog(token) and not params.ignore_eos:
                stats.finish = "eos"
                break
            if first is None:
                first = now
                stats.ttft_s = now - started
            stats.completion_tokens += 1
            stats.decode_s = now - first
            pending += self.llm.detokenize([token], special=False)
            text, pending = _complete_utf8(pending)
            if text:
                stats.chars += len(text)
                yield text
            if should_stop():
                stats.finish = "stopped"
                break
            if stats.completion_tokens >= budget or (params.max_chars and stats.chars >= params.max_chars):
                break
        if pending:
            tail = pending.decode("utf-8", errors="replace")
            stats.chars += len(tail)
            yield tail

    def generate(self, prompt: str, params: SamplingParams) -> tuple[str, GenerationStats]:
        stats = GenerationStats()
        text = "".join(self.stream(prompt, params, stats=stats))
        stats.words = len(words_in(text))
        return text, stats


def _complete_utf8(data: bytes) -> tuple[str, bytes]:
    """Decode what forms whole characters; keep a trailing partial character for the next token."""
    for cut in range(len(data), max(len(data) - 4, -1), -1):
        try:
            return data[:cut].decode("utf-8"), data[cut:]
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace"), b""
