"""Stage `transplant`: the source model with the new tokenizer's embeddings, as a Hugging Face folder."""

from __future__ import annotations

from pathlib import Path

from transformers import AutoTokenizer

from core.jobs.context import StageContext
from core.models import load_model
from core.stages import ModelResult, TokenizerResult, input_result
from core.stages.corpus import TRAIN_RU
from core.transplant.embeddings import INITS, transplant
from core.transplant.logit_calibration import calibrate_new_logits, new_token_rows

# Training text the logit calibration reads: one shift is solved for, so a few thousand positions settle it.
CALIBRATION_CHARS = 8000


def run(ctx: StageContext) -> dict:
    models, cfg = ctx.config.models, ctx.config.transplant
    source_dir = input_result(ctx.inputs, "import", ModelResult).model_dir
    trained = input_result(ctx.inputs, "tokenizer", TokenizerResult)
    tokenizer_dir = trained.tokenizer_dir
    ctx.progress(0, 4, "steps", "loading the source model")
    # fp32 on the CPU: the transplant is a one-off matrix product, and exact copies need full precision.
    model, old_tokenizer = load_model(source_dir, dtype="float32", device="cpu",
                                      allow_pickle=models.allow_pickle,
                                      trust_remote_code=models.trust_remote_code)
    new_tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir)
    ctx.progress(1, 4, "steps", f"initialising {len(new_tokenizer):,} embeddings ({cfg.init})")
    report = transplant(model, old_tokenizer, new_tokenizer, init=cfg.init, seed=cfg.seed,
                        mult=cfg.wmean_mult, rows=trained.model_vocab_size)
    summary = (f"{report.new_vocab:,} embedding rows: {report.copied:,} copied, {report.averaged:,} from their pieces, "
               f"{report.fallback:,} {'mean row' if INITS[cfg.init].fallback == 'mean' else 'random'}"
               + (f", {report.padded:,} padding rows" if report.padded else ""))
    calibration = None
    if cfg.calibrate_logits and report.copied:  # `random` draws every row: nothing to calibrate against
        ctx.progress(2, 4, "steps", "calibrating the new tokens' logits on training text")
        text = (Path(ctx.inputs["corpus"]["outputs"]) / TRAIN_RU).read_text(encoding="utf-8")[:CALIBRATION_CHARS]
        rows = new_token_rows(new_tokenizer, old_tokenizer, report.new_vocab)
        if text.strip() and rows.any():
            model.eval()
            calibration = calibrate_new_logits(model, new_tokenizer, rows, text)
            summary += (f"; new tokens' logits shifted by {calibration.shift:+.2f} (their probability "
                        f"{calibration.mass_before:.2f} → {calibration.mass_after:.2f}, their share of the "
                        f"training text {calibration.target_share:.2f})")
    ctx.progress(3, 4, "steps", "saving")
    ctx.save_model(model, new_tokenizer)
    ctx.progress(4, 4, "steps")
    ctx.log(summary)
    return {"model_dir": str(ctx.run.outputs / "model"), **report.as_dict(), "init": cfg.init,
            "logit_calibration": calibration.as_dict() if calibration else None, "summary": summary}
