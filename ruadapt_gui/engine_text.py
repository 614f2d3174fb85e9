"""The engine's messages in the interface language.

`core` stays Qt-free and speaks English: a UserError renders as "where: what" and "How to fix: fix", a
run's outcome as "failed: …", a stage logs and reports progress in plain lines. The studio keeps the
catalog (`engine_messages.MESSAGES`): every such message as an English template with {named} slots,
marked for lupdate in the "Engine" context, so the Russian .ts translates the template and keeps the
slots. `engine_text` matches each line of a message against the templates and fills the translation
with the slot values (themselves translated when they are engine text too: a nested error).
"Where" parts that name a setting ("[corpus] russian", "stage1.steps") become the studio's own
words: "Project settings → Corpus → Russian text"."""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QCoreApplication, QLocale

from core.project.io import section_fields, sections
from core.project.schema import SECTION_LABELS
from ruadapt_gui.engine_messages import MESSAGES
from ruadapt_gui.schema_texts import field_label
from ruadapt_gui.texts import section_text

_SLOT = re.compile(r"\{(\w+)\}")
_FIX = "How to fix: "
_FIELDS = {name: {f.name for f, _ in section_fields(typ)} for name, typ in sections()}
_MAX_DEPTH = 3
_NUMBER = re.compile(r"-?\d{1,3}(,\d{3})*(\.\d+)?[%×]?|-?\d+(\.\d+)?[%×]?")
_SETTING_SLOTS = ("where", "setting")  # slots that hold a setting's name or a file: shown by where_text


@functools.lru_cache(maxsize=None)
def _patterns() -> list[tuple[re.Pattern, str, tuple[str, ...]]]:
    """Each template as an anchored regex, longest (most specific) first."""
    out = []
    for template in sorted(MESSAGES, key=len, reverse=True):
        names = tuple(_SLOT.findall(template))
        parts = _SLOT.split(template)
        # A slot never spans "; ": that joins the parts of a summary, each matched on its own.
        regex = "".join(re.escape(p) if i % 2 == 0 else "((?:(?!; ).)+?)" for i, p in enumerate(parts))
        out.append((re.compile(regex + r"\Z", re.DOTALL), template, names))
    return out


def engine_text(message: str) -> str:
    """`message` (from core) in the interface language; unchanged where no translation is known."""
    if not message:
        return message
    return "\n".join(_line(line) for line in message.split("\n"))


def _line(line: str) -> str:
    stripped = line.lstrip(" ")
    indent = line[:len(line) - len(stripped)]
    if stripped.startswith("- "):
        return indent + "- " + _fragment(stripped[2:])
    if stripped.startswith(_FIX):
        return indent + _translate("How to fix: {fix}").replace("{fix}", _fragment(stripped[len(_FIX):]))
    return indent + _fragment(stripped)


def _translate(template: str) -> str:
    return QCoreApplication.translate("Engine", template)


def _fragment(text: str, depth: int = 0) -> str:
    """A template match for the whole text, else "where: what" with both translated, else `text`."""
    if depth > _MAX_DEPTH or not text:
        return text
    whole = _template(text, depth)
    if whole is not None:
        return whole
    start = 0
    while (cut := text.find(": ", start)) > 0:
        what = _template(text[cut + 2:], depth)
        if what is not None:
            return f"{where_text(text[:cut])}: {what}"
        start = cut + 2
    if "; " in text:  # a summary of parts ("120 steps; copy task …; held-out bits per character …")
        parts = [_fragment(part, depth + 1) for part in text.split("; ")]
        return "; ".join(parts)
    return text


def _template(text: str, depth: int) -> str | None:
    for regex, template, names in _patterns():
        found = regex.match(text)
        if found is None:
            continue
        translated = _translate(template)
        for name, value in zip(names, found.groups()):
            translated = translated.replace("{" + name + "}", _slot(name, value, depth), 1)
        return translated
    return None


def _slot(name: str, value: str, depth: int) -> str:
    if name in _SETTING_SLOTS:
        return where_text(value)
    if name == "help":  # a setting's help text from the schema
        return QCoreApplication.translate("Schema", value)
    if _NUMBER.fullmatch(value):
        return _number(value)
    return _fragment(value, depth + 1)


def _number(value: str) -> str:
    """A number core wrote the English way ("122,880", "2.80", "12%") in the interface's locale."""
    locale = QLocale()
    if locale.language() in (QLocale.Language.English, QLocale.Language.C):
        return value  # core already wrote it the English way
    digits, percent = value.rstrip("%×"), value[len(value.rstrip("%×")):]
    number = float(digits.replace(",", ""))
    decimals = len(digits.partition(".")[2])
    return locale.toString(number, "f", decimals) + percent


def where_text(where: str) -> str:
    """"[corpus] russian" or "[corpus]" or "corpus.russian[0]" → the studio's name of that setting;
    anything else (a file path) unchanged."""
    section, field = "", ""
    if found := re.fullmatch(r"\[(\w+)\](?: (\w+))?", where):
        section, field = found.group(1), found.group(2) or ""
    elif found := re.fullmatch(r"(\w+)\.(\w+)(\[\d+\])?", where):
        section, field = found.group(1), found.group(2)
    if section not in SECTION_LABELS or (field and field not in _FIELDS[section]):
        return where
    parts = [QCoreApplication.translate("MainWindow", "Project settings"), section_text(SECTION_LABELS[section])]
    if field:
        parts.append(field_label(section, field))
    return " → ".join(parts)
