"""Languages: every user-visible string of the UI goes through Qt's tr() (or
QCoreApplication.translate in plain functions; column headers and the core's labels are
marked with QT_TRANSLATE_NOOP), so Qt Linguist catalogues translate the app.

Catalogues live in ui/translations/de/*.ts (sources) and are compiled into
ui/translations/alignmeet_de.qm by `make translations` (pyside6-lrelease). The .qm is
committed, so it is in every wheel and `pip install .` shows German;
tests/ui/test_translations_package.py checks it matches the .ts sources. The language
follows the system unless set in Settings (QSettings "ui/language": "system", "en" or
"de"); a change applies at the next start. A language chosen whose catalogue cannot be
loaded is said (stderr, the status bar; the smoke test fails), never silently ignored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANGUAGES = {"en": "English", "de": "Deutsch"}
SETTING = "ui/language"


def chosen_language() -> str:
    """The language to use: the setting, or the system's when it is one we have."""
    value = str(QSettings().value(SETTING, "system"))
    if value in LANGUAGES:
        return value
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def catalogue_missing(wanted: str, shown: str) -> str:
    """What to tell the user when the chosen language could not be loaded ("" when it
    was): the catalogue is not where this installation keeps it."""
    if wanted == shown:
        return ""
    return QCoreApplication.translate(
        "App", "{language} was chosen, but its catalogue {file} is missing: showing English."
    ).format(
        language=LANGUAGES.get(wanted, wanted),
        file=str(TRANSLATIONS / f"alignmeet_{wanted}.qm"),
    )


def install_translator(app: QCoreApplication, language: str | None = None) -> str:
    """Load the catalogue of `language` (default: chosen_language()) into `app`;
    returns the language in use ("en" when there is nothing to load)."""
    language = language or chosen_language()
    for old in app.findChildren(QTranslator):
        app.removeTranslator(old)
        old.setParent(None)  # gone from findChildren now, not at the next event-loop turn
        old.deleteLater()
    if language == "en":
        return "en"
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS / f"alignmeet_{language}.qm")):
        return "en"
    app.installTranslator(ours)
    qt = QTranslator(app)  # Qt's own dialogs and buttons (OK, Cancel, …)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return language
