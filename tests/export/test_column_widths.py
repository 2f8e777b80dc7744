"""Word tables whose narrow columns never break a word: every .docx AlignMeet writes gives
each narrow column (action number, team, status, dates, owner, the title block's labels) at
least the width of its longest word in the document's own table font — ours (Calibri) or a
company template's (ACME: the theme's Cambria, drawn as a wide serif where Cambria is
missing) — in English and German, with six-digit action numbers, and every table spans
exactly the text width of the section. Read back from the written file with python-docx."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from alignmeet import i18n
from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.labels import label
from alignmeet.domain.rules import short_date
from alignmeet.domain.sections import DocSection, Table
from alignmeet.export.checklist_docx import checklist_document_bytes
from alignmeet.export.docx_columns import (
    CELL_PADDING,
    MOST_FOR_ONE_WORD,
    Col,
    TableFont,
    column_need,
    column_widths,
    table_font,
    text_twips,
)
from alignmeet.export.docx_xml import resolve_styles
from alignmeet.export.minutes_docx import minutes_document_bytes
from alignmeet.export.sections_docx import sections_xml
from alignmeet.export.wording import owner_column
from alignmeet.i18n import _

from .test_checklist_docx import AMARA, GENERATED, LUCAS, PRIYA, TODAY, action_row
from .test_minutes_docx import make_minutes

SIX_DIGITS = 123000


def six_digit_minutes():
    data = make_minutes()

    def big(action):
        return dataclasses.replace(action, id=action.id + SIX_DIGITS)

    plans = [dataclasses.replace(p, actions=[big(a) for a in p.actions]) for p in data.plans]
    reviews = [dataclasses.replace(f, action=big(f.action)) for f in data.follow_ups]
    return dataclasses.replace(data, plans=plans, follow_ups=reviews)


def checklist_rows():
    return [
        action_row(
            "Agree the revenue target split",
            owner=PRIYA,
            due=date(2026, 10, 20),
            status=ActionStatus.IN_PROGRESS,
            tag=TeamTag.JOINT,
            slipped=2,
            action_id=123411,
        ),
        action_row("Set up round-robin", owner=AMARA, status=ActionStatus.DROPPED, action_id=5),
        action_row(
            "Write the case study",
            owner=AMARA,
            due=date(2026, 11, 21),
            status=ActionStatus.BLOCKED,
            tag=TeamTag.MARKETING,
            action_id=123422,
        ),
        action_row("Launch the webinar", owner=LUCAS, due=TODAY, action_id=999999),
    ]


def free_text_headers() -> set[str]:
    """The wide columns whose text wraps (titles, notes): every other column is narrow."""
    return {_("Action"), _("Note"), _("Decision"), _("Agenda item"), _("KPI"), _("Activity")}


def narrow_columns_too_narrow(blob: bytes) -> list[str]:
    """Every (table, column, word) whose column is narrower than the word's estimate in the
    document's table font, and every table that does not span the text width."""
    doc = docx.Document(BytesIO(blob))
    styles = resolve_styles(doc)  # finds the styles the exporter wrote; adds none
    table_text_font = table_font(doc, styles.table_text, styles.table)
    body_font = table_font(doc, "Normal", None)
    section = doc.sections[-1]
    width = (section.page_width - section.left_margin - section.right_margin) // 635
    problems = []
    wide = free_text_headers()
    for n, tbl in enumerate(doc.tables):
        grid = [int(c.get(qn("w:w"))) for c in tbl._tbl.tblGrid.findall(qn("w:gridCol"))]
        if sum(grid) != width:
            problems.append(f"table {n}: {sum(grid)} twips wide, the page has {width}")
        # The title block (no borders, no table style) is set in the body's font.
        in_body = tbl._tbl.tblPr.find(qn("w:tblStyle")) is None
        font = body_font if in_body else table_text_font
        rows = [tr.findall(qn("w:tc")) for tr in tbl._tbl.tr_lst]
        rows = [r for r in rows if len(r) == len(grid)]  # not the owner's spanning row
        header = ["".join(t.text or "" for t in tc.iter(qn("w:t"))) for tc in rows[0]]
        for col, column_width in enumerate(grid):
            if header[col] in wide or (col == 1 and in_body):
                continue
            for tc in [r[col] for r in rows]:
                bold = tc.find(f".//{qn('w:b')}") is not None
                for line in "".join(
                    "\n" if t.tag == qn("w:br") else (t.text or "")
                    for t in tc.iter(qn("w:t"), qn("w:br"))
                ).split():
                    estimate = text_twips(line, font, bold=bold) + CELL_PADDING
                    if column_width < estimate:
                        problems.append(f"table {n} column {header[col]!r}: {line!r}")
    return problems


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("company", [False, True], ids=["our styles", "ACME"])
def test_minutes_narrow_columns_hold_their_longest_word(language, company, acme) -> None:
    with i18n.use_language(language):
        blob = minutes_document_bytes(six_digit_minutes(), template=acme if company else None)
        assert narrow_columns_too_narrow(blob) == []


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("company", [False, True], ids=["our styles", "ACME"])
def test_checklist_narrow_columns_hold_their_longest_word(language, company, acme) -> None:
    with i18n.use_language(language):
        blob = checklist_document_bytes(
            checklist_rows(),
            template=acme if company else None,
            generated_at=GENERATED,
            today=TODAY,
        )
        assert narrow_columns_too_narrow(blob) == []


def _cell_lines(tc) -> list[str]:
    """A cell's lines as written: its paragraphs, split at their line breaks."""
    lines = []
    for p in tc.iter(qn("w:p")):
        text = "".join(
            "\n" if t.tag == qn("w:br") else (t.text or "") for t in p.iter(qn("w:t"), qn("w:br"))
        )
        lines += [line for line in text.split("\n") if line.strip()]
    return lines


def _tables(blob: bytes):
    """(font, header, grid, rows of cells) for each table with a table style."""
    doc = docx.Document(BytesIO(blob))
    styles = resolve_styles(doc)
    font = table_font(doc, styles.table_text, styles.table)
    for tbl in doc.tables:
        if tbl._tbl.tblPr.find(qn("w:tblStyle")) is None:
            continue  # the title block: label and value, set in the body's font
        grid = [int(c.get(qn("w:w"))) for c in tbl._tbl.tblGrid.findall(qn("w:gridCol"))]
        rows = [tr.findall(qn("w:tc")) for tr in tbl._tbl.tr_lst]
        rows = [r for r in rows if len(r) == len(grid)]  # not the owner's spanning row
        header = ["".join(_cell_lines(tc)) for tc in rows[0]]
        yield font, header, grid, rows


def lines_that_wrap(blob: bytes) -> list[str]:
    """Every line of a narrow column (an id, a date, a status, a team; a "slipped 2×") that
    its column cannot hold whole, in the document's table font. Not the owners' names (a
    name wraps at its space: see the test of "Tom Okafor")."""
    problems = []
    for font, header, grid, rows in _tables(blob):
        for col, width in enumerate(grid):
            if header[col] in free_text_headers() or header[col] == owner_column():
                continue
            for tc in [r[col] for r in rows]:
                bold = tc.find(f".//{qn('w:b')}") is not None
                for line in _cell_lines(tc):
                    if width < text_twips(line, font, bold=bold) + CELL_PADDING:
                        problems.append(f"{header[0]}…{header[-1]} {header[col]!r}: {line!r}")
    return problems


@pytest.mark.parametrize("language", ["en", "de"])
def test_our_minutes_keep_every_date_and_status_on_one_line(language) -> None:
    """Our own styles have room for "15 Oct 2026" and "In progress" on one line, as before
    the columns followed the template's font: the review's dates and statuses stay whole."""
    with i18n.use_language(language):
        blob = minutes_document_bytes(six_digit_minutes())
        assert lines_that_wrap(blob) == []


@pytest.mark.parametrize("language", ["en", "de"])
def test_our_checklist_keeps_every_date_and_status_on_one_line(language) -> None:
    with i18n.use_language(language):
        blob = checklist_document_bytes(checklist_rows(), generated_at=GENERATED, today=TODAY)
        assert lines_that_wrap(blob) == []


def test_our_minutes_keep_a_short_name_on_one_line() -> None:
    """ "Tom Okafor" was on one line in the review's Owner column; it still is."""
    blob = minutes_document_bytes(six_digit_minutes())
    font, header, grid, _rows = next(t for t in _tables(blob) if _("Was") in t[1])
    owner = header.index(owner_column())
    assert grid[owner] >= text_twips("Tom Okafor", font) + CELL_PADDING


def free_text_too_narrow(blob: bytes) -> list[str]:
    """Every free-text column (an action's title, a review note) narrower than readable:
    1,100 twips, or its header's longest word in bold, whichever is wider."""
    problems = []
    for font, header, grid, _rows in _tables(blob):
        for name, width in zip(header, grid, strict=True):
            if name not in free_text_headers():
                continue
            words = [text_twips(w, font, bold=True) + CELL_PADDING for w in name.split()]
            if width < max(1100, *words):
                problems.append(f"{header[0]}…{header[-1]} {name!r}: {width} twips")
    return problems


@pytest.mark.parametrize("language", ["en", "de"])
def test_acme_minutes_keep_the_action_and_note_columns_readable(language, acme) -> None:
    """The ACME review table's ids, owners, dates and statuses take most of the page in its
    wide font; the Action and Note columns still keep a readable width, not a sliver that
    breaks "Waiting" into "Waitin/g" (and no narrow column breaks a word either)."""
    with i18n.use_language(language):
        blob = minutes_document_bytes(six_digit_minutes(), template=acme)
        assert free_text_too_narrow(blob) == []
        assert narrow_columns_too_narrow(blob) == []


@pytest.mark.parametrize("language", ["en", "de"])
def test_acme_checklist_keeps_the_action_column_readable(language, acme) -> None:
    with i18n.use_language(language):
        blob = checklist_document_bytes(
            checklist_rows(), template=acme, generated_at=GENERATED, today=TODAY
        )
        assert free_text_too_narrow(blob) == []
        assert narrow_columns_too_narrow(blob) == []


def test_acme_checklist_columns_are_wider_than_ours_for_the_same_words(acme) -> None:
    """The widths follow the template's font: its wide serif needs wider columns."""

    def grid(template):
        blob = checklist_document_bytes(
            checklist_rows(), template=template, generated_at=GENERATED, today=TODAY
        )
        tbl = docx.Document(BytesIO(blob)).tables[0]._tbl
        return [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]

    ours, theirs = grid(None), grid(acme)
    number, team = 0, 4
    assert theirs[number] > ours[number]
    assert theirs[team] > ours[team]


def test_table_font_is_read_from_the_templates_styles(acme, tmp_path: Path) -> None:
    # Ours: Calibri throughout, the table text at 9 pt.
    ours = docx.Document(BytesIO(minutes_document_bytes(make_minutes())))
    assert resolve_styles(ours).font == TableFont("Calibri", 9.0)
    # ACME: body text in the theme's minor font (Cambria), the table text at 9 pt.
    theirs = resolve_styles(docx.Document(str(acme)))
    assert theirs.font.family == "Cambria"
    assert theirs.font.size_pt == 9.0
    assert theirs.body_font == TableFont("Cambria", 11.0)
    # A template with its own "Table Text" style: that family and size.
    company = docx.Document()
    style = company.styles.add_style("Table Text", 1)
    style.font.name = "Verdana"
    style.font.size = docx.shared.Pt(11)
    path = tmp_path / "verdana.docx"
    company.save(str(path))
    assert table_font(docx.Document(str(path)), "TableText", None) == TableFont("Verdana", 11.0)


def test_a_wide_unknown_font_gets_the_safe_factor() -> None:
    calibri, serif = TableFont("Calibri", 9), TableFont("Some Company Serif", 9)
    assert text_twips("Marketing", serif) > 1.3 * text_twips("Marketing", calibri)


def test_german_statuses_and_teams_fit_in_the_acme_minutes(acme) -> None:
    with i18n.use_language("de"):
        doc = docx.Document(BytesIO(minutes_document_bytes(six_digit_minutes(), template=acme)))
        styles = resolve_styles(doc)
        font = table_font(doc, styles.table_text, styles.table)
        statuses = [w for s in ActionStatus for w in label(s).split()]
        teams = [w for t in TeamTag for w in label(t).split()]
        actions = next(t for t in doc.tables if t.rows[0].cells[-1].text == "Status")
        grid = [int(c.get(qn("w:w"))) for c in actions._tbl.tblGrid.findall(qn("w:gridCol"))]
        # "Blockiert", "Verworfen"; "Gemeinsam", "Marketing"
        assert grid[-1] >= max(text_twips(w, font) for w in statuses) + CELL_PADDING
        assert grid[2] >= max(text_twips(w, font) for w in teams) + CELL_PADDING


def test_a_table_of_report_sections_keeps_its_words_whole(acme) -> None:
    doc = docx.Document(str(acme))
    s = resolve_styles(doc)
    block = Table(
        header=("Member", "Rating", "Comment"),
        rows=(("Priya Raman", "Dependable", "Delivered all five actions on time"),),
        weights=(1, 1, 8),
    )
    xml = "".join(sections_xml(doc, [DocSection("Ratings", (block,))], s, 8640))
    widths = [int(w) for w in re.findall(r'<w:gridCol w:w="(\d+)"/>', xml)]
    assert sum(widths) == 8640
    assert widths[1] >= text_twips("Dependable", s.font) + CELL_PADDING


# --------------------------------------------------------------------------- properties

words = st.text(alphabet=st.characters(categories=("L",)), min_size=1, max_size=14)
names = st.lists(words, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ids=st.lists(st.integers(1, 9_999_999), min_size=1, max_size=5),
    teams=st.lists(names, min_size=1, max_size=4),
    statuses=st.lists(st.sampled_from(list(ActionStatus)), min_size=1),
    language=st.sampled_from(["en", "de"]),
    family=st.sampled_from(["Calibri", "Cambria", "Liberation Serif", "Verdana"]),
    size=st.sampled_from([8.0, 9.0, 10.0, 11.0]),
    width=st.integers(6000, 14000),
)
def test_no_column_is_narrower_than_its_longest_word(
    ids, teams, statuses, language, family, size, width
) -> None:
    font = TableFont(family, size)
    with i18n.use_language(language):
        cols = [
            Col("#", texts=[f"A-{max(ids)}"], least=560),
            Col(_("Action"), weight=1, least=1800),
            Col(_("Team"), texts=teams, least=950),
            Col(_("Status"), texts=[label(s) for s in statuses], least=1150, bold=True),
        ]
        cap = int(width * MOST_FOR_ONE_WORD)
        needs = [min(column_need(c, font), cap) for c in cols]
        assume(sum(needs) <= width)  # else the page cannot hold the words at all
        widths = column_widths(width, font, cols)
    assert sum(widths) == width
    assert all(w > 0 for w in widths)
    for col, w in zip(cols, widths, strict=True):
        longest = max(
            (text_twips(x, font, bold=col.bold) for t in col.texts for x in t.split()),
            default=0,
        )
        assert w >= min(longest + CELL_PADDING, cap)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    dates=st.lists(st.dates(date(2020, 1, 1), date(2035, 12, 31)), min_size=1, max_size=5),
    statuses=st.lists(st.sampled_from(list(ActionStatus)), min_size=1, max_size=5),
    language=st.sampled_from(["en", "de"]),
    family=st.sampled_from(["Calibri", "Cambria"]),
    width=st.integers(5000, 14000),
)
def test_free_text_is_readable_before_dates_and_statuses_are_whole(
    dates, statuses, language, family, width
) -> None:
    """The order in which the width goes: every word; a readable title and note; the title
    at its `least`; dates and statuses whole. Each holds whenever the page has room for it
    and everything before it."""
    font = TableFont(family, 9)
    with i18n.use_language(language):
        cols = [
            Col("#", texts=["A-123456"], least=560),
            Col(_("Action"), weight=3, least=1800),
            Col(_("Due"), texts=[short_date(d) for d in dates], whole=True),
            Col(_("Now"), texts=[label(s) for s in statuses], bold=True, whole=True),
            Col(_("Note"), weight=1),
        ]
        cap = int(width * MOST_FOR_ONE_WORD)  # a longer word breaks, as anywhere
        need = [min(column_need(c, font), cap) for c in cols]
        readable = [n if c.weight <= 0 else max(n, 1100) for c, n in zip(cols, need, strict=True)]
        titles = [
            max(n, c.least) if c.weight > 0 else n for c, n in zip(cols, readable, strict=True)
        ]
        whole = [
            max(n, *(min(text_twips(t, font, bold=c.bold) + CELL_PADDING, cap) for t in c.texts))
            if c.whole
            else n
            for c, n in zip(cols, titles, strict=True)
        ]
        assume(sum(need) <= width)
        widths = column_widths(width, font, cols)
    assert sum(widths) == width
    for step in (need, readable, titles, whole):
        if sum(step) <= width:
            assert all(w >= s for w, s in zip(widths, step, strict=True)), (step, widths)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ids=st.lists(st.integers(1, 999_999), min_size=1, max_size=4),
    statuses=st.lists(st.sampled_from(list(ActionStatus)), min_size=4, max_size=4),
    tags=st.lists(st.sampled_from(list(TeamTag)), min_size=4, max_size=4),
    language=st.sampled_from(["en", "de"]),
    company=st.booleans(),
)
def test_any_checklist_keeps_ids_teams_and_statuses_whole(
    ids, statuses, tags, language, company, acme
) -> None:
    rows = [
        action_row(f"Action {n}", action_id=i, status=s, tag=t)
        for n, (i, s, t) in enumerate(zip(ids, statuses, tags, strict=False))
    ]
    with i18n.use_language(language):
        blob = checklist_document_bytes(
            rows, template=acme if company else None, generated_at=GENERATED, today=TODAY
        )
        assert narrow_columns_too_narrow(blob) == []
