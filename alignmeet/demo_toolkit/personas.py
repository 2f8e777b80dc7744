"""Demo personas (seed 001): three buyers of the demo company's forecasting software,
named on the agenda items and actions that discussed them."""

from __future__ import annotations

from alignmeet.demo_toolkit import DemoContext
from alignmeet.services import Services

PERSONAS: tuple[dict[str, str], ...] = (
    {
        "name": "Larry, the CFO",
        "role": "Chief Financial Officer, 400-person B2B software company",
        "pains": (
            "The revenue forecast misses by 15–20% every quarter\n"
            "The board asks why a full pipeline never turns into bookings\n"
            "The forecast lives in five spreadsheets owned by five people"
        ),
        "goals": (
            "A forecast he can defend in the board meeting\n"
            "Less manual reconciliation at month end\n"
            "Payback of any purchase within two quarters"
        ),
        "objections": (
            "“Another tool my team has to learn?”\n"
            "“What does it cost once we add every seat?”\n"
            "“Our data is too messy for any tool to fix.”"
        ),
        "notes": "From five win/loss interviews and the webinar Q&A (finance attendees).",
    },
    {
        "name": "Olivia, Head of Operations",
        "role": "Head of Revenue Operations, 200–2,000 employees, CRM for 2+ years",
        "pains": (
            "Chases reps for CRM updates the last week of every month\n"
            "“Pipeline stage” means something different to Sales and to Marketing\n"
            "Every new tool is one more integration to keep alive"
        ),
        "goals": (
            "One source of truth for pipeline and forecast\n"
            "Clean CRM data without policing people\n"
            "Automate the month-end roll-up"
        ),
        "objections": (
            "“Does it sync both ways with our CRM?”\n"
            "“How long does implementation really take?”\n"
            "“Who maintains it when the consultant leaves?”"
        ),
        "notes": "Our ICP's day-to-day buyer; usually brings Larry in for sign-off.",
    },
    {
        "name": "Raj, IT Manager",
        "role": "IT Manager, security and tooling for a mid-market company",
        "pains": (
            "Teams buy SaaS tools without a security review\n"
            "SSO and user provisioning done by hand for every tool\n"
            "Auditors ask where customer data is stored"
        ),
        "goals": (
            "Everything behind SSO, with automatic de-provisioning\n"
            "Vendors that pass the security questionnaire quickly\n"
            "Fewer systems to support"
        ),
        "objections": (
            "“Is SSO included, or an enterprise add-on?”\n"
            "“Where is the data hosted, and who can see it?”\n"
            "“We could build this in the CRM ourselves.”"
        ),
        "notes": "Joins late in enterprise deals; lost deals to “build it in the CRM” were his.",
    },
)

# (meeting index in ctx.held_meeting_ids + upcoming, agenda item title start, persona)
_ITEM_LINKS = (
    (0, "Webinar follow-up", "Larry, the CFO"),
    (0, "Case study for enterprise deals", "Olivia, Head of Operations"),
    (1, "Campaigns and content coming up", "Larry, the CFO"),
    (1, "Pipeline and deals that need Marketing", "Raj, IT Manager"),
    (2, "Enterprise case study", "Olivia, Head of Operations"),
)
_ACTION_LINKS = (
    (0, "Turn the webinar Q&A into a follow-up e-mail sequence", "Larry, the CFO"),
    (1, "Launch the webinar for mid-market finance leaders", "Larry, the CFO"),
    (1, "Write two battlecards from the top lost-deal reasons", "Raj, IT Manager"),
    (1, "Prepare an anonymised enterprise case study", "Olivia, Head of Operations"),
)


def seed(services: Services, ctx: DemoContext) -> dict[str, int]:
    """Three personas, named on the agenda items and actions of the demo meetings."""
    ids = {p["name"]: services.personas.add_persona(**p).id for p in PERSONAS}
    meetings = (*ctx.held_meeting_ids, ctx.upcoming_meeting_id)
    linked_items = 0
    for index, title_start, name in _ITEM_LINKS:
        for item in services.agenda.items(meetings[index]):
            if item.title.startswith(title_start):
                services.agenda.update_item(item_id=item.id, persona_id=ids[name])
                linked_items += 1
                break
    linked_actions = 0
    for index, title_start, name in _ACTION_LINKS:
        for action in services.actions.actions_for_meeting(meetings[index]):
            if action.title.startswith(title_start):
                services.actions.update_action(action_id=action.id, persona_id=ids[name])
                linked_actions += 1
                break
    return {
        "personas": len(ids),
        "agenda items naming a persona": linked_items,
        "actions naming a persona": linked_actions,
    }
