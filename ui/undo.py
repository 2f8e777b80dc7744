"""Undo and redo for the edits of a meeting (Edit › Undo, Ctrl+Z; Edit › Redo).

`UndoableController` is the Controller with a QUndoStack: each edit it makes through the
services is recorded as a command that knows how to put things back — meeting details,
attendance, commitments, agenda items (added, removed with their ideas and decisions,
edited, reordered, parked), ideas, decisions, actions (added, removed, edited, status)
and members.

Undo goes through the same services as any edit, so it is validated, saved at once and
keeps the history honest: undoing a status change adds a change back (with the note
"Undone"), it does not erase the first one. Something re-created by an undo gets a new
id; the stack maps the first id to the current one, so older commands still find it.

Everything else the controller writes — the alignment toolkit (goals, KPIs, glossary,
personas, data needs, lead feedback, coaching, board, channels), teams, series, agenda
templates, invitees, imported members, a deleted meeting — is undone by the services'
journal (alignmeet.services.journal): it records the rows the use case wrote and puts
exactly those back, with their ids, and refuses (saying why) when someone changed or used
them since.

Typed text (notes and other fields saved as you type) has its own undo in the field
(Ctrl+Z while typing); those saves are not recorded twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields as dc_fields
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand, QUndoStack

from alignmeet.domain import records as r
from alignmeet.domain.enums import ActionStatus
from alignmeet.recovery import NotSavedError
from alignmeet.services import NotFoundError, Services
from alignmeet.services.base import ConflictError
from ui.controller import Controller

if TYPE_CHECKING:
    from alignmeet.services.journal import Changeset

T = TypeVar("T")

# The note of a status change made by an undo (saved in the history, in the chosen language).
UNDONE_NOTE = QT_TRANSLATE_NOOP("UndoableController", "Undone")
# What the Edit menu says for a toolkit change ("Undo new goal"); others say the area's name.
TOOLKIT_STEPS = {
    ("goals", "add_goal"): QT_TRANSLATE_NOOP("UndoableController", "new goal"),
    ("goals", "update_goal"): QT_TRANSLATE_NOOP("UndoableController", "change to a goal"),
    ("goals", "archive_goal"): QT_TRANSLATE_NOOP("UndoableController", "archiving a goal"),
    ("goals", "delete_goal"): QT_TRANSLATE_NOOP("UndoableController", "deleting a goal"),
    ("goals", "add_kpi"): QT_TRANSLATE_NOOP("UndoableController", "new KPI"),
    ("goals", "update_kpi"): QT_TRANSLATE_NOOP("UndoableController", "change to a KPI"),
    ("goals", "archive_kpi"): QT_TRANSLATE_NOOP("UndoableController", "archiving a KPI"),
    ("goals", "move_kpi"): QT_TRANSLATE_NOOP("UndoableController", "KPI order"),
    ("goals", "record_measurement"): QT_TRANSLATE_NOOP("UndoableController", "KPI measurement"),
    ("goals", "update_measurement"): QT_TRANSLATE_NOOP("UndoableController", "KPI measurement"),
    ("goals", "delete_measurement"): QT_TRANSLATE_NOOP(
        "UndoableController", "deleting a measurement"
    ),
    ("goals", "import_csv_file"): QT_TRANSLATE_NOOP("UndoableController", "KPI import"),
    ("glossary", "propose"): QT_TRANSLATE_NOOP("UndoableController", "glossary proposal"),
    ("glossary", "approve"): QT_TRANSLATE_NOOP("UndoableController", "approving a definition"),
    ("glossary", "reject"): QT_TRANSLATE_NOOP("UndoableController", "rejecting a definition"),
    ("glossary", "withdraw"): QT_TRANSLATE_NOOP("UndoableController", "withdrawing a proposal"),
    ("personas", "add_persona"): QT_TRANSLATE_NOOP("UndoableController", "new persona"),
    ("personas", "update_persona"): QT_TRANSLATE_NOOP("UndoableController", "change to a persona"),
    ("personas", "archive_persona"): QT_TRANSLATE_NOOP("UndoableController", "archiving a persona"),
    ("personas", "restore_persona"): QT_TRANSLATE_NOOP("UndoableController", "restoring a persona"),
    ("data_needs", "add_need"): QT_TRANSLATE_NOOP("UndoableController", "new data need"),
    ("data_needs", "set_ranking"): QT_TRANSLATE_NOOP("UndoableController", "data-needs ranking"),
    ("data_needs", "agree_joint"): QT_TRANSLATE_NOOP("UndoableController", "joint Top 10"),
    ("coaching", "apply_rotation"): QT_TRANSLATE_NOOP("UndoableController", "coaching rotation"),
    ("coaching", "end_pair"): QT_TRANSLATE_NOOP("UndoableController", "ending a coaching pair"),
    ("coaching", "log_checkin"): QT_TRANSLATE_NOOP("UndoableController", "coaching check-in"),
    ("board", "add_entry"): QT_TRANSLATE_NOOP("UndoableController", "new board entry"),
    ("board", "resolve"): QT_TRANSLATE_NOOP("UndoableController", "solving a lesson"),
    ("board", "reopen"): QT_TRANSLATE_NOOP("UndoableController", "reopening a lesson"),
    ("board", "delete_entry"): QT_TRANSLATE_NOOP("UndoableController", "deleting a board entry"),
    ("channels", "add_rule"): QT_TRANSLATE_NOOP("UndoableController", "new channel rule"),
    ("channels", "move_rule"): QT_TRANSLATE_NOOP("UndoableController", "channel order"),
    ("channels", "remove_rule"): QT_TRANSLATE_NOOP("UndoableController", "removing a channel rule"),
    ("accountability", "rate"): QT_TRANSLATE_NOOP("UndoableController", "meeting rating"),
    ("accountability", "remove_rating"): QT_TRANSLATE_NOOP(
        "UndoableController", "removing a rating"
    ),
    ("accountability", "accept_proposal"): QT_TRANSLATE_NOOP(
        "UndoableController", "accepting a proposed item"
    ),
    ("accountability", "dismiss_proposal"): QT_TRANSLATE_NOOP(
        "UndoableController", "dismissing a proposed item"
    ),
}
TOOLKIT_AREAS = {
    "goals": QT_TRANSLATE_NOOP("UndoableController", "change to goals and KPIs"),
    "glossary": QT_TRANSLATE_NOOP("UndoableController", "change to the glossary"),
    "personas": QT_TRANSLATE_NOOP("UndoableController", "change to personas"),
    "data_needs": QT_TRANSLATE_NOOP("UndoableController", "change to data needs"),
    "lead_feedback": QT_TRANSLATE_NOOP("UndoableController", "change to lead feedback"),
    "coaching": QT_TRANSLATE_NOOP("UndoableController", "change to coaching"),
    "board": QT_TRANSLATE_NOOP("UndoableController", "change to wins and lessons"),
    "channels": QT_TRANSLATE_NOOP("UndoableController", "change to channels"),
    "accountability": QT_TRANSLATE_NOOP("UndoableController", "change to ratings"),
}
# Which toolkit area a table belongs to (to refresh its views after an undo).
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
# Fields saved as you type: the text field undoes those itself (Ctrl+Z in the field).
TYPED_ITEM_FIELDS = frozenset({"notes"})
TYPED_MEETING_FIELDS = frozenset({"title", "place", "topic", "end_goal", "closing_notes"})


Emit = Callable[..., None]


def _emit_now(signal: Any, *args: object) -> None:
    signal.emit(*args)


def announce_changeset(controller: Controller, changes: Changeset, emit: Emit = _emit_now) -> None:
    """Emit the controller's `*_changed` signals for the rows `changes` wrote (through
    `emit(signal, *args)`, which may spread them over several turns of the event loop)."""
    tables = changes.tables
    for area in sorted({TOOLKIT_TABLES[t] for t in tables if t in TOOLKIT_TABLES}):
        emit(controller.toolkit_changed, area)
    if "team" in tables:
        emit(controller.teams_changed)
    if tables & {"team", "member"}:
        emit(controller.members_changed)
    if tables & {"series", "series_member"}:
        emit(controller.series_changed)
    if tables & {"agenda_template", "template_item"}:
        emit(controller.templates_changed)
    if tables & {"meeting", "series", "series_member", "agenda_item"}:
        emit(controller.meetings_changed)
    for meeting_id in sorted(changes.values("meeting", "id")):
        emit(controller.meeting_changed, meeting_id)
    for meeting_id in sorted(changes.values("participant", "meeting_id")):
        emit(controller.participants_changed, meeting_id)
    for meeting_id in sorted(changes.values("agenda_item", "meeting_id")):
        emit(controller.agenda_changed, meeting_id)
    for table in ("idea", "decision"):
        for item_id in sorted(changes.values(table, "item_id")):
            emit(controller.item_changed, item_id)
    for meeting_id in sorted(changes.values("action", "meeting_id")):
        emit(controller.actions_changed, meeting_id)
    if tables & {"action", "action_update"} and controller.current_meeting_id:
        emit(controller.follow_ups_changed, controller.current_meeting_id)


class _Command(QUndoCommand):
    """`apply` has already happened when the command is pushed; undo runs `revert`."""

    def __init__(
        self, text: str, apply: Callable[[], None], revert: Callable[[], None], owner: Any
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self._revert = revert
        self._owner = owner
        self._first = True

    def redo(self) -> None:
        if self._first:  # done already, by the edit itself
            self._first = False
            return
        self._owner._replay(self._apply, False, self)

    def undo(self) -> None:
        self._owner._replay(self._revert, True, self)


def _record_values(record: object, names: Iterable[str]) -> dict[str, Any]:
    present = {f.name for f in dc_fields(record)}  # type: ignore[arg-type]
    return {name: getattr(record, name) for name in names if name in present}


class UndoableController(Controller):
    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(services, parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)
        self._replaying = False
        self._alias: dict[tuple[str, int], int] = {}

    # ---- plumbing -------------------------------------------------------------
    def cur(self, kind: str, ident: int) -> int:
        """The current id of what was first created as `ident` (re-created by an undo)."""
        return self._alias.get((kind, ident), ident)

    def _remap(self, kind: str, original: int, new: int) -> None:
        self._alias[(kind, original)] = new

    def _push(self, text: str, apply: Callable[[], None], revert: Callable[[], None]) -> None:
        if not self._replaying:
            self.undo_stack.push(_Command(text, apply, revert, self))

    def _push_carrying(
        self,
        text: str,
        result: T,
        again: Callable[[T], T],
        back: Callable[[T], T],
    ) -> None:
        """Push a step whose undo and redo each carry, as what the user saw, the record the
        step before left behind (`result` first): a change someone else made since is
        then a conflict to resolve (the dialog), never overwritten by the undo."""
        now = [result]

        def run(step: Callable[[T], T]) -> Callable[[], None]:
            def go() -> None:
                now[0] = step(now[0])

            return go

        self._push(text, run(again), run(back))

    def _replay(self, step: Callable[[], None], undoing: bool, command: QUndoCommand) -> None:
        self._replaying = True
        try:
            self.flush_pending()
            step()
        except (NotFoundError, NotSavedError, ConflictError) as exc:
            # Deleted meanwhile (another window, another person), the database did not take
            # it (the banner says why), or changed meanwhile and the conflict dialog closed
            # without a choice: nothing was written; the step is dropped, the message says so.
            command.setObsolete(True)
            message = (
                self.tr("Could not undo {what}: {error}")
                if undoing
                else self.tr("Could not redo {what}: {error}")
            )
            self.status_shown.emit(message.format(what=command.text(), error=exc))
        finally:
            self._replaying = False

    # ---- everything else: the services' journal ----------------------------------------
    def _journaled(self, text: str, do: Callable[[], T]) -> T:
        """Run `do` (a write through the base controller) recording the rows it writes;
        undo puts exactly those back (see alignmeet.services.journal)."""
        if self._replaying:
            return do()
        # Text typed elsewhere is saved first, so that it is not part of this step.
        self.flush_pending()
        journal = self.services.journal
        with journal.recording() as changes:
            result = do()
        if changes:
            self._push(
                text,
                lambda: self._rewrite(journal.reapply, changes),
                lambda: self._rewrite(journal.revert, changes),
            )
        return result

    def _rewrite(self, step: Callable[[Changeset], None], changes: Changeset) -> None:
        step(changes)
        self._announce(changes)

    def _announce(self, changes: Changeset) -> None:
        """Tell the views what an undo or redo changed, as the edit itself did."""
        announce_changeset(self, changes)
        current = self.current_meeting_id
        if "meeting" in changes.tables and current in changes.values("meeting", "id"):
            try:
                self.services.meetings.get_meeting(current)
            except NotFoundError:  # the undo took the meeting away: show none
                self.select_meeting(None)
            else:
                self.current_meeting_changed.emit(current)

    def push_outside_step(self, text: str, changes: Changeset, *, announce: bool = True) -> None:
        """A change someone else already made through this app (a participant on Room
        Link): Edit › Undo takes it back like the window's own, and (unless the caller
        announces a batch itself) the views hear it."""
        if not changes:
            return
        journal = self.services.journal
        self._push(
            text,
            lambda: self._rewrite(journal.reapply, changes),
            lambda: self._rewrite(journal.revert, changes),
        )
        if announce:
            announce_changeset(self, changes)

    def toolkit(self, area: str, method: str, /, **fields: object) -> Any:
        text = TOOLKIT_STEPS.get((area, method)) or TOOLKIT_AREAS.get(area, "")
        return self._journaled(
            self.tr(text) if text else area,
            lambda: super(UndoableController, self).toolkit(area, method, **fields),
        )

    def add_team(self, *, name: str) -> r.TeamRecord:
        return self._journaled(
            self.tr("new team {name}").format(name=name),
            lambda: super(UndoableController, self).add_team(name=name),
        )

    def rename_team(self, *, team_id: int, name: str) -> r.TeamRecord:
        return self._journaled(
            self.tr("renaming a team"),
            lambda: super(UndoableController, self).rename_team(team_id=team_id, name=name),
        )

    def import_members(self, *, text: str) -> Any:
        return self._journaled(
            self.tr("member import"),
            lambda: super(UndoableController, self).import_members(text=text),
        )

    def update_series(self, **fields: object) -> r.SeriesRecord:
        return self._journaled(
            self.tr("series settings"),
            lambda: super(UndoableController, self).update_series(**fields),
        )

    def set_series_members(self, *, series_id: int, member_ids: Iterable[int]) -> r.SeriesRecord:
        ids = list(member_ids)
        return self._journaled(
            self.tr("series members"),
            lambda: super(UndoableController, self).set_series_members(
                series_id=series_id, member_ids=ids
            ),
        )

    def set_invitees(self, *, meeting_id: int, member_ids: Iterable[int]) -> None:
        ids = list(member_ids)
        self._journaled(
            self.tr("invitations"),
            lambda: super(UndoableController, self).set_invitees(
                meeting_id=meeting_id, member_ids=ids
            ),
        )

    def apply_template(self, *, meeting_id: int, template_id: int) -> None:
        self._journaled(
            self.tr("agenda from a template"),
            lambda: super(UndoableController, self).apply_template(
                meeting_id=meeting_id, template_id=template_id
            ),
        )

    def save_as_template(
        self, *, meeting_id: int, name: str, description: str = ""
    ) -> r.TemplateRecord:
        return self._journaled(
            self.tr("new template “{name}”").format(name=name),
            lambda: super(UndoableController, self).save_as_template(
                meeting_id=meeting_id, name=name, description=description
            ),
        )

    def create_meeting(self, **fields: object) -> r.MeetingRecord:
        return self._journaled(
            self.tr("new meeting “{title}”").format(title=fields.get("title", "")),
            lambda: super(UndoableController, self).create_meeting(**fields),
        )

    def create_next_meeting(self, meeting_id: int) -> r.MeetingRecord:
        return self._journaled(
            self.tr("next meeting"),
            lambda: super(UndoableController, self).create_next_meeting(meeting_id),
        )

    def delete_meeting(self, meeting_id: int) -> None:
        title = self.services.meetings.get_meeting(meeting_id).title
        self._journaled(
            self.tr("deleting “{title}”").format(title=title),
            lambda: super(UndoableController, self).delete_meeting(meeting_id),
        )

    def clear_history(self) -> None:
        self.undo_stack.clear()
        self._alias.clear()

    # ---- meeting details, attendance, commitments -------------------------------------
    def update_meeting(self, **fields: object) -> r.MeetingRecord:
        meeting_id = int(fields["meeting_id"])  # type: ignore[call-overload]
        changed = set(fields) - {"meeting_id", "seen"}
        if changed <= TYPED_MEETING_FIELDS:
            return super().update_meeting(**fields)
        before = self.services.meetings.get_meeting(meeting_id)
        old = _record_values(before, changed - {"seen"})
        result = super().update_meeting(**fields)
        if old:
            base = super()
            self._push_carrying(
                self.tr("meeting details"),
                result,
                lambda seen: base.update_meeting(**{**fields, "seen": seen}),
                lambda seen: base.update_meeting(meeting_id=meeting_id, seen=seen, **old),
            )
        return result

    def approve_previous_minutes(
        self, *, meeting_id: int, revision: int | None
    ) -> r.PreviousMinutes:
        return self._journaled(
            self.tr("approving the previous minutes"),
            lambda: super(UndoableController, self).approve_previous_minutes(
                meeting_id=meeting_id, revision=revision
            ),
        )

    def _participant(self, meeting_id: int, member_id: int) -> r.ParticipantRecord | None:
        return next(
            (
                p
                for p in self.services.meetings.participants(meeting_id)
                if p.member_id == member_id
            ),
            None,
        )

    def set_attendance(self, **fields: Any) -> r.ParticipantRecord:
        meeting_id, member_id = fields["meeting_id"], fields["member_id"]
        before = self._participant(meeting_id, member_id)
        result = super().set_attendance(**fields)
        if before is not None:
            old = {"attendance": before.attendance, "representative": before.representative}
            base = super()
            self._push_carrying(
                self.tr("attendance of {name}").format(name=before.name),
                result,
                lambda seen: base.set_attendance(**{**fields, "seen": seen}),
                lambda seen: base.set_attendance(
                    meeting_id=meeting_id, member_id=member_id, seen=seen, **old
                ),
            )
        return result

    def mark_present(self, *, meeting_id: int, seen: Iterable[object]) -> None:
        rows = list(seen)
        self._journaled(
            self.tr("all present"),
            lambda: super(UndoableController, self).mark_present(meeting_id=meeting_id, seen=rows),
        )

    def _restore_commitment(
        self, before: r.ParticipantRecord, seen: r.ParticipantRecord
    ) -> r.ParticipantRecord:
        base = super()
        if before.committed_at is None:
            return base.withdraw_commitment(
                meeting_id=before.meeting_id, member_id=before.member_id, seen=seen
            )
        return base.commit(
            meeting_id=before.meeting_id,
            member_id=before.member_id,
            confidence=before.confidence,
            note=before.commitment_note,
            seen=seen,
        )

    def commit(self, **fields: Any) -> r.ParticipantRecord:
        before = self._participant(fields["meeting_id"], fields["member_id"])
        result = super().commit(**fields)
        if before is not None:
            base = super()
            self._push_carrying(
                self.tr("commitment of {name}").format(name=before.name),
                result,
                lambda seen: base.commit(**{**fields, "seen": seen}),
                lambda seen: self._restore_commitment(before, seen),
            )
        return result

    def withdraw_commitment(
        self, *, meeting_id: int, member_id: int, seen: object | None = None
    ) -> r.ParticipantRecord:
        before = self._participant(meeting_id, member_id)
        result = super().withdraw_commitment(meeting_id=meeting_id, member_id=member_id, seen=seen)
        if before is not None and before.committed_at is not None:
            base = super()
            self._push_carrying(
                self.tr("withdrawn commitment of {name}").format(name=before.name),
                result,
                lambda now: base.withdraw_commitment(
                    meeting_id=meeting_id, member_id=member_id, seen=now
                ),
                lambda now: self._restore_commitment(before, now),
            )
        return result

    # ---- agenda -------------------------------------------------------------------
    def _item_order(self, meeting_id: int) -> list[int]:
        return [i.id for i in self.services.agenda.items(meeting_id, include_parked=False)]

    def add_item(self, **fields: Any) -> r.AgendaItemRecord:
        item = super().add_item(**fields)
        first = item.id

        def again() -> None:
            new = super(UndoableController, self).add_item(**{**fields, "position": item.position})
            self._remap("item", first, new.id)

        self._push(
            self.tr("new agenda item “{title}”").format(title=item.title),
            again,
            lambda: super(UndoableController, self).remove_item(
                meeting_id=item.meeting_id, item_id=self.cur("item", first)
            ),
        )
        return item

    def remove_item(self, *, meeting_id: int, item_id: int) -> None:
        agenda = self.services.agenda
        item = agenda.get_item(item_id)
        ideas = agenda.ideas(item_id)
        decisions = agenda.decisions(item_id)
        first = next((k[1] for k, v in self._alias.items() if v == item_id), item_id)
        super().remove_item(meeting_id=meeting_id, item_id=item_id)

        def restore() -> None:
            base = super(UndoableController, self)
            new = base.add_item(
                meeting_id=meeting_id,
                title=item.title,
                minutes=item.minutes,
                owner_id=item.owner_id,
                kind=item.kind,
                position=item.position,
                persona_id=item.persona_id,
            )
            if item.notes:
                base.update_item(item_id=new.id, notes=item.notes)
            if item.used_seconds:
                base.record_item_time(item_id=new.id, used_seconds=item.used_seconds)
            for idea in ideas:
                base.add_idea(item_id=new.id, text=idea.text, author_id=idea.author_id)
            for decision in decisions:
                base.add_decision(item_id=new.id, text=decision.text)
            self._remap("item", first, new.id)

        self._push(
            self.tr("removal of “{title}”").format(title=item.title),
            lambda: super(UndoableController, self).remove_item(
                meeting_id=meeting_id, item_id=self.cur("item", first)
            ),
            restore,
        )

    def update_item(self, **fields: Any) -> r.AgendaItemRecord:
        item_id = fields["item_id"]
        changed = set(fields) - {"item_id", "seen"}
        if not changed or changed <= TYPED_ITEM_FIELDS:
            return super().update_item(**fields)
        before = self.services.agenda.get_item(item_id)
        old = _record_values(before, changed - {"seen"})
        first = next((k[1] for k, v in self._alias.items() if v == item_id), item_id)
        result = super().update_item(**fields)
        base = super()
        self._push_carrying(
            self.tr("change to “{title}”").format(title=before.title),
            result,
            lambda seen: base.update_item(
                **{**fields, "item_id": self.cur("item", first), "seen": seen}
            ),
            lambda seen: base.update_item(item_id=self.cur("item", first), seen=seen, **old),
        )
        return result

    def _reorder_back(self, meeting_id: int, order: list[int]) -> None:
        current = set(self._item_order(meeting_id))
        ids = [self.cur("item", i) for i in order]
        super().reorder_items(meeting_id=meeting_id, item_ids=[i for i in ids if i in current])

    def move_item(self, *, meeting_id: int, item_id: int, to_position: int) -> None:
        before = self._item_order(meeting_id)
        super().move_item(meeting_id=meeting_id, item_id=item_id, to_position=to_position)
        after = self._item_order(meeting_id)
        self._push(
            self.tr("agenda order"),
            lambda: self._reorder_back(meeting_id, after),
            lambda: self._reorder_back(meeting_id, before),
        )

    def reorder_items(self, *, meeting_id: int, item_ids: list[int]) -> None:
        before = self._item_order(meeting_id)
        super().reorder_items(meeting_id=meeting_id, item_ids=item_ids)
        after = list(item_ids)
        self._push(
            self.tr("agenda order"),
            lambda: self._reorder_back(meeting_id, after),
            lambda: self._reorder_back(meeting_id, before),
        )

    def park_item(self, *, item_id: int, parked: bool = True) -> r.AgendaItemRecord:
        result = super().park_item(item_id=item_id, parked=parked)
        self._push(
            (self.tr("parking “{title}”") if parked else self.tr("unparking “{title}”")).format(
                title=result.title
            ),
            lambda: super(UndoableController, self).park_item(
                item_id=self.cur("item", item_id), parked=parked
            ),
            lambda: super(UndoableController, self).park_item(
                item_id=self.cur("item", item_id), parked=not parked
            ),
        )
        return result

    # ---- ideas and decisions ----------------------------------------------------------
    def add_idea(self, *, item_id: int, text: str, author_id: int | None = None) -> r.IdeaRecord:
        idea = super().add_idea(item_id=item_id, text=text, author_id=author_id)
        first = idea.id

        def again() -> None:
            new = super(UndoableController, self).add_idea(
                item_id=self.cur("item", item_id), text=text, author_id=author_id
            )
            self._remap("idea", first, new.id)

        self._push(
            self.tr("new idea"),
            again,
            lambda: super(UndoableController, self).remove_idea(
                item_id=self.cur("item", item_id), idea_id=self.cur("idea", first)
            ),
        )
        return idea

    def remove_idea(self, *, item_id: int, idea_id: int) -> None:
        idea = next((i for i in self.services.agenda.ideas(item_id) if i.id == idea_id), None)
        super().remove_idea(item_id=item_id, idea_id=idea_id)
        if idea is None:
            return
        first = idea_id

        def restore() -> None:
            new = super(UndoableController, self).add_idea(
                item_id=self.cur("item", item_id), text=idea.text, author_id=idea.author_id
            )
            self._remap("idea", first, new.id)

        self._push(
            self.tr("removal of an idea"),
            lambda: super(UndoableController, self).remove_idea(
                item_id=self.cur("item", item_id), idea_id=self.cur("idea", first)
            ),
            restore,
        )

    def add_decision(self, *, item_id: int, text: str) -> r.DecisionRecord:
        decision = super().add_decision(item_id=item_id, text=text)
        first = decision.id

        def again() -> None:
            new = super(UndoableController, self).add_decision(
                item_id=self.cur("item", item_id), text=text
            )
            self._remap("decision", first, new.id)

        self._push(
            self.tr("new decision"),
            again,
            lambda: super(UndoableController, self).remove_decision(
                item_id=self.cur("item", item_id), decision_id=self.cur("decision", first)
            ),
        )
        return decision

    def remove_decision(self, *, item_id: int, decision_id: int) -> None:
        decision = next(
            (d for d in self.services.agenda.decisions(item_id) if d.id == decision_id), None
        )
        super().remove_decision(item_id=item_id, decision_id=decision_id)
        if decision is None:
            return
        first = decision_id

        def restore() -> None:
            new = super(UndoableController, self).add_decision(
                item_id=self.cur("item", item_id), text=decision.text
            )
            self._remap("decision", first, new.id)

        self._push(
            self.tr("removal of a decision"),
            lambda: super(UndoableController, self).remove_decision(
                item_id=self.cur("item", item_id), decision_id=self.cur("decision", first)
            ),
            restore,
        )

    # ---- actions ------------------------------------------------------------------
    def add_action(self, **fields: Any) -> r.ActionRecord:
        action = super().add_action(**fields)
        first = action.id

        def again() -> None:
            new = super(UndoableController, self).add_action(**fields)
            self._remap("action", first, new.id)

        self._push(
            self.tr("new action “{title}”").format(title=action.title),
            again,
            lambda: super(UndoableController, self).remove_action(
                meeting_id=action.meeting_id, action_id=self.cur("action", first)
            ),
        )
        return action

    def remove_action(self, *, meeting_id: int, action_id: int) -> None:
        action = self.services.actions.get_action(action_id)
        first = next((k[1] for k, v in self._alias.items() if v == action_id), action_id)
        super().remove_action(meeting_id=meeting_id, action_id=action_id)

        def restore() -> None:
            new = super(UndoableController, self).add_action(
                meeting_id=action.meeting_id,
                owner_id=action.owner_id,
                title=action.title,
                due=action.due,
                team_tag=action.team_tag,
                milestone=action.milestone,
                goal_id=action.goal_id,
                persona_id=action.persona_id,
            )
            if action.status is not ActionStatus.OPEN:
                super(UndoableController, self).set_action_status(
                    action_id=new.id, status=action.status, note=self.tr(UNDONE_NOTE)
                )
            self._remap("action", first, new.id)

        self._push(
            self.tr("removal of “{title}”").format(title=action.title),
            lambda: super(UndoableController, self).remove_action(
                meeting_id=meeting_id, action_id=self.cur("action", first)
            ),
            restore,
        )

    def update_action(self, **fields: Any) -> r.ActionRecord:
        action_id = fields["action_id"]
        before = self.services.actions.get_action(action_id)
        names = set(fields) - {"action_id", "meeting_id", "note", "seen"}
        old = _record_values(before, names)
        first = next((k[1] for k, v in self._alias.items() if v == action_id), action_id)
        result = super().update_action(**fields)
        if old:
            base = super()
            self._push_carrying(
                self.tr("change to “{title}”").format(title=before.title),
                result,
                lambda seen: base.update_action(
                    **{**fields, "action_id": self.cur("action", first), "seen": seen}
                ),
                lambda seen: base.update_action(
                    action_id=self.cur("action", first),
                    note=self.tr(UNDONE_NOTE),
                    seen=seen,
                    **old,
                ),
            )
        return result

    def set_action_status(self, **fields: Any) -> r.ActionRecord:
        action_id = fields["action_id"]
        before = self.services.actions.get_action(action_id)
        first = next((k[1] for k, v in self._alias.items() if v == action_id), action_id)
        result = super().set_action_status(**fields)
        if before.status is not result.status:
            base = super()
            self._push_carrying(
                self.tr("status of “{title}”").format(title=before.title),
                result,
                lambda seen: base.set_action_status(
                    **{**fields, "action_id": self.cur("action", first), "seen": seen}
                ),
                lambda seen: base.set_action_status(
                    action_id=self.cur("action", first),
                    status=before.status,
                    note=self.tr(UNDONE_NOTE),
                    meeting_id=fields.get("meeting_id"),
                    seen=seen,
                ),
            )
        return result

    # ---- people ---------------------------------------------------------------------
    def add_member(self, **fields: Any) -> r.MemberRecord:
        # The journal puts back exactly what was written: undo takes the new member away
        # (it used to leave them listed as inactive), redo brings them back with their id;
        # once someone has used the member since (invited them, …), undo says so.
        return self._journaled(
            self.tr("new member {name}").format(name=fields.get("name", "")),
            lambda: super(UndoableController, self).add_member(**fields),
        )

    def update_member(self, **fields: Any) -> r.MemberRecord:
        member_id = fields["member_id"]
        before = next(
            m for m in self.services.people.list_members(include_inactive=True) if m.id == member_id
        )
        old = _record_values(before, set(fields) - {"member_id", "seen"})
        result = super().update_member(**fields)
        if old:
            base = super()
            self._push_carrying(
                self.tr("change to {name}").format(name=before.name),
                result,
                lambda seen: base.update_member(**{**fields, "seen": seen}),
                lambda seen: base.update_member(member_id=member_id, seen=seen, **old),
            )
        return result
