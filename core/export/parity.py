"""Does the GGUF behave like the Hugging Face model it came from? Two checks, llama.cpp's side in a child
process (a native crash is reported with its signal, never kills the caller):

(a) tokenization: the fixed texts, plus the model's own chat template rendered, tokenized by llama.cpp
    (`vocab_only`, special tokens parsed, with and without BOS/EOS) must give exactly the HF ids;
(b) logits: the same token ids through both models, at every position of the prompts: top-1
    agreement (judged where transformers has a clear favourite, see DECISIVE_GAP) and the largest
    absolute logit difference, with an f32 KV cache in llama.cpp so that only the weights' type
    differs (f32 weights then match transformers to float rounding).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from core.errors import ModelError
from core.export.child import run_in_child
from core.export.parity_texts import CHAT_PROBE, PARITY_PROMPTS, PARITY_TEXTS
from core.gguf_types import GGUF_TYPES

MAX_PROMPT_TOKENS = 64
# Top-1 agreement is judged where transformers has a clear favourite: its top logit leads the runner-up
# by DECISIVE_GAP (the favourite >= 1.65x as likely). Where two tokens are near-tied, any rounding flips
# the order: on SmolLM2-135M every q8_0 disagreement sat at a gap below 0.41, so counting them measures
# the model's indecision, not the export. All-position agreement is reported beside it. A model too flat
# to have MIN_DECISIVE such positions (a random test model) is judged on all positions.
DECISIVE_GAP = 0.5
MIN_DECISIVE = 20
# GGUF type -> (lowest top-1 agreement, largest max |logit difference| or None): see core.gguf_types.
THRESHOLDS: dict[str, tuple[float, float | None]] = {t.name: (t.min_top1, t.max_logit_diff) for t in GGUF_TYPES}


class ParityFailed(ModelError):
    """The GGUF does not behave like its HF model; `report` holds the figures."""

    def __init__(self, gguf_path: Path, report: dict) -> None:
        self.report = report
        super().__init__("the GGUF does not match the Hugging Face model:\n  " + "\n  ".join(report["problems"]),
                         where=str(gguf_path), fix=report["fix"])


@dataclass(frozen=True)
class HfReference:
    """What transformers says, computed once per HF folder and compared with every GGUF made from it."""
    hf_dir: Path
    tokenizer: object
    texts: tuple[str, ...]
    ids: tuple[tuple[int, ...], ...]  # special tokens parsed, none added
    ids_with_specials: tuple[tuple[int, ...], ...]  # BOS/EOS added as the tokenizer adds them
    prompt_ids: tuple[tuple[int, ...], ...]
    logits_path: Path  # npz: p0, p1, ... of shape (len(prompt), vocab)


def parity_texts(tokenizer) -> tuple[str, ...]:
    texts = PARITY_TEXTS + tuple(t for t in (tokenizer.bos_token, tokenizer.eos_token) if t)
    if tokenizer.chat_template:
        texts += (tokenizer.apply_chat_template(list(CHAT_PROBE), tokenize=False, add_generation_prompt=True),)
    return texts


def hf_reference(hf_dir: Path | str, work_dir: Path | str, prompts: tuple[str, ...] = PARITY_PROMPTS) -> HfReference:
    """Token ids and fp32 logits from transformers; logits are saved in `work_dir`."""
    import torch

    from core.models import load_model

    hf_dir, work_dir = Path(hf_dir), Path(work_dir)
    model, tokenizer = load_model(hf_dir, dtype="float32", device="cpu")
    texts = parity_texts(tokenizer)
    ids = tuple(tuple(tokenizer.encode(t, add_special_tokens=False)) for t in texts)
    with_specials = tuple(tuple(tokenizer.encode(t, add_special_tokens=True)) for t in texts)
    prompt_ids = tuple(tuple(tokenizer.encode(p, add_special_tokens=True)[:MAX_PROMPT_TOKENS]) for p in prompts)
    logits = {}
    with torch.no_grad():
        for i, p in enumerate(prompt_ids):
            logits[f"p{i}"] = model(torch.tensor([p])).logits[0].float().numpy()
    work_dir.mkdir(parents=True, exist_ok=True)
    logits_path = work_dir / f"reference-{os.getpid()}-{id(model)}.npz"
    np.savez(logits_path, **logits)
    return HfReference(hf_dir, tokenizer, texts, ids, with_specials, prompt_ids, logits_path)


def llama_facts(gguf_path: str, texts: list[str], prompt_ids: list[list[int]], logits_path: str,
                threads: int) -> dict:
    """Runs in the child: llama.cpp's token ids for `texts` and its logits for `prompt_ids`."""
    import llama_cpp

    def load(**kwargs):
        try:
            return llama_cpp.Llama(gguf_path, verbose=True, **kwargs)  # the log goes to a file: it says why
        except ValueError as exc:  # llama-cpp-python's "Failed to load model from file"
            raise ModelError(f"llama.cpp cannot load the file ({exc})", where=gguf_path,
                             fix="the export wrote metadata this llama.cpp does not accept; see the log") from exc

    vocab = load(vocab_only=True)
    try:
        ids = [vocab.tokenize(t.encode("utf-8"), add_bos=False, special=True) for t in texts]
        with_specials = [vocab.tokenize(t.encode("utf-8"), add_bos=True, special=True) for t in texts]
    finally:
        vocab.close()
    if prompt_ids:
        n = max(len(p) for p in prompt_ids)
        llm = load(n_ctx=n, n_batch=n, n_ubatch=n, logits_all=True, n_threads=threads or os.cpu_count(),
                   type_k=llama_cpp.GGML_TYPE_F32, type_v=llama_cpp.GGML_TYPE_F32)
        logits = {}
        try:
            for i, p in enumerate(prompt_ids):
                llm.reset()
                llm.eval(p)
                logits[f"p{i}"] = np.array(llm.scores[: len(p)], dtype=np.float32)
        finally:
            llm.close()
        np.savez(logits_path, **logits)
    return {"ids": ids, "ids_with_specials": with_specials}


def _first_difference(a: tuple[int, ...], b: list[int]) -> int:
    return next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))


def _token(tokenizer, ids, i: int) -> str:
    return f"{ids[i]} {tokenizer.convert_ids_to_tokens(ids[i])!r}" if i < len(ids) else "(end)"


def _tokenization(ref: HfReference, facts: dict) -> tuple[dict, list[str]]:
    problems = []
    for label, expected, got in (("", ref.ids, facts["ids"]),
                                 (" with BOS/EOS added", ref.ids_with_specials, facts["ids_with_specials"])):
        for i, (text, hf_ids, llama_ids) in enumerate(zip(ref.texts, expected, got, strict=True)):
            if list(hf_ids) != llama_ids:
                at = _first_difference(hf_ids, llama_ids)
                problems.append(f"tokenization{label} of text {i} {text[:60]!r} diverges at token {at}: "
                                f"transformers {_token(ref.tokenizer, hf_ids, at)}, "
                                f"llama.cpp {_token(ref.tokenizer, llama_ids, at)}")
    return {"texts": len(ref.texts), "identical": not problems}, problems


def _architecture_slack(hf_dir: Path) -> float:
    from core.models.architectures import architecture_for_hf
    from core.models.hf_folder import read_config

    config = read_config(hf_dir)
    row = architecture_for_hf(config.get("model_type", ""), config.get("architectures") or [])
    return row.f32_logit_slack if row else 0.0


def _logits(ref: HfReference, llama_logits: Path, out_type: str) -> tuple[dict, list[str]]:
    agree, decisive, max_abs, total_abs, count = [], [], 0.0, 0.0, 0
    with np.load(ref.logits_path) as theirs, np.load(llama_logits) as ours:
        for key in theirs.files:
            a, b = theirs[key], ours[key]
            top2 = np.partition(a, -2, axis=-1)[:, -2:]
            agree.append(a.argmax(-1) == b.argmax(-1))
            decisive.append(top2[:, 1] - top2[:, 0] >= DECISIVE_GAP)
            diff = np.abs(a - b)
            max_abs = max(max_abs, float(diff.max()))
            total_abs, count = total_abs + float(diff.sum()), count + diff.size
    agree, decisive = np.concatenate(agree), np.concatenate(decisive)
    flat = decisive.sum() < MIN_DECISIVE
    judged = agree if flat else agree[decisive]
    min_top1, max_diff = THRESHOLDS[out_type]
    if max_diff is not None:
        max_diff += _architecture_slack(ref.hf_dir)
    figures = {"prompts": len(ref.prompt_ids), "positions": int(agree.size), "top1_agreement": float(agree.mean()),
               "decisive_positions": int(decisive.sum()), "top1_agreement_decisive": float(judged.mean()),
               "max_abs_diff": max_abs, "mean_abs_diff": total_abs / count, "kv_cache": "f32",
               "min_top1_agreement_decisive": min_top1, "max_abs_diff_allowed": max_diff}
    problems = []
    if judged.mean() < min_top1:
        where = ("positions (too few where transformers has a clear favourite)" if flat else
                 f"positions where transformers' favourite leads by {DECISIVE_GAP}+ logits")
        problems.append(f"next-token (top-1) agreement {judged.mean():.1%} over {judged.size} {where} is below "
                        f"{min_top1:.0%} for {out_type}")
    if max_diff is not None and max_abs > max_diff:
        problems.append(f"the largest logit difference {max_abs:.3g} is above {max_diff:g} for {out_type}")
    return figures, problems


def check_parity(gguf_path: Path | str, ref: HfReference, out_type: str, *, threads: int = 0,
                 logits: bool = True, poll: Callable[[], None] | None = None) -> dict:
    """Compare a GGUF with its HF reference; returns the report (`passed`, figures, `problems`)."""
    gguf_path = Path(gguf_path)
    llama_logits = ref.logits_path.with_name(f"{ref.logits_path.stem}-{gguf_path.name}.npz")
    try:
        facts = run_in_child(llama_facts, {
            "gguf_path": str(gguf_path), "texts": list(ref.texts),
            "prompt_ids": [list(p) for p in ref.prompt_ids] if logits else [],
            "logits_path": str(llama_logits), "threads": threads,
        }, what=f"llama.cpp checking the {out_type} file", poll=poll)
        tokenization, problems = _tokenization(ref, facts)
        report = {"type": out_type, "tokenization": tokenization}
        if logits:
            report["logits"], logit_problems = _logits(ref, llama_logits, out_type)
            problems += logit_problems
    finally:
        llama_logits.unlink(missing_ok=True)
    report["passed"] = not problems
    report["problems"] = problems
    report["fix"] = ("the tokenizer llama.cpp rebuilt splits text differently: keep the source model's "
                     "pre-tokenizer and special tokens" if not tokenization["identical"] else
                     "use a higher-precision type (f16, bf16 or q8_0) for this model")
    return report
