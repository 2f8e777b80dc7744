"""Accountability over time: meeting ratings, say/do and calibration, and items the data
proposes for the next meeting's agenda. The rules are in alignmeet.domain.accountability;
this reads what they need and writes ratings and the facilitator's decisions."""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from alignmeet.domain import accountability as acc
from alignmeet.domain.accountability import (
    AccountabilityReport,
    HistoryEntry,
    Person,
    Proposal,
    ProposalKind,
    ProposalState,
    RatedMeeting,
    RatingRecord,
    RatingSummary,
    SeriesCalendar,
    SeriesRatings,
)
from alignmeet.domain.enums import OPEN_STATUSES, Attendance, ItemKind, MeetingStatus
from alignmeet.domain.rules import ValidationError, optional_text, short_date
from alignmeet.i18n import N_, _
from alignmeet.services.base import NotFoundError, ServiceBase
from alignmeet.storage import models as m
from alignmeet.storage.queries import accountability as q
from alignmeet.storage.queries import tables

RECORD_NAMES = (N_("Rating"),)  # what `_get` calls the records it looks for here
_CHUNK = 900  # under SQLite's limit on bound parameters
_KEPT_REPORTS = 8  # reports kept while nothing they read changed
_REPORTS: weakref.WeakKeyDictionary[Engine, dict[tuple[object, ...], AccountabilityReport]] = (
    weakref.WeakKeyDictionary()
)
_OPEN_VALUES = [s.value for s in OPEN_STATUSES]


class AccountabilityService(ServiceBase):
    # ==== meeting ratings ====================================================================
    def ratings(self, meeting_id: int) -> list[RatingRecord]:
        """The meeting's ratings: named ones in name order, then the anonymous ones."""
        with self.db.sessions() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
            return self._ratings(s, meeting_id)

    def _ratings(self, s: Session, meeting_id: int) -> list[RatingRecord]:
        rows = q.ratings(s, meeting_id)
        records = [_rating(rating, name or "") for rating, name in rows]
        records.sort(key=lambda r: (r.anonymous, r.member_name.casefold(), r.id))
        return records

    def rating_summary(self, meeting_id: int) -> RatingSummary:
        with self.db.sessions() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
            return acc.summarise(self._ratings(s, meeting_id), self._present(s, meeting_id))

    def _present(self, s: Session, meeting_id: int) -> int:
        return len(q.participants_with(s, meeting_id, Attendance.PRESENT.value))

    def rate(
        self,
        *,
        meeting_id: int,
        score: int,
        member_id: int | None = None,
        answer: str = "",
        rating_id: int | None = None,
        while_open: bool = False,
    ) -> RatingRecord:
        """A present member's rating 1–10 (again: it replaces theirs), or an anonymous one
        (`member_id` None; `rating_id` changes an anonymous rating already given).

        Below 8 the answer to "what would make it a 10?" is kept; at 8 or more there is
        no question, and an earlier answer goes. There are never more ratings than
        members present. `while_open`: refused once the meeting is closed (Room Link; see
        `_still_open`).
        """
        value = acc.validate_score(score)
        text = optional_text("answer", answer, label=_("Answer"), limit=acc.ANSWER_LIMIT)
        if not acc.needs_answer(value):
            text = ""
        with self.db.transaction() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
            if while_open:
                self._still_open(s, meeting_id, "score")
            present = self._present(s, meeting_id)
            row: m.MeetingRating | None
            if rating_id is not None:
                row = self._get(s, m.MeetingRating, rating_id, "Rating")
                if row.meeting_id != meeting_id:
                    raise NotFoundError(
                        _("Rating {id} does not belong to this meeting.").format(id=rating_id)
                    )
            elif member_id is not None:
                participant = q.participant(s, meeting_id, member_id)
                if participant is None or participant.attendance != Attendance.PRESENT.value:
                    member = self._get(s, m.Member, member_id, "Member")
                    raise ValidationError(
                        "score",
                        _("{name} is not marked present in this meeting.").format(name=member.name),
                    )
                row = q.rating_of(s, meeting_id, member_id)
            else:
                row = None
            if row is None:
                given = q.count_ratings(s, meeting_id)
                if given >= present:
                    raise ValidationError(
                        "score",
                        _(
                            "Every member present has rated the meeting already ({count} ratings)."
                        ).format(count=given)
                        if present
                        else _("Mark who is present before rating the meeting."),
                    )
                row = m.MeetingRating(
                    meeting_id=meeting_id, member_id=member_id, created_at=self._now()
                )
                s.add(row)
            row.score = value
            row.answer = text
            s.flush()
            name = s.get(m.Member, row.member_id).name if row.member_id is not None else ""
            return _rating(row, name)  # type: ignore[union-attr]

    def remove_rating(self, *, rating_id: int) -> None:
        with self.db.transaction() as s:
            s.delete(self._get(s, m.MeetingRating, rating_id, "Rating"))

    def series_ratings(self) -> list[SeriesRatings]:
        """Every series with rated meetings: their averages oldest first, the trend."""
        with self.db.sessions() as s:
            rows = q.rated_meetings(s)
        by_series: dict[int, tuple[str, list[RatedMeeting]]] = {}
        for meeting_id, title, starts_at, series_id, series_name, count, average in rows:
            summary = RatingSummary(count=int(count), average=float(average))
            entry = by_series.setdefault(series_id, (series_name, []))
            entry[1].append(RatedMeeting(meeting_id, title, starts_at, summary))
        result = [
            SeriesRatings(series_id=sid, series_name=name, meetings=tuple(meetings))
            for sid, (name, meetings) in by_series.items()
        ]
        result.sort(key=lambda x: x.series_name.casefold())
        return result

    def meeting_averages(self) -> dict[int, float]:
        """Meeting id → its average rating (rated meetings only)."""
        return {
            rated.meeting_id: rated.summary.average  # type: ignore[misc]
            for series in self.series_ratings()
            for rated in series.meetings
        }

    # ==== say/do and calibration =============================================================
    def report(
        self,
        *,
        today: date | None = None,
        series_id: int | None = None,
        owner_ids: Iterable[int] | None = None,
        as_of: datetime | None = None,
        window_days: int = acc.WINDOW_DAYS,
    ) -> AccountabilityReport:
        """Say/do per member and per team, and calibration (see the domain's definitions).

        `as_of` judges everything as it stood then (the minutes of a closed meeting);
        `series_id` and `owner_ids` narrow it to one series or some members. A report is
        kept while nothing it reads has changed (the tables' counts and version sums,
        checked on every call: cheap beside reading years of history again), and for the
        minute it was made in.
        """
        now = as_of or self._now()
        today = today or now.date()
        owners = None if owner_ids is None else sorted(set(owner_ids))
        with self.db.sessions() as s:
            key = (
                today,
                series_id,
                None if owners is None else tuple(owners),
                as_of,
                window_days,
                now.replace(second=0, microsecond=0),
                q.fingerprint(s),
            )
            cached = self._reports.get(key)
            if cached is not None:
                return cached
            series_name = ""
            if series_id is not None:
                series_name = self._get(s, m.Series, series_id, "Series").name
            commitments, calendar = self._commitments(
                s, series_id=series_id, owner_ids=owners, as_of=as_of
            )
            people = {
                member.id: Person(member.name, team_name, member.active)
                for member, team_name in q.members_with_team(s)
            }
        assessments = [acc.assess(c, calendar, now) for c in commitments]
        report = acc.build_report(
            assessments, people, today=today, window_days=window_days, series_name=series_name
        )
        while len(self._reports) >= _KEPT_REPORTS:
            self._reports.pop(next(iter(self._reports)))
        self._reports[key] = report
        return report

    @property
    def _reports(self) -> dict[tuple[object, ...], AccountabilityReport]:
        """Reports of this database (every service object over it shares them)."""
        cache = _REPORTS.get(self.db.engine)
        if cache is None:
            cache = _REPORTS[self.db.engine] = {}
        return cache

    def _commitments(
        self,
        s: Session,
        *,
        series_id: int | None,
        owner_ids: Sequence[int] | None,
        as_of: datetime | None,
    ) -> tuple[list[acc.Commitment], SeriesCalendar]:
        """The commitments (filtered) and every meeting's start per series. Read with plain
        Core statements: a 100,000-action history is a few hundred thousand tuples."""
        conn = s.connection()
        meetings = q.meeting_starts(conn)
        starts: dict[int, datetime] = {}
        calendar: dict[int, list[datetime]] = {}
        for mid, series, start in meetings:
            starts[mid] = start
            calendar.setdefault(series, []).append(start)
        owner_chunks: list[Sequence[int] | None] = (
            [None]
            if owner_ids is None
            else [owner_ids[i : i + _CHUNK] for i in range(0, len(owner_ids), _CHUNK)]
        )
        commitments: list[acc.Commitment] = []
        for owners in owner_chunks:
            rows = q.commitments(conn, series_id=series_id, owners=owners, as_of=as_of)
            history: dict[int, list[HistoryEntry]] = {}
            updates = q.commitment_updates(conn, series_id=series_id, owners=owners, as_of=as_of)
            for action_id, changed_at, old, new, new_due, meeting_id in updates:
                entry = HistoryEntry(
                    changed_at, old, new, new_due, starts.get(meeting_id) if meeting_id else None
                )
                found = history.get(action_id)
                if found is None:
                    history[action_id] = [entry]
                else:
                    found.append(entry)
            commitments.extend(
                acc.commitment_from_history(
                    action_id=action_id,
                    owner_id=owner_id,
                    team_tag=team_tag,
                    series_id=series,
                    made_at=made_at,
                    committed_at=committed_at,
                    confidence=confidence,
                    history=history.get(action_id, ()),
                    current_status=status,
                    current_due=due,
                    as_of=as_of,
                )
                for (
                    action_id,
                    owner_id,
                    team_tag,
                    status,
                    due,
                    series,
                    made_at,
                    committed_at,
                    confidence,
                ) in rows
            )
        return commitments, SeriesCalendar(calendar)

    def member_summary(self, member_id: int) -> acc.MemberSayDo | None:
        """One member's say/do across every series (None: no commitments yet)."""
        return self.report(owner_ids=[member_id]).member(member_id)

    def minutes_figures(
        self, meeting_id: int
    ) -> tuple[RatingSummary | None, tuple[acc.MemberSayDo, ...]]:
        """What the minutes show: the meeting's rating (None when nobody rated it) and, once
        the meeting is closed, say/do of each member present as it stood at the close (a
        draft of an open meeting's minutes has no "as it stood at the close" yet). Teams are
        left to the Accountability view and the report: here only the members present are
        read, so the minutes stay quick on a long history."""
        with self.db.sessions() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            closed_at = meeting.closed_at
            present = q.participants_with(s, meeting_id, Attendance.PRESENT.value)
            ratings = self._ratings(s, meeting_id)
            rating = acc.summarise(ratings, len(present)) if ratings else None
        if not present or closed_at is None:
            return rating, ()
        report = self.report(owner_ids=present, as_of=closed_at)
        return rating, tuple(member for member in report.members if member.has_any)

    def export(
        self,
        *,
        path: Path,
        series_id: int | None = None,
        template: Path | None = None,
    ) -> Path:
        """The say/do report as .docx (calibration chart, ratings per series) or, for a
        path ending in .csv, as CSV. ExportError (old file kept) when it cannot be written."""
        from alignmeet.export import accountability as export

        report = self.report(series_id=series_id)
        path = Path(path)
        if path.suffix.lower() == ".csv":
            return export.write_csv(report, path)
        ratings = [r for r in self.series_ratings() if series_id in (None, r.series_id)]
        return export.write_report(
            report, ratings, path, generated_at=self._now(), template=template
        )

    # ==== drop to the agenda =================================================================
    def proposals(self, meeting_id: int) -> list[Proposal]:
        """What the data proposes for this meeting's agenda, open ones first, then those
        the facilitator accepted or dismissed. A closed meeting gets no new proposals."""
        with self.db.sessions() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            decided = {row.key: row for row in q.decided_proposals(s, meeting_id)}
            closed = meeting.status == MeetingStatus.CLOSED.value
            candidates = [] if closed else self._candidates(s, meeting)
        out: list[Proposal] = []
        for candidate in candidates:
            row = decided.pop(candidate.key, None)
            out.append(candidate if row is None else _decided(candidate, row))
        for row in decided.values():  # decided, no longer proposed: kept as a record
            out.append(
                _decided(
                    Proposal(
                        key=row.key,
                        kind=ProposalKind(row.kind),
                        title=row.title,
                        reason=row.reason,
                        item_kind=ItemKind.REGULAR.value,
                    ),
                    row,
                )
            )
        out.sort(key=lambda p: (p.state is not ProposalState.OPEN, p.decided_at or datetime.min))
        return out

    def open_proposals(self, meeting_id: int) -> list[Proposal]:
        return [p for p in self.proposals(meeting_id) if p.state is ProposalState.OPEN]

    def accept_proposal(self, *, meeting_id: int, key: str) -> Proposal:
        """Put a proposed item on the meeting's agenda (at the end, 10 minutes)."""
        proposal = self._open_proposal(meeting_id, key)
        with self.db.transaction() as s:
            position = tables.next_position(
                s, m.AgendaItem.position, m.AgendaItem.meeting_id == meeting_id
            )
            item = m.AgendaItem(
                meeting_id=meeting_id,
                position=position,
                title=proposal.title[:200],
                owner_id=proposal.owner_id,
                minutes=10,
                kind=proposal.item_kind,
                notes=proposal.reason,
            )
            s.add(item)
            s.flush()
            row = self._decide(s, meeting_id, proposal, ProposalState.ACCEPTED, item.id)
            return _decided(proposal, row)

    def dismiss_proposal(self, *, meeting_id: int, key: str) -> Proposal:
        proposal = self._open_proposal(meeting_id, key)
        with self.db.transaction() as s:
            row = self._decide(s, meeting_id, proposal, ProposalState.DISMISSED, None)
            return _decided(proposal, row)

    def _open_proposal(self, meeting_id: int, key: str) -> Proposal:
        for proposal in self.proposals(meeting_id):
            if proposal.key == key:
                if proposal.state is not ProposalState.OPEN:
                    raise ValidationError(
                        "proposal",
                        _("“{title}” was already {state}.").format(
                            title=proposal.title,
                            state=_("accepted")
                            if proposal.state is ProposalState.ACCEPTED
                            else _("dismissed"),
                        ),
                    )
                return proposal
        raise NotFoundError(_("That proposal no longer applies to this meeting."))

    def _decide(
        self,
        s: Session,
        meeting_id: int,
        proposal: Proposal,
        state: ProposalState,
        item_id: int | None,
    ) -> m.AgendaProposal:
        row = m.AgendaProposal(
            meeting_id=meeting_id,
            key=proposal.key,
            kind=proposal.kind.value,
            title=proposal.title[:200],
            reason=proposal.reason,
            state=state.value,
            item_id=item_id,
            decided_at=self._now(),
        )
        s.add(row)
        s.flush()
        return row

    def _candidates(self, s: Session, meeting: m.Meeting) -> list[Proposal]:
        return [
            *self._kpi_candidates(meeting.id),
            *self._slipped_candidates(s, meeting),
            *self._lead_feedback_candidates(s, meeting),
        ]

    def _kpi_candidates(self, meeting_id: int) -> list[Proposal]:
        from alignmeet.domain.goals import KpiStatus, format_value
        from alignmeet.services.goals import GoalService

        dashboard = GoalService(self.db, self.clock).meeting_dashboard(meeting_id, history=1)
        out = []
        for row in dashboard.rows:
            if row.status is not KpiStatus.OFF_TARGET or row.value is None or row.target is None:
                continue
            off = acc.off_by_percent(row.value, row.target)
            name = row.kpi.name
            reason = _(
                "{kpi} off by {percent} % ({value} against a target of {target}, {period})."
            ).format(
                kpi=name,
                percent=off if off is not None else "—",
                value=format_value(row.value, row.kpi.unit),
                target=row.target_text,
                period=row.value_period_label or row.period_label,
            )
            out.append(
                Proposal(
                    key=f"kpi:{row.kpi.id}:{row.value_period or row.period}",
                    kind=ProposalKind.KPI,
                    title=_("{kpi} off by {percent} %").format(kpi=name, percent=off)
                    if off is not None
                    else _("{kpi} off target").format(kpi=name),
                    reason=reason,
                    item_kind=ItemKind.KPI_REVIEW.value,
                )
            )
        return out

    def _slipped_candidates(self, s: Session, meeting: m.Meeting) -> list[Proposal]:
        rows = q.slipped_actions(s, meeting, open_statuses=_OPEN_VALUES, times=acc.SLIPPED_TIMES)
        return [
            Proposal(
                key=f"slipped:{action.id}",
                kind=ProposalKind.SLIPPED,
                title=_("Slipped {times}×: {title}").format(
                    times=action.times_slipped, title=" ".join(action.title.split())
                )[:200],
                reason=_(
                    "“{title}” ({owner}) has moved its due date {times} times; now due {date}."
                ).format(
                    title=action.title,
                    owner=owner,
                    times=action.times_slipped,
                    date=short_date(action.due),
                ),
                item_kind=ItemKind.REGULAR.value,
                owner_id=action.owner_id,
            )
            for action, owner in rows
        ]

    def _lead_feedback_candidates(self, s: Session, meeting: m.Meeting) -> list[Proposal]:
        from alignmeet.domain.periods import PeriodKind, parse_period, period_containing

        day = meeting.starts_at.date()
        batches = q.lead_batches(s)
        if not batches:
            return []  # the team does not record lead feedback (yet): nothing is overdue
        out = []
        # Feedback recorded but never reviewed in a meeting, a week after its period ended.
        unreviewed = sorted(
            {
                period
                for period, reviewed, _created in batches
                if reviewed is None and _period_end(period) is not None
            }
        )
        for period in unreviewed:
            end = _period_end(period)
            if end is not None and acc.lead_feedback_due(end) <= day:
                label = parse_period(period).label
                out.append(
                    Proposal(
                        key=f"lead:review:{period}",
                        kind=ProposalKind.LEAD_FEEDBACK,
                        title=_("Review the lead feedback for {period}").format(period=label),
                        reason=_(
                            "Sales recorded why leads of {period} were rejected; no meeting has "
                            "reviewed it with Marketing yet."
                        ).format(period=label),
                        item_kind=ItemKind.LEAD_FEEDBACK.value,
                    )
                )
        # The last month that ended a week or more ago has no feedback at all.
        last = period_containing(PeriodKind.MONTH, day).previous()
        if acc.lead_feedback_due(last.end) > day:
            last = last.previous()
        recorded = {period for period, _reviewed, _created in batches}
        if last.key not in recorded and min(recorded) < last.key:
            out.append(
                Proposal(
                    key=f"lead:missing:{last.key}",
                    kind=ProposalKind.LEAD_FEEDBACK,
                    title=_("Lead feedback for {period} is overdue").format(period=last.label),
                    reason=_(
                        "No rejection reasons were recorded for {period}, which ended on {date}."
                    ).format(period=last.label, date=short_date(last.end)),
                    item_kind=ItemKind.LEAD_FEEDBACK.value,
                )
            )
        return out


def _period_end(key: str) -> date | None:
    from alignmeet.domain.periods import parse_period

    try:
        return parse_period(key).end
    except ValidationError:
        return None


def _rating(row: m.MeetingRating, name: str) -> RatingRecord:
    return RatingRecord(
        id=row.id,
        meeting_id=row.meeting_id,
        member_id=row.member_id,
        member_name=name if row.member_id is not None else "",
        score=row.score,
        answer=row.answer,
        anonymous=row.member_id is None,
    )


def _decided(proposal: Proposal, row: m.AgendaProposal) -> Proposal:
    return replace(
        proposal,
        title=row.title,
        reason=row.reason,
        state=ProposalState(row.state),
        item_id=row.item_id,
        decided_at=row.decided_at,
    )


__all__ = ["AccountabilityService"]
