"""The evaluation report's content: measurements in, blocks and charts out."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path

from core import metric_names as metric
from core.evaluation.darucopy import column, tasks_in
from core.report.charts import curves, grouped_bars
from core.report.document import Heading, Image, Paragraph, Table, write
from core.report.figure_rows import LANGS, bpc_rows, copy_rows, figure, first_choice_rows, speed_rows, token_rows
from core.stages.results import EvaluateResult

LIMITS = (
    "**What a short CPU run can and cannot show.** The token savings and the speed-up come from the tokenizer "
    "and hold as soon as the vocabulary is transplanted: they are the method's mechanical gain. Quality is "
    "another matter: a few minutes of stage 1 on ~120k characters only re-learn the new embeddings part of "
    "the way, so the adapted model's Russian bits per character stay above the original's. The held-out text "
    "is small (thousands of characters) and the copy task has a few texts per set, so differences of a few "
    "hundredths are within noise. **What a GPU run changes:** the method trains stage 1 and stage 2 on "
    "gigabytes of Russian text (block 1024, thousands of steps); there the adapted model reaches the "
    "original's quality or better (LEP paper, arXiv 2412.21140) while keeping the speed-up shown here. "
    "**English and instructions.** An `extend` vocabulary keeps every source token (English and the chat "
    "markers tokenize as before) and stage 1 with `train_rows = \"new\"` keeps their rows (`\"new+cyrillic\"` "
    "all but the source's tokens that spell Russian, Cyrillic letters and their byte pieces, which English "
    "does not use), so English can only lose the probability the new tokens take; calibration "
    "(self-calibration on the original's own answers plus the copy task) restores instruction following "
    "without a base/instruct pair. A `replace` vocabulary is trained on Russian only and forgets English.")

FIRST_CHOICE = (
    "**Why the speed-up is smaller than the token savings.** Greedy decoding writes the model's first choice, "
    "and at each position of the held-out text that choice is usually shorter than the token the text really "
    "has there: a model that spreads its probability over many long tokens has a short, frequent one on top. "
    "The characters per first-choice token (read in the same pass as the bits per character) foretell the "
    "characters per generated token, and with them the speed-up; bits per character can improve while they "
    "fall, so the training curves show both.")


def build_report(m: EvaluateResult, folder: Path, project: str) -> tuple[Path, Path]:
    charts = folder / "charts"
    charts.mkdir(exist_ok=True)
    langs = m.languages()
    o, a = m.original, m.adapted
    sides = m.sides()
    ru_ratio = o.tokens_ru.tokens / a.tokens_ru.tokens
    speed_ru = m.speed.ru
    chars_ratio = speed_ru[1].chars_per_s / speed_ru[0].chars_per_s
    check = m.heldout_check
    blocks = [
        Heading("Ruadapt evaluation report", 1),
        Paragraph(f"Project `{project}`, {time.strftime('%Y-%m-%d %H:%M')}, on {platform.machine()} with "
                  f"{os.cpu_count()} CPU threads."),
        Heading("Summary"),
        Paragraph(f"On held-out Russian text the adapted model needs **{ru_ratio:.2f}× fewer tokens** "
                  f"({o.tokens_ru.tokens:,} → {a.tokens_ru.tokens:,}) and generates Russian "
                  f"**{chars_ratio:.2f}× faster in characters per second** ({speed_ru[0].chars_per_s:.1f} → "
                  f"{speed_ru[1].chars_per_s:.1f}, {m.speed.type} GGUF in llama.cpp). Its bits per "
                  f"character on Russian are {figure(a.bpc_ru, '{:.3f}')} against the original's "
                  f"{figure(o.bpc_ru, '{:.3f}')} (lower is better)."),
        Paragraph(f"Held-out check: {check.found_in_training} of the {check.heldout_paragraphs} held-out "
                  "Russian paragraphs occur in the training text"
                  + (" — none: the held-out figures are on text training never saw."
                     if check.found_in_training == 0 else " — WARNING: held-out figures are contaminated.")),
        Heading("Measured on"),
        Table(["What", "Where", "Size"],
              [[f"{LANGS[lang]} held-out text", f"`{t.file}`", f"{t.chars:,} characters"]
               for lang, t in m.texts.items()]
              + [[f"{side} model", f"`{path}`", ""] for side, path in m.models.items()]
              + [[f"{m.speed.type} GGUF ({'original' if i == 0 else 'adapted'})", f"`{path}`", ""]
                 for i, path in enumerate(m.speed.files)]),
        Heading("Token efficiency"),
        Table(["Text", "Model", "Tokens", "Characters / token", "Tokens / word", "Words in 3+ pieces"], token_rows(m)),
        Image(grouped_bars(charts / "tokens.png", "Tokens per held-out text (fewer is better)", "tokens",
                           [LANGS[lang] for lang in langs],
                           {side: [mm.tokens(lang).tokens for lang in langs] for side, mm in sides},
                           "{:,.0f}").relative_to(folder).as_posix(),
              "tokens per text"),
        Heading("Bits per character"),
        Paragraph("Loss per token is not comparable across tokenizers; bits per character are: the total "
                  "negative log-likelihood of the text in bits, divided by its characters."),
        Table(["Text", "Original", "Adapted"], bpc_rows(m)),
        Image(grouped_bars(charts / "bpc.png", "Bits per character on held-out text (lower is better)", "bits/char",
                           [LANGS[lang] for lang in langs],
                           {side: [mm.bpc(lang) for lang in langs] for side, mm in sides},
                           "{:.3f}").relative_to(folder).as_posix(), "bpc"),
    ]
    blocks += _outside_blocks(m)
    if a.copy is not None:
        blocks += _copy_blocks(m, charts, folder)
    blocks += [Heading("Generation speed"),
               Paragraph(f"`ruadapt bench speed`: each model alone, greedy continuation of the shipped prompts "
                         f"until {m.speed.chars} characters, {m.speed.repeats} passes; medians "
                         "(min–max). Characters per second is the fair figure across tokenizers.")]
    for lang in ("ru", "en"):
        blocks += [Table([f"{LANGS[lang]} prompts", "Characters/s", "Tokens/s", "Characters/token", "Cyrillic share"],
                         speed_rows(m, lang)),
                   Image(f"charts/speed_{lang}.png", f"speed {lang}")]
    blocks += [Paragraph(FIRST_CHOICE),
               Table(["Text", "Model", "Characters/token, the text", "Characters/token, first choice",
                      "Characters/token, generated"], first_choice_rows(m))]
    blocks += _curve_blocks(m, charts, folder)
    blocks += [Heading("Limits"), Paragraph(LIMITS)]
    return write(blocks, folder, "Ruadapt evaluation report")


def _outside_blocks(m: EvaluateResult) -> list:
    outside = [t for t in m.outside.values() if t.original is not None and t.adapted is not None]
    if not outside and not m.outside_missing:
        return []
    missing = (f" Not installed, so not measured: {', '.join(m.outside_missing)} (`apt install` them to add)."
               if m.outside_missing else "")
    blocks: list = [
        Heading("Outside the corpus's domain"),
        Paragraph("Russian text of other kinds than the corpus, never trained on (Debian packages, the first "
                  "characters of each in a fixed order): do the gains hold beyond the training text's domain?"
                  + missing),
    ]
    if outside:
        blocks.append(Table(
            ["Text", "Characters", "Tokens, original", "Tokens, adapted", "Bits/char, original", "Bits/char, adapted"],
            [[f"`{t.package}`", f"{t.chars:,}", f"{t.original.tokens:,}", f"{t.adapted.tokens:,}",
              figure(t.original.bpc, "{:.3f}"), figure(t.adapted.bpc, "{:.3f}")] for t in outside]))
    return blocks


def _copy_blocks(m: EvaluateResult, charts: Path, folder: Path) -> list:
    o, a = m.original, m.adapted
    tasks = tasks_in(o.copy, a.copy)
    sizes = ", ".join(f"{task.removeprefix('darumeru/')} {a.copy[task].n}" for task in tasks)

    def main(mm, task: str) -> float | None:
        return mm.copy[task].main if mm.copy and task in mm.copy else None

    return [
        Heading("Copy task (DaruCopy)"),
        Paragraph(f"llmtf's DaruCopy tasks (darumeru/cp_sent, cp_para) on held-out sentences and paragraphs, "
                  f"texts per task: {sizes}; each model asked to repeat them exactly (greedy). `len`: mean "
                  "token-length ratio min(p/s, s/p), the source capped at 128 (sentences) or 1024 (paragraphs) "
                  "tokens; `lcs`: share of outputs whose difflib matching blocks cover ≥ 99% of the source. "
                  "The prompt is ours: llmtf's test sets and prompt are not available offline."),
        Table(["Model", *map(column, tasks)], copy_rows(m, tasks)),
        Image(grouped_bars(charts / "copy.png", "Copy task (DaruCopy)", "score", list(map(column, tasks)),
                           {side: [main(mm, task) or 0.0 for task in tasks] for side, mm in m.sides()}
                           ).relative_to(folder).as_posix(), "copy task"),
    ]


def _curve_blocks(m: EvaluateResult, charts: Path, folder: Path) -> list:
    trained = {s: c for s, c in m.curves.items() if c}
    if not trained:
        return []
    blocks: list = [Heading("Training curves")]
    for stage, c in trained.items():
        blocks.append(Image(curves(charts / f"{stage}_loss.png", f"{stage}: training loss per token",
                                   {"loss": c.get(metric.LOSS, []), "held-out loss": c.get(metric.EVAL_LOSS, [])},
                                   "nats/token").relative_to(folder).as_posix(), f"{stage} loss"))
        if c.get(metric.BPC_RU):
            reference = ("original model", m.curves_bpc_reference) if m.curves_bpc_reference else None
            blocks.append(Image(curves(charts / f"{stage}_bpc.png", f"{stage}: held-out Russian bits per character",
                                       {"adapted": c[metric.BPC_RU]}, "bits/char", reference).relative_to(folder).as_posix(),
                                f"{stage} bpc"))
        if c.get(metric.TOP1_CHARS_RU):
            original = m.original.top1_chars("ru")
            reference = ("original model", original) if original else None
            blocks.append(Image(curves(charts / f"{stage}_top1.png",
                                       f"{stage}: characters per first-choice token, held-out Russian",
                                       {"adapted": c[metric.TOP1_CHARS_RU]}, "characters/token",
                                       reference).relative_to(folder).as_posix(), f"{stage} first choice"))
    return blocks
