"""The one controller: views call it, it runs every change as an operation and announces
what changed.

Reads go straight to `controller.services` (they return plain records). Every write is
one operation (`perform`): a service use case — or a few, as one step — run inside the
services' journal (alignmeet.services.operations), which returns what it changed
(`OpChanges`: tables, rows, the meetings and agenda items those rows belong to, the
columns an update changed). The operation becomes a step of Edit › Undo (ui.undo), and
`announce(changes)` tells the views. `announce` is the one place that does: the window's
own writes, undo and redo, a participant's entry on Room Link and another facilitator's
change arriving from the change feed (`start_live_changes`) all go through it, and every
`*_changed` signal below is worked out there from the changes (see docs/architecture.md).

The meeting's own write methods below (add_item, set_attendance, …) are `perform` with
the use case, its step name and, for an edit of a record someone else may have changed,
what the screen showed (`seen`, see perform_edit). The toolkit's screens call `perform`
and `perform_edit` directly with typed service calls:

    controller.perform(step(Step.NEW_KPI), lambda s: s.goals.add_kpi(name=..., unit=...))

Validation errors (`alignmeet.domain.rules.ValidationError`, with `.field` and
`.message`) are raised to the calling view, which shows them at the field.

Every write (the methods named in WRITES) goes through `_write`: a failure for a storage
reason (server gone, disk full, read-only, locked — alignmeet.recovery.storage_cause)
becomes `NotSavedError`, a ValidationError the view shows at its field while what was
typed stays there, and `unsaved` (ui.autosave.UnsavedEdits) shows it in the window's
banner. Text saved as you type (TYPED_FIELDS) is also kept in the recovery journal and
retried until it lands; nothing says "saved" before it is stored.
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication

from alignmeet.domain import records as r
from alignmeet.domain.changes import OpChanges
from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind, Phase, TeamTag
from alignmeet.domain.rules import group_digits
from alignmeet.recovery import Cause, NotSavedError, RecoveryJournal, UnsavedEdit, storage_cause
from alignmeet.services import NotFoundError, Services
from alignmeet.services.base import ConflictError
from ui.autosave import DebouncedSaver, Key, UnsavedEdits, cause_text
from ui.company_template import company_template
from ui.live_changes import LiveChanges
from ui.undo import UNDONE_NOTE, InverseStep, JournalStep

if TYPE_CHECKING:
    from alignmeet.services.journal import Changeset

T = TypeVar("T")
# resolver(conflict, apply): asks the user, calling apply("mine" | "theirs" | "both") on
# their choice ("both" only when `apply.can_keep_both`, see ConflictChoice).
ConflictResolver = Callable[[ConflictError, Callable[[str], None]], object]
# An operation: one use case (or a few, as one step) over the services.
Op = Callable[[Services], T]
# An edit of a record the screen showed: also gets what the user saw (see perform_edit).
Edit = Callable[[Services, Any], T]


# Text saved as you type (DebouncedSaver): the write method, the table, the argument naming
# the row, and its text fields. When the database does not take one, its text is kept in
# the recovery journal and retried until it lands.
TYPED_FIELDS: dict[str, tuple[str, str, frozenset[str]]] = {
    "update_item": ("agenda_item", "item_id", frozenset({"notes"})),
    "update_meeting": (
        "meeting",
        "meeting_id",
        frozenset({"title", "place", "topic", "end_goal", "closing_notes"}),
    ),
}
WRITER_OF_TABLE = {table: method for method, (table, _arg, _names) in TYPED_FIELDS.items()}
# Fields saved as you type: the text field undoes those itself (Ctrl+Z in the field), so a
# save of only these is no step of Edit › Undo.
TYPED_ITEM_FIELDS = TYPED_FIELDS["update_item"][2]
TYPED_MEETING_FIELDS = TYPED_FIELDS["update_meeting"][2]
# Every method that writes through the services (wrapped by `_write`, see _guard_writes).
WRITES = frozenset(
    {
        "perform",
        "perform_edit",
        "rate_meeting",
        "remove_rating",
        "accept_proposal",
        "dismiss_proposal",
        "queue_recaps",
        "queue_reminders",
        "outbox_decision",
        "add_team",
        "rename_team",
        "add_member",
        "import_members",
        "update_member",
        "create_meeting",
        "create_next_meeting",
        "ensure_series",
        "update_series",
        "set_series_members",
        "update_meeting",
        "delete_meeting",
        "set_invitees",
        "set_attendance",
        "mark_present",
        "set_phase",
        "start_meeting",
        "record_elapsed",
        "commit",
        "withdraw_commitment",
        "close_meeting",
        "reopen_meeting",
        "approve_previous_minutes",
        "add_item",
        "update_item",
        "remove_item",
        "move_item",
        "reorder_items",
        "add_minute",
        "record_item_time",
        "park_item",
        "apply_template",
        "save_as_template",
        "add_idea",
        "remove_idea",
        "add_decision",
        "remove_decision",
        "add_action",
        "update_action",
        "remove_action",
        "set_action_status",
    }
)

# Free text of several lines (notes, closing notes, a persona's pains…): when two people
# wrote the same one, the conflict dialog can also keep both — their text, a blank line,
# then mine. One-line fields, choices, dates and statuses keep the two choices.
FREE_TEXT_FIELDS: dict[str, frozenset[str]] = {
    "agenda_item": frozenset({"notes"}),
    "meeting": frozenset({"topic", "end_goal", "closing_notes"}),
    "persona": frozenset({"pains", "goals", "objections", "notes"}),
    "board_entry": frozenset({"details"}),
    "lead_batch": frozenset({"notes"}),
    "coaching_checkin": frozenset({"progress", "tips_asked", "tips_given"}),
    "channel_rule": frozenset({"notes"}),
}


def both_texts(theirs: object, mine: object) -> str:
    """What "Keep both" saves: their text, a blank line, then mine (one alone when the
    other is empty)."""
    texts = [t for t in (theirs, mine) if isinstance(t, str) and t.strip()]
    return "\n\n".join(texts)


class ConflictChoice:
    """The `apply` a resolver calls with the user's choice; `can_keep_both` says whether
    "Keep both" is one (free text whose write can be given the merged text)."""

    def __init__(self, apply: Callable[[str], None], *, can_keep_both: bool) -> None:
        self._apply = apply
        self.can_keep_both = can_keep_both

    def __call__(self, choice: str) -> None:
        self._apply(choice)


def can_keep_both(conflict: ConflictError, fields: dict[str, Any] | None) -> bool:
    """Is "Keep both" a choice: one record, every field in conflict free text, and the
    write's own values at hand to put the merged text in?"""
    if fields is None or conflict.parts or conflict.key is None:
        return False
    free = FREE_TEXT_FIELDS.get(conflict.key[0], frozenset())
    return all(
        f in free
        and isinstance(fields.get(f), str)
        and isinstance(conflict.stored.get(f), str | None)
        for f in conflict.fields
    )


# ---- how changes become the views' signals (see Controller.announce) -----------------------
# The toolkit's tables, by area (`toolkit_changed(area)`; areas as in
# alignmeet.services.toolkit).
TOOLKIT_TABLES = {
    "goal": "goals",
    "kpi": "goals",
    "kpi_measurement": "goals",
    "glossary_term": "glossary",
    "glossary_version": "glossary",
    "persona": "personas",
    "data_need": "data_needs",
    "data_need_rank": "data_needs",
    "lead_batch": "lead_feedback",
    "lead_rejection": "lead_feedback",
    "coaching_pair": "coaching",
    "coaching_checkin": "coaching",
    "board_entry": "board",
    "channel_rule": "channels",
    "meeting_rating": "accountability",
    "agenda_proposal": "accountability",
}
# What an agenda item's discussion shows and its agenda line does not: a change of only
# these is news for the item (`item_changed`), not for the agenda or the meeting list.
ITEM_CONTENT = frozenset({"notes", "used_seconds"})
# The meeting clock's own column: the run view keeps its clock; the stored seconds are
# news to no other screen.
MEETING_CLOCK = frozenset({"elapsed_seconds"})
PACE_MS = 0  # paced announcements: one view's refresh per turn of the event loop


def _guarded(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def write(self: Controller, *args: Any, **kwargs: Any) -> Any:
        return self._write(name, lambda: method(self, *args, **kwargs), kwargs)

    write.__dict__["guarded"] = True
    return write


def _guard_writes(cls: type) -> None:
    """Wrap the WRITES a class defines (the Controller's, and a subclass's overrides)."""
    for name in WRITES:
        method = cls.__dict__.get(name)
        if method is not None and not getattr(method, "guarded", False):
            setattr(cls, name, _guarded(name, method))


def ask_with_dialog(conflict: ConflictError, apply: Callable[[str], None]) -> object:
    """The app's resolver: the conflict dialog over the active window."""
    from ui.views.conflict_dialog import ConflictDialog

    window = QApplication.activeWindow()
    return ConflictDialog.ask(
        conflict,
        apply,
        window if window and window.isVisible() else None,
        keep_both=bool(getattr(apply, "can_keep_both", False)),
    )


def _conflict_rows(conflict: ConflictError) -> list[tuple[str, int]]:
    """The rows a conflict is about (one, or one per row of a change of several)."""
    keys = [conflict.key, *(part.key for part in conflict.parts)]
    return [key for key in keys if key is not None]


class Controller(QObject):
    # ---- what changed: emitted by `announce` only, worked out from OpChanges --------------
    changes_announced = Signal(object)  # OpChanges: every change, whoever made it
    meetings_changed = Signal()
    teams_changed = Signal()
    members_changed = Signal()
    templates_changed = Signal()
    series_changed = Signal()
    meeting_changed = Signal(int)
    participants_changed = Signal(int)
    agenda_changed = Signal(int)
    item_changed = Signal(int)  # ideas / decisions / notes / time of one agenda item
    actions_changed = Signal(int)  # meeting id whose own actions changed
    follow_ups_changed = Signal(int)  # meeting id whose review list changed
    phase_changed = Signal(int, str)
    # The alignment toolkit: the area that changed ("goals", "glossary", ... as in
    # alignmeet.services.toolkit).
    toolkit_changed = Signal(str)
    # The e-mail outbox: a message was queued, sent, failed or changed state (issue 15).
    outbox_changed = Signal()
    # ---- what the window does (no change of data) --------------------------------------
    current_meeting_changed = Signal(int)  # 0 when none is selected
    meeting_started = Signal(int)  # "Start the meeting": the meeting clock starts
    status_shown = Signal(str)
    navigation_requested = Signal(str)  # "meetings" | "prepare" | "run" | "followups" | "people"
    export_requested = Signal(int)  # meeting id: the window asks where to save

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._current: int | None = None
        self._savers: list[DebouncedSaver] = []
        # Who settles a ConflictError (tests put a stand-in here).
        self.conflict_resolver: ConflictResolver = ask_with_dialog
        self.kept_theirs = False
        self._keeping_both: frozenset[tuple[str, int]] = frozenset()  # "Keep both" saving
        self._write_depth = 0
        self._performing = 0  # operations running (one inside another is part of it)
        self._replaying = False  # an undo or redo is writing: no new step
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self._phases: dict[int, str] = {}  # the phase each meeting was last announced in
        self._paced: deque[tuple[Any, tuple[object, ...]]] = deque()
        # Other clients' changes, from the change feed (started by start_live_changes).
        self.live = LiveChanges(services, parent=self)
        self.live.arrived.connect(self._on_live_arrived)
        # What the database has not taken yet (banner, retries, recovery journal).
        self.unsaved = UnsavedEdits(
            RecoveryJournal(services.db.label),
            self._write_owed,
            self._probe,
            self,
            read_only=lambda: bool(self.services.db.read_only),
        )
        self.unsaved.given_up.connect(self.status_shown)
        # Every Word export (the minutes, the glossary, the reports) takes the company
        # template chosen in the settings, applied by the services in one place.
        services.use_company_template(company_template)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _guard_writes(cls)

    # ==== the one write path ================================================================
    def perform(
        self,
        label: str,
        op: Op[T],
        *,
        undo: bool = True,
        reread: Op[T] | None = None,
    ) -> T:
        """Run `op` as one operation: journaled, a step of Edit › Undo named `label` (unless
        `undo` is False: typed text, the meeting clock, e-mail), announced to the views.
        When someone else saved the same field first, the conflict dialog asks; "take
        theirs" returns `reread(services)` (None without it) and writes nothing."""
        return self._run(label, op, undo=undo, reread=reread)

    def perform_edit(
        self,
        label: str,
        op: Edit[T],
        *,
        seen: object | None,
        reread: Op[T] | None = None,
        undo: bool = True,
        fields: dict[str, Any] | None = None,
    ) -> T:
        """`perform` for an edit of a record the screen showed: `op(services, seen)` passes
        `seen` (the record as the user saw it, see alignmeet.services.base) to the use case.
        After a conflict, "keep mine" runs it again carrying their version instead, so it
        goes on top of theirs and a third change made meanwhile is caught again.
        `fields`: the dict of values `op` writes (the same object it reads): with it, a
        conflict over free text can also "keep both" (FREE_TEXT_FIELDS) — the merged
        text is put into it and `op` runs again on top of theirs, as for "keep mine"."""
        return self._run(label, op, undo=undo, reread=reread, seen=(seen,), fields=fields)

    def _run(
        self,
        label: str,
        op: Callable[..., T],
        *,
        undo: bool,
        reread: Op[T] | None = None,
        seen: tuple[object | None] | None = None,
        fields: dict[str, Any] | None = None,
    ) -> T:
        if self._performing:  # inside another operation: part of its step
            return op(self.services) if seen is None else op(self.services, seen[0])
        carried = [seen[0]] if seen is not None else None

        def save() -> T:
            def call(s: Services) -> T:
                return op(s) if carried is None else op(s, carried[0])

            try:
                return self._operation(label, call, undo=undo)
            except ConflictError as exc:
                if carried is not None and carried[0] is not None and exc.rebased is not None:
                    carried[0] = exc.rebased
                raise

        return self._resolving(save, reread, fields)

    def _operation(self, label: str, op: Op[T], *, undo: bool) -> T:
        step = undo and not self._replaying
        if step:
            # Text typed elsewhere is saved first, so that it is not part of this step.
            self.flush_pending()
        self._performing += 1
        try:
            outcome = self.services.operations.run(label, op, kept_both=self._keeping_both)
        finally:
            self._performing -= 1
        if step and outcome.rows:
            self.undo_stack.push(JournalStep(label, outcome.rows, self))
        self.announce(outcome.changes)
        return outcome.result

    def _resolving(
        self, save: Callable[[], T], reread: Op[T] | None, fields: dict[str, Any] | None = None
    ) -> T:
        """Run `save`; when someone else saved the same field first, ask which version to
        keep. Keep mine: save again on top of theirs (asking again if yet another change
        came in). Keep both (free text, see can_keep_both): the same, with their text, a
        blank line and mine put into `fields`. Take theirs: nothing is saved, and the
        views hear the rows as stored — while the dialog is still up, so the field being
        typed into (not focused then) shows the version kept. Returns the record as
        stored."""
        self.kept_theirs = False
        try:
            return save()
        except ConflictError as exc:
            conflict = exc
            outcome: list[T] = []

            def apply(choice: str) -> None:
                if choice == "both" and not both:
                    return  # offered only when it can be done: else no choice was made
                self.services.meetings.acknowledge_conflict(conflict)
                if choice == "both":
                    outcome.append(self._keep_both(conflict, save, reread, fields))  # type: ignore[arg-type]
                    return
                if choice == "mine":
                    outcome.append(self._resolving(save, reread, fields))
                    return
                self.kept_theirs = True
                outcome.append(reread(self.services) if reread is not None else None)  # type: ignore[arg-type]
                self.announce(self.services.operations.as_stored(_conflict_rows(conflict)))
                self.status_shown.emit(
                    self.tr("Kept the other version of {what}.").format(what=conflict.what)
                )

            both = can_keep_both(conflict, fields)
            if conflict.same_values:
                apply("mine")  # both saved the same: nothing to choose between
            else:
                self.conflict_resolver(conflict, ConflictChoice(apply, can_keep_both=both))
            if not outcome:  # closed without a choice: nothing saved, asked again next time
                raise
            return outcome[0]

    def _keep_both(
        self,
        conflict: ConflictError,
        save: Callable[[], T],
        reread: Op[T] | None,
        fields: dict[str, Any],
    ) -> T:
        """Save their text, a blank line, then mine, on top of their version (`save`
        carries it as what the user saw): a third change made meanwhile is asked about
        again, never overwritten. The change says it kept both (OpChanges.kept_both)."""
        for name in conflict.fields:
            fields[name] = both_texts(conflict.stored.get(name), fields[name])
        assert conflict.key is not None
        outer = self._keeping_both
        self._keeping_both = outer | {conflict.key}
        try:
            result = self._resolving(save, reread, fields)
        finally:
            self._keeping_both = outer
        if not self.kept_theirs:
            self.status_shown.emit(
                self.tr("Kept both versions of {what}: theirs first, then yours.").format(
                    what=conflict.what
                )
            )
        return result

    # ==== the one announcement ==============================================================
    def announce(self, changes: OpChanges, *, paced: bool = False) -> None:
        """Tell the views what `changes` changed: `changes_announced`, then the `*_changed`
        signals worked out from it (which meetings' participants, agenda, actions; which
        agenda items; which toolkit areas…). With `paced`, one signal per turn of the event
        loop, so that the window keeps answering while many views refresh (a batch of
        Room Link entries, another facilitator's changes)."""
        if not changes:
            return
        self.changes_announced.emit(changes)
        signals = self._signals_for(changes)
        if paced:
            self._paced.extend(signals)
            if len(self._paced) == len(signals):
                QTimer.singleShot(PACE_MS, self._announce_next)
        else:
            for signal, args in signals:
                signal.emit(*args)
        self._check_current_meeting(changes)

    def _announce_next(self) -> None:
        if not self._paced:
            return
        signal, args = self._paced.popleft()
        try:
            signal.emit(*args)
        finally:
            if self._paced:
                QTimer.singleShot(PACE_MS, self._announce_next)

    def flush_announcements(self) -> None:
        """Emit what paced announcements still hold, now (tests, closing)."""
        while self._paced:
            self._announce_next()

    def _signals_for(self, c: OpChanges) -> list[tuple[Any, tuple[object, ...]]]:
        out: dict[tuple[Any, tuple[object, ...]], None] = {}

        def emit(signal: Any, *args: object) -> None:
            out[(signal, args)] = None

        current = self._current

        def meetings(*tables: str) -> list[int]:
            ids = c.parents("meeting", *tables)
            if ids is None:  # not known (rows the database removed on its own): this one
                return [current] if current else []
            return sorted(ids)

        tables = c.tables
        for area in sorted({TOOLKIT_TABLES[t] for t in tables if t in TOOLKIT_TABLES}):
            emit(self.toolkit_changed, area)
        if "team" in tables:
            emit(self.teams_changed)
        if tables & {"team", "member"}:
            emit(self.members_changed)
        if tables & {"series", "series_member"}:
            emit(self.series_changed)
        if tables & {"agenda_template", "template_item"}:
            emit(self.templates_changed)
        meeting_news = "meeting" in tables and not c.only("meeting", MEETING_CLOCK)
        agenda_news = "agenda_item" in tables and not c.only("agenda_item", ITEM_CONTENT)
        if meeting_news or agenda_news or tables & {"series", "series_member"}:
            emit(self.meetings_changed)
        meeting_columns = c.columns_of("meeting")
        if meeting_news:
            for meeting_id in meetings("meeting"):
                emit(self.meeting_changed, meeting_id)
            for meeting_id, phase in self._phase_news(meetings("meeting"), meeting_columns):
                emit(self.phase_changed, meeting_id, phase)
        for meeting_id in meetings("participant"):
            emit(self.participants_changed, meeting_id)
        if "member" in tables and current:  # the participants' names, roles
            emit(self.participants_changed, current)
        if agenda_news:
            for meeting_id in meetings("agenda_item"):
                emit(self.agenda_changed, meeting_id)
        if meeting_news and (meeting_columns is None or "planned_minutes" in meeting_columns):
            for meeting_id in meetings("meeting"):  # the agenda's timebox
                emit(self.agenda_changed, meeting_id)
        items = set(c.ids_of("agenda_item") or ())
        for table in ("idea", "decision"):
            items |= c.parents("agenda_item", table) or set()
        for item_id in sorted(items):
            emit(self.item_changed, item_id)
        for meeting_id in meetings("action"):
            emit(self.actions_changed, meeting_id)
        if tables & {"action", "action_update"}:
            reviewed = set(c.parents("meeting", "action_update") or ())
            for meeting_id in sorted(reviewed | ({current} if current else set())):
                emit(self.follow_ups_changed, meeting_id)
        if "outbox_message" in tables:
            emit(self.outbox_changed)
        return list(out)

    def _phase_news(
        self, meeting_ids: list[int], columns: frozenset[str] | None
    ) -> list[tuple[int, str]]:
        """The meetings whose phase is not the one last announced (read when the change may
        have moved it: a new meeting, a phase or close, or columns not known)."""
        if columns is not None and not columns & {"phase", "status"}:
            return []
        news = []
        for meeting_id in meeting_ids[:20]:
            try:
                phase = self.services.meetings.get_meeting(meeting_id).phase.value
            except Exception as exc:  # gone meanwhile, or the storage is: nothing to say
                if not isinstance(exc, NotFoundError) and self.storage_cause(exc) is None:
                    raise
                continue
            if self._phases.get(meeting_id) != phase:
                self._phases[meeting_id] = phase
                news.append((meeting_id, phase))
        return news

    def _check_current_meeting(self, changes: OpChanges) -> None:
        """The meeting on screen was removed (an undo of its creation, another facilitator
        deleting it): the window shows none."""
        current = self._current
        if current is None or "meeting" not in changes.tables:
            return
        if not changes.touches_row("meeting", current) or changes.columns_of("meeting"):
            return  # not this meeting, or only updated
        try:
            self.services.meetings.get_meeting(current)
        except NotFoundError:
            self.select_meeting(None)
        except Exception as exc:
            if self.storage_cause(exc) is None:
                raise

    # ==== undo and redo =====================================================================
    def replay_rows(self, command: JournalStep, *, undoing: bool) -> None:
        """Undo or redo a journaled step: the journal puts its rows back or writes them
        again; the views hear it as any change."""
        journal = self.services.journal
        rows = command.rows

        def step() -> None:
            self._write(
                "undo" if undoing else "redo",
                lambda: (journal.revert if undoing else journal.reapply)(rows),
                {},
            )
            self.announce(rows.op_changes(origin=self.services.db.origin))

        self.replay(step, command, undoing=undoing)

    def replay(self, step: Callable[[], None], command: QUndoCommand, *, undoing: bool) -> None:
        self._replaying = True
        try:
            self.flush_pending()
            step()
        except (NotFoundError, NotSavedError, ConflictError) as exc:
            # Changed or used since (another window, another person: the journal says
            # which), deleted meanwhile, the database did not take it (the banner says
            # why), or the conflict dialog closed without a choice: nothing was written;
            # the step is dropped, the message says so.
            command.setObsolete(True)
            message = (
                self.tr("Could not undo {what}: {error}")
                if undoing
                else self.tr("Could not redo {what}: {error}")
            )
            self.status_shown.emit(message.format(what=command.text(), error=exc))
        finally:
            self._replaying = False

    def push_outside_step(self, text: str, rows: Changeset) -> None:
        """A change someone else already made through this app (a participant on Room
        Link, heard in-process): Edit › Undo takes it back like the window's own. The
        caller announces it (a batch at a time)."""
        if rows:
            self.undo_stack.push(JournalStep(text, rows, self))

    def _push_inverse(
        self, text: str, result: T, again: Callable[[T], T], back: Callable[[T], T]
    ) -> None:
        """A hand-written step (InverseStep) whose undo and redo each carry, as what the
        user saw, the record the step before left behind (`result` first): a change
        someone else made since is then a conflict to resolve, never overwritten."""
        if self._replaying:
            return
        now = [result]

        def run(step_with: Callable[[T], T]) -> Callable[[], None]:
            def go() -> None:
                now[0] = step_with(now[0])

            return go

        self.undo_stack.push(InverseStep(text, run(again), run(back), self))

    def clear_history(self) -> None:
        self.undo_stack.clear()

    # ==== other writers: the change feed ===================================================
    def start_live_changes(self, interval_ms: int = 500) -> LiveChanges:
        """Hear what other clients write to this database (another window, another
        facilitator on the server, the command line) and announce it like the window's
        own changes (ui.live_changes)."""
        self.live.start(interval_ms)
        return self.live

    def stop_live_changes(self) -> None:
        self.live.stop()

    def _on_live_arrived(self, changes: OpChanges) -> None:
        self.announce(changes, paced=True)
        if changes.kept_both and not changes.local:
            self.status_shown.emit(
                self.tr(
                    "Someone else kept both versions of {what}: yours first, then theirs."
                ).format(what=self._record_names(changes.kept_both))
            )

    def _record_names(self, rows: Iterable[tuple[str, int]]) -> str:
        """The records `rows` ((table, id)) as a person reads them."""
        names = []
        for table, ident in sorted(rows):
            try:
                if table == "agenda_item":
                    title = self.services.agenda.get_item(ident).title
                    names.append(self.tr("the notes on “{title}”").format(title=title))
                    continue
                if table == "meeting":
                    title = self.services.meetings.get_meeting(ident).title
                    names.append(self.tr("the details of “{title}”").format(title=title))
                    continue
            except NotFoundError:
                pass
            names.append(self.tr("a text you wrote"))
        return ", ".join(dict.fromkeys(names))

    # ==== writes the database did not take ================================================
    def storage_cause(self, exc: BaseException) -> Cause | None:
        """Why `exc` kept something from the database, or None when that is not the storage."""
        db = self.services.db
        return storage_cause(exc, path=db.path, opened_read_only=db.read_only)

    def _write(self, name: str, call: Callable[[], T], fields: dict[str, Any]) -> T:
        typed = self._typed(name, fields)
        unsaved = self.unsaved
        if typed is not None and unsaved.count and not unsaved.retrying and unsaved.cause:
            # Typed text is owed already: this one queues behind it (in order, and without
            # waiting on a server that is gone), the retry stores both.
            self._keep(typed, unsaved.cause)
        outermost = self._write_depth == 0
        self._write_depth += 1
        try:
            result = call()
        except NotSavedError:
            raise
        except Exception as exc:
            cause = self.storage_cause(exc)
            if cause is None:
                raise
            if typed is not None:
                self._keep(typed, cause, exc)
            unsaved.failed(cause)
            raise NotSavedError(cause, self._not_saved_message(cause, kept=False)) from exc
        finally:
            self._write_depth -= 1
        if outermost:
            unsaved.succeeded()
        return result

    def _typed(
        self, name: str, fields: dict[str, Any]
    ) -> tuple[list[tuple[Key, str]], dict[str, Any]] | None:
        """The typed texts a write carries ((table, row, field), text) and its other
        arguments, when it is a save-as-you-type write; else None."""
        spec = TYPED_FIELDS.get(name)
        if spec is None:
            return None
        table, row_arg, names = spec
        row = fields.get(row_arg)
        texts = {k: v for k, v in fields.items() if k in names}
        if (
            not isinstance(row, int)
            or not texts
            or not all(isinstance(v, str) for v in texts.values())
        ):
            return None
        # The write's other arguments (e.g. the record as the user saw it, for the conflict
        # check) go with the retry; the recovery journal keeps those it can (JSON scalars).
        extra = {k: v for k, v in fields.items() if k != row_arg and k not in names}
        return [((table, row, k), v) for k, v in texts.items()], extra

    def _keep(
        self,
        typed: tuple[list[tuple[Key, str]], dict[str, Any]],
        cause: Cause,
        exc: BaseException | None = None,
    ) -> None:
        texts, extra = typed
        for key, text in texts:
            self.unsaved.keep(key, text, cause, extra)
        field = texts[0][0][2] if len(texts) == 1 else ""
        raise NotSavedError(cause, self._not_saved_message(cause, kept=True), field) from exc

    def _not_saved_message(self, cause: Cause, *, kept: bool) -> str:
        helps = self.unsaved.helps(cause)
        if kept and helps:
            text = self.tr("Not saved yet: {cause} AlignMeet keeps trying.")
        elif kept:
            text = self.tr("Not saved: {cause} It is kept for later.")
        elif helps:
            text = self.tr("Not saved: {cause} What you typed is still here; try again later.")
        else:
            text = self.tr(
                "Not saved: {cause} What you typed is still here; this window cannot save it."
            )
        return text.format(cause=cause_text(cause))

    def _write_owed(self, key: Key, text: str, extra: dict[str, Any]) -> object:
        """Store one kept field (a retry, or an edit restored after a crash)."""
        table, row, field = key
        method = WRITER_OF_TABLE[table]
        row_arg = TYPED_FIELDS[method][1]
        return getattr(self, method)(**{**extra, row_arg: row, field: text})

    def _probe(self) -> None:
        """A small read: is the server back? (NotSavedError when not.)"""
        try:
            self.services.meetings.list_series()
        except Exception as exc:
            cause = self.storage_cause(exc)
            if cause is None:
                raise
            raise NotSavedError(cause, cause_text(cause)) from exc

    def shown_text(self, table: str, row: int, field: str, stored: str) -> str:
        """What a field shows: its unsaved text if the database has not taken it yet."""
        owed = self.unsaved.text_for((table, row, field))
        return stored if owed is None else owed

    def recovered_edits(self) -> list[UnsavedEdit]:
        """Edits an earlier run kept (a crash, "keep for later") that are not owed here."""
        owed = set(self.unsaved.keys())
        return [
            e
            for e in self.unsaved.journal.pending()
            if e.key not in owed
            and e.table in WRITER_OF_TABLE
            and e.field in TYPED_FIELDS[WRITER_OF_TABLE[e.table]][2]  # (a newer version's?)
        ]

    def restore_edits(self, edits: list[UnsavedEdit]) -> None:
        """Write recovered edits through the services (conflicts ask, as any write)."""
        self.unsaved.restore(edits)
        # The last save ended with the other version kept ("take theirs"): nothing of the
        # user's was saved, and a view must not say it was.
        self.kept_theirs = False

    # ==== autosave ==========================================================================
    def register_saver(self, saver: DebouncedSaver) -> None:
        self._savers.append(saver)
        saver.destroyed.connect(lambda *_: self._forget(saver))

    def _forget(self, saver: DebouncedSaver) -> None:
        if saver in self._savers:
            self._savers.remove(saver)

    def flush_pending(self) -> None:
        """Save every debounced edit now (before switching meeting, closing, exporting).

        One failing saver does not keep the others from saving: an edit of
        something deleted meanwhile (`NotFoundError`) is skipped, and any other
        error is raised once every saver has had its turn.
        """
        failure: Exception | None = None
        for saver in list(self._savers):
            try:
                saver.flush()
            except NotFoundError:
                continue
            except Exception as exc:  # re-raised below, once the others have saved
                failure = failure or exc
        if failure is not None:
            raise failure

    @property
    def has_pending(self) -> bool:
        return any(s.pending for s in self._savers)

    # ==== current meeting ===================================================================
    @property
    def current_meeting_id(self) -> int | None:
        return self._current

    def current_meeting(self) -> r.MeetingRecord | None:
        return self.services.meetings.get_meeting(self._current) if self._current else None

    def select_meeting(self, meeting_id: int | None) -> None:
        if meeting_id == self._current:
            return
        self.flush_pending()
        self._current = meeting_id
        self.current_meeting_changed.emit(meeting_id or 0)

    def navigate(self, page: str) -> None:
        self.navigation_requested.emit(page)

    def request_export(self, meeting_id: int) -> None:
        self.export_requested.emit(meeting_id)

    # ==== accountability (issue 15): ratings, proposals, the outbox ==========================
    # Sending e-mail is not undoable: the outbox's writes are operations without a step.
    def rate_meeting(self, **fields: Any) -> Any:
        """A member's rating 1–10 (or an anonymous one): AccountabilityService.rate."""
        return self._run(
            self.tr("meeting rating"), lambda s: s.accountability.rate(**fields), undo=True
        )

    def remove_rating(self, *, rating_id: int) -> None:
        self._run(
            self.tr("removing a rating"),
            lambda s: s.accountability.remove_rating(rating_id=rating_id),
            undo=True,
        )

    def accept_proposal(self, *, meeting_id: int, key: str) -> Any:
        """Put a proposed item on the agenda (it becomes an agenda item)."""
        return self._run(
            self.tr("accepting a proposed item"),
            lambda s: s.accountability.accept_proposal(meeting_id=meeting_id, key=key),
            undo=True,
        )

    def dismiss_proposal(self, *, meeting_id: int, key: str) -> Any:
        return self._run(
            self.tr("dismissing a proposed item"),
            lambda s: s.accountability.dismiss_proposal(meeting_id=meeting_id, key=key),
            undo=True,
        )

    def queue_recaps(self, *, meeting_id: int, template: Path | None = None) -> Any:
        """Each attendee's recap into the outbox (RecapService.queue_recaps)."""
        self.flush_pending()
        return self._run(
            "recaps", lambda s: s.recaps.queue_recaps(meeting_id, template=template), undo=False
        )

    def queue_reminders(self) -> Any:
        return self._run("reminders", lambda s: s.recaps.queue_reminders(), undo=False)

    def send_outbox_work(
        self,
        *,
        ids: Iterable[int] | None = None,
        force: bool = False,
        cancelled: Callable[[], bool] | None = None,
    ) -> Any:
        """Send what is due in the outbox, without a word to the views: safe off the GUI
        thread (call `outbox_updated()` on the GUI thread after). Not an operation: it runs
        on a worker thread and is no step of Edit › Undo (mail sent stays sent)."""
        return self.services.recaps.send_outbox(ids=ids, force=force, cancelled=cancelled)

    def outbox_updated(self) -> None:
        """After `send_outbox_work`, on the GUI thread: the outbox's rows changed."""
        self.announce(OpChanges(ids={"outbox_message": None}))

    def outbox_decision(self, method: str, outbox_id: int) -> Any:
        """send_again | mark_sent | cancel, on one message (a person's decision)."""
        recaps = self.services.recaps
        decision = {
            "send_again": recaps.send_again,
            "mark_sent": recaps.mark_sent,
            "cancel": recaps.cancel,
        }[method]
        return self._run("outbox", lambda _s: decision(outbox_id), undo=False)

    # ==== people ============================================================================
    def add_team(self, *, name: str) -> r.TeamRecord:
        return self._run(
            self.tr("new team {name}").format(name=name),
            lambda s: s.people.add_team(name=name),
            undo=True,
        )

    def rename_team(self, *, team_id: int, name: str) -> r.TeamRecord:
        return self._run(
            self.tr("renaming a team"),
            lambda s: s.people.rename_team(team_id=team_id, name=name),
            undo=True,
        )

    def add_member(
        self, *, name: str, team_id: int, role: str = "", email: str = ""
    ) -> r.MemberRecord:
        # Undo takes the new member away (it used to leave them listed as inactive), redo
        # brings them back with their id; once someone has used the member since (invited
        # them, …), undo says so.
        return self._run(
            self.tr("new member {name}").format(name=name),
            lambda s: s.people.add_member(name=name, team_id=team_id, role=role, email=email),
            undo=True,
        )

    def import_members(self, *, text: str) -> Any:
        """Members from CSV text, all or none (see PeopleService.import_members)."""
        return self._run(
            self.tr("member import"), lambda s: s.people.import_members(text=text), undo=True
        )

    def update_member(self, **fields: Any) -> r.MemberRecord:
        member_id = fields["member_id"]
        name = self.services.people.get_member(member_id).name
        return self._run(
            self.tr("change to {name}").format(name=name),
            lambda s, seen: s.people.update_member(**{**fields, "seen": seen}),
            undo=True,
            reread=lambda s: s.people.get_member(member_id),
            seen=(fields.get("seen"),),
        )

    # ==== meetings ==========================================================================
    def create_meeting(self, **fields: Any) -> r.MeetingRecord:
        meeting = self._run(
            self.tr("new meeting “{title}”").format(title=fields.get("title", "")),
            lambda s: s.meetings.create_meeting(**fields),
            undo=True,
        )
        self.select_meeting(meeting.id)
        return meeting

    def create_next_meeting(self, meeting_id: int) -> r.MeetingRecord:
        """Next meeting of the same series, date from "next meeting" or +cadence.

        Invitees: the series' active members when the series has members, else the
        previous meeting's (still active) participants. Agenda: the series' default
        template when it has one, else a copy of the previous agenda.
        """
        meeting = self._run(
            self.tr("next meeting"), lambda s: _next_meeting(s, meeting_id), undo=True
        )
        self.select_meeting(meeting.id)
        return meeting

    def ensure_series(self, name: str) -> r.SeriesRecord:
        """The series called `name` (any case), created if there is none yet."""
        return self._run("series", lambda s: s.meetings.ensure_series(name=name), undo=False)

    def update_series(self, **fields: Any) -> r.SeriesRecord:
        """Name, cadence and default agenda template of a series (see MeetingService)."""
        return self._run(
            self.tr("series settings"), lambda s: s.meetings.update_series(**fields), undo=True
        )

    def set_series_members(self, *, series_id: int, member_ids: Iterable[int]) -> r.SeriesRecord:
        ids = list(member_ids)
        return self._run(
            self.tr("series members"),
            lambda s: s.meetings.set_series_members(series_id=series_id, member_ids=ids),
            undo=True,
        )

    def update_meeting(self, **fields: Any) -> r.MeetingRecord:
        meeting_id = fields["meeting_id"]
        changed = set(fields) - {"meeting_id", "seen"}
        return self._run(
            self.tr("meeting details"),
            lambda s, seen: s.meetings.update_meeting(**{**fields, "seen": seen}),
            undo=not changed <= TYPED_MEETING_FIELDS,
            reread=lambda s: s.meetings.get_meeting(meeting_id),
            seen=(fields.get("seen"),),
            fields=fields,
        )

    def delete_meeting(self, meeting_id: int) -> None:
        title = self.services.meetings.get_meeting(meeting_id).title
        if meeting_id == self._current:
            self.select_meeting(None)
        self._run(
            self.tr("deleting “{title}”").format(title=title),
            lambda s: s.meetings.delete_meeting(meeting_id),
            undo=True,
        )

    def set_invitees(self, *, meeting_id: int, member_ids: Iterable[int]) -> None:
        ids = list(member_ids)
        self._run(
            self.tr("invitations"),
            lambda s: s.meetings.set_invitees(meeting_id=meeting_id, member_ids=ids),
            undo=True,
        )

    def _participant_name(self, meeting_id: int, member_id: int) -> str:
        return next(
            (
                p.name
                for p in self.services.meetings.participants(meeting_id)
                if p.member_id == member_id
            ),
            "",
        )

    def _participant_change(
        self, label: str, write: Callable[[Services], Callable[..., T]], fields: dict[str, Any]
    ) -> T:
        """Attendance and commitments: with the conflict dialog, like the meeting's details."""
        meeting_id, member_id = fields["meeting_id"], fields["member_id"]
        return self._run(
            label,
            lambda s, seen: write(s)(**{**fields, "seen": seen}),
            undo=True,
            reread=lambda s: next(
                p for p in s.meetings.participants(meeting_id) if p.member_id == member_id
            ),
            seen=(fields.get("seen"),),
        )

    def set_attendance(
        self,
        *,
        meeting_id: int,
        member_id: int,
        attendance: Attendance | None = None,
        representative: bool | None = None,
        seen: object | None = None,
    ) -> r.ParticipantRecord:
        """`seen`: the participant as the screen showed it (see alignmeet.services.base)."""
        name = self._participant_name(meeting_id, member_id)
        return self._participant_change(
            self.tr("attendance of {name}").format(name=name),
            lambda s: s.meetings.set_attendance,
            {
                "meeting_id": meeting_id,
                "member_id": member_id,
                "attendance": attendance,
                "representative": representative,
                "seen": seen,
            },
        )

    def set_phase(self, *, meeting_id: int, phase: Phase) -> r.MeetingRecord:
        self.flush_pending()
        return self._run(
            "phase", lambda s: s.meetings.set_phase(meeting_id=meeting_id, phase=phase), undo=False
        )

    def start_meeting(self, meeting_id: int) -> r.MeetingRecord:
        """The facilitator starts the meeting: Running from now, the actual start kept,
        the meeting clock started (the run view listens to `meeting_started`: the clock is
        this window's, not a change of data)."""
        self.flush_pending()
        meeting = self._run(
            "start", lambda s: s.meetings.start_meeting(meeting_id=meeting_id), undo=False
        )
        self.meeting_started.emit(meeting_id)
        return meeting

    def record_elapsed(self, *, meeting_id: int, seconds: int) -> None:
        self._run(
            "clock",
            lambda s: s.meetings.record_elapsed(meeting_id=meeting_id, seconds=seconds),
            undo=False,
        )

    def mark_present(self, *, meeting_id: int, seen: Iterable[object]) -> None:
        """ "All present" for the participants shown (`seen`), all or nothing: one conflict
        dialog names every row someone else changed meanwhile."""
        rows = list(seen)
        away = (Attendance.INVITED, Attendance.ABSENT)
        member_ids = [p.member_id for p in rows if getattr(p, "attendance", None) in away]
        if not member_ids:
            return
        self._run(
            self.tr("all present"),
            lambda s, shown: s.meetings.mark_present(
                meeting_id=meeting_id, member_ids=member_ids, seen=shown
            ),
            undo=True,
            reread=lambda _s: [],
            seen=(rows,),
        )

    def commit(
        self,
        *,
        meeting_id: int,
        member_id: int,
        confidence: int | None = None,
        note: str = "",
        seen: object | None = None,
    ) -> r.ParticipantRecord:
        name = self._participant_name(meeting_id, member_id)
        return self._participant_change(
            self.tr("commitment of {name}").format(name=name),
            lambda s: s.meetings.commit,
            {
                "meeting_id": meeting_id,
                "member_id": member_id,
                "confidence": confidence,
                "note": note,
                "seen": seen,
            },
        )

    def withdraw_commitment(
        self, *, meeting_id: int, member_id: int, seen: object | None = None
    ) -> r.ParticipantRecord:
        name = self._participant_name(meeting_id, member_id)
        return self._participant_change(
            self.tr("withdrawn commitment of {name}").format(name=name),
            lambda s: s.meetings.withdraw_commitment,
            {"meeting_id": meeting_id, "member_id": member_id, "seen": seen},
        )

    def close_meeting(
        self, *, meeting_id: int, next_meeting_at: datetime | None = None
    ) -> r.MeetingRecord:
        # Not undoable (as before): the minutes of record are frozen at close; reopening
        # makes a revision.
        self.flush_pending()
        return self._run(
            "close",
            lambda s: s.meetings.close_meeting(
                meeting_id=meeting_id, next_meeting_at=next_meeting_at
            ),
            undo=False,
        )

    def approve_previous_minutes(
        self, *, meeting_id: int, revision: int | None
    ) -> r.PreviousMinutes:
        """Approve a named revision of the previous meeting's minutes (None: withdraw)."""
        return self._run(
            self.tr("approving the previous minutes"),
            lambda s: s.minutes.approve_previous(meeting_id=meeting_id, revision=revision),
            undo=True,
            reread=lambda s: s.minutes.previous_minutes(meeting_id),
        )

    def reopen_meeting(self, meeting_id: int) -> r.MeetingRecord:
        return self._run("reopen", lambda s: s.meetings.reopen_meeting(meeting_id), undo=False)

    # ==== agenda ============================================================================
    def add_item(self, **fields: Any) -> r.AgendaItemRecord:
        return self._run(
            self.tr("new agenda item “{title}”").format(title=fields.get("title", "")),
            lambda s: s.agenda.add_item(**fields),
            undo=True,
        )

    def update_item(self, **fields: Any) -> r.AgendaItemRecord:
        item_id = fields["item_id"]
        changed = set(fields) - {"item_id", "seen"}
        typed = not changed or changed <= TYPED_ITEM_FIELDS
        title = "" if typed else self.services.agenda.get_item(item_id).title
        return self._run(
            self.tr("change to “{title}”").format(title=title),
            lambda s, seen: s.agenda.update_item(**{**fields, "seen": seen}),
            undo=not typed,
            reread=lambda s: s.agenda.get_item(item_id),
            seen=(fields.get("seen"),),
            fields=fields,
        )

    def remove_item(self, *, meeting_id: int, item_id: int) -> None:
        # Undo brings it back with its id, notes, time, ideas and decisions (the journal).
        title = self.services.agenda.get_item(item_id).title
        self._run(
            self.tr("removal of “{title}”").format(title=title),
            lambda s: s.agenda.remove_item(item_id),
            undo=True,
        )

    def move_item(self, *, meeting_id: int, item_id: int, to_position: int) -> None:
        self._run(
            self.tr("agenda order"),
            lambda s: s.agenda.move_item(item_id=item_id, to_position=to_position),
            undo=True,
        )

    def reorder_items(self, *, meeting_id: int, item_ids: list[int]) -> None:
        ids = list(item_ids)
        self._run(
            self.tr("agenda order"),
            lambda s: s.agenda.reorder(meeting_id=meeting_id, item_ids=ids),
            undo=True,
        )

    def add_minute(self, item_id: int) -> r.AgendaItemRecord:
        return self._run("minute", lambda s: s.agenda.add_minute(item_id), undo=False)

    def record_item_time(self, *, item_id: int, used_seconds: int) -> None:
        self._run(
            "clock",
            lambda s: s.agenda.record_time(item_id=item_id, used_seconds=used_seconds),
            undo=False,
        )

    def park_item(self, *, item_id: int, parked: bool = True) -> r.AgendaItemRecord:
        title = self.services.agenda.get_item(item_id).title
        label = self.tr("parking “{title}”") if parked else self.tr("unparking “{title}”")
        return self._run(
            label.format(title=title),
            lambda s: s.agenda.park_item(item_id=item_id, parked=parked),
            undo=True,
        )

    def apply_template(self, *, meeting_id: int, template_id: int) -> None:
        self._run(
            self.tr("agenda from a template"),
            lambda s: s.agenda.apply_template(meeting_id=meeting_id, template_id=template_id),
            undo=True,
        )

    def save_as_template(
        self, *, meeting_id: int, name: str, description: str = ""
    ) -> r.TemplateRecord:
        return self._run(
            self.tr("new template “{name}”").format(name=name),
            lambda s: s.agenda.save_as_template(
                meeting_id=meeting_id, name=name, description=description
            ),
            undo=True,
        )

    def add_idea(self, *, item_id: int, text: str, author_id: int | None = None) -> r.IdeaRecord:
        return self._run(
            self.tr("new idea"),
            lambda s: s.agenda.add_idea(item_id=item_id, text=text, author_id=author_id),
            undo=True,
        )

    def remove_idea(self, *, item_id: int, idea_id: int) -> None:
        self._run(self.tr("removal of an idea"), lambda s: s.agenda.remove_idea(idea_id), undo=True)

    def add_decision(self, *, item_id: int, text: str) -> r.DecisionRecord:
        return self._run(
            self.tr("new decision"),
            lambda s: s.agenda.add_decision(item_id=item_id, text=text),
            undo=True,
        )

    def remove_decision(self, *, item_id: int, decision_id: int) -> None:
        self._run(
            self.tr("removal of a decision"),
            lambda s: s.agenda.remove_decision(decision_id),
            undo=True,
        )

    # ==== actions ===========================================================================
    def add_action(
        self,
        *,
        meeting_id: int,
        owner_id: int,
        title: str,
        due: date | None = None,
        team_tag: TeamTag | None = None,
        milestone: str = "",
        goal_id: int | None = None,
        persona_id: int | None = None,
    ) -> r.ActionRecord:
        return self._run(
            self.tr("new action “{title}”").format(title=title),
            lambda s: s.actions.add_action(
                meeting_id=meeting_id,
                owner_id=owner_id,
                title=title,
                due=due,
                team_tag=team_tag,
                milestone=milestone,
                goal_id=goal_id,
                persona_id=persona_id,
            ),
            undo=True,
        )

    def remove_action(self, *, meeting_id: int, action_id: int) -> None:
        # Undo brings it back with its id and its whole history (the journal).
        title = self.services.actions.get_action(action_id).title
        self._run(
            self.tr("removal of “{title}”").format(title=title),
            lambda s: s.actions.remove_action(action_id),
            undo=True,
        )

    # An action's status and due date keep a hand-written undo (ui.undo.InverseStep), the
    # one place the journal cannot serve: the action's history is the record of what was
    # promised and when it slipped (say/do, recaps and reminders quote it), so undoing
    # adds a line "Undone" instead of erasing the first one — and undoing over someone
    # else's later change is a conflict to resolve (the dialog), not a refusal.
    def update_action(self, **fields: Any) -> r.ActionRecord:
        action_id = fields["action_id"]
        before = self.services.actions.get_action(action_id)
        names = set(fields) - {"action_id", "meeting_id", "note", "seen"}
        old = {name: getattr(before, name) for name in names if hasattr(before, name)}
        text = self.tr("change to “{title}”").format(title=before.title)
        result = self._update_action(text, fields)
        if old:
            self._push_inverse(
                text,
                result,
                lambda seen: self._update_action(text, {**fields, "seen": seen}),
                lambda seen: self._update_action(
                    text,
                    {
                        "action_id": action_id,
                        "note": self.tr(UNDONE_NOTE),
                        "seen": seen,
                        **old,
                    },
                ),
            )
        return result

    def _update_action(self, text: str, fields: dict[str, Any]) -> r.ActionRecord:
        action_id = fields["action_id"]
        return self._run(
            text,
            lambda s, seen: s.actions.update_action(**{**fields, "seen": seen}),
            undo=False,  # its step is the InverseStep above
            reread=lambda s: s.actions.get_action(action_id),
            seen=(fields.get("seen"),),
        )

    def set_action_status(
        self,
        *,
        action_id: int,
        status: ActionStatus,
        note: str = "",
        meeting_id: int | None = None,
        seen: object | None = None,
    ) -> r.ActionRecord:
        """`seen`: the action as the screen showed it (a record or a follow-up line)."""
        before = self.services.actions.get_action(action_id)
        text = self.tr("status of “{title}”").format(title=before.title)

        def write(to: ActionStatus, why: str, shown: object | None) -> r.ActionRecord:
            return self._run(
                text,
                lambda s, seen_: s.actions.set_status(
                    action_id=action_id, status=to, note=why, meeting_id=meeting_id, seen=seen_
                ),
                undo=False,  # its step is the InverseStep below
                reread=lambda s: s.actions.get_action(action_id),
                seen=(shown,),
            )

        result = write(status, note, seen)
        if before.status is not result.status:
            self._push_inverse(
                text,
                result,
                lambda shown: write(status, note, shown),
                lambda shown: write(before.status, self.tr(UNDONE_NOTE), shown),
            )
        return result

    # ==== exports ===========================================================================
    def export_followups(
        self,
        *,
        kind: str,
        flt: object,
        path: Path,
        cancelled: Callable[[], bool] | None = None,
    ) -> object:
        """Checklist ("docx"), calendar ("ics") or "csv" of the actions `flt` selects;
        `cancelled` stops it before the file is written (ExportCancelled)."""
        result = self.write_followups(kind=kind, flt=flt, path=path, cancelled=cancelled)
        self.exported(result)
        return result

    def write_followups(
        self,
        *,
        kind: str,
        flt: object,
        path: Path,
        cancelled: Callable[[], bool] | None = None,
    ) -> Any:
        """The export itself, without a word to the views: safe off the GUI thread."""
        exports = self.services.exports
        writer = {"docx": exports.followups_docx, "ics": exports.ics, "csv": exports.csv}[kind]
        return writer(flt=flt, path=path, cancelled=cancelled)  # type: ignore[operator]

    def followups_export_request(self, *, kind: str, flt: Any, path: Path) -> bytes:
        """The same export as `write_followups`, as a request for a process of its own
        (alignmeet.services.export_process): this database, the language in use, the
        company template."""
        from alignmeet.services import export_process

        db = self.services.db
        target = str(db.path) if db.path is not None else db.url
        template = self.services.exports.company_template()
        return export_process.request_line(
            kind=kind, target=target, flt=flt, path=path, template=template
        )

    def exported(self, result: Any) -> None:
        self.status_shown.emit(
            self.tr("Saved {count} actions to {path}").format(
                count=group_digits(result.actions), path=result.path
            )
        )

    def export_minutes(self, *, meeting_id: int, path: Path, own_styles: bool = False) -> Path:
        """The minutes as .docx with the company template (`own_styles`: without it)."""
        self.flush_pending()
        if self.unsaved.count:  # the minutes would miss what is not stored yet
            cause = self.unsaved.cause or Cause.IO_ERROR
            raise NotSavedError(
                cause,
                self.tr(
                    "{count} edits are not saved yet ({cause}); the minutes would miss them. "
                    "Export again once they are saved."
                ).format(count=self.unsaved.count, cause=cause_text(cause).rstrip(".")),
            )
        written = self.services.exports.minutes_docx(
            meeting_id=meeting_id, path=path, own_styles=own_styles
        )
        self.status_shown.emit(self.tr("Minutes saved to {path}").format(path=written))
        return written


def _next_meeting(s: Services, meeting_id: int) -> r.MeetingRecord:
    """The use cases of "Next meeting" (Controller.create_next_meeting), as one step."""
    prev = s.meetings.get_meeting(meeting_id)
    series = s.meetings.get_series(prev.series_id)
    starts = prev.next_meeting_at or prev.starts_at + timedelta(days=series.cadence_days)
    # Only active members carry over: someone deactivated since is not invited again.
    active = {m.id for m in s.people.list_members()}

    def still_active(member_id: int | None) -> int | None:
        return member_id if member_id in active else None

    if series.member_ids:
        invitees = [member_id for member_id in series.member_ids if member_id in active]
    else:
        invitees = [
            p.member_id for p in s.meetings.participants(meeting_id) if p.member_id in active
        ]
    meeting = s.meetings.create_meeting(
        title=prev.title,
        starts_at=starts,
        planned_minutes=prev.planned_minutes,
        series_id=prev.series_id,
        place=prev.place,
        facilitator_id=still_active(prev.facilitator_id),
        note_taker_id=still_active(prev.note_taker_id),
        topic="",
        invitee_ids=invitees,
        template_id=series.default_template_id,
    )
    if series.default_template_id is None:
        for item in s.agenda.items(meeting_id):
            if not item.parked and not item.carried_from:
                s.agenda.add_item(
                    meeting_id=meeting.id,
                    title=item.title,
                    minutes=item.minutes,
                    owner_id=still_active(item.owner_id),
                    kind=item.kind,
                )
    return meeting


_guard_writes(Controller)

__all__ = ["Controller", "ItemKind"]
