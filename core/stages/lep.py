"""Stage `lep`: the adapted instruct model, without redoing instruction tuning.

Original base (models.base, or the source model) and original instruct (models.instruct) give the
projection; the adapted base comes from stage 2 (or stage 1 / the transplant when those are off).
DaruCopy (llmtf's copy tasks) and held-out bits per character are measured on the instruct model
before and after.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import UserError
from core.evaluation.bpc import bits_per_character_or_none
from core.evaluation.darucopy import copy_sets, darucopy, describe
from core.jobs.context import StageContext
from core.lep.compose import compose_instruct
from core.lep.propagate import check_pair
from core.models import load_model
from core.models.hf_folder import resolve_device
from core.models.source import open_model_source
from core.stages import ModelResult, input_result
from core.stages.corpus import HELDOUT_RU, heldout_texts

NO_PAIR = ("LEP needs the original base model and its instruct model. The default demo ships only "
           "SmolLM2-135M-Instruct, so it has no such pair")


def run(ctx: StageContext) -> dict:
    models, cfg = ctx.config.models, ctx.config.lep
    adapted_dir = input_result(ctx.inputs, "stage2", ModelResult).model_dir
    if not cfg.enabled:
        return {"model_dir": adapted_dir, "skipped": True, "summary": "skipped: LEP is off in the project"}
    if not models.instruct:
        raise UserError(NO_PAIR, where="[models] instruct",
                        fix="set models.instruct (and models.base if the source is not the base) to a model "
                            "folder or .gguf file, or turn LEP off")
    safety = {"allow_pickle": models.allow_pickle, "trust_remote_code": models.trust_remote_code}
    base_dir = (open_model_source(models.base, **safety).path if models.base
                else input_result(ctx.inputs, "import", ModelResult).model_dir)
    instruct_info = open_model_source(models.instruct, **safety)
    ctx.progress(0, 4, "steps", "loading base, instruct and adapted models")
    base, _ = load_model(base_dir, dtype="float32", device="cpu", **safety)
    instruct, instruct_tok = load_model(instruct_info.path, dtype="float32", device="cpu", **safety)
    check_pair(base.config, instruct.config, base.get_input_embeddings().weight.shape[0],
               instruct.get_input_embeddings().weight.shape[0])
    adapted, new_tok = load_model(adapted_dir, dtype="float32", device="cpu", **safety)
    heldout = (Path(ctx.inputs["corpus"]["outputs"]) / HELDOUT_RU).read_text(encoding="utf-8")
    evaluation = ctx.config.evaluation
    sets = copy_sets(heldout_texts(Path(ctx.inputs["corpus"]["outputs"]), evaluation.max_chars),
                     cfg.copy_passages)
    text, window = heldout[: evaluation.max_chars], evaluation.batch_tokens
    # Bits per character, unlike loss per token, compare the two models across their tokenizers.
    bpc_before = bits_per_character_or_none(instruct, instruct_tok, text, window)
    copy_before = darucopy(instruct, instruct_tok, sets, evaluation.copy_max_new_tokens) if sets else None
    ctx.progress(1, 4, "steps", f"fitting the {cfg.mode} projection")
    report = compose_instruct(instruct, instruct_tok, base, adapted, new_tok, mode=cfg.mode,
                              lora_scale=cfg.lora_scale, max_rows=cfg.max_rows,
                              device=resolve_device(models.device))
    copy_after = darucopy(instruct, new_tok, sets, evaluation.copy_max_new_tokens) if sets else None
    bpc_after = bits_per_character_or_none(instruct, new_tok, text, window)
    ctx.progress(3, 4, "steps", "saving")
    ctx.save_model(instruct, new_tok)
    ctx.progress(4, 4, "steps")
    summary = (f"{cfg.mode} projection fitted on {report.fit_rows:,} rows "
               f"(relative residual {report.residual_input:.3g}); {report.added_copied} added tokens "
               f"(chat markers) from the instruct model"
               + (f", {report.added_appended} of them appended" if report.added_appended else "") + "; "
               f"{report.layers_delta_merged} layer updates merged")
    if copy_after:
        summary += "; " + describe(copy_after, copy_before)
    if bpc_after is not None:
        summary += f"; held-out bits per character {bpc_before:.3f} → {bpc_after:.3f}"
    ctx.log(summary)
    return {"model_dir": str(ctx.run.outputs / "model"), **report.as_dict(), "summary": summary,
            "copy_before": copy_before, "copy_after": copy_after,
            "bpc_before": bpc_before, "bpc_after": bpc_after, "bpc_chars": len(text)}
