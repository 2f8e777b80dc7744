"""The run view: a phase bar that always shows where the meeting is, and moves it anywhere."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Phase
from alignmeet.services import Services
from ui.controller import Controller
from ui.meeting_clock import clock_text
from ui.views.run_view import RunView


@pytest.fixture
def view(qtbot: QtBot, controller: Controller, meeting_id: int) -> RunView:
    controller.select_meeting(meeting_id)
    run = RunView(controller, clock=lambda: 100.0)
    qtbot.addWidget(run)
    return run


def stored_phase(services: Services, meeting_id: int) -> Phase:
    return services.meetings.get_meeting(meeting_id).phase


def test_the_bar_has_six_numbered_exclusive_phase_buttons(view: RunView) -> None:
    texts = [b.text() for b in view.phase_buttons.values()]
    assert texts == [
        "1 Open",
        "2 Review follow-ups",
        "3 Agenda",
        "4 Action plans",
        "5 Commitments",
        "6 Close",
    ]
    assert all(b.isCheckable() and b.property("phase") is True for b in view.phase_buttons.values())
    assert view.phase_group.exclusive()


def test_a_new_meeting_opens_on_phase_one_with_its_hint(view: RunView) -> None:
    assert view.phase_buttons[Phase.OPEN].isChecked()
    assert view.stack.currentWidget().objectName() == "OpenPhase"
    assert view.hint_label.text() == "Announce the end goal and take attendance."
    assert not view.back_button.isEnabled()


def test_every_phase_has_its_own_page(view: RunView) -> None:
    names = [view.pages[p].objectName() for p in Phase]
    assert names == [
        "OpenPhase",
        "ReviewPhase",
        "AgendaPhase",
        "ActionsPhase",
        "CommitmentsPhase",
        "ClosePhase",
    ]


def test_clicking_a_phase_button_moves_the_meeting_there(
    qtbot: QtBot, view: RunView, services: Services, meeting_id: int
) -> None:
    qtbot.mouseClick(view.phase_buttons[Phase.ACTIONS], Qt.MouseButton.LeftButton)
    assert stored_phase(services, meeting_id) is Phase.ACTIONS
    assert view.phase_buttons[Phase.ACTIONS].isChecked()
    assert view.stack.currentWidget() is view.actions_phase
    qtbot.mouseClick(view.phase_buttons[Phase.REVIEW], Qt.MouseButton.LeftButton)
    assert stored_phase(services, meeting_id) is Phase.REVIEW


def test_next_and_back_walk_the_phases_in_order(
    qtbot: QtBot, view: RunView, services: Services, meeting_id: int
) -> None:
    for expected in (Phase.REVIEW, Phase.AGENDA, Phase.ACTIONS, Phase.COMMITMENTS, Phase.CLOSE):
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
        assert stored_phase(services, meeting_id) is expected
    assert not view.next_button.isEnabled()
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert stored_phase(services, meeting_id) is Phase.COMMITMENTS
    assert view.hint_label.text().startswith("Each member confirms their plan")


def test_alt_arrows_are_the_keyboard_way_to_move(
    qtbot: QtBot, view: RunView, services: Services, meeting_id: int
) -> None:
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    # A button's shortcut "animates" the click: the move lands a moment later.
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: stored_phase(services, meeting_id) is Phase.REVIEW, timeout=2000)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: stored_phase(services, meeting_id) is Phase.OPEN, timeout=2000)


def test_a_phase_set_elsewhere_shows_in_the_bar(
    view: RunView, controller: Controller, meeting_id: int
) -> None:
    controller.set_phase(meeting_id=meeting_id, phase=Phase.COMMITMENTS)
    assert view.phase_buttons[Phase.COMMITMENTS].isChecked()
    assert view.stack.currentWidget() is view.commitments_phase


def test_the_view_follows_the_current_meeting(
    qtbot: QtBot, controller: Controller, services: Services, meeting_id: int
) -> None:
    services.meetings.set_phase(meeting_id=meeting_id, phase=Phase.AGENDA)
    other = services.meetings.create_meeting(title="Kick-off", starts_at=datetime(2030, 5, 1, 9))
    run = RunView(controller, clock=lambda: 0.0)
    qtbot.addWidget(run)
    assert run.outer.currentWidget() is run.empty_label
    controller.select_meeting(meeting_id)
    assert run.outer.currentWidget() is run.meeting_page
    assert run.phase is Phase.AGENDA
    controller.select_meeting(other.id)
    assert run.phase is Phase.OPEN
    assert run.agenda_phase.empty_label is run.agenda_phase.right_stack.currentWidget()


def test_moving_through_the_phases_starts_the_meeting_clock(view: RunView) -> None:
    assert not view.meeting_clock.meeting_running
    view.go_next()
    assert view.meeting_clock.meeting_running


def test_a_closed_meeting_shows_a_banner_and_stays_editable(
    view: RunView, controller: Controller, meeting_id: int
) -> None:
    assert view.closed_banner.isHidden()
    controller.close_meeting(meeting_id=meeting_id)
    assert not view.closed_banner.isHidden()
    assert view.closed_banner.text().startswith("Closed on ")
    assert view.stack.currentWidget() is view.close_phase
    view.go_to(Phase.OPEN)  # still navigable
    assert view.open_phase.table.isEnabled()
    controller.reopen_meeting(meeting_id)
    assert view.closed_banner.isHidden()


def test_clock_text_keeps_counting_minutes_past_the_hour() -> None:
    assert clock_text(23 * 60 + 10, 60) == "23:10 of 60:00"
    assert clock_text(72 * 60 + 5, 60) == "72:05 of 60:00"
