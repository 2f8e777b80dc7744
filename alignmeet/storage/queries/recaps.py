"""Recaps and reminders: who gets one, and the e-mail outbox they go through."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, select, update
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = [
    "action_owners",
    "claim",
    "due_candidates",
    "existing_keys",
    "last_created",
    "mark_stale_unconfirmed",
    "members",
    "messages",
    "open_actions_due_by",
    "participants_with",
    "pending_ids",
    "queued",
]

CHUNK = 900  # stays under SQLite's limit on bound parameters


def participants_with(s: Session, meeting_id: int, attendance: str) -> list[m.Participant]:
    """The meeting's participants with this attendance."""
    return list(
        s.scalars(
            select(m.Participant).where(
                m.Participant.meeting_id == meeting_id, m.Participant.attendance == attendance
            )
        )
    )


def action_owners(s: Session, meeting_id: int) -> list[int]:
    """The owner of each action agreed in the meeting (once per action)."""
    return list(s.scalars(select(m.Action.owner_id).where(m.Action.meeting_id == meeting_id)))


def members(s: Session, ids: Iterable[int]) -> list[m.Member]:
    """These members (in no particular order)."""
    wanted = list(ids)
    if not wanted:
        return []
    return list(s.scalars(select(m.Member).where(m.Member.id.in_(wanted))))


def open_actions_due_by(
    s: Session, until: date, open_statuses: Collection[str]
) -> list[Row[tuple[m.Action, m.Meeting, m.Member, str, str]]]:
    """(action, meeting, owner, series name, owner's team) for each open action of an
    active member due on or before `until`, soonest first."""
    return list(
        s.execute(
            select(m.Action, m.Meeting, m.Member, m.Series.name, m.Team.name)
            .join(m.Meeting, m.Meeting.id == m.Action.meeting_id)
            .join(m.Series, m.Series.id == m.Meeting.series_id)
            .join(m.Member, m.Member.id == m.Action.owner_id)
            .join(m.Team, m.Team.id == m.Member.team_id)
            .where(
                m.Action.status.in_(open_statuses),
                m.Action.due.is_not(None),
                m.Action.due <= until,
                m.Member.active.is_(True),
            )
            .order_by(m.Action.due, m.Action.id)
        ).all()
    )


def last_created(s: Session, kind: str, *, not_status: str) -> datetime | None:
    """When the newest message of `kind` not in status `not_status` was queued."""
    return s.scalar(
        select(m.OutboxMessage.created_at)
        .where(m.OutboxMessage.kind == kind, m.OutboxMessage.status != not_status)
        .order_by(m.OutboxMessage.created_at.desc())
        .limit(1)
    )


def existing_keys(s: Session, keys: Sequence[str]) -> set[str]:
    """Which of these de-duplication keys the outbox holds already."""
    found: set[str] = set()
    for start in range(0, len(keys), CHUNK):
        found |= set(
            s.scalars(
                select(m.OutboxMessage.dedup_key).where(
                    m.OutboxMessage.dedup_key.in_(keys[start : start + CHUNK])
                )
            )
        )
    return found


def messages(s: Session, *, except_status: str | None = None) -> list[m.OutboxMessage]:
    """The outbox, newest first (without the messages in `except_status`)."""
    query = select(m.OutboxMessage).order_by(
        m.OutboxMessage.created_at.desc(), m.OutboxMessage.id.desc()
    )
    if except_status is not None:
        query = query.where(m.OutboxMessage.status != except_status)
    return list(s.scalars(query))


def pending_ids(s: Session, statuses: Collection[str]) -> list[int]:
    """The ids of the messages in these statuses."""
    return list(
        s.scalars(select(m.OutboxMessage.id).where(m.OutboxMessage.status.in_(list(statuses))))
    )


def mark_stale_unconfirmed(
    s: Session, *, sending: str, unconfirmed: str, before: datetime, error: str
) -> int:
    """Messages still `sending` whose attempt started before `before` become `unconfirmed`,
    with `error` as the reason. Returns how many."""
    result: Any = s.execute(
        update(m.OutboxMessage)
        .where(m.OutboxMessage.status == sending, m.OutboxMessage.last_attempt_at < before)
        .values(status=unconfirmed, last_error=error)
    )
    return int(result.rowcount or 0)


def due_candidates(
    s: Session, queued: str, ids: Iterable[int] | None = None
) -> list[Row[tuple[int, int, datetime | None]]]:
    """(id, attempts, next attempt) of the queued messages (of `ids` when given), by id."""
    query = select(
        m.OutboxMessage.id, m.OutboxMessage.attempts, m.OutboxMessage.next_attempt_at
    ).where(m.OutboxMessage.status == queued)
    if ids is not None:
        query = query.where(m.OutboxMessage.id.in_(list(ids)))
    return list(s.execute(query.order_by(m.OutboxMessage.id)).all())


def claim(s: Session, ident: int, *, queued: str, sending: str, now: datetime) -> bool:
    """Take message `ident` for an attempt (queued → sending, attempts + 1) in one UPDATE;
    False when it is not queued any more (another sender took it)."""
    result: Any = s.execute(
        update(m.OutboxMessage)
        .where(m.OutboxMessage.id == ident, m.OutboxMessage.status == queued)
        .values(status=sending, attempts=m.OutboxMessage.attempts + 1, last_attempt_at=now)
    )
    return bool(result.rowcount == 1)


def queued(s: Session, ids: Iterable[int], queued_status: str) -> list[m.OutboxMessage]:
    """These messages, those still queued."""
    return list(
        s.scalars(
            select(m.OutboxMessage).where(
                m.OutboxMessage.id.in_(list(ids)), m.OutboxMessage.status == queued_status
            )
        )
    )
