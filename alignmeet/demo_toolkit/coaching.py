"""Demo coaching pairs (seed 004): every Sales member paired with a Marketing member, three
five-week rounds chosen by the rotation rule, weekly check-ins with the tips they traded,
a few logged at the monthly sync — and one pair that has let its check-in slip.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta

from alignmeet.demo_toolkit import DemoContext
from alignmeet.services import Services
from alignmeet.services.base import ServiceBase

ROUND_WEEKS = 5
ROUNDS = 3

# (progress, tips asked, tips given): what a week's check-in sounds like.
_TALKS: tuple[tuple[str, str, str], ...] = (
    (
        "Compared this month's pipeline targets; both behind on enterprise.",
        "How do I open a call with someone who only downloaded the pricing guide?",
        "Lead with the benchmark on page 3 of the guide — it is the most-read page.",
    ),
    (
        "Walked through three lost deals and the content that was missing.",
        "Which objections come up most in discovery calls?",
        "Data migration effort and per-seat price: a one-pager on migration would help.",
    ),
    (
        "Shadowed two discovery calls; rewrote the webinar invite from what was heard.",
        "Which subject lines got replies in the last nurture sequence?",
        "Questions beat announcements: “Still forecasting in spreadsheets?” had 2× replies.",
    ),
    (
        "Agreed how to hand over A-rated webinar attendees the next morning.",
        "What makes an MQL worth calling the same day?",
        "A pricing-page visit within 48 hours of the webinar — flag those first.",
    ),
    (
        "Reviewed the new ICP filter on the LinkedIn form together.",
        "How do we word the form so students self-select out?",
        "Ask for company size and role as required fields; drop the free-template hook.",
    ),
    (
        "Prepared the Contoso case-study interview questions.",
        "What do enterprise buyers ask references?",
        "Time to value and who did the migration work — ask Contoso for both numbers.",
    ),
)


@contextmanager
def _clock(service: ServiceBase, at: datetime) -> Iterator[None]:
    saved = service.clock
    service.clock = lambda: at
    try:
        yield
    finally:
        service.clock = saved


def seed(services: Services, ctx: DemoContext) -> dict[str, int]:
    sv = services.coaching
    today = ctx.today
    held = dict(
        zip(ctx.meeting_days[: len(ctx.held_meeting_ids)], ctx.held_meeting_ids, strict=True)
    )
    starts = [today - timedelta(weeks=ROUND_WEEKS * (ROUNDS - i)) for i in range(ROUNDS)]
    checkins = 0
    talk = 0
    for number, start in enumerate(starts):
        with _clock(sv, datetime.combine(start, time(9, 0))):
            suggestion = sv.suggest_rotation(start)
            wanted = [(p.sales_member_id, p.marketing_member_id) for p in suggestion.pairs]
            if number == 0:
                pairs = sv.start_pairs(pairs=wanted, started_on=start)
            else:
                pairs = sv.apply_rotation(pairs=wanted, today=start)
        end = starts[number + 1] if number + 1 < ROUNDS else today + timedelta(days=1)
        current = number == ROUNDS - 1
        for index, pair in enumerate(pairs):
            slipping = current and index == 1  # the pair whose check-in is overdue
            day = start + timedelta(days=2 + index % 3)
            while day < end:
                if slipping and (today - day).days <= 11:
                    break
                meeting_id = None
                meeting_day = next((d for d in held if abs((d - day).days) <= 3), None)
                if meeting_day is not None and index < 2 and meeting_day < end:
                    day, meeting_id = meeting_day, held[meeting_day]  # met right after the sync
                progress, asked, given = _TALKS[talk % len(_TALKS)]
                talk += 1
                with _clock(sv, datetime.combine(day, time(17, 0))):
                    sv.log_checkin(
                        pair_id=pair.id,
                        held_on=day,
                        progress=progress,
                        tips_asked=asked,
                        tips_given=given,
                        meeting_id=meeting_id,
                    )
                checkins += 1
                day += timedelta(weeks=1)
    active = sv.active_pairs(today=today)
    return {
        "coaching pairs": len(sv.list_pairs(today=today)),
        "active coaching pairs": len(active),
        "overdue coaching pairs": sum(1 for p in active if p.overdue),
        "coaching check-ins": checkins,
    }
