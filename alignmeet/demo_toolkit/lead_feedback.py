"""Demo lead feedback: three months of lead batches with the reasons Sales gave (seeds 000,
003) — one batch reviewed in each held meeting, and this month's waiting for the next one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta

from alignmeet.demo_toolkit import DemoContext
from alignmeet.domain.lead_feedback import RejectionReason as R
from alignmeet.domain.periods import Period, PeriodKind, period_containing
from alignmeet.services import Services
from alignmeet.services.base import ServiceBase

# (reason, count, lead reference, note)
Line = tuple[R, int, str, str]

_FIRST: tuple[Line, ...] = (
    (
        R.NOT_FIT,
        30,
        "",
        "Students, consultants and two competitors from the LinkedIn lead-gen form",
    ),
    (R.BAD_TIMING, 10, "", "Evaluating for next fiscal year; asked to be contacted in Q1"),
    (R.NO_BUDGET, 11, "", "Teams under 20 seats: the starter plan is above their budget"),
    (R.WRONG_CONTACT, 16, "", "Form filled in by an assistant or intern, not the RevOps buyer"),
    (R.DUPLICATE, 12, "", "Already in an open opportunity owned by an AE"),
    (R.OTHER, 55, "", "No reason recorded in the CRM (before the rejection pick-list)"),
)
_SECOND: tuple[Line, ...] = (
    (R.NOT_FIT, 14, "", "Students and agency staff who joined for the free template"),
    (R.BAD_TIMING, 9, "", "Budget cycle starts in January; revisit then"),
    (R.NO_BUDGET, 6, "", "Hiring freeze: no new tools this year"),
    (R.WRONG_CONTACT, 5, "", "Personal e-mail addresses, no company to qualify"),
    (R.DUPLICATE, 7, "Contoso, Northwind", "Already in open opportunities"),
    (R.OTHER, 2, "", "Unreachable after five call attempts and two e-mails"),
)
_THIRD: tuple[Line, ...] = (
    (R.NOT_FIT, 8, "", "Company size under 50: outside the ICP agreed last month"),
    (R.NOT_FIT, 1, "Tailspin Toys", "Competitor's sales engineer downloading the pricing guide"),
    (R.BAD_TIMING, 6, "", "Just signed a three-year contract with a competitor"),
    (R.WRONG_CONTACT, 4, "", "Marketing coordinators; the buyer is the VP Sales"),
    (R.WRONG_CONTACT, 1, "Fabrikam — J. Ortiz", "Left the company; the new RevOps lead is named"),
    (R.DUPLICATE, 3, "", "Same person registered for both webinars"),
    (R.OTHER, 2, "", "Asked for a job, not a demo"),
)


def _name(month: Period) -> str:
    """ "October" (English whatever the locale, like the rest of the demo)."""
    return _MONTHS[month.number - 1]


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
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
    sv = services.lead_feedback
    ids = ctx.member_ids
    recorder = ids.get("kenji") or ids.get("liam") or (ctx.sales_ids[0] if ctx.sales_ids else None)
    lead = ids.get("liam") or recorder
    # Three consecutive months, the last the one before the upcoming meeting.
    last = period_containing(PeriodKind.MONTH, ctx.meeting_days[-1] - timedelta(days=14))
    months = [last.shift(-2), last.shift(-1), last]
    plans = (
        (
            f"{_name(months[0])} MQLs — all sources",
            412,
            recorder,
            "First month with a reason per rejected lead; 41% still had none.",
            _FIRST,
            ctx.held_meeting_ids[0] if ctx.held_meeting_ids else None,
        ),
        (
            f"{_name(months[1])} webinar leads — “Forecasting without spreadsheets”",
            186,
            recorder,
            "Registrations; A-rated attendees were called within 24 hours.",
            _SECOND,
            ctx.held_meeting_ids[1] if len(ctx.held_meeting_ids) > 1 else None,
        ),
        (
            f"{_name(months[2])} MQLs — paid social and the trade show",
            268,
            lead,
            "LinkedIn lead-gen form back on, with the new ICP filter.",
            _THIRD,
            None,  # waits for the upcoming meeting's lead-feedback review
        ),
    )
    lines = 0
    for i, (label, received, who, notes, rejections, meeting_id) in enumerate(plans):
        month = months[i]
        recorded_at = datetime.combine(min(month.end, ctx.today), time(16, 30))
        with _clock(sv, recorded_at):
            batch = sv.add_batch(
                label=label,
                period=month.key,
                leads_received=received,
                recorded_by_id=who,
                notes=notes,
            )
            for reason, count, ref, note in rejections:
                sv.add_rejection(
                    batch_id=batch.id, reason=reason, count=count, lead_ref=ref, note=note
                )
                lines += 1
        if meeting_id is not None:
            sv.review_in_meeting(meeting_id=meeting_id, batch_ids=[batch.id])
    return {"lead batches": len(plans), "rejection lines": lines}
