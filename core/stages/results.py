"""What each stage hands to the next stages, the report and the studio: a typed, versioned result.

A stage still returns a plain dict (its result.json holds every figure it measured); the fields named
here are the contract other parts read. The worker checks a stage's dict against its type before the run
counts as done (a renamed field fails that stage's run and its test, not a stage hours later), writes the
version into result.json (`"v"`, as events.py does for events), and readers get the typed result with
`parse_result` / `StageContext.input_result`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any

RESULT_VERSION = 1  # result.json files written before versioning have no "v": they read as version 1


class ResultContractError(ValueError):
    """A stage's result lacks a field its type promises, or holds the wrong kind of value (a bug)."""


@dataclass(frozen=True, kw_only=True)
class StageResult:
    summary: str = ""  # one line for lists, logs and the CLI


@dataclass(frozen=True, kw_only=True)
class ModelResult(StageResult):
    model_dir: str  # a Hugging Face folder the next stage loads
    skipped: bool = False  # the stage is off in the project and handed its input model on unchanged


@dataclass(frozen=True, kw_only=True)
class ImportResult(ModelResult):
    has_chat_template: bool = False


@dataclass(frozen=True, kw_only=True)
class CorpusResult(StageResult):
    train_ru_docs: int
    heldout_ru_docs: int


@dataclass(frozen=True, kw_only=True)
class BaselineResult(ModelResult):
    bpc_ru: float | None = None  # bits per character of the source model on held-out Russian


@dataclass(frozen=True, kw_only=True)
class TokenizerResult(StageResult):
    tokenizer_dir: str


@dataclass(frozen=True, kw_only=True)
class TransplantResult(ModelResult):
    init: str


@dataclass(frozen=True, kw_only=True)
class TrainResult(ModelResult):
    final_loss: float | None = None
    final_bpc_ru: float | None = None
    tokens_per_s: float = 0.0


@dataclass(frozen=True, kw_only=True)
class ExportResult(StageResult):
    types: list = field(default_factory=list)  # the GGUF types written, e.g. ["f16", "q8_0"]
    files: list = field(default_factory=list)  # the GGUF paths written


@dataclass(frozen=True, kw_only=True)
class EvaluateResult(StageResult):
    report_md: str = ""
    report_html: str = ""


def _check(cls: type[StageResult], data: dict[str, Any], stage: str) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ResultContractError(f"the {stage} stage's result has no {f.name!r} "
                                          f"(its type, {cls.__name__}, requires it)")
            continue
        value, kinds = data[f.name], _kinds(hints[f.name])
        if not isinstance(value, kinds) or isinstance(value, bool) and bool not in kinds:
            raise ResultContractError(f"the {stage} stage's result field {f.name!r} is {value!r}; "
                                      f"{cls.__name__} says {hints[f.name]}")
        values[f.name] = value
    return values


def _kinds(hint: Any) -> tuple[type, ...]:
    """The runtime types a field's annotation admits (an int is a fine float; JSON has lists, not tuples)."""
    parts = typing.get_args(hint) if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union \
        else (hint,)
    kinds = tuple(typing.get_origin(p) or p for p in parts)
    kinds = tuple(type(None) if k is None else k for k in kinds)
    return kinds + (int,) if float in kinds else kinds


def result_for_disk(cls: type[StageResult], data: dict[str, Any], stage: str) -> dict[str, Any]:
    """The dict to write as result.json: checked against the stage's type, with the version."""
    _check(cls, data, stage)
    return {"v": RESULT_VERSION, **{k: v for k, v in data.items() if k != "v"}}


def parse_result(cls: type[StageResult], data: dict[str, Any], stage: str) -> StageResult:
    """A result.json's dict as the stage's typed result (its other figures are left to those who read them)."""
    version = data.get("v", 1)
    if version != RESULT_VERSION:
        raise ResultContractError(f"the {stage} result is version {version}; this app reads version "
                                  f"{RESULT_VERSION} (run the stage again)")
    return cls(**_check(cls, data, stage))
