"""Each workspace (Project, Chat, Annotate) at 1366 × 768 on the default demo project, in the language
SCREENSHOT_LANGUAGE names: docs/screenshots/workspace-{project,settings,chat,annotate}-{en,ru}.png.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_workspaces.py
    SCREENSHOT_LANGUAGE=ru xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_workspaces.py
    SCREENSHOT_THEME=dark xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_workspaces.py

(the last: the project workspace on a dark system palette, workspace-project-dark-en.png).

The window opens as the studio opens it on that screen (never larger than the screen), with a
third chat model added, so the shots show what a 1366 × 768 laptop shows."""

from __future__ import annotations

import os

from shot import HERE, open_studio, studio_home, wait


def save_screen(app, path) -> None:
    """The whole screen, not only the window: what falls off it would be missing here."""
    import time

    settle = time.monotonic() + 0.8
    wait(lambda: time.monotonic() > settle, 5)
    app.primaryScreen().grabWindow(0).save(str(path))
    print(f"wrote {path}")


def main() -> None:
    home = studio_home()
    language = os.environ.get("SCREENSHOT_LANGUAGE", "en")
    from core.project.default import default_project_path
    from ruadapt_gui.window_fit import available_area

    app, window = open_studio(home)
    window.setGeometry(available_area(window))  # maximized, as a laptop user would (Xvfb has no window manager)
    window.open_project(default_project_path())
    wait(lambda: window.loaded is not None and bool(window.stages.estimate.text()), 120)
    window.stages.select_stage("stage2")  # an off stage: its link to the setting
    if os.environ.get("SCREENSHOT_THEME") == "dark":
        save_screen(app, HERE / f"workspace-project-dark-{language}.png")
        window.shutdown()
        return
    save_screen(app, HERE / f"workspace-project-{language}.png")
    window.show_setting("stage1")  # the schema's labels and help in the interface language
    save_screen(app, HERE / f"workspace-settings-{language}.png")
    window.tabs.setCurrentWidget(window.monitor)
    window.workspaces.show_workspace(1)
    window.workspaces.chat.add_side()
    save_screen(app, HERE / f"workspace-chat-{language}.png")
    window.workspaces.show_workspace(2)
    save_screen(app, HERE / f"workspace-annotate-{language}.png")
    window.shutdown()


if __name__ == "__main__":
    main()
