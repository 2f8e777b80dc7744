"""Glossary terms and the versions of their definitions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m
from alignmeet.storage.queries import tables

__all__ = [
    "current",
    "next_number",
    "term_by_key",
    "terms",
    "version_count",
    "versions",
]


def terms(s: Session) -> list[m.GlossaryTerm]:
    """Every term."""
    return list(s.scalars(select(m.GlossaryTerm)))


def term_by_key(s: Session, key: str) -> m.GlossaryTerm | None:
    """The term that reads as `key` (alignmeet.domain.glossary.term_key)."""
    return s.scalar(select(m.GlossaryTerm).where(m.GlossaryTerm.term_key == key))


def versions(
    s: Session,
    *,
    term_id: int | None = None,
    status: str | None = None,
    meeting_id: int | None = None,
    except_id: int | None = None,
    newest_first: bool = False,
) -> list[m.GlossaryVersion]:
    """Versions (of one term, in one status, of one meeting, leaving one out), in the
    order they were written — or newest number first."""
    query = select(m.GlossaryVersion)
    if term_id is not None:
        query = query.where(m.GlossaryVersion.term_id == term_id)
    if status is not None:
        query = query.where(m.GlossaryVersion.status == status)
    if meeting_id is not None:
        query = query.where(m.GlossaryVersion.meeting_id == meeting_id)
    if except_id is not None:
        query = query.where(m.GlossaryVersion.id != except_id)
    if newest_first:
        query = query.order_by(m.GlossaryVersion.number.desc())
    elif meeting_id is not None:
        query = query.order_by(m.GlossaryVersion.id)
    return list(s.scalars(query))


def version_count(s: Session, term_id: int) -> int:
    """How many versions a term has."""
    return tables.count(s, m.GlossaryVersion, m.GlossaryVersion.term_id == term_id)


def current(s: Session, term_id: int, status: str) -> m.GlossaryVersion | None:
    """The term's version in `status` (the current definition: one at most)."""
    return s.scalar(
        select(m.GlossaryVersion).where(
            m.GlossaryVersion.term_id == term_id, m.GlossaryVersion.status == status
        )
    )


def next_number(s: Session, term_id: int) -> int:
    """The number the term's next version takes."""
    return tables.next_position(s, m.GlossaryVersion.number, m.GlossaryVersion.term_id == term_id)
