"""The minutes as HTML (preview, print, PDF): the same content as the Word minutes, from a
strict, autoescaping Jinja2 template; hostile text shows literally."""

from __future__ import annotations

import base64
import re
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.records import AgendaItemMinutes, DecisionRecord, IdeaRecord, MemberPlan
from alignmeet.domain.sections import Bullets, DocSection, Picture, Table
from alignmeet.domain.sections import Paragraph as Para
from alignmeet.export.html_minutes import (
    MINUTES_TEMPLATE,
    environment,
    minutes_context,
    minutes_html,
    render_template,
)
from alignmeet.export.minutes_docx import minutes_document_bytes
from alignmeet.export.sanitize import clean_text
from alignmeet.paths import templates_dir

from .test_minutes_docx import (
    HOSTILE,
    STARTS,
    _png,
    action,
    agenda_item,
    fill_everywhere,
    make_minutes,
    meeting_record,
    open_docx,
    participant,
)

# --------------------------------------------------------------------------- reading HTML

TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table", "thead",
    "tbody", "tr", "th", "td", "span", "b", "i", "br", "ul", "li", "img",
}  # fmt: skip
_BLOCKS = {"p", "h1", "h2", "li", "tr", "td", "th", "table", "ul", "br"}


class Page(HTMLParser):
    """The text a reader sees (entities decoded, style and title left out) and every tag."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self.headings: list[tuple[str, str]] = []
        self.images: list[dict[str, str | None]] = []
        self._skip = 0
        self._heading: tuple[str, list[str]] | None = None
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("style", "title"):
            self._skip += 1
        if tag in ("h1", "h2"):
            self._heading = (tag, [])
        if tag == "img":
            self.images.append(dict(attrs))
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self._skip -= 1
        if tag in ("h1", "h2") and self._heading is not None:
            self.headings.append((tag, "".join(self._heading[1])))
            self._heading = None
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.parts.append(data)
        if self._heading is not None:
            self._heading[1].append(data)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def flat(self) -> str:
        """The text with all white space folded (how a browser lays out text runs)."""
        return " ".join(self.text.split())

    def h1(self) -> list[str]:
        return [" ".join(text.split()) for tag, text in self.headings if tag == "h1"]


def fold(text: str) -> str:
    return " ".join(text.split())


def docx_texts(blob: bytes) -> list[str]:
    """Every non-empty paragraph of the Word minutes' body, tables included."""
    doc = open_docx(blob)
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                texts.extend(p.text for p in cell.paragraphs)
    return [fold(t) for t in texts if t.strip()]


def with_toolkit():
    return make_minutes(
        toolkit=(
            DocSection(
                heading="KPI review",
                blocks=(
                    Para("November 2026", label="Period: "),
                    Table(
                        header=("KPI", "Target", "Actual"),
                        rows=(("MQL→SQL conversion", "25 %", "<b>22 %</b>"), ("Short row",)),
                        weights=(3, 1, 1),
                    ),
                    Picture(png=_png(), width_cm=30.0, caption="Actual vs target"),
                    Para("Nothing else recorded.", muted=True),
                ),
            ),
            DocSection(heading="Glossary changes", blocks=(Bullets(("MQL: now means …", " ")),)),
            DocSection(heading="Personas discussed", level=2, blocks=(Para("Larry, the CFO"),)),
        )
    )


@pytest.fixture(scope="module")
def sample_page() -> Page:
    return Page(minutes_html(with_toolkit()))


# --------------------------------------------------------------------------- same as Word


def test_everything_the_word_minutes_say_the_html_says_too(sample_page: Page) -> None:
    data = with_toolkit()
    missing = [t for t in docx_texts(minutes_document_bytes(data)) if t not in sample_page.flat]
    assert missing == []


def test_sections_in_the_same_order_as_the_word_minutes(sample_page: Page) -> None:
    doc = open_docx(minutes_document_bytes(with_toolkit()))
    word = [p.text for p in doc.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert sample_page.h1() == ["Minutes: October pipeline alignment", *word]
    assert sample_page.h1()[1:] == [
        "Attendance",
        "Purpose",
        "Review of previous actions",
        "Agenda",
        "Decisions",
        "Action plans",
        "Commitments",
        "Parked for the next meeting",
        "KPI review",
        "Glossary changes",
        "Next meeting",
        "Approval",
        "Distribution",
    ]


def test_title_block_attendance_and_purpose(sample_page: Page) -> None:
    text = sample_page.text
    for line in (
        "Series\nMonthly Sales & Marketing sync",
        "Date\nThursday 1 October 2026",
        "Planned\n09:00–10:00 (60 min)",
        "Place\nRoom Ada, 3rd floor",
    ):
        assert line in re.sub(r"\n+", "\n", text)
    flat = sample_page.flat
    assert (
        "Present (5): Dana Whitfield (Marketing), Priya Raman (Marketing, representing Sales), "
        "Marco Bellini (Sales), Sofia Almeida (Sales), Tom Okafor (Sales)"
    ) in flat
    assert "Apologies (1): Lena Fischer (Marketing)" in flat
    assert "Topic: Why are Sales rejecting half of the October MQLs?" in flat
    assert "The minutes of the previous meeting were approved." in flat


def test_agenda_items_with_time_ideas_and_decisions(sample_page: Page) -> None:
    flat = sample_page.flat
    assert "1. KPI review: MQL → SQL conversion" in flat
    assert "Owner: Dana Whitfield · KPI review · 10 min used of 10" in flat
    assert "Route webinar leads to SDRs within 1 hour — Marco Bellini" in flat
    assert "Decision 1: Speed-to-lead target stays at 4 hours." in flat
    assert "18 min used of 15 (+3 over)" in flat
    assert "No notes recorded." in flat  # item 4 has nothing


def test_notes_keep_their_paragraphs_and_line_breaks() -> None:
    markup = minutes_html(make_minutes())
    assert (
        "<p>Conversion fell from 21% to 14% in September.<br>"
        "Most of the drop is from the webinar campaign.</p>"
    ) in markup
    assert "<p>Speed to lead is 31 hours on average; target is 4.</p>" in markup


def test_action_plans_and_commitments(sample_page: Page) -> None:
    flat = sample_page.flat
    assert "Dana Whitfield (Marketing) · 2 actions" in flat
    assert "Priya Raman (Marketing, representing Sales) No actions recorded." in flat
    assert "A-8 Call back all September webinar leads Sales 9 Oct 2026 Blocked" in flat
    assert "4 of 5 present members committed to their plan." in flat
    assert "✔ Sofia Almeida — committed at 09:52, confidence 3/5 — “if legal signs off”" in flat
    assert "✘ Priya Raman — has not committed" in flat
    assert "Next meeting Thursday 5 November 2026 at 09:00" in flat


def test_table_header_rows_are_thead_so_they_repeat_on_every_printed_page() -> None:
    markup = minutes_html(with_toolkit())
    assert markup.count("<thead>") == 4  # review, decisions, action plans, the KPI table


def test_pictures_are_embedded_as_data_uris_no_wider_than_the_page(sample_page: Page) -> None:
    [image] = sample_page.images
    src = image["src"] or ""
    assert src.startswith("data:image/png;base64,")
    assert base64.b64decode(src.split(",", 1)[1]) == _png()
    assert int(image["width"] or 0) <= 16.5 * 96 / 2.54 + 1  # 30 cm asked, the page has 17
    assert image["alt"] == "Actual vs target"
    assert "Actual vs target" in sample_page.flat


def test_toolkit_blocks(sample_page: Page) -> None:
    flat = sample_page.flat
    assert "Period: November 2026" in flat
    assert "KPI Target Actual MQL→SQL conversion 25 % <b>22 %</b> Short row" in flat
    assert "MQL: now means …" in flat
    assert ("h2", "Personas discussed") in sample_page.headings
    assert sample_page.tags.count("li") == 3 + 4 + 1 + 1  # ideas, decisions, parked, glossary


def test_an_empty_meeting_says_so_instead_of_empty_sections() -> None:
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
    page = Page(minutes_html(data))
    assert page.h1()[1:] == [
        "Attendance",
        "Agenda",
        "Decisions",
        "Action plans",
        "Commitments",
        "Next meeting",
        "Approval",
    ]
    for text in (
        "Present (0): nobody recorded",
        "No agenda items were discussed.",
        "No action plans were recorded.",
        "No members were recorded as present.",
        "Not set yet.",
    ):
        assert text in page.flat
    assert "Place" not in page.flat and "Note taker" not in page.flat


# --------------------------------------------------------------------------- the environment


def test_the_template_ships_in_the_templates_folder() -> None:
    assert (templates_dir() / MINUTES_TEMPLATE).is_file()


def test_one_strict_environment_autoescaping_html_but_not_text() -> None:
    from jinja2 import StrictUndefined, UndefinedError

    env = environment()
    assert env is environment()
    assert env.undefined is StrictUndefined
    assert env.autoescape(MINUTES_TEMPLATE) is True
    assert env.autoescape("minutes_email.txt.j2") is False
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    context = minutes_context(make_minutes())
    del context["commitments"]
    with pytest.raises(UndefinedError):
        render_template(MINUTES_TEMPLATE, **context)


# --------------------------------------------------------------------------- hostile text

ALLOWED = TEMPLATE_TAGS


@pytest.mark.parametrize(
    "text",
    [*HOSTILE, "</td></tr></table><script>alert(1)</script>", "<img src=x onerror=alert(1)>"],
)
def test_hostile_text_shows_literally(text: str) -> None:
    markup = minutes_html(fill_everywhere(text))
    page = Page(markup)
    assert set(page.tags) <= ALLOWED
    assert "script" not in page.tags
    expected = fold(text)
    assert page.h1()[0] == f"Minutes: {expected}"  # the title
    for where in ("Topic: ", "1. ", "Decision 1: ", "Action "):
        assert f"{where}{expected}" in page.flat
    assert "49" not in page.flat.replace("2026", "")  # no template engine ran on user text


def test_a_title_of_nothing_but_control_characters_reads_minutes() -> None:
    page = Page(minutes_html(make_minutes(meeting=meeting_record(title="\x00\x01"))))
    assert page.h1()[0] == "Minutes"


def test_control_characters_are_dropped_and_soft_breaks_kept() -> None:
    markup = minutes_html(fill_everywhere("a\x00b\x0bc\x0cd\ud800e\ufffff"))
    page = Page(markup)
    assert "ab c def" in page.flat
    assert "\x00" not in markup and "\ud800" not in markup and "\uffff" not in markup
    assert "ab<br>c<br>d" in markup  # in the notes: line breaks, as in Word


any_text = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec=None, min_codepoint=0, max_codepoint=0xFFFF)),
    st.sampled_from(["<b>Sam</b>", "{{7*7}}", "مرحبا <i>", "🚀&amp;", "\u202eevil"]),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=any_text,
    name=any_text,
    item_title=any_text,
    notes=any_text,
    idea=any_text,
    decision=any_text,
    action_title=any_text,
    cell=any_text,
)
def test_any_text_renders_literally(
    title: str,
    name: str,
    item_title: str,
    notes: str,
    idea: str,
    decision: str,
    action_title: str,
    cell: str,
) -> None:
    member = participant(1, name, "Sales", committed_at=STARTS)
    data = make_minutes(
        meeting=meeting_record(title=title),
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
        toolkit=(DocSection(heading=cell, blocks=(Table(header=("H",), rows=((cell,),)),)),),
    )
    markup = minutes_html(data)
    page = Page(markup)
    assert set(page.tags) <= ALLOWED
    # title block, decisions, action plans, the toolkit table
    assert page.tags.count("table") == 4
    for text in (title, name, item_title, notes, idea, decision, action_title, cell):
        assert fold(clean_text(text)) in page.flat
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]", markup)
