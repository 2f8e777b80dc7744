"""Demo data needs (seed 001): each team's Top 10 list of the data it needs, and the joint
Top 10 the second held meeting agreed, with an owner per item (tracked as actions)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from alignmeet.demo_toolkit import DemoContext
from alignmeet.domain.data_needs import JointEntry
from alignmeet.domain.enums import ActionStatus
from alignmeet.services import Services
from alignmeet.services.actions import ActionService
from alignmeet.services.data_needs import DataNeedService

NEEDS: dict[str, tuple[str, str]] = {
    "lost": ("Reasons deals are lost", "Closed-lost reason and competitor, on every opportunity."),
    "source": (
        "Lead source per opportunity",
        "First and last touch carried from the MQL to the opportunity.",
    ),
    "content": (
        "Content a prospect read before the demo",
        "Pages, guides and webinars, visible to the AE before the first call.",
    ),
    "speed": ("Speed to lead per SDR and source", "Minutes from form fill to first call."),
    "title": (
        "Job title and company size on every MQL",
        "So SDRs can check ICP fit before calling.",
    ),
    "campaigns": (
        "Which campaigns generated closed deals",
        "Closed-won revenue attributed to campaigns, per quarter.",
    ),
    "competitor": ("Competitor named in lost deals", ""),
    "pricing": ("Accounts visiting the pricing page this week", "An intent signal for AEs."),
    "rejected": (
        "Reasons leads are rejected, per campaign",
        "The rejection pick-list broken down by campaign and source.",
    ),
    "mql_call": ("Time from MQL to first sales call", ""),
    "channel": ("Pipeline value per channel", "Marketing-sourced pipeline by channel, monthly."),
    "icp_win": ("Win rate by ICP fit", "Do deals inside the ICP close more often and faster?"),
}

SALES_TOP = ("lost", "source", "content", "speed", "title", "campaigns", "competitor", "pricing")
MARKETING_TOP = (
    "campaigns",
    "source",
    "rejected",
    "lost",
    "mql_call",
    "channel",
    "content",
    "icp_win",
)

# The joint Top 10 agreed in the second held meeting: need, owner, due (days after it).
JOINT_TOP = (
    ("source", "elif", 14),
    ("lost", "priya", 21),
    ("campaigns", "lucas", 28),
    ("content", "meilin", 28),
    ("rejected", "kenji", 14),
    ("speed", "liam", 14),
    ("title", "elif", 21),
    ("channel", "amara", 35),
    ("competitor", "sofia", 35),
    ("icp_win", "noah", 42),
)


def seed(services: Services, ctx: DemoContext) -> dict[str, int]:
    """Twelve needs, both teams' lists (four needs on both) and the agreed joint Top 10."""
    day = ctx.meeting_days[1]
    meeting_id = ctx.held_meeting_ids[1]
    at_meeting = datetime.combine(day, time(11, 10))
    data_needs = DataNeedService(services.db, lambda: at_meeting)
    ids = {
        key: data_needs.add_need(title=title, description=description).id
        for key, (title, description) in NEEDS.items()
    }
    data_needs.set_ranking(team_id=ctx.team_ids["Sales"], need_ids=[ids[k] for k in SALES_TOP])
    data_needs.set_ranking(
        team_id=ctx.team_ids["Marketing"], need_ids=[ids[k] for k in MARKETING_TOP]
    )
    joint = data_needs.agree_joint(
        meeting_id=meeting_id,
        entries=[
            JointEntry(ids[key], ctx.member_ids[owner], day + timedelta(days=due))
            for key, owner, due in JOINT_TOP
        ],
        today=day,
    )
    # Between the meetings Elif started on the lead source: it shows in the next review.
    later = datetime.combine(day + timedelta(days=5), time(15, 0))
    ActionService(services.db, lambda: later).set_status(
        action_id=joint[0].action_id,  # type: ignore[arg-type]
        status=ActionStatus.IN_PROGRESS,
        note="Source field mapped in the CRM; back-filling last quarter.",
    )
    shared = len(set(SALES_TOP) & set(MARKETING_TOP))
    return {"data needs": len(ids), "on both lists": shared, "joint Top 10 items": len(joint)}
