"""`ruadapt bench vocabulary`: the tokenizer modes and the new-token inits on a project's own text.

Measured in one run, on the project's corpus split (train / held-out Russian / English):
1. vocabularies at the same number of new tokens: replace, extend (continued BPE, and the earlier
   "BPE from scratch, merges appended" as a baseline), optimized by rank (the authors' rule) and by
   Russian use (ours): held-out tokens in Russian and English, and the reach (share of the new tokens
   that occur when the training text is encoded);
2. held-out bits per character of the source model right after the transplant (no training), for
   every init, on the project's tokenizer settings and on the extend vocabulary.
"""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

from tokenizers import Tokenizer
from transformers import AutoTokenizer

from core.corpus import iter_documents
from core.evaluation.bpc import bits_per_character
from core.stages.corpus import HELDOUT_EN, HELDOUT_RU, TRAIN_RU
from core.tokenizer.continued_bpe import unused_tokens, word_counts
from core.tokenizer.hf_files import save_like_source
from core.tokenizer.train import train_vocabulary
from core.tokenizer.vocab_ops import extend_bpe, has_non_ascii, optimize_bpe
from core.transplant.embeddings import INITS, transplant


def extend_from_scratch(source: Tokenizer, texts: list[str], new_tokens: int, specials: list[str]) -> Tokenizer:
    """The earlier extend mode, kept here only as the baseline: a BPE trained from scratch on the
    Russian text, its merges appended after the source's (parts known, result new and non-ASCII)."""
    trained = train_vocabulary(iter(texts), source, "bpe", new_tokens * 3 + 256 + len(specials), 2, specials)
    tj = json.loads(source.to_str())
    vocab, merges = tj["model"]["vocab"], tj["model"]["merges"]
    next_id = max([*vocab.values(), *(t["id"] for t in tj["added_tokens"])]) + 1
    added = 0
    for merge in json.loads(trained.to_str())["model"]["merges"]:
        a, b = merge if isinstance(merge, list) else merge.split(" ", 1)
        if added == new_tokens:
            break
        if a + b in vocab or a not in vocab or b not in vocab or not has_non_ascii(a + b):
            continue
        vocab[a + b] = next_id
        merges.append([a, b])
        next_id, added = next_id + 1, added + 1
    return Tokenizer.from_str(json.dumps(tj))


def vocabularies(source_hf, texts: list[str], cfg, new_tokens: int) -> dict[str, Tokenizer]:
    source = source_hf.backend_tokenizer
    specials = [t.content for _, t in sorted(source_hf.added_tokens_decoder.items())]
    counts = word_counts(source, texts)
    keep = cfg.vocab_size - new_tokens
    return {
        f"replace {new_tokens + 256 + len(specials)}": train_vocabulary(
            iter(texts), source, "bpe", new_tokens + 256 + len(specials), cfg.min_frequency, specials),
        f"replace {cfg.vocab_size}": train_vocabulary(iter(texts), source, "bpe", cfg.vocab_size,
                                                      cfg.min_frequency, specials),
        "extend, old (BPE from scratch appended)": extend_from_scratch(source, texts, new_tokens, specials),
        "extend (continued BPE)": extend_bpe(source, counts, new_tokens, cfg.min_frequency).tokenizer,
        f"optimized by rank ({keep} kept)": optimize_bpe(source, counts, keep, new_tokens, "rank",
                                                         cfg.min_frequency).tokenizer,
        f"optimized by Russian use ({keep} kept)": optimize_bpe(source, counts, keep, new_tokens, "russian_use",
                                                                cfg.min_frequency).tokenizer,
    }


def vocab_row(name: str, tok: Tokenizer, source: Tokenizer, texts: list[str], ru: str, en: str) -> dict:
    src_vocab = source.get_vocab(with_added_tokens=True)
    new_ids = [i for t, i in tok.get_vocab(with_added_tokens=True).items() if t not in src_vocab]
    unused = unused_tokens(tok, new_ids, texts)
    ru_ids, en_ids = tok.encode(ru, add_special_tokens=False).ids, tok.encode(en, add_special_tokens=False).ids
    return {"vocabulary": name, "size": tok.get_vocab_size(with_added_tokens=True), "new": len(new_ids),
            "reach": (len(new_ids) - len(unused)) / len(new_ids) if new_ids else 1.0,
            "ru_tokens": len(ru_ids), "en_tokens": len(en_ids),
            "en_unchanged": en_ids == source.encode(en, add_special_tokens=False).ids}


def init_rows(source_model, source_hf, tok_dir: Path, ru: str, en: str, window: int, pad: int) -> list[dict]:
    new_hf = AutoTokenizer.from_pretrained(tok_dir)
    rows = []
    for init in [*INITS, "mean, no padding"]:
        model = copy.deepcopy(source_model)
        multiple = 1 if init == "mean, no padding" else pad
        transplant(model, source_hf, new_hf, init=init.split(",")[0], rows=-(-len(new_hf) // multiple) * multiple)
        rows.append({"init": init, "authors": INITS[init.split(",")[0]].authors,
                     "ru_bpc": bits_per_character(model, new_hf, ru, window).bits_per_char,
                     "en_bpc": bits_per_character(model, new_hf, en, window).bits_per_char})
        del model
    return rows


def print_table(rows: list[dict], columns: list[tuple[str, str, str]]) -> None:
    """`columns`: (key, header, format)."""
    widths = [max(len(h), *(len(format(r[k], f)) for r in rows)) for k, h, f in columns]
    print("| " + " | ".join(h.ljust(w) for (_, h, _), w in zip(columns, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(format(r[k], f).ljust(w) for (k, _, f), w in zip(columns, widths)) + " |")
    print(flush=True)


def run(source_dir: Path, corpus_dir: Path, cfg, new_tokens: int, bpc_chars: int, window: int,
        inits: bool = True) -> dict:
    from core.models import load_model

    texts = [d.text for d in iter_documents(corpus_dir / TRAIN_RU)]
    ru = (corpus_dir / HELDOUT_RU).read_text(encoding="utf-8")
    en = (corpus_dir / HELDOUT_EN).read_text(encoding="utf-8")
    source_hf = AutoTokenizer.from_pretrained(source_dir)
    source = source_hf.backend_tokenizer
    vocabs = vocabularies(source_hf, texts, cfg, new_tokens)
    rows = [vocab_row("source", source, source, texts, ru, en)]
    rows += [vocab_row(name, tok, source, texts, ru, en) for name, tok in vocabs.items()]
    print(f"Held-out text: {len(ru):,} Russian and {len(en):,} English characters; reach = share of the new "
          f"tokens that occur when the {sum(map(len, texts)):,}-character training text is encoded")
    print_table(rows, [("vocabulary", "vocabulary", ""), ("size", "size", ","), ("new", "new tokens", ","),
                       ("reach", "reach", ".1%"), ("ru_tokens", "RU tokens", ","), ("en_tokens", "EN tokens", ","),
                       ("en_unchanged", "EN as source", "")])
    report = {"vocabularies": rows}
    if not inits:
        return report
    model, _ = load_model(source_dir, dtype="float32", device="cpu")
    ru_text, en_text = ru[:bpc_chars], en[:bpc_chars]
    report["source_bpc"] = {"ru": bits_per_character(model, source_hf, ru_text, window).bits_per_char,
                            "en": bits_per_character(model, source_hf, en_text, window).bits_per_char}
    print(f"\nSource model, its own tokenizer: {report['source_bpc']['ru']:.3f} bits/char Russian, "
          f"{report['source_bpc']['en']:.3f} English ({len(ru_text):,} / {len(en_text):,} characters)")
    report["inits"] = {}
    picks = {f"{cfg.mode} (project setting)": _project_vocab_name(cfg, vocabs), "extend (continued BPE)":
             "extend (continued BPE)"}
    with tempfile.TemporaryDirectory() as tmp:
        for label, name in picks.items():
            save_like_source(vocabs[name], source_hf, Path(tmp) / label)
            print(f"\nBits per character right after the transplant, no training: {label}, {name}")
            table = init_rows(model, source_hf, Path(tmp) / label, ru_text, en_text, window, cfg.pad_to_multiple)
            print_table(table, [("init", "init", ""), ("authors", "authors'", ""), ("ru_bpc", "RU bits/char", ".3f"),
                                ("en_bpc", "EN bits/char", ".3f")])
            report["inits"][label] = table
    return report


def _project_vocab_name(cfg, vocabs: dict) -> str:
    if cfg.mode == "replace":
        return f"replace {cfg.vocab_size}"
    if cfg.mode == "extend":
        return "extend (continued BPE)"
    return next(n for n in vocabs if n.startswith("optimized by rank" if cfg.keep_rule == "rank" else
                                                  "optimized by Russian"))
