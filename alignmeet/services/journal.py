"""What one use case wrote, row by row, and how to take it back (the app's Undo) or do it
again (Redo) — for any use case, without each one writing its own inverse.

    with services.journal.recording() as changes:
        services.goals.delete_goal(goal_id=7)
    services.journal.revert(changes)    # the goal is back, with its id, its KPIs' links...
    services.journal.reapply(changes)   # ...and gone again

Recording listens to the ORM's flush (inserts, updates and deletes in the order they ran)
and to bulk UPDATE/DELETE statements, on this thread and this database only. A delete
also records what the database does on its own because of it: rows removed by
ON DELETE CASCADE and links cleared by ON DELETE SET NULL, so putting the row back puts
those back too. Rows keep their ids, so records that pointed at them point at them again.

Revert and reapply run in one transaction and check first that every row is still as the
change left it: when someone (another window, another facilitator) changed or used it
since, nothing is written and `ChangedSinceError` says what. A row's version counter goes
forward on every write, never back, so other clients' optimistic locking stays honest;
this client's own record of what it has seen (services.base) follows what undo wrote.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, event
from sqlalchemy.orm import Mapper, ORMExecuteState, Session

from alignmeet.domain.changes import OpChanges, merge
from alignmeet.i18n import _
from alignmeet.services.base import NotFoundError, ServiceBase, remember_written
from alignmeet.storage import changelog
from alignmeet.storage import models as m
from alignmeet.storage.queries import journal as q
from alignmeet.storage.queries.journal import Row, Table

VERSION = "version"  # the optimistic-locking counter: never compared, never put back
_BEFORE = "_journal_before"  # the row as stored, kept on the object between the two events


class ChangedSinceError(NotFoundError):
    """Undo or redo found a row changed or used since: nothing was written."""


@dataclass(frozen=True)
class RowChange:
    """One row's change: `before` None for an insert, `after` None for a delete."""

    table: str
    key: tuple[Any, ...]
    before: Row | None
    after: Row | None


@dataclass
class Changeset:
    """The rows one use case changed, in the order it changed them."""

    changes: list[RowChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def tables(self) -> set[str]:
        return {c.table for c in self.changes}

    def op_changes(self, origin: str = "") -> OpChanges:
        """The tables and row ids these rows belong to, and the meetings and agenda items
        those rows belong to (before and after): what screens refresh from."""
        ids: dict[str, set[int] | None] = {}
        within: dict[str, dict[str, set[int] | None]] = {}
        columns: dict[str, set[str] | None] = {}
        for c in self.changes:
            if c.before is None or c.after is None:
                columns[c.table] = None  # a row added or removed
            elif columns.setdefault(c.table, set()) is not None:
                columns[c.table] |= set(_changed_columns(c.before, c.after))  # type: ignore[operator]
            known = ids.setdefault(c.table, set())
            if known is not None and len(c.key) == 1 and isinstance(c.key[0], int):
                known.add(c.key[0])
            else:
                ids[c.table] = None
            for parent, column in changelog.parent_columns(c.table).items():
                found = within.setdefault(c.table, {}).setdefault(parent, set())
                for row in (c.before, c.after):
                    if row is not None and isinstance(row.get(column), int):
                        found.add(row[column])  # type: ignore[union-attr]
        return merge(
            [
                OpChanges(
                    ids={t: (frozenset(i) if i is not None else None) for t, i in ids.items()},
                    within={
                        t: {p: frozenset(i or ()) for p, i in ps.items()}
                        for t, ps in within.items()
                    },
                    columns={t: frozenset(c) for t, c in columns.items() if c is not None},
                )
            ],
            origin=origin,
        )

    def values(self, table: str, column: str) -> set[Any]:
        """Every value `column` of `table` had before or after (e.g. the meetings touched)."""
        found = set()
        for c in self.changes:
            if c.table == table:
                for row in (c.before, c.after):
                    if row is not None and row.get(column) is not None:
                        found.add(row[column])
        return found


# ---- recording ----------------------------------------------------------------------
_local = threading.local()  # .recording: list of (engine, Changeset), innermost last


def _active(connection: Connection) -> Changeset | None:
    stack = getattr(_local, "recording", None)
    if not stack:
        return None
    engine, changes = stack[-1]
    return changes if connection.engine is engine else None


def _record_delete(connection: Connection, changes: Changeset, table: Table, row: Row) -> None:
    """`row` is about to go: record first what the database will do because of it — the
    links ON DELETE SET NULL clears (on rows that stay), then the rows ON DELETE CASCADE
    takes, children before their parents — so that putting things back in reverse order
    puts parents back before the rows that point at them."""
    gone = {(c.table, c.key) for c in changes.changes if c.after is None}
    doomed: list[tuple[Table, Row]] = []
    _collect(connection, table, row, doomed, gone)
    if not doomed:
        return
    doomed_keys = {(t.name, q.key_of(t, r)) for t, r in doomed}
    cleared: dict[tuple[str, tuple[Any, ...]], tuple[Table, Row, Row]] = {}
    for parent, parent_row in doomed:
        for child, column, ondelete in q.referencing(parent):
            if ondelete != "SET NULL":
                continue
            target = parent_row[next(iter(column.foreign_keys)).column.name]
            for dependent in q.pointing_at(connection, child, column, target).all():
                key = (child.name, q.key_of(child, dependent))
                if key in doomed_keys:
                    continue
                _t, before, after = cleared.setdefault(
                    key, (child, dict(dependent), dict(dependent))
                )
                after[column.name] = None
    for (name, key), (_t, before, after) in cleared.items():
        changes.changes.append(RowChange(name, key, before, after))
    for doomed_table, doomed_row in doomed:
        changes.changes.append(
            RowChange(doomed_table.name, q.key_of(doomed_table, doomed_row), doomed_row, None)
        )


def _collect(
    connection: Connection,
    table: Table,
    row: Row,
    doomed: list[tuple[Table, Row]],
    seen: set[tuple[str, tuple[Any, ...]]],
) -> None:
    """`row` and every row ON DELETE CASCADE takes with it, children first."""
    key = (table.name, q.key_of(table, row))
    if key in seen:
        return
    seen.add(key)
    for child, column, ondelete in q.referencing(table):
        if ondelete != "CASCADE":
            continue
        target = row[next(iter(column.foreign_keys)).column.name]
        if target is None:
            continue
        for dependent in q.pointing_at(connection, child, column, target):
            _collect(connection, child, dict(dependent), doomed, seen)
    doomed.append((table, row))


def _key_from(mapper: Mapper[Any], target: Any) -> tuple[Any, ...]:
    return tuple(mapper.primary_key_from_instance(target))


def _before_delete(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    changes = _active(connection)
    if changes is None:
        return
    row = q.read(connection, mapper.local_table, _key_from(mapper, target))  # type: ignore[arg-type]
    if row is not None:
        _record_delete(connection, changes, mapper.local_table, row)  # type: ignore[arg-type]


def _before_update(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    if _active(connection) is not None:
        table = mapper.local_table
        target.__dict__[_BEFORE] = q.read(connection, table, _key_from(mapper, target))  # type: ignore[arg-type]


def _after_update(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    changes = _active(connection)
    before = target.__dict__.pop(_BEFORE, None)
    if changes is None or before is None:
        return
    table: Table = mapper.local_table  # type: ignore[assignment]
    after = q.read(connection, table, _key_from(mapper, target))
    if after is not None and _changed_columns(before, after):
        changes.changes.append(RowChange(table.name, q.key_of(table, after), before, after))


def _after_insert(mapper: Mapper[Any], connection: Connection, target: Any) -> None:
    changes = _active(connection)
    if changes is None:
        return
    table: Table = mapper.local_table  # type: ignore[assignment]
    after = q.read(connection, table, _key_from(mapper, target))
    if after is not None:
        changes.changes.append(RowChange(table.name, q.key_of(table, after), None, after))


def _changed_columns(before: Row, after: Row) -> list[str]:
    return [k for k in before if k != VERSION and before[k] != after.get(k)]


def _bulk(state: ORMExecuteState) -> Any:
    """A bulk UPDATE or DELETE: the rows it matches, before and after."""
    if not (state.is_update or state.is_delete):
        return None
    connection = state.session.connection()
    changes = _active(connection)
    if changes is None:
        return None
    statement = state.statement
    table = statement.table  # type: ignore[union-attr]
    if not isinstance(table, Table):
        return None
    rows = q.matching(connection, table, statement.whereclause)  # type: ignore[union-attr]
    if state.is_delete:
        for row in rows:
            _record_delete(connection, changes, table, row)
        return state.invoke_statement()
    result = state.invoke_statement()
    for before in rows:
        key = q.key_of(table, before)
        after = q.read(connection, table, key)
        if after is not None and _changed_columns(before, after):
            changes.changes.append(RowChange(table.name, key, before, after))
    return result


event.listen(m.Base, "before_delete", _before_delete, propagate=True)
event.listen(m.Base, "before_update", _before_update, propagate=True)
event.listen(m.Base, "after_update", _after_update, propagate=True)
event.listen(m.Base, "after_insert", _after_insert, propagate=True)
event.listen(Session, "do_orm_execute", _bulk)


# ---- putting back ---------------------------------------------------------------------
class JournalService(ServiceBase):
    @contextmanager
    def recording(self) -> Iterator[Changeset]:
        """Record what the use cases called inside the block write (this thread only)."""
        changes = Changeset()
        stack = getattr(_local, "recording", None)
        if stack is None:
            stack = _local.recording = []
        stack.append((self.db.engine, changes))
        try:
            yield changes
        finally:
            stack.pop()

    def revert(self, changes: Changeset) -> None:
        """Put back what `changes` changed, newest first."""
        self._replay([_inverse(c) for c in reversed(changes.changes)])

    def reapply(self, changes: Changeset) -> None:
        """Do `changes` again, after a revert."""
        self._replay(list(changes.changes))

    def _replay(self, steps: list[RowChange]) -> None:
        written: list[tuple[str, tuple[Any, ...], Row | None]] = []
        with self.db.transaction() as s:
            connection = s.connection()
            for step in steps:
                table = q.table(step.table)
                current = q.read(connection, table, step.key)
                if step.before is None:  # put the row back as it was
                    if current is not None:
                        raise ChangedSinceError(_changed(table, step.key))
                    q.insert_row(connection, table, step.after)  # type: ignore[arg-type]
                elif step.after is None:  # take it away, if nobody changed or used it since
                    if current is None or _changed_columns(step.before, current):
                        raise ChangedSinceError(_changed(table, step.key))
                    _refuse_if_used(connection, table, current)
                    q.delete_row(connection, table, step.key)
                else:  # the columns the change changed, if nobody changed them since
                    columns = _changed_columns(step.before, step.after)
                    if current is None or any(current[c] != step.before[c] for c in columns):
                        raise ChangedSinceError(_changed(table, step.key))
                    values = {c: step.after[c] for c in columns}
                    if VERSION in table.c:
                        values[VERSION] = (current.get(VERSION) or 0) + 1
                    q.update_row(connection, table, step.key, values)
                written.append((step.table, step.key, q.read(connection, table, step.key)))
                changelog.touch(s, step.table, step.key[0] if len(step.key) == 1 else None)
            engine = connection.engine
        _remember(engine, written)


def _inverse(change: RowChange) -> RowChange:
    return RowChange(change.table, change.key, change.after, change.before)


def _refuse_if_used(connection: Connection, table: Table, row: Row) -> None:
    """Deleting a row someone has linked to since would take their rows with it."""
    for child, column, _ondelete in q.referencing(table):
        target = row[next(iter(column.foreign_keys)).column.name]
        if target is None:
            continue
        if q.is_used(connection, child, column, target):
            raise ChangedSinceError(
                _(
                    "it has been used since ({table} {key}): undoing it would also remove "
                    "what was added to it."
                ).format(table=table.name.replace("_", " "), key=_key_text(row, table))
            )


def _key_text(row: Row, table: Table) -> str:
    return ", ".join(str(row[c.name]) for c in table.primary_key.columns)


def _changed(table: Table, key: tuple[Any, ...]) -> str:
    return _(
        "it was changed since, in another window or by someone else ({table} {key}): "
        "undoing it would overwrite that change."
    ).format(table=table.name.replace("_", " "), key=", ".join(str(k) for k in key))


def _remember(engine: Engine, written: list[tuple[str, tuple[Any, ...], Row | None]]) -> None:
    """This client has seen what it wrote itself: its conflict book and its record of its
    own writes follow the undo (see alignmeet.services.base)."""
    for table, key, row in written:
        if len(key) == 1:
            remember_written(engine, table, key[0], row)
