"""A SentencePiece-style Unigram (▁ for spaces, over characters) as llama.cpp's Unigram tokenizer ("t5",
its UGM), with scores and token types.

llama.cpp's UGM (src/llama-vocab.cpp, `llm_tokenizer_ugm`) prepares the text as our normalizers do (every
" " becomes ▁, one ▁ before the text of each piece between special tokens when add_space_prefix; no
precompiled charsmap written, so no other rewriting), then runs Viterbi over the NORMAL, USER_DEFINED and
UNUSED tokens by score, in double precision, and gives a character no token covers the <unk> id (a run of
them one <unk>). Hugging Face's Unigram does the same when byte fallback is off and every character of
every piece is a piece itself (then the <unk> score never competes; the tokenizer stage trains so), with
scores the float32 numbers GGUF stores. Byte fallback has no UGM counterpart and is refused, as is a
Unigram over byte-level symbols: UGM has no byte-level split.
"""

from __future__ import annotations

import json

import numpy as np

from core.errors import ModelError
from core.export.gguf_vocab import NORMAL, UNKNOWN, UNUSED, GgufVocab, _finish, _tokens
from core.export.gguf_vocab_spm import text_handling

# llama.cpp puts UNUSED tokens (our [PADn] rows) into its matcher: a score no path of real tokens
# reaches keeps them out of every tokenization, as in Hugging Face, which does not know them.
UNUSED_SCORE = -1e9


def is_unigram(state: dict) -> bool:
    return state["model"]["type"] == "Unigram"


def _check(state: dict, where: str) -> bool:
    model = state["model"]
    if '"ByteLevel"' in json.dumps(state.get("pre_tokenizer")):
        raise ModelError("the tokenizer is a Unigram vocabulary over byte-level symbols, which llama.cpp cannot "
                         "reproduce: its Unigram (UGM) works over characters and has no byte-level split",
                         where=where, fix="train the vocabulary with algorithm = \"bpe\" under [tokenizer], or with "
                                          "mode = \"extend\" (the Unigram's Russian pieces become BPE merges)")
    if model.get("byte_fallback"):
        raise ModelError("the Unigram vocabulary uses byte fallback, which llama.cpp's Unigram (UGM) does not have: "
                         "it gives a character outside the vocabulary the <unk> token", where=where,
                         fix="train the Unigram with the tokenizer stage (no byte fallback, every character of the "
                             "corpus a piece), or choose algorithm = \"bpe\" (llama.cpp's \"llama\" has byte fallback)")
    if model.get("unk_id") is None:
        raise ModelError("the Unigram vocabulary has no unknown token, which llama.cpp gives every character "
                         "outside the vocabulary", where=where, fix="train it with an unknown token (<unk>)")
    return text_handling(state, where)


def unigram_vocab(tokenizer, state: dict, n_rows: int, where: str) -> GgufVocab:
    add_space_prefix = _check(state, where)
    tokens, types, padded = _tokens(tokenizer, n_rows, where)
    unk = state["model"]["unk_id"]
    types[unk] = UNKNOWN
    scores = {piece: score for piece, score in state["model"]["vocab"]}
    out = [float(np.float32(scores[t])) if kind == NORMAL else UNUSED_SCORE if kind == UNUSED else 0.0
           for t, kind in zip(tokens, types)]
    return _finish(tokenizer, model="t5", pre="default", tokens=tokens, token_types=types, merges=[], padded=padded,
                   scores=out, add_space_prefix=add_space_prefix)
