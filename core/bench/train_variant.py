"""One variant of `ruadapt bench train`, in its own process (its peak memory is its own):
stage 1 (embeddings + head) of a transplanted model with our training loop, for a number of steps
or a wall-clock budget, then held-out bits per character in fp32.

    python -m core.bench.train_variant '{"student": DIR, "teacher": DIR, "train": FILE, ...}'

A wall-clock budget keeps the learning rate at its peak after warmup (the step count is not
known beforehand), the same for every variant.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import torch

from core import metric_names as metric

WARM_STEPS = 2  # the first steps allocate; tokens/s skips them


class _Budget:
    """The loop's context: collects step times and stops the run (as a cancel) when time is up."""

    def __init__(self, seconds: float | None, batch_tokens: int) -> None:
        self.seconds, self.batch_tokens = seconds, batch_tokens
        self.step_times: list[float] = []

    def metric(self, name, value, step):
        if name == metric.TOKENS_PER_S:
            self.step_times.append(self.batch_tokens / value)

    def emit(self, *a):
        pass

    def log(self, *a, **k):
        pass

    def check_cancelled(self):
        from core.jobs.context import CancelRequested

        if self.seconds is not None and sum(self.step_times) >= self.seconds:
            raise CancelRequested()


def run_variant(spec: dict) -> dict:
    from core.corpus import iter_documents
    from core.evaluation.bpc import bits_per_character
    from core.jobs.context import CancelRequested
    from core.models import load_model
    from core.training.alignment import AlignedBlocks
    from core.training.distill import Objective
    from core.training.distributed import Dist
    from core.training.loop import LoopConfig, train
    from core.training.source_rows import keep_rows, source_row_mask, text_sample
    from core.training.trainable import train_embeddings_only

    torch.manual_seed(0)
    model, tok = load_model(spec["student"], dtype="float32", device="cpu")
    train_embeddings_only(model)
    teacher, teacher_tok = load_model(spec["teacher"], dtype="float32", device="cpu")
    if spec.get("train_rows", "all") != "all":  # as the project's stage 1 does
        keep_rows(model, source_row_mask(tok, teacher_tok, model.get_input_embeddings().weight.shape[0],
                                         learn_cyrillic=spec["train_rows"] == "new+cyrillic",
                                         russian_text=text_sample(spec["train"])))
    texts = [d.text for d in iter_documents(Path(spec["train"]))]
    data = AlignedBlocks(texts, tok, teacher_tok, spec["block"])  # the same blocks for every objective
    objective = Objective(spec["objective"], None if spec["objective"] == "lm" else teacher)
    timed = spec.get("seconds") is not None
    steps = 10**9 if timed else spec["steps"]
    cfg = LoopConfig(steps=steps, learning_rate=spec["lr"], scheduler="cosine", warmup_steps=spec["warmup"],
                     weight_decay=0.1, batch_size=spec["batch"], grad_accum=1, eval_every=10**9, seed=0,
                     checkpoint_every=10**9)
    ctx = _Budget(spec.get("seconds"), spec["batch"] * spec["block"])
    autocast = torch.bfloat16 if spec["precision"] == "bf16" else None
    try:
        train(ctx, model, model, tok, data, cfg, heldout="", checkpoints=None, resume_from=None, dist=Dist(),
              device=torch.device("cpu"), autocast_dtype=autocast, objective=objective)
    except CancelRequested:
        pass
    model.eval()
    timed_steps = ctx.step_times[WARM_STEPS:] or ctx.step_times
    scored = {lang: bits_per_character(model, tok, Path(path).read_text(encoding="utf-8")[: spec["heldout_chars"]],
                                       window=spec["block"]) for lang, path in spec["heldout"].items()}
    return {"steps": len(ctx.step_times), "seconds": sum(ctx.step_times),
            "tokens_per_s": len(timed_steps) * spec["batch"] * spec["block"] / sum(timed_steps) if timed_steps else 0.0,
            "bpc": {lang: s.bits_per_char for lang, s in scored.items()},
            "top1_chars": {lang: s.top1_chars_per_token for lang, s in scored.items()},
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


if __name__ == "__main__":
    started = time.perf_counter()
    result = run_variant(json.loads(sys.argv[1]))
    result["wall_s"] = time.perf_counter() - started
    print(json.dumps(result))
