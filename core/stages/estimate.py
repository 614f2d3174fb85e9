"""How long running a project's stages will take, roughly, before the user commits to it.

A stage that has run before on this machine takes about as long again (its latest finished run of the
same stage). Otherwise: the training stages from their token counts at the CPU training speed measured
here, calibration and evaluate from what their settings generate and train at the CPU speeds measured
here, and the other stages from the default demo's own figures on a 2-core CPU (README, "The default
demo, measured"). It is an estimate to plan by, and says which of the two it used."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from core.evaluation.batched_generate import BATCH as GENERATE_BATCH
from core.evaluation.darucopy import LEVELS, PROMPTS
from core.jobs.registry import Registry
from core.jobs.states import JobState
from core.project.schema import Project

# SmolLM2-135M on this 2-core CPU (bf16 autocast, OMP_WAIT_POLICY=PASSIVE), 2026-12-02: stage 1
# (embeddings only, 4 × 256) ran at 330-385 tokens/s alone and 100-240 beside other jobs; 300 with its
# held-out evaluations. Calibration's LoRA SFT about the same per token.
CPU_TRAIN_TOKENS_PER_S = 300.0
CPU_SFT_TOKENS_PER_S = 300.0
# Greedy generation with transformers in batches of GENERATE_BATCH: time per generated step of a batch.
CPU_GENERATE_STEP_S = 0.1
# The default demo's other stages on a 2-core CPU, in seconds (2026-12-02, a machine shared with other jobs).
DEMO_STAGE_SECONDS = {"import": 15, "corpus": 2, "baseline": 30, "tokenizer": 10, "transplant": 30,
                      "stage2": 5, "lep": 5, "export": 40}
# evaluate without its copy task: bits per character of both models (held-out and outside texts) and the
# llama.cpp speed runs (2026-12-02, beside other jobs at load average 5-7: ~1.5 minutes and ~9 minutes of
# speed runs; alone they are several times faster).
EVALUATE_BASE_SECONDS = 300
CALIBRATION_BASE_SECONDS = 60  # loading the models, bits per character before and after
OFF_STAGE_SECONDS = 5  # a stage that is off only passes its input on
TRAINING = ("stage1", "stage2")


@dataclass(frozen=True)
class StageEstimate:
    stage: str
    seconds: float
    measured: bool  # True: from an earlier run of this stage on this machine


def training_tokens(project: Project, stage: str) -> int:
    section = getattr(project, stage)
    return section.steps * section.batch_size * section.grad_accum * section.block_size


def generation_seconds(prompts: int, new_tokens: int) -> float:
    """Greedy answers to `prompts` prompts of up to `new_tokens` tokens each, in batches."""
    return math.ceil(prompts / GENERATE_BATCH) * new_tokens * CPU_GENERATE_STEP_S


def copy_task_seconds(passages: int, cap: int, models: int) -> float:
    """DaruCopy on `models` models: each set (level × language) in batches, at most its level's budget."""
    if not passages:
        return 0.0
    return models * len(PROMPTS) * sum(generation_seconds(passages, min(cap, level) if cap else level)
                                       for level in LEVELS.values())


# Prompts assumed when the prompt file cannot be read (the default project's calibration_prompts.txt has 20).
UNREAD_PROMPTS = 20


def _prompt_count(path: str, project_path: Path | None) -> int:
    """Prompts in the file (relative to the project's folder, as the stage resolves it)."""
    file = Path(path) if Path(path).is_absolute() or project_path is None else project_path.parent / path
    try:
        return sum(1 for line in file.read_text(encoding="utf-8").splitlines() if line.strip())
    except OSError:
        return UNREAD_PROMPTS


def calibration_seconds(project: Project, project_path: Path | None = None) -> float:
    cfg, cap = project.calibration, project.evaluation.copy_max_new_tokens
    prompts = _prompt_count(cfg.prompts, project_path) if cfg.self_calibration and cfg.prompts else 0
    chats = prompts + (cfg.copy_pool if not prompts else round(prompts * cfg.copy_ratio / max(1e-9, 1 - cfg.copy_ratio)))
    steps = cfg.steps or math.ceil(cfg.epochs * chats / (cfg.batch_size * cfg.grad_accum))
    sft = steps * cfg.batch_size * cfg.grad_accum * cfg.max_length / CPU_SFT_TOKENS_PER_S
    return (CALIBRATION_BASE_SECONDS + generation_seconds(prompts, cfg.max_length // 2) + sft
            + copy_task_seconds(cfg.probe_passages, cap, models=2))


def evaluate_seconds(project: Project, project_path: Path | None = None) -> float:
    cfg = project.evaluation
    return EVALUATE_BASE_SECONDS + copy_task_seconds(cfg.copy_passages, cfg.copy_max_new_tokens, models=2)


FORMULAS = {"calibration": calibration_seconds, "evaluate": evaluate_seconds}


def estimate_stages(project: Project, stages: list[str], registry: Registry,
                    project_path: Path | None = None) -> list[StageEstimate]:
    done = [r for r in registry.list(limit=2000) if r.state == JobState.DONE and r.started and r.ended]
    out = []
    for stage in stages:
        section = getattr(project, stage, None)
        if section is not None and getattr(section, "enabled", True) is False:
            out.append(StageEstimate(stage, OFF_STAGE_SECONDS, False))
            continue
        earlier = next((r for r in done if r.stage == stage), None)  # newest first
        if earlier is not None and stage not in TRAINING:
            out.append(StageEstimate(stage, earlier.ended - earlier.started, True))
        elif stage in TRAINING:
            out.append(StageEstimate(stage, training_tokens(project, stage) / CPU_TRAIN_TOKENS_PER_S, False))
        elif stage in FORMULAS:
            out.append(StageEstimate(stage, FORMULAS[stage](project, project_path), False))
        else:
            out.append(StageEstimate(stage, DEMO_STAGE_SECONDS.get(stage, 60), False))
    return out
