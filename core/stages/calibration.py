"""Stage `calibration`: LoRA SFT of the adapted instruct model on instruction data plus the copy task.

Data: the user's chats, chats the original instruct model writes itself (self-calibration), and
passages of the training text to repeat verbatim, mixed at `copy_ratio`. Loss on assistant tokens
only; the adapters are merged into a plain model. Copy-task scores and held-out bits per character
before and after are reported.
"""

from __future__ import annotations

from pathlib import Path

import torch

from core.corpus import iter_documents
from core.errors import UserError
from core.evaluation.bpc import bits_per_character_or_none
from core.evaluation.copy_task import copy_task_score, passages_from
from core.jobs.context import StageContext
from core.models import load_model
from core.stages.corpus import HELDOUT_RU, TRAIN_RU
from core.tokenizer.hf_files import save_tokenizer
from core.training.distributed import Dist
from core.training.loop import LoopConfig, train
from core.training.sft_data import SftExamples, copy_chats, load_chats, mix
from core.training.trainable import add_lora

COPY_PASSAGES = 256


def self_calibration_chats(models: dict, source_dir: str, prompts_file: str, max_new_tokens: int) -> list:
    """The original instruct model's own greedy answers to the user's prompts."""
    prompts = [p.strip() for p in Path(prompts_file).read_text(encoding="utf-8").splitlines() if p.strip()]
    model, tok = load_model(models["instruct"] or source_dir, dtype="auto", device=models["device"],
                            allow_pickle=models["allow_pickle"], trust_remote_code=models["trust_remote_code"])
    chats = []
    with torch.no_grad():
        for prompt in prompts:
            ids = tok.apply_chat_template([{"role": "user", "content": prompt}], add_generation_prompt=True,
                                          return_tensors="pt", return_dict=True)["input_ids"].to(model.device)
            out = model.generate(ids, max_new_tokens=max_new_tokens, do_sample=False,
                                 pad_token_id=tok.pad_token_id or tok.eos_token_id)
            answer = tok.decode(out[0, ids.shape[1]:], skip_special_tokens=True).strip()
            chats.append([{"role": "user", "content": prompt}, {"role": "assistant", "content": answer}])
    return chats


def run(ctx: StageContext) -> dict:
    models, cfg = ctx.settings["models"], ctx.settings["calibration"]
    model_dir = ctx.inputs["lep"]["result"]["model_dir"]
    if not cfg["enabled"]:
        return {"model_dir": model_dir, "skipped": True, "summary": "skipped: calibration is off in the project"}
    corpus = Path(ctx.inputs["corpus"]["outputs"])
    chats = load_chats(Path(cfg["sft_data"])) if cfg["sft_data"] else []
    if cfg["self_calibration"]:
        if not cfg["prompts"]:
            raise UserError("self-calibration needs prompts", where="calibration.prompts",
                            fix="point it to a text file with one prompt per line")
        ctx.log("the original instruct model answers the calibration prompts")
        chats += self_calibration_chats(models, ctx.inputs["import"]["result"]["model_dir"], cfg["prompts"],
                                        cfg["max_length"] // 2)
    train_text = "\n".join(d.text for _, d in zip(range(2000), iter_documents(corpus / TRAIN_RU)))
    copies = copy_chats(passages_from(train_text, COPY_PASSAGES))
    data_chats = mix(chats, copies, cfg["copy_ratio"], cfg["seed"])
    if not data_chats:
        raise UserError("calibration has no data", where="[calibration]",
                        fix="give sft_data, turn on self_calibration, or set copy_ratio above 0")
    model, tok = load_model(model_dir, dtype="float32", device=models["device"],
                            allow_pickle=models["allow_pickle"], trust_remote_code=models["trust_remote_code"])
    heldout = (corpus / HELDOUT_RU).read_text(encoding="utf-8")
    probe = passages_from(heldout, 4)
    evaluation = ctx.settings["evaluation"]
    text, window = heldout[: evaluation["max_chars"]], evaluation["batch_tokens"]
    bpc_before = bits_per_character_or_none(model, tok, text, window)
    before = copy_task_score(model, tok, probe)
    ctx.log(f"{len(chats)} instruction chats + {len(data_chats) - len(chats)} copy tasks; "
            f"copy task before: {before.sentence:.2f} (sentence), {before.paragraph:.0%} (paragraph)")
    torch.manual_seed(cfg["seed"])  # the adapters' initialisation and dropout: same settings, same model
    model = add_lora(model, cfg["lora_r"], cfg["lora_r"], 0.05)
    data = SftExamples(tok, data_chats, cfg["max_length"])
    loop = LoopConfig(steps=cfg["steps"], learning_rate=cfg["learning_rate"], scheduler="cosine",
                      warmup_steps=min(10, cfg["steps"] // 10), weight_decay=0.0, batch_size=cfg["batch_size"],
                      grad_accum=1, eval_every=cfg["steps"], seed=cfg["seed"],
                      checkpoint_every=max(10, cfg["steps"] // 5))
    resume = ctx.spec.get("resume_from")
    device = next(model.parameters()).device
    autocast = torch.bfloat16 if device.type == "cuda" and torch.cuda.is_bf16_supported() else None
    state = train(ctx, model, model, tok, data, loop, heldout=heldout[:4000],
                  checkpoints=ctx.run.path / "checkpoint", resume_from=Path(resume) if resume else None,
                  dist=Dist(), device=device, autocast_dtype=autocast)
    model = model.merge_and_unload()
    model.eval()
    after = copy_task_score(model, tok, probe)
    bpc_after = bits_per_character_or_none(model, tok, text, window)
    out = ctx.output_dir / "model"
    model.save_pretrained(out, safe_serialization=True)
    save_tokenizer(tok, out)
    ctx.artifact(out, "model")
    summary = (f"{state.step} steps; copy task {before.sentence:.2f} → {after.sentence:.2f} (sentence), "
               f"{before.paragraph:.0%} → {after.paragraph:.0%} (paragraph)")
    if bpc_after is not None:
        summary += f"; held-out bits per character {bpc_before:.3f} → {bpc_after:.3f}"
    ctx.log(summary)
    return {"model_dir": str(ctx.run.outputs / "model"), "steps": state.step, "chats": len(chats),
            "copy_tasks": len(data_chats) - len(chats), "copy_before": before.as_dict(),
            "copy_after": after.as_dict(), "bpc_before": bpc_before, "bpc_after": bpc_after,
            "bpc_chars": len(text), "summary": summary}
