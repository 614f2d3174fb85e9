"""Hugging Face folders: described without loading, refused with a fix when unusable, loaded one way."""

from __future__ import annotations

import json
import shutil

import pytest
from tiny_models import make_tiny_hf_model

from core.errors import ModelError
from core.models import inspect_model_folder, load_model


@pytest.fixture(scope="module")
def tiny_llama(tmp_path_factory):
    return make_tiny_hf_model(tmp_path_factory.mktemp("llama") / "model", "llama", tied=True)


@pytest.fixture
def copy_of(tmp_path, tiny_llama):
    return shutil.copytree(tiny_llama, tmp_path / "copy")


def _edit_config(folder, **changes):
    config = json.loads((folder / "config.json").read_text())
    config.update(changes)
    (folder / "config.json").write_text(json.dumps(config))


@pytest.mark.parametrize("arch", ["llama", "qwen2", "qwen3"])
def test_a_folder_is_described_without_loading_it(tmp_path, arch):
    import torch
    from transformers import AutoModelForCausalLM

    folder = make_tiny_hf_model(tmp_path / arch, arch, layers=3)
    info = inspect_model_folder(folder)
    model = AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32)
    assert (info.architecture, info.model_type, info.num_layers, info.hidden_size) == (arch, arch, 3, 64)
    assert info.vocab_size == model.config.vocab_size and info.n_parameters == model.num_parameters()
    assert info.weight_files == ("model.safetensors",) and info.has_chat_template and not info.warnings
    assert not info.tied_embeddings and arch in info.summary()


def test_tied_embeddings_are_counted_once(tiny_llama):
    from transformers import AutoModelForCausalLM

    info = inspect_model_folder(tiny_llama)
    model = AutoModelForCausalLM.from_pretrained(tiny_llama)
    assert info.tied_embeddings and info.n_parameters == model.num_parameters()


def test_missing_folder_and_missing_config_say_what_to_choose(tmp_path, copy_of):
    with pytest.raises(ModelError, match="does not exist") as err:
        inspect_model_folder(tmp_path / "nowhere")
    assert "How to fix" in str(err.value)
    (copy_of / "config.json").unlink()
    with pytest.raises(ModelError, match="no config.json") as err:
        inspect_model_folder(copy_of)
    assert ".gguf" in err.value.fix


def test_an_unknown_architecture_is_refused_unless_it_ships_code_and_that_is_trusted(copy_of):
    _edit_config(copy_of, model_type="gpt_neox", architectures=["GPTNeoXForCausalLM"])
    with pytest.raises(ModelError, match="not supported") as err:
        inspect_model_folder(copy_of)
    assert "llama" in err.value.fix and "qwen2" in err.value.fix
    _edit_config(copy_of, auto_map={"AutoModelForCausalLM": "modeling_x.XForCausalLM"})
    with pytest.raises(ModelError, match="trust_remote_code"):
        inspect_model_folder(copy_of)
    info = inspect_model_folder(copy_of, trust_remote_code=True)
    assert info.architecture == "GPTNeoXForCausalLM" and "own Python code" in info.warnings[0]


def test_pickle_weights_are_refused_by_default_and_warned_about_when_allowed(copy_of):
    import torch
    from safetensors.torch import load_file

    weights = load_file(copy_of / "model.safetensors")
    (copy_of / "model.safetensors").unlink()
    torch.save(weights, copy_of / "pytorch_model.bin")
    with pytest.raises(ModelError, match="pickle") as err:
        inspect_model_folder(copy_of)
    assert "allow_pickle = true" in err.value.fix and "run code" in err.value.fix
    info = inspect_model_folder(copy_of, allow_pickle=True)
    assert info.weight_files == ("pytorch_model.bin",) and "pickle" in info.warnings[0]
    assert info.n_parameters == sum(w.numel() for w in weights.values())
    model, _ = load_model(copy_of, allow_pickle=True)
    assert torch.equal(model.state_dict()["model.norm.weight"], weights["model.norm.weight"])


def test_no_weights_and_no_tokenizer_are_refused(copy_of):
    for name in ("tokenizer.json", "tokenizer_config.json"):
        (copy_of / name).unlink()
    with pytest.raises(ModelError, match="no tokenizer files"):
        inspect_model_folder(copy_of)
    (copy_of / "model.safetensors").unlink()
    with pytest.raises(ModelError, match="no weights"):
        inspect_model_folder(copy_of)


def test_a_damaged_safetensors_file_is_refused(copy_of):
    path = copy_of / "model.safetensors"
    path.write_bytes(b"\xff" * 8 + path.read_bytes()[8:200])
    with pytest.raises(ModelError, match="cannot be read") as err:
        inspect_model_folder(copy_of)
    assert "download it again" in err.value.fix and str(path) in str(err.value)


def test_load_model_gives_fp32_on_cpu_and_a_tokenizer_with_its_chat_template(tiny_llama):
    import torch

    model, tokenizer = load_model(tiny_llama)
    assert next(model.parameters()).dtype == torch.float32 and model.device.type == "cpu"
    assert tokenizer.chat_template and tokenizer.decode(tokenizer.encode("Привет, мир")) == "Привет, мир"
    model, _ = load_model(tiny_llama, dtype="bfloat16", device="cpu")
    assert next(model.parameters()).dtype == torch.bfloat16


def test_load_model_runs_the_model_s_own_layers_never_kernels_from_the_hub(tiny_llama):
    # transformers >= 5.25 kernelizes by default, with compiled code the Hub serves that day
    model, _ = load_model(tiny_llama)
    assert model.use_kernels is False
    assert not any(type(m).__module__.startswith("kernels") for m in model.modules())


def test_asking_for_cuda_without_one_is_a_model_error(tiny_llama, monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    with pytest.raises(ModelError, match="no CUDA GPU"):
        load_model(tiny_llama, device="cuda")


def test_a_sharded_folder_counts_its_indexed_shards_and_misses_none(tmp_path, tiny_llama):
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(tiny_llama)
    folder = tmp_path / "sharded"
    model.save_pretrained(folder, max_shard_size="100KB")
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(tiny_llama / name, folder / name)
    shutil.copy(tiny_llama / "model.safetensors", folder / "consolidated.safetensors")  # not read by transformers
    info = inspect_model_folder(folder)
    assert len(info.weight_files) > 1 and "consolidated.safetensors" not in info.weight_files
    assert info.n_parameters == model.num_parameters()
    (folder / info.weight_files[-1]).unlink()
    with pytest.raises(ModelError, match="are missing"):
        inspect_model_folder(folder)


def test_a_broken_config_is_a_model_error(copy_of):
    (copy_of / "config.json").write_text("{not json")
    with pytest.raises(ModelError, match="config.json is not valid JSON"):
        inspect_model_folder(copy_of)
