"""Customer personas and what names them."""

from __future__ import annotations

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = ["actions_naming", "by_key", "in_meeting", "items_naming", "personas"]


def personas(s: Session, *, include_archived: bool = False) -> list[m.Persona]:
    """Active personas by name (archived ones after them when asked for)."""
    query = select(m.Persona).order_by(m.Persona.archived, m.Persona.name_key)
    if not include_archived:
        query = query.where(m.Persona.archived.is_(False))
    return list(s.scalars(query))


def by_key(s: Session, key: str) -> m.Persona | None:
    """The persona whose name reads as `key` (alignmeet.domain.rules.name_key)."""
    return s.scalar(select(m.Persona).where(m.Persona.name_key == key))


def items_naming(s: Session, persona_id: int) -> list[Row[tuple[m.AgendaItem, m.Meeting]]]:
    """(agenda item, its meeting) for each item naming the persona, oldest meeting first."""
    return list(
        s.execute(
            select(m.AgendaItem, m.Meeting)
            .join(m.Meeting, m.AgendaItem.meeting_id == m.Meeting.id)
            .where(m.AgendaItem.persona_id == persona_id)
            .order_by(m.Meeting.starts_at, m.AgendaItem.position, m.AgendaItem.id)
        )
    )


def actions_naming(s: Session, persona_id: int) -> list[Row[tuple[m.Action, m.Meeting]]]:
    """(action, its meeting) for each action naming the persona, oldest meeting first."""
    return list(
        s.execute(
            select(m.Action, m.Meeting)
            .join(m.Meeting, m.Action.meeting_id == m.Meeting.id)
            .where(m.Action.persona_id == persona_id)
            .order_by(m.Meeting.starts_at, m.Action.position, m.Action.id)
        )
    )


def in_meeting(s: Session, meeting_id: int) -> list[Row[tuple[m.Persona, str]]]:
    """(persona, agenda item title) for each item of the meeting naming a persona, in
    agenda order."""
    return list(
        s.execute(
            select(m.Persona, m.AgendaItem.title)
            .join(m.AgendaItem, m.AgendaItem.persona_id == m.Persona.id)
            .where(m.AgendaItem.meeting_id == meeting_id)
            .order_by(m.AgendaItem.position, m.AgendaItem.id)
        ).all()
    )
