"""Take docs/screenshots/tokenizer-page.png: the Tokenizer tab of the studio on the default project
(SmolLM2 and a Russian vocabulary trained on dataset-build's text), a Russian sentence in the live box.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/make_tokenizer_page.py

Works in a temporary RUADAPT_HOME; the studio runs `import`, `corpus` and `tokenizer` first through
its whole-demo chain (about a minute).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "tokenizer-page.png"
SENTENCE = "Сколько стоит перевести этот абзац на русский язык? Новый токенизатор режет слова реже."


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="ruadapt-shot-"))
    os.environ["RUADAPT_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    from core.project.default import init_demo

    project_path = init_demo(home / "projects" / "default")

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
    ended = []
    window.pages.chain.ended.connect(lambda *args: ended.append(args))
    window.pages.chain.start(window.project, window.project_path, ["import", "corpus", "tokenizer"])
    wait(lambda: bool(ended), 600)
    if ended[0][0] != "done":
        raise RuntimeError(f"the stages did not finish: {ended[0]}")
    page = window.pages.tokenizer
    wait(lambda: page.result is not None, 30)
    window.stages.select_stage("tokenizer")
    window.tabs.setCurrentWidget(page)
    wait(lambda: page.live.ready, 120)
    page.live.set_text(SENTENCE)
    wait(lambda: page.live.results is not None
         and "".join(p.text for p in page.live.results[0].pieces) == SENTENCE, 30)
    settle = time.monotonic() + 0.5
    wait(lambda: time.monotonic() > settle, 5)
    app.processEvents()
    window.grab().save(str(OUT))
    print(f"wrote {OUT}")
    window.close()
    shutil.rmtree(home)  # the imported model alone is half a gigabyte
    return 0


if __name__ == "__main__":
    sys.exit(main())
