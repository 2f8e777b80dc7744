"""Hostile text on screen (issue 6, "Bad input"): typed into every field through the
services, then every page of the real main window is shown and every table model cell
(DisplayRole, ToolTipRole) and every label is read back.

Pass criteria: no exception anywhere; the text shows in the tables as typed (item views
draw DisplayRole as plain text); and wherever Qt would render a string as rich text (a
tooltip or label that `Qt.mightBeRichText` takes for HTML, or a label set to rich text),
what a person sees still holds the literal markup: ``<b>bold</b>`` shows as those
characters, never as a bold "bold".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import TeamTag
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import PAGES, MainWindow


@dataclass(frozen=True)
class Case:
    text: str  # what the user types
    core: str  # a part that survives if the text were taken for markup
    literal: str  # what must show wherever `core` shows


CASES = {
    "markup": Case("<b>bold</b> & <i>it</i>", "bold", "<b>bold</b>"),
    "entities": Case("&lt;escaped&gt; &amp; more", "escaped", "&lt;escaped&gt;"),
    "script": Case("<img src=x onerror=alert(1)> Ada", "Ada", "<img src=x onerror=alert(1)>"),
    "template": Case("{{7*7}} {% if x %}y{% endif %}", "7*7", "{{7*7}}"),
    "formula": Case("=cmd|' /C calc'!A0", "cmd", "=cmd|' /C calc'!A0"),
    "plus-at": Case("+SUM(1,2) @x", "SUM", "+SUM(1,2) @x"),
    "arabic": Case("مرحبا بالعالم", "مرحبا", "مرحبا بالعالم"),
    "hebrew": Case("שלום עולם", "שלום", "שלום עולם"),
    "zwj-emoji": Case("Ada 👩‍👩‍👧‍👦 🏳️‍🌈", "👩‍👩‍👧‍👦", "Ada 👩‍👩‍👧‍👦 🏳️‍🌈"),
}

LONG_NOTES = ("A long note <b>with tags</b> & {{7*7}}. " * 300)[:10_000]
# NUL and lone surrogates are refused by the services with a message (tests/services).
CONTROL_NOTES = "tab\there\x07bell\x0bsoft\x0cpage\r\nCRLF\x1b[31m escape \x7f del"


def populate(services: Services, text: str) -> int:
    """Members, a meeting, its agenda, notes, an idea, a decision and actions: `text`
    everywhere a user types. Returns the meeting's id."""
    teams = {t.name: t.id for t in services.people.list_teams()}
    sales = services.people.add_member(name=f"{text} S", team_id=teams["Sales"], role=text)
    marketing = services.people.add_member(name=f"{text} M", team_id=teams["Marketing"], role=text)
    meeting = services.meetings.create_meeting(
        title=text,
        starts_at=datetime(2030, 3, 5, 9, 0),
        place=text,
        topic=text,
        end_goal=text,
        invitee_ids=[sales.id, marketing.id],
        facilitator_id=sales.id,
    )
    agenda = services.agenda
    item = agenda.add_item(meeting_id=meeting.id, title=text, owner_id=marketing.id)
    agenda.update_item(item_id=item.id, notes=f"{text}\n\n{LONG_NOTES}\n{CONTROL_NOTES}")
    agenda.add_idea(item_id=item.id, text=text, author_id=sales.id)
    agenda.add_decision(item_id=item.id, text=text)
    for owner in (sales, marketing):
        services.actions.add_action(
            meeting_id=meeting.id,
            owner_id=owner.id,
            title=text,
            due=date(2030, 4, 1),
            team_tag=TeamTag.JOINT,
            milestone=text,
            today=date(2030, 3, 5),
        )
    return meeting.id


def shown(text: str, rich: bool) -> str:
    """What a person reads: `text` itself, or its rendering when Qt takes it for HTML."""
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def tooltip_seen(tip: str) -> str:
    return shown(tip, QtGui.Qt.mightBeRichText(tip))


def label_seen(label: QLabel) -> str:
    fmt = label.textFormat()
    text = label.text()
    rich = fmt == Qt.TextFormat.RichText or (
        fmt == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    return shown(text, rich)


def cells(model: QAbstractItemModel, parent: QModelIndex | None = None, depth: int = 0):
    parent = parent or QModelIndex()
    try:
        columns = model.columnCount(parent)
        tree = True
    except TypeError:  # a list model (columnCount is private there): one column
        columns, tree = 1, False
    for row in range(min(model.rowCount(parent), 300)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index
            if tree and depth < 2 and column == 0 and _has_children(model, index):
                yield from cells(model, index, depth + 1)


def _has_children(model: QAbstractItemModel, index: QModelIndex) -> bool:
    try:
        return model.hasChildren(index)
    except TypeError:  # private in table and list models: they have none
        return False


@pytest.mark.parametrize("name", CASES)
def test_hostile_text_shows_literally_on_every_page(
    name: str, qtbot: QtBot, services: Services, controller: Controller
) -> None:
    case = CASES[name]
    meeting_id = populate(services, case.text)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    controller.select_meeting(meeting_id)

    seen_display: list[str] = []
    problems: list[str] = []
    models_showing = set()
    labels_showing = 0
    for key, _label in PAGES:
        window.show_page(key)
        QApplication.processEvents()
        for model in window.findChildren(QAbstractItemModel):
            for index in cells(model):
                display = index.data(Qt.ItemDataRole.DisplayRole)
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(display, str):
                    seen_display.append(display)
                    if case.literal in display:
                        models_showing.add(type(model).__name__)
                if (
                    isinstance(tip, str)
                    and case.core in tooltip_seen(tip)
                    and case.literal not in tooltip_seen(tip)
                ):
                    problems.append(f"{type(model).__name__} tooltip {tip[:120]!r}")
        for label in window.findChildren(QLabel):
            if not label.isVisible():
                continue
            seen = label_seen(label)
            if case.literal in seen:
                labels_showing += 1
            if case.core in seen and case.literal not in seen:
                problems.append(f"label {label.objectName() or label.text()[:60]!r}")
            if case.core in label.text() and case.literal not in seen:
                problems.append(f"label renders markup: {label.text()[:80]!r}")

    assert problems == []
    # Typed text reaches the tables as typed: members, agenda, actions, follow-ups, ...
    assert any(case.literal in d for d in seen_display)
    assert len(models_showing) >= 3, models_showing
    assert labels_showing >= 1  # the topic in large type, the meeting's title, ...
    if name == "template":
        assert not any(d.strip() == "49" for d in seen_display)
