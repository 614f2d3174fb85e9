"""The house rules that a reviewer would otherwise check by hand: ruff (pyflakes, import order, bugbear)
and the import-linter layering contracts in pyproject.toml (core never imports Qt or the studio;
core.training never imports core.stages). Both run here so that the README's test command covers them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name if (BIN / name).exists() else shutil.which(name)
    if not path:
        pytest.fail(f"{name} is not installed: run `bash scripts/install.sh --dev`")
    return str(path)


def test_ruff_finds_nothing():
    out = subprocess.run([tool("ruff"), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_the_layering_contracts_hold():
    out = subprocess.run([tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 broken" in out.stdout
