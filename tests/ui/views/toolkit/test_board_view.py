"""Wins and hard lessons: the board tab and the quick-add panel in a running meeting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from alignmeet.domain.board import BoardKind
from alignmeet.domain.enums import Attendance, TeamTag
from ui.models.board_model import BoardEntriesModel, MeetingBoardModel
from ui.views.toolkit.board_view import BoardPanel, BoardView


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.fixture
def entries(services, people, meeting_id):
    add = services.board.add_entry
    return {
        "win": add(kind="win", title="Fabrikam signed", team_tag="sales", meeting_id=meeting_id),
        "lesson": add(
            kind="lesson",
            title="Three SQLs went cold",
            details="Nobody owned them in the holidays.",
            author_id=people["Ben Okafor"],
            team_tag="sales",
        ),
        "solved": add(kind="lesson", title="No rejection reasons", team_tag="marketing"),
    }


@pytest.fixture
def view(qtbot, controller, entries):
    services = controller.services
    services.board.resolve(entry_id=entries["solved"].id)
    widget = BoardView(controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    return widget


def test_models_pass_the_model_tester(qtmodeltester, services, entries):
    model = BoardEntriesModel()
    model.set_rows(services.board.entries())
    qtmodeltester.check(model)
    meeting = MeetingBoardModel()
    meeting.set_rows(services.board.entries())
    qtmodeltester.check(meeting)


def test_two_columns_wins_and_lessons(view):
    assert [r.title for r in view.wins.model.rows()] == ["Fabrikam signed"]
    assert [r.title for r in view.lessons.model.rows()] == [
        "No rejection reasons",
        "Three SQLs went cold",
    ]
    assert view.lessons.heading.text() == "Hard lessons to solve  (1 open of 2)"
    assert view.summary.text() == "1 wins shared, 1 lessons still to solve together."
    solved = view.lessons.model.index(0, 3)
    assert solved.data() == "Solved"
    assert solved.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed


def test_filters_by_team_and_open_lessons(view):
    view.team_filter.setCurrentIndex(view.team_filter.findData(TeamTag.MARKETING.value))
    assert view.wins.model.rowCount() == 0
    assert [r.title for r in view.lessons.model.rows()] == ["No rejection reasons"]
    view.team_filter.setCurrentIndex(0)
    view.open_only.setChecked(True)
    assert [r.title for r in view.lessons.model.rows()] == ["Three SQLs went cold"]


def test_selecting_shows_the_details(view, entries):
    view.lessons.table.selectRow(1)
    assert view.lessons.details.text() == (
        "Nobody owned them in the holidays.\n— Ben Okafor · Sales, between meetings"
    )


def test_add_a_lesson_through_the_dialog(qtbot, view, services, people):
    _click(qtbot, view.lessons.add_button)
    dialog = view.dialog
    assert dialog.windowTitle() == "New lesson"
    _click(qtbot, dialog.save_button)  # no title yet
    assert dialog.isVisible()
    assert dialog.errors["title"].text() == "Title cannot be empty."
    qtbot.keyClicks(dialog.title_edit, "Round-robin duplicated routing")
    dialog.details_edit.setPlainText("Check our tools first.")
    dialog.author_combo.setCurrentIndex(dialog.author_combo.findData(people["Ava Chen"]))
    _click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    added = services.board.entries(kind=BoardKind.LESSON)[0]
    assert (added.title, added.details, added.author_name, added.meeting_id) == (
        "Round-robin duplicated routing",
        "Check our tools first.",
        "Ava Chen",
        None,
    )
    assert view.lessons.model.rowCount() == 3


def test_edit_keeps_the_fields_and_saves_the_change(qtbot, view, services, entries, meeting_id):
    view.wins.table.selectRow(0)
    _click(qtbot, view.wins.edit_button)
    dialog = view.dialog
    assert dialog.title_edit.text() == "Fabrikam signed"
    assert dialog.meeting_combo.currentData() == meeting_id
    dialog.title_edit.setText("Fabrikam signed after two webinars")
    _click(qtbot, dialog.save_button)
    assert services.board.get_entry(entries["win"].id).title == (
        "Fabrikam signed after two webinars"
    )


def test_mark_solved_and_reopen(qtbot, view, services, entries):
    view.lessons.table.selectRow(1)
    assert view.lessons.resolve_button.text() == "Mark solved"
    _click(qtbot, view.lessons.resolve_button)
    assert services.board.get_entry(entries["lesson"].id).resolved
    assert view.lessons.resolve_button.text() == "Reopen"


def test_delete_asks_first(qtbot, view, services, entries, message_boxes):
    view.wins.table.selectRow(0)
    message_boxes.answer = QMessageBox.StandardButton.No
    _click(qtbot, view.wins.delete_button)
    assert len(services.board.entries(kind="win")) == 1
    message_boxes.answer = QMessageBox.StandardButton.Yes
    _click(qtbot, view.wins.delete_button)
    assert services.board.entries(kind="win") == []
    assert message_boxes.shown[-1].text == "Delete “Fabrikam signed” from the board?"


def test_markup_shows_as_typed(view, controller):
    controller.perform(
        "add entry", lambda s: s.board.add_entry(kind="win", title="<b>Big</b> {{7*7}}")
    )
    assert view.wins.model.rows()[0].title == "<b>Big</b> {{7*7}}"
    view.wins.table.selectRow(0)
    assert view.wins.details.textFormat() == Qt.TextFormat.PlainText


# ---- in the meeting ---------------------------------------------------------------------
@pytest.fixture
def panel(qtbot, controller, services, meeting_id, people):
    for name in ("Ava Chen", "Maya Rossi"):
        services.meetings.set_attendance(
            meeting_id=meeting_id, member_id=people[name], attendance=Attendance.PRESENT
        )
    item = services.agenda.add_item(meeting_id=meeting_id, title="Wins", minutes=5)
    widget = BoardPanel(controller, meeting_id=meeting_id, item_id=item.id)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def test_authors_are_the_members_present(panel):
    combo = panel.author_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Nobody in particular",
        "Ava Chen",
        "Maya Rossi",
    ]


def test_quick_add_a_lesson_in_the_meeting(qtbot, panel, services, meeting_id, people):
    _click(qtbot, panel.lesson_button)
    panel.author_combo.setCurrentIndex(panel.author_combo.findData(people["Maya Rossi"]))
    assert panel.team_combo.currentData() == TeamTag.MARKETING.value  # the author's team
    qtbot.keyClicks(panel.title_edit, "Case study stuck in legal")
    qtbot.keyClicks(panel.details_edit, "Ask legal at the start.")
    qtbot.keyClick(panel.title_edit, Qt.Key.Key_Return)
    (entry,) = services.board.entries(meeting_id=meeting_id)
    assert (entry.kind, entry.title, entry.details, entry.author_name, entry.team_tag) == (
        BoardKind.LESSON,
        "Case study stuck in legal",
        "Ask legal at the start.",
        "Maya Rossi",
        TeamTag.MARKETING,
    )
    assert panel.title_edit.text() == "" and panel.details_edit.text() == ""
    assert panel.model.rowCount() == 1
    assert services.board.minutes_sections(meeting_id)[0].heading == "Wins and lessons"


def test_an_empty_title_is_refused_at_the_field(qtbot, panel, services, meeting_id):
    qtbot.keyClicks(panel.details_edit, "Kept")
    _click(qtbot, panel.add_button)
    assert panel.error.text() == "Title cannot be empty."
    assert panel.details_edit.text() == "Kept"
    assert services.board.entries() == []


def test_resolve_in_the_meeting_and_earlier_open_lessons_listed(
    qtbot, controller, panel, services, meeting_id
):
    controller.perform(
        "add entry", lambda s: s.board.add_entry(kind="lesson", title="From last month")
    )
    assert panel.open_label.text() == "Still open from before: From last month."
    controller.perform(
        "add entry", lambda s: s.board.add_entry(kind="lesson", title="Now", meeting_id=meeting_id)
    )
    panel.table.selectRow(0)
    _click(qtbot, panel.resolve_button)
    assert services.board.entries(meeting_id=meeting_id)[0].resolved
