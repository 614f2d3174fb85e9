"""Stage 1 with train_rows = "new" or "new+cyrillic": the rows of the source's tokens it keeps stay bit for bit."""

from __future__ import annotations

import torch
from test_training_precision import _Blocks, _Quiet
from transformers import AutoModelForCausalLM, AutoTokenizer

from core.jobs.events import Log
from core.tokenizer.token_bytes import token_bytes
from core.training.distributed import Dist
from core.training.loop import LoopConfig, train
from core.training.source_rows import (
    is_partial_character,
    keep_rows,
    replaced_on,
    source_row_mask,
    spells_cyrillic,
    text_sample,
)
from core.training.trainable import train_embeddings_only


def test_a_tokens_bytes_are_read_from_its_spelling():
    assert token_bytes("Ð¸", True) == "и".encode() and token_bytes("Ġthe", True) == b" the"  # byte-level BPE
    assert token_bytes("<|im_start|>", True) == b"<|im_start|>"
    assert token_bytes("<0xD0>", False) == b"\xd0" and token_bytes("▁при", False) == " при".encode()  # SentencePiece
    assert token_bytes("Ð", False) == "Ð".encode()  # in a SentencePiece vocabulary the letter Eth, not a byte
    # a whole letter, or the first byte of one (byte-level vocabularies spell rare letters in pieces)
    assert spells_cyrillic("Ð¸", True) and spells_cyrillic("ĠÐ", True) and spells_cyrillic("<0xD1>", False)
    assert spells_cyrillic("▁при", False) and not spells_cyrillic("Ð", False)
    assert not any(spells_cyrillic(t, True) for t in ("Ġthe", "âĢĶ", "¸"))
    assert is_partial_character("¸", True) and is_partial_character("Ð", True) and not is_partial_character("Ð¸", True)
    assert is_partial_character("<0xD0>", False) and not is_partial_character("Ð", False)


def test_new_plus_cyrillic_frees_the_tokens_that_spell_russian_and_keeps_every_english_one():
    from tiny_models import TRAINING_TEXT, train_tiny_tokenizer

    source, new = train_tiny_tokenizer(300), train_tiny_tokenizer(400)  # the first 300 ids agree
    lines = TRAINING_TEXT.splitlines()
    russian, english = "\n".join(lines[:3]), "\n".join(lines[3:5])
    kept = source_row_mask(new, source, len(new))
    learn = source_row_mask(new, source, len(new), learn_cyrillic=True, russian_text=russian)
    freed = {i for i in range(len(new)) if kept[i] and not learn[i]}
    replaced = replaced_on(russian, new, source)
    tokens = {i: t for t, i in new.get_vocab().items()}
    assert freed and freed == {i for i in range(len(new)) if kept[i] and (spells_cyrillic(tokens[i], True) or i in replaced)}
    assert new.get_vocab()["Ð"] in freed  # a lone lead byte: kept, the original spelled Russian with it
    assert not freed & set(new(english)["input_ids"])  # English keeps every row it uses ("2024"'s "4" too)
    assert replaced and all(is_partial_character(tokens[i], True) for i in replaced)
    assert all(learn[i] == kept[i] for i in range(len(new)) if i not in freed)


def _tied_model(vocab: int):
    from tiny_models import tiny_config

    torch.manual_seed(0)
    return AutoModelForCausalLM.from_config(tiny_config(vocab_size=vocab, tied=True))


def test_the_mask_marks_tokens_the_source_has_at_the_same_id():
    from tiny_models import train_tiny_tokenizer

    source, new = train_tiny_tokenizer(300), train_tiny_tokenizer(400)
    mask = source_row_mask(new, source, len(new) + 8)
    vocab = source.get_vocab()
    assert mask.sum() > 0 and not mask.all() and mask[len(new):].all()  # padding rows are kept too
    for token, i in new.get_vocab().items():
        assert bool(mask[i]) == (vocab.get(token) == i)


def test_kept_rows_do_not_move_even_with_weight_decay_and_the_new_rows_learn():
    from tiny_models import train_tiny_tokenizer

    tok = train_tiny_tokenizer()
    model = _tied_model(len(tok))
    train_embeddings_only(model)
    mask = torch.zeros(len(tok), dtype=torch.bool)
    mask[: len(tok) // 2] = True
    assert keep_rows(model, mask) == len(tok) // 2
    before = model.get_input_embeddings().weight.detach().clone()
    cfg = LoopConfig(steps=3, learning_rate=1e-2, scheduler="cosine", warmup_steps=0, weight_decay=0.1,
                     batch_size=2, grad_accum=1, eval_every=100, seed=0, checkpoint_every=100)
    train(_Quiet(), model, model, tok, _Blocks(), cfg, heldout="", checkpoints=None, resume_from=None,
          dist=Dist(), device=torch.device("cpu"), autocast_dtype=None)
    after = model.get_input_embeddings().weight.detach()
    assert torch.equal(after[mask], before[mask])
    assert not torch.allclose(after[~mask], before[~mask])


def test_stage1_with_new_and_cyrillic_rows_keeps_the_sources_other_rows(tiny_project, tmp_path):
    from test_training import _clone_project, run_pipeline

    from core.stages.corpus import TRAIN_RU

    project = _clone_project(tiny_project, tmp_path, "rows", **{"stage1.train_rows": "new+cyrillic",
                                                                 "tokenizer.mode": "extend"})
    runs = run_pipeline(project, "stage1")
    result = runs["stage1"].result()
    assert result is not None, runs["stage1"].log_path.read_text()[-3000:]
    logs = " ".join(e.message for e in runs["stage1"].events() if isinstance(e, Log))
    assert "rows of the source's tokens (and padding) kept as they were" in logs
    before = AutoModelForCausalLM.from_pretrained(runs["transplant"].result()["model_dir"])
    after = AutoModelForCausalLM.from_pretrained(result["model_dir"])
    new, source = (AutoTokenizer.from_pretrained(runs[s].result()["model_dir"]) for s in ("stage1", "import"))
    russian = text_sample(runs["corpus"].outputs / TRAIN_RU)
    rows = after.get_input_embeddings().weight.shape[0]
    mask = source_row_mask(new, source, rows, learn_cyrillic=True, russian_text=russian)
    assert mask.sum() > 300 and (source_row_mask(new, source, rows) & ~mask).any()  # Cyrillic source rows learn
    for name in ("get_input_embeddings", "get_output_embeddings"):
        a, b = getattr(after, name)().weight, getattr(before, name)().weight
        assert torch.equal(a[mask], b[mask]) and not torch.equal(a[~mask], b[~mask])
