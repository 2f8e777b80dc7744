"""Document sections the toolkit features hand to the exports.

A feature's service describes what the minutes (or a report) should show as plain data —
headings, paragraphs, bullet lists, tables, a picture — and `alignmeet.export.sections_docx`
renders them with the document's real styles. The features never touch Word markup, and
every export shows them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    label: str = ""  # shown bold before the text ("Owner: ")
    muted: bool = False  # grey italics (for "nothing recorded" lines)


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # Relative column widths (same length as header); empty: equal widths.
    weights: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Picture:
    """A PNG image (a chart), `width_cm` wide on the page, with a caption under it."""

    png: bytes
    width_cm: float
    caption: str = ""
    # What the picture shows, in words (its alternative text, for screen readers and
    # text converters); "" in records stored before pictures had one.
    alt: str = ""


Block = Paragraph | Bullets | Table | Picture


@dataclass(frozen=True, slots=True)
class DocSection:
    heading: str
    blocks: tuple[Block, ...]
    # Where it goes: 1 = a top-level section of the minutes, 2 = a subsection.
    level: int = 1
