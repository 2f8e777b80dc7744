"""Due dates as a calendar file (.ics): one all-day event per action, re-importable.

Google Calendar and Outlook ignore VTODO, so each action with a due date becomes an
all-day VEVENT (``DTSTART;VALUE=DATE`` = the due date, ``DTEND`` = the day after), titled
"Action A-123: <title> (<owner>)" (the number every document gives it), with status, team,
origin and milestone in its description.
Actions without a due date have no day to sit on and are left out (the summary says how
many). Dropped actions are ``STATUS:CANCELLED``, every other one ``CONFIRMED``.

Re-importing the file must update events rather than duplicate them, so:

- **UID** is stable per action *and* per database:
  ``alignmeet-action-<id>-<created>@alignmeet.local``. The id alone would collide between
  two databases (a colleague's demo, a restored backup of another team) imported into the
  same calendar; adding the moment the action was created (``20260929T101500``, from
  ``created``) makes it unique in practice while never changing for that action. When the
  caller cannot say when an action was created, the date of the meeting that agreed it is
  used (``d20260929``): stable too, only a little less distinctive.
- **SEQUENCE** must grow whenever the event changes, and never go down: calendar clients
  treat an event whose SEQUENCE is lower than the one they hold as stale and ignore it.
  So it comes from the caller (``revisions``, e.g. the database's revision counter of the
  action row, which every edit of title, owner, due date, status or milestone increments)
  rather than from a hash of the content, which changes on every edit but goes up or down
  at random. Without a revision the event gets SEQUENCE 0; DTSTAMP (the time of the
  export) then decides between two copies with the same SEQUENCE.

iCalendar escaping (``,`` ``;`` ``\\``, line breaks as ``\\n``) and line folding (75 octets,
never inside a UTF-8 character) are done here for the events: the `icalendar` library
takes ~1.6 ms per event, 160 s for 100,000 actions; this takes a few µs. The calendar's
header still comes from the library, and the tests re-parse every file with it. Before
that, every text goes through `clean_text` (control characters, lone surrogates; a lone
CR becomes a line break) and DEL is dropped: RFC 5545
allows no control character in TEXT other than the tab, and a raw CR or LF would end the
content line. U+FEFF (a byte-order mark pasted along with text) is dropped too: the
icalendar library strips it from the start of a value, so it would survive in some places
and not others. Summaries are kept on one line.

The rows are `alignmeet.domain.records.ActionRow`s or `ExportLine`s (which read alike,
and carry their own creation time and revision); `write_ics` streams the events into
the file, so 300,000 actions never sit in memory.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from icalendar import Calendar, Event

from alignmeet.domain.enums import ActionStatus
from alignmeet.domain.labels import label
from alignmeet.domain.records import ActionRow, ExportLine
from alignmeet.domain.rules import action_number, short_date
from alignmeet.export.atomic import atomic_writer
from alignmeet.export.sanitize import clean_text
from alignmeet.i18n import _, ngettext

__all__ = [
    "IcsSummary",
    "action_uid",
    "event_description",
    "event_summary",
    "ics_bytes",
    "ics_text",
    "write_ics",
]

PRODID = "-//AlignMeet//Follow-up due dates//EN"
UID_DOMAIN = "alignmeet.local"


@dataclass(frozen=True)
class IcsSummary:
    """What `write_ics` wrote."""

    path: Path
    events: int  # actions written as events
    skipped_without_due: int  # actions left out: no due date

    def describe(self) -> str:
        n = self.events
        if not self.skipped_without_due:
            return ngettext(
                "{n} due date written to {path}.", "{n} due dates written to {path}.", n
            ).format(n=n, path=self.path)
        written = ngettext(
            "{n} due date written to {path}", "{n} due dates written to {path}", n
        ).format(n=n, path=self.path)
        skipped = self.skipped_without_due
        return ngettext(
            "{written}; {n} action without a due date left out.",
            "{written}; {n} actions without a due date left out.",
            skipped,
        ).format(written=written, n=skipped)


def ics_text(text: str) -> str:
    """`text` as iCalendar TEXT may hold it before escaping: no control character but
    tab and line feed (which the library escapes as ``\\n``), no byte-order mark."""
    return clean_text(text).replace("\x7f", "").replace("\ufeff", "")


def _one_line(text: str) -> str:
    return " ".join(ics_text(text).split())


def action_uid(action: Any, created: datetime | None = None) -> str:
    """The stable UID of an action's event (see the module docstring)."""
    stamp = f"{created:%Y%m%dT%H%M%S}" if created is not None else f"d{action.meeting_date:%Y%m%d}"
    return f"alignmeet-action-{action.id}-{stamp}@{UID_DOMAIN}"


def write_ics(
    rows: Iterable[ActionRow | ExportLine],
    path: Path,
    *,
    calendar_name: str,
    generated_at: datetime | None = None,
    created: Mapping[int, datetime] | None = None,
    revisions: Mapping[int, int] | None = None,
) -> IcsSummary:
    """Write the calendar to `path` atomically, an event at a time.

    `generated_at` is the DTSTAMP of every event (default: now); a naive time is taken as
    local time. `created` (action id → when the action was created) goes into the UID,
    `revisions` (action id → a counter that grows on every change) is the SEQUENCE; an
    `ExportLine` brings both itself (its `created_at`, its `version` minus one).
    Raises `ExportError` (old file kept) when the file cannot be written.
    """
    path = Path(path)
    counts = [0, 0]
    with atomic_writer(path) as handle:
        for part in _parts(rows, counts, calendar_name, generated_at, created, revisions):
            handle.write(part)
    return IcsSummary(path=path, events=counts[0], skipped_without_due=counts[1])


def ics_bytes(
    rows: Iterable[ActionRow | ExportLine],
    *,
    calendar_name: str,
    generated_at: datetime | None = None,
    created: Mapping[int, datetime] | None = None,
    revisions: Mapping[int, int] | None = None,
) -> bytes:
    """The calendar as the bytes of an .ics file."""
    parts = _parts(rows, [0, 0], calendar_name, generated_at, created, revisions)
    return b"".join(parts)


def _parts(
    rows: Iterable[ActionRow | ExportLine],
    counts: list[int],
    calendar_name: str,
    generated_at: datetime | None,
    created: Mapping[int, datetime] | None,
    revisions: Mapping[int, int] | None,
) -> Iterator[bytes]:
    """The file's bytes in pieces: the calendar's head, then events in batches (each
    serialised on its own: a Calendar holding 100,000 Event objects takes about a
    gigabyte; their text, 70 MB), then its end. `counts`: events written, actions
    left out for want of a due date."""
    stamp = _utc(generated_at or datetime.now(UTC))
    stamp_text = f"{stamp:%Y%m%dT%H%M%S}Z"
    created = created or {}
    revisions = revisions or {}
    name = _one_line(calendar_name) or _("AlignMeet follow-ups")

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)  # RFC 7986
    head = cal.to_ical()
    end = b"END:VCALENDAR\r\n"
    if not head.endswith(end):  # pragma: no cover - the library always ends with it
        raise RuntimeError("unexpected iCalendar output from the icalendar library")
    yield head[: -len(end)]
    batch: list[bytes] = []
    for row in rows:
        action = row.action
        if action.due is None:
            counts[1] += 1
            continue
        when = created.get(action.id, getattr(row, "created_at", None))
        revision = revisions.get(action.id)
        if revision is None:
            revision = max(0, (getattr(row, "version", 0) or 1) - 1)
        batch.append(_event_bytes(row, stamp_text, when, max(0, revision)))
        counts[0] += 1
        if len(batch) >= 500:
            yield b"".join(batch)
            batch.clear()
    batch.append(end)
    yield b"".join(batch)


def _escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as \\n."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def _fold(line: str) -> bytes:
    """One content line, folded at 75 octets (CRLF + space), never inside a character."""
    if line.isascii():
        data = line.encode("ascii")
        if len(data) <= 75:
            return data + b"\r\n"
        pieces = [data[:75]] + [b" " + data[i : i + 74] for i in range(75, len(data), 74)]
        return b"\r\n".join(pieces) + b"\r\n"
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    pieces: list[bytes] = []
    current = bytearray()
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > 75:
            pieces.append(bytes(current))
            current = bytearray(b" ")
        current += encoded
    pieces.append(bytes(current))
    return b"\r\n".join(pieces) + b"\r\n"


def _event_bytes(
    row: ActionRow | ExportLine, stamp: str, created: datetime | None, sequence: int
) -> bytes:
    """One VEVENT as iCalendar bytes: the same properties as `_event`, written directly."""
    action = row.action
    due: date = action.due
    end = due + timedelta(days=1)
    status = "CANCELLED" if action.status is ActionStatus.DROPPED else "CONFIRMED"
    lines = (
        "BEGIN:VEVENT",
        f"SUMMARY:{_escape(event_summary(action))}",
        f"DTSTART;VALUE=DATE:{due:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"DTSTAMP:{stamp}",
        f"UID:{_escape(action_uid(action, created))}",
        f"SEQUENCE:{sequence}",
        f"CATEGORIES:AlignMeet,{_escape(action.team_tag.label)}",
        f"DESCRIPTION:{_escape(event_description(row))}",
        f"STATUS:{status}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    )
    return b"".join(_fold(line) for line in lines)


def _event(row: ActionRow, stamp: datetime, created: datetime | None, sequence: int) -> Event:
    action = row.action
    due: date = action.due
    event = Event()
    event.add("uid", action_uid(action, created))
    event.add("dtstamp", stamp)
    event.add("dtstart", due)
    event.add("dtend", due + timedelta(days=1))
    event.add("summary", event_summary(action))
    event.add("description", event_description(row))
    event.add("status", "CANCELLED" if action.status is ActionStatus.DROPPED else "CONFIRMED")
    event.add("transp", "TRANSPARENT")  # a due date does not make anyone busy
    event.add("sequence", sequence)
    event.add("categories", ["AlignMeet", action.team_tag.label])
    return event


def event_summary(action: Any) -> str:
    """ "Action A-123: <title> (<owner>)" on one line (the number as in every document)."""
    owner = _one_line(action.owner_name)
    title = _one_line(action.title)
    number = action_number(action.id)
    if owner:
        return _("Action {number}: {title} ({owner})").format(
            number=number, title=title, owner=owner
        )
    return _("Action {number}: {title}").format(number=number, title=title)


def event_description(row: ActionRow | ExportLine) -> str:
    action = row.action
    lines = [_("Status: {status}").format(status=label(action.status))]
    owner = _one_line(action.owner_name)
    team = _one_line(getattr(row, "owner_team", ""))
    if owner:
        lines.append(
            _("Owner: {name} ({team})").format(name=owner, team=team)
            if team
            else _("Owner: {name}").format(name=owner)
        )
    lines.append(_("Team: {team}").format(team=label(action.team_tag)))
    lines.append(
        _("From: {meeting}, {date}").format(
            meeting=_one_line(action.meeting_title), date=short_date(action.meeting_date)
        )
    )
    series = _one_line(getattr(row, "series_name", ""))
    if series:
        lines.append(_("Series: {series}").format(series=series))
    milestone = _one_line(action.milestone)
    if milestone:
        lines.append(_("Milestone: {milestone}").format(milestone=milestone))
    slipped = getattr(row, "times_slipped", 0) or 0
    if slipped > 0:
        lines.append(_("Due date slipped {times}×").format(times=slipped))
    lines.append("")
    lines.append(ics_text(action.title))
    return "\n".join(lines)


def _utc(value: datetime) -> datetime:
    """DTSTAMP must be in UTC; a naive time is local time."""
    return value.astimezone(UTC).replace(microsecond=0)
