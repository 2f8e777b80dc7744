"""The preview of a meeting not started yet is its agenda (issue 17's leftover): the HTML the
preview, printing and PDF show says what the Word export of that meeting says — the title
"Agenda", the planned times, the items with their owners and notes, the actions to review,
the invited and the distribution — in the same order and the same words, and nothing that
claims a meeting took place (no attendance, decisions, commitments or approval).

Each test reads the outcome as a reader gets it: the HTML's text, block by block, against
the .docx read back paragraph by paragraph (tables cell by cell) in body order."""

from __future__ import annotations

import dataclasses
import re
from html.parser import HTMLParser

import pytest
from docx.oxml.ns import qn
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.enums import ActionStatus, Attendance, MeetingStatus, Phase
from alignmeet.domain.records import AgendaItemMinutes, FollowUpRecord, MinutesData
from alignmeet.export.html_minutes import minutes_html
from alignmeet.export.minutes_docx import minutes_document_bytes
from alignmeet.export.sanitize import clean_text
from alignmeet.export.wording import AGENDA, document_kind

from .test_html_minutes import ALLOWED, Page, fold
from .test_minutes_docx import (
    HOSTILE,
    action,
    agenda_item,
    fill_everywhere,
    make_minutes,
    meeting_record,
    open_docx,
    participant,
)

# --------------------------------------------------------------------------- reading both


_HTML_BLOCKS = {"h1", "h2", "p", "td", "th", "li"}


class Blocks(HTMLParser):
    """The HTML's text as a reader meets it: one entry per heading, paragraph, list entry
    or table cell, in page order (white space folded; a line break reads as a space)."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._open: list[str] | None = None
        self._depth = 0
        self._skip = 0
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title"):
            self._skip += 1
        elif tag in _HTML_BLOCKS:
            if self._open is None:
                self._open = []
            self._depth += 1
        elif tag == "br" and self._open is not None:
            self._open.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1
        elif tag in _HTML_BLOCKS and self._open is not None:
            self._depth -= 1
            if self._depth == 0:
                text = fold("".join(self._open))
                if text:
                    self.blocks.append(text)
                self._open = None

    def handle_data(self, data: str) -> None:
        if not self._skip and self._open is not None:
            self._open.append(data)


def word_blocks(blob: bytes) -> list[str]:
    """The .docx body's text in body order: each paragraph, and each table cell's
    paragraphs (a line break reads as a space), empty ones left out."""
    doc = open_docx(blob)
    texts: list[str] = []

    def paragraph_text(p) -> str:  # type: ignore[no-untyped-def]
        parts = []
        for node in p.iter():
            if node.tag == qn("w:t"):
                parts.append(node.text or "")
            elif node.tag in (qn("w:br"), qn("w:tab")):
                parts.append(" ")
        return fold("".join(parts))

    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            texts.append(paragraph_text(child))
        elif child.tag == qn("w:tbl"):
            for tc in child.iter(qn("w:tc")):
                texts.append(fold(" ".join(paragraph_text(p) for p in tc.iter(qn("w:p")))))
    return [t for t in texts if t]


def planned(**changes: object) -> MinutesData:
    """The sample meeting as it stands before it starts: everyone invited, the items
    prepared (nothing said, decided or timed), no plans yet."""
    held = make_minutes()
    defaults: dict[str, object] = {
        "meeting": meeting_record(status=MeetingStatus.PLANNED, phase=Phase.OPEN, closed_at=None),
        "participants": tuple(
            dataclasses.replace(p, attendance=Attendance.INVITED, committed_at=None)
            for p in held.participants
        ),
        "items": tuple(
            dataclasses.replace(
                e, ideas=(), decisions=(), item=dataclasses.replace(e.item, used_seconds=0)
            )
            for e in held.items
        ),
        "plans": (),
        "parked": (),
    }
    defaults.update(changes)
    data = make_minutes(**defaults)
    assert document_kind(data) == AGENDA
    return data


# --------------------------------------------------------------------------- the agenda


def test_a_planned_meetings_preview_is_its_word_agenda_in_the_same_order_and_words() -> None:
    data = planned()
    html = Blocks(minutes_html(data)).blocks
    word = word_blocks(minutes_document_bytes(data))
    assert html == word
    # ... and that is the agenda, not minutes:
    assert html[0] == "Agenda: October pipeline alignment"
    assert "09:00–09:10 (10 min) · Owner: Dana Whitfield · KPI review" in html
    assert "09:25–09:40 (15 min) · Owner: Priya Raman · Glossary change · " in " ".join(html)


def test_a_planned_meetings_preview_claims_nothing_happened() -> None:
    page = Page(minutes_html(planned()))
    assert page.h1() == [
        "Agenda: October pipeline alignment",
        "Invited",
        "Purpose",
        "Agenda",
        "Actions to review",
        "Next meeting",
        "Distribution",
    ]
    flat = page.flat
    for claim in (
        "Attendance",
        "Present (",
        "nobody recorded",
        "No notes recorded.",
        "No decisions were recorded.",
        "No action plans were recorded.",
        "No members were recorded as present.",
        "Not yet approved",
        "Planned",  # the title block says "Time": nothing else happened
    ):
        assert claim not in flat, claim
    assert "Invited (7): Dana Whitfield (Marketing), Priya Raman (Marketing, representing" in flat
    assert "Time 09:00–10:00 (60 min)" in flat
    assert "A-102 Draft the shared MQL definition Milestone: Draft to legal by 10 Oct" in flat


def test_an_empty_agenda_says_so_as_the_word_agenda_does() -> None:
    data = planned(
        meeting=meeting_record(
            status=MeetingStatus.PLANNED,
            phase=Phase.OPEN,
            closed_at=None,
            topic="",
            end_goal="",
            previous_minutes_approved=False,
            next_meeting_at=None,
            place="",
        ),
        participants=(),
        items=(),
        follow_ups=(),
    )
    html = Blocks(minutes_html(data)).blocks
    assert html == word_blocks(minutes_document_bytes(data))
    assert "Nobody is invited yet." in html and "No agenda items yet." in html
    assert "Not set yet." in html
    assert Page(minutes_html(data)).h1()[1:] == ["Invited", "Agenda", "Next meeting"]


def test_a_slipped_action_to_review_says_so_in_both() -> None:
    dana = participant(1, "Dana Whitfield", "Marketing", attendance=Attendance.INVITED)
    review = FollowUpRecord(
        action(5, dana, "Refresh the ICP", status=ActionStatus.OPEN),
        status_before=ActionStatus.OPEN,
        review_note="",
        reviewed=False,
        times_slipped=2,
    )
    data = planned(participants=(dana,), follow_ups=(review,))
    html = Blocks(minutes_html(data)).blocks
    assert html == word_blocks(minutes_document_bytes(data))
    assert "15 Oct 2026 slipped 2×" in html


@pytest.mark.parametrize(
    "status", [MeetingStatus.RUNNING, MeetingStatus.CLOSED], ids=["running", "closed"]
)
def test_running_and_closed_meetings_keep_the_minutes_preview(status: MeetingStatus) -> None:
    data = make_minutes(meeting=meeting_record(status=status))
    h1 = Page(minutes_html(data)).h1()
    assert h1[0].startswith("Draft minutes: " if status is MeetingStatus.RUNNING else "Minutes: ")
    assert "Attendance" in h1 and "Decisions" in h1 and "Approval" in h1
    assert "Invited" not in h1


# --------------------------------------------------------------------------- hostile text


def hostile_agenda(text: str) -> MinutesData:
    """The agenda of `fill_everywhere`'s meeting: `text` in every field an agenda shows."""
    full = fill_everywhere(text)
    return planned(
        meeting=dataclasses.replace(
            full.meeting, status=MeetingStatus.PLANNED, phase=Phase.OPEN, closed_at=None
        ),
        participants=tuple(
            dataclasses.replace(p, attendance=Attendance.INVITED, committed_at=None)
            for p in full.participants
        ),
        follow_ups=full.follow_ups,
        items=tuple(
            dataclasses.replace(
                e, ideas=(), decisions=(), item=dataclasses.replace(e.item, used_seconds=0)
            )
            for e in full.items
        ),
    )


@pytest.mark.parametrize(
    "text",
    [
        *HOSTILE,
        "</td></tr></table><script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "\u202eevil",
    ],
)
def test_hostile_text_in_an_agenda_shows_literally(text: str) -> None:
    data = hostile_agenda(text)
    markup = minutes_html(data)
    page = Page(markup)
    assert set(page.tags) <= ALLOWED and "script" not in page.tags
    expected = fold(text)
    assert page.h1()[0] == f"Agenda: {expected}"
    for where in ("Topic: ", "1. ", "Owner: ", "A-90 "):
        assert f"{where}{expected}" in page.flat
    assert "49" not in page.flat.replace("2026", "")  # no template engine ran on user text
    assert Blocks(markup).blocks == word_blocks(minutes_document_bytes(data))


any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0xFFFF)),
    st.sampled_from(["<b>Sam</b>", "{{7*7}}", "مرحبا <i>", "🚀&amp;", "\u202eevil", "\ud800"]),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=any_text, name=any_text, item_title=any_text, notes=any_text, review=any_text)
def test_any_text_in_an_agenda_renders_literally(
    title: str, name: str, item_title: str, notes: str, review: str
) -> None:
    member = participant(1, name, "Sales", attendance=Attendance.INVITED)
    data = planned(
        meeting=meeting_record(
            title=title, status=MeetingStatus.PLANNED, phase=Phase.OPEN, closed_at=None
        ),
        participants=(member,),
        items=(AgendaItemMinutes(agenda_item(1, item_title, member, notes=notes), (), ()),),
        follow_ups=(
            FollowUpRecord(
                action(9, member, review, milestone=review),
                status_before=ActionStatus.OPEN,
                review_note="",
                reviewed=False,
            ),
        ),
    )
    markup = minutes_html(data)
    page = Page(markup)
    assert set(page.tags) <= ALLOWED
    assert page.tags.count("table") == 2  # the title block and the actions to review
    for text in (title, name, item_title, notes, review):
        assert fold(clean_text(text)) in page.flat
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", markup)
