"""Generation speed in characters/s (the fair figure across tokenizers) and tokens/s, each model alone on
the machine with the same threads and context: the evaluate stage's measurement, and `ruadapt bench speed
A.gguf B.gguf`.

Every prompt is continued greedily until a fixed number of characters is generated (end-of-text
ignored), so both models produce the same amount of text; the share of Cyrillic letters in the
output is printed to show the text really was Russian.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from core.inference.client import ChatWorker
from core.inference.llama_session import SamplingParams

_CYRILLIC, _LETTER = re.compile(r"[А-Яа-яЁё]"), re.compile(r"[^\W\d_]")


@dataclass
class ModelSpeed:
    model: str
    chars_per_s: list[float] = field(default_factory=list)
    tokens_per_s: list[float] = field(default_factory=list)
    chars_per_token: list[float] = field(default_factory=list)
    cyrillic: list[float] = field(default_factory=list)

    def summary(self) -> dict:
        med = statistics.median
        return {"model": self.model, "chars_per_s": med(self.chars_per_s), "chars_per_s_min": min(self.chars_per_s),
                "chars_per_s_max": max(self.chars_per_s), "tokens_per_s": med(self.tokens_per_s),
                "tokens_per_s_min": min(self.tokens_per_s), "tokens_per_s_max": max(self.tokens_per_s),
                "chars_per_token": med(self.chars_per_token), "cyrillic_share": med(self.cyrillic),
                "samples": len(self.chars_per_s)}


def measure(model: Path, prompts: list[str], chars: int, repeats: int, threads: int, n_ctx: int,
            chat: bool) -> ModelSpeed:
    speed = ModelSpeed(str(model))
    params = SamplingParams(max_tokens=n_ctx, max_chars=chars, ignore_eos=True, temperature=0.0)
    with ChatWorker(model, n_ctx=n_ctx, threads=threads) as worker:
        worker.generate(prompt=prompts[0], params=SamplingParams(max_tokens=8))  # warm caches and threads
        for _ in range(repeats):
            for prompt in prompts:
                body = {"messages": [{"role": "user", "content": prompt}]} if chat else {"prompt": prompt}
                done = worker.generate(**body, params=params)
                s, text = done["stats"], done["text"]
                speed.chars_per_s.append(s["chars_per_s"])
                speed.tokens_per_s.append(s["tokens_per_s"])
                speed.chars_per_token.append(s["chars_per_token"])
                letters = len(_LETTER.findall(text))
                speed.cyrillic.append(len(_CYRILLIC.findall(text)) / letters if letters else 0.0)
    return speed


def run(models: list[Path], prompts_file: Path, chars: int = 400, repeats: int = 3, threads: int = 0,
        n_ctx: int = 2048, chat: bool = False, png: Path | None = None, label: str = "") -> list[dict]:
    prompts = [p.strip() for p in prompts_file.read_text(encoding="utf-8").splitlines() if p.strip()]
    rows = [measure(m, prompts, chars, repeats, threads, n_ctx, chat).summary() for m in models]
    title = f"{label or prompts_file.name}: {len(prompts)} prompts × {repeats}, {chars} characters each"
    print(title)
    print(f"{'model':<40} {'chars/s (median, min–max)':>28} {'tokens/s (median)':>18} {'chars/token':>12} "
          f"{'Cyrillic':>9}")
    for r in rows:
        print(f"{Path(r['model']).name:<40} {r['chars_per_s']:>10.1f} ({r['chars_per_s_min']:.1f}–"
              f"{r['chars_per_s_max']:.1f}) {r['tokens_per_s']:>18.1f} {r['chars_per_token']:>12.2f} "
              f"{r['cyrillic_share']:>9.0%}")
    base = rows[0]
    for r in rows[1:]:
        print(f"{Path(r['model']).name} vs {Path(base['model']).name}: "
              f"{r['chars_per_s'] / base['chars_per_s']:.2f}× characters/s, "
              f"{r['tokens_per_s'] / base['tokens_per_s']:.2f}× tokens/s, "
              f"{r['chars_per_token'] / base['chars_per_token']:.2f}× characters per token")
    if png:
        write_chart(rows, png, title)
        print(f"chart: {png}")
    return rows


def write_chart(rows: list[dict], png: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [Path(r["model"]).stem for r in rows]
    fig, axes = plt.subplots(1, 2, figsize=(9, 3.2))
    for ax, key, label in ((axes[0], "chars_per_s", "characters / s"), (axes[1], "tokens_per_s", "tokens / s")):
        values = [r[key] for r in rows]
        errors = [[r[key] - r[f"{key}_min"] for r in rows], [r[f"{key}_max"] - r[key] for r in rows]]
        ax.bar(names, values, yerr=errors, color=["#8a9bb0", "#2f6fdb", "#1b9e77", "#d95f02"][: len(rows)],
               capsize=4)
        ax.set_ylabel(label)
        ax.tick_params(axis="x", labelsize=8)
    fig.suptitle(title, fontsize=9)
    fig.tight_layout()
    fig.savefig(png, dpi=120)
    plt.close(fig)
