"""Loading many rows at once (the large demo, the load benches)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

__all__ = ["first_free_id", "insert_rows", "move_id_sequence"]


def first_free_id(s: Session, table: Table) -> int:
    """The first id after the rows already in `table`."""
    return int(s.scalar(select(func.max(table.c.id))) or 0) + 1


def insert_rows(s: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """One multi-row INSERT of `rows` into `table`."""
    s.execute(insert(table), list(rows))


def move_id_sequence(s: Session, table: Table) -> None:
    """PostgreSQL: rows inserted with explicit ids leave the id sequence behind; move it
    past them."""
    name = table.name
    s.execute(
        text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), (SELECT max(id) FROM {name}))")
    )
