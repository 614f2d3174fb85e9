"""A generated Russian-like corpus of any size, for memory and throughput benchmarks.

Real words from the shipped Russian text plus made-up words from its syllables (`new_word_rate` of
the words), so the number of distinct words keeps growing with size, as in real corpora; at rate 0
the vocabulary saturates and only the corpus grows.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from core.paths import resolve_path

SHIPPED_RUSSIAN = "pkg:dataset_build/data/rus/rus.txt"


def write_corpus(path: Path, megabytes: float, seed: int = 0, new_word_rate: float = 0.02) -> Path:
    text = resolve_path(SHIPPED_RUSSIAN, Path.cwd()).read_text(encoding="utf-8")
    words = re.findall(r"[а-яё]+", text.lower())
    syllables = sorted({w[i:i + 2] for w in words for i in range(0, len(w) - 1, 2)})
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    written = 0
    with open(path, "w", encoding="utf-8") as fh:
        while written < target:
            sentence = []
            for _ in range(rng.randint(6, 16)):
                if rng.random() < new_word_rate:
                    sentence.append("".join(rng.choice(syllables) for _ in range(rng.randint(2, 5))))
                else:
                    sentence.append(rng.choice(words))
            paragraph = " ".join(sentence).capitalize() + (".\n\n" if rng.random() < 0.2 else ". ")
            fh.write(paragraph)
            written += len(paragraph.encode("utf-8"))
    return path
