"""Series, meetings and who is invited to them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Row, select, update
from sqlalchemy.orm import Session, contains_eager

from alignmeet.storage import models as m

__all__ = [
    "active_series_members",
    "carried_ids",
    "latest_meeting_id",
    "meetings_newest_first",
    "parked_before",
    "participant",
    "participants",
    "series",
    "series_member_ids",
    "series_members",
    "set_meeting_fields",
]


def series(s: Session, *, by_name: bool = False, except_id: int | None = None) -> list[m.Series]:
    """Every series (by name when asked; leaving one out when asked)."""
    query = select(m.Series)
    if except_id is not None:
        query = query.where(m.Series.id != except_id)
    if by_name:
        query = query.order_by(m.Series.name)
    return list(s.scalars(query))


def series_members(s: Session, series_id: int) -> list[m.SeriesMember]:
    """The membership rows of a series."""
    return list(s.scalars(select(m.SeriesMember).where(m.SeriesMember.series_id == series_id)))


def series_member_ids(s: Session, series_id: int) -> tuple[int, ...]:
    """The members of a series, in name order (inactive ones included)."""
    return tuple(
        s.scalars(
            select(m.SeriesMember.member_id)
            .join(m.Member, m.Member.id == m.SeriesMember.member_id)
            .where(m.SeriesMember.series_id == series_id)
            .order_by(m.Member.name, m.Member.id)
        )
    )


def active_series_members(s: Session, series_id: int) -> list[int]:
    """The active members of a series, in name order."""
    return list(
        s.scalars(
            select(m.SeriesMember.member_id)
            .join(m.Member, m.Member.id == m.SeriesMember.member_id)
            .where(m.SeriesMember.series_id == series_id, m.Member.active.is_(True))
            .order_by(m.Member.name, m.Member.id)
        )
    )


def meetings_newest_first(s: Session) -> list[Row[tuple[m.Meeting, str]]]:
    """(meeting, series name) for every meeting, the latest start first."""
    return list(
        s.execute(
            select(m.Meeting, m.Series.name)
            .join(m.Series)
            .order_by(m.Meeting.starts_at.desc(), m.Meeting.id.desc())
        )
    )


def latest_meeting_id(s: Session) -> int | None:
    """The meeting that starts last (None: there is none)."""
    return s.scalar(select(m.Meeting.id).order_by(m.Meeting.starts_at.desc(), m.Meeting.id.desc()))


def set_meeting_fields(s: Session, meeting_id: int, values: dict[str, Any]) -> None:
    """A plain UPDATE of the meeting's row: never bumps its version (the clock's ticks)."""
    s.execute(update(m.Meeting).where(m.Meeting.id == meeting_id).values(**values))


def participants(s: Session, meeting_id: int, *, with_members: bool = False) -> list[m.Participant]:
    """A meeting's participants; `with_members`: each with its member and team loaded in
    the same query, ordered by team, then name."""
    if not with_members:
        query = select(m.Participant).where(m.Participant.meeting_id == meeting_id)
        return list(s.scalars(query))
    return list(
        s.scalars(
            select(m.Participant)
            .join(m.Member)
            .join(m.Team)
            .options(contains_eager(m.Participant.member).contains_eager(m.Member.team))
            .where(m.Participant.meeting_id == meeting_id)
            .order_by(m.Team.position, m.Member.name)
        )
    )


def participant(s: Session, meeting_id: int, member_id: int) -> m.Participant | None:
    """One member's participation in a meeting (None: not invited)."""
    return s.scalar(
        select(m.Participant).where(
            m.Participant.meeting_id == meeting_id, m.Participant.member_id == member_id
        )
    )


def carried_ids(s: Session) -> set[int]:
    """The parked items already carried to a later meeting."""
    query = select(m.AgendaItem.carried_from_id).where(m.AgendaItem.carried_from_id.is_not(None))
    return {ident for ident in s.scalars(query) if ident is not None}


def parked_before(s: Session, meeting: m.Meeting) -> list[m.AgendaItem]:
    """Items parked in the series' meetings up to this one's start, oldest first."""
    return list(
        s.scalars(
            select(m.AgendaItem)
            .join(m.Meeting, m.AgendaItem.meeting_id == m.Meeting.id)
            .where(
                m.Meeting.series_id == meeting.series_id,
                m.Meeting.id != meeting.id,
                m.Meeting.starts_at <= meeting.starts_at,
                m.AgendaItem.parked.is_(True),
            )
            .order_by(m.Meeting.starts_at, m.AgendaItem.position)
        ).all()
    )


def locked_status(s: Session, meeting_id: int) -> str | None:
    """The meeting's status as committed now, its row held until commit on a server
    (SELECT … FOR UPDATE; SQLite has one writer and leaves the clause out). A column, not
    the entity: a copy the session read earlier is neither trusted nor version-checked
    (the close committed meanwhile is what this must see). None: no such meeting."""
    return s.execute(
        select(m.Meeting.status).where(m.Meeting.id == meeting_id).with_for_update()
    ).scalar_one_or_none()
