"""The instruct model's own tokens in the adapted instruct model, as the authors' LEP does it.

Every added token of the new tokenizer (chat markers such as `<|im_start|>`, `<|eot_id|>`, and the
instruct model's added tokens it lacks, which are appended) keeps the instruct model's vector: those
rows were (re-)learned in instruction tuning, and P, fitted on the ordinary vocabulary, does not
explain them. The special tokens (bos/eos/pad/unk), the chat template and the generation config's ids
come from the instruct model too, written as ids of the new vocabulary.
"""

from __future__ import annotations

SPECIAL_KEYS = ("bos_token", "eos_token", "pad_token", "unk_token")
ID_FIELDS = ("bos_token_id", "eos_token_id", "pad_token_id")


def take_instruct_tokens(new_tok, instruct_tok) -> list[str]:
    """Give `new_tok` (in place) the instruct model's added tokens it lacks (appended, `special` kept),
    its special tokens and its chat template. Returns the appended tokens."""
    vocab = new_tok.get_vocab()
    missing = [t for _, t in sorted(instruct_tok.added_tokens_decoder.items()) if t.content not in vocab]
    if missing:
        new_tok.add_tokens(missing)
    for key in SPECIAL_KEYS:
        if (value := getattr(instruct_tok, key)) is not None:
            setattr(new_tok, key, value)
    if instruct_tok.chat_template:
        new_tok.chat_template = instruct_tok.chat_template
    return [t.content for t in missing]


def added_token_rows(new_tok, instruct_tok) -> dict[int, int]:
    """new id → instruct id for every added token of `new_tok` that the instruct vocabulary has."""
    instruct_vocab = instruct_tok.get_vocab()
    return {new_id: instruct_vocab[t.content] for new_id, t in new_tok.added_tokens_decoder.items()
            if t.content in instruct_vocab}


def remap_ids(value, instruct_tok, new_tok):
    """An instruct-vocabulary token id, or a list of them, as ids of `new_tok` (by the token's text);
    ids whose token the new vocabulary lacks are dropped (None for a single one)."""
    new_vocab = new_tok.get_vocab()

    def one(token_id):
        token = instruct_tok.convert_ids_to_tokens(int(token_id))
        return new_vocab.get(token) if token is not None else None

    if isinstance(value, (list, tuple)):
        ids = [i for i in (one(v) for v in value) if i is not None]
        return ids if len(ids) != 1 else ids[0]
    return None if value is None else one(value)


def set_token_ids(model, new_tok, instruct_tok) -> None:
    """config and generation_config: the instruct model's bos/eos/pad (lists kept) as new ids, else
    the new tokenizer's; vocab_size the rows the model has. `model` still carries the instruct
    model's configs (LEP edits the instruct model in place)."""
    for config in (model.config, getattr(model, "generation_config", None)):
        if config is None:
            continue
        for name in ID_FIELDS:
            own = getattr(new_tok, name)
            mapped = remap_ids(getattr(config, name, None), instruct_tok, new_tok)
            setattr(config, name, mapped if mapped not in (None, []) else own)
    model.config.vocab_size = model.get_input_embeddings().weight.shape[0]
