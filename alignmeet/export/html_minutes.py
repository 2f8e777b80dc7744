"""The minutes as HTML, from the Jinja2 template `templates/minutes.html.j2`.

The in-app preview shows this HTML, and printing and "Save as PDF" lay it out; it holds the
same content as the Word minutes (`alignmeet.export.minutes_docx`): title block, attendance,
purpose, review of previous actions, agenda items with ideas and decisions, action plans,
commitments, parked items, the toolkit's sections (pictures embedded as ``data:`` URIs, so
the HTML is one self-contained file) and the next meeting. For a meeting not started yet it
is the agenda, as the Word export writes it: the invited, the purpose, the items at their
planned times, the actions to review, the next meeting and the distribution.

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
from datetime import timedelta
from functools import cache
from typing import TYPE_CHECKING, Any

from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.labels import label
from alignmeet.domain.records import MinutesData, ParticipantRecord
from alignmeet.domain.rules import action_number, short_date
from alignmeet.domain.sections import Bullets, DocSection, Paragraph, Picture, Table
from alignmeet.export.accountability_minutes import minutes_sections as accountability_sections
from alignmeet.export.sanitize import clean_text
from alignmeet.export.wording import (
    AGENDA,
    DRAFT,
    action_count,
    actual_time,
    approval_lines,
    at_time,
    attendance_groups,
    committed_at,
    committed_line,
    decision_numbers,
    distribution,
    document_kind,
    document_title,
    draft_notice,
    invited_label,
    long_date,
    owner_column,
    parked_details,
    person_details,
    person_text,
    planned_items,
    previous_approval,
    quoted,
    record_lines,
    recorded_language,
    signed_line,
    teams_of,
    time_line,
    time_of_day,
    time_span,
)
from alignmeet.i18n import _, language, ngettext, pgettext, speaking

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
    # The templates' words: `{{ _("Due {date}").format(date=due) }}`, `{{ ngettext("{n}
    # action", "{n} actions", n) }}`. Placeholders are `{name}` as everywhere in the
    # catalogue (Jinja's own "newstyle" gettext fills `%(name)s` ones instead). The
    # callables also take `_("Due {date}", date=due)`, but the catalogue's extractor only
    # sees calls without keywords, so the templates use .format(). The text is escaped
    # like any other value.
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_template_gettext, ngettext=_template_ngettext, newstyle=False
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


def _template_gettext(message: str, /, **values: Any) -> str:
    text = _(message)
    return text.format(**values) if values else text


def _template_ngettext(singular: str, plural: str, n: int, /, **values: Any) -> str:
    return ngettext(singular, plural, n).format(n=n, **values)


def _lines(text: str) -> Markup:
    """User text with its line breaks as ``<br>``, everything else escaped."""
    from markupsafe import Markup, escape

    return Markup("<br>").join(escape(line) for line in clean_text(text).split("\n"))


def _paragraphs(text: str) -> list[str]:
    """Notes split into paragraphs at blank lines; single line breaks stay inside."""
    return [chunk for chunk in _BLANK_LINES.split(clean_text(text)) if chunk]


# --------------------------------------------------------------------------- the context


def minutes_html(data: MinutesData) -> str:
    """The minutes as one self-contained HTML document (of record: in its language)."""
    with speaking(recorded_language(data)):
        return render_template(MINUTES_TEMPLATE, **minutes_context(data))


def minutes_context(data: MinutesData) -> dict[str, Any]:
    """What `minutes.html.j2` shows, worked out here so the template only lays it out.

    A meeting not started yet is an agenda (`agenda` is true): the same sections, in the
    same order and words, as the Word agenda (`minutes_docx._agenda_document`) — who is
    invited, the purpose, the items at their planned times, the actions to review, the
    next meeting and who receives it; nothing that only a held meeting records.
    """
    meeting = data.meeting
    teams = teams_of(data)
    agenda = document_kind(data) == AGENDA
    context: dict[str, Any] = {
        "lang": language(),
        "agenda": agenda,
        "owner_column": owner_column(),
        "title": document_title(data),
        "draft": draft_notice(data) if document_kind(data) == DRAFT else "",
        "title_block": _title_block(data, teams),
        "record_lines": record_lines(data, approvals=False),
        "topic": clean_text(meeting.topic),
        "end_goal": clean_text(meeting.end_goal),
        "previous_approved": previous_approval(data),
        "follow_ups": _follow_ups(data),
        "next_meeting": (
            at_time(meeting.next_meeting_at) if meeting.next_meeting_at is not None else ""
        ),
        "generated": _("Generated by AlignMeet on {date} at {time}.").format(
            date=short_date(data.generated_at), time=time_of_day(data.generated_at)
        ),
        "distribution": [
            (label_text, ", ".join(person_text(p, teams) for p in people))
            for label_text, people in distribution(data)
        ],
        "footer": _footer_label(data),
    }
    context.update(_agenda_body(data, teams) if agenda else _minutes_body(data, teams))
    return context


def _agenda_body(data: MinutesData, teams: Sequence[str]) -> dict[str, Any]:
    """What only an agenda shows: the invited and the items at their planned times."""
    invited = data.participants
    return {
        "invited_label": invited_label(len(invited)),
        "invited": ", ".join(person_text(p, teams) for p in invited),
        "planned": [
            {
                "number": item.number,
                "title": item.title,
                "details": item.details,
                "notes": _paragraphs(item.notes),
            }
            for item in planned_items(data)
        ],
    }


def _minutes_body(data: MinutesData, teams: Sequence[str]) -> dict[str, Any]:
    """What only minutes show: attendance, what was said and decided, plans, commitments,
    the toolkit's sections, closing notes and the approval."""
    meeting = data.meeting
    present = data.present
    committed = sum(1 for p in present if p.committed_at is not None)
    numbers = decision_numbers(data)
    return {
        "attendance": _attendance(data, teams),
        "items": _items(data, numbers),
        "all_decisions": _all_decisions(data, numbers),
        "plans": list(_plans(data, teams)),
        "present_count": len(present),
        "committed_count": committed,
        "committed_line": committed_line(committed, len(present)),
        "commitments": _commitments(present),
        "parked": [
            {"title": item.title, "details": ", ".join(parked_details(item))}
            for item in data.parked
        ],
        "sections": [
            _section(section) for section in (*accountability_sections(data), *data.toolkit)
        ],
        "closing_notes": _paragraphs(meeting.closing_notes),
        "approval": approval_lines(data),
        "signed": signed_line(meeting),
    }


def _title_block(data: MinutesData, teams: Sequence[str]) -> list[tuple[str, str]]:
    """The title block's (name, value) lines, those without a value left out."""
    meeting = data.meeting
    start = meeting.starts_at
    agenda = document_kind(data) == AGENDA
    when = time_of_day(start)
    if meeting.planned_minutes > 0:
        end = start + timedelta(minutes=meeting.planned_minutes)
        when = time_span(start, end, meeting.planned_minutes)
    return [
        (name, value)
        for name, value in (
            (_("Series"), meeting.series_name),
            (_("Teams"), " & ".join(teams)),
            (_("Date"), long_date(start)),
            (_("Time") if agenda else _("Planned"), when),
            (pgettext("title block", "Actual"), "" if agenda else actual_time(meeting)),
            (_("Place"), meeting.place),
            (_("Facilitator"), meeting.facilitator_name),
            (_("Note taker"), meeting.note_taker_name),
        )
        if clean_text(value).strip()
    ]


def _attendance(data: MinutesData, teams: Sequence[str]) -> list[dict[str, str]]:
    """Each attendance group with its names (or "nobody recorded")."""
    return [
        {
            "label": group,
            "names": (
                ", ".join(person_text(p, teams) for p in people) if people else _("nobody recorded")
            ),
        }
        for group, people in attendance_groups(data)
    ]


def _follow_ups(data: MinutesData) -> list[dict[str, Any]]:
    """The review of earlier actions: each with where it came from and how it moved."""
    return [
        {
            "number": action_number(f.action.id),
            "action": f.action,
            "origin": short_date(f.action.meeting_date),
            "due": short_date(f.action.due),
            "slipped": f.times_slipped,
            "was": label(f.status_before),
            "now": label(f.action.status),
            "changed": f.status_before is not f.action.status,
            "note": f.review_note,
        }
        for f in data.follow_ups
    ]


def _items(data: MinutesData, numbers: dict[int, int]) -> list[dict[str, Any]]:
    """The agenda items, numbered, with their notes, ideas and numbered decisions."""
    return [
        {
            "number": number,
            "title": entry.item.title,
            "time_line": time_line(entry.item),
            "notes": _paragraphs(entry.item.notes),
            "ideas": entry.ideas,
            "decisions": [{"number": numbers[d.id], "text": d.text} for d in entry.decisions],
        }
        for number, entry in enumerate(data.items, 1)
    ]


def _all_decisions(data: MinutesData, numbers: dict[int, int]) -> list[dict[str, Any]]:
    """Every decision with its number and the item it was taken under."""
    return [
        {
            "number": numbers[d.id],
            "text": d.text,
            "item": f"{index}. {' '.join(clean_text(entry.item.title).split())}",
        }
        for index, entry in enumerate(data.items, 1)
        for d in entry.decisions
    ]


def _commitments(present: Sequence[ParticipantRecord]) -> list[dict[str, Any]]:
    """Each person present: committed or not, when and how confident, their note."""
    return [
        {
            "name": p.name,
            "committed": p.committed_at is not None,
            "at": (
                committed_at(p.committed_at, p.confidence) if p.committed_at is not None else ""
            ),
            "confidence": p.confidence,
            "note": quoted(clean_text(p.commitment_note)) if p.commitment_note else "",
        }
        for p in present
    ]


def _plans(data: MinutesData, teams: Sequence[str]) -> Iterable[dict[str, Any]]:
    for plan in data.plans:
        count = len(plan.actions)
        rows = []
        for action in plan.actions:
            rows.append(
                {
                    "number": action_number(action.id),
                    "action": action,
                    "team": label(action.team_tag),
                    "due": short_date(action.due),
                    "status": label(action.status),
                }
            )
        yield {
            "name": plan.participant.name,
            "details": person_details(plan.participant, teams),
            "summary": f" · {action_count(count)}" if count else "",
            "rows": rows,
        }


def _footer_label(data: MinutesData) -> str:
    title = bidi_safe(" ".join(clean_text(data.meeting.title).split()))
    when = long_date(data.meeting.starts_at)
    kind = {AGENDA: _("Agenda"), DRAFT: _("Draft minutes")}.get(document_kind(data), _("Minutes"))
    return " · ".join(part for part in (kind, title, when) if part)


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
            "alt": block.alt,
        }
    raise TypeError(f"not a document block: {block!r}")


def picture_uri(png: bytes) -> str:
    """A PNG as a ``data:`` URI (the HTML carries its pictures with it)."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")
