"""clean_text: whatever users paste, python-docx accepts it and keeps what it says."""

from __future__ import annotations

import docx
import pytest
from docx.oxml import parse_xml
from docx.text.paragraph import Paragraph
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from alignmeet.export.sanitize import clean_text

ILLEGAL = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"} | {"\ufffe", "\uffff"}
ILLEGAL |= {chr(c) for c in range(0xD800, 0xE000)}


def expected(text: str) -> str:
    """The documented rule, written independently: drop, then map line breaks."""
    kept = [ch for ch in text if ch not in ILLEGAL]
    out: list[str] = []
    i = 0
    while i < len(kept):
        ch = kept[i]
        if ch == "\r":
            out.append("\n")
            if i + 1 < len(kept) and kept[i + 1] == "\n":
                i += 1
        elif ch in "\x0b\x0c":
            out.append("\n")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


# Strings full of the characters that matter, plus anything at all.
nasty = st.lists(
    st.sampled_from(
        [
            *("\x00", "\x01", "\x08", "\t", "\n", "\x0b", "\x0c", "\r", "\x1f"),
            *("\ufffe", "\uffff", "\ud800", "\udfff", "\r\n"),
            *("a", " ", "<", "&", "é", "👩‍👩‍👧"),
        ]
    )
).map("".join)
any_text = st.one_of(st.text(), nasty)

_DOC = docx.Document()  # one document, reused: each example adds a paragraph and a table


def _round_trip(element: etree._Element) -> etree._Element:
    """Serialise and re-parse, as saving and re-opening the .docx would."""
    return parse_xml(etree.tostring(element, encoding="UTF-8"))


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_python_docx_accepts_clean_text_and_reads_it_back(text: str) -> None:
    cleaned = clean_text(text)
    assert cleaned == expected(text)

    paragraph = _DOC.add_paragraph(cleaned)
    assert paragraph.text == cleaned
    assert Paragraph(_round_trip(paragraph._p), None).text == cleaned

    cell = _DOC.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = cleaned
    assert cell.text == cleaned

    _DOC.core_properties.title = cleaned[:255]
    assert _DOC.core_properties.title == cleaned[:255]

    body = _DOC.element.body
    for child in list(body)[:-1]:  # keep the shared document small; keep sectPr
        body.remove(child)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))))
def test_ordinary_text_is_untouched(text: str) -> None:
    if "\ufffe" in text or "\uffff" in text:
        return
    assert clean_text(text) == text


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("", ""),
        ("plain", "plain"),
        ("a\x00b", "ab"),
        ("tab\tstays", "tab\tstays"),
        ("line\nbreak", "line\nbreak"),
        ("windows\r\nline", "windows\nline"),
        ("old\rmac", "old\nmac"),
        ("soft\x0bbreak", "soft\nbreak"),  # Word's soft line break
        ("page\x0cbreak", "page\nbreak"),  # Google Docs' page break
        ("cr\r\x00\nlf", "cr\nlf"),  # removal first: one line break
        ("bell\x07esc\x1b", "bellesc"),
        ("bom\ufeffok", "bom\ufeffok"),  # legal in XML, kept
        ("non\ufffechar\uffff", "nonchar"),
        ("lone\ud800surrogate\udfff", "lonesurrogate"),
        ("emoji 😀 ok", "emoji 😀 ok"),
        ("👩‍👩‍👧‍👦", "👩‍👩‍👧‍👦"),
        ("<b>Sam</b> {{7*7}} & co", "<b>Sam</b> {{7*7}} & co"),
        ("مرحبا שלום", "مرحبا שלום"),
    ],
)
def test_examples(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_every_illegal_character_alone_is_refused_by_python_docx_but_not_after_cleaning() -> None:
    doc = docx.Document()
    for ch in sorted(ILLEGAL | {"\x0b", "\x0c"}):
        with pytest.raises((ValueError, UnicodeEncodeError)):
            doc.add_paragraph(f"x{ch}y")
        doc.add_paragraph(clean_text(f"x{ch}y"))
