"""Shared plumbing for services: the database, a clock, ORM → record conversion, and
optimistic locking (ConflictError) for records two facilitators may edit at once."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from typing import TypeVar

from sqlalchemy import Engine, event, inspect, select
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from alignmeet.domain import records as r
from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind, MeetingStatus, Phase, TeamTag
from alignmeet.domain.rules import short_date
from alignmeet.i18n import N_, _
from alignmeet.storage import models as m
from alignmeet.storage.database import Database

T = TypeVar("T")


class NotFoundError(LookupError):
    """A record that does not exist (deleted elsewhere, or a wrong id)."""


class ConflictError(Exception):
    """Someone else saved the same fields of a record since this client last saw them.

    `mine` and `theirs` map each conflicting field to the value this save wanted and
    the value now stored, both ready to show (people and goals by name, not by id).
    Nothing was written. To keep mine, `acknowledge_conflict()` then save again (on
    top of their version: a third change since then conflicts again); to take theirs,
    `acknowledge_conflict()` and read the record again.
    """

    def __init__(
        self,
        what: str,
        mine: Mapping[str, object],
        theirs: Mapping[str, object],
        *,
        key: tuple[str, int] | None = None,
        stored: Mapping[str, object] | None = None,
    ) -> None:
        self.what = what
        self.mine = dict(mine)
        self.theirs = dict(theirs)
        self.key = key  # (table, id)
        self.stored = dict(stored or {})  # their values of the conflicting fields, as stored
        names = ", ".join(f.replace("_", " ") for f in self.mine)
        super().__init__(
            _("{what} was changed by someone else meanwhile ({fields}).").format(
                what=what, fields=names
            )
        )

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.mine)

    @property
    def same_values(self) -> bool:
        """Both saved the same values: keeping either changes nothing a person would see."""
        return all(self.mine[f] == self.theirs.get(f) for f in self.mine)


# ---- optimistic locking ----------------------------------------------------------------
# The fields people edit on the records two facilitators may open at once. Each client
# (one Database, so one engine) keeps a book of these fields as it first read them and
# then as it wrote them itself or agreed to someone else's (acknowledge_conflict). A save
# that changes a field someone else changed since then raises ConflictError instead of
# overwriting it. Reading the row again does not count as having seen a change: a screen
# reloads what it shows, but a field being typed into keeps the typist's text, and a
# read just before a save (the undo stack's "before") must not hide the conflict.
# Fields a save does not touch are merged: one facilitator editing the title while
# another types the notes is no conflict, and neither are the timers (used seconds,
# elapsed time) that only the running meeting writes. Each row also carries its
# `version_id_col`, so two saves racing through the same instant are caught by the
# database itself (StaleDataError → ConflictError).
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
        m.Kpi: ("name", "unit", "higher_is_better", "target", "period_kind", "team_tag"),
        m.BoardEntry: ("kind", "title", "details", "team_tag", "author_id", "meeting_id"),
    }
)
_MODELS = {model.__tablename__: model for model in GUARDED_FIELDS}
_LABELS = {
    m.Meeting: N_("Meeting"),
    m.AgendaItem: N_("Agenda item"),
    m.Action: N_("Action"),
    m.Member: N_("Member"),
    m.Persona: N_("Persona"),
    m.Goal: N_("Goal"),
    m.Kpi: N_("KPI"),
    m.BoardEntry: N_("Board entry"),
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
_MEMBER_FIELDS = {"owner_id", "facilitator_id", "note_taker_id"}

_Seen = dict[str, object]
_Book = dict[tuple[str, int], _Seen]
_BOOKS: weakref.WeakKeyDictionary[Engine, _Book] = weakref.WeakKeyDictionary()
_WRITTEN = "alignmeet_written"


def _book(engine: Engine) -> _Book:
    book = _BOOKS.get(engine)
    if book is None:
        book = _BOOKS[engine] = {}
    return book


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
        _book(engine).setdefault(_key(obj), _snapshot(obj))


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


def _on_commit(session: Session) -> None:
    written = session.info.pop(_WRITTEN, None)
    engine = _engine_of(session)
    if written and engine is not None:
        book = _book(engine)
        for obj, changed in written:
            seen = book.setdefault(_key(obj), {})
            seen.update(_snapshot(obj, changed))


def _on_rollback(session: Session) -> None:
    session.info.pop(_WRITTEN, None)


for _model in GUARDED_FIELDS:
    event.listen(_model, "load", _on_load)
    event.listen(_model, "after_insert", _on_insert)
    event.listen(_model, "after_update", _on_update)
event.listen(Session, "after_commit", _on_commit)
event.listen(Session, "after_rollback", _on_rollback)


def _shown(s: Session, field: str, value: object) -> object:
    """A field's value as a person reads it: names instead of ids."""
    if value is None:
        return None
    if field in _MEMBER_FIELDS:
        return member_name(s, value)  # type: ignore[arg-type]
    if field == "goal_id":
        goal = s.get(m.Goal, value)
        return goal.title if goal else None
    if field == "persona_id":
        persona = s.get(m.Persona, value)
        return persona.name if persona else None
    return value


class _Guard:
    """One guarded save (see ServiceBase._guarded)."""

    def __init__(self, db: Database, model: type[m.Base], ident: int, asked: set[str]) -> None:
        self.db = db
        self.model = model
        self.key = (model.__tablename__, ident)
        self.asked = [f for f in GUARDED_FIELDS[model] if f in asked]
        self.book = _book(db.engine)
        base = self.book.get(self.key)
        self.base = dict(base) if base is not None else None  # before this save reads
        self.what = _("{record} {id}").format(record=_(_LABELS[model]), id=ident)
        self.theirs: _Seen | None = None
        self.mine: dict[str, object] = {}
        self.saved: _Seen | None = None

    def loaded(self, obj: m.Base, what: str) -> None:
        """The row as stored now, before this save changes it."""
        self.theirs = _snapshot(obj)
        self.what = what

    def check(self, s: Session, obj: m.Base) -> None:
        """Raise ConflictError when a field this save sets was changed by someone else."""
        assert self.theirs is not None, "call loaded() first"
        mine = _snapshot(obj, self.asked)
        self.mine = {f: _shown(s, f, v) for f, v in mine.items()}
        if self.base is None:  # never read here before: nothing to compare with
            self.saved = {**self.theirs, **mine}
            return
        theirs = self.theirs
        clashes = [f for f in self.asked if f in self.base and self.base[f] != theirs[f]]
        if clashes:
            raise ConflictError(
                self.what,
                {f: self.mine[f] for f in clashes},
                {f: _shown(s, f, theirs[f]) for f in clashes},
                key=self.key,
                stored={f: theirs[f] for f in clashes},
            )
        self.saved = {**self.base, **mine}

    def raced(self) -> ConflictError:
        """Another save won the race between our read and our write (StaleDataError)."""
        with self.db.sessions() as s:
            columns = [getattr(self.model, f) for f in self.mine]
            ident = self.model.id == self.key[1]  # type: ignore[attr-defined]
            row = s.execute(select(*columns).where(ident)).one_or_none() if columns else None
            stored = dict(zip(self.mine, row, strict=True)) if row is not None else {}
            theirs = {f: _shown(s, f, stored.get(f)) for f in self.mine}
        return ConflictError(self.what, self.mine, theirs, key=self.key, stored=stored)


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


class ServiceBase:
    def __init__(self, db: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self.db = db
        self.clock = clock

    @contextmanager
    def _guarded(self, model: type[m.Base], ident: int, asked: set[str]) -> Iterator[_Guard]:
        """Wrap a save of the `asked` fields of one row in optimistic locking.

        Use around the transaction: read the row, `guard.loaded(row, what)`, apply the
        change, `guard.check(s, row)` before flushing. On failure this client's book of
        the row stays as it was (the next save is checked against the same version).
        """
        guard = _Guard(self.db, model, ident, asked)
        try:
            yield guard
        except StaleDataError as exc:
            self._restore(guard)
            raise guard.raced() from exc
        except BaseException:
            self._restore(guard)
            raise
        if guard.saved is not None:
            guard.book[guard.key] = guard.saved

    @staticmethod
    def _restore(guard: _Guard) -> None:
        # Never read here before: keep what the failed save read (the row as stored then,
        # recorded on load), so the book never holds part of a row — a missing field
        # would escape the check and its next save could overwrite someone else's.
        if guard.base is not None:
            guard.book[guard.key] = guard.base

    def acknowledge_conflict(self, conflict: ConflictError) -> None:
        """This client has now seen their version of the conflicting fields: the next save
        goes on top of it. Fields the book does not hold yet are read as stored now."""
        if conflict.key is None:
            return
        book = _book(self.db.engine)
        entry = book.setdefault(conflict.key, {})
        model = _MODELS.get(conflict.key[0])
        if model is not None:
            missing = [f for f in GUARDED_FIELDS[model] if f not in entry]
            if missing:
                with self.db.sessions() as s:
                    ident = model.id == conflict.key[1]  # type: ignore[attr-defined]
                    row = s.execute(
                        select(*[getattr(model, f) for f in missing]).where(ident)
                    ).one_or_none()
                if row is not None:
                    entry.update(zip(missing, row, strict=True))
        entry.update(conflict.stored)

    def _get(self, s: Session, model: type[T], ident: int, what: str) -> T:
        obj = s.get(model, ident)
        if obj is None:
            raise NotFoundError(_("{record} {id} does not exist.").format(record=_(what), id=ident))
        return obj

    def _now(self) -> datetime:
        return self.clock().replace(microsecond=0)


def member_name(s: Session, member_id: int | None) -> str:
    if member_id is None:
        return ""
    member = s.get(m.Member, member_id)
    return member.name if member else ""


def to_member(obj: m.Member) -> r.MemberRecord:
    return r.MemberRecord(
        id=obj.id,
        name=obj.name,
        team_id=obj.team_id,
        team_name=obj.team.name,
        role=obj.role,
        email=obj.email,
        active=obj.active,
    )


def to_meeting(s: Session, obj: m.Meeting) -> r.MeetingRecord:
    return r.MeetingRecord(
        id=obj.id,
        series_id=obj.series_id,
        series_name=obj.series.name,
        title=obj.title,
        starts_at=obj.starts_at,
        planned_minutes=obj.planned_minutes,
        place=obj.place,
        facilitator_id=obj.facilitator_id,
        facilitator_name=member_name(s, obj.facilitator_id),
        note_taker_id=obj.note_taker_id,
        note_taker_name=member_name(s, obj.note_taker_id),
        topic=obj.topic,
        end_goal=obj.end_goal,
        status=MeetingStatus(obj.status),
        phase=Phase(obj.phase),
        previous_minutes_approved=obj.previous_minutes_approved,
        next_meeting_at=obj.next_meeting_at,
        closing_notes=obj.closing_notes,
        elapsed_seconds=obj.elapsed_seconds,
        closed_at=obj.closed_at,
        started_at=obj.started_at,
    )


def to_participant(obj: m.Participant) -> r.ParticipantRecord:
    return r.ParticipantRecord(
        meeting_id=obj.meeting_id,
        member_id=obj.member_id,
        name=obj.member.name,
        team_name=obj.member.team.name,
        role=obj.member.role,
        attendance=Attendance(obj.attendance),
        representative=obj.representative,
        committed_at=obj.committed_at,
        confidence=obj.confidence,
        commitment_note=obj.commitment_note,
    )


def to_item(s: Session, obj: m.AgendaItem) -> r.AgendaItemRecord:
    carried = ""
    if obj.carried_from_id is not None:
        origin = s.get(m.AgendaItem, obj.carried_from_id)
        if origin is not None:
            meeting = s.get(m.Meeting, origin.meeting_id)
            if meeting is not None:
                carried = f"{meeting.title}, {short_date(meeting.starts_at.date())}"
    return r.AgendaItemRecord(
        id=obj.id,
        meeting_id=obj.meeting_id,
        position=obj.position,
        title=obj.title,
        owner_id=obj.owner_id,
        owner_name=member_name(s, obj.owner_id),
        minutes=obj.minutes,
        extra_minutes=obj.extra_minutes,
        kind=ItemKind(obj.kind),
        notes=obj.notes,
        used_seconds=obj.used_seconds,
        parked=obj.parked,
        carried_from=carried,
        persona_id=obj.persona_id,
    )


def to_action(obj: m.Action, meeting: m.Meeting, owner: m.Member) -> r.ActionRecord:
    return r.ActionRecord(
        id=obj.id,
        meeting_id=obj.meeting_id,
        meeting_title=meeting.title,
        meeting_date=meeting.starts_at.date(),
        owner_id=obj.owner_id,
        owner_name=owner.name,
        title=obj.title,
        due=obj.due,
        team_tag=TeamTag(obj.team_tag),
        status=ActionStatus(obj.status),
        milestone=obj.milestone,
        position=obj.position,
        goal_id=obj.goal_id,
        persona_id=obj.persona_id,
    )


def to_update(obj: m.ActionUpdate) -> r.ActionUpdateRecord:
    return r.ActionUpdateRecord(
        id=obj.id,
        action_id=obj.action_id,
        meeting_id=obj.meeting_id,
        changed_at=obj.changed_at,
        old_status=ActionStatus(obj.old_status) if obj.old_status else None,
        new_status=ActionStatus(obj.new_status),
        old_due=obj.old_due,
        new_due=obj.new_due,
        note=obj.note,
    )
