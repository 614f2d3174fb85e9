"""Russian throughout: the project schema's labels and help texts and the engine's user-facing messages
(errors, logs, progress lines, summaries, run outcomes) have a translation path, and the Russian
catalog translates every one of them (issue 18, major 4)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from core.errors import ModelError
from core.project.io import section_fields, sections
from ruadapt_gui.engine_messages import MESSAGES
from ruadapt_gui.engine_text import engine_text
from ruadapt_gui.schema_texts import SCHEMA_TEXT, field_help, field_label

pytest_plugins = ["conftest_gui"]
CORE = Path(__file__).resolve().parents[1] / "core"
NOT_SHOWN = ("cli", "bench", "slurm")  # the CLI's own text: never shown in the studio
ERRORS_SHOWN = ("UserError", "ProjectError", "ModelError", "CorpusError", "JobError", "SessionError")


def _template(node: ast.AST) -> str | None:
    """An English message as written in core: a string, an f-string (slots as {name}) or a sum of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{x}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _template(node.left), _template(node.right)
        return left + right if left is not None and right is not None else None
    return None


def core_messages() -> list[tuple[str, str]]:
    """(where, English template) of every message core hands the user: UserError texts and fixes (both
    branches of a conditional one), logs, progress lines, result summaries and leaderboard warnings."""
    found = []
    for path in sorted(CORE.rglob("*.py")):
        if path.relative_to(CORE).parts[0].startswith(NOT_SHOWN):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            texts: list[ast.AST] = []
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None) or ""
                if name in ERRORS_SHOWN:
                    texts = node.args[:1] + [k.value for k in node.keywords if k.arg == "fix"]
                elif name == "log":
                    texts = node.args[:1]
                elif name == "progress":
                    texts = node.args[3:4]
                elif name == "RatingWarning":  # the leaderboard's warnings (core/arena/diagnostics.py)
                    texts = node.args[2:3]
            texts = [branch for t in texts for branch in ((t.body, t.orelse) if isinstance(t, ast.IfExp) else (t,))]
            for text in filter(None, map(_template, texts)):
                if re.search(r"[a-z]{2}", re.sub(r"\{\w+\}", "", text)):
                    found.append((f"{path.relative_to(CORE)}:{node.lineno}", text))
    return found


def test_every_engine_message_the_studio_shows_is_in_the_catalog_and_translated(russian):
    messages = core_messages()
    assert len(messages) > 150  # the walk found core's messages
    missing, untranslated = [], []
    for where, template in messages:
        sample = template.replace("{x}", "7")
        shown = engine_text(sample)
        if shown == sample:
            (untranslated if any(_matches(t, sample) for t in MESSAGES) else missing).append((where, template))
    assert not missing, f"add these to ruadapt_gui/engine_messages.py (and translate them): {missing}"
    assert not untranslated, f"translate these in resources/translations/ruadapt_ru.ts: {untranslated}"


def _matches(template: str, text: str) -> bool:
    parts = re.split(r"\{\w+\}", template)
    return re.fullmatch(".+?".join(map(re.escape, parts)), text, re.DOTALL) is not None


def test_a_real_error_reads_in_russian_with_the_setting_named_as_the_studio_names_it(russian):
    error = ModelError("this is not a GGUF file (it does not start with 'GGUF')", where="/data/model.bin",
                       fix="choose a .gguf model file, or a Hugging Face model folder")
    text = engine_text(str(error))
    assert text == ("/data/model.bin: это не файл GGUF (он не начинается с 'GGUF')\n"
                    "Как исправить: выберите файл модели .gguf или папку модели Hugging Face")
    problem = engine_text("stage1.steps = -3: must be between 1 and 10000000")
    assert problem == ("Настройки проекта → Этап 1: эмбеддинги → Шаги = -3: должно быть от 1 до "
                       f"{QLocale().toString(10_000_000)}")
    assert engine_text("failed: [corpus] russian: no such file or folder") == (
        "сбой: Настройки проекта → Корпус → Русский текст: нет такого файла или папки")
    # A summary of parts, numbers in the Russian way.
    assert engine_text("12,000 train / 2,000 held-out Russian characters, 1,500 English") == (
        f"русских символов: {QLocale().toString(12000)} для обучения / {QLocale().toString(2000)} отложено, "
        f"английских: {QLocale().toString(1500)}")


def test_every_schema_label_and_help_is_listed_and_translated(russian):
    for name, section in sections():
        for fld, _ in section_fields(section):
            for english, shown in ((fld.metadata["label"], field_label(name, fld.name)),
                                   (fld.metadata["help"], field_help(name, fld.name))):
                assert english in SCHEMA_TEXT, f"{name}.{fld.name}: add {english!r} to ruadapt_gui/schema_texts.py"
                assert shown != english or not re.search("[a-z]{3}", english), f"untranslated: {english!r}"
    assert QCoreApplication.translate("Schema", "Learning rate") == "Скорость обучения"


def test_the_settings_form_speaks_russian_after_a_switch(qtbot, studio, small_project):
    window = studio()
    window.open_project(small_project)
    qtbot.waitUntil(lambda: bool(window.settings_form.labels), timeout=10_000)
    label, help_text = window.settings_form.labels[("stage1", "learning_rate")]
    assert label.text() == "Learning rate"
    window.set_language("ru")  # text shown before the switch follows it
    qtbot.waitUntil(lambda: label.text() == "Скорость обучения", timeout=5_000)
    assert help_text.text() == "Пиковая скорость обучения."
    assert window.settings_form.labels[("models", "source")][0].text() == "Исходная модель *"
    assert QLocale().toString(122880) == "122\xa0880"  # numbers grouped the Russian way


def test_the_workers_error_line_in_a_failed_runs_log_names_the_setting_as_the_studio_does(russian):
    """The log pane ends with log.txt's tail, whose last line is the worker's "error: …" (issue 18)."""
    assert engine_text("error: [corpus] russian: no such file or folder") == (
        "ошибка: Настройки проекта → Корпус → Русский текст: нет такого файла или папки")
