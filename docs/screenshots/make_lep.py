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

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
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


def write_project(folder: Path) -> Path:
    sys.path.insert(0, str(ROOT / "tests"))
    from core.project import project_from_dict, save_project
    from test_lep import sft_instruct_from
    from tiny_models import make_tiny_hf_model

    make_tiny_hf_model(folder / "source")
    sft_instruct_from(folder / "source", folder / "instruct", steps=20)
    path = folder / "project.toml"
    save_project(project_from_dict(SETTINGS, base=folder), path)
    return path


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="ruadapt-shot-"))
    os.environ["RUADAPT_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    project_path = write_project(home / "project")
    from core.project.default import init_demo

    demo_path = init_demo(home / "projects" / "default")

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

    def shot(name: str) -> None:
        settle = time.monotonic() + 0.5
        wait(lambda: time.monotonic() > settle, 5)
        app.processEvents()
        window.grab().save(str(HERE / name))
        print(f"wrote {HERE / name}")

    window = MainWindow(Registry(), StudioSettings(), translations)
    window.resize(1400, 860)
    window.move(0, 0)
    window.show()
    page = window.pages.lep

    window.open_project(demo_path)
    wait(lambda: window.project_path == demo_path.resolve() and "SmolLM2" in page.placeholder.text(), 60)
    window.stages.select_stage("lep")
    window.tabs.setCurrentWidget(page)
    shot("lep-no-pair.png")

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
    shot("lep.png")
    window.close()
    shutil.rmtree(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
