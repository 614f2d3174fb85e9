"""bf16 autocast with fp32 master weights on CPUs with native bf16; a clean fp32 fallback elsewhere."""

from __future__ import annotations

import torch

from core.training import precision
from core.training.distributed import Dist
from core.training.loop import LoopConfig, train
from core.training.precision import cpu_bf16_features, training_precision

CPU = torch.device("cpu")


def test_auto_uses_bf16_autocast_on_a_cpu_with_native_bf16_and_keeps_fp32_weights():
    assert training_precision("auto", CPU, cpu_features=("avx512_bf16",)) == ("float32", torch.bfloat16)
    assert training_precision("auto", CPU, cpu_features=("amx",)) == ("float32", torch.bfloat16)


def test_auto_falls_back_to_plain_fp32_without_native_bf16_and_float32_forces_it():
    assert training_precision("auto", CPU, cpu_features=()) == ("float32", None)
    assert training_precision("float32", CPU, cpu_features=("avx512_bf16",)) == ("float32", None)
    assert training_precision("bfloat16", CPU, cpu_features=()) == ("bfloat16", None)


def test_cpu_features_come_from_torchs_probes_and_a_missing_probe_reads_as_absent():
    assert cpu_bf16_features(lambda fn: fn == "_is_avx512_bf16_supported") == ("avx512_bf16",)
    assert cpu_bf16_features(lambda fn: False) == ()
    assert precision._torch_cpu_probe("_no_such_probe") is False


class _Quiet:
    def __init__(self):
        self.metrics = {}

    def metric(self, name, value, step):
        self.metrics.setdefault(name, []).append(value)

    def emit(self, *a):
        pass

    def log(self, *a, **k):
        pass

    def check_cancelled(self):
        pass


class _Blocks:
    tokens_per_example = eval_window = 16

    def micro_batch(self, index, batch_size, seed):
        g = torch.Generator().manual_seed(index)
        ids = torch.randint(3, 300, (batch_size, 16), generator=g)
        return {"input_ids": ids, "labels": ids}


def test_the_loop_computes_in_bf16_under_autocast_evaluates_in_fp32_and_keeps_fp32_master_weights():
    from tiny_models import tiny_config, train_tiny_tokenizer
    from transformers import AutoModelForCausalLM

    tok = train_tiny_tokenizer()
    model = AutoModelForCausalLM.from_config(tiny_config(vocab_size=len(tok)))
    seen = []
    model.model.layers[0].mlp.down_proj.register_forward_hook(
        lambda mod, inp, out: seen.append((model.training, out.dtype)))
    cfg = LoopConfig(steps=2, learning_rate=1e-3, scheduler="cosine", warmup_steps=0, weight_decay=0.0,
                     batch_size=2, grad_accum=1, eval_every=2, seed=0, checkpoint_every=100)
    train(_Quiet(), model, model, tok, _Blocks(), cfg, heldout="Москва — столица России.", checkpoints=None,
          resume_from=None, dist=Dist(), device=CPU, autocast_dtype=torch.bfloat16)
    assert {dtype for training, dtype in seen if training} == {torch.bfloat16}
    assert {dtype for training, dtype in seen if not training} == {torch.float32}  # held-out bpc in fp32
    assert all(p.dtype == torch.float32 for p in model.parameters())
