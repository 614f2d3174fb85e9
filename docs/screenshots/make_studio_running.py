"""Take docs/screenshots/studio-running.png: the studio on the default project, the `baseline` stage
(bits per character of SmolLM2 on held-out Russian) half-way, its curve growing in the monitor.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/make_studio_running.py

Works in a temporary RUADAPT_HOME; the studio runs `import` and `corpus` first (about 20 s).
"""

from __future__ import annotations

import os
import shutil
import sys

from shot import HERE, open_studio, save_shot, studio_home, wait

OUT = HERE / "studio-running.png"
POINTS = int(os.environ.get("SCREENSHOT_POINTS", "9"))  # bpc_ru points on the curve when the shot is taken


def main() -> int:
    home = studio_home()
    from core.project.default import init_demo

    project = init_demo(home / "projects" / "default")

    app, window = open_studio(home)
    from core.jobs.registry import Registry

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
    save_shot(app, window, OUT)

    run_id = window.monitor.run_id
    window.stages.cancel_button.click()
    wait(lambda: window.monitor.trace.state in ("cancelled", "done", "failed"), 60)
    window.close()
    wait(lambda: Registry().get(run_id).state.is_terminal, 60)  # its supervisor is done with the folder
    shutil.rmtree(home)  # the imported model alone is half a gigabyte
    return 0


if __name__ == "__main__":
    sys.exit(main())
