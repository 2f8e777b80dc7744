"""Series, meetings, attendance, phases, commitments and closing."""

from datetime import datetime, timedelta

import pytest

from alignmeet.domain.enums import Attendance, ItemKind, MeetingStatus, Phase
from alignmeet.domain.rules import DEFAULT_END_GOAL, ValidationError
from alignmeet.services import NotFoundError
from alignmeet.services.meetings import DEFAULT_SERIES

STARTS = datetime(2026, 3, 10, 10, 0)


def builtin(services, name="Monthly Sales & Marketing sync"):
    return next(t for t in services.agenda.templates() if t.name == name)


# ---- creating -------------------------------------------------------------------------
def test_a_meeting_created_from_a_template_gets_its_agenda_and_invitees(services, people):
    template = builtin(services)
    meeting = services.meetings.create_meeting(
        title="Sales & Marketing sync — March",
        starts_at=STARTS,
        template_id=template.id,
        invitee_ids=[people.ana.id, people.chloe.id],
        facilitator_id=people.chloe.id,
        note_taker_id=people.ben.id,
    )
    assert meeting.status is MeetingStatus.PLANNED
    assert meeting.phase is Phase.OPEN
    assert meeting.series_name == DEFAULT_SERIES
    assert meeting.end_goal == DEFAULT_END_GOAL
    assert meeting.facilitator_name == "Chloé Martin"
    assert meeting.note_taker_name == "Ben Okoro"
    items = services.agenda.items(meeting.id)
    assert [(i.title, i.minutes, i.kind) for i in items] == [
        (t.title, t.minutes, t.kind) for t in template.items
    ]
    assert [i.position for i in items] == list(range(len(template.items)))
    participants = services.meetings.participants(meeting.id)
    assert [(p.name, p.attendance) for p in participants] == [
        ("Ana López", Attendance.INVITED),
        ("Chloé Martin", Attendance.INVITED),
    ]


def test_inviting_someone_twice_invites_them_once(services, people):
    meeting = services.meetings.create_meeting(
        title="Sync", starts_at=STARTS, invitee_ids=[people.ana.id, people.ana.id]
    )
    assert len(services.meetings.participants(meeting.id)) == 1


def test_start_time_is_kept_to_the_minute(services):
    meeting = services.meetings.create_meeting(
        title="Sync", starts_at=datetime(2026, 3, 10, 10, 0, 42, 123)
    )
    assert meeting.starts_at == STARTS


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"title": "  "}, "title"), ({"planned_minutes": 0}, "planned_minutes")],
)
def test_a_meeting_needs_a_title_and_a_sensible_length(services, kwargs, field):
    values = {"title": "Sync", "starts_at": STARTS, **kwargs}
    with pytest.raises(ValidationError) as err:
        services.meetings.create_meeting(**values)
    assert err.value.field == field
    assert services.meetings.list_meetings() == []


def test_inviting_an_unknown_member_creates_nothing(services):
    with pytest.raises(NotFoundError):
        services.meetings.create_meeting(title="Sync", starts_at=STARTS, invitee_ids=[999])
    assert services.meetings.list_meetings() == []


def test_series_are_found_by_name_whatever_the_case(services):
    first = services.meetings.ensure_series(name="Monthly sync")
    again = services.meetings.ensure_series(name="  MONTHLY   SYNC ")
    assert again.id == first.id
    assert [s.name for s in services.meetings.list_series()] == ["Monthly sync"]


def test_meetings_are_listed_newest_first(services, new_meeting):
    old = new_meeting(day=-30, title="February")
    new = new_meeting(day=0, title="March")
    assert [m.title for m in services.meetings.list_meetings()] == ["March", "February"]
    assert services.meetings.latest_meeting_id() == new.id
    assert services.meetings.get_meeting(old.id).title == "February"


def test_an_unknown_meeting_is_reported_as_not_found(services):
    with pytest.raises(NotFoundError, match="Meeting 42 does not exist"):
        services.meetings.get_meeting(42)


# ---- editing --------------------------------------------------------------------------
def test_updating_a_meeting_validates_like_creating(services, new_meeting):
    meeting = new_meeting()
    with pytest.raises(ValidationError):
        services.meetings.update_meeting(meeting_id=meeting.id, title="")
    with pytest.raises(ValidationError):
        services.meetings.update_meeting(meeting_id=meeting.id, planned_minutes=601)
    updated = services.meetings.update_meeting(
        meeting_id=meeting.id,
        title="  Lead   quality ",
        place="Room 4",
        topic="Why Sales rejects MQLs",
        planned_minutes=90,
    )
    assert (updated.title, updated.place, updated.planned_minutes) == ("Lead quality", "Room 4", 90)
    assert updated.topic == "Why Sales rejects MQLs"


def test_facilitator_can_be_set_and_cleared(services, new_meeting, people):
    meeting = new_meeting()
    set_ = services.meetings.update_meeting(meeting_id=meeting.id, facilitator_id=people.dev.id)
    assert set_.facilitator_name == "Dev Patel"
    cleared = services.meetings.update_meeting(meeting_id=meeting.id, facilitator_id=None)
    assert cleared.facilitator_id is None
    assert cleared.facilitator_name == ""


@pytest.mark.parametrize("offset", [timedelta(0), timedelta(days=-1)])
def test_the_next_meeting_must_be_after_this_one(services, new_meeting, offset):
    meeting = new_meeting()
    with pytest.raises(ValidationError) as err:
        services.meetings.update_meeting(
            meeting_id=meeting.id, next_meeting_at=meeting.starts_at + offset
        )
    assert err.value.field == "next_meeting_at"
    assert err.value.message == "The next meeting must be after this one."


def test_the_next_meeting_can_be_set_and_cleared(services, new_meeting):
    meeting = new_meeting()
    later = meeting.starts_at + timedelta(days=28)
    assert (
        services.meetings.update_meeting(meeting_id=meeting.id, next_meeting_at=later)
    ).next_meeting_at == later
    cleared = services.meetings.update_meeting(meeting_id=meeting.id, next_meeting_at=None)
    assert cleared.next_meeting_at is None


def test_deleting_a_meeting_removes_its_agenda_and_participants(services, new_meeting):
    meeting = new_meeting(template_id=builtin(services).id)
    services.meetings.delete_meeting(meeting.id)
    assert services.meetings.list_meetings() == []
    assert services.agenda.items(meeting.id) == []
    assert services.meetings.participants(meeting.id) == []


# ---- running --------------------------------------------------------------------------
def test_moving_past_the_opening_phase_starts_the_meeting(services, new_meeting):
    meeting = new_meeting()
    opened = services.meetings.set_phase(meeting_id=meeting.id, phase=Phase.OPEN)
    assert opened.status is MeetingStatus.PLANNED
    running = services.meetings.set_phase(meeting_id=meeting.id, phase=Phase.REVIEW)
    assert running.status is MeetingStatus.RUNNING
    assert running.phase is Phase.REVIEW
    back = services.meetings.set_phase(meeting_id=meeting.id, phase=Phase.OPEN)
    assert back.status is MeetingStatus.RUNNING


def test_recording_elapsed_time_starts_the_meeting(services, new_meeting):
    meeting = new_meeting()
    services.meetings.record_elapsed(meeting_id=meeting.id, seconds=95)
    again = services.meetings.get_meeting(meeting.id)
    assert again.elapsed_seconds == 95
    assert again.status is MeetingStatus.RUNNING


def test_attendance_present_and_apologies(services, new_meeting, people):
    meeting = new_meeting()
    services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.ana.id, attendance=Attendance.PRESENT
    )
    services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.dev.id, attendance=Attendance.APOLOGIES
    )
    by_name = {p.name: p for p in services.meetings.participants(meeting.id)}
    assert by_name["Ana López"].present
    assert by_name["Dev Patel"].attendance is Attendance.APOLOGIES
    assert by_name["Ben Okoro"].attendance is Attendance.INVITED


def test_marking_the_other_teams_representative_marks_them_present(services, new_meeting, people):
    meeting = new_meeting()
    rep = services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.chloe.id, representative=True
    )
    assert rep.representative
    assert rep.attendance is Attendance.PRESENT


def test_someone_who_sent_apologies_is_no_longer_the_representative(services, new_meeting, people):
    meeting = new_meeting()
    services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.chloe.id, representative=True
    )
    after = services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.chloe.id, attendance=Attendance.APOLOGIES
    )
    assert not after.representative


def test_a_member_who_walks_in_uninvited_can_be_marked_present(services, people, series):
    meeting = services.meetings.create_meeting(
        title="Sync", starts_at=STARTS, series_id=series.id, invitee_ids=[people.ana.id]
    )
    services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.ben.id, attendance=Attendance.PRESENT
    )
    assert {p.name for p in services.meetings.participants(meeting.id)} == {
        "Ana López",
        "Ben Okoro",
    }


def test_set_invitees_adds_and_removes(services, new_meeting, people):
    meeting = new_meeting(invitee_ids=[people.ana.id, people.ben.id])
    services.meetings.set_invitees(meeting_id=meeting.id, member_ids=[people.ben.id, people.dev.id])
    names = {p.name for p in services.meetings.participants(meeting.id)}
    assert names == {"Ben Okoro", "Dev Patel"}


# ---- commitments ----------------------------------------------------------------------
def test_a_present_member_commits_with_a_confidence(services, new_meeting, people, now):
    meeting = new_meeting()
    services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.ana.id, attendance=Attendance.PRESENT
    )
    committed = services.meetings.commit(
        meeting_id=meeting.id, member_id=people.ana.id, confidence=4, note="If legal says yes."
    )
    assert committed.committed
    assert committed.committed_at == now
    assert committed.confidence == 4
    assert committed.commitment_note == "If legal says yes."


def test_confidence_is_optional(services, new_meeting, people):
    meeting = new_meeting()
    services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.ana.id, attendance=Attendance.PRESENT
    )
    committed = services.meetings.commit(meeting_id=meeting.id, member_id=people.ana.id)
    assert committed.committed
    assert committed.confidence is None


@pytest.mark.parametrize("attendance", [Attendance.INVITED, Attendance.APOLOGIES])
def test_only_a_member_marked_present_can_commit(services, new_meeting, people, attendance):
    meeting = new_meeting()
    services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.ben.id, attendance=attendance
    )
    with pytest.raises(ValidationError) as err:
        services.meetings.commit(meeting_id=meeting.id, member_id=people.ben.id, confidence=3)
    assert err.value.field == "commitment"
    assert err.value.message == "Ben Okoro is not marked present in this meeting."


@pytest.mark.parametrize("confidence", [0, 6])
def test_confidence_is_from_one_to_five(services, new_meeting, people, confidence):
    meeting = new_meeting()
    services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.ana.id, attendance=Attendance.PRESENT
    )
    with pytest.raises(ValidationError):
        services.meetings.commit(
            meeting_id=meeting.id, member_id=people.ana.id, confidence=confidence
        )
    assert not services.meetings.participants(meeting.id)[0].committed


def test_someone_not_in_the_meeting_cannot_commit(services, people, series):
    meeting = services.meetings.create_meeting(title="Sync", starts_at=STARTS, series_id=series.id)
    with pytest.raises(NotFoundError):
        services.meetings.commit(meeting_id=meeting.id, member_id=people.ana.id)


def test_a_commitment_can_be_withdrawn(services, new_meeting, people):
    meeting = new_meeting()
    services.meetings.set_attendance(
        meeting_id=meeting.id, member_id=people.ana.id, attendance=Attendance.PRESENT
    )
    services.meetings.commit(meeting_id=meeting.id, member_id=people.ana.id, confidence=5)
    withdrawn = services.meetings.withdraw_commitment(
        meeting_id=meeting.id, member_id=people.ana.id
    )
    assert not withdrawn.committed
    assert withdrawn.confidence is None


# ---- closing --------------------------------------------------------------------------
def test_closing_a_meeting_sets_the_next_one_and_the_close_phase(services, new_meeting, now):
    meeting = new_meeting()
    next_at = meeting.starts_at + timedelta(days=28)
    closed = services.meetings.close_meeting(meeting_id=meeting.id, next_meeting_at=next_at)
    assert closed.status is MeetingStatus.CLOSED
    assert closed.phase is Phase.CLOSE
    assert closed.closed_at == now
    assert closed.next_meeting_at == next_at


def test_a_meeting_is_not_closed_when_the_next_date_is_wrong(services, new_meeting):
    meeting = new_meeting()
    with pytest.raises(ValidationError):
        services.meetings.close_meeting(
            meeting_id=meeting.id, next_meeting_at=meeting.starts_at - timedelta(days=1)
        )
    assert services.meetings.get_meeting(meeting.id).status is MeetingStatus.PLANNED


def test_a_closed_meeting_can_be_reopened(services, new_meeting):
    meeting = new_meeting()
    services.meetings.close_meeting(meeting_id=meeting.id)
    reopened = services.meetings.reopen_meeting(meeting.id)
    assert reopened.status is MeetingStatus.RUNNING
    assert reopened.closed_at is None


def test_templates_carry_special_item_kinds(services):
    kinds = {i.kind for i in builtin(services).items}
    assert ItemKind.KPI_REVIEW in kinds
    assert ItemKind.LEAD_FEEDBACK in kinds
