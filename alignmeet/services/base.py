"""What every service shares: the database, a clock, the text gate, and the optimistic
lock around saves (ServiceBase).

The pieces live in their own modules — errors (alignmeet.services.errors), the
optimistic-lock guard (alignmeet.services.guard) and the ORM → record mappers
(alignmeet.services.mappers) — and are named here too, where callers have long found them.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TypeVar

from sqlalchemy.orm import Session

from alignmeet.domain.enums import MeetingStatus
from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import _
from alignmeet.services import guard as _guard
from alignmeet.services.errors import ConflictError, NotFoundError
from alignmeet.services.guard import (
    GUARDED_FIELDS,
    RECORD_NAMES,
    VERSIONED_WRITES,
    Guard,
    Guards,
    Seen,
    asked_fields,
    given,
    remember_written,
    same_value,
    side_effect,
    versioned_write,
)
from alignmeet.services.mappers import (
    member_name,
    to_action,
    to_item,
    to_meeting,
    to_member,
    to_participant,
    to_update,
)
from alignmeet.services.text_gate import gate_methods
from alignmeet.storage import models as m
from alignmeet.storage.database import Database
from alignmeet.storage.queries import meetings as _meetings

__all__ = [
    "GUARDED_FIELDS",
    "RECORD_NAMES",
    "VERSIONED_WRITES",
    "ConflictError",
    "NotFoundError",
    "Seen",
    "ServiceBase",
    "asked_fields",
    "given",
    "member_name",
    "remember_written",
    "same_value",
    "side_effect",
    "to_action",
    "to_item",
    "to_meeting",
    "to_member",
    "to_participant",
    "to_update",
    "versioned_write",
]

T = TypeVar("T")


class MeetingClosedError(ValidationError):
    """A write refused because its meeting closed (see ServiceBase._still_open)."""


class ServiceBase:
    def __init_subclass__(cls, **kwargs: object) -> None:
        # The one text gate (services/text_gate.py): every text argument of every public
        # method is cleaned or refused before the use case runs, for every service alike.
        super().__init_subclass__(**kwargs)
        gate_methods(cls)

    def __init__(self, db: Database, clock: Callable[[], datetime] = datetime.now) -> None:
        self.db = db
        self.clock = clock

    def _guarded(
        self,
        model: type[m.Base],
        ident: int | None,
        asked: set[str],
        seen: object | None = None,
    ) -> AbstractContextManager[Guard]:
        """A save of the `asked` fields of one row under optimistic locking (see
        alignmeet.services.guard.guarded)."""
        return _guard.guarded(self.db, model, ident, asked, seen)

    def _guarded_rows(self, model: type[m.Base], what: str) -> AbstractContextManager[Guards]:
        """One change of many rows under optimistic locking, all or nothing (see
        alignmeet.services.guard.guarded_rows)."""
        return _guard.guarded_rows(self.db, model, what)

    def acknowledge_conflict(self, conflict: ConflictError) -> None:
        """This client has now seen their version of the conflicting fields: the next save
        goes on top of it (see alignmeet.services.guard.acknowledge)."""
        _guard.acknowledge(self.db, conflict)

    def _get(self, s: Session, model: type[T], ident: int, what: str) -> T:
        obj = s.get(model, ident)
        if obj is None:
            raise NotFoundError(_("{record} {id} does not exist.").format(record=_(what), id=ident))
        return obj

    def _now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def _still_open(self, s: Session, meeting_id: int, field: str) -> None:
        """For a write that only an open meeting takes (Room Link's: a phone writes into
        the meeting while it runs): refused once the meeting is closed, checked inside the
        write's own transaction — the meeting's row locked on a server, and on SQLite the
        one writer — so a close that lands between the caller's check and the write
        cannot let an entry into a closed meeting unseen. The facilitator's own writes
        do not ask: a closed meeting stays editable (its minutes of record do not change)."""
        if _meetings.locked_status(s, meeting_id) == MeetingStatus.CLOSED.value:
            raise MeetingClosedError(field, _("The meeting is closed."))
