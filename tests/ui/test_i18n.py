"""The translated UI (issue 5): the German catalogue loads, the main window, its pages and
the core's labels speak German, English comes back, Settings stores the language, and the
catalogue is complete (every marked string of every part of the UI is translated)."""

from __future__ import annotations

import enum
import importlib
import pkgutil
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

import alignmeet.domain
from alignmeet.domain.enums import ActionStatus, ItemKind, MeetingStatus, Phase, TeamTag
from ui import core_labels, i18n
from ui.controller import Controller
from ui.core_labels import label
from ui.main_window import MainWindow
from ui.models.meetings_model import COL_DATE, COL_TITLE
from ui.views.import_members_dialog import ImportMembersDialog
from ui.views.settings_dialog import SettingsDialog

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "ui" / "translations"
QM = TRANSLATIONS / "alignmeet_de.qm"


def _lrelease() -> str:
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    return str(tool) if tool.exists() else "pyside6-lrelease"


@pytest.fixture(scope="session")
def german_catalogue() -> Path:
    """The compiled catalogue, built like `make translations` when missing or older than
    its sources (the .qm is not committed)."""
    sources = sorted((TRANSLATIONS / "de").glob("*.ts"))
    assert sources, "no German catalogue sources in ui/translations/de"
    newest = max(p.stat().st_mtime for p in sources)
    if not QM.exists() or QM.stat().st_mtime < newest:
        subprocess.run(
            [_lrelease(), "-silent", *map(str, sources), "-qm", str(QM)],
            check=True,
            capture_output=True,
        )
    return QM


@pytest.fixture
def german(qapp: QApplication, german_catalogue: Path) -> Iterator[QApplication]:
    """The app in German for one test; English again afterwards for every other test."""
    assert i18n.install_translator(qapp, "de") == "de"
    yield qapp
    i18n.install_translator(qapp, "en")


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def headers(view: QAbstractItemView) -> list[str]:
    model = view.model()
    horizontal = Qt.Orientation.Horizontal
    return [str(model.headerData(c, horizontal)) for c in range(model.columnCount())]


# ---- German and back -----------------------------------------------------------------------
def test_the_main_window_speaks_german(
    qtbot: QtBot, german: QApplication, controller: Controller, meeting_id: int
) -> None:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    assert menu_titles(window)[:3] == ["&Datei", "&Bearbeiten", "&Gehe zu"]
    assert window.sidebar.item(5).text() == "Personen & Teams"
    assert window.new_meeting_action.text() == "&Neues Meeting…"
    meetings = window.meetings_view
    assert meetings.new_button.text() == "Neues Meeting…"
    # Column headers ("Columns" context): the Meetings table's go through the catalogue,
    # and the member import's (this part's) read in German.
    shown = headers(meetings.table)
    assert shown[COL_DATE] == QCoreApplication.translate("Columns", "Date")
    assert shown[COL_TITLE] == QCoreApplication.translate("Columns", "Title")
    dialog = ImportMembersDialog(controller, window)
    assert headers(dialog.table) == ["Zeile", "Name", "Team", "Rolle", "E-Mail", "Problem"]
    assert dialog.import_button.text() == "&Importieren"
    # The core's enum labels, with the one English word that has two German ones.
    assert label(ActionStatus.OPEN) == "Offen"
    assert label(Phase.OPEN) == "Eröffnung"
    assert label(Phase.ACTIONS) == "Maßnahmenpläne"
    assert label(TeamTag.SALES) == "Vertrieb"
    assert label(ItemKind.WINS_LESSONS) == "Erfolge & Lektionen"
    # The header line: no English day names, the status in German.
    controller.select_meeting(meeting_id)
    assert window.header.text() == "Sales & Marketing sync · 05.03.2030, 09:00 · Geplant"
    # Prepare: its labels and the budget line built from the core's numbers.
    prepare = window.prepare_view
    assert prepare.add_button.text() == "Punkt hinzufügen"
    assert prepare.budget_label.text().startswith("Agenda: ")


def test_english_comes_back(
    qtbot: QtBot, qapp: QApplication, german_catalogue: Path, controller: Controller
) -> None:
    assert i18n.install_translator(qapp, "de") == "de"
    try:
        german_window = MainWindow(controller)
        qtbot.addWidget(german_window)
        assert menu_titles(german_window)[0] == "&Datei"
    finally:
        assert i18n.install_translator(qapp, "en") == "en"
    window = MainWindow(controller)
    qtbot.addWidget(window)
    assert menu_titles(window)[:3] == ["&File", "&Edit", "&Go"]
    assert headers(window.meetings_view.table)[COL_TITLE] == "Title"
    assert label(ActionStatus.OPEN) == "Open" and label(Phase.OPEN) == "Open"


def test_undo_texts_read_in_german(
    qtbot: QtBot, german: QApplication, services: object, meeting_id: int
) -> None:
    from ui.controller import Controller

    controller = Controller(services)  # type: ignore[arg-type]
    window = MainWindow(controller)
    qtbot.addWidget(window)
    assert window.undo_action.text() == "&Rückgängig"
    controller.add_item(meeting_id=meeting_id, title="Budget", minutes=10)
    assert window.undo_action.text() == "&Rückgängig: Neuer Agendapunkt „Budget“"
    controller.undo_stack.undo()
    assert window.redo_action.text() == "&Wiederholen: Neuer Agendapunkt „Budget“"


def test_the_settings_dialog_stores_the_language(qtbot: QtBot) -> None:
    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    combo = dialog.language_combo
    assert combo.currentData() == "system"  # nothing chosen yet
    assert [combo.itemData(i) for i in range(combo.count())] == ["system", "en", "de"]
    assert combo.itemText(combo.findData("de")) == "Deutsch"
    assert "next time" in dialog.language_hint.text()  # applies at the next start
    combo.setCurrentIndex(combo.findData("de"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert QSettings().value(i18n.SETTING) == "de"
    assert i18n.chosen_language() == "de"

    again = SettingsDialog()
    qtbot.addWidget(again)
    assert again.language_combo.currentData() == "de"  # shown as stored
    again.language_combo.setCurrentIndex(again.language_combo.findData("system"))
    again.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert QSettings().value(i18n.SETTING) == "de"  # Cancel keeps what was stored


# ---- the catalogue ---------------------------------------------------------------------------
def _enum_classes() -> list[type[enum.Enum]]:
    """Every enum of alignmeet.domain and its modules that has a `.label`."""
    found: dict[str, type[enum.Enum]] = {}
    modules = [alignmeet.domain] + [
        importlib.import_module(f"alignmeet.domain.{m.name}")
        for m in pkgutil.iter_modules(alignmeet.domain.__path__)
    ]
    for module in modules:
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, enum.Enum)
                and value.__module__.startswith("alignmeet.")
                and isinstance(getattr(value, "label", None), property)
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return list(found.values())


def test_every_label_of_the_core_is_in_the_catalogue() -> None:
    classes = _enum_classes()
    names = {c.__name__ for c in classes}
    assert {"Phase", "ActionStatus", "ItemKind", "TeamTag", "Attendance"} <= names
    missing = [
        f"{c.__name__}.{member.name}: {member.label!r}"  # type: ignore[attr-defined]
        for c in classes
        for member in c
        if member.label not in core_labels.LABELS  # type: ignore[attr-defined]
    ]
    assert missing == []
    # Statuses without a .label are shown capitalized (the header line).
    assert all(s.value.capitalize() in core_labels.LABELS for s in MeetingStatus)


def test_the_catalogue_is_complete(tmp_path: Path) -> None:
    """Every marked string of every part is translated: the sources, merged with the code as
    it is now (ui/translations/update.py), hold no unfinished or empty translation."""
    out = tmp_path / "de"
    shutil.copytree(TRANSLATIONS / "de", out)
    subprocess.run(
        [sys.executable, str(TRANSLATIONS / "update.py"), "--out", str(out)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    problems: list[str] = []
    parts = sorted(out.glob("*.ts"))
    assert {p.stem for p in parts} >= {"core", "main", "meetings"}
    for ts in parts:
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                assert translation is not None
                forms = translation.findall("numerusform") or [translation]
                if translation.get("type") == "unfinished":
                    problems.append(f"{ts.stem}: {name}: {source!r} is unfinished")
                elif any(not (form.text or "").strip() for form in forms):
                    problems.append(f"{ts.stem}: {name}: {source!r} has no translation")
    assert problems == [], f"{len(problems)} untranslated:\n" + "\n".join(problems[:40])


def test_one_source_in_one_context_has_one_translation() -> None:
    """Qt finds a translation by its context, source text and disambiguation only: when
    two parts of the UI translate the same one differently, the compiled catalogue keeps
    one and the other screen shows the wrong word (the backups' "Why" column read "Warum",
    meant for the proposals' "Why"). Two meanings need two source texts."""
    seen: dict[tuple[str, str, str], tuple[str, str]] = {}
    clashes: list[str] = []
    for ts in sorted((TRANSLATIONS / "de").glob("*.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is None or translation.get("type") == "obsolete":
                    continue
                forms = translation.findall("numerusform") or [translation]
                text = " | ".join((form.text or "") for form in forms)
                source = message.findtext("source") or ""
                key = (name, source, message.findtext("comment") or "")
                if key in seen and seen[key][1] != text:
                    clashes.append(f"{name}: {source!r}: {seen[key]} against ({ts.stem}, {text!r})")
                seen.setdefault(key, (ts.stem, text))
    assert clashes == []


def test_every_ui_file_with_strings_is_in_a_catalogue() -> None:
    """A file whose strings no catalogue collects stays English in every language (the
    controller's status lines did)."""
    import re

    sys.path.insert(0, str(i18n.TRANSLATIONS))
    try:
        update = importlib.import_module("update")
    finally:
        sys.path.pop(0)
    collected = {p for part in update.PARTS for p in update.sources(part)}
    marker = re.compile(r"\bself\.tr\(|QCoreApplication\.translate\(|QT_TRANSLATE_NOOP\(")
    skipped = {"screenshots.py", "i18n.py"}  # developer tools and the loader itself
    missing = [
        str(path.relative_to(update.UI))
        for path in sorted(update.UI.rglob("*.py"))
        if path.name not in skipped
        and "translations" not in path.parts
        and marker.search(path.read_text(encoding="utf-8"))
        and path not in collected
    ]
    assert missing == []
