"""The follow-up checklist (.docx): owners, check boxes, due dates, origins, hostile text.

Also the two things the minutes gained with it (they share `docx_xml`): slipped due dates
in the review of previous actions, and carried-over agenda items with their origin.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import zipfile
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import docx
import docx.document
import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.enums import ActionStatus, ItemKind, MeetingStatus, Phase, TeamTag
from alignmeet.domain.records import (
    ActionRecord,
    ActionRow,
    AgendaItemMinutes,
    AgendaItemRecord,
    FollowUpRecord,
    MeetingRecord,
    MinutesData,
)
from alignmeet.export import ExportError
from alignmeet.export.checklist_docx import checklist_document_bytes, write_checklist
from alignmeet.export.docx_xml import one_line
from alignmeet.export.minutes_docx import minutes_document_bytes
from alignmeet.export.sanitize import clean_text

TODAY = date(2026, 11, 22)
GENERATED = datetime(2026, 11, 22, 9, 30)
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
SEP = date(2026, 9, 29)
OCT = date(2026, 10, 27)

# --------------------------------------------------------------------------- factory

_ids = iter(range(1, 1_000_000))


def action_row(
    title: str = "Send the webinar list to SDRs",
    *,
    owner: tuple[int, str, str] = (1, "Priya Raman", "Sales"),
    due: date | None = date(2026, 12, 1),
    status: ActionStatus = ActionStatus.OPEN,
    tag: TeamTag = TeamTag.SALES,
    milestone: str = "",
    meeting: tuple[str, date] = ("September sync", SEP),
    slipped: int = 0,
    action_id: int | None = None,
) -> ActionRow:
    owner_id, owner_name, team = owner
    return ActionRow(
        action=ActionRecord(
            id=action_id if action_id is not None else next(_ids),
            meeting_id=1,
            meeting_title=meeting[0],
            meeting_date=meeting[1],
            owner_id=owner_id,
            owner_name=owner_name,
            title=title,
            due=due,
            team_tag=tag,
            status=status,
            milestone=milestone,
            position=1,
        ),
        series_id=1,
        series_name="Monthly Sales & Marketing sync",
        owner_team=team,
        times_slipped=slipped,
        last_note="",
    )


PRIYA = (1, "Priya Raman", "Sales")
AMARA = (2, "Amara Nwosu", "Marketing")
LUCAS = (3, "Lucas Ferreira", "Marketing")


@pytest.fixture(scope="module")
def rows() -> list[ActionRow]:
    return [
        # Priya: one overdue and slipped twice, one done (past due: not overdue), one later
        action_row(
            "Agree the revenue target split",
            owner=PRIYA,
            due=date(2026, 10, 20),
            status=ActionStatus.IN_PROGRESS,
            tag=TeamTag.JOINT,
            slipped=2,
            milestone="Targets agreed",
            action_id=11,
        ),
        action_row(
            "Make a rejection reason mandatory",
            owner=PRIYA,
            due=date(2026, 10, 13),
            status=ActionStatus.DONE,
            action_id=12,
        ),
        action_row("Add speed to lead to the dashboard", owner=PRIYA, action_id=13),
        # Amara: dropped and blocked (overdue), and one without due date
        action_row(
            "Set up round-robin assignment",
            owner=AMARA,
            due=date(2026, 10, 1),
            status=ActionStatus.DROPPED,
            tag=TeamTag.MARKETING,
            action_id=21,
        ),
        action_row(
            "Write the case study",
            owner=AMARA,
            due=date(2026, 11, 21),
            status=ActionStatus.BLOCKED,
            tag=TeamTag.MARKETING,
            meeting=("October sync", OCT),
            action_id=22,
        ),
        action_row("Plan the campaign calendar", owner=AMARA, due=None, action_id=23),
        # Lucas: due today is not overdue
        action_row("Launch the webinar", owner=LUCAS, due=TODAY, action_id=31),
    ]


def build(rows, **kwargs) -> docx.document.Document:
    kwargs.setdefault("generated_at", GENERATED)
    kwargs.setdefault("today", TODAY)
    return docx.Document(BytesIO(checklist_document_bytes(rows, **kwargs)))


@pytest.fixture(scope="module")
def doc(rows) -> docx.document.Document:
    return build(rows, scope="Open actions · Monthly Sales & Marketing sync")


def headings(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Heading 2"]


def boxes(element) -> list[tuple[str, bool, str]]:
    """(tag, checked, glyph) of every check box content control under `element`."""
    found = []
    for sdt in element.iter(qn("w:sdt")):
        checkbox = sdt.find(f"{qn('w:sdtPr')}/{{{W14}}}checkbox")
        if checkbox is None:
            continue
        checked = checkbox.find(f"{{{W14}}}checked").get(f"{{{W14}}}val")
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}").get(qn("w:val"))
        glyph = "".join(t.text for t in sdt.find(qn("w:sdtContent")).iter(qn("w:t")))
        found.append((tag, checked in ("1", "true"), glyph))
    return found


def owner_table(document: docx.document.Document, index: int):
    return document.tables[index]


# --------------------------------------------------------------------------- content


def test_title_and_scope_line(doc) -> None:
    paragraphs = [p for p in doc.paragraphs if p.text]
    assert paragraphs[0].text == "Follow-up checklist"
    assert paragraphs[0].style.name == "Title"
    assert paragraphs[1].text == (
        "Open actions · Monthly Sales & Marketing sync · generated 22 Nov 2026"
    )
    assert paragraphs[2].text == "7 actions · 3 owners · 2 overdue · 1 done"


def test_custom_title() -> None:
    document = build([action_row()], title="My commitments")
    assert document.paragraphs[0].text == "My commitments"
    assert document.core_properties.title == "My commitments"


def test_grouped_by_owner_in_name_order_with_team_and_counts(doc) -> None:
    assert headings(doc) == [
        "Amara Nwosu (Marketing)",
        "Lucas Ferreira (Marketing)",
        "Priya Raman (Sales)",
    ]
    texts = [p.text for p in doc.paragraphs]
    after = {texts[i - 1]: texts[i] for i in range(1, len(texts))}
    assert after["Amara Nwosu (Marketing)"] == "3 actions · 1 overdue"
    assert after["Lucas Ferreira (Marketing)"] == "1 action"
    assert after["Priya Raman (Sales)"] == "3 actions · 1 overdue"


def test_each_owner_table_lists_their_actions_in_the_order_given(doc) -> None:
    assert len(doc.tables) == 3
    titles = [
        [row.cells[2].paragraphs[0].text.split("\n")[0] for row in t.rows[2:]] for t in doc.tables
    ]
    assert titles == [
        ["Set up round-robin assignment", "Write the case study", "Plan the campaign calendar"],
        ["Launch the webinar"],
        [
            "Agree the revenue target split",
            "Make a rejection reason mandatory",
            "Add speed to lead to the dashboard",
        ],
    ]
    for t in doc.tables:
        owner = t.rows[0].cells[0].text  # the owner's row heads the table (and every page)
        assert owner in (
            "Amara Nwosu (Marketing)",
            "Lucas Ferreira (Marketing)",
            "Priya Raman (Sales)",
        )
        assert [c.text for c in t.rows[1].cells] == ["#", "Done", "Action", "Due", "Team", "Status"]
        for row in t.rows[2:]:
            assert row.cells[0].text.startswith("A-")  # the number every document gives it


def test_real_check_boxes_ticked_only_for_done(doc, rows) -> None:
    found = boxes(doc.element.body)
    assert len(found) == len(rows)
    by_tag = {tag: (checked, glyph) for tag, checked, glyph in found}
    for row in rows:
        checked, glyph = by_tag[f"alignmeet-action-{row.action.id}"]
        done = row.action.status is ActionStatus.DONE
        assert checked is done
        assert glyph == ("☒" if done else "☐")
    ids = [
        sdt.find(f"{qn('w:sdtPr')}/{qn('w:id')}").get(qn("w:val"))
        for sdt in doc.element.body.iter(qn("w:sdt"))
    ]
    assert len(set(ids)) == len(ids)


def test_check_box_is_in_the_first_cell_of_each_row(doc) -> None:
    for t in doc.tables:
        for row in t.rows[2:]:
            assert len(boxes(row.cells[1]._tc)) == 1
            assert boxes(row.cells[2]._tc) == []


def cells_of(doc, title: str):
    for t in doc.tables:
        for row in t.rows[2:]:
            if row.cells[2].text.startswith(title):
                return row.cells[1:]  # from the check box on, as before the "#" column
    raise AssertionError(f"no row for {title!r}")


def red_bold_texts(cell) -> list[str]:
    out = []
    for run in cell.paragraphs[0].runs:
        if run.bold and run.font.color.rgb is not None and str(run.font.color.rgb) == "C00000":
            out.append(run.text)
    return out


def test_overdue_due_dates_are_red_bold_and_say_so(doc) -> None:
    cells = cells_of(doc, "Agree the revenue target split")
    assert cells[2].text == "20 Oct 2026\noverdue\nslipped 2×"
    assert red_bold_texts(cells[2]) == ["20 Oct 2026", "\noverdue"]
    blocked = cells_of(doc, "Write the case study")
    assert blocked[2].text == "21 Nov 2026\noverdue"


@pytest.mark.parametrize(
    "title",
    ["Make a rejection reason mandatory", "Set up round-robin assignment", "Launch the webinar"],
)
def test_done_dropped_and_due_today_are_not_overdue(doc, title) -> None:
    cells = cells_of(doc, title)
    assert "overdue" not in cells[2].text
    assert red_bold_texts(cells[2]) == []


def test_no_due_date_shows_a_dash(doc) -> None:
    assert cells_of(doc, "Plan the campaign calendar")[2].text == "—"


def test_action_cell_has_milestone_and_origin(doc) -> None:
    cells = cells_of(doc, "Agree the revenue target split")
    assert cells[1].text == (
        "Agree the revenue target split\nMilestone: Targets agreed\n"
        "from September sync, 29 Sep 2026"
    )
    assert cells_of(doc, "Write the case study")[1].text == (
        "Write the case study\nfrom October sync, 27 Oct 2026"
    )


def test_team_tag_and_status_columns(doc) -> None:
    cells = cells_of(doc, "Agree the revenue target split")
    assert (cells[3].text, cells[4].text) == ("Joint", "In progress")
    cells = cells_of(doc, "Set up round-robin assignment")
    assert (cells[3].text, cells[4].text) == ("Marketing", "Dropped")
    assert cells[1].paragraphs[0].runs[0].font.strike is True


def test_slipped_only_when_it_slipped(doc) -> None:
    assert "slipped" not in cells_of(doc, "Launch the webinar")[2].text
    one = build([action_row("x", slipped=1)])
    assert one.tables[0].rows[2].cells[3].text.endswith("\nslipped 1×")


def test_real_styles_repeated_headers_rows_do_not_split(doc) -> None:
    styles = {p.style.name for p in doc.paragraphs if p.text}
    assert {"Title", "Heading 2"} <= styles
    for t in doc.tables:
        assert t.style is not None and t.style.name == "Light Grid Accent 1"
        rows = t._tbl.tr_lst
        # The owner's row and the column names repeat on every page the table runs on.
        for tr in rows[:2]:
            assert tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        for tr in rows:
            assert tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
        for tr in rows[2:]:
            assert tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None
        for tc in t._tbl.iter(qn("w:tc")):
            for p in tc.iter(qn("w:p")):
                style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
                assert style is not None  # "Table Text", not direct formatting


def test_footer_has_page_x_of_y(doc) -> None:
    footer = doc.sections[0].footer._element
    instructions = [n.text.strip() for n in footer.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    text = "".join(t.text for t in footer.iter(qn("w:t")))
    assert text.startswith("Follow-up checklist · 22 Nov 2026")
    assert "Page 1 of 1" in text


def test_core_properties(doc) -> None:
    props = doc.core_properties
    assert props.title == "Follow-up checklist"
    assert props.subject == "Open actions · Monthly Sales & Marketing sync"
    assert props.created.replace(tzinfo=None) == GENERATED


def test_no_actions_says_so() -> None:
    document = build([], scope="Open actions")
    texts = [p.text for p in document.paragraphs]
    assert "0 actions · 0 owners" in texts
    assert "No actions match this selection." in texts
    assert document.tables == []


HOSTILE = [
    "<b>Sam</b>",
    "{{7*7}}",
    "]]><w:p/>",
    "&amp; &lt;",
    'O\'Brien "quoted"',
    "=cmd|' /C calc'!A0",
    "مرحبا — עברית",
    "🎉 emoji 👩🏽‍💻",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_shows_literally(text: str) -> None:
    document = build(
        [action_row(text, owner=(5, text, text), milestone=text, meeting=(text, SEP))],
        title=text,
        scope=text,
    )
    assert document.paragraphs[0].text == text
    assert headings(document) == [f"{text} ({text})"]
    cell = document.tables[0].rows[2].cells[2].text
    assert cell == f"{text}\nMilestone: {text}\nfrom {text}, 29 Sep 2026"


# --------------------------------------------------------------------------- any text

texts = st.text(max_size=60) | st.sampled_from(["\x00\x0b\r\n\x0c", "\ud800x", "\ufffe\t"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=texts, owner=texts, team=texts, milestone=texts, meeting=texts, scope=texts)
def test_any_text_exports_and_reads_back(title, owner, team, milestone, meeting, scope) -> None:
    row = action_row(title, owner=(9, owner, team), milestone=milestone, meeting=(meeting, SEP))
    document = build([row], title=title, scope=scope)
    expected_cell = clean_text(title)  # the title keeps its line breaks and tabs
    if one_line(milestone):
        expected_cell += f"\nMilestone: {one_line(milestone)}"
    expected_cell += f"\nfrom {one_line(meeting)}, 29 Sep 2026"
    assert document.tables[0].rows[2].cells[2].text == expected_cell
    name = one_line(owner) or "(no owner)"
    assert headings(document) == [f"{name} ({one_line(team)})" if one_line(team) else name]
    assert document.paragraphs[0].text == (one_line(title) or "Follow-up checklist")


# --------------------------------------------------------------------------- files


def test_write_checklist_writes_and_returns_the_path(tmp_path: Path, rows) -> None:
    path = tmp_path / "checklist.docx"
    assert write_checklist(rows, path, generated_at=GENERATED, today=TODAY) == path
    assert headings(docx.Document(str(path)))[0] == "Amara Nwosu (Marketing)"


def test_failed_write_keeps_the_old_file(tmp_path: Path, rows, monkeypatch) -> None:
    path = tmp_path / "checklist.docx"
    path.write_bytes(b"the old checklist")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportError) as caught:
        write_checklist(rows, path, generated_at=GENERATED, today=TODAY)
    assert str(path) in str(caught.value)
    assert "disk space" in str(caught.value)
    assert path.read_bytes() == b"the old checklist"
    assert [p.name for p in tmp_path.iterdir()] == ["checklist.docx"]


def test_missing_folder_is_an_export_error(tmp_path: Path, rows) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_checklist(rows, tmp_path / "nope" / "c.docx", generated_at=GENERATED, today=TODAY)


def test_many_actions_are_fast_and_complete() -> None:
    owners = [(i, f"Member {i:02d}", "Sales" if i % 2 else "Marketing") for i in range(60)]
    many = [
        action_row(
            f"Action number {n} with a reasonably long title to wrap",
            owner=owners[n % 60],
            due=date(2026, 1 + n % 12, 1 + n % 28),
            status=(ActionStatus.OPEN, ActionStatus.DONE, ActionStatus.BLOCKED)[n % 3],
            milestone="Milestone" if n % 4 == 0 else "",
            slipped=n % 3,
        )
        for n in range(3000)
    ]
    started = time.perf_counter()
    data = checklist_document_bytes(many, generated_at=GENERATED, today=TODAY)
    elapsed = time.perf_counter() - started
    document = docx.Document(BytesIO(data))
    assert len(headings(document)) == 60
    assert sum(len(t.rows) - 2 for t in document.tables) == 3000  # owner row, column names
    assert sum(1 for _, checked, _ in boxes(document.element.body) if checked) == 1000
    assert elapsed < 6, f"3,000 actions took {elapsed:.2f} s"


def template_with_body(tmp_path: Path, *, prefix: str = "w") -> Path:
    """A company .docx with its own body text; WordprocessingML under `prefix`."""
    company = docx.Document()
    company.add_paragraph("Template body text that must not survive")
    company.sections[0].header.paragraphs[0].text = "ACME Corp — internal"
    path = tmp_path / "company.docx"
    company.save(str(path))
    if prefix == "w":
        return path
    odd = tmp_path / "odd-prefix.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(odd, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "word/document.xml":
                text = content.decode("utf-8")
                text = re.sub(r"(</?)w:", rf"\1{prefix}:", text)
                text = re.sub(r"(\s)w:(\w+=)", rf"\1{prefix}:\2", text)
                text = text.replace("xmlns:w=", f"xmlns:{prefix}=")
                content = text.encode("utf-8")
            dst.writestr(info, content)
    assert f"<{prefix}:body>".encode() in zipfile.ZipFile(odd).read("word/document.xml")
    return odd


@pytest.mark.parametrize("prefix", ["w", "wx"])
def test_a_company_template_keeps_its_header_and_loses_its_body(
    tmp_path: Path, rows, prefix
) -> None:
    template = template_with_body(tmp_path, prefix=prefix)
    document = build(rows, template=template)
    texts = [p.text for p in document.paragraphs]
    assert "Template body text that must not survive" not in texts
    assert texts[0] == "Follow-up checklist"
    assert document.sections[0].header.paragraphs[0].text == "ACME Corp — internal"
    assert len(boxes(document.element.body)) == len(rows)
    assert headings(document)[0] == "Amara Nwosu (Marketing)"


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler (pdftotext) not installed")
def test_libreoffice_renders_the_check_boxes(tmp_path: Path, rows) -> None:
    path = write_checklist(rows, tmp_path / "checklist.docx", generated_at=GENERATED, today=TODAY)
    profile = tmp_path / "profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "checklist.pdf"), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert text.count("☒") == 1  # the one done action
    assert text.count("☐") == len(rows) - 1
    assert "Priya Raman (Sales)" in text
    assert "Page 1 of 1" in text


# --------------------------------------------------------------------------- minutes additions


def minutes_with_review(times_slipped: int | None) -> MinutesData:
    """Minutes whose review holds one follow-up (with or without `times_slipped`) and whose
    agenda holds one item carried over from an earlier meeting."""
    meeting = MeetingRecord(
        id=3,
        series_id=1,
        series_name="Monthly Sales & Marketing sync",
        title="November sync",
        starts_at=datetime(2026, 11, 24, 10, 0),
        planned_minutes=60,
        place="",
        facilitator_id=None,
        facilitator_name="",
        note_taker_id=None,
        note_taker_name="",
        topic="",
        end_goal="",
        status=MeetingStatus.CLOSED,
        phase=Phase.CLOSE,
        previous_minutes_approved=False,
        next_meeting_at=None,
        closing_notes="",
        elapsed_seconds=0,
        closed_at=None,
    )
    follow_up = FollowUpRecord(
        action=action_row("Agree the revenue target split", due=date(2026, 10, 20)).action,
        status_before=ActionStatus.OPEN,
        review_note="",
        reviewed=False,
    )
    if times_slipped is None:  # a record without the attribute (older services)
        follow_up = SimpleNamespace(
            **{k: v for k, v in vars(follow_up).items() if k != "times_slipped"}
        )
    else:
        follow_up = SimpleNamespace(**{**vars(follow_up), "times_slipped": times_slipped})
    item = AgendaItemRecord(
        id=1,
        meeting_id=3,
        position=1,
        title="Pricing page feedback",
        owner_id=None,
        owner_name="",
        minutes=10,
        extra_minutes=0,
        kind=ItemKind.REGULAR,
        notes="",
        used_seconds=0,
        parked=False,
        carried_from="October sync, 2026-10-27",
    )
    return MinutesData(
        meeting=meeting,
        participants=(),
        follow_ups=(follow_up,),
        items=(AgendaItemMinutes(item=item, ideas=(), decisions=()),),
        parked=(),
        plans=(),
        generated_at=GENERATED,
    )


def minutes_doc(data: MinutesData) -> docx.document.Document:
    return docx.Document(BytesIO(minutes_document_bytes(data)))


def review_due_cell(data: MinutesData) -> str:
    for t in minutes_doc(data).tables:
        header = [c.text for c in t.rows[0].cells]
        if header[:5] == ["#", "Action", "Owner", "From", "Due"]:
            return t.rows[1].cells[4].text
    raise AssertionError("no review table")


def test_minutes_review_shows_how_often_a_due_date_slipped() -> None:
    assert review_due_cell(minutes_with_review(2)) == "20 Oct 2026\nslipped 2×"


@pytest.mark.parametrize("times_slipped", [None, 0])
def test_minutes_review_without_slips_shows_the_date_only(times_slipped) -> None:
    assert review_due_cell(minutes_with_review(times_slipped)) == "20 Oct 2026"


def test_minutes_show_where_a_carried_over_item_came_from() -> None:
    texts = [p.text for p in minutes_doc(minutes_with_review(None)).paragraphs]
    at = texts.index("1. Pricing page feedback")
    assert "Carried over from October sync, 2026-10-27" in texts[at + 1]
