"""`ruadapt bench ceiling`: the longest first choice greedy decoding could make if the adapted model were
exactly as good as its source, i.e. how much greedy speed-up a vocabulary can give at the same quality.

A perfect transplant has the adapted vocabulary and the source model's distribution over text. Its first
choice after a context is the most likely first adapted token of the source's continuations. This bench
draws it by sampling the source at temperature 1 and encoding each continuation with the adapted
tokenizer (the mode of those first tokens). Where the source is unsure of the next word, that token is a
short, frequent one (a comma, " и"): no training toward the source's quality lengthens it.

Measured at word starts of the held-out Russian text: each prefix is cut before a space, so both
tokenizers begin the next word afresh. Beside it stand the source's own first choice, the same estimate
of it (its agreement with the source's argmax shows how far the sampling can be trusted), and the first
choice of an adapted model when one is given.
"""

from __future__ import annotations

import inspect
import random
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import torch

from core.errors import UserError
from core.evaluation.bpc import characters_per_token_id

PREFIX_CHARS = 300  # context before each word start: enough for a 135M model, cheap to prefill


@dataclass(frozen=True)
class CeilingResult:
    positions: int
    samples: int
    text_chars: float  # characters of the text's own next token (adapted tokenizer)
    source_chars: float  # the source's first choice, its own tokenizer
    ideal_chars: float  # a perfect transplant's first choice (the mode of the sampled first tokens)
    ideal_new_share: float  # share of positions where that is a token the source's vocabulary lacks
    ideal_support: float  # mean share of the samples behind that mode: how sure the source is
    estimator_agreement: float  # the same estimate of the source's own first choice = its argmax
    adapted_chars: float | None = None  # an adapted model's first choice
    adapted_agreement: float | None = None  # share of positions where it is the perfect transplant's
    margins: dict[str, float] = field(default_factory=dict)  # 95% half-widths of the *_chars means, by row


def word_starts(text: str, tokenizer, count: int, seed: int) -> list[int]:
    """`count` character offsets of spaces that end a word and start a token of `tokenizer` (byte-level
    tokens start at the space, SentencePiece's at the letter after it), drawn with `seed`."""
    offsets = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"]
    token_starts = {s for s, _ in offsets}
    cuts = [i for i in range(PREFIX_CHARS, len(text) - 1) if text[i] == " " and not text[i - 1].isspace()
            and (i in token_starts or i + 1 in token_starts)]
    if not cuts:
        raise UserError(f"no word starts in the {len(text):,}-character held-out text past its first "
                        f"{PREFIX_CHARS} characters", where="the corpus stage's heldout_ru.txt",
                        fix="give the project more Russian text, or a larger corpus.heldout_fraction")
    return sorted(random.Random(seed).sample(cuts, min(count, len(cuts))))


def _cache_kwarg(model) -> str:
    """transformers 5.x renamed `past_key_values` to `cache`, in the models' forward and their outputs."""
    return "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"


@torch.no_grad()
def continuations(model, ids: list[int], samples: int, tokens: int, generator: torch.Generator) -> tuple[int, list]:
    """(argmax after `ids`, `samples` continuations of `tokens` tokens drawn at temperature 1): the prefix
    is read once and its cache shared by every sample."""
    device = next(model.parameters()).device
    out = model(input_ids=torch.tensor([ids], device=device), use_cache=True)
    top = int(out.logits[0, -1].argmax())
    kwarg = _cache_kwarg(model)
    cache = out[kwarg]
    cache.batch_repeat_interleave(samples)
    logits, drawn = out.logits[:, -1].float().repeat(samples, 1), []
    for _ in range(tokens):
        nxt = torch.multinomial(logits.softmax(-1).cpu(), 1, generator=generator).to(device)
        drawn.append(nxt)
        logits = model(input_ids=nxt, use_cache=True, **{kwarg: cache}).logits[:, -1].float()
    return top, torch.cat(drawn, 1).tolist()


@torch.no_grad()
def first_choice(model, ids: list[int]) -> int:
    device = next(model.parameters()).device
    return int(model(input_ids=torch.tensor([ids], device=device)).logits[0, -1].argmax())


def ceiling(source, source_tok, adapted_tok, text: str, adapted=None, positions: int = 40, samples: int = 128,
            tokens: int = 12, seed: int = 0, on_position=None) -> CeilingResult:
    """The figures above at `positions` word starts of `text`; `adapted` is an adapted model (with
    `adapted_tok`) to set beside the perfect transplant, or None."""
    for name, value in (("positions", positions), ("samples", samples), ("tokens", tokens)):
        if value < 1:
            raise UserError(f"--{name} must be at least 1 (got {value})", where="ruadapt bench ceiling",
                            fix=f"give --{name} 1 or more")
    source_writes, adapted_writes = characters_per_token_id(source_tok), characters_per_token_id(adapted_tok)
    source_vocab = source_tok.get_vocab()
    adapted_vocab = {i: t for t, i in adapted_tok.get_vocab().items()}
    generator = torch.Generator().manual_seed(seed)
    cuts = word_starts(text, adapted_tok, positions, seed)
    rows = []
    for n, cut in enumerate(cuts):
        prefix = text[cut - PREFIX_CHARS:cut]
        prefix = prefix[prefix.find(" ") + 1:]  # start on a whole word
        top, drawn = continuations(source, source_tok(prefix, add_special_tokens=False)["input_ids"],
                                   samples, tokens, generator)
        firsts = Counter()
        for row in drawn:
            ids = adapted_tok(source_tok.decode(row), add_special_tokens=False)["input_ids"]
            if ids:
                firsts[ids[0]] += 1
        ideal, support = firsts.most_common(1)[0]
        source_mode = Counter(row[0] for row in drawn).most_common(1)[0][0]
        own = adapted_tok(text[cut:cut + 40], add_special_tokens=False)["input_ids"][0]
        row = {"text": adapted_writes[own], "source": source_writes[top], "ideal": adapted_writes[ideal],
               "new": adapted_vocab.get(ideal) not in source_vocab, "support": support / samples,
               "agree": source_mode == top}
        if adapted is not None:
            choice = first_choice(adapted, adapted_tok(prefix, add_special_tokens=False)["input_ids"])
            row |= {"adapted": adapted_writes[choice], "adapted_agree": choice == ideal}
        rows.append(row)
        if on_position:
            on_position(n + 1, len(cuts))

    def mean(key: str) -> float:
        return statistics.fmean(float(r[key]) for r in rows)

    def margin(key: str) -> float:  # the normal approximation over positions: they vary far more than samples
        return 1.96 * statistics.stdev(r[key] for r in rows) / len(rows) ** 0.5 if len(rows) > 1 else float("inf")

    charted = ("text", "source", "ideal", *(("adapted",) if adapted is not None else ()))
    return CeilingResult(len(rows), samples, mean("text"), mean("source"), mean("ideal"), mean("new"),
                         mean("support"), mean("agree"),
                         mean("adapted") if adapted is not None else None,
                         mean("adapted_agree") if adapted is not None else None,
                         margins={key: margin(key) for key in charted})


def run(source_dir: Path, tokenizer_dir: Path, heldout: Path, adapted_dir: Path | None, positions: int,
        samples: int, tokens: int, seed: int, heldout_chars: int) -> dict:
    from transformers import AutoTokenizer

    from core.models import load_model

    source, source_tok = load_model(source_dir, dtype="float32", device="auto")
    adapted, adapted_tok = (load_model(adapted_dir, dtype="float32", device="auto") if adapted_dir
                            else (None, AutoTokenizer.from_pretrained(tokenizer_dir)))
    source.eval()
    if adapted is not None:
        adapted.eval()
    text = heldout.read_text(encoding="utf-8")[:heldout_chars]
    print(f"{positions} word starts of the first {len(text):,} held-out Russian characters; {samples} "
          f"continuations of {tokens} tokens each, sampled from the source at temperature 1", flush=True)
    result = ceiling(source, source_tok, adapted_tok, text, adapted, positions, samples, tokens, seed,
                     on_position=lambda done, total: print(f"  {done}/{total}", end="\r", flush=True))
    print("\n| first choice at a word start | characters per token (95% interval) | vs the source |\n|---|---:|---:|")
    lines = [("the text's own next token (adapted tokenizer)", "text", result.text_chars),
             ("the source model (its tokenizer)", "source", result.source_chars),
             ("a perfect transplant (the source's distribution, adapted tokenizer)", "ideal", result.ideal_chars)]
    if result.adapted_chars is not None:
        lines.append((f"the adapted model ({adapted_dir})", "adapted", result.adapted_chars))
    for label, key, chars in lines:
        print(f"| {label} | {chars:.2f} ± {result.margins[key]:.2f} | {chars / result.source_chars:.2f}× |")
    print(f"\nThe perfect transplant's first choice is a new token at {result.ideal_new_share:.0%} of the word "
          f"starts, backed by {result.ideal_support:.0%} of the samples on average; the same estimate gives the "
          f"source's own argmax at {result.estimator_agreement:.0%} of them.")
    if result.adapted_agreement is not None:
        print(f"The adapted model's first choice is the perfect transplant's at {result.adapted_agreement:.0%} "
              f"of the word starts.")
    return asdict(result)
