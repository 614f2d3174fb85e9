"""Stage `corpus`: read and check the text, split Russian into train and held-out, keep English for checks.

The split is by paragraph (or JSONL record), drawn from a seeded hash of the paragraph's text, so
held-out text is never seen in training, even when the corpus repeats a paragraph. Once the held-out
cap is reached the rest goes to training: a big corpus needs a few hundred thousand characters of
held-out text, not 15 % of it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from core.corpus import corpus_files, iter_documents
from core.errors import CorpusError
from core.jobs.context import StageContext

TRAIN_RU, HELDOUT_RU, HELDOUT_EN = "train_ru.txt", "heldout_ru.txt", "heldout_en.txt"
HELDOUT = {"ru": HELDOUT_RU, "en": HELDOUT_EN}


def heldout_texts(outputs: Path, max_chars: int) -> dict[str, str]:
    """language → the first `max_chars` of its held-out text, for the languages that have any."""
    texts = {lang: (Path(outputs) / name).read_text(encoding="utf-8")[:max_chars] for lang, name in HELDOUT.items()
             if (Path(outputs) / name).exists()}
    return {lang: text for lang, text in texts.items() if text.strip()}


def run(ctx: StageContext) -> dict:
    cfg = ctx.config.corpus
    russian, english = corpus_files(cfg.russian), corpus_files(cfg.english)
    total_bytes = sum(f.stat().st_size for f in russian + english) or 1
    out = ctx.output_dir
    salt = cfg.seed.to_bytes(8, "little")
    stats = {"train_ru_chars": 0, "heldout_ru_chars": 0, "heldout_en_chars": 0,
             "train_ru_docs": 0, "heldout_ru_docs": 0, "files": [str(f) for f in russian + english]}
    done_bytes = 0

    stats["skipped_files"] = []

    def documents(path: Path):
        """The file's documents; a bad file stops the stage, or is skipped and listed when asked."""
        try:
            yield from iter_documents(path, cfg.text_field)
        except CorpusError as exc:
            if cfg.on_bad_file != "skip":
                raise
            stats["skipped_files"].append(str(exc))
            ctx.log(f"skipped: {exc.where}: {exc.what}", level="warning")

    heldout_keys: set[bytes] = set()  # bounded by the held-out cap, not by the corpus
    stats["duplicates_of_heldout"] = 0
    with open(out / TRAIN_RU, "w", encoding="utf-8") as train, open(out / HELDOUT_RU, "w", encoding="utf-8") as held:
        for path in russian:
            for doc in documents(path):
                key = hashlib.blake2b(doc.text.encode("utf-8"), digest_size=16, salt=salt).digest()
                if key in heldout_keys:  # a repeated paragraph must not reach training through its copy
                    stats["duplicates_of_heldout"] += 1
                    continue
                # The draw depends on the text, so copies of a paragraph always land on the same side.
                to_heldout = (int.from_bytes(key[:8]) / 2**64 < cfg.heldout_fraction
                              and stats["heldout_ru_chars"] < cfg.heldout_max_chars)
                if to_heldout:
                    heldout_keys.add(key)
                kind = "heldout_ru" if to_heldout else "train_ru"
                (held if to_heldout else train).write(doc.text + "\n\n")
                stats[f"{kind}_chars"] += len(doc.text)
                stats[f"{kind}_docs"] += 1
                ctx.progress(done_bytes, total_bytes, "bytes", f"{path.name}")
            done_bytes += path.stat().st_size
    with open(out / HELDOUT_EN, "w", encoding="utf-8") as held_en:
        for path in english:
            for doc in documents(path):
                if stats["heldout_en_chars"] >= cfg.heldout_max_chars:
                    break
                held_en.write(doc.text + "\n\n")
                stats["heldout_en_chars"] += len(doc.text)
            done_bytes += path.stat().st_size
            ctx.progress(done_bytes, total_bytes, "bytes", path.name)
    ctx.progress(total_bytes, total_bytes, "bytes")
    if stats["heldout_ru_docs"] == 0:
        # A tiny corpus can draw no held-out paragraph; move the last training one over.
        _move_last_paragraph(out / TRAIN_RU, out / HELDOUT_RU, stats)
    stats["summary"] = (f"{stats['train_ru_chars']:,} train / {stats['heldout_ru_chars']:,} held-out Russian "
                        f"characters, {stats['heldout_en_chars']:,} English"
                        + (f"; {len(stats['skipped_files'])} bad file(s) skipped" if stats["skipped_files"] else ""))
    ctx.log(stats["summary"])
    return stats


def _move_last_paragraph(train: Path, held: Path, stats: dict) -> None:
    paragraphs = train.read_text(encoding="utf-8").split("\n\n")
    paragraphs = [p for p in paragraphs if p.strip()]
    if len(paragraphs) < 2:
        raise CorpusError("the Russian text is too small to split into train and held-out parts",
                          where="[corpus] russian", fix="add more text (at least a few paragraphs)")
    last = paragraphs.pop()
    train.write_text("\n\n".join(paragraphs) + "\n\n", encoding="utf-8")
    held.write_text(last + "\n\n", encoding="utf-8")
    for kind, delta in (("train_ru", -1), ("heldout_ru", 1)):
        stats[f"{kind}_chars"] += delta * len(last)
        stats[f"{kind}_docs"] += delta
