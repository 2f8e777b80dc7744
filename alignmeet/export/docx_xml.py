"""WordprocessingML building blocks shared by the Word exports (minutes, follow-up checklist).

Speed matters (QUALITY.md, "Minutes export"): python-docx used the obvious way
(`add_paragraph(text, style="List Bullet")`, `table.add_row()`, `cell.text = ...`) spends
about 1 ms per table row, mostly resolving style names and building cells one call at a
time. So an export resolves its style ids once (`resolve_styles`), writes the whole body as
WordprocessingML text with the helpers here (`run`, `para`, `cell`, `table`, ...) and puts
it into the template in one parse (`fill_body`). Every user string given to `run` goes
through `clean_text` (control characters Word refuses) and is XML-escaped, so markup such
as ``<b>Sam</b>`` or ``{{7*7}}`` shows literally.

The XML strings use the "w:" prefix; `fill_body` parses them in the context of the
document's root element, which declares it.
"""

from __future__ import annotations

import re
import secrets
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO
from unicodedata import bidirectional
from xml.sax.saxutils import escape, unescape

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

from alignmeet import i18n
from alignmeet.domain.bidi import bidi_safe
from alignmeet.export import ExportError
from alignmeet.export.docx_columns import TableFont, table_font
from alignmeet.export.sanitize import clean_text
from alignmeet.export.template import safe_template
from alignmeet.i18n import _
from alignmeet.i18n import long_date as _long_date

__all__ = [
    "BOLD",
    "BORDERS",
    "CROSS",
    "GROUP_FILL",
    "ITALIC",
    "LABEL",
    "MUTED",
    "MUTED_ITALIC",
    "NO_BORDERS",
    "NO_RPR",
    "OVERDUE",
    "SLIPPED",
    "TICK",
    "Styles",
    "attr",
    "cell",
    "data_row",
    "document_bytes",
    "document_bytes_with_body",
    "field",
    "fill_body",
    "has_page_field",
    "header_row",
    "is_rtl",
    "long_date",
    "one_line",
    "open_template",
    "page_footer",
    "page_setup",
    "para",
    "resolve_styles",
    "run",
    "table",
    "tag_document",
    "text_width",
    "time_of_day",
    "use_calibri",
]


def document_bytes(doc: Any) -> bytes:
    """The document as the bytes of a .docx file (nothing is written to disk)."""
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- template


def open_template(template: Path | None) -> Any:
    """python-docx's Document over the company template — checked against the limits and
    cleaned of links to the outside first (export/template.py) — or its own default."""
    if template is None:
        return docx.Document()
    template = Path(template)
    safe = safe_template(template)
    try:
        return docx.Document(BytesIO(safe))
    except Exception as exc:  # python-docx raises many kinds on a file that is not .docx
        raise ExportError(
            _(
                "The Word template {template} is not a Word document (.docx or .dotx). "
                "Choose another template, or export without one."
            ).format(template=template),
            path=template,
        ) from exc


def use_calibri(doc: Any) -> None:
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
    for theme_attr, name in (("w:asciiTheme", "w:ascii"), ("w:hAnsiTheme", "w:hAnsi")):
        fonts.attrib.pop(qn(theme_attr), None)
        fonts.set(qn(name), "Calibri")


# Paper sizes in twentieths of a point (1 inch = 1440), the unit sectPr uses.
_PAPER = {"a4": (11906, 16838), "letter": (12240, 15840)}


def page_setup(section: Any, paper: str | None = None) -> None:
    """A4 or US Letter (`i18n.paper()`: the setting ALIGNMEET_PAPER, else the region), for
    AlignMeet's own template; a company template keeps the paper it was made with."""
    width, height = _PAPER.get(paper or i18n.paper(), _PAPER["a4"])
    section.page_width = width * 635  # EMU: 635 to the twip
    section.page_height = height * 635


def tag_document(doc: Any) -> None:
    """What the file says about itself, made true: the language of its text (the styles'
    default `w:lang` and the settings' `w:themeFontLang`, so Word and LibreOffice
    spell-check and hyphenate German as German), no preview thumbnail (nor Word's setting
    that saves one), and extended properties (`docProps/app.xml`) that name AlignMeet and
    its version instead of another program's, with no page or word counts we do not know.
    """
    tag = i18n.document_language()
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = parse_xml(f"<w:rPrDefault {nsdecls('w')}/>")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = parse_xml(f"<w:rPr {nsdecls('w')}/>")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = parse_xml(f"<w:lang {nsdecls('w')}/>")
        _insert_in_order(rpr, lang, _RPR_AFTER_LANG)
    lang.set(qn("w:val"), tag)
    lang.attrib.pop(qn("w:eastAsia"), None)  # the template's "en-US": East Asian text's own
    settings = doc.settings.element
    for preview in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(preview)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is None:
        theme_lang = parse_xml(f"<w:themeFontLang {nsdecls('w')}/>")
        _insert_in_order(settings, theme_lang, _SETTINGS_AFTER_THEME_LANG)
    theme_lang.set(qn("w:val"), tag)
    # Word 2010's copy of the styles (python-docx's template carries one, tagged en-US):
    # later Word reads styles.xml, and a second, stale language tag is one too many.
    for rel_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects") and not rel.is_external:
            doc.part.rels.pop(rel_id)
    package = doc.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rel_id)
        elif rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = _app_xml()


def _insert_in_order(parent: Any, child: Any, later: tuple[str, ...]) -> None:
    """Insert `child` before the first child of `parent` named in `later` (the elements
    the schema puts after it), or at the end."""
    names = {qn(name) for name in later}
    for existing in parent:
        if existing.tag in names:
            existing.addprevious(child)
            return
    parent.append(child)


_RPR_AFTER_LANG = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_SETTINGS_AFTER_THEME_LANG = (
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)


def _app_xml() -> bytes:
    from alignmeet import __version__

    major, _dot, rest = __version__.partition(".")
    minor = "".join(ch for ch in rest.split(".")[0] if ch.isdigit()) or "0"
    app_version = f"{int(major or 0):02d}.{int(minor):04d}"  # the schema's "XX.YYYY"
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
        'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/'
        '2006/docPropsVTypes">'
        f"<Application>AlignMeet {escape(__version__)}</Application>"
        "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
        "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged>"
        f"<AppVersion>{app_version}</AppVersion></Properties>"
    ).encode()


def text_width(section: Any) -> int:
    """Width between the margins, in twentieths of a point (the unit tables use)."""
    try:
        width = int((section.page_width - section.left_margin - section.right_margin) / 635)
    except TypeError:  # a template without page size or margins
        return 9360
    return width if width > 2000 else 9360


def fill_body(doc: Any, content: str) -> Any:
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


def document_bytes_with_body(doc: Any, chunks: Iterable[str]) -> bytes:
    """The document as .docx bytes, its body text replaced by `chunks` (WordprocessingML
    strings, "w:" prefix, as `run`, `para` and `table` make them); see
    `write_document_with_body`."""
    out = BytesIO()
    write_document_with_body(doc, chunks, out)
    return out.getvalue()


def write_document_with_body(doc: Any, chunks: Iterable[str], target: BinaryIO) -> None:
    """Write the document as a .docx into `target` (a seekable binary file), its body text
    replaced by `chunks`.

    For long documents (a checklist of 300,000 actions): the chunks are encoded and
    streamed straight into the zip entry of document.xml, between the template's XML
    before and after a marker, so the body is never parsed and never held in memory as a
    whole. [Checklist of 100,000 actions: 3.4 GB and 20 s through `fill_body`, 0.2 GB and
    7 s this way; written into a file instead of memory, the zip does not stay in memory
    either.]
    Everything else (styles, footer, properties) must be set on `doc` before. A template
    that names the WordprocessingML namespace other than "w" goes the `fill_body` way.
    """
    body = doc.element.body
    if body.prefix != "w":
        target.write(document_bytes(fill_body(doc, "".join(chunks))))
        return
    sect_pr = body[-1] if len(body) and body[-1].tag == qn("w:sectPr") else None
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    token = secrets.token_hex(8)
    marker = etree.ProcessingInstruction("alignmeet-body", token)
    if sect_pr is not None:
        sect_pr.addprevious(marker)
    else:
        body.append(marker)
    raw = document_bytes(doc)
    body.remove(marker)
    needle = etree.tostring(marker)
    name = str(doc.part.partname).lstrip("/")
    with zipfile.ZipFile(BytesIO(raw)) as src:
        document_xml = src.read(name)
        if document_xml.count(needle) != 1:  # pragma: no cover - lxml always writes it so
            target.write(document_bytes(fill_body(doc, "".join(chunks))))
            return
        head, _, tail = document_xml.partition(needle)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                if info.filename != name:
                    dst.writestr(info, src.read(info))
                    continue
                entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                with dst.open(entry, "w") as stream:
                    stream.write(head)
                    pending: list[str] = []
                    size = 0
                    for chunk in chunks:
                        pending.append(chunk)
                        size += len(chunk)
                        if size >= 1 << 20:
                            stream.write("".join(pending).encode("utf-8"))
                            pending.clear()
                            size = 0
                    stream.write("".join(pending).encode("utf-8"))
                    stream.write(tail)


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class Styles:
    title: str
    heading1: str
    heading2: str
    bullet: str
    table_text: str
    footer: str | None
    table: str | None  # None: no table style in the template; borders are set directly
    font: TableFont  # the tables' text ("Table Text"): family and size, for column widths
    body_font: TableFont  # the body text's ("Normal"), for tables set in it


def attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


def resolve_styles(doc: Any) -> Styles:
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

    def paragraph_style(name: str, make: Any) -> str:
        found = find(name)
        if found is None:
            found = make(doc, name)
            by_name[("paragraph", name.lower())] = found
        return attr(found)

    table_style = find("Light Grid Accent 1", "table") or find("Table Grid", "table")
    footer = find("footer")
    table_text = paragraph_style("Table Text", _make_table_text)
    return Styles(
        title=paragraph_style("Title", _make_title),
        heading1=paragraph_style("Heading 1", _make_heading),
        heading2=paragraph_style("Heading 2", _make_heading),
        bullet=paragraph_style("List Bullet", _make_bullet),
        table_text=table_text,
        footer=attr(footer) if footer else None,
        table=attr(table_style) if table_style else None,
        font=table_font(doc, table_text, table_style),
        body_font=table_font(doc, attr(find("Normal") or "Normal"), None),
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

NO_RPR = ""
BOLD = "<w:rPr><w:b/><w:bCs/></w:rPr>"
ITALIC = "<w:rPr><w:i/><w:iCs/></w:rPr>"
MUTED = '<w:rPr><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
MUTED_ITALIC = (
    '<w:rPr><w:i/><w:iCs/><w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
)
LABEL = '<w:rPr><w:b/><w:bCs/><w:color w:val="404040"/></w:rPr>'
TICK = '<w:rPr><w:b/><w:bCs/><w:color w:val="2E7D32"/></w:rPr>'
CROSS = '<w:rPr><w:b/><w:bCs/><w:color w:val="C62828"/></w:rPr>'
OVERDUE = '<w:rPr><w:b/><w:bCs/><w:color w:val="C00000"/></w:rPr>'
SLIPPED = '<w:rPr><w:color w:val="9C5700"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>'
GROUP_FILL = '<w:shd w:val="clear" w:color="auto" w:fill="DBE5F1"/>'


# Right-to-left text (Arabic, Hebrew, Syriac, Thaana, N'Ko, ...). A text reads right to
# left when its first "strong" character (Unicode bidi class L, R or AL, as in rule P2 of
# the bidi algorithm, UAX #9) is of class R or AL. Every such character lies in these
# ranges (tests/export/test_hostile_text.py checks it against unicodedata), so text
# without any of them (nearly all text) is decided by one regex search.
_MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\u200f\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
_RTL_RUN = "<w:rtl/>"
_RUN_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def _first_strong(text: str) -> str:
    """ "R" (right to left), "L" (left to right) or "" (no strong character) for `text`."""
    if _MAYBE_RTL.search(text) is None:
        return "L" if any(bidirectional(ch) == "L" for ch in text) else ""
    for ch in text:
        kind = bidirectional(ch)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return ""


def is_rtl(text: str) -> bool:
    """True when `text` reads right to left: its first strong character is R or AL."""
    if text.isascii() or _MAYBE_RTL.search(text) is None:
        return False
    return _first_strong(text) == "R"


def _with_rtl(rpr: str) -> str:
    """`rpr` with <w:rtl/> added (last: it comes after every property these rPr use)."""
    if not rpr:
        return f"<w:rPr>{_RTL_RUN}</w:rPr>"
    if rpr.endswith("</w:rPr>"):
        return rpr[: -len("</w:rPr>")] + f"{_RTL_RUN}</w:rPr>"
    return rpr  # pragma: no cover - every rPr here is a whole <w:rPr> element


def _runs_are_rtl(runs: str) -> bool:
    """Whether the paragraph made of `runs` (WordprocessingML) reads right to left."""
    if _RTL_RUN not in runs:
        # The run holding the paragraph's first strong character starts with it, so an
        # RTL paragraph always has a run that `run` marked <w:rtl/>.
        return False
    for match in _RUN_TEXT.finditer(runs):
        kind = _first_strong(unescape(match.group(1)))
        if kind:
            return kind == "R"
    return False


def run(text: str, rpr: str = NO_RPR) -> str:
    """One run of user text: cleaned, escaped, line breaks as <w:br/>, tabs as <w:tab/>.

    A run whose text reads right to left (see `is_rtl`) is marked <w:rtl/>.
    """
    text = clean_text(text)
    if not text:
        return ""
    if not text.isascii() and _MAYBE_RTL.search(text) and _first_strong(text) == "R":
        rpr = _with_rtl(rpr)
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


def para(
    runs: str,
    style: str | None = None,
    *,
    keep_next: bool = False,
    before: int | None = None,
    after: int | None = None,
) -> str:
    """A paragraph; `before`/`after` are spacing in twentieths of a point.

    A paragraph whose text reads right to left (its first strong character is Arabic,
    Hebrew, ...) is marked <w:bidi/>, so Word lays it out from the right.
    """
    ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
    if keep_next:
        ppr += "<w:keepNext/>"
    if _runs_are_rtl(runs):
        ppr += "<w:bidi/>"  # after keepNext, before spacing: the schema's order
    if before is not None or after is not None:
        ppr += "<w:spacing"
        if before is not None:
            ppr += f' w:before="{before}"'
        if after is not None:
            ppr += f' w:after="{after}"'
        ppr += "/>"
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>" if ppr else f"<w:p>{runs}</w:p>"


def cell(width: int, content: str, *, span: int = 1, fill: str = "") -> str:
    """A table cell; `content` is its paragraph(s)."""
    span_xml = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{span_xml}{fill}</w:tcPr>'
        f"{content}</w:tc>"
    )


BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)
NO_BORDERS = (
    "<w:tblBorders>"
    + "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders>"
)


def table(
    widths: Sequence[int],
    rows: Iterable[str],
    *,
    style: str | None,
    borders: str = "",
    look: str = '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
    'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
    cell_margins: str = '<w:tblCellMar><w:left w:w="85" w:type="dxa"/>'
    '<w:right w:w="85" w:type="dxa"/></w:tblCellMar>',
) -> str:
    return "".join(
        table_pieces(
            widths, rows, style=style, borders=borders, look=look, cell_margins=cell_margins
        )
    )


def table_pieces(
    widths: Sequence[int],
    rows: Iterable[str],
    *,
    style: str | None,
    borders: str = "",
    look: str = '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
    'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>',
    cell_margins: str = '<w:tblCellMar><w:left w:w="85" w:type="dxa"/>'
    '<w:right w:w="85" w:type="dxa"/></w:tblCellMar>',
) -> Iterator[str]:
    """`table`'s XML a row at a time: a table of thousands of rows never sits in memory
    as one string (see `write_document_with_body`)."""
    style_xml = f'<w:tblStyle w:val="{style}"/>' if style else ""
    if not style and not borders:
        borders = BORDERS
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    yield (
        f'<w:tbl><w:tblPr>{style_xml}<w:tblW w:w="{sum(widths)}" w:type="dxa"/>{borders}'
        f'<w:tblLayout w:type="fixed"/>{cell_margins}{look}</w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>"
    )
    yield from rows
    yield "</w:tbl>"


def header_row(widths: Sequence[int], labels: Sequence[str], style: str) -> str:
    """A bold header row, repeated on every page the table spans, never left alone at the
    foot of a page (its paragraphs keep with the next row)."""
    cells = "".join(
        cell(w, para(run(label, BOLD), style, keep_next=True))
        for w, label in zip(widths, labels, strict=True)
    )
    return f"<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>{cells}</w:tr>"


def data_row(widths: Sequence[int], cells: Sequence[str]) -> str:
    """A data row that never splits across pages; `cells` are each cell's paragraph XML."""
    return (
        "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        + "".join(cell(w, c) for w, c in zip(widths, cells, strict=True))
        + "</w:tr>"
    )


def field(instruction: str, rpr: str) -> str:
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r>{rpr}<w:t>1</w:t></w:r>"
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


def has_page_field(element: Any) -> bool:
    for node in element.iter(qn("w:instrText")):
        if "PAGE" in (node.text or "").upper():
            return True
    return any(
        "PAGE" in (node.get(qn("w:instr")) or "").upper()
        for node in element.iter(qn("w:fldSimple"))
    )


# --------------------------------------------------------------------------- wording


# Names come from the core's catalogue rather than strftime("%A"): the GUI sets the C
# locale from the environment, and the minutes are written in the language chosen.
def long_date(value: date) -> str:
    """ "Thursday 1 October 2026" / "Donnerstag, 1. Oktober 2026"."""
    return _long_date(value)


def time_of_day(value: datetime) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def page_footer(doc: Any, section: Any, label: str, s: Styles, width: int) -> None:
    """`label` on the left, "Page X of Y" on the right, unless the template has its own."""
    footer = section.footer._element  # creates the footer part if the template has none
    if has_page_field(footer):
        return
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
        f"{run(label, muted)}<w:r>{muted}<w:tab/></w:r>{_page_of(muted)}</w:p>"
    )
    existing = footer.findall(qn("w:p"))
    if len(existing) == 1 and not any((t.text or "").strip() for t in existing[0].iter(qn("w:t"))):
        footer.remove(existing[0])
    footer.append(paragraph)


def _page_of(rpr: str) -> str:
    """ "Page 2 of 5" with the numbers as fields Word fills in (the words translated)."""
    text = _("Page {page} of {pages}")
    out = []
    for piece in re.split(r"(\{page\}|\{pages\})", text):
        if piece == "{page}":
            out.append(field("PAGE", rpr))
        elif piece == "{pages}":
            out.append(field("NUMPAGES", rpr))
        elif piece:
            out.append(run(piece, rpr))
    return "".join(out)


def one_line(text: str, limit: int | None = None) -> str:
    """`text` cleaned and on one line (breaks and tabs become spaces).

    With a `limit` (a title in a footer, beside the date and "Page X of Y"), it is cut at
    `limit` with "…" and made bidi-safe: nothing it opens (a right-to-left override, say)
    stays open to reverse what follows, and right-to-left text is isolated (domain/bidi.py).
    """
    line = " ".join(clean_text(text).split())
    if limit is not None:
        line = bidi_safe(line, limit)
    return line
