"""ORM rows → the plain records services hand out (alignmeet.domain.records)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from alignmeet.domain import records as r
from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind, MeetingStatus, Phase, TeamTag
from alignmeet.domain.rules import short_date
from alignmeet.storage import models as m

__all__ = [
    "member_name",
    "to_action",
    "to_item",
    "to_meeting",
    "to_member",
    "to_participant",
    "to_update",
]


def member_name(s: Session, member_id: int | None) -> str:
    if member_id is None:
        return ""
    member = s.get(m.Member, member_id)
    return member.name if member else ""


def to_member(obj: m.Member) -> r.MemberRecord:
    return r.MemberRecord(
        id=obj.id,
        name=obj.name,
        team_id=obj.team_id,
        team_name=obj.team.name,
        role=obj.role,
        email=obj.email,
        active=obj.active,
        version=obj.version,
    )


def to_meeting(s: Session, obj: m.Meeting) -> r.MeetingRecord:
    return r.MeetingRecord(
        id=obj.id,
        series_id=obj.series_id,
        series_name=obj.series.name,
        title=obj.title,
        starts_at=obj.starts_at,
        planned_minutes=obj.planned_minutes,
        place=obj.place,
        facilitator_id=obj.facilitator_id,
        facilitator_name=member_name(s, obj.facilitator_id),
        note_taker_id=obj.note_taker_id,
        note_taker_name=member_name(s, obj.note_taker_id),
        topic=obj.topic,
        end_goal=obj.end_goal,
        status=MeetingStatus(obj.status),
        phase=Phase(obj.phase),
        previous_minutes_approved=obj.previous_minutes_approved,
        next_meeting_at=obj.next_meeting_at,
        closing_notes=obj.closing_notes,
        elapsed_seconds=obj.elapsed_seconds,
        closed_at=obj.closed_at,
        version=obj.version,
        started_at=obj.started_at,
    )


def to_participant(obj: m.Participant) -> r.ParticipantRecord:
    return r.ParticipantRecord(
        meeting_id=obj.meeting_id,
        member_id=obj.member_id,
        name=obj.member.name,
        team_name=obj.member.team.name,
        role=obj.member.role,
        attendance=Attendance(obj.attendance),
        representative=obj.representative,
        committed_at=obj.committed_at,
        confidence=obj.confidence,
        commitment_note=obj.commitment_note,
        version=obj.version,
    )


def to_item(s: Session, obj: m.AgendaItem) -> r.AgendaItemRecord:
    carried = ""
    if obj.carried_from_id is not None:
        origin = s.get(m.AgendaItem, obj.carried_from_id)
        if origin is not None:
            meeting = s.get(m.Meeting, origin.meeting_id)
            if meeting is not None:
                carried = f"{meeting.title}, {short_date(meeting.starts_at.date())}"
    return r.AgendaItemRecord(
        id=obj.id,
        meeting_id=obj.meeting_id,
        position=obj.position,
        title=obj.title,
        owner_id=obj.owner_id,
        owner_name=member_name(s, obj.owner_id),
        minutes=obj.minutes,
        extra_minutes=obj.extra_minutes,
        kind=ItemKind(obj.kind),
        notes=obj.notes,
        used_seconds=obj.used_seconds,
        parked=obj.parked,
        carried_from=carried,
        persona_id=obj.persona_id,
        version=obj.version,
    )


def to_action(obj: m.Action, meeting: m.Meeting, owner: m.Member) -> r.ActionRecord:
    return r.ActionRecord(
        id=obj.id,
        meeting_id=obj.meeting_id,
        meeting_title=meeting.title,
        meeting_date=meeting.starts_at.date(),
        owner_id=obj.owner_id,
        owner_name=owner.name,
        title=obj.title,
        due=obj.due,
        team_tag=TeamTag(obj.team_tag),
        status=ActionStatus(obj.status),
        milestone=obj.milestone,
        position=obj.position,
        goal_id=obj.goal_id,
        persona_id=obj.persona_id,
        version=obj.version,
    )


def to_update(obj: m.ActionUpdate) -> r.ActionUpdateRecord:
    return r.ActionUpdateRecord(
        id=obj.id,
        action_id=obj.action_id,
        meeting_id=obj.meeting_id,
        changed_at=obj.changed_at,
        old_status=ActionStatus(obj.old_status) if obj.old_status else None,
        new_status=ActionStatus(obj.new_status),
        old_due=obj.old_due,
        new_due=obj.new_due,
        note=obj.note,
    )
