"""The one write path: every change is an operation that says what it changed.

    outcome = services.operations.run("new idea", lambda s: s.agenda.add_idea(...))
    outcome.result     # what the use case returned (a record)
    outcome.changes    # OpChanges: tables and row ids written — what screens refresh from
    outcome.rows       # the journal's Changeset: what Undo puts back, Redo does again

The desktop window's controller, the command line and Room Link's server all write this
way, so each change can be undone, is announced to every screen that shows it, and (via
the change log, alignmeet.storage.changelog) reaches other windows and facilitators.
Listeners registered with `subscribe` hear every operation run through this object, on
the thread that ran it (Room Link's server thread, say): a GUI hands them to its own
thread before touching widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Generic, TypeVar

from alignmeet.domain.changes import OpChanges
from alignmeet.storage import changelog
from alignmeet.storage.changelog import ChangeFeed  # what Database.change_feed gives

__all__ = ["ChangeFeed", "Operations", "Outcome"]

if TYPE_CHECKING:
    from alignmeet.services import Services
    from alignmeet.services.journal import Changeset

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    label: str
    result: T
    changes: OpChanges
    rows: Changeset
    # Who asked for it, for the history and the minutes: "" for this window's user, else
    # e.g. a Room Link device's member.
    author: str = ""


Listener = Callable[["Outcome[object]"], None]


class Operations:
    def __init__(self, services: Services) -> None:
        self._services = services
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Hear every operation run here; returns a function that stops listening."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def as_stored(self, rows: Iterable[tuple[str, int]]) -> OpChanges:
        """Rows ((table, id)) someone else changed, as a change this client's screens
        refresh from (e.g. after "take theirs" in a conflict): the meetings and agenda
        items they belong to read as stored now."""
        db = self._services.db
        with db.engine.connect() as connection:
            changes = changelog.changes_for(connection, rows)
        return OpChanges(ids=changes.ids, within=changes.within, origin="", local=False)

    def run(
        self,
        label: str,
        op: Callable[[Services], T],
        *,
        author: str = "",
        kept_both: Iterable[tuple[str, int]] = (),
    ) -> Outcome[T]:
        """Run one use case (or a few, as one step) recorded by the journal. `kept_both`:
        the rows ((table, id)) it saves as both versions of a conflict (their text, then
        this user's) — its changes say so, here and in the other clients' change feeds."""
        services = self._services
        kept = frozenset(kept_both)
        with services.journal.recording() as rows, changelog.keeping_both(kept):
            result = op(services)
        changes = rows.op_changes(origin=services.db.origin)
        if kept:
            written = {(t, i) for t, i in kept if changes.touches_row(t, i)}
            changes = replace(changes, kept_both=frozenset(written))
        outcome = Outcome(
            label=label,
            result=result,
            changes=changes,
            rows=rows,
            author=author,
        )
        if rows:
            with self._lock:
                listeners = list(self._listeners)
            for listener in listeners:
                listener(outcome)  # type: ignore[arg-type]
        return outcome
