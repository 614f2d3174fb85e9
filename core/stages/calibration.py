"""Stage `calibration`: LoRA SFT of the adapted instruct model on instruction data plus the copy task.

Data: the user's chats, chats the original instruct model writes itself (self-calibration), and
passages of the training text to repeat verbatim, mixed at `copy_ratio`. Loss on assistant tokens
only; LoRA plus the LM head in full (the authors' ft settings are the `[calibration]` defaults); the
adapters are merged into a plain model. DaruCopy (llmtf's copy tasks) and held-out bits per
character before and after are reported.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import torch

from core.corpus import iter_documents
from core.errors import UserError
from core.evaluation.batched_generate import greedy_answers
from core.evaluation.bpc import bits_per_character_or_none
from core.evaluation.darucopy import copy_sets, darucopy, describe, passages_from
from core.jobs.context import StageContext
from core.models import load_model
from core.project.schema import Calibration, Models
from core.stages import ModelResult, input_result
from core.stages.corpus import HELDOUT_RU, TRAIN_RU, heldout_texts
from core.stages.train import pick_device
from core.training.distributed import Dist
from core.training.loop import LoopConfig, train
from core.training.precision import training_precision
from core.training.sft_data import SftExamples, copy_chats, load_chats, mix
from core.training.trainable import add_lora


def self_calibration_chats(models: Models, source_dir: str, prompts_file: str, max_new_tokens: int) -> list:
    """The original instruct model's own greedy answers to the user's prompts (in batches: see
    core.evaluation.batched_generate)."""
    prompts = [p.strip() for p in Path(prompts_file).read_text(encoding="utf-8").splitlines() if p.strip()]
    model, tok = load_model(models.instruct or source_dir, dtype="auto", device=models.device,
                            allow_pickle=models.allow_pickle, trust_remote_code=models.trust_remote_code)
    model.eval()
    texts = [tok.apply_chat_template([{"role": "user", "content": p}], add_generation_prompt=True, tokenize=False)
             for p in prompts]
    answers = greedy_answers(model, tok, texts, max_new_tokens)
    return [[{"role": "user", "content": prompt}, {"role": "assistant",
                                                   "content": tok.decode(ids, skip_special_tokens=True).strip()}]
            for prompt, ids in zip(prompts, answers)]


def training_chats(ctx: StageContext, cfg: Calibration, models: Models) -> tuple[list, list]:
    """(instruction chats, all chats with the copy tasks mixed in at `copy_ratio`)."""
    chats = load_chats(Path(cfg.sft_data)) if cfg.sft_data else []
    if cfg.self_calibration:
        if not cfg.prompts:
            raise UserError("self-calibration needs prompts", where="calibration.prompts",
                            fix="point it to a text file with one prompt per line")
        ctx.log("the original instruct model answers the calibration prompts")
        chats += self_calibration_chats(models, input_result(ctx.inputs, "import", ModelResult).model_dir, cfg.prompts,
                                        cfg.max_length // 2)
    documents = iter_documents(Path(ctx.inputs["corpus"]["outputs"]) / TRAIN_RU)
    train_text = "\n".join(d.text for _, d in zip(range(cfg.copy_documents), documents))
    copies = copy_chats(passages_from(train_text, cfg.copy_pool))
    data_chats = mix(chats, copies, cfg.copy_ratio, cfg.seed)
    if not data_chats:
        raise UserError("calibration has no data", where="[calibration]",
                        fix="give sft_data, turn on self_calibration, or set copy_ratio above 0")
    return chats, data_chats


def loop_config(cfg: Calibration, examples: int) -> LoopConfig:
    """The optimizer schedule; `steps` 0 = `epochs` passes over `examples` at batch × accumulation."""
    per_step = cfg.batch_size * cfg.grad_accum
    steps = cfg.steps or max(1, math.ceil(cfg.epochs * examples / per_step))
    return dataclasses.replace(LoopConfig.from_settings(vars(cfg)), steps=steps)


def run(ctx: StageContext) -> dict:
    models, cfg = ctx.config.models, ctx.config.calibration
    model_dir = input_result(ctx.inputs, "lep", ModelResult).model_dir
    if not cfg.enabled:
        return {"model_dir": model_dir, "skipped": True, "summary": "skipped: calibration is off in the project"}
    corpus = Path(ctx.inputs["corpus"]["outputs"])
    chats, data_chats = training_chats(ctx, cfg, models)
    device = pick_device(models.device, Dist())
    weights_dtype, autocast = training_precision(cfg.dtype or models.dtype, device)
    model, tok = load_model(model_dir, dtype=weights_dtype, device=str(device),
                            allow_pickle=models.allow_pickle, trust_remote_code=models.trust_remote_code)
    heldout = (corpus / HELDOUT_RU).read_text(encoding="utf-8")
    evaluation = ctx.config.evaluation
    probe = copy_sets(heldout_texts(corpus, evaluation.max_chars), cfg.probe_passages)
    text, window = heldout[: evaluation.max_chars], evaluation.batch_tokens
    bpc_before = bits_per_character_or_none(model, tok, text, window)
    before = darucopy(model, tok, probe, evaluation.copy_max_new_tokens) if probe else None
    data = SftExamples(tok, data_chats, cfg.max_length)
    loop = loop_config(cfg, len(data.examples))
    ctx.log(f"{len(chats)} instruction chats + {len(data_chats) - len(chats)} copy tasks; {loop.steps} steps of "
            f"{loop.batch_size} × {loop.grad_accum} chats" + (f"; before: {describe(before)}" if before else ""))
    torch.manual_seed(cfg.seed)  # the adapters' initialisation and dropout: same settings, same model
    model = add_lora(model, cfg.lora_r, cfg.lora_alpha, cfg.lora_dropout, cfg.lora_targets,
                     cfg.full_matrices)
    resume = ctx.spec.get("resume_from")
    state = train(ctx, model, model, tok, data, loop, heldout=heldout[:cfg.eval_chars],
                  checkpoints=ctx.run.path / "checkpoint", resume_from=Path(resume) if resume else None,
                  dist=Dist(), device=device, autocast_dtype=autocast)
    model = model.merge_and_unload()
    model.eval()
    after = darucopy(model, tok, probe, evaluation.copy_max_new_tokens) if probe else None
    bpc_after = bits_per_character_or_none(model, tok, text, window)
    ctx.save_model(model, tok)
    summary = f"{state.step} steps"
    if after:
        summary += "; " + describe(after, before)
    if bpc_after is not None:
        summary += f"; held-out bits per character {bpc_before:.3f} → {bpc_after:.3f}"
    ctx.log(summary)
    return {"model_dir": str(ctx.run.outputs / "model"), "steps": state.step, "chats": len(chats),
            "copy_tasks": len(data_chats) - len(chats), "copy_before": before,
            "copy_after": after, "bpc_before": bpc_before, "bpc_after": bpc_after,
            "bpc_chars": len(text), "summary": summary}
