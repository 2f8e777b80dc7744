"""Dates in Word tables stay whole, and the checklist's Due column is as wide as its dates.

The last review, with the ACME company template (a wide serif): dates wrapped at their
spaces ("7 Dec" over "2026"), and the checklist's Due column was sized for the widest month
name in bold whatever dates it showed, so the Action column was left narrow.

A date is kept whole by the column's width, not by a non-breaking space in the text: a date
copied out of the table stays "7 Dec 2026" with ordinary spaces, so it pastes into a
search, a spreadsheet or an e-mail as typed. Read back from the written files, in English
and German, with our styles and with ACME's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from alignmeet import i18n
from alignmeet.demo import build_demo
from alignmeet.domain.enums import ActionStatus
from alignmeet.domain.followups import ActionFilter
from alignmeet.export.checklist_docx import checklist_document_bytes
from alignmeet.export.docx_columns import CELL_PADDING, text_twips
from alignmeet.export.minutes_docx import minutes_document_bytes
from alignmeet.i18n import _
from alignmeet.services import Services, open_services

from .test_checklist_docx import AMARA, GENERATED, LUCAS, PRIYA, TODAY, action_row
from .test_column_widths import _tables, six_digit_minutes

# "7 Dec 2026", "20. Okt. 2026", "3. Mai 2026": a whole cell line that is one date.
DATE = re.compile(r"\d{1,2}\.? [^\W\d_]{3,5}\.? \d{4}")


def lines_and_bold(tc) -> list[tuple[str, bool]]:
    """A cell's lines as written, each with whether it is set in bold."""
    lines: list[tuple[str, bool]] = []
    for p in tc.iter(qn("w:p")):
        text, bold = "", False
        for r in p.iter(qn("w:r")):
            for child in r:
                if child.tag == qn("w:br"):
                    lines.append((text, bold))
                    text, bold = "", False
                elif child.tag == qn("w:t"):
                    text += child.text or ""
                    bold = bold or r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None
        lines.append((text, bold))
    return [(line, bold) for line, bold in lines if line.strip()]


def broken_dates(blob: bytes, *, but: tuple[str, ...] = ()) -> list[str]:
    """Every date in a table cell that its column cannot hold on one line (not in the tables
    with a column headed by one of `but`)."""
    problems = []
    for font, header, grid, rows in _tables(blob):
        if set(header) & set(but):
            continue
        for col, width in enumerate(grid):
            for tc in [r[col] for r in rows[1:]]:
                for line, bold in lines_and_bold(tc):
                    if DATE.fullmatch(line) and width < text_twips(line, font, bold=bold) + (
                        CELL_PADDING
                    ):
                        problems.append(f"{header[col]!r}: {line!r} in {width} twips")
    return problems


def short_dates_rows():
    """Actions due on dates narrower than the widest month's: "1 Jul 2026"."""
    return [
        action_row("Agree the split", owner=PRIYA, due=date(2026, 7, 1), action_id=11),
        action_row(
            "Write the case study",
            owner=AMARA,
            due=date(2026, 7, 1),
            status=ActionStatus.BLOCKED,
            action_id=12,
        ),
        action_row("Launch the webinar", owner=LUCAS, due=date(2026, 12, 1), action_id=13),
    ]


def due_and_action(blob: bytes) -> tuple[int, int, int]:
    """(Due column's width, the widest line its cells hold plus padding, Action's width),
    over every table with both columns (the checklist has one per owner, all alike)."""
    found: list[tuple[int, int]] = []
    widest = 0
    for font, header, grid, rows in _tables(blob):
        if _("Due") in header and _("Action") in header:
            due = header.index(_("Due"))
            found.append((grid[due], grid[header.index(_("Action"))]))
            widest = max(widest, text_twips(_("Due"), font, bold=True))
            for tc in [r[due] for r in rows[1:]]:
                for line, bold in lines_and_bold(tc):
                    widest = max(widest, text_twips(line, font, bold=bold))
    assert found, "no table with Due and Action columns"
    assert len(set(found)) == 1, found
    return found[0][0], widest + CELL_PADDING, found[0][1]


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Services]]:
    """The demo built (its meetings closed) in each language: minutes of record are
    written in the language they were closed in."""
    built: dict[str, Services] = {}
    for language in ("en", "de"):
        services = open_services(str(tmp_path_factory.mktemp("demo") / f"{language}.sqlite3"))
        with i18n.use_language(language):
            build_demo(services, today=date(2026, 12, 7))
        built[language] = services
    yield built
    for services in built.values():
        services.close()


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("company", [False, True], ids=["our styles", "ACME"])
def test_no_date_breaks_in_the_demo_minutes(language, company, acme, demos, tmp_path) -> None:
    """Every meeting of the demo (the minutes of the closed ones, the agenda of the one to
    come): the action plans' Due, the agenda's actions to review.

    Not the minutes' eight-column review (with "Was" and "Now") in ACME's wide serif: its
    ids, names, statuses and both dates whole leave the Action and Note columns 0.65 cm
    short of readable on the page, and a readable note comes first (see
    test_acme_minutes_keep_the_action_and_note_columns_readable): there a date may still
    break at its space, never inside a word. With our styles it holds them all whole."""
    demo = demos[language]
    with i18n.use_language(language):
        for meeting in demo.meetings.list_meetings():
            target = tmp_path / f"{meeting.id}.docx"
            demo.minutes.export_docx(
                meeting_id=meeting.id, path=target, template=acme if company else None
            )
            but = (_("Was"),) if company else ()
            assert broken_dates(target.read_bytes(), but=but) == [], meeting.title


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_date_breaks_in_our_minutes_with_six_digit_ids(language) -> None:
    with i18n.use_language(language):
        assert broken_dates(minutes_document_bytes(six_digit_minutes())) == []


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("company", [False, True], ids=["our styles", "ACME"])
def test_the_checklist_due_column_is_as_wide_as_its_dates(language, company, acme) -> None:
    """Whole dates, and not a twip more than the widest of them (or its header) needs, plus
    the renderer's slack: the Action column has the rest."""
    with i18n.use_language(language):
        blob = checklist_document_bytes(
            short_dates_rows(),
            template=acme if company else None,
            generated_at=GENERATED,
            today=TODAY,
        )
        assert broken_dates(blob) == []
        due, widest, action = due_and_action(blob)
        assert widest <= due <= widest + 60, (due, widest)
        assert action > due


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_app_s_checklist_with_acme_keeps_dates_whole(language, acme, tmp_path: Path) -> None:
    """The checklist as the app writes it (the service, streaming each owner's rows), with
    the demo's actions and the ACME template."""
    services: Services = open_services(str(tmp_path / "demo.sqlite3"))
    try:
        build_demo(services, today=date(2026, 12, 7))
        target = tmp_path / "checklist.docx"
        with i18n.use_language(language):
            services.exports.followups_docx(flt=ActionFilter(), path=target, template=acme)
            blob = target.read_bytes()
            assert broken_dates(blob) == []
            due, widest, _action = due_and_action(blob)
            assert widest <= due <= widest + 60, (due, widest)
        assert docx.Document(BytesIO(blob)).tables
    finally:
        services.close()
