"""The minutes: one query per section of a meeting's minutes (participants, agenda items,
ideas, decisions, actions — plain columns, whatever the number of rows), and the minutes
of record kept when meetings close."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, aliased, defer

from alignmeet.domain import records as r
from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind, TeamTag
from alignmeet.domain.rules import short_date
from alignmeet.storage import models as m

__all__ = [
    "action_created",
    "approving_meetings",
    "decisions_by_item",
    "ideas_by_item",
    "items",
    "last_revision",
    "meeting_actions",
    "participants",
    "previous_meeting",
    "record",
    "record_rows",
    "updates_after",
]


def record_rows(s: Session, meeting_id: int) -> list[m.MinutesRecord]:
    """The meeting's revisions, newest first (the text is not loaded)."""
    return list(
        s.scalars(
            select(m.MinutesRecord)
            .options(defer(m.MinutesRecord.data))
            .where(m.MinutesRecord.meeting_id == meeting_id)
            .order_by(m.MinutesRecord.revision.desc())
        )
    )


def previous_meeting(s: Session, meeting: m.Meeting) -> m.Meeting | None:
    """The meeting of the same series just before this one (by start time, then id)."""
    return s.scalar(
        select(m.Meeting)
        .where(
            m.Meeting.series_id == meeting.series_id,
            m.Meeting.id != meeting.id,
            or_(
                m.Meeting.starts_at < meeting.starts_at,
                and_(m.Meeting.starts_at == meeting.starts_at, m.Meeting.id < meeting.id),
            ),
        )
        .order_by(m.Meeting.starts_at.desc(), m.Meeting.id.desc())
        .limit(1)
    )


def participants(s: Session, meeting_id: int) -> tuple[r.ParticipantRecord, ...]:
    p, member, team = m.Participant, m.Member, m.Team
    rows = s.execute(
        select(
            p.member_id,
            member.name,
            team.name,
            member.role,
            p.attendance,
            p.representative,
            p.committed_at,
            p.confidence,
            p.commitment_note,
            p.version,
        )
        .join(member, p.member_id == member.id)
        .join(team, member.team_id == team.id)
        .where(p.meeting_id == meeting_id)
        .order_by(team.position, member.name)
    )
    return tuple(
        r.ParticipantRecord(
            meeting_id=meeting_id,
            member_id=member_id,
            name=name,
            team_name=team_name,
            role=role,
            attendance=Attendance(attendance),
            representative=representative,
            committed_at=committed,
            confidence=confidence,
            commitment_note=note,
            version=version,
        )
        for (
            member_id,
            name,
            team_name,
            role,
            attendance,
            representative,
            committed,
            confidence,
            note,
            version,
        ) in rows
    )


def items(s: Session, meeting_id: int) -> list[r.AgendaItemRecord]:
    """The meeting's agenda items (parked ones too), with owner names and where an item
    carried over from, in one query of plain columns."""
    item = m.AgendaItem
    origin = aliased(m.AgendaItem)
    origin_meeting = aliased(m.Meeting)
    rows = s.execute(
        select(
            item.id,
            item.position,
            item.title,
            item.owner_id,
            m.Member.name,
            item.minutes,
            item.extra_minutes,
            item.kind,
            item.notes,
            item.used_seconds,
            item.parked,
            item.persona_id,
            item.version,
            origin_meeting.title,
            origin_meeting.starts_at,
        )
        .outerjoin(m.Member, item.owner_id == m.Member.id)
        .outerjoin(origin, item.carried_from_id == origin.id)
        .outerjoin(origin_meeting, origin.meeting_id == origin_meeting.id)
        .where(item.meeting_id == meeting_id)
        .order_by(item.position, item.id)
    )
    out = []
    for (
        item_id,
        position,
        title,
        owner_id,
        owner,
        minutes,
        extra,
        kind,
        notes,
        used,
        parked,
        persona_id,
        version,
        origin_title,
        origin_start,
    ) in rows:
        carried = ""
        if origin_title is not None and origin_start is not None:
            carried = f"{origin_title}, {short_date(origin_start.date())}"
        out.append(
            r.AgendaItemRecord(
                id=item_id,
                meeting_id=meeting_id,
                position=position,
                title=title,
                owner_id=owner_id,
                owner_name=owner or "",
                minutes=minutes,
                extra_minutes=extra,
                kind=ItemKind(kind),
                notes=notes,
                used_seconds=used,
                parked=parked,
                carried_from=carried,
                persona_id=persona_id,
                version=version,
            )
        )
    return out


def meeting_actions(s: Session, meeting: m.Meeting) -> list[r.ActionRecord]:
    """The actions agreed in the meeting, in the order they were added (as
    `ActionService.actions_for_meeting`, read as plain columns in one query)."""
    a = m.Action
    rows = s.execute(
        select(
            a.id,
            a.owner_id,
            m.Member.name,
            a.title,
            a.due,
            a.team_tag,
            a.status,
            a.milestone,
            a.position,
            a.goal_id,
            a.persona_id,
            a.version,
        )
        .join(m.Member, a.owner_id == m.Member.id)
        .where(a.meeting_id == meeting.id)
        .order_by(a.position, a.id)
    )
    day = meeting.starts_at.date()
    tags = {t.value: t for t in TeamTag}
    statuses = {x.value: x for x in ActionStatus}
    return [
        r.ActionRecord(
            id=action_id,
            meeting_id=meeting.id,
            meeting_title=meeting.title,
            meeting_date=day,
            owner_id=owner_id,
            owner_name=owner,
            title=title,
            due=due,
            team_tag=tags[tag],
            status=statuses[status],
            milestone=milestone,
            position=position,
            goal_id=goal_id,
            persona_id=persona_id,
            version=version,
        )
        for (
            action_id,
            owner_id,
            owner,
            title,
            due,
            tag,
            status,
            milestone,
            position,
            goal_id,
            persona_id,
            version,
        ) in rows
    ]


def ideas_by_item(s: Session, meeting_id: int) -> dict[int, list[r.IdeaRecord]]:
    idea = m.Idea
    rows = s.execute(
        select(idea.id, idea.item_id, idea.author_id, m.Member.name, idea.text)
        .join(m.AgendaItem, idea.item_id == m.AgendaItem.id)
        .outerjoin(m.Member, idea.author_id == m.Member.id)
        .where(m.AgendaItem.meeting_id == meeting_id)
        .order_by(idea.id)
    )
    out: dict[int, list[r.IdeaRecord]] = {}
    for idea_id, item_id, author_id, author, text in rows:
        out.setdefault(item_id, []).append(
            r.IdeaRecord(
                id=idea_id,
                item_id=item_id,
                author_id=author_id,
                author_name=author or "",
                text=text,
            )
        )
    return out


def decisions_by_item(s: Session, meeting_id: int) -> dict[int, list[r.DecisionRecord]]:
    decision = m.Decision
    rows = s.execute(
        select(decision.id, decision.item_id, decision.text)
        .join(m.AgendaItem, decision.item_id == m.AgendaItem.id)
        .where(m.AgendaItem.meeting_id == meeting_id)
        .order_by(decision.id)
    )
    out: dict[int, list[r.DecisionRecord]] = {}
    for decision_id, item_id, text in rows:
        out.setdefault(item_id, []).append(
            r.DecisionRecord(id=decision_id, item_id=item_id, text=text)
        )
    return out


def last_revision(s: Session, meeting_id: int) -> int | None:
    """The meeting's newest revision number (None: no minutes of record yet)."""
    return s.scalar(
        select(func.max(m.MinutesRecord.revision)).where(m.MinutesRecord.meeting_id == meeting_id)
    )


def record(s: Session, meeting_id: int, revision: int | None = None) -> m.MinutesRecord | None:
    """One revision of the meeting's minutes of record (the newest when not given)."""
    query = select(m.MinutesRecord).where(m.MinutesRecord.meeting_id == meeting_id)
    if revision is not None:
        query = query.where(m.MinutesRecord.revision == revision)
    return s.scalar(query.order_by(m.MinutesRecord.revision.desc()).limit(1))


def approving_meetings(s: Session, record_id: int) -> list[m.Meeting]:
    """The meetings that approved this revision of minutes, oldest first."""
    return list(
        s.scalars(
            select(m.Meeting)
            .where(
                m.Meeting.approved_minutes_id == record_id,
                m.Meeting.previous_minutes_approved.is_(True),
            )
            .order_by(m.Meeting.starts_at, m.Meeting.id)
        )
    )


def action_created(s: Session, ids: list[int]) -> dict[int, datetime]:
    """When each of these actions was created."""
    query = select(m.Action.id, m.Action.created_at).where(m.Action.id.in_(ids))
    return {action_id: when for action_id, when in s.execute(query)}


def updates_after(s: Session, ids: list[int], after: datetime) -> list[m.ActionUpdate]:
    """The history entries of these actions made after `after`, oldest first."""
    return list(
        s.scalars(
            select(m.ActionUpdate)
            .where(m.ActionUpdate.action_id.in_(ids), m.ActionUpdate.changed_at > after)
            .order_by(m.ActionUpdate.changed_at, m.ActionUpdate.id)
        )
    )
