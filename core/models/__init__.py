"""Model import: Hugging Face folders checked and loaded one way, GGUF files dequantized into them."""

from core.models.architectures import (
                                       ARCHITECTURES,
                                       Architecture,
                                       architecture,
                                       architecture_for_hf,
                                       gguf_to_hf_name,
                                       hf_to_gguf_name,
                                       permute_qk,
                                       unpermute_qk,
)
from core.models.gguf_import import cached_import, import_gguf
from core.models.hf_folder import ModelInfo, inspect_model_folder
from core.models.source import load_model

__all__ = [
    "ARCHITECTURES", "Architecture", "ModelInfo", "architecture", "architecture_for_hf", "cached_import",
    "gguf_to_hf_name", "hf_to_gguf_name", "import_gguf", "inspect_model_folder", "load_model", "permute_qk",
    "unpermute_qk",
]
