"""Stage 1 with train_rows = "new": the rows of tokens the source had stay bit for bit."""

from __future__ import annotations

import torch
from test_training_precision import _Blocks, _Quiet
from transformers import AutoModelForCausalLM, AutoTokenizer

from core.jobs.events import Log
from core.training.distributed import Dist
from core.training.loop import LoopConfig, train
from core.training.source_rows import CYRILLIC, keep_rows, source_row_mask
from core.training.trainable import train_embeddings_only


def test_new_plus_cyrillic_lets_the_sources_cyrillic_tokens_learn_and_keeps_the_rest():
    from tiny_models import train_tiny_tokenizer

    source, new = train_tiny_tokenizer(300), train_tiny_tokenizer(400)
    kept, cyrillic_learn = (source_row_mask(new, source, len(new), learn_cyrillic=flag) for flag in (False, True))
    text = {i: new.convert_tokens_to_string([t]) for t, i in new.get_vocab().items()}
    freed = [i for i in range(len(new)) if kept[i] and not cyrillic_learn[i]]
    assert freed and all(CYRILLIC.search(text[i]) for i in freed)
    assert all(cyrillic_learn[i] == kept[i] for i in range(len(new)) if not CYRILLIC.search(text[i]))


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


def test_stage1_with_new_rows_only_keeps_the_sources_rows(tiny_project, tmp_path):
    from test_training import _clone_project, run_pipeline

    project = _clone_project(tiny_project, tmp_path, "rows", **{"stage1.train_rows": "new",
                                                                 "tokenizer.mode": "extend"})
    runs = run_pipeline(project, "stage1")
    result = runs["stage1"].result()
    assert result is not None, runs["stage1"].log_path.read_text()[-3000:]
    logs = " ".join(e.message for e in runs["stage1"].events() if isinstance(e, Log))
    assert "rows of the source's tokens (and padding) kept as they were" in logs
    before = AutoModelForCausalLM.from_pretrained(runs["transplant"].result()["model_dir"])
    after = AutoModelForCausalLM.from_pretrained(result["model_dir"])
    mask = source_row_mask(AutoTokenizer.from_pretrained(result["model_dir"]),
                           AutoTokenizer.from_pretrained(runs["import"].result()["model_dir"]),
                           after.get_input_embeddings().weight.shape[0])
    assert mask.sum() > 300
    for name in ("get_input_embeddings", "get_output_embeddings"):
        a, b = getattr(after, name)().weight, getattr(before, name)().weight
        assert torch.equal(a[mask], b[mask]) and not torch.equal(a[~mask], b[~mask])
