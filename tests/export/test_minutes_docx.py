"""The Word minutes: content, styles, structure, hostile text, and a real word processor."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import time
import uuid
import zipfile
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import docx
import docx.document
import docx.table
import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.enums import (
    ActionStatus,
    Attendance,
    ItemKind,
    MeetingStatus,
    Phase,
    TeamTag,
)
from alignmeet.domain.records import (
    ActionRecord,
    AgendaItemMinutes,
    AgendaItemRecord,
    DecisionRecord,
    FollowUpRecord,
    IdeaRecord,
    MeetingRecord,
    MemberPlan,
    MinutesData,
    ParticipantRecord,
)
from alignmeet.export import ExportError
from alignmeet.export.minutes_docx import minutes_document_bytes, write_minutes
from alignmeet.export.sanitize import clean_text

# --------------------------------------------------------------------------- factory

STARTS = datetime(2026, 10, 1, 9, 0)
MEETING_ID = 7


def meeting_record(**changes: object) -> MeetingRecord:
    record = MeetingRecord(
        id=MEETING_ID,
        series_id=1,
        series_name="Monthly Sales & Marketing sync",
        title="October pipeline alignment",
        starts_at=STARTS,
        planned_minutes=60,
        place="Room Ada, 3rd floor",
        facilitator_id=1,
        facilitator_name="Dana Whitfield",
        note_taker_id=4,
        note_taker_name="Priya Raman",
        topic="Why are Sales rejecting half of the October MQLs?",
        end_goal="We leave with an action plan per person and a commitment to it.",
        status=MeetingStatus.CLOSED,
        phase=Phase.CLOSE,
        previous_minutes_approved=True,
        next_meeting_at=datetime(2026, 11, 5, 9, 0),
        closing_notes="Thanks all. Dashboard link goes out with these minutes.",
        elapsed_seconds=3720,
        closed_at=datetime(2026, 10, 1, 10, 2),
    )
    return dataclasses.replace(record, **changes)


def participant(
    member_id: int,
    name: str,
    team: str,
    *,
    attendance: Attendance = Attendance.PRESENT,
    representative: bool = False,
    committed_at: datetime | None = None,
    confidence: int | None = None,
    note: str = "",
) -> ParticipantRecord:
    return ParticipantRecord(
        meeting_id=MEETING_ID,
        member_id=member_id,
        name=name,
        team_name=team,
        role="",
        attendance=attendance,
        representative=representative,
        committed_at=committed_at,
        confidence=confidence,
        commitment_note=note,
    )


def action(
    action_id: int,
    owner: ParticipantRecord,
    title: str,
    *,
    due: date | None = date(2026, 10, 15),
    tag: TeamTag = TeamTag.JOINT,
    status: ActionStatus = ActionStatus.OPEN,
    milestone: str = "",
    meeting_title: str = "October pipeline alignment",
    meeting_date: date = date(2026, 10, 1),
    meeting_id: int = MEETING_ID,
) -> ActionRecord:
    return ActionRecord(
        id=action_id,
        meeting_id=meeting_id,
        meeting_title=meeting_title,
        meeting_date=meeting_date,
        owner_id=owner.member_id,
        owner_name=owner.name,
        title=title,
        due=due,
        team_tag=tag,
        status=status,
        milestone=milestone,
        position=action_id,
    )


def agenda_item(
    item_id: int,
    title: str,
    owner: ParticipantRecord | None,
    *,
    minutes: int = 10,
    extra: int = 0,
    used: int = 0,
    notes: str = "",
    kind: ItemKind = ItemKind.REGULAR,
    parked: bool = False,
    carried_from: str = "",
) -> AgendaItemRecord:
    return AgendaItemRecord(
        id=item_id,
        meeting_id=MEETING_ID,
        position=item_id,
        title=title,
        owner_id=owner.member_id if owner else None,
        owner_name=owner.name if owner else "",
        minutes=minutes,
        extra_minutes=extra,
        kind=kind,
        notes=notes,
        used_seconds=used,
        parked=parked,
        carried_from=carried_from,
    )


def make_minutes(**changes: object) -> MinutesData:
    """A realistic small meeting: 5 members present, 4 items, 8 actions, follow-ups, parked."""
    at = datetime(2026, 10, 1, 9, 52)
    dana = participant(1, "Dana Whitfield", "Marketing", committed_at=at, confidence=4)
    marco = participant(2, "Marco Bellini", "Sales", committed_at=at, confidence=5)
    sofia = participant(
        3, "Sofia Almeida", "Sales", committed_at=at, confidence=3, note="if legal signs off"
    )
    priya = participant(4, "Priya Raman", "Marketing", representative=True)
    tom = participant(5, "Tom Okafor", "Sales", committed_at=at, confidence=4)
    lena = participant(6, "Lena Fischer", "Marketing", attendance=Attendance.APOLOGIES)
    raj = participant(7, "Raj Patel", "Sales", attendance=Attendance.ABSENT)
    people = (dana, priya, lena, marco, sofia, tom, raj)

    earlier = {"meeting_title": "September sync", "meeting_date": date(2026, 9, 3), "meeting_id": 6}
    follow_ups = (
        FollowUpRecord(
            action(
                101,
                marco,
                "Send list of rejected leads with reasons",
                status=ActionStatus.DONE,
                **earlier,
            ),
            status_before=ActionStatus.OPEN,
            review_note="Sent on 12 Sep; 38 leads.",
            reviewed=True,
        ),
        FollowUpRecord(
            dataclasses.replace(
                action(102, dana, "Draft the shared MQL definition", **earlier),
                status=ActionStatus.IN_PROGRESS,
                milestone="Draft to legal by 10 Oct",
            ),
            status_before=ActionStatus.OPEN,
            review_note="Waiting on product input.",
            reviewed=True,
        ),
        FollowUpRecord(
            dataclasses.replace(
                action(103, tom, "Set up speed-to-lead report in the CRM", **earlier),
                status=ActionStatus.DONE,
            ),
            status_before=ActionStatus.IN_PROGRESS,
            review_note="",
            reviewed=True,
        ),
    )
    items = (
        AgendaItemMinutes(
            item=agenda_item(
                1,
                "KPI review: MQL → SQL conversion",
                dana,
                kind=ItemKind.KPI_REVIEW,
                used=605,
                notes="Conversion fell from 21% to 14% in September.\n"
                "Most of the drop is from the webinar campaign.\n\n"
                "Speed to lead is 31 hours on average; target is 4.",
            ),
            ideas=(
                IdeaRecord(1, 1, 2, "Marco Bellini", "Route webinar leads to SDRs within 1 hour"),
                IdeaRecord(
                    2, 1, 1, "Dana Whitfield", "Score webinar attendance by minutes watched"
                ),
            ),
            decisions=(DecisionRecord(1, 1, "Speed-to-lead target stays at 4 hours."),),
        ),
        AgendaItemMinutes(
            item=agenda_item(
                2,
                "Lead feedback: why leads were rejected",
                marco,
                minutes=15,
                used=1085,
                kind=ItemKind.LEAD_FEEDBACK,
                notes="Top reasons: no budget (41%), wrong persona (27%), student (12%).",
            ),
            ideas=(IdeaRecord(3, 2, 3, "Sofia Almeida", "Add a budget question to the form"),),
            decisions=(
                DecisionRecord(2, 2, "Students are filtered out before leads reach Sales."),
                DecisionRecord(3, 2, "Rejected leads need one of the agreed reasons."),
            ),
        ),
        AgendaItemMinutes(
            item=agenda_item(
                3,
                "Glossary: what is a qualified lead?",
                priya,
                kind=ItemKind.GLOSSARY,
                minutes=10,
                extra=5,
                used=840,
                carried_from="September sync, 2026-09-03",
                notes="Agreed wording goes into the glossary once legal has seen it.",
            ),
            ideas=(),
            decisions=(DecisionRecord(4, 3, "A qualified lead matches the ICP and has budget."),),
        ),
        AgendaItemMinutes(
            item=agenda_item(4, "Wins & lessons", tom, kind=ItemKind.WINS_LESSONS, minutes=5),
            ideas=(),
            decisions=(),
        ),
    )
    parked = (agenda_item(5, "Data needs Top 10", sofia, minutes=15, parked=True),)
    plans = (
        MemberPlan(
            dana,
            (
                action(
                    1,
                    dana,
                    "Publish the agreed MQL definition",
                    tag=TeamTag.MARKETING,
                    milestone="Legal review by 10 Oct",
                ),
                action(
                    2,
                    dana,
                    "Add minutes-watched to webinar scoring",
                    due=date(2026, 10, 22),
                    tag=TeamTag.MARKETING,
                ),
            ),
        ),
        MemberPlan(priya, ()),
        MemberPlan(
            marco,
            (
                action(
                    3,
                    marco,
                    "Route webinar leads to SDRs within 1 hour",
                    tag=TeamTag.SALES,
                    status=ActionStatus.IN_PROGRESS,
                ),
                action(
                    4,
                    marco,
                    "Review rejected-lead reasons weekly with Marketing",
                    due=None,
                    tag=TeamTag.JOINT,
                ),
            ),
        ),
        MemberPlan(
            sofia,
            (
                action(5, sofia, "Add a budget question to the demo form", tag=TeamTag.JOINT),
                action(
                    6,
                    sofia,
                    "Filter students before leads reach Sales",
                    due=date(2026, 10, 8),
                    tag=TeamTag.MARKETING,
                ),
            ),
        ),
        MemberPlan(
            tom,
            (
                action(7, tom, "Share the speed-to-lead report every Monday", tag=TeamTag.SALES),
                action(
                    8,
                    tom,
                    "Call back all September webinar leads",
                    due=date(2026, 10, 9),
                    tag=TeamTag.SALES,
                    status=ActionStatus.BLOCKED,
                ),
            ),
        ),
    )
    data = MinutesData(
        meeting=meeting_record(),
        participants=people,
        follow_ups=follow_ups,
        items=items,
        parked=parked,
        plans=plans,
        generated_at=datetime(2026, 10, 1, 10, 5),
    )
    return dataclasses.replace(data, **changes)


def large_minutes(members: int = 40, items: int = 60, actions: int = 400) -> MinutesData:
    """A small copy of bench/export.py's builder: a big meeting, built from records."""
    people = tuple(
        participant(
            i + 1,
            f"Member {i + 1:02d}",
            "Sales" if i % 2 else "Marketing",
            committed_at=STARTS if i % 3 else None,
            confidence=(i % 5) + 1 if i % 3 else None,
        )
        for i in range(members)
    )
    notes = "Long discussion of the pipeline, with numbers and names.\n" * 40
    agenda = tuple(
        AgendaItemMinutes(
            item=agenda_item(
                i + 1, f"Agenda item {i + 1}", people[i % members], used=700, notes=notes
            ),
            ideas=(IdeaRecord(i, i + 1, 1, people[0].name, f"Idea {i}"),),
            decisions=(DecisionRecord(i, i + 1, f"Decision {i}"),),
        )
        for i in range(items)
    )
    plans = tuple(
        MemberPlan(
            p,
            tuple(
                action(n, p, f"Action {n} for {p.name}")
                for n in range(actions)
                if n % members == index
            ),
        )
        for index, p in enumerate(people)
    )
    return make_minutes(participants=people, items=agenda, plans=plans, parked=())


# --------------------------------------------------------------------------- reading back


def open_docx(blob: bytes) -> docx.document.Document:
    return docx.Document(BytesIO(blob))


def all_text(doc: docx.document.Document) -> str:
    """Every paragraph's and every table cell's text, one per line."""
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            texts.extend(cell.text for cell in row.cells)
    return "\n".join(texts)


def paragraphs_in(doc: docx.document.Document, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style is not None and p.style.name == style]


def table_after(doc: docx.document.Document, heading: str) -> docx.table.Table:
    """The first table that follows the Heading 1 with this text."""
    seen = False
    body = doc.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p") and Paragraph(child, doc._body).text == heading:
            seen = True
        elif seen and child.tag == qn("w:tbl"):
            return docx.table.Table(child, doc._body)
    raise AssertionError(f"no table after {heading!r}")


def rows_text(table: docx.table.Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


@pytest.fixture(scope="module")
def sample() -> MinutesData:
    return make_minutes()


@pytest.fixture(scope="module")
def sample_doc(sample: MinutesData) -> docx.document.Document:
    return open_docx(minutes_document_bytes(sample))


# --------------------------------------------------------------------------- content


def test_title_and_title_block(sample_doc: docx.document.Document) -> None:
    assert paragraphs_in(sample_doc, "Title") == ["Minutes: October pipeline alignment"]
    block = dict(tuple(row) for row in rows_text(sample_doc.tables[0]))
    assert block == {
        "Series": "Monthly Sales & Marketing sync",
        "Teams": "Marketing & Sales",
        "Date": "Thursday 1 October 2026",
        "Planned": "09:00–10:00 (60 min)",
        "Place": "Room Ada, 3rd floor",
        "Facilitator": "Dana Whitfield",
        "Note taker": "Priya Raman",
    }


def test_sections_in_order(sample_doc: docx.document.Document) -> None:
    assert paragraphs_in(sample_doc, "Heading 1") == [
        "Attendance",
        "Purpose",
        "Review of previous actions",
        "Agenda",
        "Decisions",
        "Action plans",
        "Commitments",
        "Parked for the next meeting",
        "Next meeting",
        "Approval",
        "Distribution",
    ]
    assert paragraphs_in(sample_doc, "Heading 2") == [
        "1. KPI review: MQL → SQL conversion",
        "2. Lead feedback: why leads were rejected",
        "3. Glossary: what is a qualified lead?",
        "4. Wins & lessons",
    ]


def test_attendance(sample: MinutesData, sample_doc: docx.document.Document) -> None:
    text = all_text(sample_doc)
    for person in sample.participants:
        assert f"{person.name} ({person.team_name}" in text
    assert "Present (5): " in text
    assert "Priya Raman (Marketing, representing Sales)" in text
    assert "Apologies (1): Lena Fischer (Marketing)" in text
    assert "Absent (1): Raj Patel (Sales)" in text


def test_purpose(sample_doc: docx.document.Document) -> None:
    text = all_text(sample_doc)
    assert "Topic: Why are Sales rejecting half of the October MQLs?" in text
    assert "End goal: We leave with an action plan per person" in text
    assert "The minutes of the previous meeting were approved." in text


def test_review_of_previous_actions(
    sample: MinutesData, sample_doc: docx.document.Document
) -> None:
    rows = rows_text(table_after(sample_doc, "Review of previous actions"))
    assert rows[0] == ["#", "Action", "Owner", "From", "Due", "Was", "Now", "Note"]
    assert rows[1] == [
        f"A-{sample.follow_ups[0].action.id}",  # its number in every document
        "Send list of rejected leads with reasons",
        "Marco Bellini",
        "3 Sep 2026",  # the date of the meeting that agreed it (same series)
        "15 Oct 2026",
        "Open",
        "Done",
        "Sent on 12 Sep; 38 leads.",
    ]
    assert rows[2][1] == "Draft the shared MQL definition\nMilestone: Draft to legal by 10 Oct"
    assert rows[3][5:7] == ["In progress", "Done"]
    assert len(rows) == 1 + len(sample.follow_ups)


def test_agenda_items(sample_doc: docx.document.Document) -> None:
    text = all_text(sample_doc)
    assert "Owner: Dana Whitfield · KPI review · 10 min used of 10" in text
    assert "18 min used of 15 (+3 over)" in text
    assert "Carried over from September sync, 2026-09-03" in text
    # Notes keep single line breaks; blank lines start a new paragraph.
    assert (
        "Conversion fell from 21% to 14% in September.\nMost of the drop is from the webinar"
        " campaign." in [p.text for p in sample_doc.paragraphs]
    )
    assert "Speed to lead is 31 hours on average; target is 4." in [
        p.text for p in sample_doc.paragraphs
    ]
    assert "No notes recorded." in text  # item 4


def test_ideas_and_decisions_are_bullets(
    sample: MinutesData, sample_doc: docx.document.Document
) -> None:
    bullets = paragraphs_in(sample_doc, "List Bullet")
    for entry in sample.items:
        for idea in entry.ideas:
            assert f"{idea.text} — {idea.author_name}" in bullets
        for decision in entry.decisions:
            assert any(b == f"Decision {n}: {decision.text}" for n in range(1, 9) for b in bullets)
    decision = next(p for p in sample_doc.paragraphs if p.text.startswith("Decision 2: Students"))
    assert decision.runs[0].bold is True


def test_action_plans_table(sample: MinutesData, sample_doc: docx.document.Document) -> None:
    table = table_after(sample_doc, "Action plans")
    rows = rows_text(table)
    # The owner is the group row above: no owner column repeating the name.
    assert rows[0] == ["#", "Action", "Team", "Due", "Status"]
    actions = [row for row in rows[1:] if row[0].startswith("A-")]
    everything = [a for plan in sample.plans for a in plan.actions]
    assert [row[0] for row in actions] == [f"A-{a.id}" for a in everything]
    for row, item in zip(actions, everything, strict=True):
        assert row[1].split("\nMilestone: ")[0] == item.title
        assert row[2] == item.team_tag.label
        assert row[4] == item.status.label
    groups = [row[0] for row in rows[1:] if not row[0].startswith("A-")]
    assert groups == [
        "Dana Whitfield (Marketing) · 2 actions",
        "Priya Raman (Marketing, representing Sales)",
        "No actions recorded.",
        "Marco Bellini (Sales) · 2 actions",
        "Sofia Almeida (Sales) · 2 actions",
        "Tom Okafor (Sales) · 2 actions",
    ]
    # A group row spans the whole table.
    group_tc = table.rows[1]._tr.tc_lst[0]
    assert group_tc.grid_span == 5
    assert any(row[3] == "—" for row in actions)  # no due date


def test_commitments(sample: MinutesData, sample_doc: docx.document.Document) -> None:
    paragraphs = [p.text for p in sample_doc.paragraphs]
    assert "4 of 5 present members committed to their plan." in paragraphs
    assert "✔ Dana Whitfield — committed at 09:52, confidence 4/5" in paragraphs
    assert "✘ Priya Raman — has not committed" in paragraphs
    assert "✔ Sofia Almeida — committed at 09:52, confidence 3/5 — “if legal signs off”" in (
        paragraphs
    )
    for person in sample.present:
        assert any(p.startswith(("✔ ", "✘ ")) and person.name in p for p in paragraphs)


def test_parked_and_next_meeting(sample_doc: docx.document.Document) -> None:
    bullets = paragraphs_in(sample_doc, "List Bullet")
    assert "Data needs Top 10 (owner Sofia Almeida, 15 min)" in bullets
    paragraphs = [p.text for p in sample_doc.paragraphs]
    assert "Thursday 5 November 2026 at 09:00" in paragraphs
    assert "Thanks all. Dashboard link goes out with these minutes." in paragraphs


def test_styles_used(sample_doc: docx.document.Document) -> None:
    used = {p.style.name for p in sample_doc.paragraphs if p.style is not None}
    assert {"Title", "Heading 1", "Heading 2", "List Bullet"} <= used
    table_styles = {t.style.name for t in sample_doc.tables[1:] if t.style is not None}
    assert table_styles == {"Light Grid Accent 1"}


def test_header_rows_repeat_and_rows_do_not_split(sample_doc: docx.document.Document) -> None:
    for table in sample_doc.tables[1:]:
        first = table.rows[0]._tr
        assert first.trPr is not None
        assert first.trPr.find(qn("w:tblHeader")) is not None
        for row in table.rows[1:]:
            assert row._tr.trPr.find(qn("w:tblHeader")) is None
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_column_widths_fill_the_text_width(sample_doc: docx.document.Document) -> None:
    section = sample_doc.sections[0]
    width = (section.page_width - section.left_margin - section.right_margin) // 635
    for table in sample_doc.tables:
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        assert sum(int(col.get(qn("w:w"))) for col in grid) == width
    actions = table_after(sample_doc, "Action plans")
    number, title, _team, due, status = (c.width for c in actions.columns)
    assert number < due < title and status < title


def test_footer_has_page_x_of_y(sample_doc: docx.document.Document) -> None:
    footer = sample_doc.sections[0].footer
    xml = footer._element.xml
    instructions = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert "Minutes · October pipeline alignment · Thursday 1 October 2026" in xml
    text = footer.paragraphs[-1].text
    assert "Page " in text
    assert " of " in text


def test_core_properties(sample_doc: docx.document.Document) -> None:
    props = sample_doc.core_properties
    assert props.title == "Minutes: October pipeline alignment"
    assert props.author == "Priya Raman"
    assert "python-docx" not in (props.comments + props.author + props.last_modified_by)


def test_body_has_no_template_leftovers(sample_doc: docx.document.Document) -> None:
    body = sample_doc.element.body
    assert body[-1].tag == qn("w:sectPr")
    assert len(body.findall(qn("w:sectPr"))) == 1


# --------------------------------------------------------------------------- edge cases


def test_empty_meeting_has_no_empty_sections() -> None:
    data = make_minutes(
        meeting=meeting_record(
            topic="",
            end_goal="",
            previous_minutes_approved=False,
            next_meeting_at=None,
            closing_notes="",
            place="",
            note_taker_name="",
        ),
        participants=(),
        follow_ups=(),
        items=(),
        parked=(),
        plans=(),
    )
    doc = open_docx(minutes_document_bytes(data))
    headings = paragraphs_in(doc, "Heading 1")
    assert headings == [
        "Attendance",
        "Agenda",
        "Decisions",
        "Action plans",
        "Commitments",
        "Next meeting",
        "Approval",
    ]
    text = all_text(doc)
    assert "Present (0): nobody recorded" in text
    assert "No agenda items were discussed." in text
    assert "No action plans were recorded." in text
    assert "No members were recorded as present." in text
    assert "Not set yet." in text
    block = [row[0] for row in rows_text(doc.tables[0])]
    assert "Place" not in block and "Note taker" not in block and "Teams" not in block


def test_member_without_actions_says_so() -> None:
    data = make_minutes()
    doc = open_docx(minutes_document_bytes(data))
    rows = rows_text(table_after(doc, "Action plans"))
    priya = next(i for i, row in enumerate(rows) if row[0].startswith("Priya Raman"))
    assert rows[priya + 1][0] == "No actions recorded."


HOSTILE = [
    "<b>Sam</b>",
    "{{7*7}}",
    "{% for x in y %}",
    "=cmd|' /C calc'!A0",
    "👩‍👩‍👧‍👦",
    "مرحبا",
    "שלום",
    "&amp; ]]> <![CDATA[ x ]]>",
    "  leading and trailing spaces  ",
    "tab\tinside",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_shows_literally(text: str) -> None:
    data = fill_everywhere(text)
    doc = open_docx(minutes_document_bytes(data))
    everything = all_text(doc)
    assert doc.paragraphs[0].text == f"Minutes: {text}"  # the title
    for where in ("Topic: ", "", "1. ", "Decision 1: ", "Action "):
        assert f"{where}{text}" in everything
    assert "49" not in everything.replace("2026", "")  # no template engine ran


def test_ten_thousand_character_notes() -> None:
    notes = ("A long note with <tags> & ampersands. " * 270)[:10_000]
    data = fill_everywhere("x", notes=notes)
    doc = open_docx(minutes_document_bytes(data))
    assert notes in [p.text for p in doc.paragraphs]


def fill_everywhere(text: str, *, notes: str | None = None) -> MinutesData:
    """One small meeting with `text` in every field a user types."""
    member = participant(1, text, "Sales", committed_at=STARTS, confidence=3, note=text)
    item = agenda_item(1, text, member, notes=text if notes is None else notes, used=65)
    return make_minutes(
        meeting=meeting_record(
            title=text,
            topic=text,
            end_goal=text,
            place=text,
            series_name=text,
            facilitator_name=text,
            note_taker_name=text,
            closing_notes=text,
        ),
        participants=(member,),
        follow_ups=(
            FollowUpRecord(
                action(90, member, text, meeting_title=text, milestone=text),
                status_before=ActionStatus.OPEN,
                review_note=text,
                reviewed=True,
            ),
        ),
        items=(
            AgendaItemMinutes(
                item=item,
                ideas=(IdeaRecord(1, 1, 1, text, text),),
                decisions=(DecisionRecord(1, 1, text),),
            ),
        ),
        parked=(agenda_item(2, text, member, parked=True, carried_from=text),),
        plans=(MemberPlan(member, (action(1, member, f"Action {text}", milestone=text),)),),
    )


# --------------------------------------------------------------------------- property


any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0xFFFF)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=any_text,
    topic=any_text,
    name=any_text,
    item_title=any_text,
    notes=any_text,
    idea=any_text,
    decision=any_text,
    action_title=any_text,
)
def test_any_text_exports_and_reads_back(
    title: str,
    topic: str,
    name: str,
    item_title: str,
    notes: str,
    idea: str,
    decision: str,
    action_title: str,
) -> None:
    member = participant(1, name, "Sales", committed_at=STARTS)
    data = make_minutes(
        meeting=meeting_record(title=title, topic=topic),
        participants=(member,),
        follow_ups=(),
        items=(
            AgendaItemMinutes(
                item=agenda_item(1, item_title, member, notes=notes),
                ideas=(IdeaRecord(1, 1, 1, name, idea),),
                decisions=(DecisionRecord(1, 1, decision),),
            ),
        ),
        parked=(),
        plans=(MemberPlan(member, (action(1, member, action_title),)),),
    )
    doc = open_docx(minutes_document_bytes(data))
    everything = all_text(doc)
    for text in (title, topic, name, item_title, idea, decision, action_title):
        assert clean_text(text) in everything
    for chunk in re.split(r"\n{2,}", clean_text(notes)):
        assert chunk in everything
    assert f"1. {clean_text(item_title)}" in paragraphs_in(doc, "Heading 2")
    if clean_text(title):
        assert paragraphs_in(doc, "Title") == [f"Minutes: {clean_text(title)}"]


# --------------------------------------------------------------------------- writing


def test_write_minutes_writes_and_returns_the_path(tmp_path: Path) -> None:
    path = tmp_path / "October minutes.docx"
    assert write_minutes(make_minutes(), path) == path
    assert zipfile.is_zipfile(path)
    assert open_docx(path.read_bytes()).paragraphs[0].text == "Minutes: October pipeline alignment"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_failed_write_keeps_the_old_minutes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "minutes.docx"
    write_minutes(make_minutes(), path)
    before = path.read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", refuse)
    with pytest.raises(ExportError) as caught:
        write_minutes(make_minutes(meeting=meeting_record(title="Changed")), path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.docx"]


def test_missing_folder_is_an_export_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        write_minutes(make_minutes(), tmp_path / "gone" / "minutes.docx")


def test_large_meeting_is_fast_and_complete() -> None:
    data = large_minutes()
    started = time.perf_counter()
    blob = minutes_document_bytes(data)
    elapsed = time.perf_counter() - started
    doc = open_docx(blob)
    rows = rows_text(table_after(doc, "Action plans"))
    assert sum(1 for row in rows if row[0].startswith("A-")) == 400
    assert len(paragraphs_in(doc, "Heading 2")) == 60
    assert elapsed < 1.0, f"large export took {elapsed:.2f} s (bench target ~0.1 s)"


# --------------------------------------------------------------------------- templates


def company_template(tmp_path: Path, *, strip: tuple[str, ...] = ()) -> Path:
    """A company .docx: a header, body text to be dropped, and optionally fewer styles."""
    doc = docx.Document()
    doc.sections[0].header.paragraphs[0].text = "ACME Corp — internal"
    doc.add_paragraph("Template body text that must not appear in the minutes.")
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "Template table"
    title_style = doc.styles["Title"]
    title_style.font.color.rgb = docx.shared.RGBColor(0xAA, 0x00, 0x00)
    styles = doc.styles.element
    for style in list(styles.iterchildren(qn("w:style"))):
        name = style.find(qn("w:name")).get(qn("w:val")).lower()
        if name in strip:
            styles.remove(style)
    path = tmp_path / "company.docx"
    doc.save(path)
    return path


def test_company_template_styles_header_kept_body_dropped(tmp_path: Path) -> None:
    template = company_template(tmp_path)
    doc = open_docx(minutes_document_bytes(make_minutes(), template=template))
    text = all_text(doc)
    assert "Template body text" not in text
    assert "Template table" not in text
    assert doc.sections[0].header.paragraphs[0].text == "ACME Corp — internal"
    assert doc.styles["Title"].font.color.rgb == docx.shared.RGBColor(0xAA, 0x00, 0x00)
    assert paragraphs_in(doc, "Title") == ["Minutes: October pipeline alignment"]
    assert doc.sections[0].footer._element.xml.count("NUMPAGES") == 1


def test_template_lacking_styles_still_gets_real_ones(tmp_path: Path) -> None:
    template = company_template(
        tmp_path,
        strip=("title", "heading 1", "heading 2", "list bullet", "light grid accent 1"),
    )
    doc = open_docx(minutes_document_bytes(make_minutes(), template=template))
    assert paragraphs_in(doc, "Title") == ["Minutes: October pipeline alignment"]
    assert "Agenda" in paragraphs_in(doc, "Heading 1")
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets
    style_ppr = bullets[0].style.element.pPr
    assert style_ppr.numPr is not None  # real bullets, from a numbering definition
    assert {t.style.name for t in doc.tables[1:]} == {"Table Grid"}


def test_template_without_numbering_or_list_styles(tmp_path: Path) -> None:
    """A template from a plain Word install: no numbering part, no "List Bullet" yet."""
    template = company_template(tmp_path, strip=("list bullet",))
    doc = docx.Document(template)
    for rel in list(doc.part.rels.values()):
        if rel.reltype.endswith("/numbering"):
            doc.part.drop_rel(rel.rId)
    doc.save(template)
    with zipfile.ZipFile(template) as package:
        assert "word/numbering.xml" not in package.namelist()

    out = open_docx(minutes_document_bytes(make_minutes(), template=template))
    bullets = [p for p in out.paragraphs if p.style.name == "List Bullet"]
    num_id = bullets[0].style.element.pPr.numPr.numId.val
    definitions = out.part.numbering_part.element
    assert any(n.numId == num_id for n in definitions.num_lst)
    assert b"bullet" in out.part.numbering_part.blob


def test_template_without_any_table_style(tmp_path: Path) -> None:
    template = company_template(tmp_path, strip=("light grid accent 1", "table grid"))
    doc = open_docx(minutes_document_bytes(make_minutes(), template=template))
    table = table_after(doc, "Action plans")
    assert table._tbl.tblPr.find(qn("w:tblBorders")) is not None


def test_dotx_template(tmp_path: Path) -> None:
    source = company_template(tmp_path)
    dotx = tmp_path / "company.dotx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(dotx, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "[Content_Types].xml":
                content = content.replace(b"document.main+xml", b"template.main+xml")
            dst.writestr(info, content)
    doc = open_docx(minutes_document_bytes(make_minutes(), template=dotx))
    assert doc.sections[0].header.paragraphs[0].text == "ACME Corp — internal"


def test_template_problems_are_export_errors(tmp_path: Path) -> None:
    missing = tmp_path / "nope.docx"
    with pytest.raises(ExportError, match="cannot be read") as caught:
        minutes_document_bytes(make_minutes(), template=missing)
    assert str(missing) in str(caught.value)
    bogus = tmp_path / "bogus.docx"
    bogus.write_bytes(b"not a zip at all")
    with pytest.raises(ExportError, match="not a Word document"):
        minutes_document_bytes(make_minutes(), template=bogus)


def test_template_that_has_its_own_page_numbers_keeps_them(tmp_path: Path) -> None:
    doc = docx.Document()
    footer = doc.sections[0].footer.paragraphs[0]
    footer._p.append(
        docx.oxml.parse_xml(
            '<w:fldSimple xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
            ' w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>'
        )
    )
    path = tmp_path / "numbered.docx"
    doc.save(path)
    out = open_docx(minutes_document_bytes(make_minutes(), template=path))
    assert "NUMPAGES" not in out.sections[0].footer._element.xml
    assert out.sections[0].footer._element.xml.count("fldSimple") == 2  # start + end tag


# --------------------------------------------------------------------------- a real word processor


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_libreoffice_converts_the_minutes_to_pdf(tmp_path: Path) -> None:
    source = write_minutes(make_minutes(), tmp_path / "minutes.docx")
    profile = tmp_path / f"lo-profile-{uuid.uuid4().hex}"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = tmp_path / "minutes.pdf"
    assert pdf.exists()
    assert pdf.stat().st_size > 10_000
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        assert "October pipeline alignment" in text
        assert "Page 1 of 3" in text or "Page 1 of 2" in text or "Page 1 of 4" in text
        assert "Sofia Almeida" in text


def test_template_with_another_namespace_prefix(tmp_path: Path) -> None:
    """Rare, but legal: WordprocessingML under a prefix other than "w"."""
    source = company_template(tmp_path)
    odd = tmp_path / "odd-prefix.docx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(odd, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "word/document.xml":
                text = content.decode("utf-8")
                text = re.sub(r"(</?)w:", r"\1wx:", text)
                text = re.sub(r"(\s)w:(\w+=)", r"\1wx:\2", text)
                text = text.replace("xmlns:w=", "xmlns:wx=")
                content = text.encode("utf-8")
            dst.writestr(info, content)
    assert b"<wx:body>" in zipfile.ZipFile(odd).read("word/document.xml")
    doc = open_docx(minutes_document_bytes(make_minutes(), template=odd))
    assert paragraphs_in(doc, "Title") == ["Minutes: October pipeline alignment"]
    assert "Template body text" not in all_text(doc)
    assert len(rows_text(table_after(doc, "Action plans"))) > 8


# ---- the alignment toolkit's sections -------------------------------------------------


def _png(width: int = 120, height: int = 60) -> bytes:
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (width, height), (30, 90, 160)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_toolkit_sections_come_after_commitments_and_before_the_next_meeting() -> None:
    from alignmeet.domain.sections import Bullets, DocSection, Picture, Table
    from alignmeet.domain.sections import Paragraph as Para

    data = make_minutes(
        toolkit=(
            DocSection(
                heading="KPI review",
                blocks=(
                    Para("November 2026", label="Period: "),
                    Table(
                        header=("KPI", "Target", "Actual"),
                        rows=(("MQL→SQL conversion", "25 %", "<b>22 %</b>"),),
                        weights=(3, 1, 1),
                    ),
                    Picture(png=_png(), width_cm=30.0, caption="Actual vs target"),
                ),
            ),
            DocSection(heading="Glossary changes", blocks=(Bullets(("MQL: now means …",)),)),
        )
    )
    doc = open_docx(minutes_document_bytes(data))
    headings = paragraphs_in(doc, "Heading 1")
    assert headings.index("Commitments") < headings.index("KPI review")
    assert headings.index("KPI review") < headings.index("Glossary changes")
    assert headings.index("Glossary changes") < headings.index("Next meeting")
    assert rows_text(table_after(doc, "KPI review")) == [
        ["KPI", "Target", "Actual"],
        ["MQL→SQL conversion", "25 %", "<b>22 %</b>"],  # user text stays text
    ]
    assert "MQL: now means …" in paragraphs_in(doc, "List Bullet")
    assert "Period: November 2026" in all_text(doc)
    # The picture is a real inline image, no wider than the text column.
    inline = doc.inline_shapes
    assert len(inline) == 1
    assert inline[0].width <= doc.sections[-1].page_width - doc.sections[-1].left_margin - (
        doc.sections[-1].right_margin
    )
    assert doc.part.related_parts[
        inline[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    ].blob.startswith(b"\x89PNG")


def test_minutes_without_toolkit_sections_have_none_of_their_headings(
    sample_doc: docx.document.Document,
) -> None:
    headings = paragraphs_in(sample_doc, "Heading 1")
    assert "KPI review" not in headings
    assert len(sample_doc.inline_shapes) == 0
