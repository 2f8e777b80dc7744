"""Actions: the promises members make, their status history and the review of follow-ups."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy.orm import Session

from alignmeet.domain import records as r
from alignmeet.domain.bidi import cut_line
from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.domain.rules import ValidationError, max_length, optional_text, require_text
from alignmeet.i18n import _
from alignmeet.services.base import (
    ServiceBase,
    asked_fields,
    to_action,
    to_update,
    versioned_write,
)
from alignmeet.storage import models as m
from alignmeet.storage.queries import actions as q
from alignmeet.storage.queries import tables

_UNSET: object = object()
_OPEN_VALUES = [s.value for s in OPEN_STATUSES]
AGREED_NOTE = "Agreed"


def default_tag(team_name: str) -> TeamTag:
    key = team_name.strip().casefold()
    if key.startswith("sales"):
        return TeamTag.SALES
    if key.startswith("marketing"):
        return TeamTag.MARKETING
    return TeamTag.JOINT


class ActionService(ServiceBase):
    def _record(self, s: Session, action: m.Action) -> r.ActionRecord:
        meeting = s.get(m.Meeting, action.meeting_id)
        owner = s.get(m.Member, action.owner_id)
        assert meeting is not None and owner is not None
        return to_action(action, meeting, owner)

    def actions_for_meeting(self, meeting_id: int) -> list[r.ActionRecord]:
        """Actions agreed in this meeting, in the order they were added."""
        with self.db.sessions() as s:
            return [to_action(a, mt, ow) for a, mt, ow in q.in_meeting(s, meeting_id)]

    def get_action(self, action_id: int) -> r.ActionRecord:
        with self.db.sessions() as s:
            return self._record(s, self._get(s, m.Action, action_id, "Action"))

    def add_action(
        self,
        *,
        meeting_id: int,
        owner_id: int,
        title: str,
        due: date | None = None,
        team_tag: TeamTag | None = None,
        milestone: str = "",
        today: date | None = None,
        goal_id: int | None = None,
        persona_id: int | None = None,
        changed_by_id: int | None = None,
        while_open: bool = False,
    ) -> r.ActionRecord:
        """A new action of `owner_id`; its history says it was agreed, by `changed_by_id`
        (default: the meeting's facilitator; Room Link: the member who wrote it).
        `while_open`: refused once the meeting is closed (Room Link; see `_still_open`)."""
        text = require_text("title", title, label=_("Action"), limit=max_length("action.title"))
        now = self._now()
        today = today or now.date()
        if due is not None and due < today:
            raise ValidationError(
                "due", _("The due date {date} is in the past.").format(date=due.isoformat())
            )
        with self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            if while_open:
                self._still_open(s, meeting_id, "title")
            owner = self._get(s, m.Member, owner_id, "Member")
            self._check_links(s, goal_id, persona_id)
            tag = TeamTag(team_tag) if team_tag is not None else default_tag(owner.team.name)
            position = tables.next_position(s, m.Action.position, m.Action.meeting_id == meeting_id)
            action = m.Action(
                meeting_id=meeting.id,
                owner_id=owner_id,
                title=text,
                due=due,
                team_tag=tag.value,
                status=ActionStatus.OPEN.value,
                milestone=cut_line(milestone, 200),
                position=position,
                created_at=now,
                updated_at=now,
                times_slipped=0,
                last_note=AGREED_NOTE,
                goal_id=goal_id,
                persona_id=persona_id,
            )
            s.add(action)
            s.flush()
            s.add(
                m.ActionUpdate(
                    action_id=action.id,
                    meeting_id=meeting_id,
                    changed_at=now,
                    old_status=None,
                    new_status=ActionStatus.OPEN.value,
                    new_due=due,
                    note=AGREED_NOTE,
                    changed_by_id=changed_by_id or meeting.facilitator_id,
                )
            )
            return to_action(action, meeting, owner)

    @versioned_write(m.Action)
    def update_action(
        self,
        *,
        action_id: int,
        title: str | None = None,
        owner_id: int | None = None,
        due: date | object | None = _UNSET,
        team_tag: TeamTag | None = None,
        milestone: str | None = None,
        meeting_id: int | None = None,
        note: str = "",
        goal_id: int | object | None = _UNSET,
        persona_id: int | object | None = _UNSET,
        seen: object | None = None,
    ) -> r.ActionRecord:
        """Edit an action. A due-date move is kept in its history (slipped twice shows).

        `seen`: the action as the user saw it (a record, a follow-up line or a `Seen`).
        ConflictError when someone else changed one of the fields given since then
        (nothing is written then)."""
        asked = asked_fields(
            {"title": title, "owner_id": owner_id, "team_tag": team_tag, "milestone": milestone},
            {"due": due, "goal_id": goal_id, "persona_id": persona_id},
            _UNSET,
        )
        with (
            self._guarded(m.Action, action_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            action = self._get(s, m.Action, action_id, "Action")
            guard.loaded(action, _("Action “{title}”").format(title=action.title))
            if title is not None:
                action.title = require_text(
                    "title", title, label=_("Action"), limit=max_length("action.title")
                )
            if owner_id is not None:
                self._get(s, m.Member, owner_id, "Member")
                action.owner_id = owner_id
            if team_tag is not None:
                action.team_tag = TeamTag(team_tag).value
            if milestone is not None:
                action.milestone = cut_line(milestone, 200)
            if goal_id is not _UNSET:
                self._check_links(s, goal_id, None)  # type: ignore[arg-type]
                action.goal_id = goal_id  # type: ignore[assignment]
            if persona_id is not _UNSET:
                self._check_links(s, None, persona_id)  # type: ignore[arg-type]
                action.persona_id = persona_id  # type: ignore[assignment]
            if due is not _UNSET and due != action.due:
                self._add_update(
                    s,
                    action,
                    meeting_id=meeting_id,
                    new_status=action.status,
                    new_due=due,  # type: ignore[arg-type]
                    note=optional_text("note", note, label=_("Note"), limit=5000),
                )
                action.due = due  # type: ignore[assignment]
            guard.check(s, action)
            action.updated_at = self._now()
            s.flush()
            return self._record(s, action)

    def _check_links(self, s: Session, goal_id: int | None, persona_id: int | None) -> None:
        if goal_id is not None:
            self._get(s, m.Goal, goal_id, "Goal")
        if persona_id is not None:
            self._get(s, m.Persona, persona_id, "Persona")

    def remove_action(self, action_id: int) -> None:
        with self.db.transaction() as s:
            s.delete(self._get(s, m.Action, action_id, "Action"))

    @versioned_write(m.Action)
    def set_status(
        self,
        *,
        action_id: int,
        status: ActionStatus,
        note: str = "",
        meeting_id: int | None = None,
        seen: object | None = None,
        changed_by_id: int | None = None,
        while_open: bool = False,
    ) -> r.ActionRecord:
        """Change status with a note; the history keeps who/when/where (who: `changed_by_id`,
        by default the meeting's facilitator; Room Link passes the member on the phone).

        `seen`: the action as the user saw it (a record, a follow-up line or a `Seen`).
        ConflictError when someone else changed the status since then (nothing is
        written then). `while_open`: refused once `meeting_id` (the meeting reviewing it)
        is closed (Room Link; see `_still_open`)."""
        new = ActionStatus(status)
        body = optional_text("note", note, label=_("Note"), limit=5000)
        with (
            self._guarded(m.Action, action_id, {"status"}, seen) as guard,
            self.db.transaction() as s,
        ):
            if while_open and meeting_id is not None:
                self._still_open(s, meeting_id, "status")
            action = self._get(s, m.Action, action_id, "Action")
            guard.loaded(action, _("Action “{title}”").format(title=action.title))
            if new.value == action.status and not body:
                return self._record(s, action)
            self._add_update(
                s,
                action,
                meeting_id=meeting_id,
                new_status=new.value,
                new_due=action.due,
                note=body,
                changed_by_id=changed_by_id,
            )
            action.status = new.value
            guard.check(s, action)
            action.updated_at = self._now()
            s.flush()
            return self._record(s, action)

    def _add_update(
        self,
        s: Session,
        action: m.Action,
        *,
        meeting_id: int | None,
        new_status: str,
        new_due: date | None,
        note: str,
        changed_by_id: int | None = None,
    ) -> m.ActionUpdate:
        """One history entry (who: `changed_by_id`, else the meeting's facilitator, or nobody
        outside a meeting), and the action's running totals the follow-up list reads."""
        changed_by = changed_by_id
        if changed_by is None and meeting_id is not None:
            changed_by = self._get(s, m.Meeting, meeting_id, "Meeting").facilitator_id
        update = m.ActionUpdate(
            action_id=action.id,
            meeting_id=meeting_id,
            changed_at=self._now(),
            old_status=action.status,
            new_status=new_status,
            old_due=action.due,
            new_due=new_due,
            note=note,
            changed_by_id=changed_by,
        )
        s.add(update)
        if action.due is not None and new_due is not None and new_due > action.due:
            action.times_slipped = (action.times_slipped or 0) + 1
        if note:
            action.last_note = note
        return update

    def history(self, action_id: int) -> list[r.ActionUpdateRecord]:
        """The action's history, oldest first: what changed, when, in which meeting, by whom."""
        with self.db.sessions() as s:
            rows = q.history(s, action_id)
            return [
                replace(
                    to_update(u),
                    changed_by_id=u.changed_by_id,
                    changed_by_name=by_name or "",
                    meeting_title=title or "",
                    meeting_date=starts.date() if starts is not None else None,
                )
                for u, title, starts, by_name in rows
            ]

    def follow_ups(self, meeting_id: int) -> list[r.FollowUpRecord]:
        """Earlier actions of the series as they stand in this meeting's review.

        An action comes back when it was agreed in an earlier meeting of the same
        series (by start time, whatever order the meetings were created in) and
        was still open when this meeting reviewed it, or was reviewed in it (so a
        "done" stays visible here with its note).

        A closed meeting's review is told as it was when the meeting closed:
        changes made later (in later meetings or between meetings) are left out,
        so re-exporting old minutes gives the same statuses, due dates and slips.
        """
        with self.db.sessions() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            cutoff = meeting.closed_at  # None while not closed: the review is "now"
            rows = q.reviewed_in(s, meeting, open_statuses=_OPEN_VALUES, closed_at=cutoff)
            history: dict[int, list[m.ActionUpdate]] = {}
            for u in q.updates_of(s, [a.id for a, _, _ in rows]):
                if cutoff is None or u.meeting_id == meeting_id or u.changed_at <= cutoff:
                    history.setdefault(u.action_id, []).append(u)
            result = []
            for action, mt, owner in rows:
                past = history.get(action.id, [])
                record = to_action(action, mt, owner)
                if cutoff is not None and past:
                    record = replace(
                        record, status=ActionStatus(past[-1].new_status), due=past[-1].new_due
                    )
                mine = [u for u in past if u.meeting_id == meeting_id]
                status_changes = [u for u in mine if u.old_status is not None]
                before = (
                    ActionStatus(status_changes[0].old_status)  # type: ignore[arg-type]
                    if status_changes
                    else record.status
                )
                if not (before.is_open or mine):
                    continue  # closed before this meeting, reopened only later
                notes = [u.note for u in mine if u.note]
                slipped = sum(
                    1
                    for u in past
                    if u.old_due is not None and u.new_due is not None and u.new_due > u.old_due
                )
                result.append(
                    r.FollowUpRecord(
                        action=record,
                        status_before=before,
                        review_note=notes[-1] if notes else "",
                        reviewed=bool(mine),
                        times_slipped=slipped if cutoff is not None else action.times_slipped or 0,
                    )
                )
            return result
