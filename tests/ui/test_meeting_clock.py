"""The meeting timers: stopwatches on a monotonic clock, shown and stored by the run view.

Time is faked: the view reads a `FakeClock` instead of `time.monotonic`, and
the tests call `tick()` instead of waiting for the 250 ms timer.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Phase
from alignmeet.services import Services
from ui.controller import Controller
from ui.meeting_clock import TICK_MS, MeetingClock
from ui.views.run_view import RunView


class FakeClock:
    """A monotonic clock that only moves when told to."""

    def __init__(self, start: float = 5_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def run_view(
    qtbot: QtBot, controller: Controller, meeting_id: int, fake_clock: FakeClock
) -> RunView:
    controller.select_meeting(meeting_id)
    view = RunView(controller, clock=fake_clock)
    qtbot.addWidget(view)
    view.go_to(Phase.AGENDA)
    return view


def later(view: RunView, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    view.meeting_clock.tick()


# ---- MeetingClock on its own ---------------------------------------------------------
def test_an_item_stopwatch_counts_only_while_running(qtbot: QtBot, fake_clock: FakeClock) -> None:
    clock = MeetingClock(fake_clock)
    clock.ensure_item(1, used_seconds=60)
    clock.start_item(1)
    fake_clock.advance(30)
    assert clock.item_elapsed(1) == 90
    assert clock.pause_item() == 1
    fake_clock.advance(600)
    assert clock.item_elapsed(1) == 90


def test_starting_another_item_pauses_the_running_one(qtbot: QtBot, fake_clock: FakeClock) -> None:
    clock = MeetingClock(fake_clock)
    clock.start_item(1)
    fake_clock.advance(10)
    assert clock.start_item(2) == 1
    fake_clock.advance(5)
    assert (clock.item_elapsed(1), clock.item_elapsed(2), clock.running_item) == (10, 5, 2)


def test_known_items_keep_their_live_time_when_the_agenda_reloads(
    qtbot: QtBot, fake_clock: FakeClock
) -> None:
    clock = MeetingClock(fake_clock)
    clock.ensure_item(1, used_seconds=0)
    clock.start_item(1)
    fake_clock.advance(42)
    clock.ensure_item(1, used_seconds=0)  # a refresh from the database must not reset it
    assert clock.item_elapsed(1) == 42


def test_the_clock_ticks_only_while_something_runs(qtbot: QtBot, fake_clock: FakeClock) -> None:
    clock = MeetingClock(fake_clock)
    assert not clock.ticking
    clock.start_meeting()
    assert clock.ticking
    with qtbot.waitSignal(clock.ticked, timeout=TICK_MS * 8):
        pass
    clock.pause_all()
    assert not clock.ticking


def test_the_meeting_clock_resumes_from_the_stored_elapsed_time(
    qtbot: QtBot, fake_clock: FakeClock
) -> None:
    clock = MeetingClock(fake_clock)
    clock.reset(meeting_elapsed=600)
    clock.start_meeting()
    fake_clock.advance(90)
    assert clock.meeting_elapsed() == 690


# ---- the item timer as the facilitator sees it -----------------------------------------
def test_a_started_item_counts_down_its_box(run_view: RunView, fake_clock: FakeClock) -> None:
    agenda = run_view.agenda_phase
    assert agenda.timer_label.text() == "10:00"
    agenda.start_button.click()
    later(run_view, fake_clock, 30)
    assert agenda.timer_label.text() == "9:30"
    assert agenda.timer_state == "ok"
    assert agenda.start_button.text() == "Pause"


def test_a_paused_timer_does_not_move(run_view: RunView, fake_clock: FakeClock) -> None:
    agenda = run_view.agenda_phase
    agenda.start_button.click()
    later(run_view, fake_clock, 30)
    agenda.start_button.click()
    later(run_view, fake_clock, 300)
    assert agenda.timer_label.text() == "9:30"
    assert agenda.start_button.text() == "Start"


def test_ctrl_t_starts_and_pauses_the_item_timer_and_space_never_does(
    qtbot: QtBot, run_view: RunView, fake_clock: FakeClock
) -> None:
    from PySide6.QtCore import Qt

    with qtbot.waitActive(run_view):
        run_view.show()
        run_view.activateWindow()
    agenda = run_view.agenda_phase
    agenda.table.setFocus()
    qtbot.keyClick(agenda.table, Qt.Key.Key_Space)
    assert run_view.meeting_clock.running_item is None  # issue 12: Space is not a timer key
    qtbot.keyClick(agenda.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert run_view.meeting_clock.running_item == agenda.current_item().id  # type: ignore[union-attr]
    qtbot.keyClick(agenda.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert run_view.meeting_clock.running_item is None


def test_the_timer_warns_near_the_end_and_shows_overtime_negative(
    run_view: RunView, fake_clock: FakeClock
) -> None:
    agenda = run_view.agenda_phase
    agenda.start_timer()
    later(run_view, fake_clock, 9 * 60 + 10)
    assert (agenda.timer_label.text(), agenda.timer_state) == ("0:50", "warn")
    later(run_view, fake_clock, 80)
    assert (agenda.timer_label.text(), agenda.timer_state) == ("−0:30 over", "overtime")
    assert "over the 10 min box" in agenda.timer_caption.text()


def test_plus_one_minute_extends_the_box(
    run_view: RunView, fake_clock: FakeClock, services: Services
) -> None:
    agenda = run_view.agenda_phase
    agenda.start_timer()
    later(run_view, fake_clock, 10 * 60 + 20)
    assert agenda.timer_label.text() == "−0:20 over"
    agenda.add_minute_button.click()
    assert agenda.timer_label.text() == "0:40"
    assert services.agenda.get_item(agenda.current_item().id).extra_minutes == 1  # type: ignore[union-attr]


def test_the_agenda_list_shows_the_live_time_of_the_running_item(
    run_view: RunView, fake_clock: FakeClock
) -> None:
    agenda = run_view.agenda_phase
    agenda.start_timer()
    later(run_view, fake_clock, 12 * 60 + 5)
    assert agenda.model.time_text(agenda.model.record(0)) == "12:05 / 10 min"


def test_switching_item_moves_the_running_timer_and_stores_the_previous_one(
    run_view: RunView, fake_clock: FakeClock, services: Services, meeting_id: int
) -> None:
    agenda = run_view.agenda_phase
    first, second = services.agenda.items(meeting_id)[:2]
    agenda.start_timer()
    later(run_view, fake_clock, 75)
    agenda.select_item(second.id)
    # Issue 12: the clock follows the item being discussed (it used to stop silently).
    assert run_view.meeting_clock.running_item == second.id
    assert services.agenda.get_item(first.id).used_seconds == 75
    later(run_view, fake_clock, 5)
    assert run_view.meeting_clock.item_elapsed(first.id) == 75


def test_next_item_carries_the_running_timer_on(
    run_view: RunView, fake_clock: FakeClock, services: Services, meeting_id: int
) -> None:
    agenda = run_view.agenda_phase
    first, second = services.agenda.items(meeting_id)[:2]
    agenda.start_timer()
    later(run_view, fake_clock, 40)
    agenda.next_button.click()
    later(run_view, fake_clock, 20)
    assert agenda.current_item().id == second.id  # type: ignore[union-attr]
    assert run_view.meeting_clock.item_elapsed(second.id) == 20
    assert services.agenda.get_item(first.id).used_seconds == 40


def test_save_timers_stores_running_item_time_and_meeting_elapsed(
    run_view: RunView, fake_clock: FakeClock, services: Services, meeting_id: int
) -> None:
    agenda = run_view.agenda_phase
    item_id = agenda.current_item().id  # type: ignore[union-attr]
    agenda.start_timer()
    later(run_view, fake_clock, 125)
    run_view.save_timers()
    assert services.agenda.get_item(item_id).used_seconds == 125
    assert services.meetings.get_meeting(meeting_id).elapsed_seconds == 125
    assert run_view.meeting_clock.running_item == item_id  # saving does not pause


def test_running_timers_are_stored_every_half_minute_without_asking(
    run_view: RunView, fake_clock: FakeClock, services: Services
) -> None:
    agenda = run_view.agenda_phase
    item_id = agenda.current_item().id  # type: ignore[union-attr]
    agenda.start_timer()
    later(run_view, fake_clock, 31)
    assert services.agenda.get_item(item_id).used_seconds == 31


def test_stored_time_is_where_the_timer_resumes_after_a_restart(
    qtbot: QtBot,
    run_view: RunView,
    fake_clock: FakeClock,
    controller: Controller,
    services: Services,
    meeting_id: int,
) -> None:
    run_view.agenda_phase.start_timer()
    later(run_view, fake_clock, 200)
    run_view.save_timers()

    again = RunView(controller, clock=FakeClock(start=1.0))
    qtbot.addWidget(again)
    assert again.agenda_phase.timer_label.text() == "6:40"
    assert again.clock_label.text() == "3:20 of 60:00"


def test_the_meeting_clock_shows_elapsed_of_planned(
    run_view: RunView, fake_clock: FakeClock
) -> None:
    # Moving to the agenda started the meeting clock.
    later(run_view, fake_clock, 23 * 60 + 10)
    assert run_view.clock_label.text() == "23:10 of 60:00"
    run_view.toggle_meeting_clock()
    later(run_view, fake_clock, 60)
    assert run_view.clock_label.text() == "23:10 of 60:00"


def test_closing_the_meeting_stops_and_stores_the_clocks(
    run_view: RunView,
    fake_clock: FakeClock,
    controller: Controller,
    services: Services,
    meeting_id: int,
) -> None:
    item_id = run_view.agenda_phase.current_item().id  # type: ignore[union-attr]
    run_view.agenda_phase.start_timer()
    later(run_view, fake_clock, 90)
    controller.close_meeting(meeting_id=meeting_id)
    assert not run_view.meeting_clock.ticking
    assert services.agenda.get_item(item_id).used_seconds == 90
    assert services.meetings.get_meeting(meeting_id).elapsed_seconds == 90


# ---- review fixes: an item that leaves the agenda, Space on a focused control -----------------
def test_an_item_removed_while_its_timer_runs_stops_without_errors(
    qtbot: QtBot,
    run_view: RunView,
    fake_clock: FakeClock,
    controller: Controller,
    services: Services,
    meeting_id: int,
) -> None:
    agenda = run_view.agenda_phase
    item_id = agenda.current_item().id  # type: ignore[union-attr]
    agenda.start_timer()
    later(run_view, fake_clock, 20)
    controller.remove_item(meeting_id=meeting_id, item_id=item_id)  # Prepare's Remove
    assert run_view.meeting_clock.running_item is None
    assert item_id not in run_view.meeting_clock.item_ids()
    later(run_view, fake_clock, 40)  # the half-minute save has nothing to store for it
    other = services.meetings.create_meeting(title="Lead review", starts_at=fake_datetime())
    controller.select_meeting(other.id)
    assert run_view.meeting_id == other.id


def test_an_item_deleted_behind_the_views_back_is_dropped_when_its_time_is_saved(
    run_view: RunView, fake_clock: FakeClock, services: Services
) -> None:
    agenda = run_view.agenda_phase
    item_id = agenda.current_item().id  # type: ignore[union-attr]
    agenda.start_timer()
    services.agenda.remove_item(item_id)  # e.g. by the command line: no signal
    later(run_view, fake_clock, 31)  # the half-minute save meets NotFoundError
    assert item_id not in run_view.meeting_clock.item_ids()
    run_view.save_timers()


def test_a_failed_timer_save_does_not_stop_switching_meeting(
    monkeypatch: pytest.MonkeyPatch,
    run_view: RunView,
    fake_clock: FakeClock,
    controller: Controller,
    services: Services,
) -> None:
    later(run_view, fake_clock, 10)

    def fail(**_kwargs: object) -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(controller, "record_elapsed", fail)
    other = services.meetings.create_meeting(title="Lead review", starts_at=fake_datetime())
    with pytest.raises(RuntimeError):
        run_view.set_meeting(other.id)
    assert run_view.meeting_id == other.id
    assert run_view.agenda_phase.meeting_id == other.id
    assert run_view.clock_label.text() == "0:00 of 60:00"


def test_space_on_a_focused_button_combo_or_field_does_what_it_does_there(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, run_view: RunView, services: Services
) -> None:
    with qtbot.waitActive(run_view):
        run_view.show()
        run_view.activateWindow()
    agenda = run_view.agenda_phase
    item = agenda.current_item()
    assert item is not None

    agenda.add_minute_button.setFocus()
    qtbot.keyClick(agenda.add_minute_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: services.agenda.get_item(item.id).extra_minutes == 1)
    assert run_view.meeting_clock.running_item is None

    popups: list[bool] = []  # (a real popup grabs the keyboard, which offscreen cannot do)
    monkeypatch.setattr(agenda.author_combo, "showPopup", lambda: popups.append(True))
    agenda.author_combo.setFocus()
    qtbot.keyClick(agenda.author_combo, Qt.Key.Key_Space)
    assert popups == [True]
    assert run_view.meeting_clock.running_item is None

    agenda.ideas.line.setFocus()
    qtbot.keyClicks(agenda.ideas.line, "MQL score")
    assert agenda.ideas.line.text() == "MQL score"
    assert run_view.meeting_clock.running_item is None

    agenda.table.setFocus()
    qtbot.keyClick(agenda.table, Qt.Key.Key_Space)
    assert run_view.meeting_clock.running_item is None  # issue 12: Space is never the timer


def fake_datetime() -> datetime:
    return datetime(2030, 6, 4, 9, 0)
