"""`ruadapt bench train`'s variants, for real on tiny models: fixed steps, or a wall-clock budget."""

from __future__ import annotations

import pytest

from core.bench.train_bench import alternate
from core.bench.train_variant import run_variant


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    from conftest import russian_text
    from tiny_models import make_tiny_hf_model

    root = tmp_path_factory.mktemp("bench")
    make_tiny_hf_model(root / "teacher", vocab_size=300, seed=1)
    make_tiny_hf_model(root / "student", vocab_size=600, seed=2)
    (root / "train.txt").write_text(russian_text(30, seed=1), encoding="utf-8")
    (root / "ru.txt").write_text(russian_text(3, seed=2), encoding="utf-8")
    (root / "en.txt").write_text("The quick brown fox jumps over the lazy dog.\n", encoding="utf-8")
    return {"student": str(root / "student"), "teacher": str(root / "teacher"), "train": str(root / "train.txt"),
            "batch": 2, "block": 32, "lr": 1e-3, "warmup": 1, "heldout_chars": 400,
            "heldout": {"ru": str(root / "ru.txt"), "en": str(root / "en.txt")}}


@pytest.mark.parametrize("precision,objective,rows", [("fp32", "lm", "all"), ("bf16", "distill", "new"),
                                                     ("fp32", "lm+distill", "new+cyrillic")])
def test_a_variant_trains_the_steps_it_is_given_and_scores_held_out_text(pair, precision, objective, rows):
    result = run_variant({**pair, "precision": precision, "objective": objective, "steps": 4, "train_rows": rows})
    assert result["steps"] == 4 and result["tokens_per_s"] > 0
    assert set(result["bpc"]) == {"ru", "en"} and all(0 < v < 20 for v in result["bpc"].values())
    assert set(result["top1_chars"]) == {"ru", "en"} and all(v >= 0 for v in result["top1_chars"].values())


def test_a_wall_clock_budget_stops_the_run_once_the_training_time_is_spent(pair):
    result = run_variant({**pair, "precision": "fp32", "objective": "distill", "seconds": 0.0, "steps": None})
    assert result["steps"] == 1  # the budget is checked after each step


def test_variants_alternate_so_each_runs_early_and_late():
    assert alternate(["lm", "distill"], 3) == ["lm", "distill", "distill", "lm", "lm", "distill"]


def test_the_objective_table_prints_bits_per_character_and_the_first_choices_characters(pair):
    from core.bench.train_bench import objective_table

    lines: list[str] = []
    out = objective_table(pair, 0.0, ["lm", "distill"], "fp32", 1, print_=lambda *a, **k: lines.append(a[0]))
    row = next(line for line in lines if line.strip().startswith("distill "))
    first = out["rows"]["distill"][0]["top1_chars"]
    assert f"first choice ru {first['ru']:.2f}  en {first['en']:.2f} characters/token" in row
    assert any(line.strip().startswith("distill/lm bpc: ru ") for line in lines)
