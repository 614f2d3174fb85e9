"""A saved comparison: the conversation each model had, the settings, and the readouts, as JSON and as
Markdown (no Qt: the page hands over plain data)."""

from __future__ import annotations

import json
import time
from pathlib import Path

FORMAT = "ruadapt-chat-comparison"


def comparison(system: str, shared: dict, n_ctx: int, sides: list[dict]) -> dict:
    """`sides`: per model {"name", "path", "model", "params" (own settings or None), "turns": [Turn.as_dict()]}."""
    return {"format": FORMAT, "version": 1, "saved": time.strftime("%Y-%m-%d %H:%M:%S"), "system_prompt": system,
            "settings": {**shared, "n_ctx": n_ctx}, "sides": sides}


def to_markdown(data: dict) -> str:
    sides = data["sides"]
    lines = [f"# Side-by-side comparison ({data['saved']})", ""]
    lines += [f"- **{s['name']}**: `{s['path']}`" + (f" (own settings: {_params(s['params'])})" if s["params"] else "")
              for s in sides]
    lines += [f"- Shared settings: {_params(data['settings'])}", ""]
    if data["system_prompt"].strip():
        lines += ["System prompt:", "", _quote(data["system_prompt"]), ""]
    for number in range(max((len(s["turns"]) for s in sides), default=0)):
        prompts = {s["turns"][number]["user"] for s in sides if number < len(s["turns"])}
        lines += [f"## Turn {number + 1}", "", _quote(" / ".join(sorted(prompts))), ""]
        for side in sides:
            if number >= len(side["turns"]):
                continue
            turn = side["turns"][number]
            lines += [f"### {side['name']}", "", turn["answer"] or "(no answer)", ""]
            if turn["state"] != "done":
                lines += [f"*{turn['state']}*{': ' + turn['error'] if turn['error'] else ''}", ""]
            elif (turn["stats"] or {}).get("finish") == "length":
                lines += [f"*(cut at {turn['stats']['completion_tokens']} tokens)*", ""]
        lines += _readout_table(sides, number)
    return "\n".join(lines) + "\n"


def save(data: dict, stem: Path) -> list[Path]:
    """Write STEM.json and STEM.md; returns both paths."""
    stem = Path(stem)
    if stem.suffix.lower() in (".json", ".md"):
        stem = stem.with_suffix("")
    json_path, md_path = stem.with_name(stem.name + ".json"), stem.with_name(stem.name + ".md")
    json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    md_path.write_text(to_markdown(data), encoding="utf-8")
    return [json_path, md_path]


def _readout_table(sides: list[dict], number: int) -> list[str]:
    header = "| Model | Prompt tokens | Answer tokens | Chars/token | First token (s) | Tokens/s | Chars/s | Words/s |"
    lines = [header, "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for side in sides:
        if number < len(side["turns"]):
            r = side["turns"][number]["readout"]
            ttft = "—" if r["ttft_s"] is None else f"{r['ttft_s']:.2f}"
            lines.append(f"| {side['name']} | {r['prompt_tokens']} | {r['answer_tokens']} | "
                         f"{r['chars_per_token']:.2f} | {ttft} | {r['tokens_per_s']:.1f} | {r['chars_per_s']:.1f} | "
                         f"{r['words_per_s']:.1f} |")
    return lines + [""]


def _params(params: dict) -> str:
    return ", ".join(f"{k} {v}" for k, v in params.items())


def _quote(text: str) -> str:
    return "\n".join(f"> {line}" for line in text.splitlines() or [""])
