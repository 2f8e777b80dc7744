"""Coaching pairs (one from Sales, one from Marketing) and their check-ins."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = ["active_members", "active_pairs", "checkins_in_meeting", "checkins_of", "pairs"]


def pairs(
    s: Session, *, newest_first: bool = False, started_by: date | None = None
) -> list[m.CoachingPair]:
    """Every pair (started on or before `started_by` when given); newest first if asked."""
    query = select(m.CoachingPair)
    if started_by is not None:
        query = query.where(m.CoachingPair.started_on <= started_by)
    if newest_first:
        query = query.order_by(m.CoachingPair.started_on.desc(), m.CoachingPair.id.desc())
    return list(s.scalars(query))


def active_pairs(s: Session) -> list[m.CoachingPair]:
    """The pairs not ended."""
    return list(s.scalars(select(m.CoachingPair).where(m.CoachingPair.ended_on.is_(None))))


def checkins_of(
    s: Session, pair_id: int, *, until: date | None = None, newest_first: bool = False
) -> list[m.CoachingCheckin]:
    """A pair's check-ins (held on or before `until` when given); newest first if asked."""
    query = select(m.CoachingCheckin).where(m.CoachingCheckin.pair_id == pair_id)
    if until is not None:
        query = query.where(m.CoachingCheckin.held_on <= until)
    if newest_first:
        query = query.order_by(m.CoachingCheckin.held_on.desc(), m.CoachingCheckin.id.desc())
    return list(s.scalars(query))


def checkins_in_meeting(s: Session, meeting_id: int) -> list[m.CoachingCheckin]:
    """The check-ins logged in a meeting, oldest first."""
    return list(
        s.scalars(
            select(m.CoachingCheckin)
            .where(m.CoachingCheckin.meeting_id == meeting_id)
            .order_by(m.CoachingCheckin.held_on, m.CoachingCheckin.id)
        )
    )


def active_members(s: Session) -> list[m.Member]:
    """The active members, by name."""
    return list(
        s.scalars(select(m.Member).where(m.Member.active.is_(True)).order_by(m.Member.name))
    )
