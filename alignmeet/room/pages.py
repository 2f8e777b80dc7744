"""What each participant page shows, read through the services: plain dicts and records
for the templates (templates/room_*.html.j2), never more than the page needs.

Served: the meeting's title, topic and end goal, the phase, the agenda item on the
facilitator's screen with its ideas (and who had them), the present members' names with
how many actions each has written and whether they have committed, and the participant's
own actions, review list, commitment and named rating (and how many have rated). Never
served: the facilitator's notes of an item, other members' actions and commitments'
details, anybody's rating but the phone's own named one (an anonymous one is nobody's),
other meetings' content (an earlier action's meeting is named as its origin only),
decisions in the making, devices.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from alignmeet.domain.accountability import RATING_TARGET
from alignmeet.domain.enums import ActionStatus, Attendance, MeetingStatus, Phase, TeamTag
from alignmeet.domain.rules import max_length, short_date
from alignmeet.i18n import _, language, ngettext
from alignmeet.room import writes
from alignmeet.room.live import Stage
from alignmeet.services.actions import default_tag

if TYPE_CHECKING:
    from jinja2 import Environment

    from alignmeet.domain import records as r
    from alignmeet.services import Services

STATUS_CHOICES = (
    ActionStatus.DONE,
    ActionStatus.IN_PROGRESS,
    ActionStatus.BLOCKED,
    ActionStatus.DROPPED,
)


@cache
def environment() -> Environment:
    """The room's Jinja2 environment: strict, autoescaping everything (every page is HTML)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from alignmeet.paths import templates_dir

    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.globals["language"] = language
    env.globals["limit"] = max_length  # a field's maxlength: what the services keep
    env.filters["short_date"] = short_date
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=lambda message, **values: _(message).format(**values) if values else _(message),
        ngettext=lambda one, many, n, **values: ngettext(one, many, n).format(n=n, **values),
        newstyle=False,
    )
    return env


def render(name: str, /, **context: Any) -> str:
    return environment().get_template(name).render(**context)


@dataclass(frozen=True)
class Member:
    id: int
    name: str
    team: str


def joinable_members(services: Services, meeting_id: int) -> list[Member]:
    """The names a phone can pick: the members marked present, or — before anyone is
    marked — everyone invited who has not sent apologies."""
    people = services.meetings.participants(meeting_id)
    present = [p for p in people if p.attendance is Attendance.PRESENT]
    chosen = present or [p for p in people if p.attendance is Attendance.INVITED]
    return [Member(p.member_id, p.name, p.team_name) for p in chosen]


def current_item(services: Services, meeting_id: int, stage: Stage) -> r.AgendaItemRecord | None:
    items = services.agenda.items(meeting_id, include_parked=False)
    if stage.item_id is not None:
        for item in items:
            if item.id == stage.item_id:
                return item
    return items[0] if items else None


def live_state(services: Services, meeting_id: int, stage: Stage) -> dict[str, Any]:
    """The header every page shows (sent on each revision): phase, item, its timer."""
    meeting = services.meetings.get_meeting(meeting_id)
    item = current_item(services, meeting_id, stage) if meeting.phase is Phase.AGENDA else None
    return {
        "phase": meeting.phase.value,
        "phase_label": f"{meeting.phase.number} · {_(meeting.phase.label)}",
        "closed": meeting.status is MeetingStatus.CLOSED,
        "item_id": item.id if item else None,
        "item_title": item.title if item else "",
        "left": item.box_minutes * 60 - item.used_seconds if item else None,
        "running": False,
    }


def part(services: Services, meeting_id: int, member_id: int, stage: Stage) -> dict[str, Any]:
    """The lists of the page that change while it is open (re-read on each revision)."""
    meeting = services.meetings.get_meeting(meeting_id)
    phase = meeting.phase
    people = services.meetings.participants(meeting_id)
    me = next((p for p in people if p.member_id == member_id), None)
    context: dict[str, Any] = {"phase": phase.value, "me": me}
    if phase is Phase.REVIEW:
        context["reviews"] = writes.review_actions(services, meeting_id, member_id)
        context["statuses"] = [(s.value, _(s.label)) for s in STATUS_CHOICES]
    elif phase is Phase.AGENDA:
        item = current_item(services, meeting_id, stage)
        context["item"] = item
        context["ideas"] = services.agenda.ideas(item.id) if item else []
    elif phase in (Phase.ACTIONS, Phase.COMMITMENTS):
        actions = services.actions.actions_for_meeting(meeting_id)
        counts = Counter(a.owner_id for a in actions)
        context["mine"] = [a for a in actions if a.owner_id == member_id]
        context["round"] = [
            {
                "name": p.name,
                "you": p.member_id == member_id,
                "actions": ngettext("{n} action", "{n} actions", counts[p.member_id]).format(
                    n=counts[p.member_id]
                ),
                "written": counts[p.member_id] > 0,
                "committed": p.committed,
            }
            for p in people
            if p.attendance is Attendance.PRESENT
        ]
        context["committed_count"] = sum(1 for p in people if p.committed)
        context["present_count"] = sum(1 for p in people if p.present)
    elif phase is Phase.CLOSE:  # how many have rated: a count, never who or how
        context["rated_count"] = services.accountability.rating_summary(meeting_id).count
        context["present_count"] = sum(1 for p in people if p.present)
    return context


def page(
    services: Services,
    meeting_id: int,
    member_id: int,
    stage: Stage,
    *,
    rated_anonymously: bool = False,
) -> dict[str, Any]:
    """Everything the meeting page needs: the header, the part, the forms' choices
    (`rated_anonymously`: the member has given their anonymous rating — the room knows
    that much, never which rating it is)."""
    meeting = services.meetings.get_meeting(meeting_id)
    context = part(services, meeting_id, member_id, stage)
    context["meeting"] = meeting
    context["state"] = live_state(services, meeting_id, stage)
    me = context["me"]
    if meeting.phase is Phase.ACTIONS:
        context["tags"] = [(t.value, _(t.label)) for t in TeamTag]
        context["my_tag"] = default_tag(me.team_name).value if me is not None else ""
        context["goals"] = [(g.id, g.label) for g in services.goals.goals_for_linking()]
    if meeting.phase is Phase.COMMITMENTS and me is not None:
        context["seen"] = writes.commitment_seen(me)
    if meeting.phase is Phase.CLOSE:
        rating = writes.my_rating(services, meeting_id, member_id)
        context["rating"] = rating
        context["rating_seen"] = writes.rating_seen(rating)
        context["rated_anonymously"] = rated_anonymously
        context["can_rate"] = me is not None and me.attendance is Attendance.PRESENT
        context["target"] = RATING_TARGET
    return context
