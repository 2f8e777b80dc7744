"""A phase the facilitator is not on waits to refresh until it is shown — and is never
shown stale. With Room Link, phones announce `participants_changed` dozens of times a
minute while the Agenda runs; the Open page re-reading the attendance each time held the
window for 10–15 ms a time (bench/room_load.py)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Attendance, Phase
from ui.controller import Controller
from ui.views.run_view import RunView


@pytest.fixture
def view(qtbot: QtBot, controller: Controller, meeting_id: int) -> RunView:
    controller.select_meeting(meeting_id)
    run = RunView(controller, clock=lambda: 100.0)
    qtbot.addWidget(run)
    run.show()
    run.go_to(Phase.AGENDA)
    return run


def test_attendance_written_during_the_agenda_shows_on_the_open_page_once_opened(
    view: RunView,
    controller: Controller,
    meeting_id: int,
    people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = view.open_phase
    assert page.model.counts()[Attendance.PRESENT] == 0
    loads: list[int] = []
    update_rows = page.model.update_rows
    monkeypatch.setattr(
        page.model, "update_rows", lambda rows: loads.append(1) or update_rows(rows)
    )

    # While the Agenda is on screen, others (phones) mark people present, one by one.
    for name in ("Ava Chen", "Ben Okafor", "Maya Rossi"):
        controller.set_attendance(
            meeting_id=meeting_id, member_id=people[name], attendance=Attendance.PRESENT
        )
    assert loads == []  # the hidden page did not re-read the attendance three times

    view.go_to(Phase.OPEN)
    assert loads == [1]  # once, as it was shown
    assert page.model.counts()[Attendance.PRESENT] == 3  # and up to date
    assert page.count_label.text().startswith("3 present")


def test_on_screen_the_open_page_follows_every_change_at_once(
    view: RunView, controller: Controller, meeting_id: int, people: dict[str, int]
) -> None:
    view.go_to(Phase.OPEN)
    page = view.open_phase
    controller.set_attendance(
        meeting_id=meeting_id, member_id=people["Ava Chen"], attendance=Attendance.PRESENT
    )
    assert page.model.counts()[Attendance.PRESENT] == 1
    assert page.count_label.text().startswith("1 present")
