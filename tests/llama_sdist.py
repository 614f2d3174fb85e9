"""The llama-cpp-python source distribution, for tests that need llama.cpp's own files: the vocab-only
GGUF files with their test-tokenizer-0 texts (`vendor/llama.cpp/models/ggml-vocab-*.gguf` + `.inp`/`.out`)
and its `convert_hf_to_gguf.py`. Found, in order:
  - RUADAPT_LLAMA_SDIST: the .tar.gz, or a folder it was unpacked to;
  - pip's cache (PIP_CACHE_DIR or ~/.cache/pip): pip keeps the sdist it downloaded to build the wheel
    (`pip download --no-deps --no-binary :all: llama-cpp-python==0.3.36` puts one there too).
Tests skip when it is nowhere.
"""

from __future__ import annotations

import os
import tarfile
from pathlib import Path

import pytest

MIN_SDIST_BYTES = 20 * 1024**2  # the sdist is ~75 MB; smaller cache entries are not it
TOP = "llama_cpp_python-"


def _first_member(path: Path) -> str:
    try:
        with tarfile.open(path, "r:gz") as tar:
            first = tar.next()
            return first.name if first else ""
    except (tarfile.TarError, OSError, EOFError):
        return ""


def _in_pip_cache() -> Path | None:
    cache = Path(os.environ.get("PIP_CACHE_DIR") or Path.home() / ".cache" / "pip")
    if not cache.is_dir():
        return None
    for path in sorted(cache.rglob("*")):  # http-v2 stores bodies under hashed names
        if not path.is_file() or path.stat().st_size < MIN_SDIST_BYTES:
            continue
        with open(path, "rb") as fh:
            if fh.read(2) != b"\x1f\x8b":
                continue
        if _first_member(path).startswith(TOP):
            return path
    return None


def find_sdist() -> Path | None:
    given = os.environ.get("RUADAPT_LLAMA_SDIST")
    if given:
        return Path(given)
    return _in_pip_cache()


def unpacked_llama_cpp(root: Path) -> Path:
    """vendor/llama.cpp of the sdist (models, converter, gguf-py), unpacked under `root` if needed;
    skips the test when there is no sdist."""
    sdist = find_sdist()
    if sdist is None:
        pytest.skip("no llama-cpp-python sdist: set RUADAPT_LLAMA_SDIST or run "
                    "`pip download --no-deps --no-binary :all: llama-cpp-python==0.3.36`")
    if sdist.is_dir():
        found = next((p for p in (sdist / "vendor" / "llama.cpp", *sdist.glob(f"{TOP}*/vendor/llama.cpp"))
                      if p.is_dir()), None)
        if found is None:
            pytest.skip(f"RUADAPT_LLAMA_SDIST={sdist} holds no vendor/llama.cpp")
        return found
    wanted = ("/vendor/llama.cpp/models/", "/vendor/llama.cpp/gguf-py/", "/vendor/llama.cpp/conversion/",
              "/vendor/llama.cpp/convert_hf_to_gguf.py")
    with tarfile.open(sdist, "r:gz") as tar:
        members = [m for m in tar.getmembers() if any(w in m.name for w in wanted)]
        top = members[0].name.split("/", 1)[0]
        tar.extractall(root, members=members, filter="data")
    return root / top / "vendor" / "llama.cpp"
