"""`ruadapt bench train`: stage-1 training throughput of our loop against a plain PyTorch loop doing
the same work (same model, same batches, same optimizer), measured in the same run.

Each variant runs in its own child process so their peak memory is their own.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

_VARIANT = r"""
import json, resource, sys, time
import torch
from core.models import load_model
from core.training.data import PackedBlocks
from core.training.distributed import Dist
from core.training.loop import LoopConfig, make_optimizer, train
from core.training.trainable import train_embeddings_only

model_dir, tokens_file, steps, batch, block, variant = sys.argv[1:7]
steps, batch, block = int(steps), int(batch), int(block)
torch.manual_seed(0)
model, tok = load_model(model_dir, dtype="float32", device="cpu")
train_embeddings_only(model)
data = PackedBlocks(tokens_file, block)
cfg = LoopConfig(steps=steps, learning_rate=5e-4, scheduler="cosine", warmup_steps=2, weight_decay=0.1,
                 batch_size=batch, grad_accum=1, eval_every=10**9, seed=0, checkpoint_every=10**9)
class Quiet:
    def metric(self, *a): pass
    def emit(self, *a): pass
    def log(self, *a, **k): pass
    def check_cancelled(self): pass
warm = 2  # first steps allocate; both variants skip them in the timing
if variant == "ours":
    times = []
    class Timed(Quiet):
        def metric(self, name, value, step):
            if name == "tokens_per_s" and step > warm: times.append(batch * block / value)
    train(Timed(), model, model, tok, data, cfg, heldout="", checkpoints=None, resume_from=None, dist=Dist(),
          device=torch.device("cpu"), autocast_dtype=None)
    seconds = sum(times)
else:
    opt = make_optimizer(model, cfg)
    model.train()
    seconds = 0.0
    for step in range(steps):
        t = time.perf_counter()
        x = data.micro_batch(step, batch, 0)["input_ids"]
        model(input_ids=x, labels=x).loss.backward()
        torch.nn.utils.clip_grad_norm_([p for p in model.parameters() if p.requires_grad], 1.0)
        opt.step(); opt.zero_grad(set_to_none=True)
        if step >= warm: seconds += time.perf_counter() - t
print(json.dumps({"tokens_per_s": (steps - warm) * batch * block / seconds,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run(model_dir: Path, tokens_file: Path, steps: int = 12, batch: int = 4, block: int = 256) -> dict:
    rows = {}
    for variant in ("plain", "ours", "plain", "ours"):  # interleaved, so drift on a shared machine evens out
        out = subprocess.run([sys.executable, "-c", _VARIANT, str(model_dir), str(tokens_file), str(steps),
                              str(batch), str(block), variant], capture_output=True, text=True, check=True)
        figures = json.loads(out.stdout.strip().splitlines()[-1])
        rows.setdefault(variant, []).append(figures)
    best = {v: max(r["tokens_per_s"] for r in runs) for v, runs in rows.items()}
    peak = {v: max(r["peak_rss_mb"] for r in runs) for v, runs in rows.items()}
    ratio = best["ours"] / best["plain"]
    print(f"stage 1 (embeddings + head), batch {batch} × {block} tokens, {steps} steps, best of 2:\n"
          f"  ours:        {best['ours']:8.1f} tokens/s, peak RSS {peak['ours']:,.0f} MB\n"
          f"  plain loop:  {best['plain']:8.1f} tokens/s, peak RSS {peak['plain']:,.0f} MB\n"
          f"  ratio ours/plain: {ratio:.3f}")
    return {"ours": best["ours"], "plain": best["plain"], "ratio": ratio, "peak_rss_mb": peak}
