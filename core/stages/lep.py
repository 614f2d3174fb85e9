"""Stage `lep`: the adapted instruct model, without redoing instruction tuning.

Original base (models.base, or the source model) and original instruct (models.instruct) give the
projection; the adapted base comes from stage 2 (or stage 1 / the transplant when those are off).
The copy task and held-out bits per character are measured on the instruct model before and after.
"""

from __future__ import annotations

from pathlib import Path

from core.errors import UserError
from core.evaluation.bpc import bits_per_character_or_none
from core.evaluation.copy_task import copy_task_score, passages_from
from core.jobs.context import StageContext
from core.lep.propagate import check_pair, propagate
from core.models import load_model
from core.models.hf_folder import resolve_device
from core.models.source import open_model_source
from core.stages.corpus import HELDOUT_RU
from core.tokenizer.hf_files import save_tokenizer
from core.transplant.piece_map import build_piece_map

NO_PAIR = ("LEP needs the original base model and its instruct model. The default demo ships only "
           "SmolLM2-135M-Instruct, so it has no such pair")


def run(ctx: StageContext) -> dict:
    models, cfg = ctx.settings["models"], ctx.settings["lep"]
    adapted_dir = ctx.inputs["stage2"]["result"]["model_dir"]
    if not cfg["enabled"]:
        return {"model_dir": adapted_dir, "skipped": True, "summary": "skipped: LEP is off in the project"}
    if not models["instruct"]:
        raise UserError(NO_PAIR, where="[models] instruct",
                        fix="set models.instruct (and models.base if the source is not the base) to a model "
                            "folder or .gguf file, or turn LEP off")
    safety = {"allow_pickle": models["allow_pickle"], "trust_remote_code": models["trust_remote_code"]}
    base_dir = (open_model_source(models["base"], **safety).path if models["base"]
                else ctx.inputs["import"]["result"]["model_dir"])
    instruct_info = open_model_source(models["instruct"], **safety)
    ctx.progress(0, 4, "steps", "loading base, instruct and adapted models")
    base, _ = load_model(base_dir, dtype="float32", device="cpu", **safety)
    instruct, instruct_tok = load_model(instruct_info.path, dtype="float32", device="cpu", **safety)
    check_pair(base.config, instruct.config, base.get_input_embeddings().weight.shape[0],
               instruct.get_input_embeddings().weight.shape[0])
    adapted, new_tok = load_model(adapted_dir, dtype="float32", device="cpu", **safety)
    heldout = (Path(ctx.inputs["corpus"]["outputs"]) / HELDOUT_RU).read_text(encoding="utf-8")
    passages = passages_from(heldout, cfg["copy_passages"])
    evaluation = ctx.settings["evaluation"]
    text, window = heldout[: evaluation["max_chars"]], evaluation["batch_tokens"]
    # Bits per character, unlike loss per token, compare the two models across their tokenizers.
    bpc_before = bits_per_character_or_none(instruct, instruct_tok, text, window)
    copy_before = copy_task_score(instruct, instruct_tok, passages) if passages else None
    ctx.progress(1, 4, "steps", f"fitting the {cfg['mode']} projection")
    piece_map = build_piece_map(new_tok.backend_tokenizer, instruct_tok.backend_tokenizer)
    report = propagate(instruct, base, adapted, piece_map, new_tok.all_special_ids, mode=cfg["mode"],
                       lora_scale=cfg["lora_scale"], max_rows=cfg["max_rows"],
                       device=resolve_device(models["device"]))
    if instruct_tok.chat_template:  # the instruct model's chat format, over the new vocabulary
        new_tok.chat_template = instruct_tok.chat_template
    copy_after = copy_task_score(instruct, new_tok, passages) if passages else None
    bpc_after = bits_per_character_or_none(instruct, new_tok, text, window)
    ctx.progress(3, 4, "steps", "saving")
    out = ctx.output_dir / "model"
    instruct.save_pretrained(out, safe_serialization=True)
    save_tokenizer(new_tok, out)
    ctx.artifact(out, "model")
    ctx.progress(4, 4, "steps")
    summary = (f"{cfg['mode']} projection fitted on {report.fit_rows:,} rows "
               f"(relative residual {report.residual_input:.3g}); {report.specials_copied} special tokens "
               f"from the instruct model; {report.layers_delta_merged} layer updates merged")
    if copy_after:
        summary += (f"; copy task {copy_before.sentence:.2f} → {copy_after.sentence:.2f} (sentence), "
                    f"{copy_before.paragraph:.0%} → {copy_after.paragraph:.0%} (paragraph)")
    if bpc_after is not None:
        summary += f"; held-out bits per character {bpc_before:.3f} → {bpc_after:.3f}"
    ctx.log(summary)
    return {"model_dir": str(ctx.run.outputs / "model"), **report.as_dict(), "summary": summary,
            "copy_before": copy_before.as_dict() if copy_before else None,
            "copy_after": copy_after.as_dict() if copy_after else None,
            "bpc_before": bpc_before, "bpc_after": bpc_after, "bpc_chars": len(text)}
