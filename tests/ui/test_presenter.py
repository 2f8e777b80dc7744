"""Presenter mode: the audience window, what it shows and never shows, and the keys
(clicker: Page Down / Page Up; B blanks; Esc leaves)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from alignmeet.domain.enums import Attendance, Phase
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.presenter import AudienceWindow, PresenterMode, choose_screen


def audience_text(window: AudienceWindow) -> str:
    return "\n".join(
        label.text() for label in window.findChildren(QLabel) if label.isVisibleTo(window)
    )


@pytest.fixture
def main(qtbot, controller: Controller, meeting_id: int) -> Iterator[MainWindow]:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    controller.select_meeting(meeting_id)
    yield window
    if window._presenter is not None:
        window._presenter.stop()


@pytest.fixture
def presenter(main: MainWindow, qtbot) -> PresenterMode:
    main.toggle_presenter()
    mode = main.presenter
    assert mode.window is not None
    qtbot.waitUntil(lambda: mode.window is not None and mode.window.state is not None)
    return mode


def settle(qtbot, mode: PresenterMode) -> None:
    qtbot.wait(20)  # the audience refreshes on the next turn of the event loop
    mode.refresh()


def test_the_audience_goes_to_another_screen_than_the_facilitators() -> None:
    laptop, projector, third = object(), object(), object()
    assert choose_screen([laptop, projector], laptop) is projector
    assert choose_screen([projector, laptop], laptop) is projector
    assert choose_screen([laptop, projector, third], laptop) is projector
    assert choose_screen([laptop], laptop) is None  # one screen: an ordinary window


def test_with_one_screen_the_audience_is_a_window_beside_the_controls(
    main: MainWindow, presenter: PresenterMode
) -> None:
    window = presenter.window
    assert window is not None and window.isVisible()
    assert not window.isFullScreen()
    assert main.presenter_action.isChecked() and main.swap_screens_action.isEnabled()
    assert main.current_page() == "run"
    assert window.heading.text() == "1 · Open"
    assert "Turn webinar leads into pipeline" in audience_text(window)


def test_presenter_mode_needs_a_meeting(qtbot, controller: Controller) -> None:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.toggle_presenter()
    assert window._presenter is None or not window._presenter.active
    assert not window.presenter_action.isChecked()


def test_page_down_walks_the_phases_and_the_agenda_items_and_page_up_walks_back(
    main: MainWindow, presenter: PresenterMode, qtbot
) -> None:
    run = main.run_view
    window = presenter.window
    assert window is not None
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert run.phase is Phase.REVIEW
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert run.phase is Phase.AGENDA
    items = run.agenda_phase.items()
    assert len(items) >= 2
    assert run.agenda_phase.current_item() == items[0]
    qtbot.keyClick(window, Qt.Key.Key_PageDown)  # the next item, not the next phase
    assert run.phase is Phase.AGENDA and run.agenda_phase.current_item() == items[1]
    settle(qtbot, presenter)
    assert window.title.text() == items[1].title
    assert window.subtitle.text().startswith(f"Item 2 of {len(items)}")
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    assert run.agenda_phase.current_item() == items[0]
    qtbot.keyClick(window, Qt.Key.Key_Left)  # before the first item: the phase before
    assert run.phase is Phase.REVIEW
    for _ in range(len(items)):  # into the agenda, then item by item to the last one
        qtbot.keyClick(window, Qt.Key.Key_Right)
    assert run.phase is Phase.AGENDA and run.agenda_phase.current_item() == items[-1]
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert run.phase is Phase.ACTIONS


def test_typing_in_the_main_window_keeps_space_and_arrows_but_the_clicker_still_works(
    main: MainWindow, presenter: PresenterMode, qtbot
) -> None:
    run = main.run_view
    run.go_to(Phase.AGENDA)
    notes = run.agenda_phase.notes_edit
    notes.setFocus()
    qtbot.keyClicks(notes, "a b")
    qtbot.keyClick(notes, Qt.Key.Key_Left)
    assert notes.toPlainText() == "a b"
    assert run.phase is Phase.AGENDA
    first = run.agenda_phase.current_item()
    qtbot.keyClick(notes, Qt.Key.Key_PageDown)  # the clicker
    assert run.agenda_phase.current_item() != first
    assert presenter.handle_key(Qt.Key.Key_B, typing=True) is False  # B is typed, not blanking


def test_b_blanks_the_audience_and_esc_leaves(
    main: MainWindow, presenter: PresenterMode, qtbot
) -> None:
    window = presenter.window
    assert window is not None
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.blanked
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert not window.blanked
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not presenter.active
    assert not main.presenter_action.isChecked()


def test_the_audience_never_sees_the_facilitators_notes(
    main: MainWindow, presenter: PresenterMode, controller: Controller, qtbot
) -> None:
    run = main.run_view
    run.go_to(Phase.AGENDA)
    item = run.agenda_phase.current_item()
    assert item is not None
    controller.update_item(item_id=item.id, notes="PRIVATE: budget is tight, don't say")
    settle(qtbot, presenter)
    window = presenter.window
    assert window is not None
    assert window.title.text() == item.title
    assert "PRIVATE" not in audience_text(window)
    assert window.timer.text()  # the item's timer is on screen


def test_action_plans_and_commitments_appear_as_they_are_made(
    main: MainWindow, presenter: PresenterMode, controller: Controller, meeting_id: int, qtbot
) -> None:
    people = controller.services.meetings.participants(meeting_id)
    for p in people:
        controller.set_attendance(
            meeting_id=meeting_id, member_id=p.member_id, attendance=Attendance.PRESENT
        )
    main.run_view.go_to(Phase.ACTIONS)
    controller.add_action(
        meeting_id=meeting_id, owner_id=people[0].member_id, title="Call every webinar lead"
    )
    settle(qtbot, presenter)
    window = presenter.window
    assert window is not None
    assert f"{people[0].name}: Call every webinar lead" in audience_text(window)
    main.run_view.go_to(Phase.COMMITMENTS)
    controller.commit(meeting_id=meeting_id, member_id=people[1].member_id, confidence=4)
    settle(qtbot, presenter)
    text = audience_text(window)
    assert "1 of" in window.subtitle.text()
    assert "✓ I commit · confidence 4/5" in text


def test_type_is_large_enough_for_a_projector(presenter: PresenterMode, qtbot) -> None:
    window = presenter.window
    assert window is not None
    window.resize(1920, 1080)
    qtbot.wait(10)
    assert window.body_point_size() >= 24
    assert window.title.font().pointSizeF() > window.body_point_size()
    assert window.timer.font().pointSizeF() >= 3 * 24


def test_with_one_small_screen_the_audience_window_fits_on_it_timer_and_all(
    main: MainWindow, presenter: PresenterMode, qtbot
) -> None:
    """One screen smaller than 1280×720 (a 1024×768 laptop, a shared screen in a call):
    the audience window stays on it whole, so the room's timer is not cut off at the edge."""
    window = presenter.window
    assert window is not None
    screen = main.screen().availableGeometry()
    assert screen.width() < 1280  # the offscreen screen is small: the case under test
    main.run_view.go_to(Phase.AGENDA)
    settle(qtbot, presenter)
    assert screen.contains(window.frameGeometry()), (window.frameGeometry(), screen)
    timer = window.timer
    corner = timer.mapTo(window, timer.rect().bottomRight())
    assert window.rect().contains(corner)


def test_looking_up_another_meeting_on_the_laptop_never_puts_it_on_the_room_screen(
    main: MainWindow, presenter: PresenterMode, controller: Controller, people, qtbot
) -> None:
    """Presenting March's meeting, the facilitator opens another meeting on the laptop to
    look something up: the room keeps March's meeting (not the other one's agenda items,
    actions or review), the clicker does not move the other one, and the room follows the
    laptop again once March's meeting is back."""
    presented = controller.current_meeting_id
    main.run_view.go_to(Phase.AGENDA)
    settle(qtbot, presenter)
    window = presenter.window
    assert window is not None
    shown = window.state
    assert shown is not None and shown.phase is Phase.AGENDA
    services = controller.services
    template = next(t for t in services.agenda.templates() if t.name.startswith("Monthly"))
    other = services.meetings.create_meeting(
        title="Pricing review (confidential)",
        starts_at=datetime(2030, 2, 5, 9, 0),
        invitee_ids=[people["Ava Chen"]],
        template_id=template.id,
    )
    services.meetings.set_phase(meeting_id=other.id, phase=Phase.REVIEW)

    main.show_page("meetings")
    controller.select_meeting(other.id)
    settle(qtbot, presenter)
    assert "Pricing review" not in audience_text(window)
    assert "Review of follow-ups" not in audience_text(window)
    assert window.state is not None and window.state.meeting_title == "Sales & Marketing sync"
    # the clicker moves the meeting in the room, not the one looked up
    assert presenter.handle_key(Qt.Key.Key_PageDown)
    assert services.meetings.get_meeting(other.id).phase is Phase.REVIEW

    controller.select_meeting(presented)
    settle(qtbot, presenter)
    assert window.state == shown
