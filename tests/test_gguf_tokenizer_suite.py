"""llama.cpp's own tokenizer test data (test-tokenizer-0: the sdist's vocab-only GGUF files with their
`.inp` texts and `.out` token ids) through the GGUF import's tokenizer rebuild: every vocabulary is
either identical to llama.cpp on every text, or refused with a ModelError. Skips without the sdist
(tests/llama_sdist.py says where it is looked for)."""

from __future__ import annotations

from pathlib import Path

import pytest
from llama_sdist import unpacked_llama_cpp

from core.errors import ModelError
from core.models.gguf_tokenizer import import_tokenizer

SEPARATOR = "\n__ggml_vocab_test__\n"
slow = pytest.mark.slow  # 100k+ vocabularies: transformers' GGUF rebuild alone takes 30-60 s here

# vocabulary -> what the import does with it (llama-cpp-python 0.3.36). "accepted": identical on every
# suite text; otherwise the refusal's reason. The note quotes this table.
VOCABULARIES = {
    "aquila": "refused",  # no suite texts; its BPE has no pre-tokenizer name: transformers falls back
    "baichuan": "refused",  # transformers: architecture not supported
    "bert-bge": "refused",  # WordPiece ("bert")
    "command-r": "refused",  # transformers: architecture not supported
    "deepseek-coder": "refused",  # split differs (½, fullwidth, newlines then spaces)
    "deepseek-llm": "refused",
    "falcon": "refused",  # split differs (digit runs, "\n =", apostrophes)
    "gemma-4": "refused",  # "gemma4" tokenizer type
    "gpt-2": "accepted",
    "gpt-neox": "refused",  # transformers: architecture not supported
    "llama-bpe": "accepted",
    "llama-spm": "accepted",  # SentencePiece BPE: Prepend + Replace, as llama.cpp's add_space_prefix
    "mpt": "refused",
    "nomic-bert-moe": "refused",  # "t5" (Unigram)
    "phi-3": "refused",  # identical on the suite, not on its chat template: llama.cpp strips the newline after <|user|>
    "qwen2": "accepted",
    "qwen35": "accepted",
    "refact": "refused",
    "starcoder": "refused",  # split differs on numbers that are not ASCII digits (½ ² Ⅻ)
}
SLOW = {"llama-bpe", "qwen2", "qwen35", "command-r"}


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory) -> Path:
    return unpacked_llama_cpp(tmp_path_factory.mktemp("sdist")) / "models"


def suite(vocab: Path) -> dict[str, list[int]]:
    """test-tokenizer-0's cases: texts split on the separator, one line of ids per text."""
    inp, out = Path(f"{vocab}.inp"), Path(f"{vocab}.out")
    if not inp.is_file():
        return {}
    texts = inp.read_text(encoding="utf-8").split(SEPARATOR)
    ids = out.read_text(encoding="utf-8").split("\n")
    return {text: [int(i) for i in line.split()] for text, line in zip(texts, ids)}


@pytest.mark.parametrize("name", [pytest.param(n, marks=slow) if n in SLOW else n for n in VOCABULARIES])
def test_every_vocabulary_is_identical_on_the_suite_or_refused(models_dir, name):
    import gguf

    path = models_dir / f"ggml-vocab-{name}.gguf"
    if not path.is_file():
        pytest.skip(f"{path.name} is not in this sdist")
    cases = suite(path)
    try:
        tokenizer = import_tokenizer(path, gguf.GGUFReader(path))
    except ModelError as exc:
        assert VOCABULARIES[name] == "refused", f"{name} was refused: {exc}"
        assert exc.where == str(path) and "Hugging Face folder" in exc.fix
        return
    differ = [text for text, ids in cases.items() if tokenizer.encode(text, add_special_tokens=False) != ids]
    assert not differ, f"{name}: accepted, but differs from llama.cpp on {len(differ)}/{len(cases)}: {differ[:3]}"
    assert VOCABULARIES[name] == "accepted"
    assert cases or name == "aquila"


def test_an_exception_inside_transformers_becomes_a_model_error_naming_the_file(tmp_path, monkeypatch):
    """Whatever transformers raises while rebuilding (gemma-4 made it raise a dataclass validation error)."""
    import transformers
    from tiny_models import make_tiny_gguf

    path = make_tiny_gguf(tmp_path / "m.gguf")

    class StrictDataclassFieldValidationError(Exception):
        pass

    def refuse(*args, **kwargs):
        raise StrictDataclassFieldValidationError("Validation error for field 'num_key_value_heads'")

    monkeypatch.setattr(transformers.AutoTokenizer, "from_pretrained", refuse)
    import gguf

    with pytest.raises(ModelError, match="transformers cannot rebuild the tokenizer") as err:
        import_tokenizer(path, gguf.GGUFReader(path))
    assert err.value.where == str(path) and "Hugging Face folder" in err.value.fix
    assert "StrictDataclassFieldValidationError" in err.value.what
