"""The `import` stage: open the source model and check it. A .gguf file is dequantized once into a
cached Hugging Face folder; a folder is inspected where it lies. Later stages read `model_dir`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.errors import ModelError
from core.jobs.context import StageContext
from core.models.source import open_model_source


def run(ctx: StageContext) -> dict[str, Any]:
    models = ctx.config.models
    source = Path(models.source) if models.source else None
    if source is None:
        raise ModelError("no source model is set", where="[models] source",
                         fix="set `source` under [models] to a Hugging Face folder or a .gguf file")
    ctx.check_cancelled()
    if source.suffix.lower() == ".gguf" or source.is_file():
        ctx.log(f"opening {source.name}: a GGUF file is dequantized to fp32 once, then reused from the cache")
    info = open_model_source(source, allow_pickle=models.allow_pickle,
                             trust_remote_code=models.trust_remote_code,
                             progress=lambda done, total, message: ctx.progress(done, total, "tensors", message))
    for warning in info.warnings:
        ctx.log(warning, "warning")
    summary = info.summary()
    ctx.log(summary)
    return {
        "model_dir": str(info.path), "architecture": info.architecture, "vocab_size": info.vocab_size,
        "n_parameters": info.n_parameters, "tied_embeddings": info.tied_embeddings,
        "has_chat_template": info.has_chat_template, "summary": summary,
    }
