"""Queries that work on any table: one row's fields by id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from alignmeet.storage import models as m

__all__ = ["fields_of"]


def fields_of(
    s: Session, model: type[m.Base], ident: int, fields: Sequence[str]
) -> Row[Any] | None:
    """The stored values of `fields` of row `ident` of `model` (None: no such row)."""
    columns = [getattr(model, f) for f in fields]
    return s.execute(select(*columns).where(model.id == ident)).one_or_none()  # type: ignore[attr-defined]
