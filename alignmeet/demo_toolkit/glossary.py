"""Demo data: the shared glossary (seed 004) with its history in the demo meetings.

- First held meeting (lead quality): "Qualified lead", "MQL" (v1) and "SQL" agreed as
  decisions of its KPI item, where both teams first had to agree what they count.
- Second held meeting: "ICP" v1 and "MQL" v2 (job title and ICP size, students and
  competitors excluded) agreed on its glossary item, replacing MQL v1 — so its minutes
  show the change; a loose "SQL" wording rejected there; "Speed to lead" agreed on the
  KPI item and "Lead recycling" on the lead-feedback item.
- Upcoming meeting: one open proposal ("Speed to lead" v2) on a short glossary item.

The held meetings are closed, so their history is written with
`GlossaryService.record_past_decision` (the decision on the agenda item, stamped during
the meeting); the open proposal goes through `propose` like any user's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, time, timedelta

from alignmeet.demo_toolkit import DemoContext
from alignmeet.domain.enums import ItemKind
from alignmeet.domain.records import AgendaItemRecord
from alignmeet.services import Services

QUALIFIED_LEAD = (
    "A lead that fits our ideal customer profile (ICP), has shown buying intent (a demo "
    "request, a pricing-page visit or a buying question in a webinar) and has a reachable "
    "contact with a role in the buying decision. MQLs and SQLs are both qualified leads, "
    "at different stages of the hand-off."
)
MQL_V1 = (
    "Marketing-qualified lead: a lead whose score reaches 60 points from fit (company "
    "size, industry) and engagement (content downloads, webinar attendance, site visits). "
    "Marketing hands every MQL to the SDR team."
)
MQL_V2 = (
    "Marketing-qualified lead: a contact at an ICP company (200–2,000 employees) with a "
    "manager-level or more senior role in sales, RevOps or finance, whose score reaches 60 "
    "points, at least 20 of them from engagement in the last 30 days. Students, "
    "consultants and competitors are excluded automatically. Marketing hands every MQL to "
    "the SDR team by the next working morning."
)
SQL_V1 = (
    "Sales-qualified lead: an MQL an SDR has spoken with that has a confirmed need, a "
    "timeline within six months and a budget owner we can name. Accepting an SQL means an "
    "Account Executive holds a first meeting within five working days; a rejected lead "
    "always gets a reason."
)
SQL_REJECTED = "Any MQL that an SDR has called at least once."
ICP_V1 = (
    "Ideal customer profile: B2B SaaS or tech-enabled services companies with 200–2,000 "
    "employees, a RevOps or sales-operations function, and a CRM in use for two years or "
    "more. Both teams use this one profile for ad targeting, lead scoring and account "
    "prioritisation."
)
SPEED_V1 = (
    "The time from a lead's demo request or form submission to the first live contact "
    "attempt (a call or a personal e-mail) by an SDR, in working hours. Target: under one "
    "hour for demo requests during office hours."
)
SPEED_V2 = (
    "The time from a lead's demo request or form submission to the first live contact "
    "attempt (a call or a personal e-mail) by an SDR, in clock hours, evenings and weekends "
    "included. Target: under one hour during office hours, and by 10:00 the next working "
    "day for requests that arrive after hours."
)
LEAD_RECYCLING = (
    "A rejected lead that fits the ICP but has no budget or timing now goes back to "
    "Marketing nurture with the reason “good fit, wrong timing” instead of being closed. "
    "It can become an MQL again after 90 days, or earlier on a new sign of buying intent."
)


def _pick(items: Sequence[AgendaItemRecord], *kinds: ItemKind) -> AgendaItemRecord:
    """The first item of the first kind present (else the first item)."""
    for kind in kinds:
        found = next((i for i in items if i.kind is kind), None)
        if found is not None:
            return found
    return items[0]


def seed(services: Services, ctx: DemoContext) -> dict[str, int]:
    gl = services.glossary
    first, second = ctx.held_meeting_ids[0], ctx.held_meeting_ids[-1]

    def who(name: str) -> int | None:
        return ctx.member_ids.get(name)

    def recorder(meeting_id: int) -> Callable[..., None]:
        start = services.meetings.get_meeting(meeting_id).starts_at
        minute = iter(range(12, 80, 3))

        def record(
            term: str,
            definition: str,
            item: AgendaItemRecord,
            by: str,
            *,
            days_before: int = 5,
            approved: bool = True,
        ) -> None:
            gl.record_past_decision(
                term=term,
                definition=definition,
                item_id=item.id,
                decided_at=start + timedelta(minutes=next(minute)),
                approved=approved,
                proposed_by_id=who(by),
                proposed_at=start - timedelta(days=days_before, hours=2),
            )

        return record

    items1 = services.agenda.items(first)
    kpi1 = _pick(items1, ItemKind.KPI_REVIEW, ItemKind.GLOSSARY)
    record = recorder(first)
    record("Qualified lead", QUALIFIED_LEAD, kpi1, "priya")
    record("MQL", MQL_V1, kpi1, "lucas")
    record("SQL", SQL_V1, kpi1, "kenji")

    items2 = services.agenda.items(second)
    glossary2 = _pick(items2, ItemKind.GLOSSARY)
    kpi2 = _pick(items2, ItemKind.KPI_REVIEW, ItemKind.GLOSSARY)
    feedback2 = _pick(items2, ItemKind.LEAD_FEEDBACK, ItemKind.GLOSSARY)
    record = recorder(second)
    record("Speed to lead", SPEED_V1, kpi2, "liam", days_before=2)
    record("Lead recycling", LEAD_RECYCLING, feedback2, "kenji", days_before=1)
    record("ICP", ICP_V1, glossary2, "noah", days_before=12)
    record("MQL", MQL_V2, glossary2, "elif", days_before=6)
    record("SQL", SQL_REJECTED, glossary2, "lucas", days_before=3, approved=False)

    # The upcoming meeting: a glossary item (a short one is added if the agenda has none)
    # with one open proposal on its table.
    upcoming = ctx.upcoming_meeting_id
    items3 = services.agenda.items(upcoming)
    added = 0
    if not any(i.kind is ItemKind.GLOSSARY for i in items3):
        after = next((i for i in items3 if i.kind is ItemKind.LEAD_FEEDBACK), None)
        glossary_item = services.agenda.add_item(
            meeting_id=upcoming,
            title="Glossary: how we measure speed to lead",
            minutes=5,
            owner_id=who("elif"),
            kind=ItemKind.GLOSSARY,
            position=after.position + 1 if after is not None else None,
        )
        _keep_within_plan(services, upcoming, glossary_item.id)
        added = 1
    saved = gl.clock
    gl.clock = lambda: datetime.combine(ctx.today - timedelta(days=1), time(16, 20))
    try:
        gl.propose(
            term="Speed to lead",
            definition=SPEED_V2,
            meeting_id=upcoming,
            proposed_by_id=who("elif"),
        )
    finally:
        gl.clock = saved

    versions = [v for t in gl.terms() for v in gl.term_history(t.id)]
    return {
        "glossary_terms": len(gl.terms()),
        "glossary_versions": len(versions),
        "glossary_decisions": sum(1 for v in versions if v.decision_id is not None),
        "glossary_open_proposals": len(gl.open_proposals()),
        "glossary_agenda_items": added,
    }


def _keep_within_plan(services: Services, meeting_id: int, added_id: int) -> None:
    """Take the added item's minutes from the longest discussion item, if the agenda
    would otherwise run over the meeting's planned length."""
    budget = services.agenda.budget(meeting_id)
    if not budget.is_overrun:
        return
    others = [
        i
        for i in services.agenda.items(meeting_id, include_parked=False)
        if i.id != added_id and i.kind is ItemKind.REGULAR
    ]
    if not others:
        return
    longest = max(others, key=lambda i: i.minutes)
    spare = longest.minutes - 5
    cut = min(budget.overrun_minutes, max(0, spare))
    if cut:
        services.agenda.update_item(item_id=longest.id, minutes=longest.minutes - cut)
