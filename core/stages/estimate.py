"""How long running a project's stages will take, roughly, before the user commits to it.

A stage that has run before on this machine takes about as long again (its latest finished run of the
same stage). Otherwise: training stages from their token count at a CPU training speed measured here,
and the other stages from the default demo's own figures on a 2-core CPU (the whole demo took about
1,290 s there: README). It is an estimate to plan by, and says which of the two it used."""

from __future__ import annotations

from dataclasses import dataclass

from core.jobs.registry import Registry
from core.jobs.states import JobState
from core.project.schema import Project

# SmolLM2-135M embeddings-only training on this 2-core CPU: ~400 tokens/s (FACTS.md, "Speed on this CPU").
CPU_TRAIN_TOKENS_PER_S = 400.0
# The default demo's other stages on a 2-core CPU, in seconds (their sum with stage 1 is ~1,290 s).
DEMO_STAGE_SECONDS = {"import": 60, "corpus": 10, "baseline": 90, "tokenizer": 60, "transplant": 30,
                      "stage2": 5, "lep": 5, "calibration": 5, "export": 300, "evaluate": 420}
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


def estimate_stages(project: Project, stages: list[str], registry: Registry) -> list[StageEstimate]:
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
        else:
            out.append(StageEstimate(stage, DEMO_STAGE_SECONDS.get(stage, 60), False))
    return out
