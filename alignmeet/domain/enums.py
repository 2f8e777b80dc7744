"""The vocabulary of a meeting, as enums stored by value."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    """The six phases of a guided meeting, in running order (seed 002)."""

    OPEN = "open"
    REVIEW = "review"
    AGENDA = "agenda"
    ACTIONS = "actions"
    COMMITMENTS = "commitments"
    CLOSE = "close"

    @property
    def label(self) -> str:
        return _PHASE_LABELS[self]

    @property
    def number(self) -> int:
        return list(Phase).index(self) + 1

    def next(self) -> Phase | None:
        phases = list(Phase)
        i = phases.index(self)
        return phases[i + 1] if i + 1 < len(phases) else None

    def previous(self) -> Phase | None:
        phases = list(Phase)
        i = phases.index(self)
        return phases[i - 1] if i > 0 else None


_PHASE_LABELS = {
    Phase.OPEN: "Open",
    Phase.REVIEW: "Review follow-ups",
    Phase.AGENDA: "Agenda",
    Phase.ACTIONS: "Action plans",
    Phase.COMMITMENTS: "Commitments",
    Phase.CLOSE: "Close",
}


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"


class Attendance(StrEnum):
    INVITED = "invited"
    PRESENT = "present"
    APOLOGIES = "apologies"
    ABSENT = "absent"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    BLOCKED = "blocked"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]

    @property
    def is_open(self) -> bool:
        """Open statuses carry on to the next meeting."""
        return self in OPEN_STATUSES


_STATUS_LABELS = {
    ActionStatus.OPEN: "Open",
    ActionStatus.IN_PROGRESS: "In progress",
    ActionStatus.DONE: "Done",
    ActionStatus.BLOCKED: "Blocked",
    ActionStatus.DROPPED: "Dropped",
}

OPEN_STATUSES = frozenset({ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.BLOCKED})


class TeamTag(StrEnum):
    """Which side an action serves: one team, or both together."""

    SALES = "sales"
    MARKETING = "marketing"
    JOINT = "joint"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ItemKind(StrEnum):
    REGULAR = "regular"
    KPI_REVIEW = "kpi_review"
    GLOSSARY = "glossary"
    LEAD_FEEDBACK = "lead_feedback"
    DATA_NEEDS = "data_needs"
    WINS_LESSONS = "wins_lessons"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ItemKind.REGULAR: "Discussion",
    ItemKind.KPI_REVIEW: "KPI review",
    ItemKind.GLOSSARY: "Glossary change",
    ItemKind.LEAD_FEEDBACK: "Lead-feedback review",
    ItemKind.DATA_NEEDS: "Data-needs ranking",
    ItemKind.WINS_LESSONS: "Wins & lessons",
}
