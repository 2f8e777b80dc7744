"""Wins and hard lessons (the board)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = ["entries"]


def entries(
    s: Session,
    *,
    kind: str | None = None,
    team_tag: str | None = None,
    unresolved_only: bool = False,
    meeting_id: int | None = None,
) -> list[m.BoardEntry]:
    """Board entries, newest first, of one kind / team / meeting when given."""
    query = select(m.BoardEntry).order_by(m.BoardEntry.created_at.desc(), m.BoardEntry.id.desc())
    if kind is not None:
        query = query.where(m.BoardEntry.kind == kind)
    if team_tag is not None:
        query = query.where(m.BoardEntry.team_tag == team_tag)
    if unresolved_only:
        query = query.where(m.BoardEntry.resolved.is_(False))
    if meeting_id is not None:
        query = query.where(m.BoardEntry.meeting_id == meeting_id)
    return list(s.scalars(query))
