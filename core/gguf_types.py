"""The GGUF types the studio writes: one table feeding the writer, the quantizer, the parity check, the
project schema and the CLI (they used to keep their own lists, and drifted).

It lives outside core.export, and imports neither gguf nor llama_cpp: the project schema reads it, and
loading a project must stay light. tests/test_export_gguf.py checks the names against gguf-py's and llama.cpp's own constants."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GgufType:
    name: str  # as the project file, the CLI and the file names say it
    ggml_type: str  # gguf.GGMLQuantizationType of the 2-D tensors (1-D ones, norms and biases, stay F32)
    file_type: str  # gguf.LlamaFileType (general.file_type); llama.cpp's quantizer calls it LLAMA_FTYPE_<this>
    block: int  # elements per block of ggml_type: rows that are no multiple fall back to another type
    min_top1: float  # parity: the lowest next-token agreement with transformers that passes
    max_logit_diff: float | None  # parity: the largest max |logit difference| (None: not judged)
    quantized: bool  # made by llama.cpp's quantizer from a float export (else written directly)

    @property
    def llama_ftype(self) -> str:
        return f"LLAMA_FTYPE_{self.file_type}"


# Parity thresholds: f32 is float rounding only; f16/bf16 and q8_0 are the design's; the K-quants and q4_0
# from SmolLM2-135M measurements, with a margin (decisive positions: q8_0 100%, q6_k 99.5%, q5_k_m 87%,
# q4_k_m 88%; its 576-wide rows are no multiple of 256, so most K-quant tensors fall back to Q8_0/Q5_1/Q5_0).
GGUF_TYPES: tuple[GgufType, ...] = (
    GgufType("f32", "F32", "ALL_F32", 1, 0.99, 0.01, quantized=False),
    GgufType("f16", "F16", "MOSTLY_F16", 1, 0.99, None, quantized=False),
    GgufType("bf16", "BF16", "MOSTLY_BF16", 1, 0.99, None, quantized=False),
    GgufType("q8_0", "Q8_0", "MOSTLY_Q8_0", 32, 0.95, None, quantized=True),
    GgufType("q6_k", "Q6_K", "MOSTLY_Q6_K", 256, 0.90, None, quantized=True),
    GgufType("q5_k_m", "Q5_K", "MOSTLY_Q5_K_M", 256, 0.75, None, quantized=True),
    GgufType("q4_k_m", "Q4_K", "MOSTLY_Q4_K_M", 256, 0.75, None, quantized=True),
    GgufType("q4_0", "Q4_0", "MOSTLY_Q4_0", 32, 0.70, None, quantized=True),
)
GGUF_TYPE_BY_NAME = {t.name: t for t in GGUF_TYPES}
TYPE_NAMES = tuple(t.name for t in GGUF_TYPES)
FLOAT_TYPE_NAMES = tuple(t.name for t in GGUF_TYPES if not t.quantized)
QUANT_TYPE_NAMES = tuple(t.name for t in GGUF_TYPES if t.quantized)
