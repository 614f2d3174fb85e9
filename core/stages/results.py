"""What each stage hands to the next stages, the report and the studio: a typed, versioned result.

A stage still returns a plain dict (its result.json holds every figure it measured); the fields named
here are the contract other parts read, nested records included (an export's files by side and type, the
evaluation's figures by model and language). The worker checks a stage's dict against its type before the
run counts as done (a renamed field fails that stage's run and its test, not a stage hours later), writes
the version into result.json (`"v"`, as events.py does for events), and readers get the typed result:
`core.stages.input_result` from a run's inputs, `core.stages.stage_result` from a run folder's result,
`StageResult.typed` in the studio.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core import metric_names as metric
from core.evaluation.darucopy import CopyTaskScore
from core.evaluation.token_stats import TokenEfficiency

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
class LanguageFigures:
    """A model's figures on the held-out texts, by language ("ru", "en"; a language without text is None)."""
    tokens_ru: TokenEfficiency | None = None
    tokens_en: TokenEfficiency | None = None
    bpc_ru: float | None = None  # bits per character (metric_names.bits_per_char)
    bpc_en: float | None = None
    top1_chars_ru: float | None = None  # characters per first-choice token (metric_names.top1_chars)
    top1_chars_en: float | None = None

    def tokens(self, lang: str) -> TokenEfficiency | None:
        return getattr(self, f"tokens_{lang}")

    def bpc(self, lang: str) -> float | None:
        return getattr(self, metric.bits_per_char(lang))

    def top1_chars(self, lang: str) -> float | None:
        return getattr(self, metric.top1_chars(lang))


@dataclass(frozen=True, kw_only=True)
class BaselineResult(ModelResult, LanguageFigures):
    """The source model measured on held-out text, before any adaptation."""


@dataclass(frozen=True, kw_only=True)
class TokenizerComparison:
    """The source's and the new tokenizer's cost on one held-out text."""
    source: TokenEfficiency
    new: TokenEfficiency
    ratio: float  # source tokens / new tokens: above 1, the new vocabulary spends fewer
    unchanged: bool = False  # the new tokenizer cuts the text exactly as the source did
    unknown_tokens: int = 0  # <unk> tokens (a Unigram for llama.cpp has no byte fallback)


@dataclass(frozen=True, kw_only=True)
class TokenizerResult(StageResult):
    tokenizer_dir: str
    model_vocab_size: int = 0  # the rows the model's embeddings get (the vocabulary padded); 0: its own size
    mode: str = ""
    algorithm: str = ""
    vocab_size: int = 0
    source_vocab_size: int = 0
    added: int = 0
    kept: int = 0
    skipped: int = 0
    gguf_exportable: bool = True
    gguf_note: str = ""  # why not (what and how to fix), from the GGUF export's own check
    ru: TokenizerComparison | None = None  # None: no held-out text in that language
    en: TokenizerComparison | None = None

    def comparisons(self) -> dict[str, TokenizerComparison]:
        return {lang: c for lang, c in (("ru", self.ru), ("en", self.en)) if c is not None}


@dataclass(frozen=True, kw_only=True)
class TransplantResult(ModelResult):
    init: str


@dataclass(frozen=True, kw_only=True)
class TrainResult(ModelResult):
    steps: int = 0
    device: str = ""
    train_seconds: float = 0.0
    tokens_per_s: float = 0.0
    achieved_tflops: float = 0.0
    mfu: float | None = None  # None: the device's peak is not known (a CPU, an unlisted GPU)
    final_loss: float | None = None
    final_bpc_ru: float | None = None


@dataclass(frozen=True, kw_only=True)
class BeforeAfter:
    """An instruct model's DaruCopy scores and held-out Russian bits per character before and after a stage."""
    copy_before: dict[str, CopyTaskScore] | None = None  # None: no copy sets
    copy_after: dict[str, CopyTaskScore] | None = None
    bpc_before: float | None = None
    bpc_after: float | None = None
    bpc_chars: int = 0  # the held-out characters the bits per character are over


@dataclass(frozen=True, kw_only=True)
class LepResult(ModelResult, BeforeAfter):
    """The fit's figures (lep/propagate.py's LepReport); a skipped run has none of them."""
    mode: str = ""
    fit_rows: int = 0
    residual_input: float = 0.0
    residual_head: float | None = None
    added_copied: int = 0
    layers_delta_merged: int = 0
    tied: bool = False


@dataclass(frozen=True, kw_only=True)
class CalibrationResult(ModelResult, BeforeAfter):
    steps: int = 0


@dataclass(frozen=True, kw_only=True)
class GgufPath:
    path: str  # where the file lies once the export run succeeded (the writer's other figures beside it)


@dataclass(frozen=True, kw_only=True)
class ExportedGguf:
    file: GgufPath
    parity: dict | None = None  # the parity check's report (export/parity.py); None or empty when it is off


@dataclass(frozen=True, kw_only=True)
class ExportResult(StageResult):
    types: list[str] = field(default_factory=list)  # the GGUF types written, e.g. ["f16", "q8_0"]
    files: list[str] = field(default_factory=list)  # the GGUF paths written
    original: dict[str, ExportedGguf] = field(default_factory=dict)  # by type
    adapted: dict[str, ExportedGguf] = field(default_factory=dict)

    def gguf(self, side: str, kind: str) -> Path:
        """The file of one side ("original", "adapted") in one GGUF type."""
        return Path(getattr(self, side)[kind].file.path)


@dataclass(frozen=True, kw_only=True)
class SideFigures(LanguageFigures):
    copy: dict[str, CopyTaskScore] | None = None  # DaruCopy by llmtf task name; None: no copy sets


@dataclass(frozen=True, kw_only=True)
class SpeedRow:
    """One model's generation speed (generation_speed.ModelSpeed.summary): medians over the passes."""
    model: str
    chars_per_s: float
    chars_per_s_min: float
    chars_per_s_max: float
    tokens_per_s: float
    chars_per_token: float
    cyrillic_share: float


@dataclass(frozen=True, kw_only=True)
class SpeedFigures:
    type: str  # the GGUF type measured
    files: list[str]  # original, adapted
    chars: int
    repeats: int
    ru: list[SpeedRow]  # original, adapted
    en: list[SpeedRow]

    def rows(self, lang: str) -> list[SpeedRow]:
        return getattr(self, lang)


@dataclass(frozen=True, kw_only=True)
class HeldoutCheck:
    heldout_paragraphs: int
    found_in_training: int  # must be 0: held-out text training saw


@dataclass(frozen=True, kw_only=True)
class HeldoutText:
    file: str
    chars: int


@dataclass(frozen=True, kw_only=True)
class OutsideFigures:
    tokens: int
    bpc: float


@dataclass(frozen=True, kw_only=True)
class OutsideText:
    """Russian text outside the corpus's domain (a Debian package's), measured on both models."""
    package: str
    chars: int
    original: OutsideFigures | None = None
    adapted: OutsideFigures | None = None


@dataclass(frozen=True, kw_only=True)
class EvaluateResult(StageResult):
    report_md: str = ""
    report_html: str = ""
    texts: dict[str, HeldoutText]  # by language
    models: dict[str, str]  # the Hugging Face folders compared, by side
    heldout_check: HeldoutCheck
    original: SideFigures
    adapted: SideFigures
    speed: SpeedFigures
    curves: dict[str, dict[str, list]] = field(default_factory=dict)  # stage → metric → [[step, value], …]
    curves_bpc_reference: float | None = None  # the source model's bits per character, drawn on the curves
    outside: dict[str, OutsideText] = field(default_factory=dict)  # by name (core/evaluation/outside_text.py)
    outside_missing: list[str] = field(default_factory=list)  # the packages not installed, so not measured

    def sides(self) -> tuple[tuple[str, SideFigures], tuple[str, SideFigures]]:
        return ("original", self.original), ("adapted", self.adapted)

    def languages(self) -> list[str]:
        """The held-out languages the adapted model was measured on."""
        return [lang for lang in ("ru", "en") if self.adapted.tokens(lang) is not None]


def _fields(cls: type, data: dict[str, Any], stage: str, where: str = "") -> dict[str, Any]:
    """`data`'s values for the fields of `cls` (a dataclass), each checked and nested records built."""
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if f.name not in data:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise ResultContractError(f"the {stage} stage's result has no {where + f.name!r} "
                                          f"(its type, {cls.__name__}, requires it)")
            continue
        values[f.name] = _value(hints[f.name], data[f.name], stage, where + f.name, cls.__name__)
    return values


def _value(hint: Any, value: Any, stage: str, where: str, owner: str) -> Any:
    """`value` as `hint` says: a dataclass from a dict, lists and dicts of them item by item, else as is."""
    args, origin = typing.get_args(hint), typing.get_origin(hint)
    if isinstance(hint, types.UnionType) or origin is typing.Union:
        if value is None and type(None) in args:
            return None
        records = [a for a in args if dataclasses.is_dataclass(a) or typing.get_origin(a) in (list, dict)]
        if records and isinstance(value, (dict, list)):
            return _value(records[0], value, stage, where, owner)
    elif dataclasses.is_dataclass(hint) and isinstance(value, dict):
        return hint(**_fields(hint, value, stage, where + "."))
    elif origin is list and args and isinstance(value, list):
        return [_value(args[0], v, stage, f"{where}[{i}]", owner) for i, v in enumerate(value)]
    elif origin is dict and len(args) == 2 and isinstance(value, dict):
        return {k: _value(args[1], v, stage, f"{where}[{k!r}]", owner) for k, v in value.items()}
    kinds = _kinds(hint)
    if not isinstance(value, kinds) or isinstance(value, bool) and bool not in kinds:
        said = hint.__name__ if isinstance(hint, type) else str(hint)
        raise ResultContractError(f"the {stage} stage's result field {where!r} is {value!r}; {owner} says {said}")
    return value


def _kinds(hint: Any) -> tuple[type, ...]:
    """The runtime types a field's annotation admits (an int is a fine float; JSON has lists, not tuples)."""
    if hint is Any:
        return (object,)
    parts = typing.get_args(hint) if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union \
        else (hint,)
    kinds = tuple(typing.get_origin(p) or p for p in parts)
    kinds = tuple(type(None) if k is None else k for k in kinds)
    return kinds + (int,) if float in kinds else kinds


def result_for_disk(cls: type[StageResult], data: dict[str, Any], stage: str) -> dict[str, Any]:
    """The dict to write as result.json: checked against the stage's type, with the version."""
    _fields(cls, data, stage)
    return {"v": RESULT_VERSION, **{k: v for k, v in data.items() if k != "v"}}


def parse_result(cls: type[StageResult], data: dict[str, Any], stage: str) -> StageResult:
    """A result.json's dict as the stage's typed result (its other figures are left to those who read them)."""
    version = data.get("v", 1)
    if version != RESULT_VERSION:
        raise ResultContractError(f"the {stage} result is version {version}; this app reads version "
                                  f"{RESULT_VERSION} (run the stage again)")
    return cls(**_fields(cls, data, stage))
