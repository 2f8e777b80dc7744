"""The toolkit's document sections (`alignmeet.domain.sections`) as WordprocessingML.

Features describe what a document shows as plain data; this module is the one place that
turns headings, paragraphs, bullet lists, tables and pictures into Word markup with the
document's real styles (Heading 1/2, List Bullet, the table style, repeated header rows).
User text goes through `run`, so it is cleaned and escaped like everything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from io import BytesIO
from typing import Any

from docx.oxml.ns import qn
from docx.shared import Cm, Emu
from lxml import etree
from PIL import Image

from alignmeet.domain.sections import Bullets, DocSection, Paragraph, Picture, Table
from alignmeet.export.docx_columns import Col, column_widths
from alignmeet.export.docx_xml import (
    LABEL,
    MUTED,
    MUTED_ITALIC,
    Styles,
    data_row,
    header_row,
    para,
    run,
    table,
)
from alignmeet.export.sanitize import clean_text

__all__ = ["picture_xml", "sections_xml"]


def sections_xml(doc: Any, sections: Iterable[DocSection], s: Styles, width: int) -> list[str]:
    """Body XML chunks for `sections`; `doc` receives the pictures' image parts."""
    out: list[str] = []
    for section in sections:
        style = s.heading1 if section.level <= 1 else s.heading2
        out.append(para(run(section.heading), style, keep_next=True))
        blocks = section.blocks
        for i, block in enumerate(blocks):
            # A line that introduces a table or picture stays on its page.
            leads_in = i + 1 < len(blocks) and isinstance(blocks[i + 1], (Table, Picture))
            out.extend(_block(doc, block, s, width, keep_next=leads_in))
    return out


def _block(doc: Any, block: object, s: Styles, width: int, *, keep_next: bool = False) -> list[str]:
    if isinstance(block, Paragraph):
        rpr = MUTED_ITALIC if block.muted else None
        text = run(block.text, rpr) if rpr else run(block.text)
        label = run(block.label, LABEL) if block.label else ""
        if not (label or text):
            return []
        return [para(label + text, keep_next=keep_next, after=80)]
    if isinstance(block, Bullets):
        return [para(run(item), s.bullet) for item in block.items if item.strip()]
    if isinstance(block, Table):
        return [_table(block, s, width)]
    if isinstance(block, Picture):
        picture = picture_xml(doc, block.png, block.width_cm, width, alt=block.alt or block.caption)
        chunks = [para(picture, keep_next=True)]
        if block.caption:
            chunks.append(para(run(block.caption, MUTED), after=160))
        return chunks
    raise TypeError(f"not a document block: {block!r}")


# A cell that is one date as `short_date` writes it ("7 Dec 2026", "7. Dez. 2026"): kept
# whole on one line like every date in a table (the blocks are stored text, dates included).
_DATE = re.compile(r"\d{1,2}\.? [^\W\d_]{3,5}\.? \d{4}")


def _table(block: Table, s: Styles, width: int) -> str:
    """The columns share the width by the block's weights, none narrower than its longest
    word (`docx_columns.column_widths`)."""
    count = len(block.header)
    weights = list(block.weights) if len(block.weights) == count else [1] * count
    body = [list(values[:count]) + [""] * (count - len(values)) for values in block.rows]
    cols = [
        Col(
            header,
            texts=[row[i] for row in body if not _DATE.fullmatch(row[i].strip())],
            units=[row[i] for row in body if _DATE.fullmatch(row[i].strip())],
            weight=max(1, weights[i]),
        )
        for i, header in enumerate(block.header)
    ]
    widths = column_widths(width, s.font, cols)
    rows = [header_row(widths, block.header, s.table_text)]
    for cells in body:
        rows.append(data_row(widths, [para(run(v), s.table_text) for v in cells]))
    return table(widths, rows, style=s.table)


def picture_xml(
    doc: Any, png: bytes, width_cm: float, text_width: int | None = None, *, alt: str = ""
) -> str:
    """A run holding `png` as an inline picture `width_cm` wide (never wider than the text
    column of `text_width` twips), its height in the image's proportions.

    The image part and its relationship are added to `doc` now; the returned XML goes into
    the body written later. Each picture gets its own drawing id (Word repairs a file whose
    ids repeat).
    """
    with Image.open(BytesIO(png)) as image:
        px_w, px_h = image.size
    if text_width is not None:
        width_cm = min(width_cm, text_width / 567)  # 567 twips per cm
    width = Cm(width_cm)
    height = Emu(int(width * px_h / max(1, px_w)))
    inline = doc.part.new_pic_inline(BytesIO(png), width, height)
    shape_id = getattr(doc.part, "_alignmeet_shape_id", 1000) + 1
    doc.part._alignmeet_shape_id = shape_id
    doc_pr = inline.find(qn("wp:docPr"))
    if doc_pr is not None:
        doc_pr.set("id", str(shape_id))
        doc_pr.set("name", f"Picture {shape_id}")
        description = " ".join(clean_text(alt).split())
        if description:
            doc_pr.set("descr", description)  # the alternative text Word and pandoc read
    return f"<w:r><w:drawing>{etree.tostring(inline, encoding=str)}</w:drawing></w:r>"
