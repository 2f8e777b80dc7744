"""Accountability over time: meeting ratings, say/do (commitments made against kept) and
calibration (how often a stated confidence came true), as plain rules over plain values.

The definitions (the README's "Accountability" section says the same in prose):

**Commitment.** An action is a commitment of its owner when the owner said "I commit"
(`participant.committed_at`) in the meeting that agreed the action. Actions whose owner did
not commit in that meeting — given to someone absent, or to someone who never confirmed
their plan — are *not* counted: say/do measures promises a person made, and counting
tasks handed to them would blame them for promises they never gave. (They still show in
the follow-ups as actions.)

**The due date that counts** is the first one promised: the due date the action had when
its owner said "I commit" (from its history in `action_update`; for an action added after
the commitment, the date it was agreed with). A re-dated action is judged against what
was promised in the room, not against the latest date — moving the date is exactly what
say/do should see. Without a due date the promise is "by the next meeting".

**Deadline.** The start of the next meeting of the same series held on a day after the
first promised due date; when the series has no such meeting, the end of the due day.
(Without a due date: the start of the next meeting of the series after the one that agreed
it; with none, there is no deadline yet.)

**Kept** = status done, reported done by the due date (on time), or after it but by the
start of the next meeting (kept by the next meeting: teams review at their meetings, and
"done when we checked" is a kept promise). "Reported done" is the moment of the last
change to *done* in the history; a change recorded in a meeting counts as of that meeting's
start, because the review reports the state the action was in when the meeting began.

**Not kept** = dropped (whenever and however agreed), done after the deadline (late), or
still open after the deadline (missed). **Not counted yet** = still open (open, in
progress, blocked) with the deadline not reached.

**Windows.** "Last 90 days" counts the commitments that fell due in the 90 days up to
today (by the first promised due date, or the deadline's day when there is none), and
those due later that are already decided (kept early, or dropped). "All time" counts
every commitment. Members who have left (inactive) keep their history: their
commitments count for them and for their team, marked as having left.

**Team** is the action's team tag (Sales, Marketing, Joint). A team below 90 % kept
(EOS's to-do completion target) over the last 90 days is flagged.

**Calibration**: for each confidence level 1–5 stated when committing, the share of the
counted commitments made at that level that were kept. Perfectly calibrated, level *n*
would be kept about *n* × 20 % of the time.

**Meeting rating**: each present member rates the meeting 1–10 (EOS: aim for 8+); below 8
the answer to "what would make it a 10?" is recorded. A rating is anonymous when it is
kept without the member.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import NamedTuple

from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.rules import ValidationError
from alignmeet.i18n import N_, _

WINDOW_DAYS = 90
KEPT_TARGET = 0.9  # EOS: 90 % of to-dos done
RATING_TARGET = 8  # EOS: rate every meeting, aim for 8 or more
MIN_SCORE, MAX_SCORE = 1, 10
CONFIDENCE_LEVELS = (1, 2, 3, 4, 5)
ANSWER_LIMIT = 2000
TREND_STEP = 0.3  # a change of the average smaller than this is "about the same"

_DONE = ActionStatus.DONE.value
_DROPPED = ActionStatus.DROPPED.value


class Outcome(StrEnum):
    KEPT = "kept"  # done by the first promised due date
    KEPT_NEXT_MEETING = "kept_next_meeting"  # done after it, by the next meeting's start
    LATE = "late"  # done after the deadline
    DROPPED = "dropped"
    MISSED = "missed"  # still open after the deadline
    PENDING = "pending"  # still open, deadline not reached: not counted yet

    @property
    def kept(self) -> bool:
        return self in (Outcome.KEPT, Outcome.KEPT_NEXT_MEETING)

    @property
    def counted(self) -> bool:
        return self is not Outcome.PENDING

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]


_OUTCOME_LABELS = {
    Outcome.KEPT: N_("Kept"),
    Outcome.KEPT_NEXT_MEETING: N_("Kept by the next meeting"),
    Outcome.LATE: N_("Done late"),
    Outcome.DROPPED: N_("Dropped"),
    Outcome.MISSED: N_("Missed"),
    Outcome.PENDING: N_("Not due yet"),
}


# ---- the facts one commitment is judged on ----------------------------------------------
class HistoryEntry(NamedTuple):
    """One line of an action's history (`action_update`), as the rules need it (a plain
    tuple: a long history has hundreds of thousands)."""

    changed_at: datetime
    old_status: str | None
    new_status: str
    new_due: date | None
    meeting_start: datetime | None = None  # the meeting it was recorded in (None: outside)


@dataclass(frozen=True, slots=True)
class Commitment:
    """An action its owner committed to in the meeting that agreed it."""

    action_id: int
    owner_id: int
    team_tag: str  # TeamTag value
    series_id: int
    made_at: datetime  # start of the meeting that agreed it
    confidence: int | None  # 1–5 as stated when committing; None: not stated
    promised_due: date | None  # the first due date promised
    status: str  # ActionStatus value (now, or as of the cut-off)
    done_at: datetime | None  # when it was reported done (None unless status is done)


def reported_at(entry: HistoryEntry) -> datetime:
    """When a history entry's news counts: a change recorded in a meeting counts as of the
    meeting's start (the review reports the state at the start), others when made."""
    if entry.meeting_start is not None and entry.meeting_start < entry.changed_at:
        return entry.meeting_start
    return entry.changed_at


def commitment_from_history(
    *,
    action_id: int,
    owner_id: int,
    team_tag: str,
    series_id: int,
    made_at: datetime,
    committed_at: datetime,
    confidence: int | None,
    history: Sequence[HistoryEntry],
    current_status: str,
    current_due: date | None,
    as_of: datetime | None = None,
) -> Commitment:
    """The facts of one commitment from its history (oldest first).

    The promised due date is the one the action had when its owner said "I commit" (the
    last history line up to then; the first line when the action was added after it).
    `as_of` cuts the history: what happened after it is ignored, so the minutes of a closed
    meeting judge commitments as they stood when it closed.
    """
    seen = [h for h in history if as_of is None or h.changed_at <= as_of]
    promised = current_due
    if history:
        before = [h for h in history if h.changed_at <= committed_at]
        promised = (before[-1] if before else history[0]).new_due
    if seen:
        status = seen[-1].new_status
    else:
        status = current_status if as_of is None else ActionStatus.OPEN.value
    done_at = None
    if status == _DONE:
        for entry in reversed(seen):
            if entry.new_status == _DONE and entry.old_status != _DONE:
                done_at = reported_at(entry)
                break
        if done_at is None:  # done without a history line (old data): counts when made
            done_at = made_at
    return Commitment(
        action_id=action_id,
        owner_id=owner_id,
        team_tag=team_tag,
        series_id=series_id,
        made_at=made_at,
        confidence=confidence,
        promised_due=promised,
        status=status,
        done_at=done_at,
    )


# ---- meetings of a series: the "next meeting" ---------------------------------------------
class SeriesCalendar:
    """The start of every meeting of each series, to find "the next meeting"."""

    def __init__(self, starts: Mapping[int, Iterable[datetime]]) -> None:
        self._starts = {series: sorted(values) for series, values in starts.items()}

    def first_on_a_day_after(self, series_id: int, day: date) -> datetime | None:
        """The start of the first meeting of the series held on a day after `day`."""
        starts = self._starts.get(series_id, [])
        i = bisect.bisect_left(starts, datetime.combine(day + timedelta(days=1), time.min))
        return starts[i] if i < len(starts) else None

    def first_after(self, series_id: int, moment: datetime) -> datetime | None:
        """The start of the first meeting of the series after `moment`."""
        starts = self._starts.get(series_id, [])
        i = bisect.bisect_right(starts, moment)
        return starts[i] if i < len(starts) else None


def end_of_day(day: date) -> datetime:
    return datetime.combine(day, time.max)


@dataclass(frozen=True, slots=True)
class Assessment:
    commitment: Commitment
    outcome: Outcome
    deadline: datetime | None
    falls_due: date  # the day the window counts it by

    @property
    def kept(self) -> bool:
        return self.outcome.kept

    @property
    def counted(self) -> bool:
        return self.outcome.counted


def deadline_of(c: Commitment, calendar: SeriesCalendar) -> datetime | None:
    if c.promised_due is not None:
        following = calendar.first_on_a_day_after(c.series_id, c.promised_due)
        return following if following is not None else end_of_day(c.promised_due)
    return calendar.first_after(c.series_id, c.made_at)


def assess(c: Commitment, calendar: SeriesCalendar, now: datetime) -> Assessment:
    """Kept, not kept (late, dropped, missed) or not counted yet — see the module's text."""
    deadline = deadline_of(c, calendar)
    falls_due = (
        c.promised_due
        if c.promised_due is not None
        else (deadline.date() if deadline is not None else c.made_at.date())
    )
    if c.status == _DONE:
        done = c.done_at or c.made_at
        if c.promised_due is not None and done <= end_of_day(c.promised_due):
            outcome = Outcome.KEPT
        elif deadline is None or done <= deadline:
            outcome = Outcome.KEPT if c.promised_due is None else Outcome.KEPT_NEXT_MEETING
        else:
            outcome = Outcome.LATE
    elif c.status == _DROPPED:
        outcome = Outcome.DROPPED
    elif deadline is not None and now >= deadline:
        outcome = Outcome.MISSED
    else:
        outcome = Outcome.PENDING
    return Assessment(commitment=c, outcome=outcome, deadline=deadline, falls_due=falls_due)


# ---- figures ---------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class SayDo:
    """Commitments counted (made and decided) against kept; pending ones aside."""

    made: int = 0
    kept: int = 0
    pending: int = 0

    @property
    def rate(self) -> float | None:
        return self.kept / self.made if self.made else None

    @property
    def below_target(self) -> bool:
        return self.rate is not None and self.rate < KEPT_TARGET

    def __add__(self, other: SayDo) -> SayDo:
        return SayDo(self.made + other.made, self.kept + other.kept, self.pending + other.pending)


_KEPT = frozenset({Outcome.KEPT, Outcome.KEPT_NEXT_MEETING})


def say_do(assessments: Iterable[Assessment]) -> SayDo:
    made = kept = pending = 0
    for a in assessments:
        outcome = a.outcome
        if outcome is Outcome.PENDING:
            pending += 1
        else:
            made += 1
            if outcome in _KEPT:
                kept += 1
    return SayDo(made, kept, pending)


def in_window(a: Assessment, today: date, days: int | None) -> bool:
    """In the last `days` days up to `today` (None: all time): the commitment fell due in
    that time, or falls due later (decided early, or not due yet)."""
    if days is None:
        return True
    return a.falls_due > today - timedelta(days=days)


@dataclass(frozen=True, slots=True)
class CalibrationRow:
    level: int | None  # 1–5, None for "not stated"
    say_do: SayDo

    @property
    def expected(self) -> float | None:
        """What a perfectly calibrated person would keep at this level (n × 20 %)."""
        return self.level / 5 if self.level is not None else None


def calibration(assessments: Iterable[Assessment]) -> tuple[CalibrationRow, ...]:
    """Kept share per stated confidence, 1 to 5, then "not stated" (only if any)."""
    buckets: dict[int | None, list[Assessment]] = {level: [] for level in CONFIDENCE_LEVELS}
    for a in assessments:
        level = a.commitment.confidence
        buckets.setdefault(level if level in CONFIDENCE_LEVELS else None, []).append(a)
    rows = [CalibrationRow(level, say_do(buckets[level])) for level in CONFIDENCE_LEVELS]
    if buckets.get(None):
        rows.append(CalibrationRow(None, say_do(buckets[None])))
    return tuple(rows)


@dataclass(frozen=True, slots=True)
class MemberSayDo:
    member_id: int
    name: str
    team_name: str
    active: bool
    recent: SayDo  # the last WINDOW_DAYS days
    all_time: SayDo
    calibration: tuple[CalibrationRow, ...]

    @property
    def has_any(self) -> bool:
        return bool(self.all_time.made or self.all_time.pending)


@dataclass(frozen=True, slots=True)
class TeamSayDo:
    team_tag: TeamTag
    recent: SayDo
    all_time: SayDo

    @property
    def flagged(self) -> bool:
        """Below the 90 % target over the last 90 days."""
        return self.recent.below_target


@dataclass(frozen=True)
class AccountabilityReport:
    """Say/do per member and per team, and calibration, as of `today`."""

    today: date
    window_days: int
    members: tuple[MemberSayDo, ...]
    teams: tuple[TeamSayDo, ...]
    calibration_recent: tuple[CalibrationRow, ...]
    calibration_all: tuple[CalibrationRow, ...]
    total_recent: SayDo
    total_all: SayDo
    assessments: tuple[Assessment, ...] = field(default=(), repr=False)
    series_name: str = ""  # "" for every series

    def member(self, member_id: int) -> MemberSayDo | None:
        return next((m for m in self.members if m.member_id == member_id), None)

    def team(self, tag: TeamTag) -> TeamSayDo:
        return next(t for t in self.teams if t.team_tag is tag)


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    team_name: str
    active: bool = True


def build_report(
    assessments: Sequence[Assessment],
    people: Mapping[int, Person],
    *,
    today: date,
    window_days: int = WINDOW_DAYS,
    series_name: str = "",
) -> AccountabilityReport:
    """Say/do per member (name order) and per team tag, and calibration."""
    recent = [a for a in assessments if in_window(a, today, window_days)]
    by_owner: dict[int, list[Assessment]] = {}
    for a in assessments:
        by_owner.setdefault(a.commitment.owner_id, []).append(a)
    members = []
    for owner_id, owned in by_owner.items():
        person = people.get(owner_id, Person(name="?", team_name=""))
        members.append(
            MemberSayDo(
                member_id=owner_id,
                name=person.name,
                team_name=person.team_name,
                active=person.active,
                recent=say_do(a for a in owned if in_window(a, today, window_days)),
                all_time=say_do(owned),
                calibration=calibration(owned),
            )
        )
    members.sort(key=lambda m: (m.name.casefold(), m.member_id))
    teams = tuple(
        TeamSayDo(
            team_tag=tag,
            recent=say_do(a for a in recent if a.commitment.team_tag == tag.value),
            all_time=say_do(a for a in assessments if a.commitment.team_tag == tag.value),
        )
        for tag in TeamTag
    )
    return AccountabilityReport(
        today=today,
        window_days=window_days,
        members=tuple(members),
        teams=teams,
        calibration_recent=calibration(recent),
        calibration_all=calibration(assessments),
        total_recent=say_do(recent),
        total_all=say_do(assessments),
        assessments=tuple(assessments),
        series_name=series_name,
    )


# ---- wording -------------------------------------------------------------------------------
def percent(value: float | None) -> str:
    """ "83 %" (rounded), "—" for no value."""
    return "—" if value is None else f"{round(value * 100)} %"


def kept_text(figures: SayDo) -> str:
    """ "kept 4 of 5 (80 %)" or "nothing counted yet"."""
    if not figures.made:
        return _("nothing counted yet")
    return _("kept {kept} of {made} ({percent})").format(
        kept=figures.kept, made=figures.made, percent=percent(figures.rate)
    )


def member_line(member: MemberSayDo, window_days: int = WINDOW_DAYS) -> str:
    """One line per member: "Priya Raman — last 90 days: kept 4 of 5 (80 %) · all time: …"."""
    parts = [
        _("last {days} days: {figures}").format(days=window_days, figures=kept_text(member.recent)),
        _("all time: {figures}").format(figures=kept_text(member.all_time)),
    ]
    if member.recent.pending:
        parts.append(_("{count} not due yet").format(count=member.recent.pending))
    name = member.name if member.active else _("{name} (left)").format(name=member.name)
    return f"{name} — " + " · ".join(parts)


def calibration_text(row: CalibrationRow) -> str:
    """ "confidence 4/5: kept 3 of 4 (75 %)"."""
    level = (
        _("confidence {level}/5").format(level=row.level)
        if row.level is not None
        else _("no confidence stated")
    )
    return f"{level}: {kept_text(row.say_do)}"


# ---- meeting ratings -------------------------------------------------------------------------
def validate_score(value: object) -> int:
    try:
        score = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        score = 0
    if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
        score = 0
    if not MIN_SCORE <= score <= MAX_SCORE:
        raise ValidationError(
            "score",
            _("A rating is a whole number from {low} to {high}.").format(
                low=MIN_SCORE, high=MAX_SCORE
            ),
        )
    return score


def needs_answer(score: int) -> bool:
    """Below 8 the screen asks "what would make it a 10?"."""
    return score < RATING_TARGET


@dataclass(frozen=True, slots=True)
class RatingRecord:
    id: int
    meeting_id: int
    member_id: int | None  # None: anonymous
    member_name: str  # "" when anonymous
    score: int
    answer: str  # "what would make it a 10?"
    anonymous: bool


@dataclass(frozen=True, slots=True)
class RatingSummary:
    """A meeting's ratings: how many, the average, and the answers below 8 (no names)."""

    count: int
    average: float | None
    answers: tuple[str, ...] = ()
    present: int = 0  # members present, for "6 of 8 rated"

    @property
    def below_target(self) -> bool:
        return self.average is not None and self.average < RATING_TARGET

    @property
    def average_text(self) -> str:
        return "—" if self.average is None else f"{self.average:.1f}"


def summarise(ratings: Sequence[RatingRecord], present: int = 0) -> RatingSummary:
    scores = [r.score for r in ratings]
    return RatingSummary(
        count=len(scores),
        average=sum(scores) / len(scores) if scores else None,
        answers=tuple(r.answer for r in ratings if r.answer.strip()),
        present=present,
    )


class RatingTrend(StrEnum):
    UP = "up"
    DOWN = "down"
    FLAT = "flat"
    NONE = "none"  # fewer than two rated meetings

    @property
    def arrow(self) -> str:
        return {"up": "▲", "down": "▼", "flat": "=", "none": ""}[self.value]


@dataclass(frozen=True, slots=True)
class RatedMeeting:
    meeting_id: int
    title: str
    starts_at: datetime
    summary: RatingSummary


@dataclass(frozen=True, slots=True)
class SeriesRatings:
    """The rated meetings of one series, oldest first, their average and trend."""

    series_id: int
    series_name: str
    meetings: tuple[RatedMeeting, ...]

    @property
    def average(self) -> float | None:
        values = [m.summary.average for m in self.meetings if m.summary.average is not None]
        return sum(values) / len(values) if values else None

    @property
    def last(self) -> float | None:
        return self.meetings[-1].summary.average if self.meetings else None

    @property
    def trend(self) -> RatingTrend:
        return rating_trend([m.summary.average for m in self.meetings])


def rating_trend(averages: Sequence[float | None]) -> RatingTrend:
    """The last rated meeting against the one before it."""
    values = [v for v in averages if v is not None]
    if len(values) < 2:
        return RatingTrend.NONE
    change = values[-1] - values[-2]
    if change >= TREND_STEP:
        return RatingTrend.UP
    if change <= -TREND_STEP:
        return RatingTrend.DOWN
    return RatingTrend.FLAT


def trend_text(series: SeriesRatings, last: int = 4) -> str:
    """ "6.8 → 7.4 → 8.1 ▲ · average 7.4"."""
    shown = [m.summary.average_text for m in series.meetings[-last:]]
    if not shown:
        return _("no ratings yet")
    line = " → ".join(shown)
    if series.trend is not RatingTrend.NONE:
        line += f" {series.trend.arrow}"
    average = series.average
    return _("{line} · average {average}").format(
        line=line, average="—" if average is None else f"{average:.1f}"
    )


# ---- drop to the agenda ----------------------------------------------------------------------
class ProposalKind(StrEnum):
    KPI = "kpi"  # a KPI off target for the period
    SLIPPED = "slipped"  # an action whose due date moved later twice or more
    LEAD_FEEDBACK = "lead_feedback"  # lead feedback overdue

    @property
    def label(self) -> str:
        return {
            "kpi": N_("KPI off target"),
            "slipped": N_("Slipped twice"),
            "lead_feedback": N_("Lead feedback overdue"),
        }[self.value]


class ProposalState(StrEnum):
    OPEN = "open"  # proposed, not decided yet
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"


SLIPPED_TIMES = 2
LEAD_FEEDBACK_GRACE_DAYS = 7  # after a period ends, Sales has a week to record its feedback


@dataclass(frozen=True, slots=True)
class Proposal:
    """An item proposed for a meeting's agenda, and what the facilitator did with it."""

    key: str  # what it is about, stable: "kpi:3:2026-11", "slipped:17", ...
    kind: ProposalKind
    title: str  # the agenda item's title if accepted
    reason: str  # why: "Speed to lead off by 77 % (…)"
    item_kind: str  # ItemKind value of the item it becomes
    owner_id: int | None = None
    state: ProposalState = ProposalState.OPEN
    item_id: int | None = None  # the agenda item made when accepted
    decided_at: datetime | None = None


def off_by_percent(value: float, target: float) -> int | None:
    """How far a value misses its target, in % of the target (None for a zero target)."""
    if not target:
        return None
    return round(abs(value - target) / abs(target) * 100)


def lead_feedback_due(period_end: date) -> date:
    return period_end + timedelta(days=LEAD_FEEDBACK_GRACE_DAYS)


Clock = Callable[[], datetime]
