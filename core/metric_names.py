"""The names of the metrics a training run reports (its `metric` events), spelled once for the engine,
the evaluation report and the studio's plots: a renamed metric then fails at import, not in a chart."""

from __future__ import annotations

LOSS = "loss"  # training loss, nats per token
EVAL_LOSS = "eval_loss"  # held-out loss, nats per token
BPC_RU = "bpc_ru"  # bits per character on held-out Russian (also a field of the baseline's result)
LR = "lr"  # learning rate at the step
TOKENS_PER_S = "tokens_per_s"  # training throughput at the step

TRAINING_METRICS = (LOSS, EVAL_LOSS, BPC_RU, LR, TOKENS_PER_S)
CURVE_METRICS = (LOSS, EVAL_LOSS, BPC_RU)  # the curves the evaluation report draws
