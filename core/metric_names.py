"""The names of the metrics a training run reports (its `metric` events), spelled once for the engine,
the evaluation report and the studio's plots: a renamed metric then fails at import, not in a chart."""

from __future__ import annotations


def bits_per_char(lang: str) -> str:
    """Bits per character on held-out text of a language ("ru", "en"): a metric, and a field of the
    baseline's and the evaluation's results."""
    return f"bpc_{lang}"


def top1_chars(lang: str) -> str:
    """Characters per token of the model's own first choice on held-out text of a language (what greedy
    decoding writes per token: core.evaluation.bpc)."""
    return f"top1_chars_{lang}"


LOSS = "loss"  # training loss, nats per token
EVAL_LOSS = "eval_loss"  # held-out loss, nats per token
BPC_RU = bits_per_char("ru")  # bits per character on held-out Russian
BPC_EN = bits_per_char("en")
TOP1_CHARS_RU = top1_chars("ru")  # characters per first-choice token on held-out Russian
LR = "lr"  # learning rate at the step
TOKENS_PER_S = "tokens_per_s"  # training throughput at the step (also a field of a training stage's result)

TRAINING_METRICS = (LOSS, EVAL_LOSS, BPC_RU, TOP1_CHARS_RU, LR, TOKENS_PER_S)
CURVE_METRICS = (LOSS, EVAL_LOSS, BPC_RU, TOP1_CHARS_RU)  # the curves the evaluation report draws
