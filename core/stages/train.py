"""Stages `stage1` (embeddings + LM head) and `stage2` (LoRA, LM head in full), on CPU, one GPU, or many under torchrun.

A disabled stage passes its input model through, so later stages always read the adapted base from
`stage2`. With `compute.launcher = "torchrun"` the worker starts torchrun, whose ranks run
`core.stages.rank_entry`; rank 0 reports events and writes the model. `compute.strategy` picks
DDP (a replica per GPU) or FSDP (the model sharded across GPUs, for models that do not fit one).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import torch

from core import metric_names as metric
from core.errors import UserError
from core.jobs.context import StageContext
from core.jobs.launch import child_env
from core.models import inspect_model_folder, load_model
from core.project.schema import Compute, Models, Training
from core.slurm import srun_torchrun
from core.stages import ModelResult, input_result
from core.stages.corpus import HELDOUT_RU, TRAIN_RU
from core.training.alignment import AlignedBlocks
from core.training.checkpoint import trainable_state
from core.training.compute_plan import stage_memory
from core.training.data import PackedBlocks, tokenize_to_file
from core.training.distill import Objective
from core.training.distributed import Dist
from core.training.flops import gpu_peak, matmul_parameters, training_flops
from core.training.loop import LoopConfig, train
from core.training.precision import describe, training_precision
from core.training.source_rows import keep_rows, source_row_mask, text_sample
from core.training.trainable import add_lora, count_parameters, train_embeddings_only

UPSTREAM = {"stage1": "transplant", "stage2": "stage1"}
RANK0_RESULT = "rank0_result.json"
RANK0_ERROR = "rank0_error.json"  # a UserError of rank 0 (what, where, fix), raised again by the worker


def run_stage1(ctx: StageContext) -> dict:
    return _run(ctx, "stage1")


def run_stage2(ctx: StageContext) -> dict:
    return _run(ctx, "stage2")


def _run(ctx: StageContext, section: str) -> dict:
    upstream = input_result(ctx.inputs, UPSTREAM[section], ModelResult).model_dir
    if not getattr(ctx.config, section).enabled:
        return {"model_dir": upstream, "skipped": True, "summary": "skipped: disabled in the project"}
    compute = ctx.config.compute
    if compute.launcher == "torchrun" and "RANK" not in os.environ:
        return _launch_torchrun(ctx, section, compute.nproc_per_node)
    return train_stage(ctx, section, Dist.from_env())


def _launch_torchrun(ctx: StageContext, section: str, nproc: int) -> dict:
    if getattr(sys, "frozen", False):
        raise UserError("training under torchrun needs an installed Python environment, not the packaged app",
                        where="[compute] launcher", fix="set launcher = 'local', or run `ruadapt run` from a "
                        "checkout installed with scripts/install.sh")
    nnodes = int(os.environ.get("SLURM_JOB_NUM_NODES", "1"))
    launcher = (srun_torchrun(nnodes, nproc, socket.gethostname(), ctx.run.id) if nnodes > 1 else
                [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={nproc}"])
    cmd = [*launcher, "-m", "core.stages.rank_entry", str(ctx.run.path), section]
    ctx.log(f"starting {nproc} processes: {' '.join(cmd)}")
    proc = subprocess.Popen(cmd, env=child_env())
    while proc.poll() is None:  # the ranks watch the cancel flag themselves and stop together
        time.sleep(0.5)
    result_file, error_file = ctx.run.path / RANK0_RESULT, ctx.run.path / RANK0_ERROR
    if proc.returncode != 0 or not result_file.exists():
        if ctx.run.cancel_flag.exists():
            from core.jobs.context import CancelRequested
            raise CancelRequested()
        if error_file.exists():  # say what rank 0 said (memory, corpus, model…), not "torchrun exited"
            raise UserError(**json.loads(error_file.read_text()))
        raise RuntimeError(f"torchrun exited with code {proc.returncode}; see the rank logs above")
    return json.loads(result_file.read_text())


def pick_device(setting: str, dist: Dist) -> torch.device:
    if setting == "cuda" or (setting == "auto" and torch.cuda.is_available()):
        if not torch.cuda.is_available():
            raise UserError("models.device = 'cuda' but no CUDA device is visible", where="[models] device",
                            fix="set device = 'auto' or 'cpu', or install a CUDA build of PyTorch")
        torch.cuda.set_device(dist.local_rank)
        return torch.device("cuda", dist.local_rank)
    return torch.device("cpu")


def check_memory(model_dir: str, device: torch.device, weights_dtype: str, models: Models, section: str,
                 cfg: Training, compute: Compute, world: int) -> None:
    """Refuse before loading a model whose training state cannot fit: the weights, and the gradients and
    AdamW moments of what the stage trains (exact sizes; FSDP divides them among the processes).
    Activations, only estimated, are named in the message but never refuse on their own."""
    info = inspect_model_folder(Path(model_dir), allow_pickle=models.allow_pickle,
                                trust_remote_code=models.trust_remote_code)
    memory = stage_memory(section, vars(cfg), info.n_parameters, info.vocab_size, info.hidden_size, info.tied_embeddings,
                          info.num_layers, weights_bytes={"float32": 4, "bfloat16": 2, "float16": 2}[weights_dtype],
                          strategy=compute.strategy, checkpointing=compute.gradient_checkpointing,
                          world=world)
    need = memory.weights + memory.grads_optimizer
    free = torch.cuda.mem_get_info(device)[0] if device.type == "cuda" else psutil.virtual_memory().available
    if need > free:
        gib = 2 ** 30
        raise UserError(f"training needs about {need / gib:.1f} GiB per {device.type.upper()} for the model state "
                        f"alone (weights {memory.weights / gib:.1f} GiB + gradients and AdamW "
                        f"{memory.grads_optimizer / gib:.1f} GiB; activations add ~{memory.activations / gib:.1f} "
                        f"GiB), and the {device.type.upper()} has {free / gib:.1f} GiB free",
                        where="[models] source",
                        fix="use a device with more memory, bf16 weights (models.dtype = 'bfloat16'), or "
                        "shard it over several GPUs ([compute] launcher = 'torchrun', strategy = 'fsdp')")


def train_stage(ctx: StageContext, section: str, dist: Dist) -> dict:
    models, cfg = ctx.config.models, getattr(ctx.config, section)
    compute, evaluation = ctx.config.compute, ctx.config.evaluation
    model_dir = input_result(ctx.inputs, UPSTREAM[section], ModelResult).model_dir
    device = pick_device(models.device, dist)
    dist.init(device)
    weights_dtype, autocast_dtype = training_precision(models.dtype, device)
    fsdp = dist.enabled and compute.strategy == "fsdp"
    check_memory(model_dir, device, weights_dtype, models, section, cfg, compute, dist.world)
    # Under FSDP each rank loads on the CPU and keeps only its shard on the GPU (see Dist.wrap).
    model, tokenizer = _load(model_dir, weights_dtype, "cpu" if fsdp else str(device), models)
    if compute.gradient_checkpointing:
        model.gradient_checkpointing_enable()
        model.config.use_cache = False
    # The LoRA initialisation: reproducible, and the same on every rank (FSDP shards each rank's own
    # copy, where DDP would broadcast rank 0's).
    torch.manual_seed(cfg.seed)
    model = _trainable(model, section, cfg)
    if cfg.train_rows != "all":
        _keep_source_rows(ctx, model, tokenizer, models, cfg.train_rows)
    corpus = Path(ctx.inputs["corpus"]["outputs"])
    objective, data = _objective_and_data(ctx, section, tokenizer, weights_dtype, device, dist)
    heldout = (corpus / HELDOUT_RU).read_text(encoding="utf-8")[: evaluation.max_chars]
    trainable, total = count_parameters(model)
    matmul, matmul_trainable = matmul_parameters(model)
    wrapped = dist.wrap(model, compute.strategy, device)
    if dist.is_main:
        how = f", {compute.strategy.upper()}" if dist.enabled else ""
        ctx.log(f"{section}: training {trainable:,} of {total:,} parameters on {device} "
                f"({dist.world} process{'es' if dist.world > 1 else ''}{how}; "
                f"{describe(weights_dtype, autocast_dtype, device)})")
    resume = ctx.spec.get("resume_from")
    state = train(ctx, model, wrapped, tokenizer, data, LoopConfig.from_settings(vars(cfg)), heldout=heldout,
                  checkpoints=ctx.run.path / "checkpoint", resume_from=Path(resume) if resume else None,
                  dist=dist, device=device, autocast_dtype=autocast_dtype, objective=objective)
    result = {}
    if fsdp:  # gather the trained tensors (every rank) into a plain model on rank 0
        trained = trainable_state(model)
        if dist.is_main:
            model = _trainable(_load(model_dir, weights_dtype, "cpu", models)[0], section, cfg)
            if unexpected := model.load_state_dict(trained, strict=False).unexpected_keys:
                raise RuntimeError(f"the gathered FSDP weights do not fit the model: {unexpected[:3]}")
    if dist.is_main:
        final = model.merge_and_unload() if section == "stage2" else model
        ctx.save_model(final, tokenizer)
        result = _result(ctx, section, state, device, dist, trainable, total, matmul, matmul_trainable)
        if "RANK" in os.environ:
            (ctx.run.path / RANK0_RESULT).write_text(json.dumps(result))
    del wrapped  # before the process group goes (see Dist.close)
    dist.close()
    return result


def _objective_and_data(ctx, section: str, tokenizer, weights_dtype: str, device: torch.device, dist: Dist):
    """The loss and the batches: packed token blocks for "lm"; with distillation, the same blocks
    aligned with the original model's tokenization of the same text, and that model as teacher."""
    from core.corpus import iter_documents

    cfg, models = getattr(ctx.config, section), ctx.config.models
    corpus = Path(ctx.inputs["corpus"]["outputs"])
    if cfg.objective == "lm":
        tokens_file = ctx.run.path / "data" / "train.u32"
        if dist.is_main:
            tokens_file.parent.mkdir(exist_ok=True)
            n = tokenize_to_file((d.text for d in iter_documents(corpus / TRAIN_RU)), tokenizer, tokens_file,
                                 tokenizer.eos_token_id)
            ctx.log(f"training text: {n:,} tokens")
        dist.barrier()
        return Objective("lm"), PackedBlocks(tokens_file, cfg.block_size, section)
    teacher, teacher_tok = _load(input_result(ctx.inputs, "import", ModelResult).model_dir, weights_dtype, str(device), models)
    data = AlignedBlocks((d.text for d in iter_documents(corpus / TRAIN_RU)), tokenizer, teacher_tok,
                         cfg.block_size, section)
    if dist.is_main:
        ctx.log(f"training text: {len(data.student.ids):,} tokens ({len(data.teacher.ids):,} for the original "
                f"model, the teacher), {len(data.bounds):,} aligned chunks; objective {cfg.objective}")
    return Objective(cfg.objective, teacher), data


def _keep_source_rows(ctx, model, tokenizer, models: Models, train_rows: str) -> None:
    from transformers import AutoTokenizer

    source_tok = AutoTokenizer.from_pretrained(input_result(ctx.inputs, "import", ModelResult).model_dir,
                                               trust_remote_code=models.trust_remote_code)
    rows = model.get_input_embeddings().weight.shape[0]
    cyrillic = train_rows == "new+cyrillic"
    russian = text_sample(Path(ctx.inputs["corpus"]["outputs"]) / TRAIN_RU) if cyrillic else ""
    kept = keep_rows(model, source_row_mask(tokenizer, source_tok, rows, learn_cyrillic=cyrillic, russian_text=russian))
    ctx.log(f"train_rows = '{train_rows}': {kept:,} rows of the source's tokens (and padding) kept as they were, "
            f"{rows - kept:,} rows learn")


def _load(model_dir: str, dtype: str, device: str, models: Models):
    return load_model(model_dir, dtype=dtype, device=device, allow_pickle=models.allow_pickle,
                      trust_remote_code=models.trust_remote_code)


def _trainable(model, section: str, cfg: Training):
    if section == "stage1":
        train_embeddings_only(model)
        return model
    return add_lora(model, cfg.lora_r, cfg.lora_alpha, cfg.lora_dropout, cfg.lora_targets,
                    cfg.full_matrices)


def _result(ctx, section, state, device, dist, trainable, total, matmul, matmul_trainable) -> dict:
    last = {name: value for _, name, value in state.history}
    estimate = training_flops(matmul, matmul_trainable, state.tokens)
    achieved = estimate.flops / state.seconds if state.seconds else 0.0
    peak = gpu_peak(torch.cuda.get_device_name(device)) if device.type == "cuda" else None
    result = {
        "model_dir": str(ctx.run.outputs / "model"), "steps": state.step, "tokens": state.tokens,
        "train_seconds": state.seconds, "tokens_per_s": state.tokens / state.seconds if state.seconds else 0.0,
        "trainable_parameters": trainable, "parameters": total, "flops": estimate.flops,
        "flops_formula": estimate.formula, "achieved_tflops": achieved / 1e12,
        "mfu": achieved / (peak * 1e12 * dist.world) if peak else None, "device": str(device),
        "world_size": dist.world, "final_loss": last.get(metric.LOSS), "final_bpc_ru": last.get(metric.BPC_RU),
        "final_eval_loss": last.get(metric.EVAL_LOSS),
        "bpc_ru_curve": [(s, v) for s, n, v in state.history if n == metric.BPC_RU],
    }
    bpc = f", held-out {result['final_bpc_ru']:.3f} bits/char" if result["final_bpc_ru"] is not None else ""
    result["summary"] = f"{section}: {state.step} steps, loss {result['final_loss']:.3f}{bpc}"
    return result
