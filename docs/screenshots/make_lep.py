"""Take docs/screenshots/lep.png (the LEP tab with the instruct model before and after LEP and
calibration) and docs/screenshots/lep-no-pair.png (the same tab on the default demo, which has no
base/instruct pair).

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/make_lep.py

Only SmolLM2-135M-Instruct ships offline, so there is no real base/instruct pair to show: lep.png uses
the tiny random Llama of the tests (tests/tiny_models.py) as the base, a few SFT steps of it as the
"instruct" model (tests/test_lep.py), and the default project's Russian text. Every stage runs for real
through the studio's whole-demo chain (a few minutes), but the figures are a toy model's, not SmolLM2's.
Works in a temporary RUADAPT_HOME.
"""

from __future__ import annotations

import shutil
import sys

from shot import HERE, open_studio, save_shot, studio_home, tiny_project, wait

STAGES = ["import", "corpus", "tokenizer", "transplant", "stage1", "stage2", "lep", "calibration"]
SETTINGS = {
    "project": {"name": "tiny Llama + tiny instruct fine-tune → Russian (screenshot)"},
    "models": {"source": "source", "instruct": "instruct"},
    "corpus": {"russian": ["pkg:dataset_build/data/rus/rus.txt"], "english": ["pkg:dataset_build/data/eng"],
               "heldout_fraction": 0.1, "heldout_max_chars": 6000},
    "tokenizer": {"vocab_size": 2000},
    "stage1": {"steps": 300, "block_size": 64, "batch_size": 8, "warmup_steps": 20, "eval_every": 100,
               "checkpoint_every": 1000, "learning_rate": 3e-3},
    "stage2": {"enabled": True, "steps": 100, "block_size": 64, "batch_size": 8, "warmup_steps": 10,
               "eval_every": 50, "checkpoint_every": 1000, "lora_r": 8, "lora_alpha": 16},
    "lep": {"enabled": True, "copy_passages": 4},
    "calibration": {"enabled": True, "steps": 30, "batch_size": 4, "max_length": 256, "lora_r": 8,
                    "learning_rate": 1e-3},
    "evaluation": {"max_chars": 3000, "batch_tokens": 64},
}


def main() -> int:
    home = studio_home()
    project_path = tiny_project(home / "project", SETTINGS, instruct_steps=20)
    from core.project.default import init_demo

    demo_path = init_demo(home / "projects" / "default")

    app, window = open_studio(home)
    page = window.pages.lep

    window.open_project(demo_path)
    wait(lambda: window.project_path == demo_path.resolve() and "SmolLM2" in page.placeholder.text(), 60)
    window.stages.select_stage("lep")
    window.tabs.setCurrentWidget(page)
    save_shot(app, window, HERE / "lep-no-pair.png")

    window.open_project(project_path)
    wait(lambda: window.project_path == project_path.resolve() and window.pages.demo_action.isEnabled(), 30)
    ended = []
    window.pages.chain.ended.connect(lambda *args: ended.append(args))
    window.pages.chain.start(window.project, window.project_path, STAGES)
    wait(lambda: bool(ended), 900)
    if ended[0][0] != "done":
        raise RuntimeError(f"the stages did not finish: {ended[0]}")
    wait(lambda: len(page.rows) == 3, 60)
    window.stages.select_stage("lep")
    window.tabs.setCurrentWidget(page)
    save_shot(app, window, HERE / "lep.png")
    window.close()
    shutil.rmtree(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
