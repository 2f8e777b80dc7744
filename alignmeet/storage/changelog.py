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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table, delete, event, func, insert, inspect, select
from sqlalchemy.orm import Mapper, ORMExecuteState, Session, object_session
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import BinaryExpression, BindParameter

from alignmeet.domain.changes import MAX_IDS, PARENTS, OpChanges, merge
from alignmeet.storage import models as m

ORIGIN = "alignmeet_origin"  # Session.info key: the writing client's id (Database.origin)
_TOUCHED = "alignmeet_touched"  # Session.info key: {table: set of ids | None}
_WITHIN = "alignmeet_within"  # Session.info key: {table: {parent: set of ids | None}}
_COLUMNS = "alignmeet_columns"  # Session.info key: {table: set of updated columns | None}
_KEYS = (_TOUCHED, _WITHIN, _COLUMNS)
LOG = m.ChangeLog.__table__
KEEP = timedelta(days=1)
GAP_PATIENCE_S = 30.0  # how long a missing id may still turn up (PostgreSQL)
# The rows ((table, id)) a write running now saves as both versions of a conflict.
_KEPT_BOTH: ContextVar[frozenset[tuple[str, int]]] = ContextVar(
    "alignmeet_kept_both", default=frozenset()
)


@contextmanager
def keeping_both(rows: Iterable[tuple[str, int]]) -> Iterator[None]:
    """The writes inside save `rows` as both versions of a conflict ("Keep both"): their
    change-log rows say so (OpChanges.kept_both), for the other facilitator's window."""
    token = _KEPT_BOTH.set(frozenset(rows))
    try:
        yield
    finally:
        _KEPT_BOTH.reset(token)


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# ---- where rows belong -----------------------------------------------------------------
@cache
def parent_columns(table_name: str) -> dict[str, str]:
    """{parent table: column} for the columns of `table_name` that name the meeting or the
    agenda item its rows belong to (see alignmeet.domain.changes.PARENTS). The parent
    tables themselves are left out: their rows are their own parents."""
    if table_name not in m.Base.metadata.tables:
        return {}
    table = m.Base.metadata.tables[table_name]
    found: dict[str, str] = {}
    for fk in sorted(table.foreign_keys, key=lambda fk: fk.parent.name):
        parent = fk.column.table.name
        if parent in PARENTS and parent != table_name and parent not in found:
            found[parent] = fk.parent.name
    return found


def _add(known: set[int] | None, value: Any) -> set[int] | None:
    if known is None:
        return None
    if isinstance(value, int):
        known.add(value)
    return known if len(known) <= MAX_IDS else None


def changes_for(connection: Connection, rows: Iterable[tuple[str, int]]) -> OpChanges:
    """The rows `rows` ((table, id)) as a change, with the meetings and agenda items they
    belong to as stored now: what a screen refreshes to show them (say, the other
    facilitator's version after "take theirs")."""
    ids: dict[str, set[int]] = {}
    for table, ident in rows:
        ids.setdefault(table, set()).add(ident)
    within: dict[str, dict[str, frozenset[int]]] = {}
    for table_name, idents in ids.items():
        columns = parent_columns(table_name)
        if not columns:
            continue
        table = m.Base.metadata.tables[table_name]
        (key,) = table.primary_key.columns
        query = select(*(table.c[c] for c in columns.values())).where(key.in_(sorted(idents)))
        found: dict[str, set[int]] = {parent: set() for parent in columns}
        for row in connection.execute(query):
            for parent, value in zip(columns, row, strict=True):
                if isinstance(value, int):
                    found[parent].add(value)
        within[table_name] = {p: frozenset(v) for p, v in found.items()}
    return OpChanges(ids={t: frozenset(i) for t, i in ids.items()}, within=within)


# ---- collecting what a session writes ----------------------------------------------------
def touch(
    session: Session,
    table: str,
    ident: Any = None,
    parents: dict[str, Iterable[Any] | None] | None = None,
    columns: Iterable[str] | None = None,
) -> None:
    """Note that `session` changed row `ident` of `table` (None: rows not listed).
    `parents` gives, per parent column of the table (see parent_columns), the values the
    row had before and after (None: not known; left out: not known either); `columns`
    the columns an update changed (None: a row added or removed, or not known)."""
    updated: dict[str, set[str] | None] = session.info.setdefault(_COLUMNS, {})
    if columns is None:
        updated[table] = None
    elif table not in updated or updated[table] is not None:
        updated[table] = {*(updated.get(table) or ()), *columns}
    touched: dict[str, set[int] | None] = session.info.setdefault(_TOUCHED, {})
    if ident is None or not isinstance(ident, int):
        touched[table] = None
    else:
        rows = touched.setdefault(table, set())
        if rows is not None:
            touched[table] = _add(rows, ident)
    columns = parent_columns(table)
    if not columns:
        return
    within: dict[str, dict[str, set[int] | None]] = session.info.setdefault(_WITHIN, {})
    known = within.setdefault(table, {})
    for parent in columns:
        values = (parents or {}).get(parent)
        mine = known.setdefault(parent, set())
        if values is None:
            known[parent] = None
            continue
        for value in values:
            mine = _add(mine, value)
        known[parent] = mine


def _frozen_changes(session: Session) -> OpChanges:
    touched = session.info.get(_TOUCHED) or {}
    within = session.info.get(_WITHIN) or {}
    updated = session.info.get(_COLUMNS) or {}
    kept_both = frozenset(
        (t, i) for t, i in _KEPT_BOTH.get() if t in touched and i in (touched[t] or {i})
    )
    return OpChanges(
        ids={t: (frozenset(i) if i is not None else None) for t, i in touched.items()},
        within={
            t: {p: (frozenset(i) if i is not None else None) for p, i in ps.items()}
            for t, ps in within.items()
        },
        columns={t: frozenset(c) for t, c in updated.items() if c is not None and t in touched},
        kept_both=kept_both,
    )


def changes_of(session: Session) -> OpChanges:
    """What `session` has written so far in its transaction."""
    changes = _frozen_changes(session)
    return OpChanges(
        ids=changes.ids,
        origin=str(session.info.get(ORIGIN, "")),
        local=True,
        within=changes.within,
        columns=changes.columns,
        kept_both=changes.kept_both,
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


def _parents_of(mapper: Mapper[Any], target: Any) -> dict[str, Iterable[Any] | None]:
    """The meeting / agenda item `target` belongs to, before and after this flush."""
    found: dict[str, Iterable[Any] | None] = {}
    table = _table_of(mapper)
    state = inspect(target)
    for parent, column in parent_columns(table.name).items():
        prop = mapper.get_property_by_column(table.c[column])
        history = state.attrs[prop.key].history
        found[parent] = [*history.unchanged, *history.added, *history.deleted]
    return found


def _after_insert(mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    session = object_session(target)
    if session is not None:
        name = _table_of(mapper).name
        touch(session, name, _ident(mapper, target), _parents_of(mapper, target))


def _updated_columns(mapper: Mapper[Any], target: Any) -> list[str]:
    state = inspect(target)
    return [
        column.name
        for prop in mapper.column_attrs
        if state.attrs[prop.key].history.has_changes()
        for column in prop.columns
    ]


def _before_update(mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    session = object_session(target)
    if session is not None and session.is_modified(target, include_collections=False):
        name = _table_of(mapper).name
        touch(
            session,
            name,
            _ident(mapper, target),
            _parents_of(mapper, target),
            [c for c in _updated_columns(mapper, target) if c != "version"],
        )


def _before_delete(mapper: Mapper[Any], _connection: Connection, target: Any) -> None:
    session = object_session(target)
    if session is None:
        return
    table = _table_of(mapper)
    touch(session, table.name, _ident(mapper, target), _parents_of(mapper, target))
    for dependent in _dependents(table):
        touch(session, dependent)  # rows and parents not known


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


def _parents_of_row(
    session: Session, table: Table, ident: int | None
) -> dict[str, Iterable[Any] | None] | None:
    """The parents of the one row a bulk statement names (one small read; the meeting
    clock's statements name their row), or None (not known) for any other statement."""
    columns = parent_columns(table.name)
    if ident is None or not columns:
        return None
    (key,) = table.primary_key.columns
    query = select(*(table.c[c] for c in columns.values())).where(key == ident)
    row = session.connection().execute(query).first()
    if row is None:
        return None
    return {parent: [value] for parent, value in zip(columns, row, strict=True)}


def _bulk(state: ORMExecuteState) -> None:
    """A bulk UPDATE or DELETE statement: its table, and its row when it names one."""
    if not (state.is_update or state.is_delete):
        return
    table = getattr(state.statement, "table", None)
    if not isinstance(table, Table) or table is LOG:
        return
    ident = _one_row(table, state.statement.whereclause)  # type: ignore[attr-defined]
    touch(state.session, table.name, ident, _parents_of_row(state.session, table, ident))
    if state.is_delete:
        for dependent in _dependents(table):
            touch(state.session, dependent)


def _before_commit(session: Session) -> None:
    """Write the change-log row in the transaction being committed (flush first: what is
    still pending is part of this write)."""
    session.flush()
    changes = _frozen_changes(session)
    for key in _KEYS:
        session.info.pop(key, None)
    if not changes:
        return
    session.connection().execute(
        insert(LOG).values(
            at=_utcnow(),
            origin=str(session.info.get(ORIGIN, "")),
            changes=json.dumps(changes.to_json(), separators=(",", ":")),
        )
    )


def _after_rollback(session: Session) -> None:
    for key in _KEYS:
        session.info.pop(key, None)


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
        self._ignored: set[str] = set()
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

    def ignore(self, origin: str, *, ignored: bool = True) -> None:
        """Leave out (or, with `ignored=False`, hear again) the writes of another client
        this one hears in-process already (the window's own Room Link server)."""
        if ignored:
            self._ignored.add(origin)
        else:
            self._ignored.discard(origin)

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
            if origin == self._origin or origin in self._ignored:
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


__all__ = [
    "ORIGIN",
    "ChangeFeed",
    "changes_for",
    "changes_of",
    "open_feed",
    "parent_columns",
    "touch",
    "trim",
]
