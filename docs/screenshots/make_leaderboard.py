"""Take docs/screenshots/leaderboard.png: the owner's results panel on a session whose votes are
SIMULATED (three annotators voting from known model strengths, as in tests/test_arena_ratings.py), so the
picture shows the leaderboard, pair table and agreement as they look with real votes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/make_leaderboard.py
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
OUT = Path(__file__).resolve().parent / "leaderboard.png"
STRENGTH = {"original": 1000.0, "adapted": 1080.0, "adapted+calibration": 1140.0}


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from core.arena.results import session_results
    from core.arena.session import Session
    from ruadapt_gui.annotate.results_panel import ResultsPanel
    from ruadapt_gui.i18n import Translations

    app = QApplication.instance() or QApplication(sys.argv)
    translations = Translations()
    translations.apply("en")  # the English plural forms ("360 votes in all"), as the studio installs them
    with tempfile.TemporaryDirectory() as tmp:
        prompts = [f"Вопрос {i}" for i in range(1, 41)]
        session = Session.create(Path(tmp) / "s.sqlite", prompts, {m: f"{m}.gguf" for m in STRENGTH}, {}, seed=3)
        rng = random.Random(0)
        ids = {name: mid for mid, (name, _) in session.models().items()}
        for pid, _ in session.prompts():
            for name, mid in ids.items():  # answer lengths differ per model, like real answers
                session.add_answer(pid, mid, "слово " * rng.randint(20, 60 if name == "original" else 45), 0, 0.0)
        names = {mid: name for name, mid in ids.items()}
        for annotator in ("anna", "boris", "vera"):
            done, total = session.count(annotator)
            for number in range(1, total + 1):
                item = session.item(annotator, number)
                a, b = session._sides(item.item_id, annotator)
                p_a = 1 / (1 + 10 ** ((STRENGTH[names[b]] - STRENGTH[names[a]]) / 400))
                r = rng.random()
                vote = "tie" if r < 0.12 else "both_bad" if r < 0.16 else ("a" if rng.random() < p_a else "b")
                session.vote(annotator, number, vote)
        results = session_results(session, rounds=200)
        session.close()
    panel = ResultsPanel()
    panel.resize(1100, 760)
    panel.show_results(results)
    panel.show()
    for _ in range(20):
        app.processEvents()
    panel.grab().save(str(OUT))
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
