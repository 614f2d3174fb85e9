"""Stage `tokenizer`: train a Russian vocabulary (replace, extend or optimized) and measure what it saves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from transformers import AutoTokenizer

from core.corpus import iter_documents
from core.errors import ModelError, UserError
from core.evaluation.token_stats import token_efficiency
from core.jobs.context import StageContext
from core.project.schema import Tokenizer
from core.stages import ModelResult, input_result
from core.stages.corpus import HELDOUT_EN, HELDOUT_RU, TRAIN_RU
from core.tokenizer.continued_bpe import unused_tokens, word_counts
from core.tokenizer.hf_files import save_like_source
from core.tokenizer.train import train_vocabulary
from core.tokenizer.vocab_ops import extend_bpe, extend_bpe_from_unigram, optimize_bpe, piece_unigram

SHOWN = 20  # examples of unused tokens kept in the result


def run(ctx: StageContext) -> dict:
    cfg = ctx.config.tokenizer
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

    mode, algorithm = cfg.mode, cfg.algorithm
    ctx.log(f"Training a {algorithm.upper()} vocabulary ({mode} mode) on {train_file.stat().st_size:,} bytes")
    if mode == "replace":
        new = train_vocabulary(texts("reading the corpus"), source, algorithm, cfg.vocab_size,
                               cfg.min_frequency, specials)
        edit = {"added": new.get_vocab_size() - len(specials), "kept": 0, "skipped": 0}
    else:
        new, edit = continued_vocabulary(source, texts, cfg)
        edit["reach"] = reach(new, edit, texts("checking every new token forms"))
        ctx.log(reach_summary(edit["reach"]))
    out = ctx.output_dir / "tokenizer"
    new_hf = save_like_source(new, source_hf, out)
    ctx.artifact(out, "tokenizer")
    report = compare(source_hf, new_hf, corpus)
    multiple = cfg.pad_to_multiple
    model_vocab = -(-len(new_hf) // multiple) * multiple
    gguf_note = export_refusal(out, model_vocab)
    result = {
        "tokenizer_dir": str(ctx.run.outputs / "tokenizer"), "mode": mode, "algorithm": algorithm,
        "vocab_size": len(new_hf), "source_vocab_size": len(source_hf), **edit, **report,
        "model_vocab_size": model_vocab, "padded_rows": model_vocab - len(new_hf),
        "gguf_exportable": gguf_note is None,
        "gguf_note": gguf_note or "llama.cpp reproduces this tokenizer (checked as the GGUF export checks it)",
    }
    ru = report.get("ru")
    result["summary"] = (f"{len(new_hf):,} tokens; Russian {ru['ratio']:.2f}× fewer tokens than the source"
                         if ru else f"{len(new_hf):,} tokens")
    if "reach" in edit:
        result["summary"] += f"; {edit['reach']['share']:.0%} of the new tokens occur on the training text"
    ctx.log(result["summary"])
    return result


def export_refusal(tokenizer_dir: Path, n_rows: int) -> str | None:
    """Why the GGUF export would refuse this tokenizer (what and how to fix), or None: the export's own check."""
    from core.export.hf_vocab import vocab_from_hf

    try:
        vocab_from_hf(tokenizer_dir, n_rows)
    except ModelError as exc:
        return UserError(exc.what, fix=exc.fix).render()  # without the folder, which is this run's own
    return None


def continued_vocabulary(source, texts, cfg: Tokenizer) -> tuple:
    """Extend or optimized: continued BPE on the source's (or the shrunk source's) segmentation; with the
    unigram algorithm, extend learns it on the Russian pieces of a Unigram trained on the corpus."""
    if cfg.mode == "extend" and cfg.algorithm == "unigram":
        unigram = piece_unigram(texts("training a Unigram for the new tokens"), source, cfg.vocab_size)
        result = extend_bpe_from_unigram(source, unigram, cfg.new_tokens, cfg.min_frequency)
    elif cfg.mode == "extend":
        result = extend_bpe(source, word_counts(source, texts("counting words")), cfg.new_tokens, cfg.min_frequency)
    else:
        result = optimize_bpe(source, word_counts(source, texts("counting words")), cfg.vocab_size - cfg.new_tokens,
                              cfg.new_tokens, cfg.keep_rule, cfg.min_frequency)
    edit = {"added": result.added, "kept": result.kept, "skipped": result.skipped,
            "keep_rule": cfg.keep_rule if cfg.mode == "optimized" else None,
            "absorbed": list(result.absorbed)}
    return result.tokenizer, edit


def reach(new, edit: dict, texts) -> dict:
    """Which added tokens the new tokenizer produces on the training text. Continued BPE guarantees all
    but the `absorbed` ones (BPE's usual exception: intermediate tokens every occurrence of which a later
    merge joins into a longer token); anything else unused is named as `unexpected`."""
    last = max(new.get_vocab(with_added_tokens=True).values())  # new tokens take the ids after all others
    unused = {new.id_to_token(i) for i in unused_tokens(new, range(last + 1 - edit["added"], last + 1), texts)}
    absorbed = set(edit.pop("absorbed"))
    unexpected = sorted(unused - absorbed)
    return {"added": edit["added"], "used": edit["added"] - len(unused),
            "share": (edit["added"] - len(unused)) / edit["added"] if edit["added"] else 1.0,
            "absorbed": len(unused & absorbed), "absorbed_examples": sorted(unused & absorbed)[:SHOWN],
            "unexpected": len(unexpected), "unexpected_examples": unexpected[:SHOWN]}


def reach_summary(r: dict) -> str:
    text = (f"{r['used']:,} of {r['added']:,} new tokens ({r['share']:.1%}) occur when the training text is "
            f"encoded; {r['absorbed']:,} are intermediate pieces later merges always join into longer tokens")
    return text + (f"; {r['unexpected']:,} unused for another reason" if r["unexpected"] else "")


def compare(source_hf, new_hf, corpus: Path) -> dict:
    """Token efficiency of both tokenizers on held-out Russian and English, and their ratio."""
    report = {}
    for lang, name in (("ru", HELDOUT_RU), ("en", HELDOUT_EN)):
        text = (corpus / name).read_text(encoding="utf-8")
        if not text.strip():
            continue
        before, after = token_efficiency(source_hf, text), token_efficiency(new_hf, text)
        ids = new_hf(text, add_special_tokens=False)["input_ids"]
        # A Unigram for llama.cpp has no byte fallback: characters it lacks become <unk>, counted here
        unknown = sum(i == new_hf.unk_token_id for i in ids) if new_hf.unk_token_id is not None else 0
        if not unknown and new_hf.decode(ids) != text:
            raise RuntimeError(f"the new tokenizer does not decode {lang} held-out text back to itself")
        report[lang] = {"unknown_tokens": unknown, "source": before.as_dict(), "new": after.as_dict(),
                        "ratio": before.tokens / after.tokens if after.tokens else 0.0,
                        "unchanged": ids == source_hf(text, add_special_tokens=False)["input_ids"]}
    return report
