"""Interface language: Russian or English, from the system locale unless chosen in Settings.

Switching installs new translators; Qt then sends every widget a LanguageChange event and each
of the studio's widgets re-sets its texts in `retranslate()`, so the change applies live.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from ruadapt_gui.resources import translations_dir

SUPPORTED = ("en", "ru")  # English is the source language; its translation holds only the plural forms


def resolve_language(choice: str, system_locale: QLocale | None = None) -> str:
    """"system" becomes the system locale's language when the studio has it, else English."""
    if choice in SUPPORTED:
        return choice
    name = (system_locale or QLocale.system()).name()[:2]
    return name if name in SUPPORTED else "en"


class Translations:
    """The installed translators (the studio's own and Qt's, for standard dialogs and buttons)."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def apply(self, language: str) -> None:
        self.clear()
        self.language = language
        studio = QTranslator()
        # English too: a source text such as "%n vote(s) in all" becomes "1 vote in all" / "3 votes in all".
        qm = translations_dir() / f"ruadapt_{language}.qm"
        if not studio.load(str(qm)):
            raise FileNotFoundError(f"missing or unreadable translation: {qm}")
        qt = QTranslator()
        # Qt's own strings (file dialogs, "Cancel" buttons) are English already; a Qt build without its
        # translation for `language` stays English.
        if language != "en" and qt.load(f"qtbase_{language}",
                                        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._installed.append(qt)
        self._installed.append(studio)
        # Numbers follow the language too: 122 880 in Russian (set before the translators: widgets
        # re-set their texts on the LanguageChange those send).
        QLocale.setDefault(QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English,
                                   QLocale.Country.Russia if language == "ru" else QLocale.Country.UnitedStates))
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.installTranslator(translator)

    def clear(self) -> None:
        """Remove the installed translators: every text shows its source (English, plurals as "(s)")."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


class Retranslating:
    """Mixin, listed before the Qt base class, for a widget that sets its texts in `retranslate()`:
    runs it again on every LanguageChange, so a language switch applies live."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
