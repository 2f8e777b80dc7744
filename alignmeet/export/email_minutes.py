"""The minutes as an e-mail the facilitator sends: a subject line and a plain-text body
(decisions, each member's actions with due dates, commitments, the next meeting), from the
Jinja2 template `templates/minutes_email.txt.j2`; and as an .eml file (RFC 5322, UTF-8) that
a mail program opens ready to send.

User text is data, never template source, so ``{{7*7}}`` stays ``{{7*7}}``. It is plain
text, so ``<b>`` stays ``<b>`` (no HTML escaping in a text e-mail). Control characters go
(`clean_text`), and names, titles and decisions are folded onto one line so pasted line
breaks cannot break the layout. Header values (subject, names, addresses) never carry CR,
LF or any other control character: no header injection from anything a user typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.labels import label
from alignmeet.domain.records import MinutesData, ParticipantRecord
from alignmeet.domain.rules import short_date
from alignmeet.export.atomic import atomic_write_bytes
from alignmeet.export.html_minutes import render_template
from alignmeet.export.sanitize import clean_text
from alignmeet.export.wording import (
    at_time,
    long_date,
    previous_approval,
    quoted,
    record_lines,
    recorded_language,
    time_of_day,
)
from alignmeet.i18n import _, speaking

__all__ = [
    "EMAIL_TEMPLATE",
    "Recipients",
    "eml_bytes",
    "header_text",
    "minutes_email",
    "one_line",
    "recipients",
    "write_eml",
]

EMAIL_TEMPLATE = "minutes_email.txt.j2"
MAX_SUBJECT = 250
# Everything that ends a line or is a control character somewhere in Unicode: C0 and C1
# controls, DEL, the Unicode line and paragraph separators.
_HEADER_BREAKERS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def one_line(text: str) -> str:
    """User text cleaned and folded onto one line (line breaks and tabs become spaces)."""
    return " ".join(clean_text(text).split())


def header_text(text: str, limit: int | None = None) -> str:
    """A safe header value: no CR, LF or other control character, white space folded."""
    line = " ".join(_HEADER_BREAKERS.sub(" ", clean_text(text)).split())
    if limit is not None and len(line) > limit:
        line = bidi_safe(line, limit, isolate=False)  # nothing left open at the cut
    return line


# --------------------------------------------------------------------------- subject and body


def minutes_email(data: MinutesData) -> tuple[str, str]:
    """(subject, body) of the e-mail that goes out with the minutes.

    The template writes the subject on its first line and the body after one blank line.
    Minutes of record are written in the language they were closed in.
    """
    with speaking(recorded_language(data)):
        text = render_template(EMAIL_TEMPLATE, **_context(data))
    subject, _newline, body = text.partition("\n")
    return header_text(subject, MAX_SUBJECT), body.lstrip("\n").rstrip() + "\n"


def _context(data: MinutesData) -> dict[str, Any]:
    meeting = data.meeting
    start = meeting.starts_at
    when = _("{date}, {time}").format(date=long_date(start), time=time_of_day(start))
    details = [one_line(meeting.series_name), one_line(meeting.place)]
    decisions = [
        {"text": one_line(d.text), "item": one_line(entry.item.title)}
        for entry in data.items
        for d in entry.decisions
        if one_line(d.text)
    ]
    plans = [
        {
            "name": one_line(plan.participant.name),
            "actions": [
                {
                    "title": one_line(a.title),
                    "due": (
                        _("due {date}").format(date=short_date(a.due))
                        if a.due is not None
                        else _("no due date")
                    ),
                    "team": label(a.team_tag),
                    "milestone": one_line(a.milestone),
                }
                for a in plan.actions
            ],
        }
        for plan in data.plans
    ]
    present = data.present
    commitments = [
        {
            "name": one_line(p.name),
            "committed": p.committed_at is not None,
            "confidence": p.confidence,
            "note": quoted(one_line(p.commitment_note)) if one_line(p.commitment_note) else "",
        }
        for p in present
    ]
    next_at = meeting.next_meeting_at
    return {
        # Isolated: the subject and a sentence go on after it ("Minutes: {title} — {date}").
        "title": bidi_safe(one_line(meeting.title)) or _("Meeting minutes"),
        "date": long_date(start),
        "when": when,
        "details": [d for d in details if d],
        "present": [one_line(p.name) for p in present],
        "apologies": [one_line(p.name) for p in data.apologies],
        "decisions": decisions,
        "plans": plans,
        "action_count": sum(len(plan.actions) for plan in data.plans),
        "commitments": commitments,
        "committed_count": sum(1 for c in commitments if c["committed"]),
        "next_meeting": at_time(next_at) if next_at is not None else "",
        "sender": one_line(meeting.facilitator_name),
        "record_lines": [one_line(line) for line in record_lines(data)],
        "previous_approved": one_line(previous_approval(data)),
    }


# --------------------------------------------------------------------------- recipients


@dataclass(frozen=True)
class Recipients:
    """Who the e-mail goes to: (name, address) pairs, and the names without a usable address."""

    to: tuple[tuple[str, str], ...]
    cc: tuple[tuple[str, str], ...]
    without_address: tuple[str, ...]


def recipients(data: MinutesData, emails: Mapping[int, str]) -> Recipients:
    """To: the members present; Cc: those who sent apologies or did not come.

    `emails` maps member ids to their e-mail addresses (as the People page holds them);
    members without one, or with one a mail program would refuse, are listed in
    `without_address`.
    """
    missing: list[str] = []

    def pairs(people: Iterable[ParticipantRecord]) -> tuple[tuple[str, str], ...]:
        out = []
        for person in people:
            address = header_text(emails.get(person.member_id, ""))
            if address and _usable_address(person.name, address):
                out.append((header_text(person.name), address))
            else:
                missing.append(one_line(person.name))
        return tuple(out)

    to = pairs(data.present)
    cc = pairs(data.apologies + data.absent)
    return Recipients(to=to, cc=cc, without_address=tuple(missing))


def _usable_address(name: str, address: str) -> bool:
    from email.errors import MessageError
    from email.headerregistry import Address
    from email.message import EmailMessage

    try:
        message = EmailMessage(policy=_policy())
        message["To"] = Address(display_name=header_text(name), addr_spec=address)
        message.as_bytes(policy=_header_policy())
    except (MessageError, ValueError, TypeError, IndexError, UnicodeError):
        return False  # a header parse error, or a defect the strict policy raises
    return True


# --------------------------------------------------------------------------- .eml


def _policy() -> Any:
    from email import policy

    return policy.default.clone(linesep="\r\n", max_line_length=78)


def _header_policy() -> Any:
    """Headers are written unfolded up to RFC 5322's 998 characters: Python's folder can put
    the fold between two encoded words where a space was, and a space there is dropped when
    the subject is read back ("ࠀ — Thursday" became "ࠀ— Thursday"; found by Hypothesis).
    A subject is at most MAX_SUBJECT characters, so it stays on one line."""
    return _policy().clone(max_line_length=998)


def eml_bytes(
    subject: str,
    body: str,
    *,
    to: Sequence[tuple[str, str]] = (),
    cc: Sequence[tuple[str, str]] = (),
) -> bytes:
    """An unsent message (RFC 5322, UTF-8 text, CRLF line ends) a mail program opens as a draft.

    `to` and `cc` are (name, address) pairs; addresses that cannot be written are left out.
    Every header value is passed through `header_text`, so user text cannot add headers.
    """
    from email.headerregistry import Address
    from email.message import EmailMessage

    message = EmailMessage(policy=_policy())
    message["Subject"] = header_text(subject, MAX_SUBJECT)
    for header, pairs in (("To", to), ("Cc", cc)):
        addresses = [
            Address(display_name=header_text(name), addr_spec=header_text(address))
            for name, address in pairs
            if _usable_address(name, header_text(address))
        ]
        if addresses:
            message[header] = addresses
    message["X-Unsent"] = "1"  # Outlook opens it as a draft to send, not as a received mail
    # The body is encoded now, under the 78-character policy (its lines stay short)...
    message.set_content(clean_text(body), subtype="plain", charset="utf-8")
    # ...and only the headers are folded at writing time.
    return message.as_bytes(policy=_header_policy())


def write_eml(
    path: Path,
    subject: str,
    body: str,
    *,
    to: Sequence[tuple[str, str]] = (),
    cc: Sequence[tuple[str, str]] = (),
) -> Path:
    """Write the .eml atomically (an existing file is kept if this fails: `ExportError`)."""
    path = Path(path)
    atomic_write_bytes(path, eml_bytes(subject, body, to=to, cc=cc))
    return path
