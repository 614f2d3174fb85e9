"""Take docs/screenshots/chat-adapted.png: the side-by-side chat with the default demo's two q8_0 GGUFs,
SmolLM2-135M-Instruct on the left and its Russian adaptation on the right, both answering one Russian
prompt greedily, with their token and speed readouts. The files come from a finished `ruadapt demo run`:

    ORIGINAL_GGUF=…/outputs/original-q8_0.gguf ADAPTED_GGUF=…/outputs/adapted-q8_0.gguf \\
        xvfb-run -s "-screen 0 1366x768x24" .venv/bin/python docs/screenshots/make_chat_adapted.py
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from shot import HERE, open_studio, save_shot, studio_home, wait

OUT = HERE / "chat-adapted.png"
PROMPT = "Расскажи коротко, чем полезна утренняя прогулка."


def main() -> int:
    original, adapted = (Path(os.environ[name]) for name in ("ORIGINAL_GGUF", "ADAPTED_GGUF"))
    home = studio_home()
    from ruadapt_gui.workspaces import CHAT

    app, window = open_studio(home)
    window.resize(1366, 768)  # the screen's size: the shot is the whole window as a user sees it
    window.workspaces.show_workspace(CHAT)
    chat = window.workspaces.chat
    left, right = chat.sides
    left.set_path(original)
    right.set_path(adapted)
    chat.shared.temperature.setValue(0.0)  # greedy: each model's own most likely answer
    chat.shared.max_tokens.setValue(120)
    chat.shared.seed.setValue(1)
    left.load()
    right.load()
    wait(lambda: left.is_ready and right.is_ready, 120)
    chat.send(PROMPT)
    wait(lambda: not left.is_busy and not right.is_busy, 300)
    save_shot(app, window, OUT, 0.5)
    window.close()
    shutil.rmtree(home)
    return 0


if __name__ == "__main__":
    sys.exit(main())
