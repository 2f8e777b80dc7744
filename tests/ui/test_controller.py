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


def test_create_next_meeting_leaves_out_members_deactivated_since(
    controller: Controller, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    ava, ben = people["Ava Chen"], people["Ben Okafor"]
    item = services.agenda.items(meeting_id)[0]
    controller.update_meeting(meeting_id=meeting_id, facilitator_id=ava, note_taker_id=ben)
    controller.update_item(item_id=item.id, owner_id=ava)
    controller.update_member(member_id=ava, active=False)

    nxt = controller.create_next_meeting(meeting_id)
    invited = {p.member_id for p in services.meetings.participants(nxt.id)}
    assert invited == set(people.values()) - {ava}
    meeting = services.meetings.get_meeting(nxt.id)
    assert (meeting.facilitator_id, meeting.note_taker_id) == (None, ben)
    assert services.agenda.items(nxt.id)[0].owner_id is None


def test_ensure_series_finds_or_makes_one_and_announces_it(
    qtbot: QtBot, controller: Controller, services: Services
) -> None:
    with qtbot.waitSignal(controller.meetings_changed, timeout=1000):
        made = controller.ensure_series("Quarterly planning")
    assert controller.ensure_series("  quarterly   PLANNING ").id == made.id
    assert [s.name for s in services.meetings.list_series()] == ["Quarterly planning"]


def test_flush_pending_saves_every_other_edit_when_one_saver_fails(
    controller: Controller, meeting_id: int, services: Services
) -> None:
    from alignmeet.services import NotFoundError

    def gone() -> None:
        raise NotFoundError("Agenda item 99 does not exist.")

    def broken() -> None:
        raise RuntimeError("disk on fire")

    savers = [
        DebouncedSaver(gone, delay_ms=60_000),
        DebouncedSaver(broken, delay_ms=60_000),
        DebouncedSaver(
            lambda: controller.update_meeting(meeting_id=meeting_id, topic="Still saved"),
            delay_ms=60_000,
        ),
    ]
    for saver in savers:
        controller.register_saver(saver)
        saver.touch()
    with pytest.raises(RuntimeError, match="disk on fire"):  # reported, after the others
        controller.flush_pending()
    assert services.meetings.get_meeting(meeting_id).topic == "Still saved"
    assert not controller.has_pending
    controller.flush_pending()  # the edit of something deleted is simply dropped


def test_create_next_meeting_invites_the_series_members_and_uses_its_template(
    qtbot: QtBot,
    controller: Controller,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
) -> None:
    ava, maya, leo = people["Ava Chen"], people["Maya Rossi"], people["Leo Novak"]
    series_id = services.meetings.get_meeting(meeting_id).series_id
    template = next(t for t in services.agenda.templates() if not t.name.startswith("Monthly"))
    with qtbot.waitSignal(controller.series_changed, timeout=1000):
        controller.update_series(
            series_id=series_id, cadence_days=14, default_template_id=template.id
        )
    with qtbot.waitSignal(controller.series_changed, timeout=1000):
        controller.set_series_members(series_id=series_id, member_ids=[ava, maya, leo])
    controller.update_member(member_id=leo, active=False)

    nxt = controller.create_next_meeting(meeting_id)
    assert nxt.starts_at == datetime(2030, 3, 19, 9, 0)  # +14 days
    assert {p.member_id for p in services.meetings.participants(nxt.id)} == {ava, maya}
    assert [i.title for i in services.agenda.items(nxt.id)] == [i.title for i in template.items]


def test_create_next_meeting_without_series_defaults_copies_the_previous_meeting(
    controller: Controller, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    nxt = controller.create_next_meeting(meeting_id)
    assert nxt.starts_at == datetime(2030, 4, 4, 9, 0)  # +30 days, the default cadence
    invited = {p.member_id for p in services.meetings.participants(nxt.id)}
    assert invited == set(people.values())
    assert [i.title for i in services.agenda.items(nxt.id)] == [
        i.title for i in services.agenda.items(meeting_id)
    ]


def test_a_refused_series_edit_announces_nothing(
    qtbot: QtBot, controller: Controller, services: Services, meeting_id: int
) -> None:
    series_id = services.meetings.get_meeting(meeting_id).series_id
    with qtbot.assertNotEmitted(controller.series_changed), pytest.raises(ValidationError) as err:
        controller.update_series(series_id=series_id, cadence_days=0)
    assert err.value.field == "cadence_days"
