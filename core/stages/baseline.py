"""Stage `baseline`: what the source model costs and knows on held-out text, before any adaptation.

Characters per token and tokens per word (the price of Russian), and bits per character (the
quality figure that later stages must keep or improve), on Russian and English held-out text, and the
characters per token of the model's own first choice there (what greedy decoding writes per token).
"""

from __future__ import annotations

from pathlib import Path

from core import metric_names as metric
from core.evaluation.bpc import bits_per_character
from core.evaluation.token_stats import token_efficiency
from core.jobs.context import StageContext
from core.models import load_model
from core.stages import ModelResult, input_result
from core.stages.corpus import HELDOUT_EN, HELDOUT_RU


def run(ctx: StageContext) -> dict:
    models, cfg = ctx.config.models, ctx.config.evaluation
    outputs = Path(ctx.inputs["corpus"]["outputs"])
    texts = {lang: (outputs / name).read_text(encoding="utf-8")[: cfg.max_chars]
             for lang, name in (("ru", HELDOUT_RU), ("en", HELDOUT_EN))}
    texts = {lang: t for lang, t in texts.items() if t.strip()}
    ctx.log("Loading the source model")
    model, tokenizer = load_model(input_result(ctx.inputs, "import", ModelResult).model_dir, dtype=models.dtype,
                                  device=models.device, allow_pickle=models.allow_pickle,
                                  trust_remote_code=models.trust_remote_code)
    model.eval()
    result: dict = {"model_dir": input_result(ctx.inputs, "import", ModelResult).model_dir}
    for lang, text in texts.items():
        eff = token_efficiency(tokenizer, text)
        result[f"tokens_{lang}"] = eff.as_dict()
        ctx.log(f"{lang}: {eff.chars:,} characters → {eff.tokens:,} tokens "
                f"({eff.chars_per_token:.2f} characters per token, {eff.tokens_per_word:.2f} tokens per word)")

        def report(done: int, total: int, bpc: float, lang: str = lang) -> None:
            ctx.metric(metric.bits_per_char(lang), bpc, done)
            ctx.progress(done, total, "tokens", f"bits per character on {lang} held-out text")

        bpc = bits_per_character(model, tokenizer, text, window=cfg.batch_tokens, on_window=report)
        result[metric.bits_per_char(lang)] = bpc.bits_per_char
        result[metric.top1_chars(lang)] = bpc.top1_chars_per_token
        ctx.log(f"{lang}: {bpc.bits_per_char:.3f} bits per character over {bpc.chars:,} characters; the model's "
                f"first choice writes {bpc.top1_chars_per_token:.2f} characters per token")
    ru = result.get("tokens_ru", {})
    result["summary"] = (f"Russian: {ru.get('chars_per_token', 0):.2f} chars/token, "
                         f"{result.get(metric.BPC_RU, float('nan')):.3f} bits/char")
    return result
