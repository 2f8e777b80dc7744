"""Any table's rows by primary key, for the row journal (services.journal): read a row,
put one back, change or remove one, and the rows that point at a row.

The journal works below the ORM, on the `Connection` of the flush or of its replay, with
Core statements built from each table; the functions here take that connection.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from sqlalchemy import Connection, MappingResult, Table, and_, delete, insert, select, update

from alignmeet.storage import models as m

__all__ = [
    "Row",
    "Table",
    "delete_row",
    "insert_row",
    "is_used",
    "key_of",
    "matching",
    "pointing_at",
    "read",
    "referencing",
    "table",
    "update_row",
]

Row = dict[str, Any]


def table(name: str) -> Table:
    return m.Base.metadata.tables[name]


def key_of(table: Table, row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c.name] for c in table.primary_key.columns)


def _where_key(table: Table, key: tuple[Any, ...]) -> Any:
    return and_(*(c == v for c, v in zip(table.primary_key.columns, key, strict=True)))


def read(connection: Connection, table: Table, key: tuple[Any, ...]) -> Row | None:
    row = connection.execute(select(table).where(_where_key(table, key))).mappings().first()
    return dict(row) if row is not None else None


@cache
def referencing(table: Table) -> tuple[tuple[Table, Any, str], ...]:
    """(child table, its foreign-key column, ondelete) for every column pointing at `table`
    (the schema does not change while the app runs: worked out once per table, not once per
    deleted row)."""
    return tuple(
        (child, fk.parent, (fk.ondelete or "NO ACTION").upper())
        for child in m.Base.metadata.sorted_tables
        for fk in child.foreign_keys
        if fk.column.table is table
    )


def pointing_at(connection: Connection, child: Table, column: Any, target: Any) -> MappingResult:
    """The rows of `child` whose `column` holds `target` (read as they are iterated)."""
    return connection.execute(select(child).where(column == target)).mappings()


def is_used(connection: Connection, child: Table, column: Any, target: Any) -> bool:
    """Whether a row of `child` has `target` in `column`."""
    return bool(connection.execute(select(child).where(column == target).limit(1)).first())


def matching(connection: Connection, table: Table, where: Any) -> list[Row]:
    """The rows of `table` that `where` (a statement's WHERE clause, None: every row)
    selects."""
    query = select(table) if where is None else select(table).where(where)
    return [dict(r) for r in connection.execute(query).mappings().all()]


def insert_row(connection: Connection, table: Table, values: Row) -> None:
    connection.execute(insert(table).values(**values))


def delete_row(connection: Connection, table: Table, key: tuple[Any, ...]) -> None:
    connection.execute(delete(table).where(_where_key(table, key)))


def update_row(connection: Connection, table: Table, key: tuple[Any, ...], values: Row) -> None:
    connection.execute(update(table).where(_where_key(table, key)).values(**values))
