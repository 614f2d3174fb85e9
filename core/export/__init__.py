"""GGUF export: Hugging Face folders to GGUF files llama.cpp runs (f32/f16/bf16 written here, quantized
types by llama.cpp's own quantizer), each checked against transformers before it is kept."""

from core.export.gguf_vocab import GgufVocab, pre_tokenizer_name
from core.export.gguf_writer import FLOAT_TYPES, ExportPlan, GgufFile, plan_export, write_gguf
from core.export.hf_vocab import vocab_from_hf
from core.export.parity import THRESHOLDS, HfReference, ParityFailed, check_parity, hf_reference
from core.export.pipeline import GGUF_TYPES, export_gguf_types
from core.export.quantize import QUANT_TYPES, QuantizedFile, quantize_gguf

__all__ = [
    "FLOAT_TYPES", "GGUF_TYPES", "QUANT_TYPES", "THRESHOLDS", "ExportPlan", "GgufFile", "GgufVocab", "HfReference",
    "ParityFailed", "QuantizedFile", "check_parity", "export_gguf_types", "hf_reference",
    "plan_export", "pre_tokenizer_name", "quantize_gguf", "vocab_from_hf", "write_gguf",
]
