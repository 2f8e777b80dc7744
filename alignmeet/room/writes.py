"""Every write a participant's phone can make, in one place: each is a service use case
run through the one write path (`services.operations.run`), so the facilitator's window
hears it, can undo it, and the minutes name who wrote it.

The checks that make a request the participant's own (their action, this meeting, the
current agenda) come first and refuse with RefusedError. A record a phone changes that
someone else may change too (their action's status, their commitment) carries what the
phone showed (`seen`, rendered into the form): when the record has changed since, nothing
is written and the phone is told what it is now — the same rule as between two
facilitators; the services check it again inside the write's own transaction.

Writes run one at a time (a lock): SQLite has one writer anyway, and a transaction that
starts while another commits would fail instead of waiting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.exc import OperationalError

from alignmeet.domain.enums import ActionStatus, Attendance, MeetingStatus, Phase, TeamTag
from alignmeet.i18n import _
from alignmeet.room.access import RefusedError
from alignmeet.services.base import ConflictError, MeetingClosedError, Seen

if TYPE_CHECKING:
    from alignmeet.domain import records as r
    from alignmeet.domain.accountability import RatingRecord
    from alignmeet.room.access import RoomAccess
    from alignmeet.services import Services
    from alignmeet.services.operations import Outcome

T = TypeVar("T")
_LOCK = threading.Lock()
RETRIES = 3  # a write refused because the database was busy (nothing written) is tried again


class SeenChangedError(RefusedError):
    """The record changed since the phone showed it: nothing was written."""

    def __init__(self, message: str) -> None:
        super().__init__(409, message)


def run(services: Services, label: str, op: Callable[[Services], T], *, author: str) -> Outcome[T]:
    for attempt in range(RETRIES):
        try:
            with _LOCK:
                return services.operations.run(label, op, author=author)
        except OperationalError:  # busy or locked: the transaction was rolled back
            if attempt == RETRIES - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
        except MeetingClosedError as closed:  # closed between the room's check and the write
            raise RefusedError(410, _("The meeting is closed.")) from closed
    raise AssertionError("unreachable")


def _open_meeting(services: Services, meeting_id: int) -> r.MeetingRecord:
    meeting = services.meetings.get_meeting(meeting_id)
    if meeting.status is MeetingStatus.CLOSED:
        raise RefusedError(410, _("The meeting is closed."))
    return meeting


def _participant(services: Services, meeting_id: int, member_id: int) -> r.ParticipantRecord:
    for p in services.meetings.participants(meeting_id):
        if p.member_id == member_id:
            return p
    raise RefusedError(403, _("You are not on this meeting's list."))


# ---- ideas ------------------------------------------------------------------------
def add_idea(
    services: Services,
    *,
    meeting_id: int,
    member_id: int,
    item_id: int,
    text: str,
    showing: int | None = None,
) -> Outcome[r.IdeaRecord]:
    """An idea for the agenda item `item_id` the phone showed; refused when the meeting
    has moved on since (out of the agenda, or to another item than `showing`, the one on
    the facilitator's screen now): it would land where nobody is looking."""
    meeting = _open_meeting(services, meeting_id)
    me = _participant(services, meeting_id, member_id)
    items = {i.id: i for i in services.agenda.items(meeting_id, include_parked=False)}
    if item_id not in items:
        raise RefusedError(403, _("That agenda item is not on this meeting's agenda."))
    if meeting.phase is not Phase.AGENDA:
        raise SeenChangedError(
            _("The meeting has moved on to “{phase}”: your idea was not added.").format(
                phase=_(meeting.phase.label)
            )
        )
    if showing is not None and showing != item_id and showing in items:
        raise SeenChangedError(
            _(
                "The meeting has moved on from “{then}” to “{now}”: your idea was not "
                "added. Add it here if it still fits."
            ).format(then=items[item_id].title, now=items[showing].title)
        )
    return run(
        services,
        _("idea from {name}").format(name=me.name),
        lambda s: s.agenda.add_idea(
            item_id=item_id, text=text, author_id=member_id, while_open=True
        ),
        author=me.name,
    )


# ---- actions ----------------------------------------------------------------------
def add_action(
    services: Services,
    *,
    meeting_id: int,
    member_id: int,
    title: str,
    due: date | None,
    team_tag: TeamTag | None,
    milestone: str,
    goal_id: int | None,
) -> Outcome[r.ActionRecord]:
    _open_meeting(services, meeting_id)
    me = _participant(services, meeting_id, member_id)
    if goal_id is not None and goal_id not in {g.id for g in services.goals.goals_for_linking()}:
        raise RefusedError(403, _("That goal cannot be chosen."))
    return run(
        services,
        _("action of {name}").format(name=me.name),
        lambda s: s.actions.add_action(
            meeting_id=meeting_id,
            owner_id=member_id,
            title=title,
            due=due,
            team_tag=team_tag,
            milestone=milestone,
            goal_id=goal_id,
            changed_by_id=member_id,
            while_open=True,
        ),
        author=me.name,
    )


def review_actions(services: Services, meeting_id: int, member_id: int) -> list[r.FollowUpRecord]:
    """The member's own actions from earlier meetings, as this meeting reviews them."""
    return [f for f in services.actions.follow_ups(meeting_id) if f.action.owner_id == member_id]


def set_status(
    services: Services,
    *,
    meeting_id: int,
    member_id: int,
    action_id: int,
    status: ActionStatus,
    note: str,
    seen: str,
) -> Outcome[r.ActionRecord]:
    _open_meeting(services, meeting_id)
    me = _participant(services, meeting_id, member_id)
    mine = {f.action.id: f.action for f in review_actions(services, meeting_id, member_id)}
    action = mine.get(action_id)
    if action is None:
        raise RefusedError(403, _("You can only update your own actions under review here."))
    if seen != action.status.value:
        raise SeenChangedError(
            _("“{title}” was changed meanwhile: it is now {status}. Nothing was saved.").format(
                title=action.title, status=_(action.status.label)
            )
        )

    def save() -> Outcome[r.ActionRecord]:
        return run(
            services,
            _("status from {name}").format(name=me.name),
            lambda s: s.actions.set_status(
                action_id=action_id,
                status=status,
                note=note,
                meeting_id=meeting_id,
                changed_by_id=member_id,
                # what the phone showed: checked again inside the write's own transaction
                seen=Seen(None, {"status": ActionStatus(seen)}),
                while_open=True,
            ),
            author=me.name,
        )

    try:
        return save()
    except ConflictError as conflict:  # changed once more between the check and the write
        raise SeenChangedError(conflict.args[0]) from conflict


# ---- commitments ------------------------------------------------------------------
def commitment_seen(p: r.ParticipantRecord) -> str:
    """What a phone showed of a commitment: its confidence, "-" for none yet."""
    if p.committed_at is None:
        return "-"
    return str(p.confidence or 0)


def commit(
    services: Services,
    *,
    meeting_id: int,
    member_id: int,
    confidence: int,
    note: str,
    seen: str,
) -> Outcome[r.ParticipantRecord]:
    _open_meeting(services, meeting_id)
    me = _participant(services, meeting_id, member_id)
    if seen != commitment_seen(me):
        shown = (
            _("{level} of 5").format(level=me.confidence or "–")
            if me.committed_at is not None
            else _("withdrawn")
        )
        raise SeenChangedError(
            _("Your commitment was changed meanwhile ({now}). Nothing was saved.").format(now=shown)
        )
    return run(
        services,
        _("commitment of {name}").format(name=me.name),
        lambda s: s.meetings.commit(
            meeting_id=meeting_id,
            member_id=member_id,
            confidence=confidence,
            note=note,
            seen=Seen(
                None,
                {
                    "committed_at": me.committed_at,
                    "confidence": me.confidence,
                    "commitment_note": me.commitment_note,
                },
            ),
            while_open=True,
        ),
        author=me.name,
    )


# ---- the meeting's rating --------------------------------------------------------
def my_rating(services: Services, meeting_id: int, member_id: int) -> RatingRecord | None:
    """The member's named rating of the meeting (None: none, or only anonymous ones —
    which nobody can tell apart)."""
    for rating in services.accountability.ratings(meeting_id):
        if not rating.anonymous and rating.member_id == member_id:
            return rating
    return None


def rating_seen(rating: RatingRecord | None) -> str:
    """What a phone showed of its member's named rating: the score, "-" for none yet."""
    return "-" if rating is None else str(rating.score)


def rate(
    services: Services,
    access: RoomAccess,
    *,
    meeting_id: int,
    member_id: int,
    score: int,
    answer: str,
    anonymous: bool,
    seen: str,
) -> Outcome[RatingRecord]:
    """The member's rating of the meeting at its close, with the rules of the
    facilitator's rating panel (the rating service's): one named rating per member (a new
    one replaces it), never more ratings than members present.

    Anonymous: stored without a member, written under no name (the operation, the undo
    step, the change log name nobody), and the room keeps only that this member has given
    theirs (`access`), never which one it is — so it cannot be changed afterwards, and a
    member never has both a named and an anonymous rating."""
    meeting = _open_meeting(services, meeting_id)
    if meeting.phase is not Phase.CLOSE:
        raise RefusedError(409, _("The meeting is rated at its close."))
    me = _participant(services, meeting_id, member_id)
    if me.attendance is not Attendance.PRESENT:
        raise RefusedError(403, _("Only the members marked present rate the meeting."))
    if access.rated_anonymously(member_id):
        raise SeenChangedError(
            _(
                "You have rated this meeting anonymously already. An anonymous rating cannot "
                "be changed: nothing links it to you."
            )
        )
    mine = my_rating(services, meeting_id, member_id)
    if anonymous:
        if mine is not None:
            raise SeenChangedError(
                _(
                    "You have rated this meeting with your name already ({score}): change "
                    "that rating instead."
                ).format(score=mine.score)
            )
        if not access.claim_anonymous_rating(member_id):  # another phone of theirs, just now
            raise SeenChangedError(_("You have rated this meeting anonymously already."))
        try:
            return run(
                services,
                _("anonymous rating"),
                lambda s: s.accountability.rate(
                    meeting_id=meeting_id, score=score, answer=answer, while_open=True
                ),
                author=_("Anonymous"),
            )
        except BaseException:
            access.release_anonymous_rating(member_id)  # nothing was stored
            raise
    if seen != rating_seen(mine):
        raise SeenChangedError(
            _("Your rating was changed meanwhile ({now}). Nothing was saved.").format(
                now=_("{score} of 10").format(score=mine.score) if mine else _("removed")
            )
        )
    return run(
        services,
        _("rating from {name}").format(name=me.name),
        lambda s: s.accountability.rate(
            meeting_id=meeting_id,
            score=score,
            member_id=member_id,
            answer=answer,
            while_open=True,
        ),
        author=me.name,
    )


# ---- the door ----------------------------------------------------------------------
def mark_present(services: Services, *, meeting_id: int, member_id: int) -> Outcome[object] | None:
    """The facilitator let a member's phone in: that member is in the room (None when
    marked present already)."""
    me = _participant(services, meeting_id, member_id)
    if me.attendance is Attendance.PRESENT:
        return None
    return run(
        services,
        _("{name} is here").format(name=me.name),
        lambda s: s.meetings.set_attendance(
            meeting_id=meeting_id, member_id=member_id, attendance=Attendance.PRESENT
        ),
        author="",
    )
