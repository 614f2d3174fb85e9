"""Quantization by llama.cpp's own quantizer: Q8_0 bit-identical to gguf-py's reference, K-quants on rows
that do not fit 256-blocks fall back per tensor as llama.cpp does (and the report says so), a stopped
quantization leaves nothing, and the pipeline quantizes from a lossless float export it then deletes."""

from __future__ import annotations

import numpy as np
import pytest
from tiny_models import make_tiny_hf_model

from core.errors import ModelError
from core.export import export_gguf_types, quantize_gguf, write_gguf


def _tensors(path):
    import gguf

    return {t.name: t for t in gguf.GGUFReader(path).tensors}


@pytest.fixture(scope="module")
def narrow(tmp_path_factory):
    """(HF folder, its f32 GGUF) for a hidden-64 llama: no row is a multiple of 256."""
    root = tmp_path_factory.mktemp("narrow")
    hf = make_tiny_hf_model(root / "hf", "llama")
    return hf, write_gguf(hf, root / "f32.gguf", "f32").path


def test_q8_0_is_exactly_the_reference_quantization(narrow, tmp_path):
    from gguf import GGMLQuantizationType
    from gguf.quants import quantize

    made = quantize_gguf(narrow[1], tmp_path / "q8.gguf", "q8_0")
    source, quantized = _tensors(narrow[1]), _tensors(made.path)
    assert made.tensor_types == {"Q8_0": 16, "F32": 5} and made.fallback_tensors == ()
    for name, tensor in quantized.items():
        if tensor.tensor_type == GGMLQuantizationType.Q8_0:
            values = np.array(source[name].data)
            assert np.array_equal(np.array(tensor.data), quantize(values, GGMLQuantizationType.Q8_0)), name


def test_k_quants_fall_back_per_tensor_on_rows_that_are_no_multiple_of_256(narrow, tmp_path):
    made = quantize_gguf(narrow[1], tmp_path / "q4km.gguf", "q4_k_m")
    assert len(made.fallback_tensors) == 16  # every matrix: rows of 64 or 128
    assert "Q4_K" not in made.tensor_types and made.tensor_types.get("Q5_0")  # llama.cpp's Q4_K -> Q5_0
    assert "32-block type" in made.as_dict()["fallback_note"]


def test_k_quants_are_real_on_rows_of_256(tmp_path):
    hf = make_tiny_hf_model(tmp_path / "hf", "llama", hidden=256, vocab_size=512)
    source = write_gguf(hf, tmp_path / "f32.gguf", "f32").path
    made = quantize_gguf(source, tmp_path / "q4km.gguf", "q4_k_m")
    assert made.fallback_tensors == () and made.tensor_types.get("Q4_K") and "fallback_note" not in made.as_dict()


def test_a_stopped_quantization_leaves_nothing(narrow, tmp_path):
    class Stop(Exception):
        pass

    def stop() -> None:
        raise Stop

    with pytest.raises(Stop):
        quantize_gguf(narrow[1], tmp_path / "q.gguf", "q8_0", poll=stop)
    assert not list(tmp_path.iterdir())
    with pytest.raises(ModelError, match="unknown quantization 'q3_k'"):
        quantize_gguf(narrow[1], tmp_path / "q.gguf", "q3_k")


def test_quantized_types_come_from_a_lossless_float_export_that_is_then_deleted(narrow, tmp_path):
    hf = narrow[0]
    results = export_gguf_types(hf, {"q8_0": tmp_path / "m-q8_0.gguf"}, parity=False)
    assert results["q8_0"]["file"]["quantized_from"] == "f32"  # fp32 weights
    assert results["q8_0"]["parity"] is None and [p.name for p in tmp_path.iterdir()] == ["m-q8_0.gguf"]
    results = export_gguf_types(hf, {"f16": tmp_path / "m-f16.gguf", "q4_0": tmp_path / "m-q4_0.gguf"},
                                parity=False, intermediate="f16")
    assert results["q4_0"]["file"]["quantized_from"] == "f16"  # the f16 output itself, no temporary file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m-f16.gguf", "m-q4_0.gguf", "m-q8_0.gguf"]
