"""Actions and their history."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Row, and_, or_, select
from sqlalchemy.orm import Session, aliased

from alignmeet.storage import models as m

__all__ = ["created_and_versions", "history", "in_meeting", "reviewed_in", "updates_of"]

CHUNK = 900  # stays under SQLite's limit on bound parameters


def in_meeting(s: Session, meeting_id: int) -> list[Row[tuple[m.Action, m.Meeting, m.Member]]]:
    """(action, meeting, owner) for the actions agreed in a meeting, in the order added."""
    return list(
        s.execute(
            select(m.Action, m.Meeting, m.Member)
            .join(m.Meeting, m.Action.meeting_id == m.Meeting.id)
            .join(m.Member, m.Action.owner_id == m.Member.id)
            .where(m.Action.meeting_id == meeting_id)
            .order_by(m.Action.position, m.Action.id)
        )
    )


def history(
    s: Session, action_id: int
) -> list[Row[tuple[m.ActionUpdate, str | None, datetime | None, str | None]]]:
    """(update, meeting title, meeting start, changed by) for each entry of the action's
    history, oldest first (the meeting and the person may be missing)."""
    by = aliased(m.Member)
    return list(
        s.execute(
            select(m.ActionUpdate, m.Meeting.title, m.Meeting.starts_at, by.name)
            .outerjoin(m.Meeting, m.ActionUpdate.meeting_id == m.Meeting.id)
            .outerjoin(by, m.ActionUpdate.changed_by_id == by.id)
            .where(m.ActionUpdate.action_id == action_id)
            .order_by(m.ActionUpdate.changed_at, m.ActionUpdate.id)
        )
    )


def reviewed_in(
    s: Session,
    meeting: m.Meeting,
    *,
    open_statuses: Collection[str],
    closed_at: datetime | None,
) -> list[Row[tuple[m.Action, m.Meeting, m.Member]]]:
    """(action, its meeting, owner) for the actions of earlier meetings of the series (by
    start time) that this meeting's review shows: still open, or reviewed in it — and, for a
    closed meeting (`closed_at`), changed after it closed (their state then is its own).
    Oldest meeting first, then by owner."""
    origin = m.Meeting
    reviewed_here = (
        select(m.ActionUpdate.action_id)
        .where(m.ActionUpdate.meeting_id == meeting.id)
        .scalar_subquery()
    )
    still_relevant: list[Any] = [
        m.Action.status.in_(open_statuses),
        m.Action.id.in_(reviewed_here),
    ]
    if closed_at is not None:
        changed_later = (
            select(m.ActionUpdate.action_id)
            .where(
                m.ActionUpdate.changed_at > closed_at,
                or_(
                    m.ActionUpdate.meeting_id.is_(None),
                    m.ActionUpdate.meeting_id != meeting.id,
                ),
            )
            .scalar_subquery()
        )
        still_relevant.append(m.Action.id.in_(changed_later))
    earlier = or_(
        origin.starts_at < meeting.starts_at,
        and_(origin.starts_at == meeting.starts_at, origin.id < meeting.id),
    )
    return list(
        s.execute(
            select(m.Action, origin, m.Member)
            .join(origin, m.Action.meeting_id == origin.id)
            .join(m.Member, m.Action.owner_id == m.Member.id)
            .where(
                origin.series_id == meeting.series_id,
                origin.id != meeting.id,
                earlier,
                or_(*still_relevant),
            )
            .order_by(origin.starts_at, m.Member.name, m.Action.position, m.Action.id)
        ).all()
    )


def updates_of(s: Session, action_ids: Sequence[int]) -> Iterator[m.ActionUpdate]:
    """The history entries of these actions, oldest first within each batch of ids."""
    for start in range(0, len(action_ids), CHUNK):
        yield from s.scalars(
            select(m.ActionUpdate)
            .where(m.ActionUpdate.action_id.in_(action_ids[start : start + CHUNK]))
            .order_by(m.ActionUpdate.changed_at, m.ActionUpdate.id)
        )


def created_and_versions(s: Session, ids: Sequence[int]) -> Iterator[Row[tuple[int, Any, Any]]]:
    """(id, created at, version) of these actions, read in batches of ids."""
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        yield from s.execute(
            select(m.Action.id, m.Action.created_at, m.Action.version).where(m.Action.id.in_(chunk))
        )
