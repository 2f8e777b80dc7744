"""The one controller: views call it, it calls services and says what changed.

Reads go straight to `controller.services` (they return plain records).
Writes go through the methods below, which emit past-tense `*_changed` signals
so every view that shows that data refreshes itself. Validation errors
(`alignmeet.domain.rules.ValidationError`, with `.field` and `.message`) are
raised to the calling view, which shows them at the field.

Every write (the methods named in WRITES, here and in any subclass) goes through
`_write`: a failure for a storage reason (server gone, disk full, read-only, locked —
alignmeet.recovery.storage_cause) becomes `NotSavedError`, a ValidationError the view shows
at its field while what was typed stays there, and `unsaved` (ui.autosave.UnsavedEdits)
shows it in the window's banner. Text saved as you type (TYPED_FIELDS) is also kept in the
recovery journal and retried until it lands; nothing says "saved" before it is stored.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from alignmeet.domain import records as r
from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind, Phase, TeamTag
from alignmeet.domain.rules import group_digits
from alignmeet.recovery import Cause, NotSavedError, RecoveryJournal, UnsavedEdit, storage_cause
from alignmeet.services import NotFoundError, Services
from alignmeet.services.base import ConflictError
from ui.autosave import DebouncedSaver, Key, UnsavedEdits, cause_text
from ui.company_template import company_template

T = TypeVar("T")
# resolver(conflict, apply): asks the user, calling apply("mine" | "theirs") on their choice.
ConflictResolver = Callable[[ConflictError, Callable[[str], None]], object]


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
# Every method that writes through the services (wrapped by `_write`, see _guard_writes).
WRITES = frozenset(
    {
        "toolkit",
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


# What "take theirs" hands back for a toolkit change: the record as stored, read again.
_TOOLKIT_REREAD: dict[tuple[str, str], Callable[[Any, Mapping[str, Any]], Any]] = {
    ("goals", "update_goal"): lambda sv, f: sv.get_goal(f["goal_id"]),
    ("goals", "update_kpi"): lambda sv, f: sv.get_kpi(f["kpi_id"]),
    ("goals", "record_measurement"): lambda sv, f: next(
        x
        for x in sv.measurements(f["kpi_id"])
        if str(f["period"]).strip() in (x.period, x.period_label)
    ),
    ("goals", "update_measurement"): lambda sv, f: next(
        x
        for k in sv.list_kpis(include_archived=True)
        for x in sv.measurements(k.id)
        if x.id == f["measurement_id"]
    ),
    ("personas", "update_persona"): lambda sv, f: sv.get_persona(f["persona_id"]),
    ("board", "update_entry"): lambda sv, f: sv.get_entry(f["entry_id"]),
    ("glossary", "update_proposal"): lambda sv, f: sv.get_version(f["version_id"]),
    ("glossary", "rename_term"): lambda sv, f: sv.get_term(f["term_id"]),
    ("data_needs", "update_need"): lambda sv, f: sv.get_need(f["need_id"]),
    ("lead_feedback", "update_batch"): lambda sv, f: sv.get_batch(f["batch_id"]),
    ("lead_feedback", "update_rejection"): lambda sv, f: next(
        line for b in sv.list_batches() for line in b.lines if line.id == f["rejection_id"]
    ),
    ("coaching", "update_checkin"): lambda sv, f: next(
        c for p in sv.list_pairs() for c in sv.checkins(p.id) if c.id == f["checkin_id"]
    ),
    ("channels", "update_rule"): lambda sv, f: next(
        r for r in sv.list_rules() if r.id == f["rule_id"]
    ),
}


def ask_with_dialog(conflict: ConflictError, apply: Callable[[str], None]) -> object:
    """The app's resolver: the conflict dialog over the active window."""
    from ui.views.conflict_dialog import ConflictDialog

    window = QApplication.activeWindow()
    return ConflictDialog.ask(conflict, apply, window if window and window.isVisible() else None)


class Controller(QObject):
    meetings_changed = Signal()
    teams_changed = Signal()
    members_changed = Signal()
    templates_changed = Signal()
    series_changed = Signal()
    current_meeting_changed = Signal(int)  # 0 when none is selected
    meeting_changed = Signal(int)
    participants_changed = Signal(int)
    agenda_changed = Signal(int)
    item_changed = Signal(int)  # ideas / decisions / notes / time of one agenda item
    actions_changed = Signal(int)  # meeting id whose own actions changed
    follow_ups_changed = Signal(int)  # meeting id whose review list changed
    phase_changed = Signal(int, str)
    meeting_started = Signal(int)  # "Start the meeting": the meeting clock starts
    status_shown = Signal(str)
    navigation_requested = Signal(str)  # "meetings" | "prepare" | "run" | "followups" | "people"
    export_requested = Signal(int)  # meeting id: the window asks where to save
    # The alignment toolkit: the area that changed ("goals", "glossary", ... as in
    # alignmeet.services.TOOLKIT).
    toolkit_changed = Signal(str)
    # The e-mail outbox: a message was queued, sent, failed or changed state (issue 15).
    outbox_changed = Signal()

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._current: int | None = None
        self._savers: list[DebouncedSaver] = []
        # Who settles a ConflictError (tests put a stand-in here).
        self.conflict_resolver: ConflictResolver = ask_with_dialog
        self._write_depth = 0
        # What the database has not taken yet (banner, retries, recovery journal).
        self.unsaved = UnsavedEdits(
            RecoveryJournal(services.db.label), self._write_owed, self._probe, self
        )
        self.unsaved.given_up.connect(self.status_shown)
        # Every Word export (the minutes, the glossary, the reports) takes the company
        # template chosen in the settings, applied by the services in one place.
        services.use_company_template(company_template)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _guard_writes(cls)

    # ---- writes the database did not take -------------------------------------------------
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
        if kept and cause.retry_helps:
            text = self.tr("Not saved yet: {cause} AlignMeet keeps trying.")
        elif kept:
            text = self.tr("Not saved: {cause} It is kept for later.")
        else:
            text = self.tr("Not saved: {cause} What you typed is still here; try again later.")
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

    # ---- autosave -----------------------------------------------------------
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

    # ---- conflicts (two facilitators saved the same field) ---------------------
    def _resolving(
        self, save: Callable[[], T], reread: Callable[[], T], changed: Callable[[T], None]
    ) -> T:
        """Run `save`; when someone else saved the same field first, ask which version to
        keep. Keep mine: save again on top of theirs (asking again if yet another change
        came in). Take theirs: nothing is saved. Either way `changed(record)` tells the
        views — while the dialog is still up, so the field being typed into (not focused
        then) shows the version kept. Returns the record as stored."""
        self.kept_theirs = False
        try:
            record = save()
        except ConflictError as exc:
            conflict = exc
            outcome: list[T] = []

            def apply(choice: str) -> None:
                self.services.meetings.acknowledge_conflict(conflict)
                if choice == "mine":
                    outcome.append(self._resolving(save, reread, changed))
                    return
                self.kept_theirs = True
                outcome.append(reread())
                changed(outcome[0])
                self.status_shown.emit(
                    self.tr("Kept the other version of {what}.").format(what=conflict.what)
                )

            if conflict.same_values:
                apply("mine")  # both saved the same: nothing to choose between
            else:
                self.conflict_resolver(conflict, apply)
            if not outcome:  # closed without a choice: nothing saved, asked again next time
                raise
            return outcome[0]
        changed(record)
        return record

    @staticmethod
    def _carrying_seen(write: Callable[..., T], fields: Mapping[str, Any]) -> Callable[[], T]:
        """`write(**fields)` as a save for `_resolving`. `fields["seen"]` is what the user
        saw (the record the screen showed): after a conflict the next try — "keep mine" —
        carries their version instead, so it goes on top of theirs and a third change
        made meanwhile is caught again."""
        state = dict(fields)

        def save() -> T:
            try:
                return write(**state)
            except ConflictError as exc:
                if state.get("seen") is not None and exc.rebased is not None:
                    state["seen"] = exc.rebased
                raise

        return save

    # ---- current meeting ----------------------------------------------------
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

    # ---- the alignment toolkit ---------------------------------------------------
    def toolkit(self, area: str, method: str, /, **fields: object) -> Any:
        """Run a change through a toolkit service, then tell the views: the one way the
        toolkit's screens write (`services.<area>.<method>(**fields)`).

        A glossary version approved as a decision also changes that agenda item, so the
        agenda views hear `item_changed` when `fields` name an `item_id`; agreeing the data
        needs' joint Top 10 writes actions, so `actions_changed` follows for its meeting.
        """
        service = getattr(self.services, area)
        # Someone else saved the same field first (goals, KPIs, personas, board entries):
        # the conflict dialog, as for meetings; the views re-read on toolkit_changed.
        reread = _TOOLKIT_REREAD.get((area, method))
        result = self._resolving(
            self._carrying_seen(getattr(service, method), fields),
            lambda: reread(service, fields) if reread is not None else None,
            lambda _record: self.toolkit_changed.emit(area),
        )
        item_id = fields.get("item_id")
        if isinstance(item_id, int):
            self.item_changed.emit(item_id)
        meeting_id = fields.get("meeting_id")
        if area == "data_needs" and isinstance(meeting_id, int):
            self.actions_changed.emit(meeting_id)  # the joint Top 10 tracks as actions
        return result

    # ---- accountability (issue 15): ratings, proposals, the outbox ------------------
    # Ratings and proposals go through `toolkit()`, so they are undone like the toolkit's
    # changes; sending e-mail is not undoable and is not journaled.
    def rate_meeting(self, **fields: object) -> Any:
        """A member's rating 1–10 (or an anonymous one): AccountabilityService.rate."""
        return self.toolkit("accountability", "rate", **fields)

    def remove_rating(self, *, rating_id: int) -> None:
        self.toolkit("accountability", "remove_rating", rating_id=rating_id)

    def accept_proposal(self, *, meeting_id: int, key: str) -> Any:
        """Put a proposed item on the agenda (it becomes an agenda item)."""
        proposal = self.toolkit("accountability", "accept_proposal", meeting_id=meeting_id, key=key)
        self.agenda_changed.emit(meeting_id)
        return proposal

    def dismiss_proposal(self, *, meeting_id: int, key: str) -> Any:
        return self.toolkit("accountability", "dismiss_proposal", meeting_id=meeting_id, key=key)

    def queue_recaps(self, *, meeting_id: int, template: Path | None = None) -> Any:
        """Each attendee's recap into the outbox (RecapService.queue_recaps)."""
        self.flush_pending()
        result = self.services.recaps.queue_recaps(meeting_id, template=template)
        self.outbox_changed.emit()
        return result

    def queue_reminders(self) -> Any:
        result = self.services.recaps.queue_reminders()
        self.outbox_changed.emit()
        return result

    def send_outbox_work(
        self,
        *,
        ids: Iterable[int] | None = None,
        force: bool = False,
        cancelled: Callable[[], bool] | None = None,
    ) -> Any:
        """Send what is due in the outbox, without a word to the views: safe off the GUI
        thread (call `outbox_updated()` on the GUI thread after)."""
        return self.services.recaps.send_outbox(ids=ids, force=force, cancelled=cancelled)

    def outbox_updated(self) -> None:
        self.outbox_changed.emit()

    def outbox_decision(self, method: str, outbox_id: int) -> Any:
        """send_again | mark_sent | cancel, on one message (a person's decision)."""
        result = getattr(self.services.recaps, method)(outbox_id)
        self.outbox_changed.emit()
        return result

    # ---- people -------------------------------------------------------------
    def add_team(self, *, name: str) -> r.TeamRecord:
        team = self.services.people.add_team(name=name)
        self.teams_changed.emit()
        return team

    def rename_team(self, *, team_id: int, name: str) -> r.TeamRecord:
        team = self.services.people.rename_team(team_id=team_id, name=name)
        self.teams_changed.emit()
        self.members_changed.emit()
        return team

    def add_member(
        self, *, name: str, team_id: int, role: str = "", email: str = ""
    ) -> r.MemberRecord:
        member = self.services.people.add_member(name=name, team_id=team_id, role=role, email=email)
        self.members_changed.emit()
        return member

    def import_members(self, *, text: str) -> Any:
        """Members from CSV text, all or none (see PeopleService.import_members)."""
        result = self.services.people.import_members(text=text)
        self.members_changed.emit()
        return result

    def update_member(self, **fields: object) -> r.MemberRecord:
        people = self.services.people

        def changed(_member: object) -> None:
            self.members_changed.emit()
            if self._current:
                self.participants_changed.emit(self._current)

        return self._resolving(
            self._carrying_seen(people.update_member, fields),
            lambda: next(
                x for x in people.list_members(include_inactive=True) if x.id == fields["member_id"]
            ),
            changed,
        )

    # ---- meetings -----------------------------------------------------------
    def create_meeting(self, **fields: object) -> r.MeetingRecord:
        meeting = self.services.meetings.create_meeting(**fields)  # type: ignore[arg-type]
        self.meetings_changed.emit()
        self.select_meeting(meeting.id)
        return meeting

    def create_next_meeting(self, meeting_id: int) -> r.MeetingRecord:
        """Next meeting of the same series, date from "next meeting" or +cadence.

        Invitees: the series' active members when the series has members, else the
        previous meeting's (still active) participants. Agenda: the series' default
        template when it has one, else a copy of the previous agenda.
        """
        prev = self.services.meetings.get_meeting(meeting_id)
        series = self.services.meetings.get_series(prev.series_id)
        starts = prev.next_meeting_at or prev.starts_at + timedelta(days=series.cadence_days)
        # Only active members carry over: someone deactivated since is not invited again.
        active = {m.id for m in self.services.people.list_members()}

        def still_active(member_id: int | None) -> int | None:
            return member_id if member_id in active else None

        if series.member_ids:
            invitees = [member_id for member_id in series.member_ids if member_id in active]
        else:
            invitees = [
                p.member_id
                for p in self.services.meetings.participants(meeting_id)
                if p.member_id in active
            ]
        meeting = self.services.meetings.create_meeting(
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
            for item in self.services.agenda.items(meeting_id):
                if not item.parked and not item.carried_from:
                    self.services.agenda.add_item(
                        meeting_id=meeting.id,
                        title=item.title,
                        minutes=item.minutes,
                        owner_id=still_active(item.owner_id),
                        kind=item.kind,
                    )
        self.meetings_changed.emit()
        self.select_meeting(meeting.id)
        return meeting

    def ensure_series(self, name: str) -> r.SeriesRecord:
        """The series called `name` (any case), created if there is none yet."""
        series = self.services.meetings.ensure_series(name=name)
        self.series_changed.emit()
        self.meetings_changed.emit()
        return series

    def update_series(self, **fields: object) -> r.SeriesRecord:
        """Name, cadence and default agenda template of a series (see MeetingService)."""
        series = self.services.meetings.update_series(**fields)  # type: ignore[arg-type]
        self.series_changed.emit()
        self.meetings_changed.emit()  # the meeting list shows series names
        return series

    def set_series_members(self, *, series_id: int, member_ids: Iterable[int]) -> r.SeriesRecord:
        series = self.services.meetings.set_series_members(
            series_id=series_id, member_ids=member_ids
        )
        self.series_changed.emit()
        self.meetings_changed.emit()
        return series

    def update_meeting(self, **fields: object) -> r.MeetingRecord:
        def changed(meeting: r.MeetingRecord) -> None:
            self.meeting_changed.emit(meeting.id)
            self.meetings_changed.emit()
            if "planned_minutes" in fields:
                self.agenda_changed.emit(meeting.id)

        meetings = self.services.meetings
        return self._resolving(
            self._carrying_seen(meetings.update_meeting, fields),
            lambda: meetings.get_meeting(fields["meeting_id"]),  # type: ignore[arg-type]
            changed,
        )

    def delete_meeting(self, meeting_id: int) -> None:
        if meeting_id == self._current:
            self.select_meeting(None)
        self.services.meetings.delete_meeting(meeting_id)
        self.meetings_changed.emit()

    def set_invitees(self, *, meeting_id: int, member_ids: Iterable[int]) -> None:
        self.services.meetings.set_invitees(meeting_id=meeting_id, member_ids=member_ids)
        self.participants_changed.emit(meeting_id)

    def _participant_change(
        self, write: Callable[..., r.ParticipantRecord], fields: Mapping[str, Any]
    ) -> r.ParticipantRecord:
        """Attendance and commitments: with the conflict dialog, like the meeting's details."""
        meetings = self.services.meetings
        meeting_id, member_id = fields["meeting_id"], fields["member_id"]
        return self._resolving(
            self._carrying_seen(write, fields),
            lambda: next(p for p in meetings.participants(meeting_id) if p.member_id == member_id),
            lambda _p: self.participants_changed.emit(meeting_id),
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
        return self._participant_change(
            self.services.meetings.set_attendance,
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
        meeting = self.services.meetings.set_phase(meeting_id=meeting_id, phase=phase)
        self.phase_changed.emit(meeting_id, meeting.phase.value)
        self.meeting_changed.emit(meeting_id)
        self.meetings_changed.emit()
        return meeting

    def start_meeting(self, meeting_id: int) -> r.MeetingRecord:
        """The facilitator starts the meeting: Running from now, the actual start kept,
        the meeting clock started (the run view listens to `meeting_started`)."""
        self.flush_pending()
        meeting = self.services.meetings.start_meeting(meeting_id=meeting_id)
        self.meeting_changed.emit(meeting_id)
        self.meetings_changed.emit()
        self.meeting_started.emit(meeting_id)
        return meeting

    def record_elapsed(self, *, meeting_id: int, seconds: int) -> None:
        self.services.meetings.record_elapsed(meeting_id=meeting_id, seconds=seconds)

    def mark_present(self, *, meeting_id: int, seen: Iterable[object]) -> None:
        """ "All present" for the participants shown (`seen`), all or nothing: one conflict
        dialog names every row someone else changed meanwhile."""
        rows = list(seen)
        away = (Attendance.INVITED, Attendance.ABSENT)
        member_ids = [p.member_id for p in rows if getattr(p, "attendance", None) in away]
        if not member_ids:
            return
        self._resolving(
            self._carrying_seen(
                self.services.meetings.mark_present,
                {"meeting_id": meeting_id, "member_ids": member_ids, "seen": rows},
            ),
            lambda: [],
            lambda _rows: self.participants_changed.emit(meeting_id),
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
        return self._participant_change(
            self.services.meetings.commit,
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
        return self._participant_change(
            self.services.meetings.withdraw_commitment,
            {"meeting_id": meeting_id, "member_id": member_id, "seen": seen},
        )

    def close_meeting(
        self, *, meeting_id: int, next_meeting_at: datetime | None = None
    ) -> r.MeetingRecord:
        self.flush_pending()
        meeting = self.services.meetings.close_meeting(
            meeting_id=meeting_id, next_meeting_at=next_meeting_at
        )
        self.meeting_changed.emit(meeting_id)
        self.phase_changed.emit(meeting_id, meeting.phase.value)
        self.meetings_changed.emit()
        return meeting

    def approve_previous_minutes(
        self, *, meeting_id: int, revision: int | None
    ) -> r.PreviousMinutes:
        """Approve a named revision of the previous meeting's minutes (None: withdraw)."""
        minutes = self.services.minutes

        def changed(_record: r.PreviousMinutes) -> None:
            self.meeting_changed.emit(meeting_id)

        return self._resolving(
            lambda: minutes.approve_previous(meeting_id=meeting_id, revision=revision),
            lambda: minutes.previous_minutes(meeting_id),
            changed,
        )

    def reopen_meeting(self, meeting_id: int) -> r.MeetingRecord:
        meeting = self.services.meetings.reopen_meeting(meeting_id)
        self.meeting_changed.emit(meeting_id)
        self.meetings_changed.emit()
        return meeting

    # ---- agenda -------------------------------------------------------------
    def add_item(self, **fields: object) -> r.AgendaItemRecord:
        item = self.services.agenda.add_item(**fields)  # type: ignore[arg-type]
        self.agenda_changed.emit(item.meeting_id)
        return item

    def update_item(self, **fields: object) -> r.AgendaItemRecord:
        def changed(item: r.AgendaItemRecord) -> None:
            if set(fields) - {"item_id", "notes"}:
                self.agenda_changed.emit(item.meeting_id)
            self.item_changed.emit(item.id)

        agenda = self.services.agenda
        return self._resolving(
            self._carrying_seen(agenda.update_item, fields),
            lambda: agenda.get_item(fields["item_id"]),  # type: ignore[arg-type]
            changed,
        )

    def remove_item(self, *, meeting_id: int, item_id: int) -> None:
        self.services.agenda.remove_item(item_id)
        self.agenda_changed.emit(meeting_id)

    def move_item(self, *, meeting_id: int, item_id: int, to_position: int) -> None:
        self.services.agenda.move_item(item_id=item_id, to_position=to_position)
        self.agenda_changed.emit(meeting_id)

    def reorder_items(self, *, meeting_id: int, item_ids: list[int]) -> None:
        self.services.agenda.reorder(meeting_id=meeting_id, item_ids=item_ids)
        self.agenda_changed.emit(meeting_id)

    def add_minute(self, item_id: int) -> r.AgendaItemRecord:
        item = self.services.agenda.add_minute(item_id)
        self.item_changed.emit(item_id)
        self.agenda_changed.emit(item.meeting_id)
        return item

    def record_item_time(self, *, item_id: int, used_seconds: int) -> None:
        self.services.agenda.record_time(item_id=item_id, used_seconds=used_seconds)

    def park_item(self, *, item_id: int, parked: bool = True) -> r.AgendaItemRecord:
        item = self.services.agenda.park_item(item_id=item_id, parked=parked)
        self.agenda_changed.emit(item.meeting_id)
        self.meetings_changed.emit()
        return item

    def apply_template(self, *, meeting_id: int, template_id: int) -> None:
        self.services.agenda.apply_template(meeting_id=meeting_id, template_id=template_id)
        self.agenda_changed.emit(meeting_id)

    def save_as_template(
        self, *, meeting_id: int, name: str, description: str = ""
    ) -> r.TemplateRecord:
        template = self.services.agenda.save_as_template(
            meeting_id=meeting_id, name=name, description=description
        )
        self.templates_changed.emit()
        return template

    def add_idea(self, *, item_id: int, text: str, author_id: int | None = None) -> r.IdeaRecord:
        idea = self.services.agenda.add_idea(item_id=item_id, text=text, author_id=author_id)
        self.item_changed.emit(item_id)
        return idea

    def remove_idea(self, *, item_id: int, idea_id: int) -> None:
        self.services.agenda.remove_idea(idea_id)
        self.item_changed.emit(item_id)

    def add_decision(self, *, item_id: int, text: str) -> r.DecisionRecord:
        decision = self.services.agenda.add_decision(item_id=item_id, text=text)
        self.item_changed.emit(item_id)
        return decision

    def remove_decision(self, *, item_id: int, decision_id: int) -> None:
        self.services.agenda.remove_decision(decision_id)
        self.item_changed.emit(item_id)

    # ---- actions ------------------------------------------------------------
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
        action = self.services.actions.add_action(
            meeting_id=meeting_id,
            owner_id=owner_id,
            title=title,
            due=due,
            team_tag=team_tag,
            milestone=milestone,
            goal_id=goal_id,
            persona_id=persona_id,
        )
        self.actions_changed.emit(meeting_id)
        return action

    def update_action(self, **fields: object) -> r.ActionRecord:
        actions = self.services.actions
        return self._resolving(
            self._carrying_seen(actions.update_action, fields),
            lambda: actions.get_action(fields["action_id"]),  # type: ignore[arg-type]
            lambda action: self.actions_changed.emit(action.meeting_id),
        )

    def remove_action(self, *, meeting_id: int, action_id: int) -> None:
        self.services.actions.remove_action(action_id)
        self.actions_changed.emit(meeting_id)

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

        def changed(action: r.ActionRecord) -> None:
            self.actions_changed.emit(action.meeting_id)
            if meeting_id:
                self.follow_ups_changed.emit(meeting_id)

        actions = self.services.actions
        return self._resolving(
            self._carrying_seen(
                actions.set_status,
                {
                    "action_id": action_id,
                    "status": status,
                    "note": note,
                    "meeting_id": meeting_id,
                    "seen": seen,
                },
            ),
            lambda: actions.get_action(action_id),
            changed,
        )

    # ---- exports ------------------------------------------------------------
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


_guard_writes(Controller)

__all__ = ["Controller", "ItemKind"]
