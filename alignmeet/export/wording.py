"""The wording the minutes share in every form (Word, HTML preview, e-mail), in the
current language: the agenda item's time line, attendance, commitments, dates.

Every sentence goes through `alignmeet.i18n._` whole, with named placeholders, so the
Word minutes and the HTML preview say the same thing in the same words. User text (names,
titles, notes) is passed in as data and never translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.enums import ItemKind, MeetingStatus
from alignmeet.domain.labels import label
from alignmeet.domain.records import MinutesData
from alignmeet.domain.rules import short_date
from alignmeet.export.sanitize import clean_text
from alignmeet.i18n import _, ngettext, pgettext
from alignmeet.i18n import long_date as _long_date

__all__ = [
    "AGENDA",
    "DRAFT",
    "MINUTES",
    "PlannedItem",
    "action_count",
    "actual_time",
    "approval_lines",
    "at_time",
    "attendance_groups",
    "committed_at",
    "committed_line",
    "decision_numbers",
    "distribution",
    "document_kind",
    "document_title",
    "draft_notice",
    "invited_label",
    "long_date",
    "owner_column",
    "parked_details",
    "person_details",
    "person_text",
    "planned_items",
    "previous_approval",
    "quoted",
    "record_lines",
    "recorded_language",
    "signed_line",
    "teams_of",
    "time_line",
    "time_of_day",
    "time_span",
    "time_used",
]


def long_date(value: date) -> str:
    """ "Thursday 1 October 2026" / "Donnerstag, 1. Oktober 2026"."""
    return _long_date(value)


def time_of_day(value: datetime) -> str:
    """ "14:30" (24-hour in every language)."""
    return f"{value.hour:02d}:{value.minute:02d}"


def at_time(value: datetime) -> str:
    """ "Thursday 5 November 2026 at 09:00", in the current language."""
    return _("{date} at {time}").format(date=long_date(value), time=time_of_day(value))


def time_span(start: datetime, end: datetime, minutes: int) -> str:
    """ "09:00–10:00 (60 min)"."""
    return _("{start}–{end} ({minutes} min)").format(
        start=time_of_day(start), end=time_of_day(end), minutes=minutes
    )


def teams_of(data: MinutesData) -> list[str]:
    """The teams of the meeting's participants, in their order."""
    teams: list[str] = []
    for person in data.participants:
        if person.team_name and person.team_name not in teams:
            teams.append(person.team_name)
    return teams


def person_details(person: Any, teams: Sequence[str]) -> str:
    """ "Team", or "Team, representing Other" for a member attending for another team."""
    details = [person.team_name] if person.team_name else []
    if getattr(person, "representative", False):
        others = [t for t in teams if t != person.team_name]
        details.append(
            _("representing {team}").format(team=others[0])
            if len(others) == 1
            else _("representing the other team")
        )
    return ", ".join(details)


def person_text(person: Any, teams: Sequence[str]) -> str:
    details = person_details(person, teams)
    return f"{person.name} ({details})" if details else person.name


def time_line(item: Any) -> str:
    """The grey line under an agenda item's heading: owner, kind, time box, time used."""
    parts = []
    if item.owner_name:
        parts.append(_("Owner: {name}").format(name=item.owner_name))
    if item.kind is not ItemKind.REGULAR:
        parts.append(label(item.kind))
    if item.used_seconds > 0:
        parts.append(time_used(item.used_seconds, item.box_minutes))
    else:
        parts.append(_("Time box {minutes} min").format(minutes=item.box_minutes))
    if item.carried_from:
        parts.append(_("Carried over from {meeting}").format(meeting=item.carried_from))
    return " · ".join(parts)


def time_used(seconds: int, box_minutes: int) -> str:
    """ "10 min used of 10", "16 min used of 10 (+6 over)": minutes, never a clock time."""
    used = max(1, (seconds + 30) // 60)
    over = used - box_minutes
    if over > 0:
        return _("{used} min used of {box} (+{over} over)").format(
            used=used, box=box_minutes, over=over
        )
    return _("{used} min used of {box}").format(used=used, box=box_minutes)


def attendance_groups(data: MinutesData) -> list[tuple[str, Sequence[Any]]]:
    """[("Present (3): ", people), ...]: present always, apologies and absent when any."""
    groups: list[tuple[str, Sequence[Any]]] = [(_("Present ({count}): "), data.present)]
    if data.apologies:
        groups.append((_("Apologies ({count}): "), data.apologies))
    if data.absent:
        groups.append((_("Absent ({count}): "), data.absent))
    return [(text.format(count=len(people)), people) for text, people in groups]


def parked_details(item: Any) -> list[str]:
    """ "owner Sam", "15 min", "first raised in …" for a parked item."""
    details = [_("owner {name}").format(name=item.owner_name)] if item.owner_name else []
    details.append(_("{minutes} min").format(minutes=item.box_minutes))
    if item.carried_from:
        details.append(_("first raised in {meeting}").format(meeting=item.carried_from))
    return details


def owner_column() -> str:
    """The heading of an owner column in a table: short ("Zuständig", not "Verantwortlich")."""
    return pgettext("column", "Owner")


def action_count(count: int) -> str:
    """ "3 actions"."""
    return ngettext("{n} action", "{n} actions", count).format(n=count)


def committed_line(committed: int, present: int) -> str:
    """ "2 of 3 present members committed to their plan."."""
    return _("{committed} of {present} present members committed to their plan.").format(
        committed=committed, present=present
    )


def committed_at(moment: datetime, confidence: int | None) -> str:
    """ "committed at 10:42, confidence 4/5"."""
    if confidence is None:
        return _("committed at {time}").format(time=time_of_day(moment))
    return _("committed at {time}, confidence {confidence}/5").format(
        time=time_of_day(moment), confidence=confidence
    )


def quoted(text: str) -> str:
    """“text” (German: „text“)."""
    return _("“{text}”").format(text=text)


# ---- the minutes of record ------------------------------------------------------------------
def _closed(moment: datetime) -> str:
    """ "13 Oct 2026 at 10:43"."""
    return _("{date} at {time}").format(date=short_date(moment), time=time_of_day(moment))


def record_lines(data: MinutesData, *, approvals: bool = True) -> list[str]:
    """What the minutes say about themselves, under the title block: which revision of
    record they are and when it was closed, whether it was reconstructed or superseded,
    every revision, and the meetings that approved it. Empty for a meeting never closed."""
    stamp = data.stamp
    if stamp is None:
        return []
    lines: list[str] = []
    latest = stamp.latest
    if stamp.revision is None:
        if latest is not None:
            lines.append(
                _(
                    "Draft: the meeting was reopened after revision {revision} was closed on "
                    "{closed}; these minutes change until it is closed again."
                ).format(revision=latest.revision, closed=_closed(latest.closed_at))
            )
    else:
        closed = stamp.closed_at or data.meeting.closed_at or data.generated_at
        lines.append(
            _("Minutes of record as closed on {closed} (revision {revision}).").format(
                closed=_closed(closed), revision=stamp.revision
            )
        )
        if stamp.reconstructed_on is not None:
            lines.append(
                _(
                    "Reconstructed on {today} from the data of that day: this meeting was "
                    "closed on {closed}, before AlignMeet kept minutes of record. Action "
                    "statuses and KPI values are as they stood at the close; everything else "
                    "is as it was stored on {today}."
                ).format(today=short_date(stamp.reconstructed_on), closed=_closed(closed))
            )
        if stamp.superseded and latest is not None:
            lines.append(
                _("Superseded by revision {revision}, closed on {closed}.").format(
                    revision=latest.revision, closed=_closed(latest.closed_at)
                )
            )
    if len(stamp.revisions) > 1 or (stamp.revision is None and stamp.revisions):
        parts = []
        for number, info in enumerate(stamp.revisions):
            text = (
                _("Revision {revision} — closed on {closed}")
                if number == 0
                else _("revision {revision} — closed on {closed}")
            )
            parts.append(text.format(revision=info.revision, closed=_closed(info.closed_at)))
        lines.append("; ".join(parts))
    for approval in stamp.approved_in if approvals else ():
        lines.append(
            _("Approved in {meeting} on {date} (revision {revision}).").format(
                meeting=bidi_safe(approval.meeting_title),
                date=short_date(approval.meeting_date),
                revision=approval.revision,
            )
        )
    return lines


def previous_approval(data: MinutesData) -> str:
    """The line in "Purpose" saying this meeting approved the previous minutes ("" if not)."""
    if not data.meeting.previous_minutes_approved:
        return ""
    approved = data.approved_previous
    if approved is None:
        return _("The minutes of the previous meeting were approved.")
    return _("The minutes of {meeting} ({date}, revision {revision}) were approved.").format(
        meeting=bidi_safe(approved.meeting_title),
        date=short_date(approved.meeting_date),
        revision=approved.revision,
    )


# ---- what the document is ----------------------------------------------------------------
MINUTES, DRAFT, AGENDA = "minutes", "draft", "agenda"


def recorded_language(data: MinutesData) -> str:
    """The language minutes of record were closed in ("" for a draft or an agenda: the
    language in use). Their words are written in it (`alignmeet.i18n.speaking`): the record
    holds part of them as words (the toolkit's tables), and they say what they said."""
    return data.stamp.language if data.stamp is not None else ""


def document_kind(data: MinutesData) -> str:
    """AGENDA for a meeting that has not started (nothing minuted yet), MINUTES for one
    closed (its minutes of record), DRAFT for one running or reopened — or planned but
    already holding what a meeting records (attendance, actions, decisions)."""
    status = data.meeting.status
    if status is MeetingStatus.CLOSED:
        return MINUTES
    if status is MeetingStatus.PLANNED and data.stamp is None and not _minuted(data):
        return AGENDA
    return DRAFT


def _minuted(data: MinutesData) -> bool:
    """Something only a meeting that took place records: attendance taken, ideas,
    decisions, time used, actions agreed, commitments."""
    return bool(
        data.present
        or any(p.actions for p in data.plans)
        or any(e.ideas or e.decisions or e.item.used_seconds for e in data.items)
    )


def document_title(data: MinutesData) -> str:
    """ "Minutes: <title>", "Draft minutes: <title>" or "Agenda: <title>"."""
    title = clean_text(data.meeting.title)
    kind = document_kind(data)
    if kind == AGENDA:
        return _("Agenda: {title}").format(title=title) if title else _("Agenda")
    if kind == DRAFT:
        return _("Draft minutes: {title}").format(title=title) if title else _("Draft minutes")
    return _("Minutes: {title}").format(title=title) if title else _("Minutes")


def draft_notice(data: MinutesData) -> str:
    """The line under a draft's title: not the minutes of record yet."""
    return _(
        "DRAFT — the meeting is not closed: these minutes may still change and are not "
        "for circulation."
    )


def actual_time(meeting: Any) -> str:
    """When the meeting really ran, from its clock: "10:04–11:21 (77 min)"; "started at
    10:04" while it runs; with the date when that is not the planned day. "" when the
    meeting was never started with the clock (older meetings): nothing is guessed."""
    started = getattr(meeting, "started_at", None)
    if started is None:
        return ""
    end = meeting.closed_at
    day = "" if started.date() == meeting.starts_at.date() else long_date(started) + ", "
    if end is None or end < started:
        return day + _("started at {time}").format(time=time_of_day(started))
    minutes = int((end - started).total_seconds() + 30) // 60
    if end.date() != started.date():
        return day + _("{start} until {end_date} at {end} ({minutes} min)").format(
            start=time_of_day(started),
            end_date=short_date(end),
            end=time_of_day(end),
            minutes=minutes,
        )
    return day + time_span(started, end, minutes)


def decision_numbers(data: MinutesData) -> dict[int, int]:
    """Each decision's number in the minutes: 1, 2, ... in agenda order (the consolidated
    Decisions section and the agenda items say the same number)."""
    numbers: dict[int, int] = {}
    for entry in data.items:
        for decision in entry.decisions:
            numbers[decision.id] = len(numbers) + 1
    return numbers


def approval_lines(data: MinutesData) -> list[str]:
    """The approval block: which later meeting approved which revision, or when they are
    due for approval (the next meeting), or that a draft is not for approval yet."""
    stamp = data.stamp
    approvals = stamp.approved_in if stamp is not None else ()
    if approvals:
        return [
            _("Approved in {meeting} on {date} (revision {revision}).").format(
                meeting=bidi_safe(a.meeting_title),
                date=short_date(a.meeting_date),
                revision=a.revision,
            )
            for a in approvals
        ]
    kind = document_kind(data)
    if kind == DRAFT:
        return [_("Not for approval yet: a draft until the meeting is closed.")]
    nxt = data.meeting.next_meeting_at
    if nxt is not None:
        return [
            _("Not yet approved: due for approval at the next meeting, {date}.").format(
                date=short_date(nxt)
            )
        ]
    return [_("Not yet approved: due for approval at the next meeting of the series.")]


def signed_line(meeting: Any) -> str:
    """Under the approval: "Facilitator: Dana · Minutes taken by: Priya" ("" if neither).
    Names and titles in these lines are isolated (alignmeet.domain.bidi): an RLO in one
    cannot turn the rest of the line around."""
    signed = []
    if meeting.facilitator_name.strip():
        signed.append(_("Facilitator: {name}").format(name=bidi_safe(meeting.facilitator_name)))
    if meeting.note_taker_name.strip():
        signed.append(_("Minutes taken by: {name}").format(name=bidi_safe(meeting.note_taker_name)))
    return " · ".join(signed)


def distribution(data: MinutesData) -> list[tuple[str, Sequence[Any]]]:
    """Who receives the document, as the e-mail addresses it: [("To: ", people),
    ("Copy: ", people)] — the members present, then those with apologies or absent; for an
    agenda, everyone invited."""
    if document_kind(data) == AGENDA:
        return [(_("To: "), data.participants)] if data.participants else []
    groups: list[tuple[str, Sequence[Any]]] = []
    if data.present:
        groups.append((_("To: "), data.present))
    others = data.apologies + data.absent
    if others:
        groups.append((_("Copy: "), others))
    return groups


# ---- the agenda of a meeting not started yet -----------------------------------------------
@dataclass(frozen=True)
class PlannedItem:
    """One item of an agenda as the Word agenda and its preview both show it."""

    number: int
    title: str
    details: str  # "09:00–09:10 (10 min) · Owner: Dana · KPI review · Carried over from …"
    notes: str  # the item's prepared notes, as typed


def planned_items(data: MinutesData) -> list[PlannedItem]:
    """The agenda's items, numbered, each at its planned clock time: one after the other
    from the meeting's start, each taking its time box."""
    out: list[PlannedItem] = []
    start = data.meeting.starts_at
    for number, entry in enumerate(data.items, 1):
        item = entry.item
        end = start + timedelta(minutes=item.box_minutes)
        details = [time_span(start, end, item.box_minutes)]
        if item.owner_name:
            details.append(_("Owner: {name}").format(name=item.owner_name))
        if item.kind is not ItemKind.REGULAR:
            details.append(label(item.kind))
        if item.carried_from:
            details.append(_("Carried over from {meeting}").format(meeting=item.carried_from))
        out.append(PlannedItem(number, item.title, " · ".join(details), item.notes))
        start = end
    return out


def invited_label(count: int) -> str:
    """ "Invited (7): " before the names on an agenda."""
    return _("Invited ({count}): ").format(count=count)
