"""Demo accountability: how the two held meetings were rated (the first below 8, with what
would make it a 10; the second better, one rating anonymous), and one action of the second
meeting that slipped twice since, so the next meeting has something to drop on its agenda.

Say/do and calibration need no data of their own: they are read from the commitments the
demo meetings made ("I commit" with a confidence) and what became of their actions.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from alignmeet.demo_toolkit import DemoContext
from alignmeet.services import Services
from alignmeet.services.accountability import AccountabilityService
from alignmeet.services.actions import ActionService

# (member key, score, what would make it a 10) per held meeting; None: an anonymous rating.
_RATINGS: tuple[tuple[tuple[str | None, int, str], ...], ...] = (
    (
        ("priya", 7, "Start with the numbers, not the stories."),
        ("marcus", 6, "Fewer status updates, more decisions."),
        ("sofia", 8, ""),
        ("kenji", 7, "Agree the rejection reasons before the meeting."),
        ("liam", 6, "Keep to the time boxes — the webinar debrief ran over."),
        ("amara", 8, ""),
        ("lucas", 7, "Send the lead numbers a day before."),
        ("meilin", 6, "Decide the case study instead of discussing it again."),
        ("elif", 8, ""),
    ),
    (
        ("priya", 9, ""),
        ("sofia", 8, ""),
        ("kenji", 8, ""),
        ("liam", 9, ""),
        ("amara", 8, ""),
        ("lucas", 7, "Less time on the ICP wording, more on who does what."),
        ("meilin", 8, ""),
        ("elif", 9, ""),
        (None, 7, "A shorter KPI round: the dashboard says it already."),
    ),
)
SLIPPING = "Finish tagging last month's rejected leads"


def seed(services: Services, ctx: DemoContext) -> dict[str, int]:
    ratings = 0
    for index, meeting_ratings in enumerate(_RATINGS):
        closing = datetime.combine(ctx.meeting_days[index], time(11, 15))
        accountability = AccountabilityService(services.db, lambda closing=closing: closing)
        for key, score, answer in meeting_ratings:
            accountability.rate(
                meeting_id=ctx.held_meeting_ids[index],
                member_id=ctx.member_ids[key] if key is not None else None,
                score=score,
                answer=answer,
            )
            ratings += 1
    # Kenji's tagging slipped twice between the meetings (the backlog kept growing).
    second = ctx.meeting_days[1]
    action = next(
        a
        for a in services.actions.actions_for_meeting(ctx.held_meeting_ids[1])
        if a.title == SLIPPING
    )
    moves = (
        (second + timedelta(days=9), 7, "The backlog is bigger than we thought."),
        (second + timedelta(days=15), 7, "Half done; the CRM export kept timing out."),
    )
    due = action.due
    for day, extra, note in moves:
        stamp = datetime.combine(day, time(16, 30))
        due = (due or day) + timedelta(days=extra)
        ActionService(services.db, lambda stamp=stamp: stamp).update_action(
            action_id=action.id, due=due, note=note
        )
    return {"meeting ratings": ratings, "slipped actions": 1}
