"""What the follow-up list is asked for: the filter and its due-date buckets.

Plain values shared by the service that answers (services.followups), the queries that
turn a filter into SQL (storage.queries.followups) and the screens and exports that ask.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from alignmeet.domain.enums import ActionStatus, TeamTag

__all__ = ["DUE_BUCKETS", "ActionFilter", "due_bucket_bounds"]

DUE_BUCKETS = ("overdue", "this_week", "later", "none")


@dataclass(frozen=True)
class ActionFilter:
    """What the follow-up view and the exports ask for. Empty = everything."""

    owner_id: int | None = None
    team_tag: TeamTag | None = None
    series_id: int | None = None
    statuses: frozenset[ActionStatus] | None = None  # None: all statuses
    due: str | None = None  # one of DUE_BUCKETS, None: any
    text: str = ""  # words searched in action titles and history notes
    meeting_id: int | None = None  # only the actions agreed in this meeting


def due_bucket_bounds(today: date) -> tuple[date, date]:
    """ "This week" is today up to 7 days ahead; "later" is after that."""
    return today, today + timedelta(days=7)
