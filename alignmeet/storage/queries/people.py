"""Teams and members."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = ["member_by_key", "members", "teams"]


def teams(s: Session) -> list[m.Team]:
    """Every team, in the order the people list shows them."""
    return list(s.scalars(select(m.Team).order_by(m.Team.position, m.Team.id)))


def members(s: Session, *, include_inactive: bool = True) -> list[m.Member]:
    """Members by team (in the teams' order), then by name."""
    query = select(m.Member).join(m.Team).order_by(m.Team.position, m.Member.name)
    if not include_inactive:
        query = query.where(m.Member.active.is_(True))
    return list(s.scalars(query))


def member_by_key(s: Session, key: str) -> m.Member | None:
    """The member whose name reads as `key` (alignmeet.domain.rules.name_key)."""
    return s.scalar(select(m.Member).where(m.Member.name_key == key))
