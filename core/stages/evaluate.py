"""Stage `evaluate`: the original and the adapted model side by side, and the report.

Token efficiency and bits per character on held-out Russian and English, the copy task, and
generation speed of the exported GGUF files; training curves from the stages' own events. Every
figure says what it was measured on. The source model's figures come from the `baseline` stage
(the same texts and settings), not measured twice.
"""

from __future__ import annotations

from pathlib import Path

from core import metric_names as metric
from core.evaluation.bpc import bits_per_character
from core.evaluation.darucopy import copy_sets, darucopy
from core.evaluation.generation_speed import run as speed_run
from core.evaluation.outside_text import OUTSIDE_TEXTS, outside_text
from core.evaluation.token_stats import token_efficiency
from core.jobs.context import StageContext
from core.jobs.events import Metric
from core.jobs.rundir import RunDir
from core.models import load_model
from core.paths import resources_dir
from core.report.build import build_report
from core.stages import BaselineResult, EvaluateResult, ExportResult, ModelResult, input_result
from core.stages.corpus import HELDOUT_EN, HELDOUT_RU, TRAIN_RU
from core.stages.results import parse_result


def heldout_check(corpus: Path) -> dict:
    """Held-out paragraphs that also occur in the training text (must be none)."""
    train = {p.strip() for p in (corpus / TRAIN_RU).read_text(encoding="utf-8").split("\n\n") if p.strip()}
    held = [p.strip() for p in (corpus / HELDOUT_RU).read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return {"heldout_paragraphs": len(held), "found_in_training": sum(p in train for p in held)}


def curves(inputs: dict, stage: str) -> dict[str, list[tuple[int, float]]]:
    run_dir = inputs.get(stage, {}).get("run_dir")
    if not run_dir or input_result(inputs, stage, ModelResult).skipped:
        return {}
    out: dict[str, list] = {}
    for event in RunDir(Path(run_dir)).events():
        if isinstance(event, Metric) and event.name in metric.CURVE_METRICS:
            out.setdefault(event.name, []).append((event.step, event.value))
    return out


def speed_pair(export: ExportResult, wanted: str) -> tuple[str, Path, Path]:
    kind = wanted or ("q8_0" if "q8_0" in export.types else export.types[0])
    return kind, export.gguf("original", kind), export.gguf("adapted", kind)


def _summary(m: EvaluateResult) -> str:
    ru_o, ru_a = m.original.tokens_ru, m.adapted.tokens_ru
    speed = m.speed.ru
    return (f"Russian: {(ru_o.tokens if ru_o else 0) / max(1, ru_a.tokens if ru_a else 1):.2f}× fewer tokens, "
            f"{speed[1].chars_per_s / speed[0].chars_per_s:.2f}× characters/s ({m.speed.type}), "
            f"bits/char {m.original.bpc_ru or 0:.3f} → {m.adapted.bpc_ru or 0:.3f}")


def run(ctx: StageContext) -> dict:
    cfg, models = ctx.config.evaluation, ctx.config.models
    inputs = ctx.inputs
    corpus = Path(inputs["corpus"]["outputs"])
    texts = {lang: (corpus / name).read_text(encoding="utf-8")[: cfg.max_chars]
             for lang, name in (("ru", HELDOUT_RU), ("en", HELDOUT_EN))}
    texts = {lang: t for lang, t in texts.items() if t.strip()}
    baseline = input_result(inputs, "baseline", BaselineResult)
    dirs = {"original": input_result(inputs, "import", ModelResult).model_dir,
            "adapted": input_result(inputs, "calibration", ModelResult).model_dir}
    m: dict = {"texts": {lang: {"file": str(corpus / (HELDOUT_RU if lang == "ru" else HELDOUT_EN)), "chars": len(t)}
                         for lang, t in texts.items()},
               "models": dirs, "heldout_check": heldout_check(corpus), "original": {}, "adapted": {}}
    for lang in texts:
        m["original"][f"tokens_{lang}"] = baseline.tokens(lang).as_dict()
        m["original"][metric.bits_per_char(lang)] = baseline.bpc(lang)
        m["original"][metric.top1_chars(lang)] = baseline.top1_chars(lang)
    outside = {name: text for name in cfg.outside_texts if (text := outside_text(name, cfg.max_chars))}
    m["outside"] = {name: {"package": OUTSIDE_TEXTS[name].package, "chars": len(text)} for name, text in outside.items()}
    m["outside_missing"] = [OUTSIDE_TEXTS[name].package for name in cfg.outside_texts if name not in outside]
    sets = copy_sets(texts, cfg.copy_passages)
    steps = 2 * len(texts) + 2 + 2
    for side in ("adapted", "original"):
        model, tok = load_model(dirs[side], dtype=models.dtype, device=models.device,
                                allow_pickle=models.allow_pickle, trust_remote_code=models.trust_remote_code)
        model.eval()
        if side == "adapted":
            for i, (lang, text) in enumerate(texts.items()):
                ctx.progress(i, steps, "steps", f"adapted model: bits per character ({lang})")
                m[side][f"tokens_{lang}"] = token_efficiency(tok, text).as_dict()
                scored = bits_per_character(model, tok, text, window=cfg.batch_tokens)
                m[side][metric.bits_per_char(lang)] = scored.bits_per_char
                m[side][metric.top1_chars(lang)] = scored.top1_chars_per_token
        for name, text in outside.items():
            ctx.progress(2 * len(texts), steps, "steps", f"{side} model: bits per character ({name})")
            m["outside"][name][side] = {"tokens": token_efficiency(tok, text).tokens,
                                        "bpc": bits_per_character(model, tok, text, window=cfg.batch_tokens).bits_per_char}
        if sets:
            ctx.progress(2 * len(texts), steps, "steps", f"{side} model: DaruCopy")
            m[side]["copy"] = darucopy(model, tok, sets, cfg.copy_max_new_tokens)
        del model
    kind, original_gguf, adapted_gguf = speed_pair(input_result(inputs, "export", ExportResult), cfg.speed_type)
    ctx.log(f"speed: {original_gguf.name} vs {adapted_gguf.name}")
    charts = ctx.output_dir / "charts"
    charts.mkdir(exist_ok=True)
    m["speed"] = {"type": kind, "files": [str(original_gguf), str(adapted_gguf)], "chars": cfg.speed_chars,
                  "repeats": cfg.speed_repeats}
    for lang in ("ru", "en"):
        ctx.progress(steps - 2 + (lang == "en"), steps, "steps", f"generation speed ({lang})")
        rows = speed_run([original_gguf, adapted_gguf], resources_dir() / "prompts" / f"speed_{lang}.txt",
                         chars=cfg.speed_chars, repeats=cfg.speed_repeats, threads=cfg.threads,
                         png=charts / f"speed_{lang}.png", label=f"{'Russian' if lang == 'ru' else 'English'} prompts")
        m["speed"][lang] = rows
    m["curves"] = {stage: curves(inputs, stage) for stage in ("stage1", "stage2", "calibration")}
    m["curves_bpc_reference"] = baseline.bpc_ru
    figures = parse_result(EvaluateResult, m, "evaluate")  # the report reads what the studio will read
    report_md, report_html = build_report(figures, ctx.output_dir, ctx.spec.get("project", ""))
    ctx.progress(steps, steps, "steps")
    summary = _summary(figures)
    ctx.log(summary)
    return {**m, "report_md": str(ctx.run.outputs / report_md.name), "report_html": str(ctx.run.outputs / report_html.name),
            "summary": summary}
