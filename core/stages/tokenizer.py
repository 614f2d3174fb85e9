"""Stage `tokenizer`: train a Russian vocabulary (replace, extend or optimized) and measure what it saves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from transformers import AutoTokenizer

from core.corpus import iter_documents
from core.errors import UserError
from core.evaluation.token_stats import token_efficiency
from core.jobs.context import StageContext
from core.stages import ModelResult, input_result
from core.stages.corpus import HELDOUT_EN, HELDOUT_RU, TRAIN_RU
from core.tokenizer.hf_files import save_like_source
from core.tokenizer.train import train_vocabulary
from core.tokenizer.vocab_ops import count_token_use, extend_bpe, optimize_bpe

CANDIDATE_FACTOR = 3  # train this many more merges than needed: some candidates are refused


def run(ctx: StageContext) -> dict:
    cfg = ctx.settings["tokenizer"]
    corpus = Path(ctx.inputs["corpus"]["outputs"])
    source_hf = AutoTokenizer.from_pretrained(input_result(ctx.inputs, "import", ModelResult).model_dir)
    if not source_hf.is_fast:
        raise UserError("the source model has no fast (tokenizer.json) tokenizer", where="[models] source",
                        fix="use a model folder with tokenizer.json")
    source = source_hf.backend_tokenizer
    specials = [t.content for _, t in sorted(source_hf.added_tokens_decoder.items())]
    train_file = corpus / TRAIN_RU

    def texts(phase: str) -> Iterator[str]:
        total, done = train_file.stat().st_size, 0
        for doc in iter_documents(train_file):
            done += len(doc.text.encode("utf-8")) + 2
            ctx.progress(min(done, total), total, "bytes", phase)
            yield doc.text

    mode, algorithm = cfg["mode"], cfg["algorithm"]
    ctx.log(f"Training a {algorithm.upper()} vocabulary ({mode} mode) on {train_file.stat().st_size:,} bytes")
    if mode == "replace":
        new = train_vocabulary(texts("reading the corpus"), source, algorithm, cfg["vocab_size"],
                               cfg["min_frequency"], specials)
        edit = {"added": new.get_vocab_size() - len(specials), "kept": 0, "skipped": 0}
    else:
        budget = cfg["new_tokens"] * CANDIDATE_FACTOR + 256 + len(specials)
        trained = train_vocabulary(texts("reading the corpus"), source, "bpe", budget, cfg["min_frequency"],
                                   specials)
        if mode == "extend":
            result = extend_bpe(source, trained, cfg["new_tokens"])
        else:
            usage = count_token_use(source, texts("counting source tokens"))
            result = optimize_bpe(source, trained, usage, cfg["vocab_size"] - cfg["new_tokens"], cfg["new_tokens"])
        new = result.tokenizer
        edit = {"added": result.added, "kept": result.kept, "skipped": result.skipped}
    out = ctx.output_dir / "tokenizer"
    new_hf = save_like_source(new, source_hf, out)
    ctx.artifact(out, "tokenizer")
    report = compare(source_hf, new_hf, corpus)
    exportable = algorithm == "bpe"
    result = {
        "tokenizer_dir": str(ctx.run.outputs / "tokenizer"), "mode": mode, "algorithm": algorithm,
        "vocab_size": len(new_hf), "source_vocab_size": len(source_hf), **edit, **report,
        "gguf_exportable": exportable,
        "gguf_note": "same pre-tokenizer as the source model" if exportable else
                     "llama.cpp has no byte-level Unigram tokenizer: this vocabulary cannot be exported to GGUF",
    }
    ru = report.get("ru")
    result["summary"] = (f"{len(new_hf):,} tokens; Russian {ru['ratio']:.2f}× fewer tokens than the source"
                         if ru else f"{len(new_hf):,} tokens")
    ctx.log(result["summary"])
    return result


def compare(source_hf, new_hf, corpus: Path) -> dict:
    """Token efficiency of both tokenizers on held-out Russian and English, and their ratio."""
    report = {}
    for lang, name in (("ru", HELDOUT_RU), ("en", HELDOUT_EN)):
        text = (corpus / name).read_text(encoding="utf-8")
        if not text.strip():
            continue
        before, after = token_efficiency(source_hf, text), token_efficiency(new_hf, text)
        roundtrip = new_hf.decode(new_hf(text, add_special_tokens=False)["input_ids"]) == text
        if not roundtrip:
            raise RuntimeError(f"the new tokenizer does not decode {lang} held-out text back to itself")
        report[lang] = {"source": before.as_dict(), "new": after.as_dict(),
                        "ratio": before.tokens / after.tokens if after.tokens else 0.0}
    return report
