"""Plain, immutable records: what services hand out (no ORM object leaves a service) and
what exports and views read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from alignmeet.domain.accountability import MemberSayDo, RatingSummary
from alignmeet.domain.enums import ActionStatus, Attendance, ItemKind, MeetingStatus, Phase, TeamTag
from alignmeet.domain.rules import action_number, short_date
from alignmeet.domain.sections import DocSection


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
    version: int = 0  # the row's version: a change carries the one its user saw


@dataclass(frozen=True)
class SeriesRecord:
    """A meeting series: its cadence, the agenda and the members its new meetings start with."""

    id: int
    name: str
    cadence_days: int
    default_template_id: int | None = None
    member_ids: tuple[int, ...] = ()


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
    version: int = 0
    # When the meeting really started (the meeting clock); None when it was never
    # started with the clock (meetings from before it kept the time).
    started_at: datetime | None = None


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
    version: int = 0

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
    persona_id: int | None = None  # the customer persona the item discusses
    version: int = 0

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
    goal_id: int | None = None  # the shared goal it serves
    persona_id: int | None = None  # the customer persona it is for
    version: int = 0

    @property
    def origin(self) -> str:
        return f"{self.meeting_title}, {short_date(self.meeting_date)}"

    @property
    def number(self) -> str:
        """ "A-123": the number it has in every document (rules.action_number)."""
        return action_number(self.id)


@dataclass(frozen=True)
class FollowUpRecord:
    """An earlier action as it stands in one meeting's review phase."""

    action: ActionRecord
    status_before: ActionStatus  # status when this meeting's review started
    review_note: str  # note recorded in this meeting ("" if none)
    reviewed: bool  # status touched in this meeting
    times_slipped: int = 0  # how often its due date moved later (whole history)


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
    changed_by_id: int | None = None  # the meeting's facilitator; None outside meetings
    changed_by_name: str = ""
    meeting_title: str = ""  # "" when changed outside a meeting
    meeting_date: date | None = None

    @property
    def slipped(self) -> bool:
        """The due date moved later."""
        return self.old_due is not None and self.new_due is not None and self.new_due > self.old_due


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
class RevisionInfo:
    """One closing of a meeting: the minutes of record it froze."""

    id: int  # the stored record's id (what a later meeting approves)
    revision: int  # 1, 2, ... (a reopened and closed again meeting gets the next one)
    closed_at: datetime
    # Set when the record was made after the fact, for a meeting closed before AlignMeet
    # kept minutes of record: when it was reconstructed.
    reconstructed_on: datetime | None = None


@dataclass(frozen=True)
class ApprovedRevision:
    """A named revision of a meeting's minutes, as another meeting approved it: the
    approved meeting (title, date) and the revision; or, seen from the approved minutes,
    the meeting that approved them."""

    meeting_id: int
    meeting_title: str
    meeting_date: date
    revision: int


@dataclass(frozen=True)
class MinutesStamp:
    """What the minutes say about themselves, around the stored content: which revision
    of record they are (None: a draft of a meeting that is not closed), every revision,
    whether the record was reconstructed, and which later meetings approved it. Worked out
    when the minutes are shown; it is never part of the stored record or its hash."""

    revision: int | None
    closed_at: datetime | None
    revisions: tuple[RevisionInfo, ...] = ()  # newest first
    reconstructed_on: datetime | None = None
    approved_in: tuple[ApprovedRevision, ...] = ()  # the meetings that approved this one
    # The language the record was closed in ("" for a draft): its words are written in it,
    # whatever the window speaks now — part of it (the toolkit's tables) is stored as words.
    language: str = ""

    @property
    def latest(self) -> RevisionInfo | None:
        return self.revisions[0] if self.revisions else None

    @property
    def superseded(self) -> bool:
        """A newer revision exists than the one shown."""
        latest = self.latest
        return self.revision is not None and latest is not None and latest.revision > self.revision


@dataclass(frozen=True)
class PreviousMinutes:
    """What a meeting's Open phase offers to approve: the previous meeting of its series
    (None: this is the first) and the revisions of its minutes of record."""

    meeting_id: int | None
    meeting_title: str
    meeting_date: date | None
    closed: bool
    revisions: tuple[RevisionInfo, ...]  # newest first
    approved: bool  # this meeting approved the previous minutes
    approved_id: int | None  # the revision approved (None: none named, e.g. older data)

    @property
    def approved_revision(self) -> RevisionInfo | None:
        return next((x for x in self.revisions if x.id == self.approved_id), None)


@dataclass(frozen=True)
class MinutesData:
    """Everything the minutes show, gathered in one read.

    For a closed meeting this is its minutes of record: stored when it was closed and read
    back exactly (`alignmeet.domain.record_codec`). Fields added later must have defaults,
    so that records written before them still read.
    """

    meeting: MeetingRecord
    participants: tuple[ParticipantRecord, ...]
    follow_ups: tuple[FollowUpRecord, ...]
    items: tuple[AgendaItemMinutes, ...]
    parked: tuple[AgendaItemRecord, ...]
    plans: tuple[MemberPlan, ...]
    generated_at: datetime
    # What the alignment toolkit adds when the meeting touched it (KPI review, glossary
    # changes, lead feedback, ...), in the order the minutes show them.
    toolkit: tuple[DocSection, ...] = ()
    # The revision of the previous meeting's minutes this meeting approved (None: none
    # named; `meeting.previous_minutes_approved` may still say they were approved).
    approved_previous: ApprovedRevision | None = None
    # Which revision of record this is, and its history (see MinutesStamp); None for the
    # stored content itself.
    stamp: MinutesStamp | None = None
    # Accountability over time (issue 15): the meeting's rating; once it is closed, say/do
    # of each member present as it stood at the close (the last `say_do_window` days).
    rating: RatingSummary | None = None
    say_do: tuple[MemberSayDo, ...] = ()
    say_do_window: int = 90

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


# ---- follow-ups across meetings ----------------------------------------------------------
class ActionLine(NamedTuple):
    """One action as the follow-up list holds it: a plain tuple, cheap by the hundred
    thousand. Names and meeting details come from a `FollowUpDirectory`; `team_tag`
    and `status` are the stored values of TeamTag / ActionStatus; `version` is the row's,
    so a change made from the list carries what the list showed."""

    id: int
    due: date | None
    title: str
    owner_id: int
    team_tag: str
    status: str
    meeting_id: int
    series_id: int
    times_slipped: int
    last_note: str
    milestone: str
    position: int
    version: int = 0


class ExportLine(NamedTuple):
    """One action as the follow-up exports write it, read straight from the database: a
    plain tuple, one per row, made and dropped while the file is written (no record,
    nothing kept). It reads like an `ActionRow` (`line.action` is the line itself), so
    the writers take either."""

    id: int
    title: str
    owner_id: int
    owner_name: str
    owner_team: str
    team_tag: TeamTag
    status: ActionStatus
    due: date | None
    meeting_id: int
    meeting_title: str
    meeting_date: date
    series_id: int
    series_name: str
    milestone: str
    times_slipped: int
    last_note: str
    created_at: datetime | None = None
    version: int = 0

    @property
    def action(self) -> ExportLine:
        return self

    @property
    def origin(self) -> str:
        return f"{self.meeting_title}, {short_date(self.meeting_date)}"


@dataclass(frozen=True)
class OwnerTotals:
    """One owner's share of a follow-up list (the checklist's section head)."""

    owner_id: int
    name: str
    team: str
    count: int
    overdue: int  # open and past due
    done: int
    team_tags: frozenset[TeamTag]
    max_id: int = 0  # the highest action id (the width of the checklist's "#" column)


@dataclass(frozen=True)
class DueDates:
    """The due dates of a follow-up list, each once with whether it is overdue there, and
    the most times one of its due dates moved (what a checklist's Due column holds)."""

    dates: tuple[tuple[date | None, bool], ...]
    most_slipped: int = 0


class MemberInfo(NamedTuple):
    name: str
    team_name: str


class MeetingInfo(NamedTuple):
    title: str
    date: date
    series_id: int
    series_name: str


@dataclass(frozen=True)
class FollowUpDirectory:
    """The few names an action list refers to by id: members, meetings, series."""

    members: dict[int, MemberInfo]
    meetings: dict[int, MeetingInfo]
    series: dict[int, str]

    def owner_name(self, line: ActionLine) -> str:
        info = self.members.get(line.owner_id)
        return info.name if info else ""

    def meeting(self, line: ActionLine) -> MeetingInfo:
        return self.meetings[line.meeting_id]

    def record(self, line: ActionLine) -> ActionRecord:
        meeting = self.meetings[line.meeting_id]
        return ActionRecord(
            id=line.id,
            meeting_id=line.meeting_id,
            meeting_title=meeting.title,
            meeting_date=meeting.date,
            owner_id=line.owner_id,
            owner_name=self.owner_name(line),
            title=line.title,
            due=line.due,
            team_tag=TeamTag(line.team_tag),
            status=ActionStatus(line.status),
            milestone=line.milestone,
            position=line.position,
            version=line.version,
        )

    def row(self, line: ActionLine) -> ActionRow:
        member = self.members.get(line.owner_id)
        return ActionRow(
            action=self.record(line),
            series_id=line.series_id,
            series_name=self.series.get(line.series_id, ""),
            owner_team=member.team_name if member else "",
            times_slipped=line.times_slipped,
            last_note=line.last_note,
        )


@dataclass(frozen=True)
class SearchHit:
    """A match of a free-text search, in the meeting it belongs to."""

    kind: str  # "action" (its title or a note in its history), "idea", "decision", "note"
    ref_id: int  # id of the action / idea / decision / agenda item
    meeting_id: int
    meeting_title: str
    meeting_date: date
    series_name: str
    title: str  # the action's title, or the agenda item's title
    snippet: str  # the matching text, shortened around the first word found
    action_id: int | None = None  # for kind "action"


@dataclass(frozen=True)
class DecisionLogRow:
    id: int
    text: str
    item_id: int
    item_title: str
    meeting_id: int
    meeting_title: str
    meeting_date: date
    series_id: int
    series_name: str


@dataclass(frozen=True)
class TeamBalance:
    """Actions per team tag (Sales / Marketing / Joint) under one filter."""

    team_tag: TeamTag
    open: int  # open, in progress or blocked
    done: int
    overdue: int  # open and past due
    dropped: int = 0

    @property
    def label(self) -> str:
        return self.team_tag.label


@dataclass(frozen=True)
class CommitmentRow:
    """One "I commit" of a member, in the meeting where it was made."""

    meeting_id: int
    meeting_title: str
    meeting_date: date
    series_name: str
    committed_at: datetime
    confidence: int | None
    note: str
    open_actions: int  # of the actions agreed in that meeting, how many are still open


@dataclass(frozen=True)
class MemberCommitments:
    """ "My commitments": one member's open actions across all series and their commitments."""

    member: MemberRecord
    actions: tuple[ActionRow, ...]
    commitments: tuple[CommitmentRow, ...]
    today: date
