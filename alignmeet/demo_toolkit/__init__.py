"""Demo data for the alignment toolkit: one module per feature, each with
`seed(services, ctx) -> dict[str, int]` (what it wrote, by name, for the summary).

`alignmeet.demo.build_demo` calls them after the three demo meetings exist.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date


@dataclass
class DemoContext:
    today: date
    # Member ids by key (see _PEOPLE in alignmeet.demo). Sales: "priya" (Head of Sales),
    # "marcus", "sofia", "kenji" (SDR), "liam" (SDR Team Lead). Marketing: "amara" (VP
    # Marketing), "lucas" (Demand Gen), "meilin" (Content), "elif" (Marketing Ops), "noah"
    # (Product Marketing). The meetings already hold agenda items of the toolkit kinds
    # (KPI review, lead feedback, glossary, wins & lessons, ...): find them with
    # services.agenda.items(meeting_id) and their .kind.
    member_ids: dict[str, int]
    sales_ids: list[int]
    marketing_ids: list[int]
    team_ids: dict[str, int]  # "Sales", "Marketing"
    series_id: int
    held_meeting_ids: tuple[int, ...]  # closed, oldest first
    upcoming_meeting_id: int
    meeting_days: tuple[date, ...]  # the three meetings' days, oldest first
    rng: random.Random = field(default_factory=lambda: random.Random(20261122))
