"""The shared record form and record table (ui/record_form.py, ui/record_table.py), driven
the way a facilitator drives them: typing, clicking, Return, Tab."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from alignmeet.domain.rules import ValidationError
from alignmeet.services.base import NotFoundError
from ui.models.record_table_model import Column, RecordTableModel
from ui.record_form import RecordForm
from ui.record_table import record_table, selected_record, sortable_record_table


@dataclass(frozen=True)
class Rule:
    id: int
    urgency: str
    notes: str
    archived: bool = False


class Store:
    """A stand-in for a service: refuses what a service refuses, keeps what it accepts."""

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def add(self, *, urgency: str, notes: str, team: object = None) -> Rule:
        if not urgency.strip():
            raise ValidationError("urgency", "Urgency: say how urgent it is.")
        if len(notes) > 40:
            raise ValidationError("notes", "Notes: at most 40 characters.")
        if urgency.strip() == "Gone":
            raise NotFoundError("That rule no longer exists.")
        rule = Rule(len(self.rules) + 1, urgency.strip(), notes)
        self.rules.append(rule)
        return rule


class Host(QWidget):
    """What a view does with a RecordForm: fields on the grid, Add/Save wired to a store."""

    def __init__(self, *, errors_at_fields: bool = True, add_or_save: bool = False) -> None:
        super().__init__()
        self.store = Store()
        self.saved: list[dict[str, object]] = []
        self.form = RecordForm(
            new_heading="New rule",
            editing_heading=lambda rule: f"Editing “{rule.urgency}”",
            add="Add rule",
            save="Save changes",
            archive=("Archive", "Restore"),
            delete="Delete…",
            clear="Clear form",
            errors_at_fields=errors_at_fields,
            add_or_save=add_or_save,
        )
        self.extra = QPushButton("Show on screen")
        self.form.add_action(self.extra)
        self.urgency = QLineEdit()
        self.urgency.setAccessibleName("Urgency")
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.team = QComboBox()
        self.team.addItem("Joint", "joint")
        self.team.addItem("Sales", "sales")
        self.form.add_fields_in_two_columns(
            (
                ("urgency", self.urgency, "&Urgency"),
                ("team", self.team, "&Team"),
                ("notes", self.notes, "N&otes"),
            ),
            wide_last=True,
        )
        self.form.on(add=self._on_add, save=self._on_save, clear=lambda: self.form.load(None))
        self.search = QLineEdit()  # what comes before the form on the screen …
        self.search.setAccessibleName("Search")
        self.strip = QLineEdit()  # … and after it
        self.strip.setAccessibleName("Strip")
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.form)
        layout.addWidget(self.strip)

    def _on_add(self) -> None:
        values = self.form.values()
        rule = self.form.attempt(
            lambda: self.store.add(urgency=str(values["urgency"]), notes=str(values["notes"]))
        )
        if rule is not None:
            self.form.load(None, {"urgency": "", "notes": ""})
            self.form.show_note(f"Added: {rule.urgency}.")

    def _on_save(self) -> None:
        self.saved.append(self.form.edits())


def _shown(qtbot: QtBot, widget: Host) -> Host:
    qtbot.addWidget(widget)
    with qtbot.waitActive(widget):  # the keyboard goes to the active window only
        widget.show()
        widget.activateWindow()
    return widget


@pytest.fixture
def host(qtbot: QtBot) -> Host:
    return _shown(qtbot, Host())


def _click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_refused_add_shows_the_message_under_its_field_and_keeps_what_was_typed(
    qtbot: QtBot, host: Host
) -> None:
    host.notes.setFocus()
    qtbot.keyClicks(host.notes, "Call the AE, then write it in the CRM before noon")
    _click(qtbot, host.form.add_button)

    urgency_error = host.form.field_errors["urgency"]
    assert urgency_error.isVisible()
    assert urgency_error.text() == "Urgency: say how urgent it is."
    assert not host.form.field_errors["notes"].isVisible()
    assert not host.form.error.isVisible()
    assert host.urgency.hasFocus()  # the field the message is about
    assert host.notes.toPlainText() == "Call the AE, then write it in the CRM before noon"
    assert host.store.rules == []


def test_fixing_the_field_and_adding_again_clears_the_message(qtbot: QtBot, host: Host) -> None:
    _click(qtbot, host.form.add_button)
    assert host.form.field_errors["urgency"].isVisible()

    qtbot.keyClicks(host.urgency, "Urgent")
    qtbot.keyClicks(host.notes, "phone")
    _click(qtbot, host.form.add_button)

    assert not host.form.field_errors["urgency"].isVisible()
    assert [r.urgency for r in host.store.rules] == ["Urgent"]
    assert host.form.note.isVisible() and host.form.note.text() == "Added: Urgent."
    assert host.urgency.text() == ""  # ready for the next one


def test_a_message_for_no_field_shows_under_the_form(qtbot: QtBot, host: Host) -> None:
    qtbot.keyClicks(host.urgency, "Gone")
    _click(qtbot, host.form.add_button)

    assert host.form.error.isVisible()
    assert host.form.error.text() == "That rule no longer exists."
    assert not any(e.isVisible() for e in host.form.field_errors.values())
    assert host.urgency.text() == "Gone"


def test_errors_under_the_form_still_focus_their_field(qtbot: QtBot) -> None:
    host = _shown(qtbot, Host(errors_at_fields=False))
    qtbot.keyClicks(host.urgency, "Soon")
    host.notes.setFocus()
    qtbot.keyClicks(host.notes, "x" * 41)
    _click(qtbot, host.form.add_button)

    assert host.form.field_errors == {}
    assert host.form.error.text() == "Notes: at most 40 characters."
    assert host.notes.hasFocus()
    assert host.notes.toPlainText() == "x" * 41
    assert host.urgency.text() == "Soon"


def test_return_in_a_line_adds_a_new_record_and_saves_a_loaded_one(
    qtbot: QtBot, host: Host
) -> None:
    qtbot.keyClicks(host.urgency, "Today")
    qtbot.keyClick(host.urgency, Qt.Key.Key_Return)
    assert [r.urgency for r in host.store.rules] == ["Today"]

    rule = host.store.rules[0]
    host.form.load(rule, {"urgency": rule.urgency, "notes": rule.notes, "team": "joint"})
    host.urgency.setFocus()
    qtbot.keyClicks(host.urgency, " (same day)")
    qtbot.keyClick(host.urgency, Qt.Key.Key_Return)
    assert len(host.store.rules) == 1
    assert host.saved == [{"urgency": "Today (same day)"}]  # only what was changed


def test_the_buttons_follow_what_is_loaded(qtbot: QtBot, host: Host) -> None:
    form = host.form
    record_buttons = (form.save_button, form.archive_button, form.delete_button, host.extra)
    assert form.heading.text() == "New rule"
    assert form.add_button.isEnabled()
    assert not any(b.isEnabled() for b in record_buttons)

    rule = Rule(7, "FYI", "")
    form.load(rule, {"urgency": "FYI", "notes": "", "team": "sales"})
    assert form.heading.text() == "Editing “FYI”"
    assert all(b.isEnabled() for b in record_buttons)
    assert form.archive_button.text() == "Archive"
    assert host.team.currentText() == "Sales"

    form.load(replace(rule, archived=True), {"urgency": "FYI"})
    assert form.archive_button.text() == "Restore"

    _click(qtbot, form.clear_button)
    assert form.heading.text() == "New rule"
    assert not any(b.isEnabled() for b in record_buttons)


def test_add_or_save_shows_one_of_the_two(qtbot: QtBot) -> None:
    host = _shown(qtbot, Host(add_or_save=True))
    form = host.form
    assert form.add_button.isVisible() and not form.save_button.isVisible()
    form.load(Rule(1, "Urgent", ""), {"urgency": "Urgent"})
    assert form.save_button.isVisible() and not form.add_button.isVisible()


def test_changes_count_as_changes_only_beyond_surrounding_spaces(qtbot: QtBot, host: Host) -> None:
    rule = Rule(3, "This week", "e-mail")
    host.form.load(rule, {"urgency": rule.urgency, "notes": rule.notes})
    qtbot.keyClicks(host.urgency, "  ")
    assert not host.form.differs()
    host.notes.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(host.notes, " or chat")
    assert host.form.differs()
    assert host.form.edits() == {"urgency": "This week  ", "notes": "e-mail or chat"}


def test_tab_walks_the_form_as_it_reads(qtbot: QtBot, host: Host) -> None:
    """The buttons were made before the fields; Tab still goes fields first, row by row,
    then the buttons that can be used (Save, Archive, Delete wait for a record), then on
    to what follows the form."""
    host.search.setFocus()
    seen = [host.focusWidget()]
    for _ in range(7):
        qtbot.keyClick(host.focusWidget(), Qt.Key.Key_Tab)
        seen.append(host.focusWidget())
    form = host.form
    assert seen == [
        host.search,
        host.urgency,
        host.team,
        host.notes,
        form.add_button,
        form.clear_button,
        host.strip,
        host.search,
    ]


def test_shortcuts_on_the_labels_focus_their_fields(qtbot: QtBot, host: Host) -> None:
    qtbot.keyClick(host, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    assert host.notes.hasFocus()


# ---- the record table -------------------------------------------------------------------
class RulesModel(RecordTableModel[Rule]):
    COLUMNS = (
        Column("Urgency", lambda r: r.urgency, sort_key=lambda r: r.urgency),
        Column("Notes", lambda r: r.notes),
    )


def test_the_record_table_is_read_only_picks_whole_rows_and_says_its_name(
    qtbot: QtBot,
) -> None:
    model = RulesModel()
    model.set_rows([Rule(1, "Urgent", "phone"), Rule(2, "Today", "chat")])
    table = record_table(model, "Channel per urgency", stretch=1)
    qtbot.addWidget(table)
    table.show()

    assert table.accessibleName() == "Channel per urgency"
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert table.alternatingRowColors()
    assert not table.verticalHeader().isVisible()
    assert selected_record(table) is None
    rect = table.visualRect(model.index(1, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert selected_record(table) == Rule(2, "Today", "chat")
    assert table.selectionModel().isRowSelected(1)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # no editing in place
    assert table.state() != QAbstractItemView.State.EditingState


def test_a_sortable_record_table_keeps_the_model_order_until_a_header_is_clicked(
    qtbot: QtBot,
) -> None:
    model = RulesModel()
    model.set_rows([Rule(1, "Urgent", ""), Rule(2, "FYI", ""), Rule(3, "Today", "")])
    owner = QWidget()
    qtbot.addWidget(owner)
    proxy, table = sortable_record_table(model, "Rules", owner)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)

    def shown() -> list[str]:
        return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]

    assert shown() == ["Urgent", "FYI", "Today"]
    header = table.horizontalHeader()
    middle = header.sectionViewportPosition(0) + header.sectionSize(0) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, header.height() // 2)
    )
    assert shown() in (["FYI", "Today", "Urgent"], ["Urgent", "Today", "FYI"])
