"""The stage table: every pipeline step, in order, with what it reads from the project and needs
from earlier stages. Later steps of the method add rows here; the CLI and the studio read it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from core.stages.results import (
    BaselineResult,
    CalibrationResult,
    CorpusResult,
    EvaluateResult,
    ExportResult,
    ImportResult,
    LepResult,
    ModelResult,
    ResultContractError,
    StageResult,
    TokenizerResult,
    TrainResult,
    TransplantResult,
    parse_result,
)

R = TypeVar("R", bound=StageResult)


@dataclass(frozen=True)
class StageDef:
    name: str
    label: str
    help: str
    target: str  # "module:function", imported only inside the worker (keeps the CLI and GUI light)
    sections: tuple[str, ...]  # project sections whose settings the stage reads (part of its content key)
    needs: tuple[str, ...] = ()
    version: int = 1  # bump when a stage's code or a default it reads changes what it produces
    result: type[StageResult] = StageResult  # what it hands on (core.stages.results)


STAGES: tuple[StageDef, ...] = (
    StageDef("import", "Import source model",
             "Open the source model (a Hugging Face folder, or a GGUF file dequantized into one) and check it.",
             "core.stages.import_model:run", ("models",), result=ImportResult),
    StageDef("corpus", "Prepare corpus",
             "Read the Russian and English text, check it, and split off a held-out slice training never sees.",
             "core.stages.corpus:run", ("corpus",), version=2,  # 2: hash-drawn split, held-out copies dropped
             result=CorpusResult),
    StageDef("baseline", "Measure the source model",
             "Characters per token and bits per character of the source model on held-out text.",
             "core.stages.baseline:run", ("models", "evaluation"), needs=("import", "corpus"),
             version=2, result=BaselineResult),  # 2: characters per first-choice token
    StageDef("tokenizer", "Train tokenizer",
             "Train a Russian vocabulary that replaces, extends or optimises the source's, and measure the savings.",
             "core.stages.tokenizer:run", ("tokenizer",), needs=("import", "corpus"),
             # 2: continued BPE for extend/optimized, keep rule, padding; 3: Unigram without byte fallback
             # (llama.cpp's UGM), unigram + extend, the export's own check of the vocabulary
             version=3, result=TokenizerResult),
    StageDef("transplant", "Transplant vocabulary",
             "Give the source model embeddings for the new tokenizer: shared tokens copied, new ones from their pieces.",
             "core.stages.transplant:run", ("models", "transplant"), needs=("import", "tokenizer", "corpus"),
             version=4, result=TransplantResult),  # 2: the authors' inits, padding; 3, 4: logit calibration on, off
    StageDef("stage1", "Stage 1: embeddings",
             "Train the new input embeddings and LM head on the Russian text, the body frozen.",
             "core.stages.train:run_stage1", ("models", "stage1", "compute", "evaluation"),
             needs=("import", "transplant", "corpus"), version=3,  # 2: bf16 on CPU; 3: new+cyrillic frees byte pieces
             result=TrainResult),
    StageDef("stage2", "Stage 2: LoRA",
             "LoRA on attention and MLP with the LM head trained in full and the input embeddings frozen; "
             "merged into a plain model.",
             "core.stages.train:run_stage2", ("models", "stage2", "compute", "evaluation"),
             needs=("import", "stage1", "corpus"), version=5,  # 2: LoRA seeded; 3: embeddings frozen; 4: bf16 on CPU; 5: rows
             result=TrainResult),
    StageDef("lep", "LEP: adapted instruct model",
             "Project the adapted base's embeddings into the original instruct model (Learned Embedding Propagation).",
             "core.stages.lep:run", ("models", "lep", "evaluation"), needs=("import", "tokenizer", "stage2", "corpus"),
             version=3, result=LepResult),  # 3: chat markers from the instruct model, DaruCopy; 2: bits/char
    StageDef("calibration", "Calibration",
             "LoRA SFT of the adapted instruct model on instruction chats plus the copy task.",
             "core.stages.calibration:run", ("models", "calibration", "evaluation"),
             needs=("import", "lep", "corpus"), version=4,  # 2: bits/char; 3: authors' ft settings, DaruCopy; 4: bf16 on CPU
             result=CalibrationResult),
    StageDef("export", "Export to GGUF",
             "The original and the adapted model as GGUF files for llama.cpp, quantized, each checked against "
             "transformers (identical tokenization, next-token agreement).",
             "core.stages.export:run", ("export",), needs=("import", "calibration"), result=ExportResult),
    StageDef("evaluate", "Evaluate and report",
             "Original vs adapted: tokens, bits per character, copy task, generation speed; a report with charts.",
             "core.stages.evaluate:run", ("models", "evaluation"),
             needs=("import", "corpus", "baseline", "stage1", "stage2", "calibration", "export"),
             # 2: DaruCopy under llmtf's definitions; 3: outside texts; 4: characters per first-choice token
             version=4, result=EvaluateResult),
)
STAGE_BY_NAME = {s.name: s for s in STAGES}


def stage_result(stage: str, data: dict[str, Any], kind: type[R]) -> R:
    """A run's result.json as the typed result of its stage: `kind` is what the reader expects, and must be
    what the stage's row promises."""
    promised = STAGE_BY_NAME[stage].result
    if not issubclass(promised, kind):
        raise ResultContractError(f"the {stage} stage hands on a {promised.__name__}, not a {kind.__name__}")
    return parse_result(promised, data, stage)


def input_result(inputs: dict[str, dict[str, Any]], stage: str, kind: type[R]) -> R:
    """The typed result of an upstream stage, from a run's `inputs` (its spec)."""
    return stage_result(stage, inputs[stage]["result"], kind)


# What readers take from here: the table, the typed lookup, and the result types the rows name.
__all__ = ["STAGES", "STAGE_BY_NAME", "StageDef", "input_result", "stage_result", "StageResult", "ModelResult", "ImportResult",
           "CorpusResult", "BaselineResult", "TokenizerResult", "TransplantResult", "TrainResult", "LepResult",
           "CalibrationResult", "ExportResult", "EvaluateResult", "ResultContractError"]
