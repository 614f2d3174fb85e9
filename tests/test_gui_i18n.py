"""The Russian translation: complete, compiled from the current .ts, and applied live; the English one holds
only the plural forms ("%n vote(s)" → "1 vote", "3 votes").

To update after changing UI strings:
    .venv/bin/pyside6-lupdate $(find ruadapt_gui -name '*.py' | sort) -ts resources/translations/ruadapt_ru.ts \
        -target-language ru_RU -no-obsolete -locations none
    (translate the new entries in pyside6-linguist, or by hand in the .ts)
    .venv/bin/pyside6-lrelease resources/translations/ruadapt_ru.ts -qm resources/translations/ruadapt_ru.qm
and, when a string with %n is new or changed:
    .venv/bin/pyside6-lupdate $(find ruadapt_gui -name '*.py' | sort) -ts resources/translations/ruadapt_en.ts \
        -target-language en_US -pluralonly -no-obsolete -locations none
    (fill its two forms, singular and plural, by hand)
    .venv/bin/pyside6-lrelease resources/translations/ruadapt_en.ts -qm resources/translations/ruadapt_en.qm
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from core.project.schema import SECTION_LABELS
from core.stages import STAGES
from ruadapt_gui import texts
from ruadapt_gui.i18n import Translations, resolve_language
from ruadapt_gui.resources import translations_dir

pytest_plugins = ["conftest_gui"]  # the studio's fixtures (tests/conftest_gui.py)

ROOT = Path(__file__).resolve().parents[1]
TS = translations_dir() / "ruadapt_ru.ts"
QM = translations_dir() / "ruadapt_ru.qm"
EN_TS = translations_dir() / "ruadapt_en.ts"
EN_QM = translations_dir() / "ruadapt_en.qm"
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed beside this Python")
    return str(path)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name"), msg.findtext("source")): msg.find("translation")
            for ctx in root.iter("context") for msg in ctx.iter("message")}


def untranslated(ts: Path, tmp_path: Path, *options: str) -> list[tuple[str, str]]:
    """lupdate over the sources into a copy of `ts`: what comes out new or unfinished."""
    copy = tmp_path / ts.name
    shutil.copy(ts, copy)
    sources = sorted(str(p) for p in (ROOT / "ruadapt_gui").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-ts", str(copy), *options, "-no-obsolete",
                    "-locations", "none"], check=True, capture_output=True)
    return [key for key, tr in messages(copy).items()
            if tr.get("type") in ("unfinished", "vanished", "obsolete")
            or not (tr.text or "").strip() and not [f for f in tr if (f.text or "").strip()]]


def test_every_ui_string_has_a_russian_translation(tmp_path):
    missing = untranslated(TS, tmp_path)
    assert not missing, f"translate these in {TS.name} (see this module's docstring): {missing}"


def test_every_plural_string_has_its_english_forms(tmp_path):
    missing = untranslated(EN_TS, tmp_path, "-pluralonly")
    assert not missing, f"fill their forms in {EN_TS.name} (see this module's docstring): {missing}"


@pytest.mark.parametrize("ts, qm", [(TS, QM), (EN_TS, EN_QM)], ids=["ru", "en"])
def test_the_compiled_qm_matches_the_ts(tmp_path, ts, qm):
    fresh = tmp_path / qm.name
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == qm.read_bytes(), "run pyside6-lrelease (see this module's docstring)"


def test_the_qm_loads_and_translates(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    assert translator.translate("StageList", "Run") == "Запустить"
    assert translator.translate("SettingsForm", "%n problem(s) to fix before saving", "", 5) == \
        "Перед сохранением нужно исправить %n проблем"


def test_core_words_are_in_the_translation_table():
    """A new stage or section in core needs its label here (texts.py) and in the .ts."""
    known = set(texts.STAGE_TEXT)
    missing = [t for s in STAGES for t in (s.label, s.help) if t not in known]
    missing += [label for label in SECTION_LABELS.values() if label not in texts.SECTION_TEXT]
    assert not missing, f"add to ruadapt_gui/texts.py and translate: {missing}"


def test_language_follows_the_system_unless_chosen():
    assert resolve_language("system", QLocale("ru_RU")) == "ru"
    assert resolve_language("system", QLocale("de_DE")) == "en"
    assert resolve_language("en", QLocale("ru_RU")) == "en"
    assert resolve_language("ru", QLocale("en_US")) == "ru"


def test_switching_language_retranslates_the_open_window(qtbot, studio):
    window = studio()
    try:
        window.set_language("ru")  # Qt posts LanguageChange to every window: let it arrive
        qtbot.waitUntil(lambda: window.stages.run_button.text() == "Запустить", timeout=5_000)
        assert window.tabs.tabText(2) == "Настройки проекта"
        assert window.menu.file_menu.title() == "&Файл"
        assert window.stages.tree.topLevelItem(0).text(0) == "1. Импорт исходной модели"
        assert window.settings.language() == "ru"
    finally:
        window.set_language("en")
    qtbot.waitUntil(lambda: window.stages.run_button.text() == "Run", timeout=5_000)
    assert QCoreApplication.translate("StageList", "Run") == "Run"


def test_translations_object_removes_what_it_installed(qapp):
    translations = Translations()
    translations.apply("ru")
    assert QCoreApplication.translate("MainWindow", "Runs") == "Запуски"
    translations.apply("en")
    assert QCoreApplication.translate("MainWindow", "Runs") == "Runs"
    assert QCoreApplication.translate("ResultsPanel", "%n vote(s) in all", "", 1) == "1 vote in all"
    translations.clear()
    assert QCoreApplication.translate("ResultsPanel", "%n vote(s) in all", "", 1) == "1 vote(s) in all"
