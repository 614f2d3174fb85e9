"""Take docs/screenshots/tokenizer-page.png: the Tokenizer tab of the studio on the default project
(SmolLM2 and a Russian vocabulary trained on dataset-build's text), a Russian sentence in the live box.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/make_tokenizer_page.py

Works in a temporary RUADAPT_HOME; the studio runs `import`, `corpus` and `tokenizer` first through
its whole-demo chain (about a minute).
"""

from __future__ import annotations

import shutil
import sys

from shot import HERE, open_studio, save_shot, studio_home, wait

OUT = HERE / "tokenizer-page.png"
SENTENCE = "Сколько стоит перевести этот абзац на русский язык? Новый токенизатор режет слова реже."


def main() -> int:
    home = studio_home()
    from core.project.default import init_demo

    project_path = init_demo(home / "projects" / "default")

    app, window = open_studio(home)
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
    save_shot(app, window, OUT)
    window.close()
    shutil.rmtree(home)  # the imported model alone is half a gigabyte
    return 0


if __name__ == "__main__":
    sys.exit(main())
