"""Minutes and checklists a company circulates without touching them (issue 17).

One test (or a few) per finding, each reading the exported file back: what the
document is called, the actual times, the Decisions section, approval and distribution,
the action numbers, the tables, the charts, the language and metadata, and the outline.
"""

from __future__ import annotations

import dataclasses
import json
import zipfile
from datetime import date, datetime, timedelta
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image

from alignmeet import i18n
from alignmeet.domain.enums import Attendance, MeetingStatus, Phase
from alignmeet.domain.glossary import GlossaryData, GlossaryEntry
from alignmeet.domain.goals import DashboardData, format_value
from alignmeet.domain.periods import parse_period
from alignmeet.domain.records import ApprovedRevision, MinutesStamp, RevisionInfo
from alignmeet.domain.sections import DocSection, Picture
from alignmeet.export import charts
from alignmeet.export.checklist_docx import checklist_document_bytes
from alignmeet.export.docx_columns import CELL_PADDING, text_twips
from alignmeet.export.glossary_docx import glossary_document_bytes
from alignmeet.export.minutes_docx import minutes_document_bytes
from alignmeet.services.minutes import read_record_text

from .test_charts import _data, _row
from .test_checklist_docx import GENERATED, TODAY, action_row
from .test_minutes_docx import (
    STARTS,
    all_text,
    make_minutes,
    meeting_record,
    open_docx,
    paragraphs_in,
    rows_text,
    table_after,
)

DATA = Path(__file__).with_name("data")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_of(data) -> docx.document.Document:  # type: ignore[name-defined]
    return open_docx(minutes_document_bytes(data))


def block(doc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return dict(tuple(row) for row in rows_text(doc.tables[0]))


# ---- 1. the document says what it is ---------------------------------------------------------


def test_f1_closed_minutes_say_minutes_in_the_title_footer_and_properties() -> None:
    doc = docx_of(make_minutes())
    assert paragraphs_in(doc, "Title") == ["Minutes: October pipeline alignment"]
    footer = doc.sections[0].footer.paragraphs[-1].text
    assert footer.startswith("Minutes · October pipeline alignment")
    assert doc.core_properties.title == "Minutes: October pipeline alignment"
    assert "DRAFT" not in all_text(doc)


def test_f1_a_planned_meeting_exports_as_an_agenda_not_as_empty_minutes() -> None:
    held = make_minutes()
    data = make_minutes(
        meeting=meeting_record(status=MeetingStatus.PLANNED, phase=Phase.OPEN, closed_at=None),
        participants=tuple(
            dataclasses.replace(p, attendance=Attendance.INVITED, committed_at=None)
            for p in held.participants
        ),
        items=tuple(  # prepared items: nothing said, decided or timed yet
            dataclasses.replace(
                e, ideas=(), decisions=(), item=dataclasses.replace(e.item, used_seconds=0)
            )
            for e in held.items
        ),
        plans=(),
    )
    doc = docx_of(data)
    text = all_text(doc)
    assert paragraphs_in(doc, "Title") == ["Agenda: October pipeline alignment"]
    assert "Present (0)" not in text and "Absent (" not in text and "nobody recorded" not in text
    assert "Invited (7): Dana Whitfield (Marketing)" in text
    assert paragraphs_in(doc, "Heading 1") == [
        "Invited",
        "Purpose",
        "Agenda",
        "Actions to review",
        "Next meeting",
        "Distribution",
    ]
    # Each item at its planned clock time, one after the other from the start.
    assert "09:00–09:10 (10 min) · Owner: Dana Whitfield · KPI review" in text
    assert block(doc)["Time"] == "09:00–10:00 (60 min)"
    assert doc.core_properties.category == "Meeting agenda"


def test_f1_a_running_meeting_is_marked_draft() -> None:
    data = make_minutes(
        meeting=meeting_record(status=MeetingStatus.RUNNING, phase=Phase.AGENDA, closed_at=None)
    )
    doc = docx_of(data)
    assert paragraphs_in(doc, "Title") == ["Draft minutes: October pipeline alignment"]
    draft = doc.paragraphs[1]
    assert draft.text.startswith("DRAFT — the meeting is not closed")
    assert draft.runs[0].bold and str(draft.runs[0].font.color.rgb) == "C00000"
    assert "Not for approval yet: a draft until the meeting is closed." in all_text(doc)


# ---- 2. actual times -----------------------------------------------------------------------------


def test_f2_actual_start_and_end_beside_the_planned_times() -> None:
    meeting = meeting_record(
        started_at=STARTS + timedelta(minutes=4), closed_at=STARTS + timedelta(minutes=81)
    )
    rows = block(docx_of(make_minutes(meeting=meeting)))
    assert rows["Planned"] == "09:00–10:00 (60 min)"
    assert rows["Actual"] == "09:04–10:21 (77 min)"


def test_f2_a_meeting_run_on_another_day_says_which_day() -> None:
    late = datetime(2026, 10, 2, 23, 9)
    meeting = meeting_record(started_at=late, closed_at=late + timedelta(minutes=35))
    rows = block(docx_of(make_minutes(meeting=meeting)))
    assert rows["Actual"] == "Friday 2 October 2026, 23:09–23:44 (35 min)"


def test_f2_no_actual_time_is_invented_for_a_meeting_without_a_clock_start() -> None:
    rows = block(docx_of(make_minutes(meeting=meeting_record(started_at=None))))
    assert "Actual" not in rows


def test_f2_time_used_reads_as_minutes_of_the_box_not_as_a_clock_time() -> None:
    text = all_text(docx_of(make_minutes()))
    assert "10 min used of 10" in text
    assert "18 min used of 15 (+3 over)" in text
    assert "Used 10:05" not in text


# ---- 3. a numbered Decisions section -------------------------------------------------------------


def test_f3_every_decision_in_one_numbered_table_with_its_item() -> None:
    data = make_minutes()
    doc = docx_of(data)
    rows = rows_text(table_after(doc, "Decisions"))
    assert rows[0] == ["#", "Decision", "Agenda item"]
    decisions = [(e, d) for e in data.items for d in e.decisions]
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, len(decisions) + 1)]
    for row, (entry, decision) in zip(rows[1:], decisions, strict=True):
        assert row[1] == decision.text
        assert row[2].endswith(entry.item.title)
    # The item says the same number.
    first = decisions[0][1]
    assert f"Decision 1: {first.text}" in paragraphs_in(doc, "List Bullet")


# ---- 4. approval and distribution ----------------------------------------------------------------


def test_f4_approved_minutes_say_where_when_and_which_revision() -> None:
    stamp = MinutesStamp(
        revision=1,
        closed_at=STARTS + timedelta(hours=1),
        revisions=(RevisionInfo(id=3, revision=1, closed_at=STARTS + timedelta(hours=1)),),
        approved_in=(ApprovedRevision(8, "November sync", date(2026, 11, 5), 1),),
    )
    doc = docx_of(make_minutes(stamp=stamp))
    headings = paragraphs_in(doc, "Heading 1")
    assert headings[-2:] == ["Approval", "Distribution"]
    text = all_text(doc)
    assert "Approved in November sync on 5 Nov 2026 (revision 1)." in text
    assert "Facilitator: Dana Whitfield · Minutes taken by: Priya Raman" in text


def test_f4_minutes_not_yet_approved_say_when_they_will_be() -> None:
    text = all_text(docx_of(make_minutes()))
    assert "Not yet approved: due for approval at the next meeting, 5 Nov 2026." in text


def test_f4_distribution_list_as_the_e_mail_addresses_it() -> None:
    text = all_text(docx_of(make_minutes()))
    assert "To: Dana Whitfield (Marketing), Priya Raman (Marketing, representing Sales)" in text
    assert "Copy: Lena Fischer (Marketing), Raj Patel (Sales)" in text


# ---- 5. one action number ------------------------------------------------------------------------


def test_f5_the_minutes_and_the_checklist_give_an_action_the_same_number() -> None:
    data = make_minutes()
    doc = docx_of(data)
    review = rows_text(table_after(doc, "Review of previous actions"))
    assert review[1][0] == f"A-{data.follow_ups[0].action.id}"
    plans = rows_text(table_after(doc, "Action plans"))
    numbers = [row[0] for row in plans[1:] if row[0].startswith("A-")]
    assert numbers == [f"A-{a.id}" for plan in data.plans for a in plan.actions]
    row = action_row("Send the list", action_id=data.plans[0].actions[0].id)
    checklist = docx.Document(
        BytesIO(checklist_document_bytes([row], generated_at=GENERATED, today=TODAY))
    )
    assert checklist.tables[0].rows[2].cells[0].text == numbers[0]


# ---- 6. tables -----------------------------------------------------------------------------------


def test_f6_the_number_column_fits_a_five_digit_number_on_one_line() -> None:
    data = make_minutes()
    plan = data.plans[0]
    big = dataclasses.replace(plan.actions[0], id=12345)
    data = dataclasses.replace(
        data, plans=(dataclasses.replace(plan, actions=(big,)), *data.plans[1:])
    )
    doc = docx_of(data)
    table = table_after(doc, "Action plans")
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    # Text width plus the cell margins (85 twips a side).
    assert grid[0] >= text_twips("A-12345") + CELL_PADDING
    assert rows_text(table)[0] == ["#", "Action", "Team", "Due", "Status"]  # no owner column


def test_f6_checklist_owner_heads_every_page_and_no_owner_row_is_left_alone() -> None:
    rows = [action_row(f"Action {n}", action_id=n) for n in range(1, 6)]
    checklist = docx.Document(
        BytesIO(checklist_document_bytes(rows, generated_at=GENERATED, today=TODAY))
    )
    (table,) = checklist.tables
    owner, header, *body = table._tbl.tr_lst
    for repeated in (owner, header):  # Word repeats them at the top of every page
        assert repeated.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert table.rows[0].cells[0].text == "Priya Raman (Sales)"
    # The last two rows keep together: a page never holds the owner's last row alone.
    keeps = [tr.find(f".//{qn('w:keepNext')}") is not None for tr in body]
    assert keeps == [False, False, False, True, False]


# ---- 7. charts -----------------------------------------------------------------------------------


def kpi_dashboard(count: int) -> DashboardData:
    twelve = [20.0 + (n % 5) for n in range(12)]
    rows = [
        _row("MQL→SQL conversion", twelve),
        _row("Leads rejected by Sales", [90.0 + n for n in range(12)], unit="leads", higher=False),
        _row("Speed to lead", [9.0 - n * 0.6 for n in range(12)], unit="h", target=1, higher=False),
        _row(
            "Pipeline from marketing", [1.2e6 + n * 4e4 for n in range(12)], unit="$", target=1.8e6
        ),
    ]
    return _data(rows[:count])


def font_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    sizes: list[int] = []
    real = charts._font

    def spy(size: int, bold: bool = False):  # type: ignore[no-untyped-def]
        sizes.append(size)
        return real(size, bold)

    monkeypatch.setattr(charts, "_font", spy)
    return sizes


@pytest.mark.parametrize("count", [1, 2, 4])
def test_f7_no_chart_text_under_8_pt_at_print_size(
    monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    sizes = font_sizes(monkeypatch)
    png = charts.dashboard_chart_png(kpi_dashboard(count), print_width_cm=16.0)
    width_px = Image.open(BytesIO(png)).width
    pt_per_px = 16.0 / 2.54 * 72 / width_px
    smallest = min(sizes) / charts.SS * pt_per_px
    assert smallest >= 8.0, f"{smallest:.1f} pt"


def test_f7_no_dashboard_chart_text_under_8_pt(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = font_sizes(monkeypatch)
    row = kpi_dashboard(1).rows[0]
    charts.row_chart_png(row, width=900, height=400, print_width_cm=16.0)
    assert min(sizes) / charts.SS * (16.0 / 2.54 * 72 / 900) >= 8.0


def test_f7_one_kpi_takes_the_whole_width() -> None:
    image = Image.open(BytesIO(charts.dashboard_chart_png(kpi_dashboard(1)))).convert("L")
    right = image.crop((image.width * 3 // 4, 0, image.width, image.height))
    assert right.getextrema()[0] < 200  # bars, lines or text in the right quarter: not blank


def test_f7_emoji_are_left_out_instead_of_empty_boxes_and_symbols_kept() -> None:
    font = charts._font(24)
    assert charts.drawable("Leads 🚀 rejected", font) == "Leads rejected"
    assert charts.drawable("MQL→SQL ▲ ✔", font) == "MQL→SQL ▲ ✔"


def test_f7_kpi_chart_in_the_minutes_has_alt_text_and_an_honest_caption() -> None:
    from alignmeet.services.goals import kpi_review_section

    section = kpi_review_section(kpi_dashboard(2))
    picture = next(b for b in section.blocks if isinstance(b, Picture))
    assert "= 100 %" not in picture.caption
    assert "in its own unit" in picture.caption
    names = [row.kpi.name for row in kpi_dashboard(2).rows]
    assert all(name in picture.alt for name in names)
    doc = docx_of(make_minutes(toolkit=(section,)))
    descr = [e.get("descr") for e in doc.element.body.iter() if e.tag.endswith("}docPr")]
    assert descr == [picture.alt]


def test_f7_a_picture_stored_without_alt_text_uses_its_caption() -> None:
    png = charts.dashboard_chart_png(kpi_dashboard(1))
    section = DocSection("KPI review", (Picture(png, 10.0, caption="Actual against target"),))
    doc = docx_of(make_minutes(toolkit=(section,)))
    descr = [e.get("descr") for e in doc.element.body.iter() if e.tag.endswith("}docPr")]
    assert descr == ["Actual against target"]


# ---- 8. language and metadata --------------------------------------------------------------------


def part(blob: bytes, name: str) -> str:
    with zipfile.ZipFile(BytesIO(blob)) as z:
        return z.read(name).decode("utf-8")


def test_f8_a_german_document_is_tagged_german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "de_AT.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    with i18n.use_language("de"):
        blob = minutes_document_bytes(make_minutes())
    doc = open_docx(blob)
    defaults = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults.get(f"{W}val") == "de-AT"
    assert 'w:themeFontLang w:val="de-AT"' in part(blob, "word/settings.xml")
    assert "en-US" not in part(blob, "word/styles.xml").split("</w:docDefaults>")[0]
    assert doc.core_properties.language == "de-AT"


def test_f8_true_metadata_and_no_thumbnail() -> None:
    blob = minutes_document_bytes(make_minutes())
    with zipfile.ZipFile(BytesIO(blob)) as z:
        names = z.namelist()
    assert not [n for n in names if "thumbnail" in n.lower()]
    assert "word/stylesWithEffects.xml" not in names
    app = part(blob, "docProps/app.xml")
    assert "<Application>AlignMeet " in app
    assert "Microsoft" not in app and "<Pages>" not in app and "<Words>" not in app
    assert "savePreviewPicture" not in part(blob, "word/settings.xml")
    assert "thumbnail" not in part(blob, "_rels/.rels")


@pytest.mark.parametrize(
    ("env", "paper"),
    [
        ({"LANG": "de_DE.UTF-8"}, (11906, 16838)),  # A4
        ({"LANG": "en_GB.UTF-8"}, (11906, 16838)),
        ({"LANG": "C.UTF-8"}, (11906, 16838)),  # no region named: A4
        ({"LANG": "en_US.UTF-8"}, (12240, 15840)),  # US Letter
        ({"LANG": "en_US.UTF-8", "ALIGNMEET_PAPER": "a4"}, (11906, 16838)),  # the setting
        ({"LANG": "de_DE.UTF-8", "ALIGNMEET_PAPER": "letter"}, (12240, 15840)),
    ],
)
def test_f8_paper_follows_the_region_or_the_setting(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], paper: tuple[int, int]
) -> None:
    for name in ("LC_ALL", "LC_PAPER", "LANG", "ALIGNMEET_PAPER"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    for blob in (
        minutes_document_bytes(make_minutes()),
        checklist_document_bytes([action_row()], generated_at=GENERATED, today=TODAY),
    ):
        section = open_docx(blob).sections[0]
        assert (section.page_width // 635, section.page_height // 635) == paper


def test_f8_german_numbers_and_months_in_charts_and_tables() -> None:
    with i18n.use_language("de"):
        assert format_value(29.1, "%") == "29,1 %"
        assert format_value(12300, "leads", compact=False) == "12.300 leads"
        assert format_value(1_600_000, "$") == "$1,6 Mio."
        period = parse_period("2026-05")
        assert (period.label, period.short_label) == ("Mai 2026", "Mai 26")
        assert parse_period("Okt. 2026").key == "2026-10"
    assert format_value(29.1, "%") == "29.1 %"
    assert parse_period("2026-05").short_label == "May 26"


# ---- 9. outline ----------------------------------------------------------------------------------


def outline(blob: bytes) -> list[str]:
    doc = docx.Document(BytesIO(blob))
    return [p.style.name for p in doc.paragraphs if p.style.name.startswith(("Title", "Heading"))]


def assert_no_level_skipped(levels: list[str]) -> None:
    depth = 0
    for name in levels:
        level = 0 if name == "Title" else int(name.split()[-1])
        assert level <= depth + 1, levels
        depth = level


def test_f9_checklist_and_glossary_outline_never_skips_a_level() -> None:
    checklist = checklist_document_bytes(
        [action_row(), action_row("Other", owner=(2, "Ana", "Marketing"))],
        generated_at=GENERATED,
        today=TODAY,
    )
    assert outline(checklist)[:3] == ["Title", "Heading 1", "Heading 2"]
    assert_no_level_skipped(outline(checklist))
    glossary = GlossaryData(
        entries=(
            GlossaryEntry(
                term="MQL",
                definition="Marketing-qualified lead",
                number=2,
                meeting_title="October sync",
                agreed_on=date(2026, 10, 13),
                previous_versions=1,
            ),
        ),
        generated_at=GENERATED,
    )
    levels = outline(glossary_document_bytes(glossary))
    assert levels == ["Title", "Heading 1", "Heading 2"]
    assert_no_level_skipped(outline(minutes_document_bytes(make_minutes())))


# ---- records stored before these changes ---------------------------------------------------------


def test_a_record_stored_before_issue_17_still_reads_and_exports() -> None:
    """The demo's November minutes of record as the previous version stored them (no
    started_at on the meeting, no alt text on the chart): they read back and export, and
    say nothing about an actual time they never recorded."""
    text = (DATA / "minutes_record_before_issue17.json").read_text(encoding="utf-8")
    assert '"started_at"' not in text and '"alt"' not in text
    data, rebuilt = read_record_text(text)
    assert rebuilt is None and data.meeting.started_at is None
    doc = open_docx(minutes_document_bytes(data))
    assert paragraphs_in(doc, "Title") == ["Minutes: Sales & Marketing sync — November 2026"]
    assert "Actual" not in block(doc)
    assert "Decisions" in paragraphs_in(doc, "Heading 1")
    assert json.loads(text)["format"] == 1
