"""Table column widths for every Word export: the one place that computes them.

A narrow column (an action number, a team, a status, a date) must hold its longest word on
one line, or Word and LibreOffice break the word itself ("A-\\n123456", "Marketi\\nng").
How wide a word is depends on the font the table's text is set in, and that is the company
template's, not ours. So:

* `table_font` reads the family and size of the table's text from the styles of the
  document as opened from the template: the "Table Text" paragraph style and the styles it
  is based on, the document defaults (a theme font resolved through the theme part), and
  the fonts the table style sets (its header row, say). The widest of those families is the
  one the estimate uses.
* `text_twips` estimates a text's width without the font file: it measures the text in
  Carlito (metric-compatible with Calibri, installed wherever the renders are made; a
  per-character fallback otherwise) and multiplies by the family's factor. Calibri and
  Carlito are 1.0. Every other family gets a safe factor (1.40, bold 1.50): the widest
  ratio to Calibri measured for real words (ids, dates, German and English statuses and
  teams) among the fonts a reader may really see — the family itself (Cambria, Arial,
  Times New Roman, Georgia, Verdana are all narrower) or, on a machine without it, the
  substitute LibreOffice picks (DejaVu Serif Bold reaches 1.47 for "Fällig"). Too wide a
  guess costs the free-text column a few millimetres; too narrow a guess breaks words.
* `column_widths` shares the page's text width among the columns, step by step while the
  table fits: every narrow column its longest word, the free-text columns (`weight` > 0)
  a readable width, then every date whole (`Col.units`), then their `least`, then the
  columns of units (`Col.whole`: dates, statuses) every text on one line, then the others
  (names) and their `least`; the free-text columns take what is left. The table always
  spans exactly the text width of the template's section.
* A date is kept whole by its column's width, never by a non-breaking space: copied out of
  the document it is the text the user expects ("7 Dec 2026" with plain spaces), for a
  search, a spreadsheet or a calendar. A date column is sized for the dates its table
  really shows (and its header), not for the widest month name, so the room it does not
  need goes to the free text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from typing import Any
from xml.sax.saxutils import unescape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.labels import label
from alignmeet.domain.rules import action_number, short_date

__all__ = [
    "DEFAULT_FONT",
    "Col",
    "TableFont",
    "action_numbers",
    "column_need",
    "column_widths",
    "every_month",
    "status_labels",
    "table_font",
    "team_labels",
    "text_twips",
]

# Twips the cell margins take (85 a side, `docx_xml.table`'s tblCellMar), and some room
# for the renderer's rounding and kerning.
CELL_PADDING = 170
SLACK = 30
# The least a free-text column keeps when the narrow columns' words take nearly everything.
SQUEEZED = 400
# A free-text column narrower than this wraps a few letters a line: it gets this much before
# the narrow columns get more than their longest word.
READABLE = 1100
# A narrow column never claims more than this share of the width for one word: a longer
# "word" (a pasted URL as an owner's name) breaks, as it would anywhere.
MOST_FOR_ONE_WORD = 0.3


@dataclass(frozen=True)
class TableFont:
    """The font of a table's text: its family (the widest found) and size in points."""

    family: str = "Calibri"
    size_pt: float = 9.0

    @property
    def factors(self) -> tuple[float, float]:
        """How much wider than Calibri (regular, bold) this family may be drawn."""
        return _FACTORS.get(self.family.strip().lower(), _SAFE_FACTORS)


DEFAULT_FONT = TableFont()
_SAFE_FACTORS = (1.40, 1.50)
_FACTORS = {"calibri": (1.0, 1.0), "carlito": (1.0, 1.0)}


@dataclass(frozen=True)
class Col:
    """One column: what it must hold, and how it shares the width.

    `texts`: what its cells say (action numbers, dates, team and status labels, names):
    every word of them on one line, each whole text on one line when there is room. `bold`:
    the texts are (or may be) bold; the header always is. `least`: the width wanted when
    there is room. `weight` > 0: a free-text column (a title, a note) that takes a share of
    what is left, at least `least`. `whole`: each text is one unit ("15 Oct 2026", "In
    progress"): when room is short, these columns get their texts on one line before the
    other narrow columns do (a name wraps at its space as well as anywhere). `units`: texts
    that never break, not even at their spaces, whatever the room (the dates: "7 Dec\n2026"
    misreads as two values); `bold_units` the same, set in bold (an overdue date). A column of
    dates is sized for the dates its cells really show, so it takes no more than it needs.
    """

    header: str = ""
    texts: Iterable[str] = ()
    units: Iterable[str] = ()
    bold_units: Iterable[str] = ()
    least: int = 0
    weight: int = 0
    bold: bool = False
    whole: bool = False


# --------------------------------------------------------------------------- what columns hold


def action_numbers(ids: Iterable[int]) -> list[str]:
    """The widest action number among `ids` ("A-123456"): digits are all one width."""
    return [action_number(max(ids, default=1))]


def every_month() -> list[str]:
    """A date in every month, two-digit day, as the tables show it (the widest is there)."""
    return [short_date(date(2026, month, 28)) for month in range(1, 13)]


def status_labels() -> list[str]:
    """Every action status, as shown in the language of the document."""
    return [label(status) for status in ActionStatus]


def team_labels() -> list[str]:
    """Every team tag, as shown in the language of the document."""
    return [label(tag) for tag in TeamTag]


# --------------------------------------------------------------------------- widths


@cache
def _measuring_font(bold: bool) -> Any:
    """Carlito (Calibri's metrics) or Calibri itself, loaded at 1000 px; None if neither is."""
    from PIL import ImageFont

    names = ("Carlito-Bold.ttf", "calibrib.ttf") if bold else ("Carlito-Regular.ttf", "calibri.ttf")
    folders = ("", "/usr/share/fonts/truetype/crosextra/")
    for folder in folders:
        for name in names:
            try:
                # Basic layout: widths add up character by character (no shaping library
                # that may refuse odd user text).
                return ImageFont.truetype(folder + name, 1000, layout_engine=ImageFont.Layout.BASIC)
            except OSError:
                continue
    return None


@lru_cache(maxsize=4096)
def _calibri_em(text: str, bold: bool) -> float:
    """`text`'s width in Calibri, in ems."""
    font = _measuring_font(bold)
    rough = len(text) * (0.62 if bold else 0.57)  # about Calibri's widest common letters
    if font is None:
        return rough
    try:
        return float(font.getlength(text)) / 1000
    except (OSError, RuntimeError, ValueError):  # text the font library cannot lay out
        return rough


def text_twips(text: str, font: TableFont = DEFAULT_FONT, *, bold: bool = False) -> int:
    """About how wide `text` is on one line in `font` (twips), erring wide."""
    factor = font.factors[1 if bold else 0]
    return int(_calibri_em(text, bold) * factor * font.size_pt * 20 + 0.999)


def _word_need(text: str, font: TableFont, bold: bool) -> int:
    return text_twips(text, font, bold=bold) + CELL_PADDING + SLACK


def column_need(col: Col, font: TableFont = DEFAULT_FONT) -> int:
    """The narrowest width at which no word of `col` breaks (its header's in bold)."""
    needs = [_word_need(w, font, True) for w in col.header.split()]
    needs += [_word_need(w, font, col.bold) for t in col.texts for w in t.split()]
    needs += [_word_need(w, font, False) for u in col.units for w in u.split()]
    needs += [_word_need(w, font, True) for u in col.bold_units for w in u.split()]
    return max(needs, default=CELL_PADDING)


def _unit_needs(col: Col, font: TableFont) -> list[int]:
    """The widths `col`'s units need, each whole on one line."""
    needs = [_word_need(u, font, False) for u in col.units if u.strip()]
    return needs + [_word_need(u, font, True) for u in col.bold_units if u.strip()]


def _one_line(col: Col, font: TableFont) -> int:
    """The width that holds the header and every text of `col` on one line."""
    lines = [_word_need(col.header, font, True)] if col.header.strip() else []
    lines += [_word_need(t, font, col.bold) for t in col.texts if t.strip()]
    lines += _unit_needs(col, font)
    return max(lines, default=CELL_PADDING)


def _wanted(col: Col, font: TableFont) -> int:
    """The width that holds the header and every text on one line, or `least`."""
    return max(col.least, _one_line(col, font))


def column_widths(width: int, font: TableFont, cols: Sequence[Col]) -> list[int]:
    """Widths (twips) for `cols` that add up to exactly `width`.

    Each step is taken only when the table still fits after it; the step that does not fit
    gets what is left, shared in proportion to what each column still lacks:

    1. every narrow column at its longest word (no word ever breaks), the free-text
       columns at their header's longest word;
    2. the free-text columns readable: at least `READABLE` (a note is not a sliver);
    2a. every unit (`Col.units`: a date) whole on one line;
    3. the free-text columns at `least` (a title in many short lines makes every row
       taller; a date wraps at its spaces, a name at its space);
    4. the columns of units (`whole`: dates, statuses) with every text on one line;
    5. every narrow column at the width it wants (each text on one line: a name; or its
       `least`);
    6. the free-text columns at a comfortable width (their weight's share of a quarter
       of the page); then they share the rest by weight.

    Below step 1: the free-text columns share what is left in proportion to their header's
    longest word; on a page too narrow for even the words, every column in proportion.
    """
    cols = [
        replace(c, texts=tuple(c.texts), units=tuple(c.units), bold_units=tuple(c.bold_units))
        for c in cols
    ]
    cap = max(CELL_PADDING, int(width * MOST_FOR_ONE_WORD))
    need = [min(column_need(c, font), cap) for c in cols]
    flex = [i for i, c in enumerate(cols) if c.weight > 0]
    fixed = [i for i, c in enumerate(cols) if c.weight <= 0]
    weights = sum(cols[i].weight for i in flex) or 1
    readable = [need[i] if i in fixed else max(need[i], READABLE) for i in range(len(cols))]
    dated = [
        max(readable[i], min(max(_unit_needs(c, font), default=0), cap)) for i, c in enumerate(cols)
    ]
    titles = [max(dated[i], c.least) if c.weight > 0 else dated[i] for i, c in enumerate(cols)]
    units = [
        max(titles[i], min(_one_line(c, font), cap)) if c.whole else titles[i]
        for i, c in enumerate(cols)
    ]
    least = [
        max(units[i], min(_wanted(c, font), cap)) if c.weight <= 0 else units[i]
        for i, c in enumerate(cols)
    ]
    comfort = [
        max(least[i], width * c.weight // (4 * weights)) if c.weight > 0 else least[i]
        for i, c in enumerate(cols)
    ]
    steps = [need, readable, dated, titles, units, least, comfort]
    out = [0] * len(cols)
    if sum(comfort) <= width:
        out = _place(out, {i: comfort[i] for i in fixed}, cols, flex, comfort, width)
    elif sum(need) <= width:
        k = max(n for n, step in enumerate(steps) if sum(step) <= width)
        low, high = steps[k], steps[k + 1]
        slack, lacking = width - sum(low), sum(high) - sum(low)
        out = [lo + (hi - lo) * slack // lacking for lo, hi in zip(low, high, strict=True)]
    elif flex and sum(need[i] for i in fixed) + SQUEEZED * len(flex) <= width:
        # The narrow columns' words come first; the free-text columns share what is left in
        # proportion to their own longest header word (their headers may wrap).
        out = [need[i] for i in range(len(cols))]
        rest, wanted = width - sum(need[i] for i in fixed), sum(need[i] for i in flex) or 1
        for i in flex:
            out[i] = max(SQUEEZED, rest * need[i] // wanted)
    else:  # a page too narrow for even the words: everything shrinks in proportion
        total = sum(need) or 1
        out = [n * width // total for n in need]
    if out:  # rounding: the first free-text column (else the widest) takes the rest
        last = flex[0] if flex else max(range(len(out)), key=lambda i: out[i])
        out[last] += width - sum(out)
    return out


def _place(
    out: list[int],
    fixed: dict[int, int],
    cols: Sequence[Col],
    flex: list[int],
    least: Sequence[int],
    width: int,
) -> list[int]:
    """`out` with the narrow columns at `fixed` and the free-text ones sharing the rest,
    each at least its `least` (indexed like `cols`)."""
    for i, value in fixed.items():
        out[i] = value
    if flex:
        rest = width - sum(fixed.values())
        _fill(out, flex, [cols[i].weight for i in flex], rest, [least[i] for i in flex])
    return out


def _fill(
    out: list[int], index: list[int], weights: list[int], rest: int, least: list[int]
) -> None:
    """Share `rest` among the columns `index` by `weights`, none below its `least`."""
    pinned: dict[int, int] = {}
    while True:
        free = [k for k in range(len(index)) if k not in pinned]
        left = rest - sum(pinned.values())
        total = sum(weights[k] for k in free) or 1
        shares = {k: left * weights[k] // total for k in free}
        low = [k for k in free if shares[k] < least[k]]
        if not low or len(pinned) + len(low) == len(index):
            for k in low:
                shares[k] = least[k]
            for k, value in {**pinned, **shares}.items():
                out[index[k]] = value
            return
        for k in low:
            pinned[k] = least[k]


# --------------------------------------------------------------------------- the font


def table_font(doc: Any, table_text: str, table_style: str | None) -> TableFont:
    """The family and size of a table's text in `doc` (see the module's text)."""
    by_id = {s.get(qn("w:styleId")): s for s in doc.styles.element.iterchildren(qn("w:style"))}
    theme = _theme_fonts(doc)
    defaults = doc.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    family: str | None = None
    size: int | None = None
    for style in _chain(by_id, unescape(table_text)):
        rpr = style.find(qn("w:rPr"))
        if rpr is None:
            continue
        family = family or _family(rpr, theme)
        size = size or _half_points(rpr)
    if defaults is not None:
        family = family or _family(defaults, theme)
        size = size or _half_points(defaults)
    families = [family or "Times New Roman"]  # Word's own default when nothing says
    if table_style:
        for style in _chain(by_id, unescape(table_style)):
            families += [f for rpr in style.iter(qn("w:rPr")) if (f := _family(rpr, theme))]
    widest = max(families, key=lambda f: TableFont(f).factors)
    return TableFont(widest, (size or 20) / 2)  # no size anywhere: Word's 10 pt


def _chain(by_id: dict[str, Any], style_id: str) -> Iterable[Any]:
    seen: set[str] = set()
    while style_id in by_id and style_id not in seen:
        seen.add(style_id)
        style = by_id[style_id]
        yield style
        based = style.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else ""


def _family(rpr: Any, theme: dict[str, str]) -> str | None:
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        return None
    for name in ("w:ascii", "w:hAnsi"):
        if fonts.get(qn(name)):
            return str(fonts.get(qn(name)))
    for name in ("w:asciiTheme", "w:hAnsiTheme"):
        value = fonts.get(qn(name)) or ""
        if value:
            return theme.get("major" if value.startswith("major") else "minor") or None
    return None


def _half_points(rpr: Any) -> int | None:
    sz = rpr.find(qn("w:sz"))
    try:
        return int(sz.get(qn("w:val"))) if sz is not None else None
    except (TypeError, ValueError):
        return None


_THEME_FONT = re.compile(rb"<a:(major|minor)Font>\s*<a:latin\s+typeface=\"([^\"]*)\"")


def _theme_fonts(doc: Any) -> dict[str, str]:
    """The theme's major and minor Latin fonts ({} when the document has no theme)."""
    try:
        blob = doc.part.part_related_by(RT.THEME).blob
    except (KeyError, AttributeError):
        return {}
    return {kind.decode(): name.decode() for kind, name in _THEME_FONT.findall(blob)}
