"""Take docs/screenshots/studio-running.png: the studio on the default project, the `baseline` stage
(bits per character of SmolLM2 on held-out Russian) half-way, its curve growing in the monitor.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/make_studio_running.py

Works in a temporary RUADAPT_HOME; the studio runs `import` and `corpus` first (about 20 s).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "studio-running.png"
POINTS = int(os.environ.get("SCREENSHOT_POINTS", "9"))  # bpc_ru points on the curve when the shot is taken


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="ruadapt-shot-"))
    os.environ["RUADAPT_HOME"] = str(home)
    sys.path.insert(0, str(ROOT))
    from core.project.default import init_demo

    project = init_demo(home / "projects" / "default")

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
    window.open_project(project)
    wait(lambda: window.project is not None and window.stages.run_button.isEnabled(), 30)
    for stage in ("import", "corpus"):
        window.stages.select_stage(stage)
        window.stages.run_button.click()
        wait(lambda stage=stage: window.stages.statuses[stage].status == "up_to_date", 300)
    window.stages.select_stage("baseline")
    window.stages.run_button.click()
    wait(lambda: window.monitor.trace is not None
         and len(getattr(window.monitor.trace.curves.get("bpc_ru"), "steps", [])) >= POINTS, 300)
    settle = time.monotonic() + 0.5  # let the monitor's throttled paint catch up with the data
    wait(lambda: time.monotonic() > settle, 5)
    app.processEvents()
    window.grab().save(str(OUT))
    print(f"wrote {OUT}")

    run_id = window.monitor.run_id
    window.stages.cancel_button.click()
    wait(lambda: window.monitor.trace.state in ("cancelled", "done", "failed"), 60)
    window.close()
    wait(lambda: Registry().get(run_id).state.is_terminal, 60)  # its supervisor is done with the folder
    shutil.rmtree(home)  # the imported model alone is half a gigabyte
    return 0


if __name__ == "__main__":
    sys.exit(main())
