"""Agenda items, their ideas and decisions, and the agenda templates."""

from __future__ import annotations

from sqlalchemy import Row, func, select, update
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = [
    "boxed_minutes",
    "carried_copy",
    "decisions",
    "ideas",
    "items",
    "lock_meeting",
    "next_planned_meeting",
    "set_used_seconds",
    "templates",
]


def items(s: Session, meeting_id: int, *, include_parked: bool = True) -> list[m.AgendaItem]:
    """A meeting's agenda items in their order (parked ones left out unless asked for)."""
    query = (
        select(m.AgendaItem)
        .where(m.AgendaItem.meeting_id == meeting_id)
        .order_by(m.AgendaItem.position, m.AgendaItem.id)
    )
    if not include_parked:
        query = query.where(m.AgendaItem.parked.is_(False))
    return list(s.scalars(query))


def boxed_minutes(s: Session, meeting_id: int) -> int:
    """The minutes given to the meeting's items that are not parked."""
    boxed = s.scalar(
        select(func.coalesce(func.sum(m.AgendaItem.minutes), 0)).where(
            m.AgendaItem.meeting_id == meeting_id, m.AgendaItem.parked.is_(False)
        )
    )
    return int(boxed or 0)


def set_used_seconds(s: Session, item_id: int, used_seconds: int) -> None:
    """A plain UPDATE of the item's timer: never bumps its version."""
    s.execute(
        update(m.AgendaItem).where(m.AgendaItem.id == item_id).values(used_seconds=used_seconds)
    )


def carried_copy(s: Session, item_id: int) -> m.AgendaItem | None:
    """The copy of a parked item carried to a later meeting, if there is one."""
    return s.scalar(select(m.AgendaItem).where(m.AgendaItem.carried_from_id == item_id))


def next_planned_meeting(s: Session, meeting: m.Meeting, planned: str) -> m.Meeting | None:
    """The series' first meeting after `meeting` whose status is `planned`."""
    return s.scalar(
        select(m.Meeting)
        .where(
            m.Meeting.series_id == meeting.series_id,
            m.Meeting.starts_at > meeting.starts_at,
            m.Meeting.status == planned,
        )
        .order_by(m.Meeting.starts_at)
    )


def ideas(s: Session, item_id: int) -> list[Row[tuple[m.Idea, str | None]]]:
    """(idea, author's name) for an item's ideas, in the order written. The names come in
    the same query: one look-up per idea would re-read each member."""
    return list(
        s.execute(
            select(m.Idea, m.Member.name)
            .outerjoin(m.Member, m.Idea.author_id == m.Member.id)
            .where(m.Idea.item_id == item_id)
            .order_by(m.Idea.id)
        )
    )


def decisions(s: Session, item_id: int) -> list[m.Decision]:
    """An item's decisions, in the order recorded."""
    query = select(m.Decision).where(m.Decision.item_id == item_id).order_by(m.Decision.id)
    return list(s.scalars(query))


def templates(s: Session, *, builtin_first: bool = False) -> list[m.AgendaTemplate]:
    """The agenda templates (built-in ones first, then by name, when asked)."""
    query = select(m.AgendaTemplate)
    if builtin_first:
        query = query.order_by(m.AgendaTemplate.builtin.desc(), m.AgendaTemplate.name)
    return list(s.scalars(query))


def lock_meeting(s: Session, meeting_id: int) -> None:
    """On a server, hold the meeting's row until commit (SELECT … FOR UPDATE); SQLite has
    one writer anyway and leaves the clause out."""
    s.execute(select(m.Meeting.id).where(m.Meeting.id == meeting_id).with_for_update())
