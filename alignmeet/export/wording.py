"""The wording the minutes share in every form (Word, HTML preview, e-mail), in the
current language: the agenda item's time line, attendance, commitments, dates.

Every sentence goes through `alignmeet.i18n._` whole, with named placeholders, so the
Word minutes and the HTML preview say the same thing in the same words. User text (names,
titles, notes) is passed in as data and never translated.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from alignmeet.domain.enums import ItemKind
from alignmeet.domain.labels import label
from alignmeet.domain.records import MinutesData
from alignmeet.domain.rules import format_minutes_seconds, short_date
from alignmeet.i18n import _, ngettext, pgettext
from alignmeet.i18n import long_date as _long_date

__all__ = [
    "action_count",
    "at_time",
    "attendance_groups",
    "committed_at",
    "committed_line",
    "long_date",
    "owner_column",
    "parked_details",
    "person_details",
    "person_text",
    "previous_approval",
    "quoted",
    "record_lines",
    "teams_of",
    "time_line",
    "time_of_day",
    "time_span",
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
    parts.append(_("Time box {minutes} min").format(minutes=item.box_minutes))
    if item.used_seconds > 0:
        used = format_minutes_seconds(item.used_seconds)
        over = item.used_seconds - item.box_minutes * 60
        if over >= 30:
            parts.append(
                _("Used {time} (+{over} min over)").format(time=used, over=(over + 30) // 60)
            )
        else:
            parts.append(_("Used {time}").format(time=used))
    if item.carried_from:
        parts.append(_("Carried over from {meeting}").format(meeting=item.carried_from))
    return " · ".join(parts)


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


def record_lines(data: MinutesData) -> list[str]:
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
    for approval in stamp.approved_in:
        lines.append(
            _("Approved in {meeting} on {date} (revision {revision}).").format(
                meeting=approval.meeting_title,
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
        meeting=approved.meeting_title,
        date=short_date(approved.meeting_date),
        revision=approved.revision,
    )
