"""A Hugging Face tokenizer as the `tokenizer.ggml.*` metadata llama.cpp runs, checked before any file
is written.

llama.cpp re-implements the tokenizer from the metadata: the token list, merges, special ids and, for
byte-level BPE, the NAME of the regex split ("pre-tokenizer") it must apply. A wrong name loads and
silently mis-tokenizes, an unknown one does not load (FACTS.md), so the name is derived from the
tokenizer's own pre-tokenizer JSON through `BYTE_LEVEL_PRE_TOKENIZERS`, and anything else is refused.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from core.errors import ModelError
from core.models.gguf_tokenizer import BYTE_LEVEL_PRE_TOKENIZERS, IGNORES_MERGES

# GgufVocab.special_ids name -> its gguf.Keys.Tokenizer key (by attribute name: this module loads without gguf)
SPECIAL_ID_KEYS = {"bos": "BOS_ID", "eos": "EOS_ID", "unknown": "UNK_ID", "padding": "PAD_ID"}

# gguf.TokenType values (kept as ints so this module loads without gguf).
NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE = 1, 2, 3, 4, 5, 6
# llama.cpp's BPE applies no normalization; NFC changes nothing in text that is already NFC (what
# Qwen2 ships), anything else (lowercasing, accent stripping) would make the two tokenizers differ.
HARMLESS_NORMALIZERS = (None, {"type": "NFC"})
OFFSET_ONLY_KEYS = ("trim_offsets",)  # change token offsets, never token ids


@dataclass(frozen=True)
class GgufVocab:
    model: str  # tokenizer.ggml.model: "gpt2" (byte-level BPE), "llama" (SentencePiece BPE), "t5" (Unigram)
    pre: str  # tokenizer.ggml.pre: the split llama.cpp applies before BPE
    tokens: list[str]
    token_types: list[int]
    merges: list[str]
    special_ids: dict[str, int]  # "bos", "eos", "unknown", "padding" -> id
    add_bos: bool
    add_eos: bool
    chat_template: str | list[dict[str, str]] | None
    padded: int  # placeholder tokens added so the list covers every embedding row
    scores: list[float] | None = None  # "llama": the adjacent pair of highest score merges; "t5": log-probabilities
    add_space_prefix: bool | None = None  # "llama", "t5": a ▁ before the text and after each special token

    def write(self, writer) -> None:
        """Add the tokenizer metadata to a `gguf.GGUFWriter`."""
        writer.add_tokenizer_model(self.model)
        writer.add_tokenizer_pre(self.pre)
        writer.add_token_list(self.tokens)
        writer.add_token_types(self.token_types)
        if self.scores is not None:
            writer.add_token_scores(self.scores)
        if self.merges:
            writer.add_token_merges(self.merges)
        if self.add_space_prefix is not None:
            writer.add_add_space_prefix(self.add_space_prefix)
        from gguf import Keys

        for name, token_id in self.special_ids.items():
            writer.add_uint32(getattr(Keys.Tokenizer, SPECIAL_ID_KEYS[name]), token_id)
        writer.add_add_bos_token(self.add_bos)
        writer.add_add_eos_token(self.add_eos)
        if self.chat_template:
            writer.add_chat_template(self.chat_template)


def _without_offset_keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_offset_keys(v) for k, v in value.items() if k not in OFFSET_ONLY_KEYS}
    if isinstance(value, list):
        return [_without_offset_keys(v) for v in value]
    return value


@cache
def _known_pre_tokenizers() -> tuple[tuple[str, str], ...]:
    """(llama.cpp name, canonical JSON of the HF pre-tokenizer) for every row of the table."""
    from tokenizers import Tokenizer, models, pre_tokenizers

    rows = []
    for name, build in BYTE_LEVEL_PRE_TOKENIZERS.items():
        probe = Tokenizer(models.BPE())
        probe.pre_tokenizer = build(pre_tokenizers)
        canonical = _without_offset_keys(json.loads(probe.to_str())["pre_tokenizer"])
        rows.append((name, json.dumps(canonical, sort_keys=True)))
    return tuple(rows)


def pre_tokenizer_name(pre_tokenizer: dict | None, where: str = "") -> str:
    """The llama.cpp name of a tokenizer.json `pre_tokenizer`, or a ModelError saying why there is none."""
    canonical = json.dumps(_without_offset_keys(pre_tokenizer), sort_keys=True)
    for name, known in _known_pre_tokenizers():
        if canonical == known:
            return name
    raise ModelError(
        "the tokenizer's pre-tokenizer (the regex split before BPE) is not one llama.cpp knows, so llama.cpp "
        f"would split text differently: {json.dumps(pre_tokenizer)[:300]}",
        where=where,
        fix="train the new vocabulary from a source model whose pre-tokenizer llama.cpp knows (it keeps the "
            f"source's split); known: {', '.join(n for n, _ in _known_pre_tokenizers())}")


def _check_model(state: dict, where: str) -> None:
    model = state["model"]
    if model["type"] != "BPE":
        raise ModelError(f"the tokenizer is a {model['type']} vocabulary; GGUF export handles byte-level BPE",
                         where=where, fix="use a model with a byte-level BPE tokenizer (Llama-3, Qwen, SmolLM2)")
    if model.get("byte_fallback") or model.get("continuing_subword_prefix") or model.get("end_of_word_suffix"):
        raise ModelError("the tokenizer is a SentencePiece-style BPE (byte fallback or word-piece markers); "
                         "export handles byte-level BPE, which every vocabulary Ruadapt trains is",
                         where=where, fix="export a model with a byte-level BPE tokenizer")
    if model.get("dropout"):
        raise ModelError("the tokenizer uses BPE dropout, so it is not deterministic", where=where,
                         fix="set \"dropout\": null in tokenizer.json")
    if state.get("normalizer") not in HARMLESS_NORMALIZERS:
        raise ModelError(f"the tokenizer normalizes text ({json.dumps(state['normalizer'])[:200]}), which "
                         "llama.cpp's byte-level BPE does not do", where=where,
                         fix="use a tokenizer without a normalizer (byte-level BPE tokenizers have none)")


def _merges(state: dict, where: str) -> list[str]:
    out = []
    for merge in state["model"]["merges"]:
        pair = merge if isinstance(merge, list) else merge.split(" ")
        if len(pair) != 2 or any(" " in part for part in pair):
            raise ModelError(f"the merge {merge!r} contains a space, which GGUF's 'a b' merge format cannot "
                             "hold", where=where, fix="use a byte-level BPE tokenizer (spaces become Ġ)")
        out.append(" ".join(pair))
    return out


def _tokens(tokenizer, n_rows: int, where: str, normal: int = NORMAL) -> tuple[list[str], list[int], int]:
    """Every id below n_rows with its text and type; ids no token uses become [PADn] (UNUSED), as
    llama.cpp's converter does for embedding rows padded to a round size."""
    vocab = tokenizer.get_vocab()
    if max(vocab.values()) >= n_rows:
        raise ModelError(f"the tokenizer has token ids up to {max(vocab.values())} but the model has only "
                         f"{n_rows} embedding rows", where=where,
                         fix="save the model with embeddings resized to the tokenizer (resize_token_embeddings)")
    added = {t.content: t.special for t in tokenizer.added_tokens_decoder.values()}
    by_id: dict[int, str] = {}
    for text, token_id in vocab.items():
        if token_id in by_id and by_id[token_id] != text:
            raise ModelError(f"token id {token_id} has two texts ({by_id[token_id]!r}, {text!r})", where=where,
                             fix="the tokenizer files are inconsistent; save the tokenizer again")
        by_id[token_id] = text
    tokens, types = [], []
    for token_id in range(n_rows):
        text = by_id.get(token_id)
        if text is None:
            tokens.append(f"[PAD{token_id}]")
            types.append(UNUSED)
        else:
            tokens.append(text)
            types.append(normal if text not in added else CONTROL if added[text] else USER_DEFINED)
    if len(set(tokens)) != len(tokens):  # llama.cpp aborts on a repeated token text
        raise ModelError("a token text is used twice (a real token named like a [PADn] placeholder)", where=where,
                         fix="rename that token, or save the model with embeddings resized to the tokenizer")
    return tokens, types, n_rows - len(by_id)


def _special_ids(tokenizer) -> dict[str, int]:
    pairs = (("bos", tokenizer.bos_token_id), ("eos", tokenizer.eos_token_id),
             ("unknown", tokenizer.unk_token_id), ("padding", tokenizer.pad_token_id))
    return {name: int(token_id) for name, token_id in pairs if token_id is not None}


def _adds_bos_eos(tokenizer) -> tuple[bool, bool]:
    """What the HF tokenizer does when asked for special tokens: llama.cpp must do the same."""
    plain = tokenizer.encode("a", add_special_tokens=False)
    full = tokenizer.encode("a", add_special_tokens=True)
    bos, eos = tokenizer.bos_token_id, tokenizer.eos_token_id
    add_bos = bos is not None and len(full) > len(plain) and full[0] == bos
    add_eos = eos is not None and len(full) > len(plain) and full[-1] == eos
    if len(full) - len(plain) != add_bos + add_eos:
        raise ModelError(f"the tokenizer adds tokens llama.cpp cannot add ({full} around {plain})",
                         fix="use a tokenizer whose post-processor adds at most BOS and EOS")
    return add_bos, add_eos


def _chat_template(tokenizer) -> str | list[dict[str, str]] | None:
    template = tokenizer.chat_template
    if isinstance(template, dict):  # named templates: GGUF keeps "default" plus tokenizer.chat_template.<name>
        return [{"name": name, "template": text} for name, text in template.items()]
    return template


def byte_level_vocab(tokenizer, state: dict, n_rows: int, where: str) -> GgufVocab:
    """A byte-level BPE tokenizer (its tokenizer.json `state`) as llama.cpp's "gpt2" vocabulary."""
    _check_model(state, where)
    pre = pre_tokenizer_name(state.get("pre_tokenizer"), where)
    if (pre in IGNORES_MERGES) != bool(state["model"].get("ignore_merges")):
        raise ModelError(
            f"llama.cpp {'looks whole words up before' if pre in IGNORES_MERGES else 'always applies'} merges "
            f"for the {pre!r} split, and this tokenizer {'does' if state['model'].get('ignore_merges') else 'does not'}"
            " (tokenizer.json model.ignore_merges), so the two could tokenize words differently", where=where,
            fix=f"set \"ignore_merges\": {str(pre in IGNORES_MERGES).lower()} in the model section of "
                "tokenizer.json (the tokenizer stage keeps the source's setting)")
    tokens, types, padded = _tokens(tokenizer, n_rows, where)
    return _finish(tokenizer, model="gpt2", pre=pre, tokens=tokens, token_types=types,
                   merges=_merges(state, where), padded=padded)


def _finish(tokenizer, **fields) -> GgufVocab:
    add_bos, add_eos = _adds_bos_eos(tokenizer)
    return GgufVocab(special_ids=_special_ids(tokenizer), add_bos=add_bos, add_eos=add_eos,
                     chat_template=_chat_template(tokenizer), **fields)
