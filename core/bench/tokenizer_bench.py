"""`ruadapt bench tokenizer`: our streaming tokenizer training against the raw `tokenizers` trainer.

Each variant runs in a fresh child process so its peak RSS is its own. Our path streams documents
through `core.corpus` (the validation the stage does) into `train_vocabulary`; the baseline hands
the file straight to the Rust trainer.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from core.bench.synthetic_corpus import write_corpus

_VARIANT = r"""
import json, resource, sys, time
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
path, vocab, variant = sys.argv[1], int(sys.argv[2]), sys.argv[3]
src = Tokenizer(models.BPE()); src.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
src.decoder = decoders.ByteLevel()
t = time.perf_counter()
if variant == "ours":
    from pathlib import Path
    from core.corpus import iter_documents
    from core.tokenizer.train import train_vocabulary
    train_vocabulary((d.text for d in iter_documents(Path(path))), src, "bpe", vocab, 2, ["<|endoftext|>"])
else:
    tok = Tokenizer(models.BPE()); tok.pre_tokenizer = src.pre_tokenizer
    tok.train([path], trainers.BpeTrainer(vocab_size=vocab, min_frequency=2, special_tokens=["<|endoftext|>"],
              initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False))
print(json.dumps({"seconds": time.perf_counter() - t,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(path: Path, vocab: int, variant: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _VARIANT, str(path), str(vocab), variant],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(sizes_mb: list[float], vocab: int = 32000, keep: Path | None = None,
        new_word_rate: float = 0.02) -> list[dict]:
    """The trainer's own memory grows with the number of distinct words (its word-count table); the
    corpus's `new_word_rate` sets how fast that grows, so both effects can be told apart."""
    print(f"synthetic corpus: {new_word_rate:.0%} of words invented (distinct words grow with size)"
          if new_word_rate else "synthetic corpus: no invented words (the vocabulary saturates)", flush=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes_mb:
            corpus = write_corpus(Path(keep or tmp) / f"corpus-{size:g}MB.txt", size, new_word_rate=new_word_rate)
            mb = corpus.stat().st_size / 1e6
            ours, raw = measure(corpus, vocab, "ours"), measure(corpus, vocab, "raw")
            row = {"corpus_mb": mb, "ours_mb_s": mb / ours["seconds"], "raw_mb_s": mb / raw["seconds"],
                   "ours_peak_rss_mb": ours["peak_rss_mb"], "raw_peak_rss_mb": raw["peak_rss_mb"]}
            row["speed_ratio"] = row["ours_mb_s"] / row["raw_mb_s"]
            rows.append(row)
            print(f"{mb:8.1f} MB corpus: ours {row['ours_mb_s']:6.2f} MB/s, peak {row['ours_peak_rss_mb']:7.0f} MB"
                  f" | raw tokenizers {row['raw_mb_s']:6.2f} MB/s, peak {row['raw_peak_rss_mb']:7.0f} MB"
                  f" | speed ratio {row['speed_ratio']:.2f}", flush=True)
    if len(rows) > 1:
        growth = rows[-1]["ours_peak_rss_mb"] / rows[0]["ours_peak_rss_mb"]
        print(f"corpus grew {rows[-1]['corpus_mb'] / rows[0]['corpus_mb']:.0f}×, our peak RSS grew {growth:.2f}×")
    return rows
