"""Stage `export`: the original and the adapted model as GGUF files of the project's types, each checked
against transformers (identical tokenization, next-token agreement) before it is kept.

Both sides are exported from Hugging Face folders in the same types, even when the original came from a
GGUF file, so a later side-by-side compares like with like (a Q4_1 original against a q8_0 adaptation
would measure the quantization, not the adaptation).
"""

from __future__ import annotations

import json
from pathlib import Path

from core.export.gguf_writer import plan_export
from core.export.pipeline import export_gguf_types
from core.jobs.context import StageContext
from core.stages import ModelResult, input_result

SIDES = ("original", "adapted")


def _original_note(model_dir: Path) -> dict:
    record = model_dir / "ruadapt_import.json"
    if not record.is_file():
        return {}
    source = json.loads(record.read_text(encoding="utf-8"))["source"]
    return {"original_source": source,
            "original_note": f"the original was imported from {Path(source).name}; it is re-exported from the "
                             "imported folder in the same types as the adapted model, so the two are comparable"}


def _summary(results: dict, types: list[str], parity: bool) -> str:
    files = f"{len(types) * len(SIDES)} GGUF files ({', '.join(types)} for the original and the adapted model)"
    if not parity:
        return files + "; parity check off"
    agreement = ", ".join(
        f"{t} top-1 {results['original'][t]['parity']['logits']['top1_agreement_decisive']:.1%}/"
        f"{results['adapted'][t]['parity']['logits']['top1_agreement_decisive']:.1%}" for t in types)
    return f"{files}; tokenization identical to transformers; original/adapted {agreement}"


def run(ctx: StageContext) -> dict:
    cfg = ctx.config.export
    types = list(cfg.types)
    folders = {"original": Path(input_result(ctx.inputs, "import", ModelResult).model_dir),
               "adapted": Path(input_result(ctx.inputs, "calibration", ModelResult).model_dir)}
    for side in SIDES:  # refuse (an adapted Unigram vocabulary, say) before any file is written
        ctx.progress(0, None, "tensors", f"checking that the {side} model can be exported")
        plan_export(folders[side])
    results, files = {}, []
    for i, side in enumerate(SIDES):
        outputs = {t: ctx.output_dir / f"{side}-{t}.gguf" for t in types}

        def progress(done: int, total: int, message: str, i: int = i, side: str = side) -> None:
            ctx.progress(i * total + done, len(SIDES) * total, "tensors", f"{side} {message}")

        ctx.log(f"exporting the {side} model ({folders[side]}) as {', '.join(types)}")
        side_results = export_gguf_types(folders[side], outputs, parity=cfg.parity, progress=progress,
                                         poll=ctx.check_cancelled)
        for out_type, entry in side_results.items():
            final = ctx.run.outputs / outputs[out_type].name  # where the file lies once the stage succeeds
            entry["file"]["path"] = str(final)
            files.append(str(final))
            ctx.artifact(final, "gguf")
            if entry["parity"]:
                figures = entry["parity"].get("logits", {})
                ctx.log(f"{side} {out_type}: tokenization identical; top-1 agreement "
                        f"{figures['top1_agreement_decisive']:.1%} where the model has a clear favourite "
                        f"({figures['top1_agreement']:.1%} everywhere), max |Δlogit| {figures['max_abs_diff']:.3g}")
        results[side] = side_results
    result = {"types": types, **results, "files": files, **_original_note(folders["original"]),
              "summary": _summary(results, types, cfg.parity)}
    ctx.log(result["summary"])
    return result
