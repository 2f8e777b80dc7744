"""A whole meeting without the mouse (issue 5): Tab reaches every control it needs, Space
presses buttons, Return adds, shortcuts change pages — and the meeting is in the
database as a facilitator ran it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Attendance, MeetingStatus, Phase
from ui.controller import Controller
from ui.main_window import MainWindow


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def tab_to(qtbot: QtBot, wanted: Callable[[QWidget], bool], what: str, limit: int = 120) -> QWidget:
    """Press Tab until the focus is on the wanted widget (it must be reachable)."""
    for _ in range(limit):
        widget = focused()
        if wanted(widget):
            return widget
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    pytest.fail(f"Tab never reached {what}")


def press(qtbot: QtBot, button: QAbstractButton, what: str) -> None:
    tab_to(qtbot, lambda w: w is button, what)
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_a_whole_meeting_by_keyboard(
    qtbot: QtBot, controller: Controller, meeting_id: int, message_boxes
) -> None:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    services = controller.services

    # Meetings page: Tab to the list, Return opens the planned meeting.
    table = window.meetings_view.table
    tab_to(qtbot, lambda w: w is table, "the meetings list")
    qtbot.keyClick(table, Qt.Key.Key_Home)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert controller.current_meeting_id == meeting_id

    # Run meeting (Ctrl+3). Open: everyone present.
    qtbot.keyClick(focused(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == "run"
    run = window.run_view
    press(qtbot, run.open_phase.all_present_button, "All present")
    people = services.meetings.participants(meeting_id)
    assert {p.attendance for p in people} == {Attendance.PRESENT}

    # On to the agenda (Next → twice: review, agenda).
    press(qtbot, run.next_button, "Next")
    assert run.phase is Phase.REVIEW
    press(qtbot, run.next_button, "Next")
    assert run.phase is Phase.AGENDA
    agenda = run.agenda_phase
    item = agenda.current_item()
    assert item is not None
    notes = agenda.notes_edit
    tab_to(qtbot, lambda w: w is notes, "the notes")
    qtbot.keyClicks(notes, "Conversion is down two points.")
    idea_line = agenda.ideas.line
    tab_to(qtbot, lambda w: w is idea_line, "the idea field")
    qtbot.keyClicks(idea_line, "Score leads by intent")
    qtbot.keyClick(idea_line, Qt.Key.Key_Return)
    decision_line = agenda.decisions.line
    tab_to(qtbot, lambda w: w is decision_line, "the decision field")
    qtbot.keyClicks(decision_line, "Weekly speed-to-lead report")
    qtbot.keyClick(decision_line, Qt.Key.Key_Return)

    # Action plans: the text field, Return adds it for the member whose turn it is.
    press(qtbot, run.next_button, "Next")
    assert run.phase is Phase.ACTIONS
    text = run.actions_phase.text_edit
    tab_to(qtbot, lambda w: w is text, "the action field")
    qtbot.keyClicks(text, "Call every webinar lead within a day")
    qtbot.keyClick(text, Qt.Key.Key_Return)

    # Commitments: "I commit" for the member selected.
    press(qtbot, run.next_button, "Next")
    assert run.phase is Phase.COMMITMENTS
    press(qtbot, run.commitments_phase.commit_button, "I commit")

    # Close the meeting.
    press(qtbot, run.next_button, "Next")
    assert run.phase is Phase.CLOSE
    press(qtbot, run.close_phase.close_button, "Close meeting")
    # The button pressed is gone (Reopen takes its place): the keyboard is on the next
    # step the window names, Send recaps…, not back on the sidebar.
    assert focused() is run.close_phase.recap_button

    controller.flush_pending()
    meeting = services.meetings.get_meeting(meeting_id)
    assert meeting.status is MeetingStatus.CLOSED
    stored = services.agenda.get_item(item.id)
    assert stored.notes == "Conversion is down two points."
    assert [i.text for i in services.agenda.ideas(item.id)] == ["Score leads by intent"]
    assert [d.text for d in services.agenda.decisions(item.id)] == ["Weekly speed-to-lead report"]
    actions = services.actions.actions_for_meeting(meeting_id)
    assert [a.title for a in actions] == ["Call every webinar lead within a day"]
    committed = [p for p in services.meetings.participants(meeting_id) if p.committed_at]
    assert len(committed) == 1


def test_ctrl_z_right_after_return_added_an_idea_takes_the_idea_back(
    qtbot: QtBot, controller: Controller, meeting_id: int
) -> None:
    """Return adds the idea and leaves the focus in the emptied line; the hurried Ctrl+Z that
    follows went to the line's own undo: "Score leads by intent" came back into the field
    while the idea stayed added, and the next Return added it twice."""
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    controller.select_meeting(meeting_id)
    qtbot.keyClick(focused(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    run = window.run_view
    press(qtbot, run.next_button, "Next")
    press(qtbot, run.next_button, "Next")
    agenda = run.agenda_phase
    item = agenda.current_item()
    assert item is not None
    line = agenda.ideas.line
    tab_to(qtbot, lambda w: w is line, "the idea field")
    qtbot.keyClicks(line, "Score leads by intent")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert [i.text for i in controller.services.agenda.ideas(item.id)] == ["Score leads by intent"]

    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert line.text() == ""
    assert [i.text for i in controller.services.agenda.ideas(item.id)] == []
    assert focused() is line  # still there for the next idea

    # Typed text is the line's own to undo, as in any field.
    qtbot.keyClicks(line, "Typo")
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert line.text() == ""
    assert [i.text for i in controller.services.agenda.ideas(item.id)] == []


def test_ctrl_z_right_after_return_added_an_action_takes_the_action_back(
    qtbot: QtBot, controller: Controller, meeting_id: int
) -> None:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    controller.select_meeting(meeting_id)
    qtbot.keyClick(focused(), Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    run = window.run_view
    for _ in range(3):
        press(qtbot, run.next_button, "Next")
    assert run.phase is Phase.ACTIONS
    text = run.actions_phase.text_edit
    tab_to(qtbot, lambda w: w is text, "the action field")
    qtbot.keyClicks(text, "Call every webinar lead within a day")
    qtbot.keyClick(text, Qt.Key.Key_Return)
    actions = controller.services.actions.actions_for_meeting
    assert [a.title for a in actions(meeting_id)] == ["Call every webinar lead within a day"]
    qtbot.keyClick(focused(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert text.text() == ""
    assert actions(meeting_id) == []
