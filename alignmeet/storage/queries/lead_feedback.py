"""Lead batches and their rejection lines."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = [
    "batches",
    "delete_lines_of",
    "lines_of",
    "periods",
    "rejected_counts",
    "reviewed_in",
    "unreviewed",
]


def batches(
    s: Session, *, period: str | None = None, ids: Iterable[int] | None = None
) -> list[m.LeadBatch]:
    """The batches with these `ids`, else of `period`, else all (in no particular order)."""
    query = select(m.LeadBatch)
    if ids is not None:
        query = query.where(m.LeadBatch.id.in_(list(ids)))
    elif period:
        query = query.where(m.LeadBatch.period == period)
    return list(s.scalars(query))


def periods(s: Session) -> set[str]:
    """The periods that have batches."""
    return set(s.scalars(select(m.LeadBatch.period)))


def unreviewed(s: Session) -> list[m.LeadBatch]:
    """Batches no meeting has reviewed yet."""
    return list(s.scalars(select(m.LeadBatch).where(m.LeadBatch.reviewed_in_meeting_id.is_(None))))


def reviewed_in(s: Session, meeting_id: int) -> list[m.LeadBatch]:
    """Batches reviewed in this meeting."""
    return list(
        s.scalars(select(m.LeadBatch).where(m.LeadBatch.reviewed_in_meeting_id == meeting_id))
    )


def rejected_counts(s: Session, batch_id: int) -> list[int]:
    """The count of each rejection line of a batch."""
    return list(
        s.scalars(select(m.LeadRejection.count).where(m.LeadRejection.batch_id == batch_id))
    )


def lines_of(s: Session, batch_ids: list[int]) -> list[m.LeadRejection]:
    """The rejection lines of these batches, in the order they were recorded."""
    return list(
        s.scalars(
            select(m.LeadRejection)
            .where(m.LeadRejection.batch_id.in_(batch_ids))
            .order_by(m.LeadRejection.id)
        )
    )


def delete_lines_of(s: Session, batch_id: int) -> None:
    """Remove every rejection line of a batch (before the batch itself)."""
    s.execute(delete(m.LeadRejection).where(m.LeadRejection.batch_id == batch_id))
