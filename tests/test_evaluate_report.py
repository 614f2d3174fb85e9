"""The whole pipeline on a tiny model, ending in the evaluation report."""

from __future__ import annotations

from test_training import run_pipeline


def test_pipeline_ends_in_a_report_with_every_section(tiny_project):
    runs = run_pipeline(tiny_project, "evaluate")
    run = runs["evaluate"]
    result = run.result()
    assert result is not None, run.log_path.read_text()[-4000:]
    assert result["heldout_check"]["found_in_training"] == 0
    assert result["adapted"]["tokens_ru"]["tokens"] < result["original"]["tokens_ru"]["tokens"]
    md = (run.outputs / "report.md").read_text(encoding="utf-8")
    for section in ("## Summary", "## Measured on", "## Token efficiency", "## Bits per character",
                    "## Copy task", "## Generation speed", "## Training curves", "## Limits"):
        assert section in md, section
    for chart in ("tokens.png", "bpc.png", "copy.png", "speed_ru.png", "speed_en.png", "stage1_bpc.png",
                  "stage1_top1.png"):
        assert (run.outputs / "charts" / chart).stat().st_size > 2000, chart
    # the first choice's characters per token, both models (the original's from the baseline), next to what
    # each generated
    for side in ("original", "adapted"):
        assert 0 < result[side]["top1_chars_ru"] and 0 < result[side]["top1_chars_en"], side
    assert "| Text | Model | Characters/token, the text | Characters/token, first choice |" in md
    adapted_ru = f"| Russian | adapted | {result['adapted']['tokens_ru']['chars_per_token']:.2f} | " \
                 f"{result['adapted']['top1_chars_ru']:.2f} | {result['speed']['ru'][1]['chars_per_token']:.2f} |"
    assert adapted_ru in md
    html = (run.outputs / "report.html").read_text(encoding="utf-8")
    assert "<table>" in html and "charts/tokens.png" in html
    assert "none: the held-out figures are on text training never saw" in md
    # DaruCopy under llmtf's task names, Russian and English, each model
    for side in ("original", "adapted"):
        assert {"darumeru/cp_sent_ru", "darumeru/cp_para_ru", "darumeru/cp_sent_en"} <= set(result[side]["copy"])
    assert "| cp_sent_ru (len) | cp_para_ru (lcs) | cp_sent_en (len) |" in md
    # Russian outside the corpus's domain: measured on both models where its package is installed, and the
    # report names those that are not
    assert "## Outside the corpus's domain" in md
    for name, text in result["outside"].items():
        assert text["original"]["bpc"] > 0 and text["adapted"]["tokens"] > 0, name
        assert f"`{text['package']}`" in md
    for package in result["outside_missing"]:
        assert package in md
