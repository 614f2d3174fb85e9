"""Take docs/screenshots/training.png: the monitor's training view mid stage 1 (loss and held-out
loss, held-out bits per character against the original model's dashed line, learning rate, tokens/s).

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
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "training.png"
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


def write_project(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from core.project import project_from_dict, save_project
    from tiny_models import make_tiny_hf_model

    make_tiny_hf_model(folder / "source")
    path = folder / "project.toml"
    save_project(project_from_dict(SETTINGS, base=folder), path)
    return path


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="ruadapt-shot-"))
    os.environ["RUADAPT_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    project_path = write_project(home / "project")

    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from core.jobs.registry import Registry
    from ruadapt_gui.app import create_application
    from ruadapt_gui.i18n import Translations
    from ruadapt_gui.studio_settings import StudioSettings

    app = create_application([sys.argv[0]])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "qsettings"))
    translations = Translations()
    translations.apply(os.environ.get("SCREENSHOT_LANGUAGE", "en"))
    from ruadapt_gui.main_window import MainWindow

    def wait(predicate, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError("the studio did not get there in time")
            loop = QEventLoop()
            QTimer.singleShot(100, loop.quit)
            loop.exec()

    window = MainWindow(Registry(), StudioSettings(), translations)
    window.resize(1400, 860)
    window.move(0, 0)
    window.show()
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
    settle = time.monotonic() + 0.5  # let the monitor's throttled paint catch up with the data
    wait(lambda: time.monotonic() > settle, 5)
    app.processEvents()
    window.grab().save(str(OUT))
    print(f"wrote {OUT}")

    run_id = chain.run_id
    chain.cancel()
    wait(lambda: not chain.running, 120)
    window.close()
    wait(lambda: Registry().get(run_id).state.is_terminal, 60)  # its supervisor is done with the folder
    shutil.rmtree(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
