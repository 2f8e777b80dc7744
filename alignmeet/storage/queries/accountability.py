"""Accountability over time: meeting ratings, the commitments behind say/do, and what the
data proposes for an agenda."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, and_, func, or_, select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m
from alignmeet.storage.queries import tables

__all__ = [
    "commitment_updates",
    "commitments",
    "count_ratings",
    "decided_proposals",
    "fingerprint",
    "lead_batches",
    "meeting_starts",
    "members_with_team",
    "participant",
    "participants_with",
    "rated_meetings",
    "rating_of",
    "ratings",
    "slipped_actions",
]


def ratings(s: Session, meeting_id: int) -> list[Row[tuple[m.MeetingRating, str | None]]]:
    """(rating, rater's name — None when anonymous) for each rating of the meeting."""
    return list(
        s.execute(
            select(m.MeetingRating, m.Member.name)
            .outerjoin(m.Member, m.MeetingRating.member_id == m.Member.id)
            .where(m.MeetingRating.meeting_id == meeting_id)
        ).all()
    )


def participants_with(s: Session, meeting_id: int, attendance: str) -> list[int]:
    """The members of the meeting with this attendance."""
    return list(
        s.scalars(
            select(m.Participant.member_id).where(
                m.Participant.meeting_id == meeting_id, m.Participant.attendance == attendance
            )
        )
    )


def participant(s: Session, meeting_id: int, member_id: int) -> m.Participant | None:
    """One member's participation in the meeting (None: not invited)."""
    return s.scalar(
        select(m.Participant).where(
            m.Participant.meeting_id == meeting_id, m.Participant.member_id == member_id
        )
    )


def rating_of(s: Session, meeting_id: int, member_id: int) -> m.MeetingRating | None:
    """The member's rating of the meeting, if given."""
    return s.scalar(
        select(m.MeetingRating).where(
            m.MeetingRating.meeting_id == meeting_id, m.MeetingRating.member_id == member_id
        )
    )


def count_ratings(s: Session, meeting_id: int) -> int:
    """How many ratings the meeting has."""
    return tables.count(s, m.MeetingRating, m.MeetingRating.meeting_id == meeting_id)


def rated_meetings(
    s: Session,
) -> list[Row[tuple[int, str, datetime, int, str, int, float]]]:
    """(meeting id, title, start, series id, series name, ratings, average score) of every
    rated meeting, oldest first."""
    return list(
        s.execute(
            select(
                m.Meeting.id,
                m.Meeting.title,
                m.Meeting.starts_at,
                m.Meeting.series_id,
                m.Series.name,
                func.count(m.MeetingRating.id),
                func.avg(m.MeetingRating.score),
            )
            .join(m.Series, m.Series.id == m.Meeting.series_id)
            .join(m.MeetingRating, m.MeetingRating.meeting_id == m.Meeting.id)
            .group_by(
                m.Meeting.id,
                m.Meeting.title,
                m.Meeting.starts_at,
                m.Meeting.series_id,
                m.Series.name,
            )
            .order_by(m.Meeting.starts_at, m.Meeting.id)
        ).all()
    )


def members_with_team(s: Session) -> list[Row[tuple[m.Member, str]]]:
    """(member, team name) for every member."""
    return list(
        s.execute(select(m.Member, m.Team.name).join(m.Team, m.Team.id == m.Member.team_id))
    )


def fingerprint(s: Session) -> tuple[object, ...]:
    """What changes whenever anything a report reads changes: every write of those rows
    bumps a version (never back, undo included) or adds or removes a row."""
    out: list[object] = []
    for model, extra in (
        (m.ActionUpdate, func.max(m.ActionUpdate.id)),
        (m.Action, func.sum(m.Action.version)),
        (m.Participant, func.sum(m.Participant.version)),
        (m.Meeting, func.sum(m.Meeting.version)),
        (m.Member, func.sum(m.Member.version)),
    ):
        out.extend(s.execute(select(func.count(), extra).select_from(model)).one())
    return tuple(out)


def meeting_starts(conn: Connection) -> Iterator[Row[tuple[int, int, datetime]]]:
    """(meeting id, series id, start) of every meeting, as plain tuples."""
    yield from conn.execute(select(m.Meeting.id, m.Meeting.series_id, m.Meeting.starts_at))


def _commitment_query(
    *, series_id: int | None, owners: Sequence[int] | None, as_of: datetime | None
) -> Any:
    origin = m.Meeting
    query = (
        select(
            m.Action.id,
            m.Action.owner_id,
            m.Action.team_tag,
            m.Action.status,
            m.Action.due,
            origin.series_id,
            origin.starts_at,
            m.Participant.committed_at,
            m.Participant.confidence,
        )
        .join(origin, m.Action.meeting_id == origin.id)
        .join(
            m.Participant,
            and_(
                m.Participant.meeting_id == m.Action.meeting_id,
                m.Participant.member_id == m.Action.owner_id,
            ),
        )
        .where(m.Participant.committed_at.is_not(None))
    )
    if as_of is not None:
        query = query.where(m.Participant.committed_at <= as_of, m.Action.created_at <= as_of)
    if series_id is not None:
        query = query.where(origin.series_id == series_id)
    if owners is not None:
        query = query.where(m.Action.owner_id.in_(list(owners)))
    return query


def commitments(
    conn: Connection,
    *,
    series_id: int | None,
    owners: Sequence[int] | None,
    as_of: datetime | None,
) -> list[Row[Any]]:
    """(action id, owner, team tag, status, due, series, made at, committed at, confidence)
    of each action its owner committed to (by `as_of`; of one series, of these owners)."""
    query = _commitment_query(series_id=series_id, owners=owners, as_of=as_of)
    return list(conn.execute(query).all())


def commitment_updates(
    conn: Connection,
    *,
    series_id: int | None,
    owners: Sequence[int] | None,
    as_of: datetime | None,
) -> Iterator[Row[Any]]:
    """(action id, changed at, old status, new status, new due, meeting) of the history of
    those same actions, by action then time."""
    ids = _commitment_query(series_id=series_id, owners=owners, as_of=as_of).with_only_columns(
        m.Action.id
    )
    yield from conn.execute(
        select(
            m.ActionUpdate.action_id,
            m.ActionUpdate.changed_at,
            m.ActionUpdate.old_status,
            m.ActionUpdate.new_status,
            m.ActionUpdate.new_due,
            m.ActionUpdate.meeting_id,
        )
        .where(m.ActionUpdate.action_id.in_(ids))
        .order_by(m.ActionUpdate.action_id, m.ActionUpdate.changed_at, m.ActionUpdate.id)
    )


def decided_proposals(s: Session, meeting_id: int) -> list[m.AgendaProposal]:
    """The proposals the facilitator accepted or dismissed for this meeting."""
    return list(
        s.scalars(select(m.AgendaProposal).where(m.AgendaProposal.meeting_id == meeting_id))
    )


def slipped_actions(
    s: Session, meeting: m.Meeting, *, open_statuses: Collection[str], times: int
) -> list[Row[tuple[m.Action, str]]]:
    """(action, owner's name) for the open actions of the series' earlier meetings (by
    start time) whose due date moved at least `times` times, most slipped first."""
    origin = m.Meeting
    earlier = or_(
        origin.starts_at < meeting.starts_at,
        and_(origin.starts_at == meeting.starts_at, origin.id < meeting.id),
    )
    return list(
        s.execute(
            select(m.Action, m.Member.name)
            .join(origin, m.Action.meeting_id == origin.id)
            .join(m.Member, m.Member.id == m.Action.owner_id)
            .where(
                origin.series_id == meeting.series_id,
                earlier,
                m.Action.status.in_(open_statuses),
                m.Action.times_slipped >= times,
            )
            .order_by(m.Action.times_slipped.desc(), m.Action.id)
        ).all()
    )


def lead_batches(s: Session) -> list[Row[tuple[str, int | None, datetime]]]:
    """(period, meeting that reviewed it, created at) of every lead batch."""
    query = select(m.LeadBatch.period, m.LeadBatch.reviewed_in_meeting_id, m.LeadBatch.created_at)
    return list(s.execute(query).all())
