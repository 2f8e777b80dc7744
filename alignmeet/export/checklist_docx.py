"""The follow-up checklist as a Word document (.docx): every action, grouped by owner.

One section per owner (Heading 2 "Name (Team)", then how many actions and how many are
overdue), one table row per action: a real Word check box (a content control, ticked for
done actions, that people can tick in Word), the action and its milestone, where it was
agreed ("from <meeting>, 29 Sep 2026"), the due date (red and bold with "overdue" when an
open action is late, and "slipped N×" when the due date moved later), the team it serves
and its status. Header rows repeat on every page, the footer says "Page X of Y".

The document is built the way the minutes are (`alignmeet.export.docx_xml`): styles
resolved once, the body written as WordprocessingML text and parsed in one go, every user
string cleaned (`clean_text`) and escaped. The input rows are
`alignmeet.domain.records.ActionRow`s or `ExportLine`s (which read alike). For long
lists the caller hands a `ChecklistContent` whose owners' rows come lazily (the
database streams them, an owner at a time): the document is written into the file as
it is made, and 300,000 actions never sit in memory.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from docx.shared import Pt

from alignmeet.domain.enums import ActionStatus
from alignmeet.domain.labels import label
from alignmeet.domain.records import ActionRow, ExportLine
from alignmeet.domain.rules import action_number, short_date
from alignmeet.export.atomic import atomic_writer
from alignmeet.export.docx_columns import (
    Col,
    action_numbers,
    column_widths,
    every_month,
    status_labels,
)
from alignmeet.export.docx_xml import (
    BOLD,
    GROUP_FILL,
    MUTED,
    MUTED_ITALIC,
    OVERDUE,
    SLIPPED,
    Styles,
    cell,
    data_row,
    document_bytes_with_body,
    header_row,
    one_line,
    open_template,
    page_footer,
    page_setup,
    para,
    resolve_styles,
    run,
    table_pieces,
    tag_document,
    text_width,
    use_calibri,
    write_document_with_body,
)
from alignmeet.export.sanitize import clean_text
from alignmeet.export.wording import action_count
from alignmeet.i18n import N_, _, ngettext

__all__ = [
    "DEFAULT_TITLE",
    "ChecklistContent",
    "OwnerGroup",
    "checklist_content",
    "checklist_document_bytes",
    "owner_key",
    "write_checklist",
    "write_checklist_content",
]

Row = ActionRow | ExportLine


@dataclass(frozen=True)
class OwnerGroup:
    """One owner's section: who, how many actions (and how many overdue), and the rows,
    in the order they are listed (they may be read only as the section is written)."""

    owner_id: int
    name: str
    team: str
    count: int
    overdue: int
    rows: Iterable[Row]


@dataclass(frozen=True)
class ChecklistContent:
    """What the checklist lists: its totals, and the owners' sections in name order."""

    total: int
    owners: int
    overdue: int
    done: int
    team_labels: tuple[str, ...]  # the team tags listed, as shown (for the column's width)
    groups: Iterable[OwnerGroup]
    max_id: int = 0  # the highest action id listed (the width of the "#" column)
    # The due dates listed, each once, with whether it is overdue there (shown in bold): the
    # Due column is as wide as they are. None: not known, so wide enough for any date.
    dues: tuple[tuple[date | None, bool], ...] | None = None
    most_slipped: int | None = None  # the most times a listed due date moved (None: unknown)


# In English; the document shows it in the current language (as any title equal to it).
DEFAULT_TITLE = N_("Follow-up checklist")


# --------------------------------------------------------------------------- public API


def write_checklist(
    rows: Iterable[Row],
    path: Path,
    *,
    title: str = DEFAULT_TITLE,
    generated_at: datetime,
    today: date,
    scope: str = "",
    template: Path | None = None,
) -> Path:
    """Write the checklist to `path` atomically and return `path`.

    `scope` says which actions these are, for the line under the title (e.g. "Open actions
    · Monthly Sales & Marketing sync"); " · generated <date>" is added to it. `today`
    decides what is overdue. Raises `ExportError` (old file kept) when it cannot be written.
    """
    content = checklist_content(rows, today)
    return write_checklist_content(
        content,
        path,
        title=title,
        generated_at=generated_at,
        today=today,
        scope=scope,
        template=template,
    )


def write_checklist_content(
    content: ChecklistContent,
    path: Path,
    *,
    title: str = DEFAULT_TITLE,
    generated_at: datetime,
    today: date,
    scope: str = "",
    template: Path | None = None,
) -> Path:
    """`write_checklist` for content whose rows come lazily: the document is written into
    the file as its sections are made."""
    path = Path(path)
    doc, body = _document(content, title, generated_at, today, scope, template)
    with atomic_writer(path) as handle:
        write_document_with_body(doc, body, handle)
    return path


def checklist_document_bytes(
    rows: Iterable[Row],
    *,
    title: str = DEFAULT_TITLE,
    generated_at: datetime,
    today: date,
    scope: str = "",
    template: Path | None = None,
) -> bytes:
    """The checklist as the bytes of a .docx file."""
    content = checklist_content(rows, today)
    doc, body = _document(content, title, generated_at, today, scope, template)
    return document_bytes_with_body(doc, body)


def _document(
    content: ChecklistContent,
    title: str,
    generated_at: datetime,
    today: date,
    scope: str,
    template: Path | None,
) -> tuple[Any, Iterator[str]]:
    """The document with everything but its body set, and the body's XML (lazy)."""
    title = one_line(title)
    title = _(DEFAULT_TITLE) if title in ("", DEFAULT_TITLE) else title
    doc = open_template(template)
    section = doc.sections[-1]
    if template is None:
        page_setup(section)
        section.left_margin = section.right_margin = Pt(72)
        use_calibri(doc)
    width = text_width(section)
    styles = resolve_styles(doc)
    label = f"{one_line(title, 60)} · {short_date(generated_at)}"
    page_footer(doc, section, label, styles, width)
    _set_properties(doc, title, scope, generated_at)
    body = _body(
        content, styles, width, title=title, scope=scope, generated_at=generated_at, today=today
    )
    tag_document(doc)
    return doc, body


# --------------------------------------------------------------------------- grouping


def _is_overdue(action: Any, today: date) -> bool:
    return action.due is not None and action.due < today and action.status.is_open


def checklist_content(rows: Iterable[Row], today: date) -> ChecklistContent:
    """The checklist of these rows (in memory): totals, and owners' sections in name order,
    each owner's rows in the order given."""
    rows = list(rows)
    groups = _groups(rows)
    return ChecklistContent(
        total=len(rows),
        owners=len(groups),
        overdue=sum(1 for row in rows if _is_overdue(row.action, today)),
        done=sum(1 for row in rows if row.action.status is ActionStatus.DONE),
        team_labels=tuple(sorted({label(row.action.team_tag) for row in rows})),
        max_id=max((row.action.id for row in rows), default=0),
        dues=tuple(sorted({(r.action.due, _is_overdue(r.action, today)) for r in rows}, key=str)),
        most_slipped=max((getattr(r, "times_slipped", 0) or 0 for r in rows), default=0),
        groups=[
            OwnerGroup(
                owner_id=owned[0].action.owner_id,
                name=owned[0].action.owner_name,
                team=owned[0].owner_team,
                count=len(owned),
                overdue=sum(1 for row in owned if _is_overdue(row.action, today)),
                rows=owned,
            )
            for owned in groups
        ],
    )


def _groups(rows: Sequence[Row]) -> list[list[Row]]:
    """Rows by owner, owners in name order; each owner's rows keep the order given."""
    by_owner: dict[int, list[Row]] = {}
    for row in rows:
        by_owner.setdefault(row.action.owner_id, []).append(row)
    return sorted(
        by_owner.values(),
        key=lambda owned: owner_key(owned[0].action.owner_name, owned[0].action.owner_id),
    )


def owner_key(name: str, owner_id: int) -> tuple[str, int]:
    """The order of the owners' sections: by name as shown, any case, then id."""
    return one_line(name).casefold(), owner_id


def _owners(count: int) -> str:
    return ngettext("{n} owner", "{n} owners", count).format(n=count)


def _overdue(count: int) -> str:
    return _("{n} overdue").format(n=count)


# --------------------------------------------------------------------------- the body

# A check box Word can tick: a content control (w14 = Word 2010) showing ☐ or ☒.
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_BOX_FONT = "MS Gothic"  # what Word itself uses for check box content controls
_BOX_RPR = (
    f'<w:rPr><w:rFonts w:ascii="{_BOX_FONT}" w:eastAsia="{_BOX_FONT}" w:hAnsi="{_BOX_FONT}" '
    'w:hint="eastAsia"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>'
)
CHECKED, UNCHECKED = "\u2612", "\u2610"  # ☒ ☐


def _check_box(action_id: int, checked: bool, sdt_id: int) -> str:
    """A run-level check box content control, tagged with the action's id."""
    return (
        f'<w:sdt xmlns:w14="{_W14}"><w:sdtPr>{_BOX_RPR}'
        f'<w:alias w:val="Done"/><w:tag w:val="alignmeet-action-{action_id}"/>'
        f'<w:id w:val="{sdt_id}"/>'
        f'<w14:checkbox><w14:checked w14:val="{1 if checked else 0}"/>'
        f'<w14:checkedState w14:val="2612" w14:font="{_BOX_FONT}"/>'
        f'<w14:uncheckedState w14:val="2610" w14:font="{_BOX_FONT}"/></w14:checkbox>'
        f"</w:sdtPr><w:sdtContent><w:r>{_BOX_RPR}"
        f"<w:t>{CHECKED if checked else UNCHECKED}</w:t></w:r></w:sdtContent></w:sdt>"
    )


_CENTER = '<w:pPr><w:pStyle w:val="{style}"/>{keep}<w:jc w:val="center"/></w:pPr>'
_STRUCK = "<w:rPr><w:strike/></w:rPr>"
_OVERDUE_SMALL = (
    '<w:rPr><w:b/><w:bCs/><w:color w:val="C00000"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
)
_DONE = '<w:rPr><w:color w:val="2E7D32"/></w:rPr>'


def _body(
    content: ChecklistContent,
    s: Styles,
    width: int,
    *,
    title: str,
    scope: str,
    generated_at: datetime,
    today: date,
) -> Iterator[str]:
    """The body's WordprocessingML, piece by piece (one owner's section at a time)."""
    yield para(run(title), s.title)
    generated = _("generated {date}").format(date=short_date(generated_at))
    scope_line = " · ".join(part for part in (one_line(scope), generated) if part)
    yield para(run(scope_line, MUTED), after=40)
    totals = [action_count(content.total), _owners(content.owners)]
    if content.overdue:
        totals.append(_overdue(content.overdue))
    if content.done:
        totals.append(_("{n} done").format(n=content.done))
    yield para(run(" · ".join(totals), MUTED), after=240)
    if not content.total:
        yield para(run(_("No actions match this selection."), MUTED_ITALIC))
        return

    yield para(run(_("Actions by owner")), s.heading1)
    # The owner's name heads each table and is repeated at the top of every page the table
    # runs on (a repeated header row), so a row continued overleaf still says whose it is.
    names = ("#", _("Done"), _("Action"), _("Due"), _("Team"), _("Status"))
    # Every column holds its longest word in the document's own font ("Erledigt",
    # "Gemeinsam", "A-123456"); the action's title takes what is left.
    due = _due_col(names[3], content)
    widths = column_widths(
        width,
        s.font,
        [
            Col(names[0], texts=action_numbers([content.max_id or 1]), least=560),
            Col(names[1], least=640),
            Col(names[2], weight=1, least=1800),
            due,
            Col(names[4], texts=content.team_labels, least=950),
            Col(names[5], texts=status_labels(), least=1150, bold=True, whole=True),
        ],
    )
    tt = s.table_text
    header = header_row(widths, names, tt)
    sdt_ids = itertools.count(1001)
    for group in content.groups:
        name = one_line(group.name) or _("(no owner)")
        team_name = one_line(group.team)
        heading = f"{name} ({team_name})" if team_name else name
        yield para(run(heading), s.heading2)
        count = run(action_count(group.count), MUTED)
        if group.overdue:
            count += run(" · ", MUTED) + run(_overdue(group.overdue), _OVERDUE_SMALL)
        yield para(count, keep_next=True, after=80)
        owner_row = (
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
            + cell(
                sum(widths),
                para(run(heading, BOLD), tt, keep_next=True),
                span=len(widths),
                fill=GROUP_FILL,
            )
            + "</w:tr>"
        )
        last = group.count - 1
        body_rows = (
            # The last two rows keep together: a page never holds an owner's last row alone.
            _action_row(row, widths, tt, today, next(sdt_ids), keep_next=i == last - 1)
            for i, row in enumerate(group.rows)
        )
        yield from table_pieces(
            widths, itertools.chain([owner_row, header], body_rows), style=s.table
        )


def _due_col(header: str, content: ChecklistContent) -> Col:
    """The Due column: each date whole on one line, as wide as the widest date listed (an
    overdue one and "overdue" under it in bold, "slipped 2×" in regular) and its header,
    so the action's title has the rest."""
    if content.dues is None:
        regular, late = [], every_month()
    else:
        regular = [short_date(due) for due, overdue in content.dues if not overdue]
        late = [short_date(due) for due, overdue in content.dues if overdue]
    if content.overdue:
        late.append(_("overdue"))
    slipped = 99 if content.most_slipped is None else content.most_slipped
    if slipped > 0:
        regular.append(_("slipped {times}×").format(times=slipped))
    return Col(header, units=regular, bold_units=late, whole=True)


def _action_row(
    row: Row,
    widths: Sequence[int],
    tt: str,
    today: date,
    sdt_id: int,
    *,
    keep_next: bool = False,
) -> str:
    """One action: check box, title (milestone, origin), due date, team, status."""
    action = row.action
    done = action.status is ActionStatus.DONE
    late = _is_overdue(action, today)
    text = run(action.title, _STRUCK if action.status is ActionStatus.DROPPED else "")
    milestone = one_line(action.milestone)
    if milestone:
        text += run("\n" + _("Milestone: {milestone}").format(milestone=milestone), MUTED)
    origin = _("from {meeting}, {date}").format(
        meeting=one_line(action.meeting_title), date=short_date(action.meeting_date)
    )
    text += run("\n" + origin, MUTED_ITALIC)
    due = run(short_date(action.due), OVERDUE if late else "")
    if late:
        due += run("\n" + _("overdue"), OVERDUE)
    slipped = getattr(row, "times_slipped", 0) or 0
    if slipped > 0:
        due += run("\n" + _("slipped {times}×").format(times=slipped), SLIPPED)
    status = run(label(action.status), _DONE if done else BOLD if late else "")
    center = _CENTER.format(style=tt, keep="<w:keepNext/>" if keep_next else "")
    cells = (
        para(run(action_number(action.id)), tt, keep_next=keep_next),
        f"<w:p>{center}{_check_box(action.id, done, sdt_id)}</w:p>",
        para(text, tt, keep_next=keep_next),
        para(due, tt, keep_next=keep_next),
        para(run(label(action.team_tag)), tt, keep_next=keep_next),
        para(status, tt, keep_next=keep_next),
    )
    return data_row(widths, cells)


# --------------------------------------------------------------------------- properties


def _set_properties(doc: Any, title: str, scope: str, generated_at: datetime) -> None:
    props = doc.core_properties

    def limited(text: str) -> str:  # core properties are limited to 255 characters
        return clean_text(text)[:255]

    props.title = limited(title)
    props.subject = limited(one_line(scope) or _(DEFAULT_TITLE))
    props.author = "AlignMeet"
    props.last_modified_by = "AlignMeet"
    props.comments = ""
    props.keywords = _("follow-ups, actions")
    props.category = _(DEFAULT_TITLE)
    props.created = generated_at
    props.modified = generated_at
    props.revision = 1
