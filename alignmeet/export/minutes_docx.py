"""The minutes of a meeting as a Word document (.docx).

Speed matters here (QUALITY.md, "Minutes export"): python-docx used the obvious way
(`add_paragraph(text, style="List Bullet")`, `table.add_row()`, `cell.text = ...`) spends
about 1 ms per action row, mostly resolving style names and building cells one call at a
time. So the style ids are resolved once, and the whole body is written as WordprocessingML
text in one pass and parsed by lxml in one go, then put into the template's body. Every
user string goes through `clean_text` (control characters Word refuses) and is
XML-escaped, so markup such as ``<b>Sam</b>`` or ``{{7*7}}`` shows literally.

The input is an `alignmeet.services.records.MinutesData`. It is not imported here: the
layers contract puts `alignmeet.export` below `alignmeet.services`, so the module relies
only on the attributes it reads (see `MinutesInput`).
"""

from __future__ import annotations

import re
import secrets
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any, Protocol
from xml.sax.saxutils import escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.shared import Pt
from lxml import etree

from alignmeet.domain.enums import ItemKind
from alignmeet.domain.rules import format_minutes_seconds, short_date
from alignmeet.export import ExportError
from alignmeet.export.atomic import atomic_write_bytes
from alignmeet.export.sanitize import clean_text

__all__ = ["MinutesInput", "minutes_document_bytes", "write_minutes"]


class MinutesInput(Protocol):
    """What the export reads: the shape of `alignmeet.services.records.MinutesData`."""

    @property
    def meeting(self) -> Any: ...
    @property
    def participants(self) -> Sequence[Any]: ...
    @property
    def follow_ups(self) -> Sequence[Any]: ...
    @property
    def items(self) -> Sequence[Any]: ...
    @property
    def parked(self) -> Sequence[Any]: ...
    @property
    def plans(self) -> Sequence[Any]: ...
    @property
    def generated_at(self) -> datetime: ...
    @property
    def present(self) -> Sequence[Any]: ...
    @property
    def apologies(self) -> Sequence[Any]: ...
    @property
    def absent(self) -> Sequence[Any]: ...


# --------------------------------------------------------------------------- public API


def write_minutes(data: MinutesInput, path: Path, *, template: Path | None = None) -> Path:
    """Write the minutes to `path` atomically and return `path`.

    `template` is an optional company .docx (or .dotx) whose styles, page set-up, header
    and footer are used; its body text is dropped. Raises `ExportError` (with a message
    for the user) when the template cannot be read or the file cannot be written; an
    existing file at `path` is then left as it was.
    """
    path = Path(path)
    atomic_write_bytes(path, minutes_document_bytes(data, template=template))
    return path


def minutes_document_bytes(data: MinutesInput, *, template: Path | None = None) -> bytes:
    """The minutes as the bytes of a .docx file."""
    doc = _open_template(template)
    section = doc.sections[-1]
    if template is None:
        # python-docx's own template has 1.25" side margins; 1" leaves room for the tables.
        section.left_margin = section.right_margin = Pt(72)
        _use_calibri(doc)
    width = _text_width(section)
    styles = _resolve_styles(doc)
    doc = _fill_body(doc, "".join(_body(data, styles, width)))
    section = doc.sections[-1]
    _write_footer(doc, section, data, styles, width)
    _set_properties(doc, data)
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def _fill_body(doc: Any, content: str) -> Any:
    """Replace the template's body text by `content` (WordprocessingML, "w:" prefix).

    Moving ~100,000 parsed elements into the template's tree costs lxml about 0.25 s
    (namespace fix-up per node), more than building the whole document. So the template's
    document.xml is serialised with a marker where the body goes, the marker replaced by
    `content`, and the result parsed once. Returns the Document over the new XML.
    """
    root = doc.element
    body = root.body
    sect_pr = body[-1] if len(body) and body[-1].tag == qn("w:sectPr") else None
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)

    marker = etree.ProcessingInstruction("alignmeet-body", secrets.token_hex(8))
    if sect_pr is not None:
        sect_pr.addprevious(marker)
    else:
        body.append(marker)
    part = doc.part
    text = etree.tostring(root, encoding=str)
    token = etree.tostring(marker, encoding=str)
    if body.prefix == "w" and text.count(token) == 1 and hasattr(part, "_element"):
        part._element = parse_xml(text.replace(token, content))
        return part.document
    # A template that names the WordprocessingML namespace differently: move the elements.
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{content}</w:body>")
    at = body.index(marker)
    body.remove(marker)
    body[at:at] = list(fragment)
    return doc


# --------------------------------------------------------------------------- template


_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_DOTX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def _open_template(template: Path | None) -> Any:
    if template is None:
        return docx.Document()
    template = Path(template)
    try:
        raw = template.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ExportError(
            f"The Word template {template} cannot be read ({reason}). "
            "Choose another template, or export without one.",
            path=template,
        ) from exc
    try:
        return docx.Document(BytesIO(_as_docx(raw)))
    except Exception as exc:  # python-docx raises many kinds on a file that is not .docx
        raise ExportError(
            f"The Word template {template} is not a Word document (.docx or .dotx). "
            "Choose another template, or export without one.",
            path=template,
        ) from exc


def _as_docx(raw: bytes) -> bytes:
    """A Word template (.dotx) differs from a .docx only by one content type: swap it."""
    try:
        with zipfile.ZipFile(BytesIO(raw)) as src:
            types = src.read("[Content_Types].xml")
            if _DOTX_MAIN.encode() not in types:
                return raw
            out = BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in src.infolist():
                    content = src.read(info)
                    if info.filename == "[Content_Types].xml":
                        content = content.replace(_DOTX_MAIN.encode(), _DOCX_MAIN.encode())
                    dst.writestr(info, content)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return raw  # python-docx reports it


def _use_calibri(doc: Any) -> None:
    """python-docx's template sets body text in Cambria and headings in Calibri; use Calibri
    throughout, as Word's own default does (complex scripts keep the theme's font)."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    fonts = (
        None
        if defaults is None
        else defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    )
    if fonts is None:
        return
    for theme_attr, attr in (("w:asciiTheme", "w:ascii"), ("w:hAnsiTheme", "w:hAnsi")):
        fonts.attrib.pop(qn(theme_attr), None)
        fonts.set(qn(attr), "Calibri")


def _text_width(section: Any) -> int:
    """Width between the margins, in twentieths of a point (the unit tables use)."""
    try:
        width = int((section.page_width - section.left_margin - section.right_margin) / 635)
    except TypeError:  # a template without page size or margins
        return 9360
    return width if width > 2000 else 9360


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class _Styles:
    title: str
    heading1: str
    heading2: str
    bullet: str
    table_text: str
    footer: str | None
    table: str | None  # None: no table style in the template; borders are set directly


def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def _resolve_styles(doc: Any) -> _Styles:
    """Find each style's id once, adding the few the template lacks."""
    styles_el = doc.styles.element
    by_name: dict[tuple[str, str], str] = {}
    for style in styles_el.iterchildren(qn("w:style")):
        name_el = style.find(qn("w:name"))
        style_id = style.get(qn("w:styleId"))
        if name_el is None or not style_id:
            continue
        key = (style.get(qn("w:type")) or "paragraph", (name_el.get(qn("w:val")) or "").lower())
        by_name.setdefault(key, style_id)

    def find(name: str, kind: str = "paragraph") -> str | None:
        return by_name.get((kind, name.lower()))

    def para(name: str, make: Any) -> str:
        found = find(name)
        if found is None:
            found = make(doc, name)
            by_name[("paragraph", name.lower())] = found
        return _attr(found)

    table = find("Light Grid Accent 1", "table") or find("Table Grid", "table")
    footer = find("footer")
    return _Styles(
        title=para("Title", _make_title),
        heading1=para("Heading 1", _make_heading),
        heading2=para("Heading 2", _make_heading),
        bullet=para("List Bullet", _make_bullet),
        table_text=para("Table Text", _make_table_text),
        footer=_attr(footer) if footer else None,
        table=_attr(table) if table else None,
    )


def _add_paragraph_style(doc: Any, name: str) -> Any:
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.next_paragraph_style = doc.styles["Normal"]
    style.quick_style = True
    return style


def _make_title(doc: Any, name: str) -> str:
    style = _add_paragraph_style(doc, name)
    style.font.size = Pt(24)
    style.paragraph_format.space_after = Pt(12)
    return style.style_id


def _make_heading(doc: Any, name: str) -> str:
    level = int(name[-1])
    style = _add_paragraph_style(doc, name)
    style.font.bold = True
    style.font.size = Pt(15 if level == 1 else 12.5)
    fmt = style.paragraph_format
    fmt.space_before = Pt(18 if level == 1 else 12)
    fmt.space_after = Pt(6 if level == 1 else 3)
    fmt.keep_with_next = True
    fmt.keep_together = True
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{level - 1}"/>')
    )
    return style.style_id


def _make_table_text(doc: Any, name: str) -> str:
    style = _add_paragraph_style(doc, name)
    style.quick_style = False
    style.font.size = Pt(9)
    fmt = style.paragraph_format
    fmt.space_before = Pt(1)
    fmt.space_after = Pt(1)
    fmt.line_spacing = 1.0
    return style.style_id


def _numbering(doc: Any) -> Any:
    """The <w:numbering> element, adding a numbering part if the template has none
    (python-docx's own `numbering_part` cannot create one)."""
    part = doc.part
    try:
        return part.part_related_by(RT.NUMBERING).element
    except KeyError:
        pass
    taken = {str(p.partname) for p in part.package.iter_parts()}
    name = next(
        f"/word/numbering{n or ''}.xml"
        for n in range(100)
        if f"/word/numbering{n or ''}.xml" not in taken
    )
    element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
    numbering = NumberingPart(PackURI(name), CT.WML_NUMBERING, element, part.package)
    part.relate_to(numbering, RT.NUMBERING)
    return element


def _make_bullet(doc: Any, name: str) -> str:
    """A "List Bullet" style with real bullets: a numbering definition of its own."""
    numbering = _numbering(doc)
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.iter(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.iter(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        '<w:lvlText w:val="\u2022"/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    style = _add_paragraph_style(doc, name)
    style.next_paragraph_style = style
    style.paragraph_format.space_after = Pt(2)
    ppr = style.element.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{num_id}"/></w:numPr>'))
    return style.style_id


# --------------------------------------------------------------------------- XML pieces

_TEXT_SPLIT = re.compile(r"([\n\t])")
_BLANK_LINES = re.compile(r"\n{2,}")

_NO_RPR = ""
_BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"
_ITALIC = "<w:rPr><w:i/><w:iCs/></w:rPr>"
_MUTED = '<w:rPr><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
_MUTED_ITALIC = (
    '<w:rPr><w:i/><w:iCs/><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
)
_LABEL = '<w:rPr><w:b/><w:bCs/><w:color w:val="404040"/></w:rPr>'
_TICK = '<w:rPr><w:b/><w:bCs/><w:color w:val="2E7D32"/></w:rPr>'
_CROSS = '<w:rPr><w:b/><w:bCs/><w:color w:val="C62828"/></w:rPr>'
_GROUP_FILL = '<w:shd w:val="clear" w:color="auto" w:fill="DBE5F1"/>'


def _r(text: str, rpr: str = _NO_RPR) -> str:
    """One run of user text: cleaned, escaped, line breaks as <w:br/>, tabs as <w:tab/>."""
    text = clean_text(text)
    if not text:
        return ""
    if "\n" not in text and "\t" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    pieces = []
    for piece in _TEXT_SPLIT.split(text):
        if piece == "\n":
            pieces.append("<w:br/>")
        elif piece == "\t":
            pieces.append("<w:tab/>")
        elif piece:
            pieces.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


def _p(
    runs: str,
    style: str | None = None,
    *,
    keep_next: bool = False,
    before: int | None = None,
    after: int | None = None,
) -> str:
    """A paragraph; `before`/`after` are spacing in twentieths of a point."""
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if keep_next:
        ppr += "<w:keepNext/>"
    if before is not None or after is not None:
        ppr += "<w:spacing"
        if before is not None:
            ppr += f' w:before="{before}"'
        if after is not None:
            ppr += f' w:after="{after}"'
        ppr += "/>"
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>" if ppr else f"<w:p>{runs}</w:p>"


def _tc(width: int, content: str, *, span: int = 1, fill: str = "") -> str:
    """A table cell; `content` is its paragraph(s)."""
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{fill}</w:tcPr>'
        f"{content}</w:tc>"
    )


_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)
_NO_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


def _table(
    widths: Sequence[int],
    rows: Sequence[str],
    *,
    style: str | None,
    borders: str = "",
    look: str = '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
    'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
    cell_margins: str = '<w:tblCellMar><w:left w:w="85" w:type="dxa"/>'
    '<w:right w:w="85" w:type="dxa"/></w:tblCellMar>',
) -> str:
    style_xml = f'<w:tblStyle w:val="{style}"/>' if style else ""
    if not style and not borders:
        borders = _BORDERS
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        f'<w:tbl><w:tblPr>{style_xml}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>{borders}'
        f'<w:tblLayout w:type="fixed"/>{cell_margins}{look}</w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def _header_row(widths: Sequence[int], labels: Sequence[str], style: str) -> str:
    cells = "".join(
        _tc(w, _p(_r(label, _BOLD), style)) for w, label in zip(widths, labels, strict=True)
    )
    return f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>"


def _row(widths: Sequence[int], cells: Sequence[str]) -> str:
    """A data row that never splits across pages; `cells` are each cell's paragraph XML."""
    return (
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(_tc(w, c) for w, c in zip(widths, cells, strict=True))
        + "</w:tr>"
    )


def _columns(width: int, *fixed: int | None, least: int = 1800) -> list[int]:
    """Column widths: the given ones, and the `None` column takes what is left.

    On a page too narrow for that, every column shrinks in proportion.
    """
    rest = width - sum(w for w in fixed if w is not None)
    if rest >= least:
        return [rest if w is None else w for w in fixed]
    wanted = [least if w is None else w for w in fixed]
    total = sum(wanted)
    widths = [w * width // total for w in wanted]
    widths[fixed.index(None)] += width - sum(widths)
    return widths


# --------------------------------------------------------------------------- wording

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


# Names are spelled out here rather than with strftime("%A"): the GUI sets the C locale
# from the environment, and the minutes are written in English.
def _long_date(value: date) -> str:
    return f"{_DAYS[value.weekday()]} {value.day} {_MONTHS[value.month - 1]} {value.year}"


def _clock(value: datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def _teams(data: MinutesInput) -> list[str]:
    teams: list[str] = []
    for person in data.participants:
        if person.team_name and person.team_name not in teams:
            teams.append(person.team_name)
    return teams


def _details(person: Any, teams: Sequence[str]) -> str:
    """ "Team", or "Team, representing Other" for a member attending for another team."""
    details = [person.team_name] if person.team_name else []
    if getattr(person, "representative", False):
        others = [t for t in teams if t != person.team_name]
        details.append(
            f"representing {others[0]}" if len(others) == 1 else "representing the other team"
        )
    return ", ".join(details)


def _person(person: Any, teams: Sequence[str]) -> str:
    details = _details(person, teams)
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


def _note_paragraphs(text: str) -> list[str]:
    """Notes split into paragraphs at blank lines; single line breaks stay inside."""
    return [chunk for chunk in _BLANK_LINES.split(clean_text(text)) if chunk]


# --------------------------------------------------------------------------- the body


def _body(data: MinutesInput, s: _Styles, width: int) -> list[str]:
    out: list[str] = []
    meeting = data.meeting
    teams = _teams(data)

    out.append(_p(_r(meeting.title or "Meeting minutes"), s.title))
    out.append(_title_block(data, teams, width))

    out.append(_p(_r("Attendance"), s.heading1))
    groups = (("Present", data.present), ("Apologies", data.apologies), ("Absent", data.absent))
    for label, people in groups:
        if not people and label != "Present":
            continue
        names = ", ".join(_person(p, teams) for p in people) if people else "nobody recorded"
        out.append(_p(_r(f"{label} ({len(people)}): ", _LABEL) + _r(names), after=80))

    topic, end_goal = clean_text(meeting.topic), clean_text(meeting.end_goal)
    if topic or end_goal or meeting.previous_minutes_approved:
        out.append(_p(_r("Purpose"), s.heading1))
        if topic:
            out.append(_p(_r("Topic: ", _LABEL) + _r(topic), after=80))
        if end_goal:
            out.append(_p(_r("End goal: ", _LABEL) + _r(end_goal), after=80))
        if meeting.previous_minutes_approved:
            out.append(_p(_r("The minutes of the previous meeting were approved."), after=80))

    if data.follow_ups:
        out.append(_p(_r("Review of previous actions"), s.heading1))
        out.append(_review_table(data, s, width))

    out.append(_p(_r("Agenda"), s.heading1))
    if not data.items:
        out.append(_p(_r("No agenda items were discussed.", _MUTED_ITALIC)))
    for number, entry in enumerate(data.items, 1):
        out.extend(_agenda_item(number, entry, s))

    out.append(_p(_r("Action plans"), s.heading1))
    if data.plans:
        out.append(_actions_table(data, s, width, teams))
    else:
        out.append(_p(_r("No action plans were recorded.", _MUTED_ITALIC)))

    out.append(_p(_r("Commitments"), s.heading1))
    out.extend(_commitments(data))

    if data.parked:
        out.append(_p(_r("Parked for the next meeting"), s.heading1))
        for item in data.parked:
            details = [f"owner {item.owner_name}"] if item.owner_name else []
            details.append(f"{item.box_minutes} min")
            if item.carried_from:
                details.append(f"first raised in {item.carried_from}")
            out.append(_p(_r(item.title) + _r(f" ({', '.join(details)})", _MUTED), s.bullet))

    out.append(_p(_r("Next meeting"), s.heading1))
    if meeting.next_meeting_at is not None:
        when = f"{_long_date(meeting.next_meeting_at)} at {_clock(meeting.next_meeting_at)}"
        out.append(_p(_r(when)))
    else:
        out.append(_p(_r("Not set yet.")))
    closing = _note_paragraphs(meeting.closing_notes)
    if closing:
        out.append(_p(_r("Closing notes", _LABEL), keep_next=True, after=40))
        out.extend(_p(_r(chunk)) for chunk in closing)

    generated = data.generated_at
    out.append(
        _p(
            _r(
                f"Minutes generated by AlignMeet on {short_date(generated)} "
                f"at {_clock(generated)}.",
                _MUTED_ITALIC,
            ),
            before=360,
        )
    )
    return out


def _title_block(data: MinutesInput, teams: Sequence[str], width: int) -> str:
    meeting = data.meeting
    start = meeting.starts_at
    time = _clock(start)
    if meeting.planned_minutes > 0:
        end = start + timedelta(minutes=meeting.planned_minutes)
        time = f"{time}–{_clock(end)} ({meeting.planned_minutes} min)"
    rows = [
        ("Series", meeting.series_name),
        ("Teams", " & ".join(teams)),
        ("Date", _long_date(start)),
        ("Time", time),
        ("Place", meeting.place),
        ("Facilitator", meeting.facilitator_name),
        ("Note taker", meeting.note_taker_name),
    ]
    widths = [1700, width - 1700]
    body = []
    for label, value in rows:
        if not clean_text(value).strip():
            continue
        body.append(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + _tc(widths[0], _p(_r(label, _LABEL), after=20))
            + _tc(widths[1], _p(_r(value), after=20))
            + "</w:tr>"
        )
    return _table(
        widths,
        body,
        style=None,
        borders=_NO_BORDERS,
        look='<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
        cell_margins='<w:tblCellMar><w:left w:w="0" w:type="dxa"/></w:tblCellMar>',
    )


def _review_table(data: MinutesInput, s: _Styles, width: int) -> str:
    # "From" is the date of the meeting that agreed the action: all of them belong
    # to this series, so repeating its title on every row only made rows taller.
    widths = _columns(width, 360, None, 1150, 1100, 1100, 1000, 1000, 1700)
    tt = s.table_text
    rows = [_header_row(widths, ("#", "Action", "Owner", "From", "Due", "Was", "Now", "Note"), tt)]
    for number, follow_up in enumerate(data.follow_ups, 1):
        action = follow_up.action
        changed = follow_up.status_before is not action.status
        title = _r(action.title)
        if action.milestone:
            title += _r(f"\nMilestone: {action.milestone}", _MUTED)
        rows.append(
            _row(
                widths,
                (
                    _p(_r(str(number)), tt),
                    _p(title, tt),
                    _p(_r(action.owner_name), tt),
                    _p(_r(short_date(action.meeting_date)), tt),
                    _p(_r(short_date(action.due)), tt),
                    _p(_r(follow_up.status_before.label), tt),
                    _p(_r(action.status.label, _BOLD if changed else _NO_RPR), tt),
                    _p(_r(follow_up.review_note), tt),
                ),
            )
        )
    return _table(widths, rows, style=s.table)


def _agenda_item(number: int, entry: Any, s: _Styles) -> list[str]:
    item = entry.item
    out = [
        _p(_r(f"{number}. {item.title}"), s.heading2),
        _p(_r(_time_line(item), _MUTED), keep_next=True, after=100),
    ]
    notes = _note_paragraphs(item.notes)
    out.extend(_p(_r(chunk)) for chunk in notes)
    if entry.ideas:
        out.append(_p(_r("Ideas", _LABEL), keep_next=True, after=40))
        for idea in entry.ideas:
            author = _r(f" — {idea.author_name}", _ITALIC) if idea.author_name else ""
            out.append(_p(_r(idea.text) + author, s.bullet))
    if entry.decisions:
        out.append(_p(_r("Decisions", _LABEL), keep_next=True, before=80, after=40))
        for decision in entry.decisions:
            out.append(_p(_r("Decision: ", _BOLD) + _r(decision.text), s.bullet))
    if not (notes or entry.ideas or entry.decisions):
        out.append(_p(_r("No notes recorded.", _MUTED_ITALIC)))
    return out


def _actions_table(data: MinutesInput, s: _Styles, width: int, teams: Sequence[str]) -> str:
    widths = _columns(width, 400, None, 1750, 1100, 1200, 1200)
    tt = s.table_text
    rows = [_header_row(widths, ("#", "Action", "Owner", "Team", "Due", "Status"), tt)]
    number = 0
    for plan in data.plans:
        person = plan.participant
        count = len(plan.actions)
        summary = f" · {count} action{'s' if count != 1 else ''}" if count else ""
        group = _r(person.name, _BOLD)
        details = _details(person, teams)
        if details:
            group += _r(f" ({details})")
        group += _r(summary, _MUTED)
        rows.append(
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            + _tc(width, _p(group, tt, keep_next=True), span=6, fill=_GROUP_FILL)
            + "</w:tr>"
        )
        if not plan.actions:
            rows.append(
                "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                + _tc(width, _p(_r("No actions recorded.", _MUTED_ITALIC), tt), span=6)
                + "</w:tr>"
            )
        for action in plan.actions:
            number += 1
            title = _r(action.title)
            if action.milestone:
                title += _r(f"\nMilestone: {action.milestone}", _MUTED)
            rows.append(
                _row(
                    widths,
                    (
                        _p(_r(str(number)), tt),
                        _p(title, tt),
                        _p(_r(action.owner_name), tt),
                        _p(_r(action.team_tag.label), tt),
                        _p(_r(short_date(action.due)), tt),
                        _p(_r(action.status.label), tt),
                    ),
                )
            )
    return _table(widths, rows, style=s.table)


def _commitments(data: MinutesInput) -> list[str]:
    present = data.present
    if not present:
        return [_p(_r("No members were recorded as present.", _MUTED_ITALIC))]
    committed = sum(1 for p in present if p.committed_at is not None)
    out = [
        _p(
            _r(f"{committed} of {len(present)} present members committed to their plan.", _MUTED),
            after=120,
        )
    ]
    for person in present:
        if person.committed_at is not None:
            text = f" — committed at {_clock(person.committed_at)}"
            if person.confidence is not None:
                text += f", confidence {person.confidence}/5"
            runs = _r("✔ ", _TICK) + _r(person.name, _BOLD) + _r(text)
        else:
            runs = _r("✘ ", _CROSS) + _r(person.name, _BOLD) + _r(" — has not committed")
        note = clean_text(person.commitment_note)
        if note:
            runs += _r(f" — “{note}”", _ITALIC)
        out.append(_p(runs, after=60))
    return out


# --------------------------------------------------------------------------- footer, properties


def _field(instruction: str, rpr: str) -> str:
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>1</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def _has_page_field(element: Any) -> bool:
    for node in element.iter(qn("w:instrText")):
        if "PAGE" in (node.text or "").upper():
            return True
    return any(
        "PAGE" in (node.get(qn("w:instr")) or "").upper()
        for node in element.iter(qn("w:fldSimple"))
    )


def _write_footer(doc: Any, section: Any, data: MinutesInput, s: _Styles, width: int) -> None:
    """ "Title · date" on the left, "Page X of Y" on the right, unless the template has its own."""
    footer = section.footer._element  # creates the footer part if the template has none
    if _has_page_field(footer):
        return
    meeting = data.meeting
    title = clean_text(meeting.title).replace("\n", " ").replace("\t", " ")
    if len(title) > 70:
        title = title[:69].rstrip() + "…"
    label = f"{title} · {_long_date(meeting.starts_at)}" if title else _long_date(meeting.starts_at)
    clears = ""
    if s.footer:
        style = doc.styles.element.get_by_id(s.footer)
        if style is not None:
            clears = "".join(
                f'<w:tab w:val="clear" w:pos="{tab.get(qn("w:pos"))}"/>'
                for tab in style.iter(qn("w:tab"))
                if tab.get(qn("w:pos")) != str(width)
            )
    style_xml = f'<w:pStyle w:val="{s.footer}"/>' if s.footer else ""
    muted = '<w:rPr><w:color w:val="7F7F7F"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'
    paragraph = parse_xml(
        f"<w:p {nsdecls('w')}><w:pPr>{style_xml}"
        '<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="BFBFBF"/></w:pBdr>'
        f'<w:tabs>{clears}<w:tab w:val="right" w:pos="{width}"/></w:tabs></w:pPr>'
        f"{_r(label, muted)}<w:r>{muted}<w:tab/></w:r>{_r('Page ', muted)}"
        f"{_field('PAGE', muted)}{_r(' of ', muted)}{_field('NUMPAGES', muted)}</w:p>"
    )
    existing = footer.findall(qn("w:p"))
    if len(existing) == 1 and not any((t.text or "").strip() for t in existing[0].iter(qn("w:t"))):
        footer.remove(existing[0])
    footer.append(paragraph)


def _set_properties(doc: Any, data: MinutesInput) -> None:
    props = doc.core_properties
    meeting = data.meeting

    def limited(text: str) -> str:  # core properties are limited to 255 characters
        return clean_text(text)[:255]

    props.title = limited(meeting.title)
    props.subject = limited(
        f"Minutes — {meeting.series_name}" if meeting.series_name else "Minutes"
    )
    props.author = limited(meeting.note_taker_name or meeting.facilitator_name or "AlignMeet")
    props.last_modified_by = "AlignMeet"
    props.comments = ""
    props.keywords = "minutes"
    props.category = "Meeting minutes"
    props.created = data.generated_at
    props.modified = data.generated_at
    props.revision = 1
