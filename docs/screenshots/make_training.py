"""Take docs/screenshots/training.png: the monitor's training view mid stage 1 (loss and held-out
loss, held-out bits per character and characters per first-choice token against the original model's
dashed lines, learning rate, tokens/s).

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/make_training.py

SmolLM2 trains at ~3 s a step on a CPU, too slow for a picture of a run under way: this uses the tiny
random Llama of the tests (tests/tiny_models.py) on the default project's Russian text, so the curves
show a real run of the stage, but not SmolLM2's numbers. Works in a temporary RUADAPT_HOME; the studio
runs the stages up to stage 1 through its whole-demo chain (about a minute) and cancels stage 1 after
the shot.
"""

from __future__ import annotations

import os
import shutil
import sys

from shot import HERE, open_studio, save_shot, studio_home, tiny_project, wait

OUT = HERE / "training.png"
STEPS_BEFORE_SHOT = int(os.environ.get("SCREENSHOT_STEPS", "240"))
SETTINGS = {
    "project": {"name": "tiny Llama → Russian (screenshot)"},
    "models": {"source": "source"},
    "corpus": {"russian": ["pkg:dataset_build/data/rus/rus.txt"], "english": ["pkg:dataset_build/data/eng"],
               "heldout_fraction": 0.1, "heldout_max_chars": 6000},
    "tokenizer": {"vocab_size": 2000},
    "stage1": {"steps": 3000, "block_size": 64, "batch_size": 8, "warmup_steps": 40, "eval_every": 20,
               "checkpoint_every": 1000, "learning_rate": 3e-3},
    "evaluation": {"max_chars": 3000, "batch_tokens": 64},
}


def main() -> int:
    home = studio_home()
    project_path = tiny_project(home / "project", SETTINGS)

    app, window = open_studio(home)
    from core.jobs.registry import Registry

    window.open_project(project_path)
    wait(lambda: window.project is not None and window.pages.demo_action.isEnabled(), 30)
    chain = window.pages.chain
    chain.start(window.project, window.project_path,
                ["import", "corpus", "baseline", "tokenizer", "transplant", "stage1"])
    monitor = window.monitor
    wait(lambda: chain.stage == "stage1" and chain.run_id and monitor.run_id == chain.run_id, 600)
    window.stages.select_stage("stage1")
    window.tabs.setCurrentWidget(monitor)
    wait(lambda: monitor.trace is not None and len(monitor.trace.curves.get("loss", ()).steps
                                                   if "loss" in monitor.trace.curves else ()) >= STEPS_BEFORE_SHOT, 600)
    wait(lambda: monitor.training_plots.plots["bpc"].reference is not None, 30)
    save_shot(app, window, OUT)

    run_id = chain.run_id
    chain.cancel()
    wait(lambda: not chain.running, 120)
    window.close()
    wait(lambda: Registry().get(run_id).state.is_terminal, 60)  # its supervisor is done with the folder
    shutil.rmtree(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
