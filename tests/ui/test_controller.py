"""The controller writes through services and says what changed."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ActionStatus, Attendance, Phase
from alignmeet.domain.rules import ValidationError
from alignmeet.services import Services
from ui.autosave import DebouncedSaver
from ui.controller import Controller


def test_adding_a_member_announces_members_changed(
    qtbot: QtBot, controller: Controller, team_ids: dict[str, int]
) -> None:
    with qtbot.waitSignal(controller.members_changed, timeout=1000):
        controller.add_member(name="Priya Shah", team_id=team_ids["Sales"])


def test_a_rejected_edit_raises_to_the_view_and_announces_nothing(
    qtbot: QtBot, controller: Controller, team_ids: dict[str, int]
) -> None:
    controller.add_member(name="Priya Shah", team_id=team_ids["Sales"])
    with qtbot.assertNotEmitted(controller.members_changed), pytest.raises(ValidationError) as err:
        controller.add_member(name="  priya   SHAH ", team_id=team_ids["Marketing"])
    assert err.value.field == "name"


def test_selecting_another_meeting_flushes_pending_edits_first(
    qtbot: QtBot, controller: Controller, meeting_id: int, services: Services
) -> None:
    saver = DebouncedSaver(
        lambda: controller.update_meeting(meeting_id=meeting_id, topic="Typed just now"),
        delay_ms=60_000,
    )
    controller.register_saver(saver)
    controller.select_meeting(meeting_id)
    saver.touch()
    controller.select_meeting(None)
    assert services.meetings.get_meeting(meeting_id).topic == "Typed just now"


def test_phase_change_is_stored_and_announced(
    qtbot: QtBot, controller: Controller, meeting_id: int
) -> None:
    with qtbot.waitSignal(controller.phase_changed, timeout=1000) as blocker:
        controller.set_phase(meeting_id=meeting_id, phase=Phase.AGENDA)
    assert blocker.args == [meeting_id, "agenda"]


def test_reviewing_a_follow_up_announces_the_review_list_of_that_meeting(
    qtbot: QtBot,
    controller: Controller,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
) -> None:
    ava = people["Ava Chen"]
    services.meetings.set_attendance(
        meeting_id=meeting_id, member_id=ava, attendance=Attendance.PRESENT
    )
    action = services.actions.add_action(meeting_id=meeting_id, owner_id=ava, title="Send the deck")
    later = services.meetings.create_meeting(
        title="Next sync", starts_at=datetime(2030, 4, 5, 9, 0)
    )
    with qtbot.waitSignal(controller.follow_ups_changed, timeout=1000) as blocker:
        controller.set_action_status(
            action_id=action.id, status=ActionStatus.DONE, note="Sent", meeting_id=later.id
        )
    assert blocker.args == [later.id]


def test_create_next_meeting_copies_invitees_agenda_and_uses_the_next_meeting_date(
    controller: Controller, services: Services, meeting_id: int
) -> None:
    controller.update_meeting(meeting_id=meeting_id, next_meeting_at=datetime(2030, 4, 2, 10, 30))
    nxt = controller.create_next_meeting(meeting_id)
    assert nxt.starts_at == datetime(2030, 4, 2, 10, 30)
    assert controller.current_meeting_id == nxt.id
    assert len(services.meetings.participants(nxt.id)) == len(
        services.meetings.participants(meeting_id)
    )
    assert [i.title for i in services.agenda.items(nxt.id)] == [
        i.title for i in services.agenda.items(meeting_id)
    ]
