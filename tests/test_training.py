"""Stage 1 and stage 2 on a tiny model, end to end through the job system."""

from __future__ import annotations

import pytest
import torch
from test_jobs import run_inline
from transformers import AutoModelForCausalLM, AutoTokenizer

from core.jobs.events import Finished, Log, Metric
from core.training.schedules import lr_at


def run_pipeline(project, until: str):
    from core.stages.plan import stages_for
    return {s.name: run_inline(project, s.name) for s in stages_for(until)}


def test_stage1_trains_only_embeddings_and_reports_metrics(tiny_project):
    runs = run_pipeline(tiny_project, "stage1")
    run = runs["stage1"]
    events = run.events()
    assert isinstance(events[-1], Finished), run.log_path.read_text()[-2000:]
    metrics = [e for e in events if isinstance(e, Metric)]
    names = {m.name for m in metrics}
    assert {"loss", "lr", "tokens_per_s", "eval_loss", "bpc_ru"} <= names
    assert [m.step for m in metrics if m.name == "bpc_ru"] == [3, 6]
    result = run.result()
    assert result["steps"] == 6 and result["trainable_parameters"] < result["parameters"]
    before = AutoModelForCausalLM.from_pretrained(runs["transplant"].result()["model_dir"])
    after = AutoModelForCausalLM.from_pretrained(result["model_dir"])
    changed = {n for (n, a), (_, b) in zip(before.named_parameters(), after.named_parameters())
               if not torch.equal(a, b)}
    assert changed == {"model.embed_tokens.weight", "lm_head.weight"}
    tok = AutoTokenizer.from_pretrained(result["model_dir"])
    ids = tok("Модель", return_tensors="pt")["input_ids"]
    assert after.generate(ids, max_new_tokens=3, do_sample=False).shape[1] == ids.shape[1] + 3


def test_stage2_merges_lora_into_a_plain_model(tiny_project):
    runs = run_pipeline(tiny_project, "stage2")
    result = runs["stage2"].result()
    assert result is not None, runs["stage2"].log_path.read_text()[-3000:]
    folder = result["model_dir"]
    model = AutoModelForCausalLM.from_pretrained(folder)
    assert not any("lora" in n for n, _ in model.named_parameters())
    before = AutoModelForCausalLM.from_pretrained(runs["stage1"].result()["model_dir"])
    q_before = before.model.layers[0].self_attn.q_proj.weight
    assert not torch.allclose(model.model.layers[0].self_attn.q_proj.weight, q_before)
    # the authors' stage 2: the LM head trains in full (modules_to_save), the input embeddings stay frozen
    assert torch.equal(model.get_input_embeddings().weight, before.get_input_embeddings().weight)
    assert not torch.allclose(model.get_output_embeddings().weight, before.get_output_embeddings().weight)


@pytest.mark.parametrize("tied", [False, True])
@pytest.mark.parametrize("full", [(), ("lm_head",), ("embed_tokens",), ("lm_head", "embed_tokens")])
def test_lora_trains_the_chosen_vocabulary_matrices_and_a_tied_model_stays_tied(tmp_path, tied, full):
    from tiny_models import make_tiny_hf_model

    from core.training.trainable import add_lora

    folder = make_tiny_hf_model(tmp_path / "m", tied=tied)
    model = AutoModelForCausalLM.from_pretrained(folder)
    embed, head = (m.weight.clone() for m in (model.get_input_embeddings(), model.get_output_embeddings()))
    peft_model = add_lora(model, 4, 8, 0.0, ("q_proj", "v_proj"), full)
    optimizer = torch.optim.SGD([p for p in peft_model.parameters() if p.requires_grad], lr=1.0)
    ids = torch.randint(0, 300, (2, 12), generator=torch.Generator().manual_seed(0))
    peft_model(input_ids=ids, labels=ids).loss.backward()
    optimizer.step()
    merged = peft_model.merge_and_unload()
    merged.save_pretrained(tmp_path / "out")
    saved = AutoModelForCausalLM.from_pretrained(tmp_path / "out")
    embed_changed = not torch.equal(saved.get_input_embeddings().weight, embed)
    head_changed = not torch.equal(saved.get_output_embeddings().weight, head)
    if tied:  # one matrix: it trains when either is listed, and stays one matrix
        assert embed_changed == head_changed == bool(full)
        assert torch.equal(saved.get_input_embeddings().weight, merged.get_input_embeddings().weight)
    else:
        assert (embed_changed, head_changed) == ("embed_tokens" in full, "lm_head" in full)
        assert torch.equal(saved.get_output_embeddings().weight, merged.get_output_embeddings().weight)


@pytest.mark.parametrize("schedule", ["cosine", "wsd"])
def test_schedules_warm_up_then_decay_to_the_floor(schedule):
    kw = dict(peak=1.0, total=100, warmup=10, schedule=schedule, min_ratio=0.1, decay_steps=20)
    lrs = [lr_at(s, **kw) for s in range(100)]
    assert lrs[0] == pytest.approx(0.1) and lrs[9] == pytest.approx(1.0)
    assert lrs[-1] == pytest.approx(0.1, rel=1e-6)
    assert all(a >= b - 1e-12 for a, b in zip(lrs[10:], lrs[11:]))  # never rises after warmup
    if schedule == "wsd":
        assert lrs[10:80] == [1.0] * 70  # stable until S = total − D
        assert lrs[90] == pytest.approx(0.1 ** (11 / 20))


def _clone_project(project, tmp_path, name, **overrides):
    """The same project in another folder (its own runs), with some settings changed."""
    import shutil

    from core.project import load_project, project_from_dict, project_to_dict, save_project

    folder = tmp_path / name
    shutil.copytree(project.parent, folder, ignore=shutil.ignore_patterns("runs"))
    raw = project_to_dict(load_project(folder / "project.toml"))
    for dotted, value in overrides.items():
        section, key = dotted.split(".")
        raw[section][key] = value
    save_project(project_from_dict(raw, base=folder), folder / "project.toml")
    return folder / "project.toml"


def _curve(run, name="loss"):
    return [(e.step, e.value) for e in run.events() if isinstance(e, Metric) and e.name == name]


def _processes_mentioning(path) -> list:
    """Processes of the run still alive after a grace period (its supervisor exits just after the
    registry says the run ended)."""
    import psutil
    procs = [p for p in psutil.process_iter(["cmdline"]) if str(path) in " ".join(p.info["cmdline"] or ())]
    return psutil.wait_procs(procs, timeout=15)[1]


@pytest.mark.parametrize("compute", [{}, {"compute.launcher": "torchrun", "compute.nproc_per_node": 2,
                                          "compute.strategy": "fsdp"}], ids=["one-process", "fsdp"])
def test_sigkill_during_training_resumes_on_the_same_trajectory(tiny_project, tmp_path, compute):
    """Under FSDP the worker's torchrun and its ranks die with it (the supervisor stops what the killed
    worker left running), and the sharded state comes back from the gathered checkpoint."""
    import os
    import signal

    from test_jobs import start, wait_terminal, wait_until

    from core.jobs.events import Started

    settings = {"stage1.steps": 150, "stage1.checkpoint_every": 5, "stage1.eval_every": 1000, **compute}
    unbroken_project = _clone_project(tiny_project, tmp_path, "unbroken", **settings)
    # Same trajectory (no evaluation within 150 steps either way), another stage key: stage 1 of an
    # identical project would be reused from the unbroken one, and there would be no worker to kill.
    broken_project = _clone_project(tiny_project, tmp_path, "broken", **{**settings, "stage1.eval_every": 999})
    unbroken = run_pipeline(unbroken_project, "stage1")["stage1"]
    run_pipeline(broken_project, "transplant")
    registry, first = start(broken_project, "stage1")
    assert not first.reused
    wait_until(lambda: (first.run.path / "checkpoint" / "latest").exists(), what="a checkpoint")
    os.kill(next(e.pid for e in first.run.events() if isinstance(e, Started)), signal.SIGKILL)
    wait_terminal(registry, first.run.id)
    assert not _processes_mentioning(first.run.path), "the killed worker's ranks kept running"
    killed_at = len(_curve(first.run))
    assert 0 < killed_at < 150, "the run should have been killed mid-way"
    registry, second = start(broken_project, "stage1")
    assert second.run.spec()["resume_from"] == str(first.run.path / "checkpoint")
    wait_terminal(registry, second.run.id)
    resumed = _curve(second.run)
    assert [s for s, _ in resumed] == list(range(1, 151))  # the earlier curve replayed, then continued
    expected = dict(_curve(unbroken))
    for step, value in resumed:
        assert value == pytest.approx(expected[step], rel=1e-4, abs=1e-5), step
    assert second.run.result()["steps"] == 150


@pytest.mark.parametrize("strategy,section", [("ddp", "stage1"), ("fsdp", "stage1"), ("fsdp", "stage2")])
def test_two_processes_match_one_process_with_double_accumulation(tiny_project, tmp_path, strategy, section):
    """torchrun with 2 gloo processes (DDP replicas, or FSDP shards) trains the same model as 1 process
    accumulating twice as many micro-batches."""
    same = {"stage2.lora_dropout": 0.0}  # dropout masks cannot match across process layouts
    single = _clone_project(tiny_project, tmp_path, "single", **same, **{"stage1.grad_accum": 2,
                                                                         "stage2.grad_accum": 2})
    multi = _clone_project(tiny_project, tmp_path, strategy, **same, **{"compute.launcher": "torchrun",
                                                                      "compute.nproc_per_node": 2,
                                                                      "compute.strategy": strategy})
    a = run_pipeline(single, section)[section]
    b = run_pipeline(multi, section)[section]
    assert b.result() is not None, b.log_path.read_text()[-3000:]
    assert b.result()["world_size"] == 2 and a.result()["world_size"] == 1
    assert any(f"2 processes, {strategy.upper()}" in e.message for e in b.events() if isinstance(e, Log))
    ma = AutoModelForCausalLM.from_pretrained(a.result()["model_dir"])
    mb = AutoModelForCausalLM.from_pretrained(b.result()["model_dir"])
    for (name, pa), (_, pb) in zip(ma.named_parameters(), mb.named_parameters()):
        assert torch.allclose(pa, pb, atol=1e-5), name
    assert [v for _, v in _curve(a)] == pytest.approx([v for _, v in _curve(b)], rel=1e-4)


def test_compute_plan_follows_the_formula():
    from core.training.compute_plan import plan_training

    settings = {"steps": 100, "batch_size": 4, "grad_accum": 2, "block_size": 1024}
    plan = plan_training("stage1", settings, world=2, n_parameters=1_000_000, vocab=1000, hidden=100,
                         tied=False, num_layers=2)
    tokens = 100 * 4 * 2 * 1024 * 2
    body, head = 1_000_000 - 2 * 100_000, 100_000
    assert plan.tokens == tokens
    assert plan.estimate.flops == (4 * (body + head) + 2 * head) * tokens
    assert plan.hours["H100 SXM"] == pytest.approx(plan.estimate.flops / (989e12 * 0.35) / 3600)
    assert "(4·N + 2·N_trainable)·D" in plan.describe() and "RTX 4090" in plan.describe()
    # a new vocabulary changes the vocabulary matrices, not the body
    smaller = plan_training("stage1", settings, world=2, n_parameters=1_000_000, vocab=1000, hidden=100,
                            tied=False, num_layers=2, new_vocab=500)
    assert smaller.estimate.flops == (4 * (body + 50_000) + 2 * 50_000) * tokens


def test_the_plan_says_what_one_gpu_holds_and_fsdp_divides_the_model_state():
    from core.training.compute_plan import plan_training

    settings = {"steps": 10, "batch_size": 2, "grad_accum": 1, "block_size": 512, "lora_r": 8}
    sizes = dict(n_parameters=8_000_000_000, vocab=128_000, hidden=4096, tied=False, num_layers=32)
    ddp = plan_training("stage1", settings, world=8, strategy="ddp", **sizes).memory
    fsdp = plan_training("stage1", settings, world=8, strategy="fsdp", **sizes).memory
    assert ddp.weights == pytest.approx(8e9 * 4)  # float32 master weights, whole on every GPU
    assert ddp.grads_optimizer == pytest.approx(3 * 2 * 128_000 * 4096 * 4)  # both vocabulary matrices
    assert fsdp.weights == pytest.approx(ddp.weights / 8) and fsdp.activations == ddp.activations
    checkpointed = plan_training("stage1", settings, world=8, checkpointing=True, **sizes).memory
    assert checkpointed.activations < ddp.activations / 3
    lora = plan_training("stage2", settings, world=8, strategy="fsdp", weights_bytes=2, **sizes)
    adapters = 32 * 7 * 2 * 8 * 4096  # layers × projections × (A + B) × rank × hidden
    # stage 2 trains the LM head in full (the input embeddings frozen) and the adapters, bf16 over 8
    assert lora.memory.grads_optimizer == pytest.approx(3 * (128_000 * 4096 + adapters) * 2 / 8)
    assert "FSDP over 8" in lora.describe() and "memory per GPU" in lora.describe()


def test_plan_command_reads_the_models_sizes_from_the_import(tiny_project):
    from test_cli import ruadapt

    assert ruadapt("plan", str(tiny_project)).returncode == 2  # nothing imported yet: says what to run
    run_pipeline(tiny_project, "import")
    out = ruadapt("plan", str(tiny_project))
    assert out.returncode == 0 and "stage1:" in out.stdout and "stage2:" in out.stdout and "H100" in out.stdout


def test_fsdp_finds_the_decoder_layers_hugging_face_names_or_says_to_use_ddp():
    from tiny_models import tiny_config
    from transformers import AutoModelForCausalLM

    from core.errors import ModelError
    from core.training.distributed import decoder_layer_classes

    model = AutoModelForCausalLM.from_config(tiny_config("qwen2"))
    assert decoder_layer_classes(model) == {"Qwen2DecoderLayer"}
    with pytest.raises(ModelError) as err:
        decoder_layer_classes(torch.nn.Sequential(torch.nn.Linear(2, 2)))
    assert "strategy = 'ddp'" in err.value.fix


def test_a_user_error_under_torchrun_reaches_the_user_as_it_was_raised(tiny_project, tmp_path):
    """Rank 0's clear error (here: a corpus shorter than one block) is the run's error, with where and
    how to fix, not "torchrun exited with code 1"."""
    from core.jobs.events import Failed

    project = _clone_project(tiny_project, tmp_path, "short", **{
        "compute.launcher": "torchrun", "compute.nproc_per_node": 2, "stage1.block_size": 100_000})
    run = run_pipeline(project, "stage1")["stage1"]
    failed = run.events()[-1]
    assert isinstance(failed, Failed) and failed.kind == "user", failed
    assert "[stage1] block_size" in failed.error and "fewer than one block of 100000" in failed.error
    assert "How to fix: lower block_size" in failed.error


def test_a_model_whose_training_state_cannot_fit_is_refused_before_loading(tiny_project, monkeypatch):
    """Weights plus the gradients and AdamW moments of what the stage trains, against the free memory."""
    from types import SimpleNamespace

    from core.jobs.events import Failed
    from core.stages import train as train_stage_module

    run_pipeline(tiny_project, "transplant")
    loaded = []
    monkeypatch.setattr(train_stage_module, "_load", lambda *a, **k: loaded.append(a) or None)
    monkeypatch.setattr(train_stage_module.psutil, "virtual_memory", lambda: SimpleNamespace(available=100_000))
    failed = run_pipeline(tiny_project, "stage1")["stage1"].events()[-1]
    assert isinstance(failed, Failed) and failed.kind == "user"
    assert "training needs about" in failed.error and "gradients and AdamW" in failed.error
    assert "strategy = 'fsdp'" in failed.error and not loaded  # refused before any weights were read
