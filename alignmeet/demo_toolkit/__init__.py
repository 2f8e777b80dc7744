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
    # Member ids by first name in lower case: Sales "sam", "priya", "tom", "lena";
    # Marketing "maria", "jonas", "aisha", "noah" (see alignmeet.demo).
    member_ids: dict[str, int]
    sales_ids: list[int]
    marketing_ids: list[int]
    team_ids: dict[str, int]  # "Sales", "Marketing"
    series_id: int
    held_meeting_ids: tuple[int, ...]  # closed, oldest first
    upcoming_meeting_id: int
    meeting_days: tuple[date, ...]  # the three meetings' days, oldest first
    rng: random.Random = field(default_factory=lambda: random.Random(20261122))
