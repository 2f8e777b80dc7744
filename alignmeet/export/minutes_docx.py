"""The minutes of a meeting as a Word document (.docx).

Speed matters here (QUALITY.md, "Minutes export"): the style ids are resolved once, and the
whole body is written as WordprocessingML text in one pass and parsed by lxml in one go,
then put into the template's body (see `alignmeet.export.docx_xml`, shared with the
follow-up checklist). Every user string goes through `clean_text` (control characters Word
refuses) and is XML-escaped, so markup such as ``<b>Sam</b>`` or ``{{7*7}}`` shows literally.

The input is an `alignmeet.domain.records.MinutesData`, gathered by the minutes service.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

from docx.shared import Pt

from alignmeet import i18n
from alignmeet.domain.bidi import closing
from alignmeet.domain.labels import label
from alignmeet.domain.records import ActionRecord, MinutesData
from alignmeet.domain.rules import action_number, short_date
from alignmeet.export.accountability_minutes import minutes_sections as accountability_sections
from alignmeet.export.atomic import atomic_write_bytes
from alignmeet.export.docx_columns import (
    Col,
    action_numbers,
    column_widths,
    status_labels,
    team_labels,
)
from alignmeet.export.docx_xml import (
    BOLD,
    CROSS,
    GROUP_FILL,
    ITALIC,
    LABEL,
    MUTED,
    MUTED_ITALIC,
    NO_BORDERS,
    NO_RPR,
    SLIPPED,
    TICK,
    Styles,
    cell,
    data_row,
    document_bytes,
    fill_body,
    header_row,
    one_line,
    open_template,
    page_footer,
    page_setup,
    para,
    resolve_styles,
    run,
    table,
    tag_document,
    text_width,
    use_calibri,
)
from alignmeet.export.sanitize import clean_text
from alignmeet.export.sections_docx import sections_xml
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
from alignmeet.i18n import _, pgettext, speaking

__all__ = ["minutes_document_bytes", "write_minutes"]

_BLANK_LINES = re.compile(r"\n{2,}")
_DRAFT_MARK = '<w:rPr><w:b/><w:bCs/><w:color w:val="C00000"/></w:rPr>'


# --------------------------------------------------------------------------- public API


def write_minutes(data: MinutesData, path: Path, *, template: Path | None = None) -> Path:
    """Write the minutes to `path` atomically and return `path`.

    `template` is an optional company .docx (or .dotx) whose styles, page set-up, header
    and footer are used; its body text is dropped. Raises `ExportError` (with a message
    for the user) when the template cannot be read or the file cannot be written; an
    existing file at `path` is then left as it was.
    """
    path = Path(path)
    atomic_write_bytes(path, minutes_document_bytes(data, template=template))
    return path


def minutes_document_bytes(data: MinutesData, *, template: Path | None = None) -> bytes:
    """The minutes as the bytes of a .docx file (of record: in the language they were
    closed in, whatever the window speaks now)."""
    with speaking(recorded_language(data)):
        return _document_bytes(data, template)


def _document_bytes(data: MinutesData, template: Path | None) -> bytes:
    doc = open_template(template)
    section = doc.sections[-1]
    if template is None:
        page_setup(section)
        # python-docx's own template has 1.25" side margins; 1" leaves room for the tables.
        section.left_margin = section.right_margin = Pt(72)
        use_calibri(doc)
    width = text_width(section)
    styles = resolve_styles(doc)
    doc = fill_body(doc, "".join(_body(data, styles, width, doc)))
    section = doc.sections[-1]
    page_footer(doc, section, _footer_label(data), styles, width)
    _set_properties(doc, data)
    tag_document(doc)
    return document_bytes(doc)


def _note_paragraphs(text: str) -> list[str]:
    """Notes split into paragraphs at blank lines; single line breaks stay inside."""
    return [chunk for chunk in _BLANK_LINES.split(clean_text(text)) if chunk]


# --------------------------------------------------------------------------- the body


def _body(data: MinutesData, s: Styles, width: int, doc: Any) -> list[str]:
    kind = document_kind(data)
    teams = teams_of(data)
    out: list[str] = [para(run(document_title(data)), s.title)]
    if kind == DRAFT:
        out.append(para(run(draft_notice(data), _DRAFT_MARK), keep_next=True, after=120))
    out.append(_title_block(data, teams, width, s))
    # Which revision of record this is (as closed on ...) and its revisions; the approvals
    # have their own block at the end.
    for line in record_lines(data, approvals=False):
        out.append(para(run(line, MUTED_ITALIC), after=60))
    if kind == AGENDA:
        out.extend(_agenda_document(data, s, width, teams))
        return out

    out.append(para(run(_("Attendance")), s.heading1))
    for group, people in attendance_groups(data):
        names = ", ".join(person_text(p, teams) for p in people) if people else _("nobody recorded")
        out.append(para(run(group, LABEL) + run(names), after=80))
    out.extend(_purpose(data, s))

    if data.follow_ups:
        out.append(para(run(_("Review of previous actions")), s.heading1))
        out.append(_review_table(data, s, width))

    numbers = decision_numbers(data)
    out.append(para(run(_("Agenda")), s.heading1))
    if not data.items:
        out.append(para(run(_("No agenda items were discussed."), MUTED_ITALIC)))
    for number, entry in enumerate(data.items, 1):
        out.extend(_agenda_item(number, entry, s, numbers))

    out.append(para(run(_("Decisions")), s.heading1))
    out.extend(_decisions(data, s, width, numbers))

    out.append(para(run(_("Action plans")), s.heading1))
    if data.plans:
        out.append(_actions_table(data, s, width, teams))
    else:
        out.append(para(run(_("No action plans were recorded."), MUTED_ITALIC)))

    out.append(para(run(_("Commitments")), s.heading1))
    out.extend(_commitments(data))

    if data.parked:
        out.append(para(run(_("Parked for the next meeting")), s.heading1))
        for item in data.parked:
            details = ", ".join(parked_details(item))
            out.append(para(run(item.title) + run(f" ({details})", MUTED), s.bullet))

    out.extend(sections_xml(doc, (*accountability_sections(data), *data.toolkit), s, width))

    out.append(para(run(_("Next meeting")), s.heading1))
    meeting = data.meeting
    if meeting.next_meeting_at is not None:
        out.append(para(run(at_time(meeting.next_meeting_at))))
    else:
        out.append(para(run(_("Not set yet."))))
    closing = _note_paragraphs(meeting.closing_notes)
    if closing:
        out.append(para(run(_("Closing notes"), LABEL), keep_next=True, after=40))
        out.extend(para(run(chunk)) for chunk in closing)

    out.extend(_approval_and_distribution(data, s, teams))
    out.append(_generated(data))
    return out


def _purpose(data: MinutesData, s: Styles) -> list[str]:
    meeting = data.meeting
    topic, end_goal = clean_text(meeting.topic), clean_text(meeting.end_goal)
    approval = previous_approval(data)
    if not (topic or end_goal or approval):
        return []
    out = [para(run(_("Purpose")), s.heading1)]
    if topic:
        out.append(para(run(_("Topic: "), LABEL) + run(topic), after=80))
    if end_goal:
        out.append(para(run(_("End goal: "), LABEL) + run(end_goal), after=80))
    if approval:
        out.append(para(run(approval), after=80))
    return out


def _generated(data: MinutesData) -> str:
    generated = data.generated_at
    text = _("Generated by AlignMeet on {date} at {time}.").format(
        date=short_date(generated), time=time_of_day(generated)
    )
    return para(run(text, MUTED_ITALIC), before=240)


def _approval_and_distribution(data: MinutesData, s: Styles, teams: Sequence[str]) -> list[str]:
    """The approval block (who approved which revision, or when they are due for it, and
    who took them) and the distribution list."""
    meeting = data.meeting
    out = [para(run(_("Approval")), s.heading1)]
    for line in approval_lines(data):
        out.append(para(run(line), after=60))
    signed = signed_line(meeting)
    if signed:
        out.append(para(run(signed, MUTED), after=60))
    groups = distribution(data)
    if groups:
        out.append(para(run(_("Distribution")), s.heading1))
        for label_text, people in groups:
            names = ", ".join(person_text(p, teams) for p in people)
            out.append(para(run(label_text, LABEL) + run(names), after=60))
    return out


def _agenda_document(data: MinutesData, s: Styles, width: int, teams: Sequence[str]) -> list[str]:
    """A meeting not started yet: who is invited, the purpose, the actions to review and
    the agenda with each item's planned time."""
    out = [para(run(_("Invited")), s.heading1)]
    if data.participants:
        names = ", ".join(person_text(p, teams) for p in data.participants)
        out.append(para(run(invited_label(len(data.participants)), LABEL) + run(names)))
    else:
        out.append(para(run(_("Nobody is invited yet."), MUTED_ITALIC)))
    out.extend(_purpose(data, s))
    out.append(para(run(_("Agenda")), s.heading1))
    if not data.items:
        out.append(para(run(_("No agenda items yet."), MUTED_ITALIC)))
    for item in planned_items(data):
        out.append(para(run(f"{item.number}. {item.title}"), s.heading2))
        out.append(para(run(item.details, MUTED), after=100))
        out.extend(para(run(chunk)) for chunk in _note_paragraphs(item.notes))
    if data.follow_ups:  # after the agenda: the review can run to pages
        out.append(para(run(_("Actions to review")), s.heading1))
        out.append(_to_review_table(data, s, width))
    out.append(para(run(_("Next meeting")), s.heading1))
    if data.meeting.next_meeting_at is not None:
        out.append(para(run(at_time(data.meeting.next_meeting_at))))
    else:
        out.append(para(run(_("Not set yet."))))
    groups = distribution(data)
    if groups:
        out.append(para(run(_("Distribution")), s.heading1))
        for label_text, people in groups:
            names = ", ".join(person_text(p, teams) for p in people)
            out.append(para(run(label_text, LABEL) + run(names), after=60))
    out.append(_generated(data))
    return out


def _title_block(data: MinutesData, teams: Sequence[str], width: int, s: Styles) -> str:
    meeting = data.meeting
    start = meeting.starts_at
    time = time_of_day(start)
    if meeting.planned_minutes > 0:
        end = start + timedelta(minutes=meeting.planned_minutes)
        time = time_span(start, end, meeting.planned_minutes)
    agenda = document_kind(data) == AGENDA
    rows = [
        (_("Series"), meeting.series_name),
        (_("Teams"), " & ".join(teams)),
        (_("Date"), long_date(start)),
        (_("Time") if agenda else _("Planned"), time),
        (pgettext("title block", "Actual"), "" if agenda else actual_time(meeting)),
        (_("Place"), meeting.place),
        (_("Facilitator"), meeting.facilitator_name),
        (_("Note taker"), meeting.note_taker_name),
    ]
    names = [name for name, value in rows if clean_text(value).strip()]
    # Set in the body's font (no table style), the labels bold.
    labels = Col(texts=names, least=1700, bold=True)
    widths = column_widths(width, s.body_font, [labels, Col(weight=1)])
    body = []
    for name, value in rows:
        if not clean_text(value).strip():
            continue
        body.append(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + cell(widths[0], para(run(name, LABEL), after=20))
            + cell(widths[1], para(run(value), after=20))
            + "</w:tr>"
        )
    return table(
        widths,
        body,
        style=None,
        borders=NO_BORDERS,
        look='<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
        cell_margins='<w:tblCellMar><w:left w:w="0" w:type="dxa"/></w:tblCellMar>',
    )


def _title_runs(action: ActionRecord) -> str:
    """An action's title, with its milestone on a quieter second line."""
    title = run(action.title)
    if action.milestone:
        title += run("\n" + _("Milestone: {milestone}").format(milestone=action.milestone), MUTED)
    return title


def _reviewed_action_cols(data: MinutesData, *, action_weight: int, owner_least: int) -> list[Col]:
    """The columns a review of earlier actions and an agenda's actions to review share:
    number, action, owner, the meeting that agreed it, due (with its slips)."""
    reviews = data.follow_ups
    return [
        _number_col(f.action for f in reviews),
        Col(_("Action"), weight=action_weight, least=1800),
        Col(owner_column(), texts=[f.action.owner_name for f in reviews], least=owner_least),
        Col(_("From"), units=_dates(f.action.meeting_date for f in reviews), whole=True),
        Col(
            _("Due"), units=_dates(f.action.due for f in reviews), texts=_slips(reviews), whole=True
        ),
    ]


def _review_table(data: MinutesData, s: Styles, width: int) -> str:
    # "From" is the date of the meeting that agreed the action: all of them belong
    # to this series, so repeating its title on every row only made rows taller.
    reviews = data.follow_ups
    widths = column_widths(
        width,
        s.font,
        [
            *_reviewed_action_cols(data, action_weight=3, owner_least=1150),
            Col(_("Was"), texts=_labels(f.status_before for f in reviews), whole=True),
            Col(_("Now"), texts=_labels(f.action.status for f in reviews), bold=True, whole=True),
            # A short note ("Waiting on product input."): readable first, wider only once
            # the dates, statuses and names are whole.
            Col(_("Note"), weight=1),
        ],
    )
    tt = s.table_text
    header = (
        "#",
        _("Action"),
        owner_column(),
        _("From"),
        _("Due"),
        _("Was"),
        _("Now"),
        _("Note"),
    )
    rows = [header_row(widths, header, tt)]
    for follow_up in data.follow_ups:
        action = follow_up.action
        changed = follow_up.status_before is not action.status
        title = _title_runs(action)
        rows.append(
            data_row(
                widths,
                (
                    para(run(action_number(action.id)), tt),
                    para(title, tt),
                    para(run(action.owner_name), tt),
                    para(run(short_date(action.meeting_date)), tt),
                    para(_due_and_slips(action.due, follow_up), tt),
                    para(run(label(follow_up.status_before)), tt),
                    para(run(label(action.status), BOLD if changed else NO_RPR), tt),
                    para(run(follow_up.review_note), tt),
                ),
            )
        )
    return table(widths, rows, style=s.table)


def _dates(values: Iterable[Any]) -> list[str]:
    """The dates as the table's cells show them (each once): what its column must hold."""
    return sorted({short_date(value) for value in values})


def _labels(values: Iterable[Any]) -> list[str]:
    """The statuses or teams as the table's cells show them (each once)."""
    return sorted({label(value) for value in values})


def _slips(follow_ups: Sequence[Any]) -> list[str]:
    """The "slipped N×" lines under the due dates (see `_due_and_slips`)."""
    times = {getattr(f, "times_slipped", 0) or 0 for f in follow_ups}
    return [_("slipped {times}×").format(times=n) for n in times if n > 0]


def _due_and_slips(due: Any, follow_up: Any) -> str:
    """The due date, and "slipped N×" under it when the due date has moved later.

    `times_slipped` is optional on the review records (read with getattr, 0 when absent):
    the services fill it in where they know how often the due date moved.
    """
    runs = run(short_date(due))
    slipped = getattr(follow_up, "times_slipped", 0) or 0
    if slipped > 0:
        runs += run("\n" + _("slipped {times}×").format(times=slipped), SLIPPED)
    return runs


def _agenda_item(number: int, entry: Any, s: Styles, numbers: dict[int, int]) -> list[str]:
    item = entry.item
    out = [
        para(run(f"{number}. {item.title}"), s.heading2),
        para(run(time_line(item), MUTED), keep_next=True, after=100),
    ]
    notes = _note_paragraphs(item.notes)
    out.extend(para(run(chunk)) for chunk in notes)
    if entry.ideas:
        out.append(para(run(_("Ideas"), LABEL), keep_next=True, after=40))
        for idea in entry.ideas:
            author = run(f" — {idea.author_name}", ITALIC) if idea.author_name else ""
            # closed: an override typed into the idea cannot reverse the name after it
            out.append(para(run(idea.text + closing(idea.text)) + author, s.bullet))
    if entry.decisions:
        out.append(para(run(_("Decisions"), LABEL), keep_next=True, before=80, after=40))
        for decision in entry.decisions:
            mark = _("Decision {number}: ").format(number=numbers[decision.id])
            out.append(para(run(mark, BOLD) + run(decision.text), s.bullet))
    if not (notes or entry.ideas or entry.decisions):
        out.append(para(run(_("No notes recorded."), MUTED_ITALIC)))
    return out


def _number_col(actions: Any) -> Col:
    """The "#" column: the longest action number ("A-123456") on one line."""
    return Col("#", texts=action_numbers(a.id for a in actions), least=560)


def _actions_table(data: MinutesData, s: Styles, width: int, teams: Sequence[str]) -> str:
    # The owner is the group row above each member's actions: no owner column.
    widths = column_widths(
        width,
        s.font,
        [
            _number_col(a for plan in data.plans for a in plan.actions),
            Col(_("Action"), weight=1, least=1800),
            # Every team and status, whatever this meeting's actions say: the table has
            # room, and its columns look the same in every meeting's minutes.
            Col(_("Team"), texts=team_labels(), least=1100),
            # As wide as the dates it shows (whole, never "7 Dec / 2026"): the rest is the
            # action's.
            Col(_("Due"), units=_dates(a.due for plan in data.plans for a in plan.actions)),
            Col(_("Status"), texts=status_labels(), least=1200, whole=True),
        ],
    )
    tt = s.table_text
    header = ("#", _("Action"), _("Team"), _("Due"), _("Status"))
    rows = [header_row(widths, header, tt)]
    span = len(widths)
    for plan in data.plans:
        person = plan.participant
        count = len(plan.actions)
        summary = f" · {action_count(count)}" if count else ""
        group = run(person.name, BOLD)
        details = person_details(person, teams)
        if details:
            group += run(f" ({details})")
        group += run(summary, MUTED)
        rows.append(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + cell(width, para(group, tt, keep_next=True), span=span, fill=GROUP_FILL)
            + "</w:tr>"
        )
        if not plan.actions:
            rows.append(
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + cell(width, para(run(_("No actions recorded."), MUTED_ITALIC), tt), span=span)
                + "</w:tr>"
            )
        for action in plan.actions:
            rows.append(
                data_row(
                    widths,
                    (
                        para(run(action_number(action.id)), tt),
                        para(_title_runs(action), tt),
                        para(run(label(action.team_tag)), tt),
                        para(run(short_date(action.due)), tt),
                        para(run(label(action.status)), tt),
                    ),
                )
            )
    return table(widths, rows, style=s.table)


def _to_review_table(data: MinutesData, s: Styles, width: int) -> str:
    """An agenda's actions to review: where each stands before the meeting."""
    reviews = data.follow_ups
    widths = column_widths(
        width,
        s.font,
        [
            *_reviewed_action_cols(data, action_weight=1, owner_least=1500),
            Col(_("Status"), texts=_labels(f.action.status for f in reviews), whole=True),
        ],
    )
    tt = s.table_text
    header = ("#", _("Action"), owner_column(), _("From"), _("Due"), _("Status"))
    rows = [header_row(widths, header, tt)]
    for follow_up in data.follow_ups:
        action = follow_up.action
        rows.append(
            data_row(
                widths,
                (
                    para(run(action_number(action.id)), tt),
                    para(_title_runs(action), tt),
                    para(run(action.owner_name), tt),
                    para(run(short_date(action.meeting_date)), tt),
                    para(_due_and_slips(action.due, follow_up), tt),
                    para(run(label(action.status)), tt),
                ),
            )
        )
    return table(widths, rows, style=s.table)


def _decisions(data: MinutesData, s: Styles, width: int, numbers: dict[int, int]) -> list[str]:
    """Every decision of the meeting in one numbered table, with the item it was taken on."""
    if not numbers:
        return [para(run(_("No decisions were recorded."), MUTED_ITALIC))]
    tt = s.table_text
    widths = column_widths(
        width,
        s.font,
        [
            Col("#", texts=[str(len(numbers))], least=480),
            Col(_("Decision"), weight=1, least=1800),
            Col(_("Agenda item"), least=2600),
        ],
    )
    rows = [header_row(widths, ("#", _("Decision"), _("Agenda item")), tt)]
    for index, entry in enumerate(data.items, 1):
        for decision in entry.decisions:
            rows.append(
                data_row(
                    widths,
                    (
                        para(run(str(numbers[decision.id])), tt),
                        para(run(decision.text), tt),
                        para(run(f"{index}. {one_line(entry.item.title)}"), tt),
                    ),
                )
            )
    return [table(widths, rows, style=s.table)]


def _commitments(data: MinutesData) -> list[str]:
    present = data.present
    if not present:
        return [para(run(_("No members were recorded as present."), MUTED_ITALIC))]
    committed = sum(1 for p in present if p.committed_at is not None)
    out = [para(run(committed_line(committed, len(present)), MUTED), after=120)]
    for person in present:
        if person.committed_at is not None:
            text = " — " + committed_at(person.committed_at, person.confidence)
            runs = run("✔ ", TICK) + run(person.name, BOLD) + run(text)
        else:
            text = " — " + _("has not committed")
            runs = run("✘ ", CROSS) + run(person.name, BOLD) + run(text)
        note = clean_text(person.commitment_note)
        if note:
            runs += run(" — " + quoted(note + closing(note)), ITALIC)
        out.append(para(runs, after=60))
    return out


# --------------------------------------------------------------------------- footer, properties


def _footer_label(data: MinutesData) -> str:
    """ "Minutes · Title · date" for the footer's left side (Agenda, Draft minutes)."""
    meeting = data.meeting
    kind = {AGENDA: _("Agenda"), DRAFT: _("Draft minutes")}.get(document_kind(data), _("Minutes"))
    title = one_line(meeting.title, 70)
    when = long_date(meeting.starts_at)
    return " · ".join(part for part in (kind, title, when) if part)


def _set_properties(doc: Any, data: MinutesData) -> None:
    props = doc.core_properties
    meeting = data.meeting

    def limited(text: str) -> str:  # core properties are limited to 255 characters
        return clean_text(text)[:255]

    props.title = limited(document_title(data))
    agenda = document_kind(data) == AGENDA
    if meeting.series_name:
        subject = (_("Agenda — {series}") if agenda else _("Minutes — {series}")).format(
            series=meeting.series_name
        )
    else:
        subject = _("Agenda") if agenda else _("Minutes")
    props.subject = limited(subject)
    props.language = i18n.document_language()
    props.author = limited(meeting.note_taker_name or meeting.facilitator_name or "AlignMeet")
    props.last_modified_by = "AlignMeet"
    props.comments = ""
    props.keywords = _("minutes")
    props.category = _("Meeting agenda") if agenda else _("Meeting minutes")
    props.created = data.generated_at
    props.modified = data.generated_at
    props.revision = data.stamp.revision if data.stamp and data.stamp.revision else 1
