"""Optimistic locking: a save of fields people edit raises ConflictError instead of
overwriting a change someone else made since the person saw the record.

Built on SQLAlchemy's ORM events (load, insert, update, commit, rollback): each client
(one engine) keeps a book of what it read and what it wrote itself. Services use it through
`ServiceBase._guarded` / `_guarded_rows` (alignmeet/services/base.py); the row journal's
undo and redo tell it what they wrote with `remember_written`.
"""

from __future__ import annotations

import dataclasses
import traceback
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeVar

from sqlalchemy import Engine, event, inspect
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from alignmeet.i18n import N_, _
from alignmeet.services.errors import ConflictError
from alignmeet.services.mappers import member_name
from alignmeet.storage import models as m
from alignmeet.storage.database import Database
from alignmeet.storage.queries import tables as q

__all__ = [
    "GUARDED_FIELDS",
    "RECORD_NAMES",
    "VERSIONED_WRITES",
    "Guard",
    "Guards",
    "Seen",
    "acknowledge",
    "asked_fields",
    "book",
    "given",
    "guarded",
    "guarded_rows",
    "remember_written",
    "same_value",
    "side_effect",
    "versioned_write",
]

# The fields people edit on the records two facilitators may open at once. A save of
# them raises ConflictError instead of overwriting a field someone else changed since the
# user saw it; fields the save does not set are merged (one facilitator editing the title
# while another types the notes is no conflict, and neither are the timers — used
# seconds, elapsed time — that only the running meeting writes).
#
# What the user saw comes with the save: `seen=`, the record the screen showed (or a
# `Seen`): its `version` and its values. A field conflicts when the stored value is no
# longer the one the user saw — unless it is this client's own last write of that field
# (an autosave typed on top of its own previous save). A field the screen showed no
# value for conflicts when the version moved. Records with a version column also carry
# it as SQLAlchemy's `version_id_col`, so two saves racing through the same instant are
# caught by the database itself (StaleDataError → ConflictError).
#
# Without `seen` (scripts, the CLI, the load bench, a use case writing on its own) each
# client — one Database, so one engine — falls back to its book: the fields as it first
# read them through the ORM, then as it wrote them itself or agreed to someone else's
# (acknowledge_conflict). Reading the row again does not count as having seen a change.
# The book cannot know what a screen showed that came from a Core query (the Follow-ups
# list) or a row first read after the other's change: that is why screens pass `seen`.
GUARDED_FIELDS: dict[type[m.Base], tuple[str, ...]] = {
    m.Meeting: (
        "title",
        "starts_at",
        "planned_minutes",
        "place",
        "facilitator_id",
        "note_taker_id",
        "topic",
        "end_goal",
        "previous_minutes_approved",
        "next_meeting_at",
        "closing_notes",
    ),
    m.AgendaItem: ("title", "minutes", "owner_id", "kind", "notes", "persona_id"),
    m.Action: (
        "title",
        "owner_id",
        "due",
        "team_tag",
        "milestone",
        "goal_id",
        "persona_id",
        "status",
    ),
    # Attendance and commitments (participant.version: revision 0005).
    m.Participant: (
        "attendance",
        "representative",
        "committed_at",
        "confidence",
        "commitment_note",
    ),
}
GUARDED_FIELDS.update(
    {
        m.Member: ("name", "team_id", "role", "email", "active"),
        m.Persona: ("name", "role", "pains", "goals", "objections", "notes"),
        m.Goal: (
            "title",
            "period",
            "target_value",
            "actual_value",
            "unit",
            "disposition",
            "team_tag",
            "owner_id",
            "notes",
        ),
        m.Kpi: (
            "name",
            "description",
            "unit",
            "higher_is_better",
            "target",
            "period_kind",
            "team_tag",
        ),
        m.BoardEntry: ("kind", "title", "details", "team_tag", "author_id", "meeting_id"),
        # The toolkit's records without a version column: guarded by the values the user
        # saw (a row lock on the server closes the instant between check and write).
        m.KpiMeasurement: ("value", "target", "note"),
        m.GlossaryTerm: ("term",),
        m.GlossaryVersion: ("definition", "meeting_id"),
        m.DataNeed: ("title", "description"),
        m.LeadBatch: ("label", "period", "leads_received", "recorded_by_id", "notes"),
        m.LeadRejection: ("reason", "count", "lead_ref", "note"),
        m.CoachingCheckin: ("held_on", "progress", "tips_asked", "tips_given", "meeting_id"),
        m.ChannelRule: ("urgency", "channel", "response_time", "notes"),
    }
)
_MODELS = {model.__tablename__: model for model in GUARDED_FIELDS}
_LABELS = {
    m.Meeting: N_("Meeting"),
    m.AgendaItem: N_("Agenda item"),
    m.Action: N_("Action"),
    m.Participant: N_("Attendance"),
    m.Member: N_("Member"),
    m.Persona: N_("Persona"),
    m.Goal: N_("Goal"),
    m.Kpi: N_("KPI"),
    m.BoardEntry: N_("Board entry"),
    m.KpiMeasurement: N_("Measurement"),
    m.GlossaryTerm: N_("Glossary term"),
    m.GlossaryVersion: N_("Glossary version"),
    m.DataNeed: N_("Data need"),
    m.LeadBatch: N_("Lead batch"),
    m.LeadRejection: N_("Rejection line"),
    m.CoachingCheckin: N_("Check-in"),
    m.ChannelRule: N_("Channel rule"),
}
# What `ServiceBase._get` callers call the records they look for, for the catalogue: a
# missing one is reported in the user's language.
RECORD_NAMES = (
    N_("Agenda template"),
    N_("Channel rule"),
    N_("Check-in"),
    N_("Coaching pair"),
    N_("Data need"),
    N_("Decision"),
    N_("Glossary term"),
    N_("Glossary version"),
    N_("Idea"),
    N_("Lead batch"),
    N_("Measurement"),
    N_("Rejection line"),
    N_("Series"),
    N_("Team"),
)
_MEMBER_FIELDS = {"owner_id", "facilitator_id", "note_taker_id", "author_id", "recorded_by_id"}

# Every use case that changes guarded fields of a row that already exists, by its
# qualified name ("ActionService.set_status") → the record it changes. Each takes
# `seen=`. tests/services/test_no_silent_overwrite.py proves each one against a second
# client, and fails when a service writes guarded fields outside this list.
VERSIONED_WRITES: dict[str, type[m.Base]] = {}

F = TypeVar("F", bound=Callable[..., Any])


def versioned_write(model: type[m.Base]) -> Callable[[F], F]:
    """Mark a use case that changes `model`'s guarded fields (it takes `seen=`)."""

    def mark(function: F) -> F:
        VERSIONED_WRITES[function.__qualname__] = model
        return function

    return mark


@dataclass(frozen=True)
class Seen:
    """What a person saw of one record before changing it: the row's version (None for
    a table without one) and the values shown, by field name (stored values or the
    records' enums)."""

    version: int | None
    values: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def of(cls, shown: object) -> Seen:
        """A `Seen` from what a screen holds: a Seen, a record (dataclass or named tuple
        with a `version` field, or without one for tables that have none) or a mapping."""
        if isinstance(shown, Seen):
            return shown
        values: dict[str, object]
        if isinstance(shown, Mapping):
            values = dict(shown)
        elif dataclasses.is_dataclass(shown) and not isinstance(shown, type):
            values = {f.name: getattr(shown, f.name) for f in dataclasses.fields(shown)}
        elif hasattr(shown, "_asdict"):
            values = dict(shown._asdict())
        else:
            raise TypeError(f"cannot tell what was seen from {type(shown).__name__}")
        version = values.pop("version", None)
        return cls(version if isinstance(version, int) else None, values)


def _plain(value: object) -> object:
    return value.value if isinstance(value, Enum) else value


def same_value(a: object, b: object) -> bool:
    """Equal as stored: an enum and its stored key are the same, and so are "" and None
    (a text field and an unset choice read alike)."""
    a, b = _plain(a), _plain(b)
    if a in (None, "") and b in (None, ""):
        return True
    return bool(a == b)


_Seen = dict[str, object]
_Book = dict[tuple[str, int], _Seen]
_BOOKS: weakref.WeakKeyDictionary[Engine, _Book] = weakref.WeakKeyDictionary()
# What this client last wrote itself, per row and field (never what it read).
_OWN: weakref.WeakKeyDictionary[Engine, _Book] = weakref.WeakKeyDictionary()
_WRITTEN = "alignmeet_written"
_GUARDING = "alignmeet_guarding"  # session.info: the rows a guarded save is changing
_SIDE_EFFECT = "alignmeet_side_effect"  # session.info: a declared write of another row

# Called with a description when guarded fields of an existing row change outside a
# guarded save and outside a declared side effect (the test suite fails on it).
on_unguarded_write: Callable[[str], None] | None = None


def book(engine: Engine) -> _Book:
    book = _BOOKS.get(engine)
    if book is None:
        book = _BOOKS[engine] = {}
    return book


def _own(engine: Engine) -> _Book:
    own = _OWN.get(engine)
    if own is None:
        own = _OWN[engine] = {}
    return own


def remember_written(engine: Engine, table: str, ident: int, row: Mapping[str, Any] | None) -> None:
    """This client wrote `row` itself (the journal's undo and redo): its book and its own
    writes follow. None: the row is gone."""
    model = _MODELS.get(table)
    if model is None:
        return
    key = (table, ident)
    if row is None:
        book(engine).pop(key, None)
        _own(engine).pop(key, None)
        return
    values = {f: row[f] for f in GUARDED_FIELDS[model] if f in row}
    book(engine)[key] = dict(values)
    _own(engine)[key] = dict(values)


def _snapshot(obj: m.Base, fields: Iterable[str] | None = None) -> _Seen:
    return {f: getattr(obj, f) for f in (fields or GUARDED_FIELDS[type(obj)])}


def _key(obj: m.Base) -> tuple[str, int]:
    return (type(obj).__tablename__, obj.id)  # type: ignore[attr-defined]


def _engine_of(session: Session | None) -> Engine | None:
    bind = session.bind if session is not None else None
    return bind if isinstance(bind, Engine) else None


def _on_load(obj: m.Base, *_args: object) -> None:
    """A row read for the first time: what this client starts from."""
    engine = _engine_of(object_session(obj))
    if engine is not None:
        book(engine).setdefault(_key(obj), _snapshot(obj))


def _on_insert(_mapper: object, _connection: object, obj: m.Base) -> None:
    session = object_session(obj)
    if session is not None:
        session.info.setdefault(_WRITTEN, []).append((obj, None))


def _on_update(_mapper: object, _connection: object, obj: m.Base) -> None:
    """The guarded fields this client changed (any use case): remembered on commit."""
    session = object_session(obj)
    if session is None:
        return
    state = inspect(obj)
    changed = [f for f in GUARDED_FIELDS[type(obj)] if state.attrs[f].history.has_changes()]
    if changed:
        session.info.setdefault(_WRITTEN, []).append((obj, changed))
        if on_unguarded_write is not None and not (
            _key(obj) in session.info.get(_GUARDING, ()) or session.info.get(_SIDE_EFFECT)
        ):
            on_unguarded_write(_unguarded(obj, changed))


def _unguarded(obj: m.Base, changed: list[str]) -> str:
    """Who wrote which guarded fields of which row, without a guard."""
    frames = [
        f"{frame.filename.rsplit('/', 2)[-1]}:{frame.lineno} {frame.name}"
        for frame in traceback.extract_stack()
        if "/alignmeet/" in frame.filename and "/services/guard.py" not in frame.filename
    ]
    table, ident = _key(obj)
    return f"{table} {ident}: {', '.join(changed)} written by {' < '.join(reversed(frames))}"


def _on_commit(session: Session) -> None:
    written = session.info.pop(_WRITTEN, None)
    session.info.pop(_GUARDING, None)
    engine = _engine_of(session)
    if written and engine is not None:
        seen, own = book(engine), _own(engine)
        for obj, changed in written:
            values = _snapshot(obj, changed)
            seen.setdefault(_key(obj), {}).update(values)
            own.setdefault(_key(obj), {}).update(values)


def _on_rollback(session: Session) -> None:
    session.info.pop(_WRITTEN, None)
    session.info.pop(_GUARDING, None)


for _model in GUARDED_FIELDS:
    event.listen(_model, "load", _on_load)
    event.listen(_model, "after_insert", _on_insert)
    event.listen(_model, "after_update", _on_update)
event.listen(Session, "after_commit", _on_commit)
event.listen(Session, "after_rollback", _on_rollback)


@contextmanager
def side_effect(s: Session) -> Iterator[None]:
    """A use case writing guarded fields of *other* rows as a consequence of its own
    change (a data need's title becomes its action's title; a deleted goal's actions lose
    the link): declared, so the check for unguarded writes lets it pass."""
    before = s.info.get(_SIDE_EFFECT, 0)
    s.info[_SIDE_EFFECT] = before + 1
    try:
        yield
        s.flush()
    finally:
        s.info[_SIDE_EFFECT] = before


def _shown(s: Session, field: str, value: object) -> object:
    """A field's value as a person reads it: names instead of ids."""
    if value is None:
        return None
    if field in _MEMBER_FIELDS:
        return member_name(s, value)  # type: ignore[arg-type]
    if field == "team_id":
        team = s.get(m.Team, value)
        return team.name if team else None
    if field == "goal_id":
        goal = s.get(m.Goal, value)
        return goal.title if goal else None
    if field == "persona_id":
        persona = s.get(m.Persona, value)
        return persona.name if persona else None
    if field == "meeting_id":
        meeting = s.get(m.Meeting, value)
        return meeting.title if meeting else None
    return value


class Guard:
    """One guarded save (see ServiceBase._guarded)."""

    def __init__(
        self,
        db: Database,
        model: type[m.Base],
        ident: int | None,
        asked: set[str],
        seen: object | None,
    ) -> None:
        self.db = db
        self.model = model
        self.key: tuple[str, int] | None = (model.__tablename__, ident) if ident else None
        self.asked = [f for f in GUARDED_FIELDS[model] if f in asked]
        self.seen = Seen.of(seen) if seen is not None else None
        self.book = book(db.engine)
        self.base: _Seen | None = None
        self.what = _("{record} {id}").format(record=_(_LABELS[model]), id=ident)
        self.theirs: _Seen | None = None
        self.version: int | None = None
        self.mine: dict[str, object] = {}
        self.saved: _Seen | None = None

    def loaded(self, obj: m.Base, what: str) -> None:
        """The row as stored now, before this save changes it."""
        self.key = _key(obj)
        # The book as before this save: reading the row only adds it when it was missing,
        # and then it holds exactly what `theirs` holds (nothing to compare with).
        base = self.book.get(self.key)
        self.base = dict(base) if base is not None else None
        self.theirs = _snapshot(obj)
        self.version = getattr(obj, "version", None)
        self.what = what
        session = object_session(obj)
        if session is not None:
            session.info.setdefault(_GUARDING, set()).add(self.key)
            if self.seen is not None and "version" not in type(obj).__table__.c:  # type: ignore[attr-defined]
                # No version column to stop a racing save: hold the row until commit.
                session.refresh(obj, with_for_update=True)
                self.theirs = _snapshot(obj)

    def check(self, s: Session, obj: m.Base) -> None:
        """Raise ConflictError when a field this save sets was changed by someone else."""
        assert self.theirs is not None and self.key is not None, "call loaded() first"
        mine = _snapshot(obj, self.asked)
        self.mine = {f: _shown(s, f, v) for f, v in mine.items()}
        theirs = self.theirs
        if self.seen is not None:
            clashes = [f for f in self.asked if self._clashes(f, theirs[f])]
        elif self.base is None:  # never read here before: nothing to compare with
            self.saved = {**theirs, **mine}
            return
        else:
            base = self.base
            clashes = [f for f in self.asked if f in base and base[f] != theirs[f]]
        if clashes:
            raise ConflictError(
                self.what,
                {f: self.mine[f] for f in clashes},
                {f: _shown(s, f, theirs[f]) for f in clashes},
                key=self.key,
                stored={f: theirs[f] for f in clashes},
                version=self.version,
                rebased=self._rebased(theirs, self.version),
            )
        self.saved = {**(self.base or theirs), **mine}

    def _clashes(self, field: str, stored: object) -> bool:
        """Would writing `field` overwrite a value the user did not see?"""
        assert self.seen is not None and self.key is not None
        own = _own(self.db.engine).get(self.key, {})
        if field in own and same_value(own[field], stored):
            return False  # this client's own last write: typed on top of itself
        if field in self.seen.values:
            return not same_value(self.seen.values[field], stored)
        return self.seen.version is None or self.seen.version != self.version

    def _rebased(self, stored: Mapping[str, object], version: int | None) -> Seen | None:
        if self.seen is None:
            return None
        values = {**self.seen.values, **{f: stored[f] for f in self.asked if f in stored}}
        return Seen(version, values)

    def raced(self) -> ConflictError:
        """Another save won the race between our read and our write (StaleDataError)."""
        with self.db.sessions() as s:
            fields = list(self.mine)
            assert self.key is not None
            # Only versioned rows race this way.
            row = q.fields_of(s, self.model, self.key[1], [*fields, "version"])
            stored = dict(zip(fields, row[:-1], strict=True)) if row is not None else {}
            version = row[-1] if row is not None else None
            theirs = {f: _shown(s, f, stored.get(f)) for f in fields}
        return ConflictError(
            self.what,
            self.mine,
            theirs,
            key=self.key,
            stored=stored,
            version=version,
            rebased=self._rebased(stored, version),
        )


class Guards:
    """One change of many rows of a table, all or nothing (see ServiceBase._guarded_rows)."""

    def __init__(self, db: Database, model: type[m.Base], what: str) -> None:
        self.db = db
        self.model = model
        self.what = what
        self.guards: list[Guard] = []
        self.unchanged: list[Seen] = []

    def row(self, asked: set[str], seen: object | None) -> Guard:
        """The guard of one row (then `loaded`, change it, `check` as for one row)."""
        guard = Guard(self.db, self.model, None, asked, seen)
        self.guards.append(guard)
        return guard

    def untouched(self, seen: object) -> None:
        """A row shown that this change leaves alone (kept in `rebased` as it was)."""
        self.unchanged.append(Seen.of(seen))

    def check(self, s: Session, rows: Iterable[tuple[Guard, m.Base]]) -> None:
        """Check every row; when any was changed by someone else, one ConflictError with a
        part per such row — and nothing is written (the transaction rolls back)."""
        parts = []
        for guard, obj in rows:
            try:
                guard.check(s, obj)
            except ConflictError as exc:
                parts.append(exc)
        if parts:
            raise self._joined(parts)

    def _joined(self, parts: list[ConflictError]) -> ConflictError:
        rebased: list[Seen] = list(self.unchanged)
        by_key = {part.key: part for part in parts}
        for guard in self.guards:
            part = by_key.get(guard.key)
            if part is not None and isinstance(part.rebased, Seen):
                rebased.append(part.rebased)
            elif guard.seen is not None:
                rebased.append(guard.seen)
        what = "; ".join(part.what for part in parts) if len(parts) > 1 else parts[0].what
        return ConflictError(what, {}, {}, rebased=rebased, parts=parts)

    def raced(self) -> ConflictError:
        """Some row was saved by someone else between our check and our write."""
        parts = []
        for guard in self.guards:
            part = guard.raced()
            if part.version != guard.version:
                parts.append(part)
        return self._joined(parts or [guard.raced() for guard in self.guards[:1]])


def given(unset: object = None, **values: object) -> set[str]:
    """The fields a save sets: those whose value is neither None nor `unset`."""
    return {f for f, v in values.items() if v is not None and v is not unset}


def asked_fields(
    given: Mapping[str, object], clearable: Mapping[str, object], unset: object
) -> set[str]:
    """The fields a save sets: those of `given` that are not None (None: leave as is) and
    those of `clearable` that are not the `unset` sentinel (None: clear the field)."""
    return {f for f, v in given.items() if v is not None} | {
        f for f, v in clearable.items() if v is not unset
    }


@contextmanager
def guarded(
    db: Database,
    model: type[m.Base],
    ident: int | None,
    asked: set[str],
    seen: object | None = None,
) -> Iterator[Guard]:
    """Wrap a save of the `asked` fields of one row in optimistic locking.

    `seen`: what the user saw of the row (a record or a `Seen`); None falls back to
    this client's book. `ident` may be None when the row is found inside (the
    guard learns it from `loaded`). Use around the transaction: read the row,
    `guard.loaded(row, what)`, apply the change, `guard.check(s, row)` before
    flushing. On failure this client's book of the row stays as it was (the next
    save is checked against the same version).
    """
    guard = Guard(db, model, ident, asked, seen)
    try:
        yield guard
    except StaleDataError as exc:
        _restore(guard)
        raise guard.raced() from exc
    except BaseException:
        _restore(guard)
        raise
    if guard.saved is not None and guard.key is not None:
        guard.book[guard.key] = guard.saved


@contextmanager
def guarded_rows(db: Database, model: type[m.Base], what: str) -> Iterator[Guards]:
    """Optimistic locking for one change of many rows (all or nothing): per row
    `guards.row(asked, seen)`, `loaded`, change it; then `guards.check(s, rows)`."""
    guards = Guards(db, model, what)
    try:
        yield guards
    except StaleDataError as exc:
        for guard in guards.guards:
            _restore(guard)
        raise guards.raced() from exc
    except BaseException:
        for guard in guards.guards:
            _restore(guard)
        raise
    for guard in guards.guards:
        if guard.saved is not None and guard.key is not None:
            guard.book[guard.key] = guard.saved


def _restore(guard: Guard) -> None:
    # Never read here before: keep what the failed save read (the row as stored then,
    # recorded on load), so the book never holds part of a row — a missing field
    # would escape the check and its next save could overwrite someone else's.
    if guard.base is not None and guard.key is not None:
        guard.book[guard.key] = guard.base


def acknowledge(db: Database, conflict: ConflictError) -> None:
    """This client has now seen their version of the conflicting fields: the next save
    goes on top of it. Fields the book does not hold yet are read as stored now.
    (Saves that carry `seen` keep mine with `seen=conflict.rebased` instead.)"""
    if conflict.key is None:
        return
    entry = book(db.engine).setdefault(conflict.key, {})
    model = _MODELS.get(conflict.key[0])
    if model is not None:
        missing = [f for f in GUARDED_FIELDS[model] if f not in entry]
        if missing:
            with db.sessions() as s:
                row = q.fields_of(s, model, conflict.key[1], missing)
            if row is not None:
                entry.update(zip(missing, row, strict=True))
    entry.update(conflict.stored)
