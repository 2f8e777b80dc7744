"""The one controller: views call it, it calls services and says what changed.

Reads go straight to `controller.services` (they return plain records).
Writes go through the methods below, which emit past-tense `*_changed` signals
so every view that shows that data refreshes itself. Validation errors
(`alignmeet.domain.rules.ValidationError`, with `.field` and `.message`) are
raised to the calling view, which shows them at the field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from alignmeet.domain import records as r
from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind, Phase, TeamTag
from alignmeet.domain.rules import group_digits
from alignmeet.services import NotFoundError, Services
from alignmeet.services.base import ConflictError
from ui.autosave import DebouncedSaver

T = TypeVar("T")
# resolver(conflict, apply): asks the user, calling apply("mine" | "theirs") on their choice.
ConflictResolver = Callable[[ConflictError, Callable[[str], None]], object]


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
        result = self._resolving(
            lambda: getattr(service, method)(**fields),
            lambda: None,
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
            lambda: people.update_member(**fields),  # type: ignore[arg-type]
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
            lambda: meetings.update_meeting(**fields),  # type: ignore[arg-type]
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

    def set_attendance(
        self,
        *,
        meeting_id: int,
        member_id: int,
        attendance: Attendance | None = None,
        representative: bool | None = None,
    ) -> r.ParticipantRecord:
        p = self.services.meetings.set_attendance(
            meeting_id=meeting_id,
            member_id=member_id,
            attendance=attendance,
            representative=representative,
        )
        self.participants_changed.emit(meeting_id)
        return p

    def set_phase(self, *, meeting_id: int, phase: Phase) -> r.MeetingRecord:
        self.flush_pending()
        meeting = self.services.meetings.set_phase(meeting_id=meeting_id, phase=phase)
        self.phase_changed.emit(meeting_id, meeting.phase.value)
        self.meeting_changed.emit(meeting_id)
        self.meetings_changed.emit()
        return meeting

    def record_elapsed(self, *, meeting_id: int, seconds: int) -> None:
        self.services.meetings.record_elapsed(meeting_id=meeting_id, seconds=seconds)

    def commit(
        self, *, meeting_id: int, member_id: int, confidence: int | None = None, note: str = ""
    ) -> r.ParticipantRecord:
        p = self.services.meetings.commit(
            meeting_id=meeting_id, member_id=member_id, confidence=confidence, note=note
        )
        self.participants_changed.emit(meeting_id)
        return p

    def withdraw_commitment(self, *, meeting_id: int, member_id: int) -> r.ParticipantRecord:
        p = self.services.meetings.withdraw_commitment(meeting_id=meeting_id, member_id=member_id)
        self.participants_changed.emit(meeting_id)
        return p

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
            lambda: agenda.update_item(**fields),  # type: ignore[arg-type]
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
            lambda: actions.update_action(**fields),  # type: ignore[arg-type]
            lambda: actions.get_action(fields["action_id"]),  # type: ignore[arg-type]
            lambda action: self.actions_changed.emit(action.meeting_id),
        )

    def remove_action(self, *, meeting_id: int, action_id: int) -> None:
        self.services.actions.remove_action(action_id)
        self.actions_changed.emit(meeting_id)

    def set_action_status(
        self, *, action_id: int, status: ActionStatus, note: str = "", meeting_id: int | None = None
    ) -> r.ActionRecord:
        def changed(action: r.ActionRecord) -> None:
            self.actions_changed.emit(action.meeting_id)
            if meeting_id:
                self.follow_ups_changed.emit(meeting_id)

        actions = self.services.actions
        return self._resolving(
            lambda: actions.set_status(
                action_id=action_id, status=status, note=note, meeting_id=meeting_id
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

    def export_minutes(self, *, meeting_id: int, path: Path, template: Path | None = None) -> Path:
        self.flush_pending()
        written = self.services.minutes.export_docx(
            meeting_id=meeting_id, path=path, template=template
        )
        self.status_shown.emit(self.tr("Minutes saved to {path}").format(path=written))
        return written


__all__ = ["Controller", "ItemKind"]
