"""Queries that work on any table: one row's fields by id, the largest value, a count."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = ["count", "fields_of", "largest", "next_position"]


def fields_of(
    s: Session, model: type[m.Base], ident: int, fields: Sequence[str]
) -> Row[Any] | None:
    """The stored values of `fields` of row `ident` of `model` (None: no such row)."""
    columns = [getattr(model, f) for f in fields]
    return s.execute(select(*columns).where(model.id == ident)).one_or_none()  # type: ignore[attr-defined]


def largest(s: Session, column: Any) -> Any:
    """The largest value of `column` over its table (None: the table is empty)."""
    return s.scalar(select(func.max(column)))


def next_position(s: Session, column: Any, *where: Any) -> int:
    """One past the largest position in `column` (among the rows `where` selects): where a
    new row goes at the end of its list."""
    return int(s.scalar(select(func.max(column)).where(*where)) or 0) + 1


def count(s: Session, model: type[m.Base], *where: Any) -> int:
    """How many rows of `model` (that `where` selects)."""
    return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)
