"""What the chat's model list shows of a GGUF file: size, quantization, the name inside it; read from the
header's first keys, and nothing for a file that is no GGUF."""

from __future__ import annotations

import gguf
import numpy as np
from tiny_models import make_tiny_gguf

from core.models.gguf_facts import gguf_facts, quantization_name


def test_a_quantized_export_reads_as_its_type_and_size(tmp_path):
    path = make_tiny_gguf(tmp_path / "adapted-q8_0.gguf", tensor_type="q8_0", hidden=64)
    facts = gguf_facts(path)
    assert facts.quantization == "Q8_0" and facts.architecture == "llama"
    assert facts.size_bytes == path.stat().st_size and facts.path == path


def test_file_type_names_follow_the_studio_table_and_llama_cpp():
    assert quantization_name(int(gguf.LlamaFileType.MOSTLY_Q4_K_M)) == "Q4_K_M"  # in core/gguf_types.py
    assert quantization_name(int(gguf.LlamaFileType.MOSTLY_Q4_1)) == "Q4_1"  # SmolLM2's file: not in it
    assert quantization_name(int(gguf.LlamaFileType.ALL_F32)) == "F32"
    assert quantization_name(999) == "type 999"


def test_a_file_without_a_type_or_no_gguf_at_all(tmp_path):
    bare = tmp_path / "bare.gguf"
    writer = gguf.GGUFWriter(bare, "llama")
    writer.add_name("Bare model")
    writer.add_tensor("token_embd.weight", np.zeros((4, 8), dtype=np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    facts = gguf_facts(bare)
    assert facts.quantization == "" and facts.name == "Bare model"
    (tmp_path / "notes.gguf").write_bytes(b"hello")
    (tmp_path / "short.gguf").write_bytes(b"GGUF\x03\x00")
    assert gguf_facts(tmp_path / "notes.gguf") is None and gguf_facts(tmp_path / "short.gguf") is None
    assert gguf_facts(tmp_path / "missing.gguf") is None
