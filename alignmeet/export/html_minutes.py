"""The minutes as HTML, from the Jinja2 template `templates/minutes.html.j2`.

The in-app preview shows this HTML, and printing and "Save as PDF" lay it out; it holds the
same content as the Word minutes (`alignmeet.export.minutes_docx`): title block, attendance,
purpose, review of previous actions, agenda items with ideas and decisions, action plans,
commitments, parked items, the toolkit's sections (pictures embedded as ``data:`` URIs, so
the HTML is one self-contained file) and the next meeting.

All templates in `templates/` are rendered through `render_template`: one strict Jinja2
environment (StrictUndefined: a misspelt name is an error, not an empty string), with
autoescaping on for HTML templates, so user text such as ``<b>Sam</b>`` or ``{{7*7}}``
shows literally. User text never becomes template source. Every user string also goes
through `clean_text` (the control characters Word refuses mean nothing in HTML either),
and line breaks in notes stay line breaks (``<br>``).

Jinja2 is imported when a template is first rendered, not when this module is imported.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from alignmeet.domain.enums import ItemKind
from alignmeet.domain.records import MinutesData, ParticipantRecord
from alignmeet.domain.rules import format_minutes_seconds, short_date
from alignmeet.domain.sections import Bullets, DocSection, Paragraph, Picture, Table
from alignmeet.export.sanitize import clean_text

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

__all__ = [
    "MINUTES_TEMPLATE",
    "PICTURE_MAX_CM",
    "environment",
    "long_date",
    "minutes_context",
    "minutes_html",
    "person_details",
    "render_template",
    "teams_of",
    "time_of_day",
]

MINUTES_TEMPLATE = "minutes.html.j2"
# The text column of an A4 page with 2 cm margins is 17 cm; a picture is never wider.
PICTURE_MAX_CM = 16.5
_PX_PER_CM = 96 / 2.54
_BLANK_LINES = re.compile(r"\n{2,}")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


# --------------------------------------------------------------------------- the environment


@cache
def environment() -> Environment:
    """The one Jinja2 environment for `templates/`: strict, autoescaping HTML templates."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    from alignmeet.paths import templates_dir

    env = Environment(
        loader=FileSystemLoader(str(templates_dir())),
        # On for *.html.j2 (and *.html, *.xml); off for plain-text templates such as the
        # e-mail text, where "&" must stay "&". Strings rendered directly: on.
        autoescape=select_autoescape(
            enabled_extensions=("html", "htm", "xml", "html.j2", "xml.j2"),
            default_for_string=True,
            default=False,
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["clean"] = clean_text
    env.filters["lines"] = _lines
    env.filters["short_date"] = short_date
    env.filters["long_date"] = long_date
    env.filters["time_of_day"] = time_of_day
    return env


def render_template(name: str, /, **context: Any) -> str:
    """Render `templates/<name>` with `context` (the one way templates are rendered)."""
    return environment().get_template(name).render(**context)


def _lines(text: str) -> Markup:
    """User text with its line breaks as ``<br>``, everything else escaped."""
    from markupsafe import Markup, escape

    return Markup("<br>").join(escape(line) for line in clean_text(text).split("\n"))


# --------------------------------------------------------------------------- shared wording


def long_date(value: date) -> str:
    """ "Thursday 1 October 2026" (English names whatever the locale, as in the Word minutes)."""
    return f"{_DAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]} {value.year}"


def time_of_day(value: datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def teams_of(data: MinutesData) -> list[str]:
    """The teams of the meeting's participants, in their order."""
    teams: list[str] = []
    for person in data.participants:
        if person.team_name and person.team_name not in teams:
            teams.append(person.team_name)
    return teams


def person_details(person: ParticipantRecord, teams: Sequence[str]) -> str:
    """ "Team", or "Team, representing Other" for a member attending for another team."""
    details = [person.team_name] if person.team_name else []
    if person.representative:
        others = [t for t in teams if t != person.team_name]
        details.append(
            f"representing {others[0]}" if len(others) == 1 else "representing the other team"
        )
    return ", ".join(details)


def _person(person: ParticipantRecord, teams: Sequence[str]) -> str:
    details = person_details(person, teams)
    return f"{person.name} ({details})" if details else person.name


def _time_line(item: Any) -> str:
    parts = []
    if item.owner_name:
        parts.append(f"Owner: {item.owner_name}")
    if item.kind is not ItemKind.REGULAR:
        parts.append(item.kind.label)
    parts.append(f"Time box {item.box_minutes} min")
    if item.used_seconds > 0:
        used = f"Used {format_minutes_seconds(item.used_seconds)}"
        over = item.used_seconds - item.box_minutes * 60
        if over >= 30:
            used += f" (+{(over + 30) // 60} min over)"
        parts.append(used)
    if item.carried_from:
        parts.append(f"Carried over from {item.carried_from}")
    return " · ".join(parts)


def _paragraphs(text: str) -> list[str]:
    """Notes split into paragraphs at blank lines; single line breaks stay inside."""
    return [chunk for chunk in _BLANK_LINES.split(clean_text(text)) if chunk]


# --------------------------------------------------------------------------- the context


def minutes_html(data: MinutesData) -> str:
    """The minutes as one self-contained HTML document."""
    return render_template(MINUTES_TEMPLATE, **minutes_context(data))


def minutes_context(data: MinutesData) -> dict[str, Any]:
    """What `minutes.html.j2` shows, worked out here so the template only lays it out."""
    meeting = data.meeting
    teams = teams_of(data)
    start = meeting.starts_at
    when = time_of_day(start)
    if meeting.planned_minutes > 0:
        end = start + timedelta(minutes=meeting.planned_minutes)
        when = f"{when}–{time_of_day(end)} ({meeting.planned_minutes} min)"
    title_block = [
        (label, value)
        for label, value in (
            ("Series", meeting.series_name),
            ("Teams", " & ".join(teams)),
            ("Date", long_date(start)),
            ("Time", when),
            ("Place", meeting.place),
            ("Facilitator", meeting.facilitator_name),
            ("Note taker", meeting.note_taker_name),
        )
        if clean_text(value).strip()
    ]
    attendance = [
        {
            "label": label,
            "count": len(people),
            "names": ", ".join(_person(p, teams) for p in people) if people else "nobody recorded",
        }
        for label, people in (
            ("Present", data.present),
            ("Apologies", data.apologies),
            ("Absent", data.absent),
        )
        if people or label == "Present"
    ]
    present = data.present
    return {
        "title": clean_text(meeting.title) or "Meeting minutes",
        "title_block": title_block,
        "attendance": attendance,
        "topic": clean_text(meeting.topic),
        "end_goal": clean_text(meeting.end_goal),
        "previous_approved": meeting.previous_minutes_approved,
        "follow_ups": [
            {
                "action": f.action,
                "origin": short_date(f.action.meeting_date),
                "due": short_date(f.action.due),
                "slipped": f.times_slipped,
                "was": f.status_before.label,
                "now": f.action.status.label,
                "changed": f.status_before is not f.action.status,
                "note": f.review_note,
            }
            for f in data.follow_ups
        ],
        "items": [
            {
                "number": number,
                "title": entry.item.title,
                "time_line": _time_line(entry.item),
                "notes": _paragraphs(entry.item.notes),
                "ideas": entry.ideas,
                "decisions": entry.decisions,
            }
            for number, entry in enumerate(data.items, 1)
        ],
        "plans": list(_plans(data, teams)),
        "present_count": len(present),
        "committed_count": sum(1 for p in present if p.committed_at is not None),
        "commitments": [
            {
                "name": p.name,
                "committed": p.committed_at is not None,
                "at": time_of_day(p.committed_at) if p.committed_at is not None else "",
                "confidence": p.confidence,
                "note": clean_text(p.commitment_note),
            }
            for p in present
        ],
        "parked": [
            {"title": item.title, "details": ", ".join(_parked_details(item))}
            for item in data.parked
        ],
        "sections": [_section(section) for section in data.toolkit],
        "next_meeting": (
            f"{long_date(meeting.next_meeting_at)} at {time_of_day(meeting.next_meeting_at)}"
            if meeting.next_meeting_at is not None
            else ""
        ),
        "closing_notes": _paragraphs(meeting.closing_notes),
        "generated": f"{short_date(data.generated_at)} at {time_of_day(data.generated_at)}",
        "footer": _footer_label(data),
    }


def _plans(data: MinutesData, teams: Sequence[str]) -> Iterable[dict[str, Any]]:
    number = 0
    for plan in data.plans:
        count = len(plan.actions)
        rows = []
        for action in plan.actions:
            number += 1
            rows.append(
                {
                    "number": number,
                    "action": action,
                    "team": action.team_tag.label,
                    "due": short_date(action.due),
                    "status": action.status.label,
                }
            )
        yield {
            "name": plan.participant.name,
            "details": person_details(plan.participant, teams),
            "summary": f" · {count} action{'s' if count != 1 else ''}" if count else "",
            "rows": rows,
        }


def _parked_details(item: Any) -> list[str]:
    details = [f"owner {item.owner_name}"] if item.owner_name else []
    details.append(f"{item.box_minutes} min")
    if item.carried_from:
        details.append(f"first raised in {item.carried_from}")
    return details


def _footer_label(data: MinutesData) -> str:
    title = " ".join(clean_text(data.meeting.title).split())
    when = long_date(data.meeting.starts_at)
    return f"{title} · {when}" if title else when


# --------------------------------------------------------------------------- toolkit sections


def _section(section: DocSection) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "level": 1 if section.level <= 1 else 2,
        "blocks": [block for block in map(_block, section.blocks) if block is not None],
    }


def _block(block: object) -> dict[str, Any] | None:
    if isinstance(block, Paragraph):
        if not (block.label or block.text):
            return None
        return {"kind": "paragraph", "label": block.label, "text": block.text, "muted": block.muted}
    if isinstance(block, Bullets):
        return {"kind": "bullets", "items": [item for item in block.items if item.strip()]}
    if isinstance(block, Table):
        count = len(block.header)
        weights = list(block.weights) if len(block.weights) == count else [1] * count
        total = sum(weights) or count or 1
        return {
            "kind": "table",
            "header": block.header,
            "widths": [round(100 * w / total) for w in weights],
            "rows": [list(row[:count]) + [""] * (count - len(row)) for row in block.rows],
        }
    if isinstance(block, Picture):
        width_cm = min(block.width_cm, PICTURE_MAX_CM)
        return {
            "kind": "picture",
            "src": picture_uri(block.png),
            "width": max(1, round(width_cm * _PX_PER_CM)),
            "caption": block.caption,
        }
    raise TypeError(f"not a document block: {block!r}")


def picture_uri(png: bytes) -> str:
    """A PNG as a ``data:`` URI (the HTML carries its pictures with it)."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
