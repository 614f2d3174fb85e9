"""Stage `transplant`: the source model with the new tokenizer's embeddings, as a Hugging Face folder."""

from __future__ import annotations

from transformers import AutoTokenizer

from core.jobs.context import StageContext
from core.models import load_model
from core.stages import ModelResult, TokenizerResult, input_result
from core.transplant.embeddings import INITS, transplant


def run(ctx: StageContext) -> dict:
    models, cfg = ctx.config.models, ctx.config.transplant
    source_dir = input_result(ctx.inputs, "import", ModelResult).model_dir
    trained = input_result(ctx.inputs, "tokenizer", TokenizerResult)
    tokenizer_dir = trained.tokenizer_dir
    ctx.progress(0, 3, "steps", "loading the source model")
    # fp32 on the CPU: the transplant is a one-off matrix product, and exact copies need full precision.
    model, old_tokenizer = load_model(source_dir, dtype="float32", device="cpu",
                                      allow_pickle=models.allow_pickle,
                                      trust_remote_code=models.trust_remote_code)
    new_tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir)
    ctx.progress(1, 3, "steps", f"initialising {len(new_tokenizer):,} embeddings ({cfg.init})")
    report = transplant(model, old_tokenizer, new_tokenizer, init=cfg.init, seed=cfg.seed,
                        mult=cfg.wmean_mult, rows=trained.model_vocab_size)
    ctx.progress(2, 3, "steps", "saving")
    ctx.save_model(model, new_tokenizer)
    ctx.progress(3, 3, "steps")
    summary = (f"{report.new_vocab:,} embedding rows: {report.copied:,} copied, {report.averaged:,} from their pieces, "
               f"{report.fallback:,} {'mean row' if INITS[cfg.init].fallback == 'mean' else 'random'}"
               + (f", {report.padded:,} padding rows" if report.padded else ""))
    ctx.log(summary)
    return {"model_dir": str(ctx.run.outputs / "model"), **report.as_dict(), "init": cfg.init, "summary": summary}
