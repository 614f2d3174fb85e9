"""The compute plan of a project's training stages, from the models its earlier stages prepared."""

from __future__ import annotations

from pathlib import Path

from core.errors import JobError
from core.jobs.registry import Registry
from core.models import inspect_model_folder
from core.project.schema import Project
from core.stages import ModelResult, TokenizerResult, stage_result
from core.stages.plan import current_run
from core.training.compute_plan import StagePlan, plan_training


def project_plans(project: Project, project_path: Path, registry: Registry) -> list[StagePlan]:
    imported = current_run(project, project_path, "import", registry)
    if imported is None:
        raise JobError("the plan needs the source model's sizes", fix=f"run `ruadapt run {project_path} "
                       "--stage import` first (it only checks or imports the model)")
    info = inspect_model_folder(stage_result("import", imported.result(), ModelResult).model_dir)
    tokenizer = current_run(project, project_path, "tokenizer", registry)
    new_vocab = stage_result("tokenizer", tokenizer.result(), TokenizerResult).vocab_size if tokenizer else None
    world = project.compute.nproc_per_node if project.compute.launcher == "torchrun" else 1
    plans = []
    for stage in ("stage1", "stage2"):
        settings = getattr(project, stage)
        if settings.enabled:
            plans.append(plan_training(stage, settings.__dict__, world, info.n_parameters, info.vocab_size,
                                       info.hidden_size, info.tied_embeddings, info.num_layers, new_vocab,
                                       weights_bytes=2 if project.models.dtype in ("bfloat16", "float16") else 4,
                                       strategy=project.compute.strategy,
                                       checkpointing=project.compute.gradient_checkpointing))
    return plans
