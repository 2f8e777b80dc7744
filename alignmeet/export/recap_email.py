"""The e-mails that reach people after a meeting and between meetings.

- A **recap** per attendee: their own actions and commitment, the decisions, the next
  meeting, the approval (which revision these minutes are, whether and where they were
  approved, and the previous minutes this meeting approved — the words of the attached
  .docx), and the minutes attached (.docx). A plain-text part from
  `templates/recap_email.txt.j2` and the same content as HTML from
  `templates/recap_email.html.j2` (autoescaped: user text never becomes markup).
- A **reminder** digest per owner: their open actions overdue or due in the next seven
  days. From `templates/reminder_email.txt.j2`.

Each is built as a whole RFC 5322 message in plain 7-bit ASCII (quoted-printable text,
base64 attachment, encoded-word headers), so the outbox can keep it byte for byte and send
exactly the same bytes on every attempt, under the same Message-ID. User text is data,
never template source; header values never carry a line break or a control character
(`header_text`), so nothing typed can add a header.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from alignmeet.domain.accountability import MemberSayDo, kept_text
from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.labels import label
from alignmeet.domain.records import ActionRow, MinutesData
from alignmeet.domain.rules import short_date
from alignmeet.export.email_minutes import MAX_SUBJECT, header_text, one_line
from alignmeet.export.html_minutes import render_template
from alignmeet.export.sanitize import clean_text
from alignmeet.export.wording import (
    approval_lines,
    at_time,
    long_date,
    previous_approval,
    quoted,
    record_lines,
    recorded_language,
    signed_line,
    time_of_day,
)
from alignmeet.i18n import _, language, speaking

__all__ = [
    "Mail",
    "docx_name",
    "message_id",
    "recap_mail",
    "reminder_mail",
]

RECAP_TEMPLATE = "recap_email.txt.j2"
RECAP_HTML_TEMPLATE = "recap_email.html.j2"
REMINDER_TEMPLATE = "reminder_email.txt.j2"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Mail:
    """One message, ready to queue or write: its subject and the RFC 5322 bytes."""

    subject: str
    to_name: str
    to_address: str
    message_id: str
    content: bytes  # 7-bit ASCII


def message_id(kind: str, domain: str) -> str:
    """A Message-ID made once, when the message is queued: "<recap.x7…@example.com>"."""
    clean = "".join(c for c in domain if c.isalnum() or c in ".-") or "alignmeet.invalid"
    return f"<alignmeet.{kind}.{secrets.token_hex(12)}@{clean}>"


def docx_name(data: MinutesData) -> str:
    """ "Sales & Marketing sync 2026-10-27 minutes.docx", safe on every file system (in the
    language of the minutes it names)."""
    with speaking(recorded_language(data)):
        return _docx_name(data)


def _docx_name(data: MinutesData) -> str:
    meeting = data.meeting
    safe = "".join(c if c.isalnum() or c in " -_&" else "_" for c in one_line(meeting.title))
    stem = _("{title} {date} minutes").format(
        title=safe.strip() or _("Meeting"), date=f"{meeting.starts_at:%Y-%m-%d}"
    )
    return f"{stem}.docx"


def _policy():  # type: ignore[no-untyped-def]
    from email import policy

    # SMTP's line ends; headers unfolded up to 998 characters (see email_minutes).
    return policy.SMTP.clone(max_line_length=998)


def _message(
    *,
    subject: str,
    body: str,
    to: tuple[str, str],
    sender: tuple[str, str] | None,
    msg_id: str,
    when: datetime,
    kind: str,
    attachment: tuple[str, bytes] | None = None,
    unsent: bool = False,
    html: str | None = None,
) -> bytes:
    from email import policy

    message = EmailMessage(policy=policy.default.clone(linesep="\r\n", max_line_length=78))
    message["Subject"] = header_text(subject, MAX_SUBJECT)
    if sender is not None and sender[1]:
        message["From"] = Address(display_name=header_text(sender[0]), addr_spec=sender[1])
    message["To"] = Address(display_name=header_text(to[0]), addr_spec=header_text(to[1]))
    message["Date"] = format_datetime(when.astimezone())
    message["Message-ID"] = msg_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    message["X-AlignMeet-Kind"] = kind
    if unsent:
        message["X-Unsent"] = "1"  # Outlook opens it as a draft to send
    message.set_content(clean_text(body), subtype="plain", charset="utf-8", cte="quoted-printable")
    if html is not None:  # the same message as HTML: mail programs show this part
        message.add_alternative(
            clean_text(html), subtype="html", charset="utf-8", cte="quoted-printable"
        )
    if attachment is not None:
        name, data = attachment
        maintype, subtype = DOCX.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    content = message.as_bytes(policy=_policy())
    content.decode("ascii")  # 7-bit all through: the outbox keeps it as text
    return content


# --------------------------------------------------------------------------- recaps


def recap_mail(
    data: MinutesData,
    member_id: int,
    *,
    to: tuple[str, str],
    sender: tuple[str, str] | None,
    msg_id: str,
    when: datetime,
    attachment: tuple[str, bytes] | None,
    unsent: bool = False,
) -> Mail:
    """One attendee's recap of the meeting in `data`: plain text and HTML, one content.
    It repeats the words of the minutes it attaches, so it is written in their language
    (of record: the one they were closed in, whatever the window speaks now)."""
    with speaking(recorded_language(data)):
        context = _recap_context(data, member_id, to[0], attachment)
        text = render_template(RECAP_TEMPLATE, **context)
        subject, _newline, body = text.partition("\n")
        subject = header_text(subject, MAX_SUBJECT)
        html = render_template(RECAP_HTML_TEMPLATE, subject=subject, lang=language(), **context)
    content = _message(
        subject=subject,
        body=body.lstrip("\n").rstrip() + "\n",
        html=html,
        to=to,
        sender=sender,
        msg_id=msg_id,
        when=when,
        kind="recap",
        attachment=attachment,
        unsent=unsent,
    )
    return Mail(subject, to[0], to[1], msg_id, content)


def _recap_context(
    data: MinutesData, member_id: int, name: str, attachment: tuple[str, bytes] | None
) -> dict[str, object]:
    meeting = data.meeting
    start = meeting.starts_at
    plan = next((p for p in data.plans if p.participant.member_id == member_id), None)
    person = next((p for p in data.participants if p.member_id == member_id), None)
    actions = [
        {
            "title": _isolated(a.title),
            "due": (
                _("due {date}").format(date=short_date(a.due))
                if a.due is not None
                else _("no due date")
            ),
            "team": label(a.team_tag),
            "milestone": _isolated(a.milestone),
        }
        for a in (plan.actions if plan is not None else ())
    ]
    decisions = [
        {"text": _isolated(d.text), "item": _isolated(entry.item.title)}
        for entry in data.items
        for d in entry.decisions
        if one_line(d.text)
    ]
    mine: MemberSayDo | None = next((m for m in data.say_do if m.member_id == member_id), None)
    committed = person is not None and person.committed_at is not None
    note = one_line(person.commitment_note) if person is not None else ""
    next_at = meeting.next_meeting_at
    return {
        "title": _isolated(meeting.title) or _("Meeting minutes"),
        "date": short_date(start),
        "when": _("{date}, {time}").format(date=long_date(start), time=time_of_day(start)),
        "name": bidi_safe(one_line(name).split(" ")[0]) if one_line(name) else _("there"),
        "actions": actions,
        "committed": committed,
        "confidence": person.confidence if committed and person is not None else None,
        "note": quoted(bidi_safe(note)) if note else "",
        "say_do": (
            _("last {days} days: {figures}").format(
                days=data.say_do_window, figures=kept_text(mine.recent)
            )
            if mine is not None and mine.recent.made
            else ""
        ),
        "decisions": decisions,
        "next_meeting": at_time(next_at) if next_at is not None else "",
        "approval": _approval(data),
        "signed": bidi_safe(one_line(signed_line(meeting)), isolate=False),
        "attachment": attachment[0] if attachment is not None else "",
        "sender": _isolated(meeting.facilitator_name),
    }


def _approval(data: MinutesData) -> list[str]:
    """The approval block, in the words of the attached minutes: which revision of record
    they are, whether (and in which meeting) they were approved or when they are due for
    it, and the previous meeting's minutes this meeting approved."""
    lines = [*record_lines(data, approvals=False), *approval_lines(data)]
    lines.append(previous_approval(data))
    # Nothing a title opens (an RLO) stays open past its line.
    return [bidi_safe(line, isolate=False) for line in map(one_line, lines) if line]


def _isolated(text: str) -> str:
    """User text on one line, isolated from ours: an RLO in a title cannot turn "— due
    20 Mar" around (see alignmeet.domain.bidi)."""
    return bidi_safe(one_line(text))


# --------------------------------------------------------------------------- reminders


def reminder_mail(
    rows: Sequence[ActionRow],
    *,
    to: tuple[str, str],
    sender: tuple[str, str] | None,
    msg_id: str,
    when: datetime,
    today: date,
    until: date,
    signature: str = "",
    unsent: bool = False,
) -> Mail:
    """A digest of one owner's open actions overdue or due by `until`."""
    actions = [
        {
            "title": one_line(row.action.title),
            "due": short_date(row.action.due),
            "overdue": row.action.due is not None and row.action.due < today,
            "origin": one_line(row.action.origin),
            "status": label(row.action.status),
        }
        for row in rows
    ]
    text = render_template(
        REMINDER_TEMPLATE,
        name=one_line(to[0]).split(" ")[0] if one_line(to[0]) else _("there"),
        actions=actions,
        until=short_date(until),
        sender=one_line(signature),
    )
    subject, _newline, body = text.partition("\n")
    subject = header_text(subject, MAX_SUBJECT)
    content = _message(
        subject=subject,
        body=body.lstrip("\n").rstrip() + "\n",
        to=to,
        sender=sender,
        msg_id=msg_id,
        when=when,
        kind="reminder",
        unsent=unsent,
    )
    return Mail(subject, to[0], to[1], msg_id, content)
