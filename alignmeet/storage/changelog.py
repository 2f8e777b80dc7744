"""Every committed write says what it changed: the change log, and the feed that reads it.

Any session that writes (a use case, an undo, an import, the CLI, a Room Link request)
collects the tables and row ids it inserted, updated or deleted — through the ORM, by a
bulk UPDATE/DELETE statement, or by the database itself (ON DELETE CASCADE / SET NULL) —
and, in the same transaction, adds one `change_log` row naming them and the client that
wrote them (`Database.origin`). Nothing to remember at each call site: a new use case is
covered by being a use case.

    with db.transaction() as s: ...           # writes → one change_log row at commit
    changes_of(session)                       # what this session wrote so far (OpChanges)
    feed = ChangeFeed(db)                      # another client's writes, as they land:
    feed.poll()                                # OpChanges (possibly empty), cheap to call

The feed is a poll, cheap enough for once a second: on SQLite `PRAGMA data_version`
tells without a query whether anybody committed since; on PostgreSQL it is one indexed
range query. PostgreSQL hands out ids before commit, so a row with a lower id can become
visible after a higher one: the feed remembers such gaps for a while and reads them again.
Rows older than a day are trimmed (`trim`).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table, delete, event, func, insert, select
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, object_session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import BinaryExpression, BindParameter

from alignmeet.domain.changes import MAX_IDS, OpChanges, merge
from alignmeet.storage import models as m

ORIGIN = "alignmeet_origin"  # Session.info key: the writing client's id (Database.origin)
_TOUCHED = "alignmeet_touched"  # Session.info key: {table: set of ids | None}
LOG = m.ChangeLog.__table__
KEEP = timedelta(days=1)
GAP_PATIENCE_S = 30.0  # how long a missing id may still turn up (PostgreSQL)


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# ---- collecting what a session writes ----------------------------------------------------
def touch(session: Session, table: str, ident: Any = None) -> None:
    """Note that `session` changed row `ident` of `table` (None: rows not listed)."""
    touched: dict[str, set[int] | None] = session.info.setdefault(_TOUCHED, {})
    if ident is None or not isinstance(ident, int):
        touched[table] = None
        return
    rows = touched.setdefault(table, set())
    if rows is not None:
        rows.add(ident)
        if len(rows) > MAX_IDS:
            touched[table] = None


def changes_of(session: Session) -> OpChanges:
    """What `session` has written so far in its transaction."""
    touched = session.info.get(_TOUCHED) or {}
    return OpChanges(
        ids={t: (frozenset(i) if i is not None else None) for t, i in touched.items()},
        origin=str(session.info.get(ORIGIN, "")),
        local=True,
    )


@cache
def _dependents(table: Table) -> tuple[str, ...]:
    """Tables whose rows the database changes when a row of `table` goes (CASCADE, SET
    NULL), all the way down: they are reported as changed too (rows not listed)."""
    found: list[str] = []

    def walk(parent: Table) -> None:
        for child in m.Base.metadata.sorted_tables:
            for fk in child.foreign_keys:
                follows = (fk.ondelete or "").upper() in {"CASCADE", "SET NULL"}
                if fk.column.table is parent and follows and child.name not in found:
                    found.append(child.name)
                    walk(child)

    walk(table)
    return tuple(found)


def _ident(mapper: Mapper[Any], target: Any) -> Any:
    key = mapper.primary_key_from_instance(target)
    return key[0] if len(key) == 1 else None


def _table_of(mapper: Mapper[Any]) -> Table:
    return mapper.local_table  # type: ignore[return-value]


def _after_insert(mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    session = object_session(target)
    if session is not None:
        touch(session, _table_of(mapper).name, _ident(mapper, target))


def _before_update(mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    session = object_session(target)
    if session is not None and session.is_modified(target, include_collections=False):
        touch(session, _table_of(mapper).name, _ident(mapper, target))


def _before_delete(mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    session = object_session(target)
    if session is None:
        return
    table = _table_of(mapper)
    touch(session, table.name, _ident(mapper, target))
    for dependent in _dependents(table):
        touch(session, dependent)


def _one_row(table: Table, where: Any) -> int | None:
    """The id of `WHERE <primary key> = <value>`, the one shape a bulk statement here names
    a single row with (e.g. the meeting clock's UPDATE); None for anything else."""
    if not isinstance(where, BinaryExpression) or where.operator is not operators.eq:
        return None
    keys = list(table.primary_key.columns)
    right = where.right
    if len(keys) == 1 and keys[0].shares_lineage(where.left) and isinstance(right, BindParameter):
        value = right.effective_value
        return value if isinstance(value, int) else None
    return None


def _bulk(state: ORMExecuteState) -> None:
    """A bulk UPDATE or DELETE statement: its table, and its row when it names one."""
    if not (state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if not isinstance(table, Table) or table is LOG:
        return
    touch(state.session, table.name, _one_row(table, state.statement.whereclause))  # type: ignore[attr-defined]
    if state.is_delete:
        for dependent in _dependents(table):
            touch(state.session, dependent)


def _before_commit(session: Session) -> None:
    """Write the change-log row in the transaction being committed (flush first: what is
    still pending is part of this write)."""
    session.flush()
    touched = session.info.pop(_TOUCHED, None)
    if not touched:
        return
    changes = OpChanges(
        ids={t: (frozenset(i) if i is not None else None) for t, i in touched.items()}
    )
    session.connection().execute(
        insert(LOG).values(
            at=_utcnow(),
            origin=str(session.info.get(ORIGIN, "")),
            changes=json.dumps(changes.to_json(), separators=(",", ":")),
        )
    )


def _after_rollback(session: Session) -> None:
    session.info.pop(_TOUCHED, None)


event.listen(m.Base, "after_insert", _after_insert, propagate=True)
event.listen(m.Base, "before_update", _before_update, propagate=True)
event.listen(m.Base, "before_delete", _before_delete, propagate=True)
event.listen(Session, "do_orm_execute", _bulk)
event.listen(Session, "before_commit", _before_commit)
event.listen(Session, "after_rollback", _after_rollback)


def trim(connection: Connection, *, now: datetime | None = None) -> int:
    """Forget changes older than a day (nobody polls that far back). Returns rows removed."""
    cutoff = (now or _utcnow()) - KEEP
    return connection.execute(delete(LOG).where(LOG.c.at < cutoff)).rowcount or 0


# ---- reading what others wrote -------------------------------------------------------------
class ChangeFeed:
    """Changes other clients committed to the database, as they land.

    Starts at the newest row: what was written before the feed existed is already on the
    screen. `poll()` returns the changes of every other origin since the previous poll,
    merged (empty OpChanges when there are none)."""

    def __init__(
        self,
        connect: Callable[[], Connection],
        origin: str,
        *,
        sqlite: bool,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._connect = connect
        self._origin = origin
        self._sqlite = sqlite
        self._clock = clock
        self._connection: Connection | None = None
        self._data_version: int | None = None
        self._gaps: dict[int, float] = {}  # missing id -> when first missed
        with self._session() as conn:
            self._last = conn.execute(select(func.coalesce(func.max(LOG.c.id), 0))).scalar_one()
            self._data_version = self._read_data_version(conn)

    def _session(self) -> Connection:
        if self._connection is None or self._connection.closed:
            self._connection = self._connect()
        return self._connection

    def _read_data_version(self, conn: Connection) -> int | None:
        if not self._sqlite:
            return None
        return int(conn.exec_driver_sql("PRAGMA data_version").scalar_one())

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def poll(self) -> OpChanges:
        conn = self._session()
        try:
            if self._sqlite:
                # Nobody committed since the last look: no query at all. (SQLite numbers
                # rows under its write lock, so there are never gaps to re-read.)
                version = self._read_data_version(conn)
                if version == self._data_version:
                    return OpChanges(local=False)
                self._data_version = version
            rows = self._rows(conn)
        finally:
            # Never hold a read transaction open between polls (it would pin the WAL).
            conn.rollback()
        return self._absorb(rows)

    def _rows(self, conn: Connection) -> list[Any]:
        query = select(LOG.c.id, LOG.c.origin, LOG.c.changes)
        condition = LOG.c.id > self._last
        if self._gaps:
            condition = condition | LOG.c.id.in_(sorted(self._gaps))
        return list(conn.execute(query.where(condition).order_by(LOG.c.id)))

    def _absorb(self, rows: Iterable[Any]) -> OpChanges:
        now = self._clock()
        found: list[OpChanges] = []
        seen: set[int] = set()
        for ident, origin, payload in rows:
            seen.add(ident)
            self._gaps.pop(ident, None)
            if ident > self._last:
                if not self._sqlite:
                    for missing in range(self._last + 1, ident):
                        if missing not in seen:
                            self._gaps.setdefault(missing, now)
                self._last = ident
            if origin == self._origin:
                continue
            try:
                data = json.loads(payload)
            except ValueError:
                continue
            found.append(OpChanges.from_json(data, origin=origin, local=False))
        for missing, since in list(self._gaps.items()):
            if now - since > GAP_PATIENCE_S:
                del self._gaps[missing]
        return merge(found, origin="", local=False) if found else OpChanges(local=False)


def open_feed(engine: Any, origin: str) -> ChangeFeed:
    """A feed on its own connection of `engine` (SQLite: data_version is per connection)."""
    return ChangeFeed(engine.connect, origin, sqlite=engine.dialect.name == "sqlite")


__all__ = ["ORIGIN", "ChangeFeed", "changes_of", "open_feed", "touch", "trim"]
