"""One table per fact. GGUF types: one table (core.gguf_types) feeds the writer, the quantizer, the parity check, the project
schema and the CLI; it agrees with gguf-py's and llama.cpp's own constants."""

from __future__ import annotations

import gguf
import llama_cpp
import pytest

from core.cli import _parser
from core.export import FLOAT_TYPES, GGUF_TYPES, QUANT_TYPES, THRESHOLDS
from core.gguf_types import GGUF_TYPE_BY_NAME, TYPE_NAMES
from core.models.architectures import ARCHITECTURES
from core.project import project_from_dict
from core.project.io import section_fields
from core.project.schema import Evaluation, Export


@pytest.mark.parametrize("row", GGUF_TYPE_BY_NAME.values(), ids=TYPE_NAMES)
def test_each_row_names_real_ggml_and_file_types(row):
    ggml = gguf.GGMLQuantizationType[row.ggml_type]
    assert gguf.GGML_QUANT_SIZES[ggml][0] == row.block
    assert int(gguf.LlamaFileType[row.file_type]) == getattr(llama_cpp, row.llama_ftype)


def test_every_consumer_reads_the_same_types():
    assert set(FLOAT_TYPES) | set(QUANT_TYPES) == set(GGUF_TYPES) == set(THRESHOLDS) == set(TYPE_NAMES)
    assert not set(FLOAT_TYPES) & set(QUANT_TYPES)
    choices = {f.name: f.metadata.get("choices") for f, _ in section_fields(Export)}
    assert set(choices["types"]) == set(TYPE_NAMES)
    speed = {f.name: f.metadata.get("choices") for f, _ in section_fields(Evaluation)}["speed_type"]
    assert set(speed) == {"", *TYPE_NAMES}


def test_q4_0_can_be_chosen_in_a_project_and_on_the_command_line(tmp_path):
    (tmp_path / "model.gguf").write_bytes(b"GGUF")
    (tmp_path / "ru.txt").write_text("Привет.\n", encoding="utf-8")
    project = project_from_dict({"project": {"name": "q"}, "models": {"source": "model.gguf"},
                                 "corpus": {"russian": ["ru.txt"]},
                                 "export": {"types": ["f16", "q4_0"]}, "evaluation": {"speed_type": "q4_0"}},
                                base=tmp_path)
    assert project.export.types == ("f16", "q4_0") and project.evaluation.speed_type == "q4_0"
    args = _parser().parse_args(["export", "in", "out.gguf", "--quantize", "q4_0"])
    assert args.quantize == "q4_0"


def test_the_schema_offers_exactly_what_the_engine_does():
    from core.lep.modes import MODES
    from core.project.schema import Lep, Transplant
    from core.transplant.inits import INITS

    assert {f.name: f.metadata.get("choices") for f, _ in section_fields(Transplant)}["init"] == tuple(INITS)
    assert {f.name: f.metadata.get("choices") for f, _ in section_fields(Lep)}["mode"] is MODES


def test_both_schedule_settings_offer_the_schedules_the_loop_has():
    from core.project.schema import Calibration, Training
    from core.training.schedules import SCHEDULES, lr_at

    for section in (Training, Calibration):
        assert {f.name: f.metadata.get("choices") for f, _ in section_fields(section)}["scheduler"] is SCHEDULES
    assert all(lr_at(5, peak=1.0, total=10, warmup=2, schedule=s) > 0 for s in SCHEDULES)


@pytest.mark.parametrize("arch", sorted(ARCHITECTURES))
def test_the_architecture_table_agrees_with_gguf_py(arch):
    """Our (HF, GGUF) tensor names are gguf-py's TensorNameMap's, and our metadata keys are gguf.Keys'."""
    from core.models.architectures import gguf_key

    row = ARCHITECTURES[arch]
    model_arch = {name: enum for enum, name in gguf.MODEL_ARCH_NAMES.items()}[arch]
    name_map = gguf.get_tensor_name_map(model_arch, 2)
    for hf, ours in row.tensors:
        hf_name, gguf_name = hf.format(bid=1), ours.format(bid=1)
        assert name_map.get_name(hf_name, try_suffixes=(".weight", ".bias")) == gguf_name, hf_name
    templates = {v for group in (gguf.Keys.LLM, gguf.Keys.Attention, gguf.Keys.Rope)
                 for k, v in vars(group).items() if not k.startswith("_")}
    for hf_key, _ in row.config_keys:
        key = gguf_key(arch, hf_key)
        assert key.replace(f"{arch}.", "{arch}.", 1) in templates, key


def test_the_live_readout_and_llama_cpp_s_figures_are_one_formula():
    from core.inference.llama_session import GenerationStats
    from core.inference.speed import speed_figures, words_in
    from ruadapt_gui.chat.readouts import Readout

    stats = GenerationStats(prompt_tokens=5, completion_tokens=11, chars=60, words=9, ttft_s=0.2, decode_s=0.5)
    live = Readout(5, 11, 60, 9, 0.2, 0.5)
    assert stats.speed == live.speed == speed_figures(11, 60, 9, 0.5)
    assert stats.tokens_per_s == 20.0 and live.chars_per_s == 60 * 20.0 / 11
    assert stats.as_dict()["words_per_s"] == live.as_dict()["words_per_s"]
    assert words_in("Привет, мир_2 и hello!") == ["Привет", "мир_2", "и", "hello"]


def test_one_atomic_writer():
    """Small files are written whole by core.atomic_files alone (there were four copies of this)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    writers = [p.relative_to(root).as_posix() for folder in ("core", "ruadapt_gui") for p in (root / folder).rglob("*.py")
               if "mkstemp(" in p.read_text(encoding="utf-8")]
    assert writers == ["core/atomic_files.py"]


def test_a_write_that_fails_half_way_leaves_the_old_file_and_no_litter(tmp_path, monkeypatch):
    import os

    from core.atomic_files import write_atomic, write_json_atomic

    target = tmp_path / "result.json"
    write_json_atomic(target, {"summary": "old"})

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "{\"summary\": \"new\"}")
    assert target.read_text(encoding="utf-8") == '{\n  "summary": "old"\n}' and os.listdir(tmp_path) == ["result.json"]
