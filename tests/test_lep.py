"""LEP: the projection recovers a known P, mismatched pairs are refused before any work, and the LEP and
calibration stages report copy-task scores and held-out bits per character before and after."""

from __future__ import annotations

import copy
import json
import math

import pytest
import torch
from conftest import russian_text
from tiny_models import SPECIAL_TOKENS, make_tiny_hf_model
from transformers import AutoModelForCausalLM, AutoTokenizer

from core.errors import ModelError
from core.lep.projection import fit_projection
from core.lep.propagate import propagate
from core.tokenizer.hf_files import save_like_source
from core.tokenizer.train import train_vocabulary
from core.transplant.embeddings import transplant
from core.transplant.piece_map import build_piece_map


def test_fit_projection_recovers_an_exact_linear_map():
    g = torch.Generator().manual_seed(0)
    x = torch.randn(500, 32, generator=g, dtype=torch.float64)
    p = torch.randn(32, 32, generator=g, dtype=torch.float64)
    assert torch.allclose(fit_projection(x, x @ p), p, atol=1e-8)
    assert torch.allclose(fit_projection(x.float(), (x @ p).float(), max_rows=100), p, atol=1e-3)


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """A tiny base, an 'instruct' whose embeddings are exactly base · P, a new tokenizer and the
    adapted base (transplanted, then its embeddings moved as if trained)."""
    tmp = tmp_path_factory.mktemp("lep")
    base_dir = make_tiny_hf_model(tmp / "base")
    base = AutoModelForCausalLM.from_pretrained(base_dir)
    instruct = AutoModelForCausalLM.from_pretrained(base_dir)
    p_true = torch.eye(64) + 0.1 * torch.randn(64, 64, generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        instruct.get_input_embeddings().weight.copy_(base.get_input_embeddings().weight @ p_true)
        instruct.get_output_embeddings().weight.copy_(base.get_output_embeddings().weight @ p_true)
    old_tok = AutoTokenizer.from_pretrained(base_dir)
    trained = train_vocabulary(iter(russian_text(80, seed=4).split("\n\n")), old_tok.backend_tokenizer, "bpe",
                               600, 2, list(SPECIAL_TOKENS))
    save_like_source(trained, old_tok, tmp / "tok")
    new_tok = AutoTokenizer.from_pretrained(tmp / "tok")
    adapted = AutoModelForCausalLM.from_pretrained(base_dir)
    transplant(adapted, old_tok, new_tok)
    with torch.no_grad():
        adapted.get_input_embeddings().weight.add_(0.01 * torch.randn_like(adapted.get_input_embeddings().weight))
    piece_map = build_piece_map(new_tok.backend_tokenizer, old_tok.backend_tokenizer)
    return base, instruct, adapted, piece_map, new_tok, p_true


@pytest.mark.parametrize("mode", ["conversion", "overlap"])
def test_adapted_instruct_is_adapted_base_times_p(pair, mode):
    base, instruct, adapted, piece_map, new_tok, p_true = pair
    result = copy.deepcopy(instruct)
    added = {i: i for i in new_tok.added_tokens_decoder}  # the added tokens keep their ids in this tokenizer
    report = propagate(result, base, adapted, piece_map, added, mode=mode)
    assert sorted(added) == [0, 1, 2]
    assert report.residual_input < 1e-5 and report.residual_head < 1e-5
    plain = [i for i in range(len(new_tok)) if i not in added]
    assert report.added_copied == len(added)
    for get in (lambda m: m.get_input_embeddings().weight, lambda m: m.get_output_embeddings().weight):
        expected = get(adapted).double() @ p_true.double()
        assert torch.allclose(get(result).double()[plain], expected[plain], atol=1e-4)
        assert torch.equal(get(result)[list(added)], get(instruct)[list(added)])  # chat markers from the instruct
    assert result.config.vocab_size == len(new_tok)
    ids = new_tok("Привет", return_tensors="pt")["input_ids"]
    assert result.generate(ids, max_new_tokens=2, do_sample=False).shape[1] == ids.shape[1] + 2


def test_swap_takes_the_adapted_embeddings_as_they_are(pair):
    base, instruct, adapted, piece_map, new_tok, _ = pair
    result = copy.deepcopy(instruct)
    propagate(result, base, adapted, piece_map, {}, mode="swap")
    assert torch.equal(result.get_input_embeddings().weight, adapted.get_input_embeddings().weight)


@pytest.fixture(scope="module")
def relearned_pair(tmp_path_factory):
    """A base, an instruct model = base · P except its added-token rows (chat markers), which were
    re-learned (random: P does not explain them), with its own eos and a generation config that stops
    on two tokens; and a new tokenizer trained without `<|im_start|>`, whose eos is the base's."""
    tmp = tmp_path_factory.mktemp("relearned")
    base_dir = make_tiny_hf_model(tmp / "base")
    base = AutoModelForCausalLM.from_pretrained(base_dir)
    instruct = AutoModelForCausalLM.from_pretrained(base_dir)
    p_true = torch.eye(64) + 0.1 * torch.randn(64, 64, generator=torch.Generator().manual_seed(1))
    g = torch.Generator().manual_seed(2)
    with torch.no_grad():
        for get in (lambda m: m.get_input_embeddings().weight, lambda m: m.get_output_embeddings().weight):
            get(instruct).copy_(get(base) @ p_true)
            get(instruct)[:3] = torch.randn(3, 64, generator=g)  # <|endoftext|>, <|im_start|>, <|im_end|>
    instruct_tok = AutoTokenizer.from_pretrained(base_dir)  # eos <|im_end|> (2)
    instruct.generation_config.eos_token_id = [2, 0]
    base_tok = AutoTokenizer.from_pretrained(base_dir)
    base_tok.eos_token = "<|endoftext|>"
    trained = train_vocabulary(iter(russian_text(80, seed=4).split("\n\n")), base_tok.backend_tokenizer, "bpe",
                               600, 2, ["<|endoftext|>", "<|im_end|>"])
    save_like_source(trained, base_tok, tmp / "tok")
    new_tok = AutoTokenizer.from_pretrained(tmp / "tok")
    adapted = AutoModelForCausalLM.from_pretrained(base_dir)
    transplant(adapted, base_tok, new_tok)
    adapted.config.eos_token_id = new_tok.eos_token_id
    return base, instruct, instruct_tok, adapted, tmp / "tok"


@pytest.mark.parametrize("mode", ["conversion", "overlap", "swap"])
def test_every_added_token_and_the_ids_come_from_the_instruct_model(relearned_pair, tmp_path, mode):
    from core.lep.compose import compose_instruct

    base, instruct, instruct_tok, adapted, tok_dir = relearned_pair
    result, new_tok = copy.deepcopy(instruct), AutoTokenizer.from_pretrained(tok_dir)
    assert "<|im_start|>" not in new_tok.get_vocab() and new_tok.eos_token == "<|endoftext|>"
    report = compose_instruct(result, instruct_tok, base, adapted, new_tok, mode=mode)
    result.save_pretrained(tmp_path / "out")
    new_tok.save_pretrained(tmp_path / "out")
    model = AutoModelForCausalLM.from_pretrained(tmp_path / "out")
    tok = AutoTokenizer.from_pretrained(tmp_path / "out")
    vocab = tok.get_vocab()
    assert (report.added_copied, report.added_appended) == (3, 1)
    assert len(tok) == model.get_input_embeddings().weight.shape[0] == model.config.vocab_size == len(new_tok)
    for marker in ("<|endoftext|>", "<|im_start|>", "<|im_end|>"):  # re-learned rows, copied exactly
        for get in (lambda m: m.get_input_embeddings().weight, lambda m: m.get_output_embeddings().weight):
            assert torch.equal(get(model)[vocab[marker]], get(instruct)[instruct_tok.get_vocab()[marker]]), marker
    # the instruct model's eos and chat format, as ids of the new vocabulary, in config and generation config
    assert tok.eos_token == "<|im_end|>" and tok.chat_template == instruct_tok.chat_template
    assert model.config.eos_token_id == tok.eos_token_id == vocab["<|im_end|>"]
    assert model.config.bos_token_id == tok.bos_token_id and model.config.pad_token_id == tok.pad_token_id
    generation = model.generation_config
    assert generation.eos_token_id == [vocab["<|im_end|>"], vocab["<|endoftext|>"]]
    assert generation.bos_token_id == tok.bos_token_id and generation.pad_token_id == tok.pad_token_id
    chat = tok.apply_chat_template([{"role": "user", "content": "Привет"}], add_generation_prompt=True,
                                   return_dict=True)["input_ids"]
    assert chat[0] == vocab["<|im_start|>"] and vocab["<|im_end|>"] in chat  # markers are single tokens


def test_a_mismatched_pair_is_refused_before_any_work(pair, tmp_path):
    base, instruct, adapted, piece_map, new_tok, _ = pair
    other = AutoModelForCausalLM.from_pretrained(make_tiny_hf_model(tmp_path / "wide", hidden=96))
    before = instruct.get_input_embeddings().weight.clone()
    with pytest.raises(ModelError, match="hidden size: 64 vs 96"):
        propagate(other, base, adapted, piece_map, {})
    assert torch.equal(instruct.get_input_embeddings().weight, before)


def sft_instruct_from(base_dir, out_dir, steps: int = 5):
    """A real (tiny) instruct fine-tune: a few SFT steps of the whole base on chat-formatted text."""
    model = AutoModelForCausalLM.from_pretrained(base_dir)
    tok = AutoTokenizer.from_pretrained(base_dir)
    chats = [[{"role": "user", "content": "Повтори: " + t}, {"role": "assistant", "content": t}]
             for t in russian_text(8, seed=9, words_per_paragraph=8).split("\n\n")]
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
    torch.manual_seed(0)
    for step in range(steps):
        ids = tok.apply_chat_template(chats[step % len(chats)], return_tensors="pt", return_dict=True)["input_ids"]
        model(input_ids=ids, labels=ids).loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    model.save_pretrained(out_dir)
    tok.save_pretrained(out_dir)
    return out_dir


def assert_darucopy(result: dict, n: int) -> None:
    """DaruCopy before and after under llmtf's task names (the tiny English held-out has no paragraphs)."""
    for key in ("copy_before", "copy_after"):
        assert list(result[key]) == ["darumeru/cp_sent_ru", "darumeru/cp_para_ru", "darumeru/cp_sent_en"]
        for task in result[key].values():
            assert 0 < task["n"] <= n and 0 <= task["len"] <= 1 and 0 <= task["lcs"] <= 1
            assert task["main"] == task[task["main_metric"]]
    assert "DaruCopy cp_sent_ru len" in result["summary"]


def assert_heldout_bpc(result: dict) -> None:
    """Held-out bits per character before and after: finite, positive, on the evaluation's text size."""
    for key in ("bpc_before", "bpc_after"):
        assert math.isfinite(result[key]) and result[key] > 0, result
    assert 0 < result["bpc_chars"] <= 1500  # evaluation.max_chars of the tiny project
    assert "bits per character" in result["summary"]
    json.dumps(result)  # stays JSON (result.json)


def test_lep_stage_on_a_real_tiny_fine_tune_loads_generates_and_reports_copy_and_bpc(tiny_project, tmp_path):
    from test_training import run_pipeline

    from core.project import load_project, project_from_dict, project_to_dict, save_project

    folder = tiny_project.parent
    sft_instruct_from(folder / "source", folder / "instruct")
    raw = project_to_dict(load_project(tiny_project))
    raw["models"]["instruct"] = "instruct"
    raw["lep"].update(enabled=True, copy_passages=2)
    save_project(project_from_dict(raw, base=folder), tiny_project)
    run = run_pipeline(tiny_project, "lep")["lep"]
    result = run.result()
    assert result is not None, run.log_path.read_text()[-3000:]
    assert result["mode"] == "conversion"
    assert_darucopy(result, 2)
    assert_heldout_bpc(result)
    model = AutoModelForCausalLM.from_pretrained(result["model_dir"])
    tok = AutoTokenizer.from_pretrained(result["model_dir"])
    chat = tok.apply_chat_template([{"role": "user", "content": "Привет"}], add_generation_prompt=True,
                                   return_tensors="pt", return_dict=True)["input_ids"]
    assert model.generate(chat, max_new_tokens=4, do_sample=False).shape[1] == chat.shape[1] + 4
    # the chat markers, re-learned by the fine-tune, are the instruct model's rows; the ids match the tokenizer
    instruct = AutoModelForCausalLM.from_pretrained(folder / "instruct")
    instruct_vocab, vocab = AutoTokenizer.from_pretrained(folder / "instruct").get_vocab(), tok.get_vocab()
    assert result["added_copied"] == 3
    for marker in SPECIAL_TOKENS:
        assert torch.equal(model.get_input_embeddings().weight[vocab[marker]],
                           instruct.get_input_embeddings().weight[instruct_vocab[marker]]), marker
    for config in (model.config, model.generation_config):
        assert (config.bos_token_id, config.eos_token_id, config.pad_token_id) == \
            (tok.bos_token_id, tok.eos_token_id, tok.pad_token_id)


def test_lep_without_an_instruct_model_says_the_demo_has_no_pair(tiny_project):
    from test_training import run_pipeline

    from core.jobs.events import Failed
    from core.project import load_project, project_from_dict, project_to_dict, save_project

    raw = project_to_dict(load_project(tiny_project))
    raw["lep"]["enabled"] = True
    save_project(project_from_dict(raw, base=tiny_project.parent), tiny_project)
    failed = run_pipeline(tiny_project, "lep")["lep"].events()[-1]
    assert isinstance(failed, Failed) and failed.kind == "user" and "no such pair" in failed.error


def test_calibration_trains_on_assistant_tokens_and_reports_copy_and_bpc(tiny_project):
    from test_training import run_pipeline

    from core.project import load_project, project_from_dict, project_to_dict, save_project
    from core.training.sft_data import IGNORE, tokenize_chat

    folder = tiny_project.parent
    chats = [{"messages": [{"role": "user", "content": f"Вопрос {i}?"},
                           {"role": "assistant", "content": f"Ответ номер {i}."}]} for i in range(6)]
    (folder / "sft.jsonl").write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in chats) + "\n")
    (folder / "prompts.txt").write_text("Как дела?\nЧто такое токен?\n")
    raw = project_to_dict(load_project(tiny_project))
    raw["calibration"].update(enabled=True, sft_data="sft.jsonl", steps=3, batch_size=2, max_length=96,
                              self_calibration=True, prompts="prompts.txt", copy_ratio=0.5, lora_r=4)
    save_project(project_from_dict(raw, base=folder), tiny_project)
    run = run_pipeline(tiny_project, "calibration")["calibration"]
    result = run.result()
    assert result is not None, run.log_path.read_text()[-3000:]
    assert result["chats"] == 8 and result["copy_tasks"] > 0 and result["steps"] == 3
    assert_darucopy(result, 4)
    assert_heldout_bpc(result)
    # LoRA with the LM head in full and the input embeddings frozen (the authors' ft settings)
    before = AutoModelForCausalLM.from_pretrained(run.spec()["inputs"]["lep"]["result"]["model_dir"])
    after = AutoModelForCausalLM.from_pretrained(result["model_dir"])
    assert torch.equal(after.get_input_embeddings().weight, before.get_input_embeddings().weight)
    assert not torch.allclose(after.get_output_embeddings().weight, before.get_output_embeddings().weight)
    tok = AutoTokenizer.from_pretrained(result["model_dir"])
    ids, labels = tokenize_chat(tok, chats[0]["messages"], 96)
    answer = [i for i, l in zip(ids, labels) if l != IGNORE]
    assert "Ответ номер 0." in tok.decode(answer) and "Вопрос" not in tok.decode(answer)


def test_bad_chat_lines_are_named(tmp_path):
    from core.errors import CorpusError
    from core.training.sft_data import load_chats

    (tmp_path / "bad.jsonl").write_text('{"messages": [{"role": "user", "content": "a"}, '
                                        '{"role": "assistant", "content": "b"}]}\n{"text": "x"}\n')
    with pytest.raises(CorpusError, match="bad.jsonl:2"):
        load_chats(tmp_path / "bad.jsonl")


def test_calibration_defaults_are_the_authors_ft_settings_and_steps_follow_the_epochs():
    import dataclasses

    from core.project.schema import Calibration
    from core.stages.calibration import loop_config

    cfg = Calibration()
    assert (cfg.lora_r, cfg.lora_alpha, cfg.lora_dropout, cfg.full_matrices) == (32, 16, 0.0, ("lm_head",))
    assert (cfg.learning_rate, cfg.weight_decay, cfg.epochs, cfg.warmup_steps) == (5e-5, 0.05, 1.0, 16)
    assert cfg.batch_size * cfg.grad_accum == 128 and 0.03 <= cfg.copy_ratio <= 0.07
    assert loop_config(cfg, 1000).steps == 8  # one epoch of 1000 chats at 128 per step
    assert loop_config(dataclasses.replace(cfg, epochs=2.0), 1000).steps == 16
    assert loop_config(dataclasses.replace(cfg, steps=5), 1000).steps == 5
    loop = loop_config(cfg, 10)
    assert (loop.steps, loop.weight_decay, loop.min_lr_ratio, loop.checkpoint_every) == (1, 0.05, 0.0, 16)


def test_every_calibration_setting_is_in_its_content_key(tiny_project):
    import dataclasses

    from core.project import load_project
    from core.project.schema import Calibration
    from core.stages import STAGE_BY_NAME
    from core.stages.plan import stage_key, stage_settings

    project = load_project(tiny_project)
    stage = STAGE_BY_NAME["calibration"]
    key = stage_key(*stage_settings(project, tiny_project, stage), stage, {})
    changed = {"lora_alpha": 8, "lora_dropout": 0.1, "warmup_steps": 3, "weight_decay": 0.0, "eval_chars": 500,
               "checkpoint_every": 7, "dtype": "float32", "copy_documents": 10, "copy_pool": 9, "epochs": 2.0,
               "full_matrices": ("lm_head", "embed_tokens"), "lora_targets": ("q_proj",), "grad_accum": 3}
    assert set(changed) <= {f.name for f in dataclasses.fields(Calibration)}
    for name, value in changed.items():
        other = dataclasses.replace(project, calibration=dataclasses.replace(project.calibration, **{name: value}))
        assert stage_key(*stage_settings(other, tiny_project, stage), stage, {}) != key, name


def test_a_padded_adapted_vocabulary_keeps_its_rows_and_appended_markers_take_padding_rows(relearned_pair):
    """An adapted model with more rows than tokens (a vocabulary padded to a GPU-friendly size): the
    result keeps every row, and an instruct token the tokenizer lacked takes the first padding row."""
    from core.lep.compose import compose_instruct

    base, instruct, instruct_tok, adapted, tok_dir = relearned_pair
    padded, new_tok = copy.deepcopy(adapted), AutoTokenizer.from_pretrained(tok_dir)
    tokens = len(new_tok)
    padded.resize_token_embeddings(tokens + 61, mean_resizing=False)
    result = copy.deepcopy(instruct)
    compose_instruct(result, instruct_tok, base, padded, new_tok)
    assert result.get_input_embeddings().weight.shape[0] == result.config.vocab_size == tokens + 61
    start = new_tok.get_vocab()["<|im_start|>"]
    assert start == tokens  # appended right after the real tokens, on a padding row
    assert torch.equal(result.get_input_embeddings().weight[start],
                       instruct.get_input_embeddings().weight[instruct_tok.get_vocab()["<|im_start|>"]])
