"""Plain, immutable records that services hand out. No ORM object leaves a service."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind, MeetingStatus, Phase, TeamTag


@dataclass(frozen=True)
class TeamRecord:
    id: int
    name: str
    position: int


@dataclass(frozen=True)
class MemberRecord:
    id: int
    name: str
    team_id: int
    team_name: str
    role: str
    email: str
    active: bool


@dataclass(frozen=True)
class SeriesRecord:
    id: int
    name: str
    cadence_days: int


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    series_id: int
    series_name: str
    title: str
    starts_at: datetime
    status: MeetingStatus
    phase: Phase


@dataclass(frozen=True)
class MeetingRecord:
    id: int
    series_id: int
    series_name: str
    title: str
    starts_at: datetime
    planned_minutes: int
    place: str
    facilitator_id: int | None
    facilitator_name: str
    note_taker_id: int | None
    note_taker_name: str
    topic: str
    end_goal: str
    status: MeetingStatus
    phase: Phase
    previous_minutes_approved: bool
    next_meeting_at: datetime | None
    closing_notes: str
    elapsed_seconds: int
    closed_at: datetime | None


@dataclass(frozen=True)
class ParticipantRecord:
    meeting_id: int
    member_id: int
    name: str
    team_name: str
    role: str
    attendance: Attendance
    representative: bool
    committed_at: datetime | None
    confidence: int | None
    commitment_note: str

    @property
    def present(self) -> bool:
        return self.attendance is Attendance.PRESENT

    @property
    def committed(self) -> bool:
        return self.committed_at is not None


@dataclass(frozen=True)
class AgendaItemRecord:
    id: int
    meeting_id: int
    position: int
    title: str
    owner_id: int | None
    owner_name: str
    minutes: int
    extra_minutes: int
    kind: ItemKind
    notes: str
    used_seconds: int
    parked: bool
    carried_from: str  # "" or "Meeting title, 2026-10-05" for items parked earlier

    @property
    def box_minutes(self) -> int:
        return self.minutes + self.extra_minutes


@dataclass(frozen=True)
class IdeaRecord:
    id: int
    item_id: int
    author_id: int | None
    author_name: str
    text: str


@dataclass(frozen=True)
class DecisionRecord:
    id: int
    item_id: int
    text: str


@dataclass(frozen=True)
class ActionRecord:
    id: int
    meeting_id: int
    meeting_title: str
    meeting_date: date
    owner_id: int
    owner_name: str
    title: str
    due: date | None
    team_tag: TeamTag
    status: ActionStatus
    milestone: str
    position: int

    @property
    def origin(self) -> str:
        return f"{self.meeting_title}, {self.meeting_date.isoformat()}"


@dataclass(frozen=True)
class FollowUpRecord:
    """An earlier action as it stands in one meeting's review phase."""

    action: ActionRecord
    status_before: ActionStatus  # status when this meeting's review started
    review_note: str  # note recorded in this meeting ("" if none)
    reviewed: bool  # status touched in this meeting


@dataclass(frozen=True)
class ActionUpdateRecord:
    id: int
    action_id: int
    meeting_id: int | None
    changed_at: datetime
    old_status: ActionStatus | None
    new_status: ActionStatus
    old_due: date | None
    new_due: date | None
    note: str


@dataclass(frozen=True)
class TemplateItemRecord:
    title: str
    minutes: int
    kind: ItemKind = ItemKind.REGULAR


@dataclass(frozen=True)
class TemplateRecord:
    id: int
    name: str
    description: str
    builtin: bool
    planned_minutes: int
    items: tuple[TemplateItemRecord, ...] = field(default_factory=tuple)

    @property
    def total_minutes(self) -> int:
        return sum(i.minutes for i in self.items)


@dataclass(frozen=True)
class AgendaItemMinutes:
    item: AgendaItemRecord
    ideas: tuple[IdeaRecord, ...]
    decisions: tuple[DecisionRecord, ...]


@dataclass(frozen=True)
class MemberPlan:
    participant: ParticipantRecord
    actions: tuple[ActionRecord, ...]


@dataclass(frozen=True)
class MinutesData:
    """Everything the minutes show, gathered in one read."""

    meeting: MeetingRecord
    participants: tuple[ParticipantRecord, ...]
    follow_ups: tuple[FollowUpRecord, ...]
    items: tuple[AgendaItemMinutes, ...]
    parked: tuple[AgendaItemRecord, ...]
    plans: tuple[MemberPlan, ...]
    generated_at: datetime

    @property
    def present(self) -> tuple[ParticipantRecord, ...]:
        return tuple(p for p in self.participants if p.attendance is Attendance.PRESENT)

    @property
    def apologies(self) -> tuple[ParticipantRecord, ...]:
        return tuple(p for p in self.participants if p.attendance is Attendance.APOLOGIES)

    @property
    def absent(self) -> tuple[ParticipantRecord, ...]:
        return tuple(
            p for p in self.participants if p.attendance in (Attendance.ABSENT, Attendance.INVITED)
        )


@dataclass(frozen=True)
class ActionRow:
    """One action as the follow-up views and exports list it."""

    action: ActionRecord
    series_id: int
    series_name: str
    owner_team: str
    times_slipped: int  # how often the due date moved later
    last_note: str  # the latest note in its history ("" if none)
