"""Series, meetings, attendance, phases and commitments."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.orm import Session

from alignmeet.domain import records as r
from alignmeet.domain.bidi import cut_line
from alignmeet.domain.enums import Attendance, MeetingStatus, Phase
from alignmeet.domain.rules import (
    DEFAULT_END_GOAL,
    MAX_TEXT,
    ValidationError,
    max_length,
    name_key,
    optional_text,
    require_text,
    validate_confidence,
    validate_minutes,
)
from alignmeet.i18n import _
from alignmeet.services.base import (
    NotFoundError,
    Seen,
    ServiceBase,
    asked_fields,
    to_meeting,
    to_participant,
    versioned_write,
)
from alignmeet.storage import models as m
from alignmeet.storage.queries import meetings as q
from alignmeet.storage.queries.meetings import active_series_members, series_member_ids

DEFAULT_SERIES = "Sales & Marketing sync"
MAX_CADENCE_DAYS = 365
_UNSET: object = object()


class MeetingService(ServiceBase):
    # ---- series -------------------------------------------------------------
    def list_series(self) -> list[r.SeriesRecord]:
        with self.db.sessions() as s:
            return [to_series(s, x) for x in q.series(s, by_name=True)]

    def get_series(self, series_id: int) -> r.SeriesRecord:
        with self.db.sessions() as s:
            return to_series(s, self._get(s, m.Series, series_id, "Series"))

    def ensure_series(
        self, *, name: str = DEFAULT_SERIES, cadence_days: int = 30
    ) -> r.SeriesRecord:
        text = require_text("series", name, label=_("Series name"))
        with self.db.transaction() as s:
            for series in q.series(s):
                if name_key(series.name) == name_key(text):
                    return to_series(s, series)
            series = m.Series(name=text, cadence_days=cadence_days)
            s.add(series)
            s.flush()
            return to_series(s, series)

    def update_series(
        self,
        *,
        series_id: int,
        name: str | None = None,
        cadence_days: int | None = None,
        default_template_id: int | object | None = _UNSET,
    ) -> r.SeriesRecord:
        """Rename a series, change its cadence or its default agenda (None: no default)."""
        with self.db.transaction() as s:
            series = self._get(s, m.Series, series_id, "Series")
            if name is not None:
                text = require_text("name", name, label=_("Series name"))
                for other in q.series(s, except_id=series_id):
                    if name_key(other.name) == name_key(text):
                        raise ValidationError(
                            "name", _("There is already a series called {name}.").format(name=text)
                        )
                series.name = text
            if cadence_days is not None:
                series.cadence_days = validate_cadence(cadence_days)
            if default_template_id is not _UNSET:
                if default_template_id is not None:
                    assert isinstance(default_template_id, int)
                    self._get(s, m.AgendaTemplate, default_template_id, "Agenda template")
                series.default_template_id = default_template_id  # type: ignore[assignment]
            s.flush()
            return to_series(s, series)

    def set_series_members(self, *, series_id: int, member_ids: Iterable[int]) -> r.SeriesRecord:
        """Make exactly these members the series' members (new meetings invite them)."""
        wanted = list(dict.fromkeys(member_ids))
        with self.db.transaction() as s:
            series = self._get(s, m.Series, series_id, "Series")
            for member_id in wanted:
                self._get(s, m.Member, member_id, "Member")
            existing = {row.member_id: row for row in q.series_members(s, series_id)}
            for member_id, row in existing.items():
                if member_id not in wanted:
                    s.delete(row)
            for member_id in wanted:
                if member_id not in existing:
                    s.add(m.SeriesMember(series_id=series_id, member_id=member_id))
            s.flush()
            return to_series(s, series)

    # ---- meetings -----------------------------------------------------------
    def list_meetings(self) -> list[r.MeetingSummary]:
        with self.db.sessions() as s:
            rows = q.meetings_newest_first(s)
            return [
                r.MeetingSummary(
                    id=mt.id,
                    series_id=mt.series_id,
                    series_name=series_name,
                    title=mt.title,
                    starts_at=mt.starts_at,
                    status=MeetingStatus(mt.status),
                    phase=Phase(mt.phase),
                )
                for mt, series_name in rows
            ]

    def get_meeting(self, meeting_id: int) -> r.MeetingRecord:
        with self.db.sessions() as s:
            return to_meeting(s, self._get(s, m.Meeting, meeting_id, "Meeting"))

    def latest_meeting_id(self) -> int | None:
        with self.db.sessions() as s:
            return q.latest_meeting_id(s)

    def create_meeting(
        self,
        *,
        title: str,
        starts_at: datetime,
        planned_minutes: int = 60,
        series_id: int | None = None,
        place: str = "",
        facilitator_id: int | None = None,
        note_taker_id: int | None = None,
        topic: str = "",
        end_goal: str = DEFAULT_END_GOAL,
        invitee_ids: Iterable[int] = (),
        template_id: int | None = None,
    ) -> r.MeetingRecord:
        """A new meeting. Items parked in earlier meetings of the series join its agenda.

        Without a template, the series' default agenda template (if any) is used;
        without invitees, the series' active members (if any) are invited.
        """
        title_text = require_text("title", title, label=_("Meeting title"))
        minutes = validate_minutes("planned_minutes", planned_minutes, label=_("Planned length"))
        if series_id is None:
            series_id = self.ensure_series().id
        invitees = list(dict.fromkeys(invitee_ids))
        with self.db.transaction() as s:
            series = self._get(s, m.Series, series_id, "Series")
            # The series fills what the caller left open: its agenda, its (active) members.
            if template_id is None:
                template_id = series.default_template_id
            if not invitees:
                invitees = active_series_members(s, series_id)
            meeting = m.Meeting(
                series_id=series_id,
                title=title_text,
                starts_at=starts_at.replace(second=0, microsecond=0),
                planned_minutes=minutes,
                place=cut_line(place, 200),
                facilitator_id=facilitator_id,
                note_taker_id=note_taker_id,
                topic=optional_text("topic", topic, label=_("Topic")),
                end_goal=optional_text("end_goal", end_goal, label=_("End goal")),
                created_at=self._now(),
            )
            s.add(meeting)
            s.flush()
            for member_id in invitees:
                self._get(s, m.Member, member_id, "Member")
                s.add(m.Participant(meeting_id=meeting.id, member_id=member_id))
            position = 0
            if template_id is not None:
                template = self._get(s, m.AgendaTemplate, template_id, "Agenda template")
                for t_item in template.items:
                    s.add(
                        m.AgendaItem(
                            meeting_id=meeting.id,
                            position=position,
                            title=t_item.title,
                            minutes=t_item.minutes,
                            kind=t_item.kind,
                        )
                    )
                    position += 1
            carry_parked_items(s, meeting, position)
            s.flush()
            return to_meeting(s, meeting)

    @versioned_write(m.Meeting)
    def update_meeting(
        self,
        *,
        meeting_id: int,
        title: str | None = None,
        starts_at: datetime | None = None,
        planned_minutes: int | None = None,
        place: str | None = None,
        facilitator_id: int | object | None = _UNSET,
        note_taker_id: int | object | None = _UNSET,
        topic: str | None = None,
        end_goal: str | None = None,
        previous_minutes_approved: bool | None = None,
        next_meeting_at: datetime | object | None = _UNSET,
        closing_notes: str | None = None,
        seen: object | None = None,
    ) -> r.MeetingRecord:
        """Change the details given. `seen`: the meeting as the user saw it (a record or
        a `Seen`). ConflictError when someone else changed one of them since then
        (nothing is written then)."""
        asked = asked_fields(
            {
                "title": title,
                "starts_at": starts_at,
                "planned_minutes": planned_minutes,
                "place": place,
                "topic": topic,
                "end_goal": end_goal,
                "previous_minutes_approved": previous_minutes_approved,
                "closing_notes": closing_notes,
            },
            {
                "facilitator_id": facilitator_id,
                "note_taker_id": note_taker_id,
                "next_meeting_at": next_meeting_at,
            },
            _UNSET,
        )
        with (
            self._guarded(m.Meeting, meeting_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            guard.loaded(meeting, _("Meeting “{title}”").format(title=meeting.title))
            if title is not None:
                meeting.title = require_text("title", title, label=_("Meeting title"))
            if starts_at is not None:
                meeting.starts_at = starts_at.replace(second=0, microsecond=0)
            if planned_minutes is not None:
                meeting.planned_minutes = validate_minutes(
                    "planned_minutes", planned_minutes, label=_("Planned length")
                )
            if place is not None:
                meeting.place = cut_line(place, 200)
            if facilitator_id is not _UNSET:
                meeting.facilitator_id = self._member_or_none(s, facilitator_id)
            if note_taker_id is not _UNSET:
                meeting.note_taker_id = self._member_or_none(s, note_taker_id)
            if topic is not None:
                meeting.topic = optional_text("topic", topic, label=_("Topic"))
            if end_goal is not None:
                meeting.end_goal = optional_text("end_goal", end_goal, label=_("End goal"))
            if previous_minutes_approved is not None:
                meeting.previous_minutes_approved = previous_minutes_approved
            if next_meeting_at is not _UNSET:
                if next_meeting_at is not None:
                    assert isinstance(next_meeting_at, datetime)
                    if next_meeting_at <= meeting.starts_at:
                        raise ValidationError(
                            "next_meeting_at", _("The next meeting must be after this one.")
                        )
                meeting.next_meeting_at = next_meeting_at  # type: ignore[assignment]
            if closing_notes is not None:
                meeting.closing_notes = optional_text(
                    "closing_notes", closing_notes, label=_("Closing notes"), limit=MAX_TEXT
                )
            guard.check(s, meeting)
            s.flush()
            return to_meeting(s, meeting)

    def _member_or_none(self, s: Session, member_id: object) -> int | None:
        if member_id is None:
            return None
        assert isinstance(member_id, int)
        self._get(s, m.Member, member_id, "Member")
        return member_id

    def delete_meeting(self, meeting_id: int) -> None:
        with self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            s.delete(meeting)

    # ---- flow ---------------------------------------------------------------
    def start_meeting(self, *, meeting_id: int) -> r.MeetingRecord:
        """The facilitator starts the meeting: it is running from now on, and the actual
        start is recorded (once: starting again, or after reopening, keeps the first)."""
        with self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            self._mark_started(meeting)
            s.flush()
            return to_meeting(s, meeting)

    def _mark_started(self, meeting: m.Meeting) -> None:
        if meeting.status == MeetingStatus.PLANNED.value:
            meeting.status = MeetingStatus.RUNNING.value
        if meeting.started_at is None:
            meeting.started_at = self._now()

    def set_phase(self, *, meeting_id: int, phase: Phase) -> r.MeetingRecord:
        phase = Phase(phase)
        with self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            meeting.phase = phase.value
            if meeting.status == MeetingStatus.PLANNED.value and phase is not Phase.OPEN:
                self._mark_started(meeting)
            s.flush()
            return to_meeting(s, meeting)

    def record_elapsed(self, *, meeting_id: int, seconds: int) -> None:
        # A plain UPDATE, not the ORM: the clock ticks every 30 s and must not bump the
        # row's version (another facilitator's save of the details is no conflict).
        with self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            values: dict[str, object] = {"elapsed_seconds": max(0, int(seconds))}
            if meeting.status == MeetingStatus.PLANNED.value and seconds > 0:
                values["status"] = MeetingStatus.RUNNING.value
            if meeting.started_at is None and seconds > 0:
                values["started_at"] = self._now()
            q.set_meeting_fields(s, meeting_id, values)

    def close_meeting(
        self,
        *,
        meeting_id: int,
        next_meeting_at: datetime | None = None,
        record_minutes: bool = True,
    ) -> r.MeetingRecord:
        """Close the meeting and freeze its minutes as the next revision of record, in the
        same transaction (see alignmeet.services.minutes). `record_minutes=False` only for
        history built after the fact (the demo), which then records them with
        `MinutesService.record_past_close`."""
        from alignmeet.services.minutes import MinutesService

        if next_meeting_at is not None:
            self.update_meeting(meeting_id=meeting_id, next_meeting_at=next_meeting_at)
        with self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            if meeting.status == MeetingStatus.CLOSED.value and meeting.closed_at is not None:
                return to_meeting(s, meeting)  # closed already: its record stands
            meeting.status = MeetingStatus.CLOSED.value
            meeting.phase = Phase.CLOSE.value
            meeting.closed_at = self._now()
            s.flush()
            if record_minutes:
                MinutesService(self.db, self.clock).freeze(s, meeting)
            return to_meeting(s, meeting)

    def reopen_meeting(self, meeting_id: int) -> r.MeetingRecord:
        """Open a closed meeting again. Its revisions of record stay as they are; closing
        it again adds the next revision."""
        with self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            meeting.status = MeetingStatus.RUNNING.value
            meeting.closed_at = None
            s.flush()
            return to_meeting(s, meeting)

    # ---- participants -------------------------------------------------------
    def participants(self, meeting_id: int) -> list[r.ParticipantRecord]:
        with self.db.sessions() as s:
            # The member and team come with the row (one query, not two more per
            # participant): views and Room Link's pages read this on every change.
            rows = q.participants(s, meeting_id, with_members=True)
            return [to_participant(p) for p in rows]

    def set_invitees(self, *, meeting_id: int, member_ids: Iterable[int]) -> None:
        wanted = set(member_ids)
        with self.db.transaction() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
            existing = {p.member_id: p for p in q.participants(s, meeting_id)}
            for member_id, participant in existing.items():
                if member_id not in wanted:
                    s.delete(participant)
            for member_id in wanted - existing.keys():
                self._get(s, m.Member, member_id, "Member")
                s.add(m.Participant(meeting_id=meeting_id, member_id=member_id))

    @versioned_write(m.Participant)
    def set_attendance(
        self,
        *,
        meeting_id: int,
        member_id: int,
        attendance: Attendance | None = None,
        representative: bool | None = None,
        seen: object | None = None,
    ) -> r.ParticipantRecord:
        """Present, apologies, absent; the other team's representative (present, then).
        `seen`: the participant as the user saw it; ConflictError when someone else
        changed what this sets since then (nothing is written then)."""
        attendance = Attendance(attendance) if attendance is not None else None
        # What this may change: not present clears "representative"; a representative
        # is present.
        asked: set[str] = set()
        if attendance is not None:
            asked.add("attendance")
            if attendance is not Attendance.PRESENT:
                asked.add("representative")
        if representative is not None:
            asked |= {"representative", "attendance"} if representative else {"representative"}
        with self._guarded(m.Participant, None, asked, seen) as guard, self.db.transaction() as s:
            p = self._participant(s, meeting_id, member_id, create=True)
            guard.loaded(p, self._attendance_of(p))
            if attendance is not None:
                p.attendance = attendance.value
                if attendance is not Attendance.PRESENT:
                    p.representative = False
            if representative is not None:
                if representative and p.attendance != Attendance.PRESENT.value:
                    p.attendance = Attendance.PRESENT.value
                p.representative = representative
            guard.check(s, p)
            s.flush()
            return to_participant(p)

    @versioned_write(m.Participant)
    def mark_present(
        self, *, meeting_id: int, member_ids: Iterable[int], seen: Iterable[object] = ()
    ) -> list[r.ParticipantRecord]:
        """ "All present": these members are marked present, in one transaction. `seen`:
        the participants as the screen showed them (records with `member_id`).

        Each row is checked against what was shown of it. When someone else changed any
        of them since, nothing is written: one ConflictError has a part per such row, and
        "keep mine" (`seen=conflict.rebased`) marks them all present on top of theirs.
        All or nothing, like the one click it is (and one step to undo)."""
        wanted = list(dict.fromkeys(member_ids))
        shown: dict[object, Seen] = {}
        for x in seen:
            row = Seen.of(x)
            shown[row.values.get("member_id")] = row
        with (
            self._guarded_rows(m.Participant, _("Attendance")) as guards,
            self.db.transaction() as s,
        ):
            self._get(s, m.Meeting, meeting_id, "Meeting")
            for member_id, row in shown.items():
                if member_id not in wanted:
                    guards.untouched(row)
            changed = []
            for member_id in wanted:
                p = q.participant(s, meeting_id, member_id)
                if p is None:  # no longer invited (someone else's change): not ours to undo
                    continue
                guard = guards.row({"attendance"}, shown.get(member_id))
                guard.loaded(p, self._attendance_of(p))
                p.attendance = Attendance.PRESENT.value
                changed.append((guard, p))
            guards.check(s, changed)
            s.flush()
            return [to_participant(p) for _guard, p in changed]

    @versioned_write(m.Participant)
    def commit(
        self,
        *,
        meeting_id: int,
        member_id: int,
        confidence: int | None = None,
        note: str = "",
        seen: object | None = None,
        while_open: bool = False,
    ) -> r.ParticipantRecord:
        """Member says "I commit" to their action plan (confidence 1–5 optional).
        `seen`: the participant as the user saw it (see set_attendance).
        `while_open`: refused once the meeting is closed (Room Link; see `_still_open`)."""
        level = validate_confidence(confidence)
        asked = {"committed_at", "confidence", "commitment_note"}
        with self._guarded(m.Participant, None, asked, seen) as guard, self.db.transaction() as s:
            if while_open:
                self._still_open(s, meeting_id, "commitment")
            p = self._participant(s, meeting_id, member_id)
            guard.loaded(p, self._attendance_of(p))
            if p.attendance != Attendance.PRESENT.value:
                raise ValidationError(
                    "commitment",
                    _("{name} is not marked present in this meeting.").format(name=p.member.name),
                )
            p.committed_at = self._now()
            p.confidence = level
            p.commitment_note = optional_text(
                "note", note, label=_("Commitment note"), limit=max_length("commitment.note")
            )
            guard.check(s, p)
            s.flush()
            return to_participant(p)

    @versioned_write(m.Participant)
    def withdraw_commitment(
        self, *, meeting_id: int, member_id: int, seen: object | None = None
    ) -> r.ParticipantRecord:
        """`seen`: the participant as the user saw it (see set_attendance)."""
        asked = {"committed_at", "confidence"}
        with self._guarded(m.Participant, None, asked, seen) as guard, self.db.transaction() as s:
            p = self._participant(s, meeting_id, member_id)
            guard.loaded(p, self._attendance_of(p))
            p.committed_at = None
            p.confidence = None
            guard.check(s, p)
            s.flush()
            return to_participant(p)

    @staticmethod
    def _attendance_of(p: m.Participant) -> str:
        return _("Attendance and commitment of {name}").format(name=p.member.name)

    def _participant(
        self, s: Session, meeting_id: int, member_id: int, *, create: bool = False
    ) -> m.Participant:
        p = q.participant(s, meeting_id, member_id)
        if p is None:
            if not create:
                raise NotFoundError(
                    _("Member {member} is not invited to meeting {meeting}.").format(
                        member=member_id, meeting=meeting_id
                    )
                )
            self._get(s, m.Meeting, meeting_id, "Meeting")
            self._get(s, m.Member, member_id, "Member")
            p = m.Participant(meeting_id=meeting_id, member_id=member_id)
            s.add(p)
            s.flush()
        return p


def carry_parked_items(s: Session, meeting: m.Meeting, position: int) -> int:
    """Put items parked in earlier meetings of the series (not yet carried) on this agenda."""
    carried_ids = q.carried_ids(s)
    for item in q.parked_before(s, meeting):
        if item.id in carried_ids:
            continue
        s.add(
            m.AgendaItem(
                meeting_id=meeting.id,
                position=position,
                title=item.title,
                owner_id=item.owner_id,
                minutes=item.minutes,
                kind=item.kind,
                carried_from_id=item.id,
            )
        )
        position += 1
    return position


def validate_cadence(value: int) -> int:
    if not 1 <= int(value) <= MAX_CADENCE_DAYS:
        raise ValidationError(
            "cadence_days",
            _("The cadence must be between 1 and {most} days.").format(most=MAX_CADENCE_DAYS),
        )
    return int(value)


def to_series(s: Session, obj: m.Series) -> r.SeriesRecord:
    return r.SeriesRecord(
        id=obj.id,
        name=obj.name,
        cadence_days=obj.cadence_days,
        default_template_id=obj.default_template_id,
        member_ids=series_member_ids(s, obj.id),
    )
