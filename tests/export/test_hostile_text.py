"""Hostile text in every field, through every file AlignMeet writes (issue 6, "Bad input").

Outputs: the Word minutes (with the toolkit's sections), the follow-up checklist, the
glossary appendix, the dashboard report (.docx and .png), the calendar (.ics) and the CSV.
Each gets the fixed cases (10,000 characters, emoji ZWJ sequences, Arabic and Hebrew,
every C0 control character, lone surrogates, ``<b>``, ``{{7*7}}``, formula starters, tab/CR
at the start of a cell) and a Hypothesis property over ``st.text`` with every Unicode
category, surrogates included (~500 examples per output).

The pass criterion is exact: zero exceptions, and what a reader gets back is the input
minus what the format cannot hold, by these rules (each written out here, independently
of the code under test):

- **Word** (XML 1.0): `word()` — NUL, ``\\x01``-``\\x08``, ``\\x0e``-``\\x1f``, U+FFFE,
  U+FFFF and lone surrogates removed; ``\\r\\n``, a lone ``\\r``, ``\\x0b`` and ``\\x0c``
  become one line break. Everything else is kept, markup included: the text python-docx
  reads back contains the literal ``<b>`` and ``{{7*7}}``. Fields the documents show on one
  line (names in headings, titles, the checklist's meeting) use `line()`: `word()`, then
  runs of whitespace become one space. A paragraph whose first strong character (bidi
  class L, R or AL) is right-to-left has ``<w:bidi/>``; a run whose first strong character
  is right-to-left has ``<w:rtl/>``; no other paragraph or run has them.
- **iCalendar**: `ics()` — `word()`, DEL (RFC 5545 allows no other control character
  in TEXT) and U+FEFF (a pasted byte-order mark) removed; summaries on one line. A line
  break typed into a title never starts a new property or event.
- **CSV**: lone surrogates removed (no UTF-8 file can hold them), nothing else changed, but
  a cell starting with ``= + - @``, a tab or a CR gets a ``'`` in front (QUALITY.md).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import time
import unicodedata
from datetime import UTC, date, datetime
from typing import Any

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from PIL import Image

from alignmeet.domain.bidi import BIDI_CONTROLS, open_controls
from alignmeet.domain.enums import (
    ActionStatus,
    Attendance,
    ItemKind,
    MeetingStatus,
    Phase,
    TeamTag,
)
from alignmeet.domain.glossary import GlossaryData, GlossaryEntry
from alignmeet.domain.goals import (
    DashboardData,
    Disposition,
    GoalKind,
    GoalRecord,
    KpiPoint,
    KpiRecord,
    KpiRow,
    KpiStatus,
    Trend,
)
from alignmeet.domain.periods import PeriodKind
from alignmeet.domain.records import (
    ActionRecord,
    ActionRow,
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
from alignmeet.domain.rules import short_date
from alignmeet.domain.sections import Bullets, DocSection, Picture, Table
from alignmeet.domain.sections import Paragraph as TextBlock
from alignmeet.export import docx_xml
from alignmeet.export.checklist_docx import checklist_document_bytes
from alignmeet.export.csv_export import HEADER, csv_bytes
from alignmeet.export.dashboard_docx import dashboard_document_bytes, write_dashboard_png
from alignmeet.export.glossary_docx import glossary_document_bytes
from alignmeet.export.ics import ics_bytes
from alignmeet.export.minutes_docx import minutes_document_bytes

# ---------------------------------------------------------------------------- the rules

_DROP_WORD = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"}
_DROP_WORD |= {"\ufffe", "\uffff"} | {chr(c) for c in range(0xD800, 0xE000)}


def word(text: str) -> str:
    """What Word can hold of `text` (see the module docstring), written independently."""
    kept = [ch for ch in text if ch not in _DROP_WORD]
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


def line(text: str) -> str:
    return " ".join(word(text).split())


def unbidi(text: str) -> str:
    """`text` without the bidi controls (embeddings, overrides, isolates and their ends)."""
    return "".join(ch for ch in text if ch not in BIDI_CONTROLS)


def ics(text: str) -> str:
    return word(text).replace("\x7f", "").replace("\ufeff", "")


def ics_line(text: str) -> str:
    return " ".join(ics(text).split())


def csv_expected(text: str) -> str:
    kept = "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)
    return "'" + kept if kept[:1] in ("=", "+", "-", "@", "\t", "\r") and kept else kept


def first_strong(text: str) -> str:
    """ "R", "L" or "": the bidi class of the first strong character (UAX #9, P2)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return ""


# ---------------------------------------------------------------------------- the cases

FIXED = {
    "10k-latin": ("A long note with <tags> & {{ampersands}}. " * 300)[:10_000],
    "10k-arabic": ("مرحبا <b>Sam</b> & {{7*7}} 👩‍👩‍👧‍👦 שלום\n" * 400)[:10_000],
    "zwj-family": "👩‍👩‍👧‍👦",
    "zwj-flags": "🏳️‍🌈 🇩🇪 👨🏽‍💻",
    "arabic": "مرحبا بالعالم",
    "hebrew": "שלום עולם",
    "hebrew-then-latin": "שלום Sam, 3 items",
    "digits-then-arabic": "2026 — تقرير المبيعات",
    "latin-then-arabic": "Report: تقرير",
    "c0-controls": "".join(chr(c) for c in range(0x20)) + "end",
    "lone-high-surrogate": "a\ud800b",
    "lone-low-surrogate": "\udfffz",
    "split-pair": "\ud83d\ude00",
    "markup": "<b>bold</b>",
    "template": "{{7*7}}",
    "jinja-block": "{% for x in y %}{{ x }}{% endfor %}",
    "dde": "=cmd|' /C calc'!A0",
    "plus": "+SUM(1,2)",
    "at": "@x",
    "minus": "-2+3",
    "tab-leading": "\tTabbed cell",
    "cr-leading": "\rCR first",
    "line-breaks": "one\r\ntwo\rthree\x0bsoft\x0cpage\n\nnew paragraph",
    "non-characters": "\ufffe\uffff",
    "empty": "",
    "blank": "   ",
    "xml": "&amp; ]]> <![CDATA[ x ]]> <?xml version='1.0'?> <w:p/>",
    "bidi-controls": "\u202eevil\u202c \u200f \u2066x\u2069",
    "del-c1-separators": "a\x7fb\x85c\u2028d\u2029e",
    "ics-injection": "x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:evil",
    "csv-injection-quoted": '"=1+1",@SUM(A1);-1',
}

# Characters that break things, dense; plus every Unicode category, surrogates included.
_NASTY = [
    *(chr(c) for c in range(0x20)),
    *("\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\ufffe", "\uffff", "\ud800", "\udfff"),
    *("<", ">", "&", "{", "}", "%", "=", "+", "-", "@", '"', "'", ",", ";", " "),
    *("ع", "م", "ש", "ל", "\u200f", "\u200e", "\u202e", "\u2066", "\u2069", "1", "a"),
    *("\u200d", "👩", "🏽", "\ufe0f", "😀"),
]
_ANY_CHAR = st.characters(exclude_categories=())
hostile_text = st.one_of(
    st.text(_ANY_CHAR),
    st.lists(st.one_of(_ANY_CHAR, st.sampled_from(_NASTY)), max_size=40).map("".join),
    st.sampled_from(list(FIXED.values())),
    st.tuples(st.sampled_from(list(FIXED.values())), st.text(_ANY_CHAR)).map("".join),
)
# Examples per property. A whole Word document costs ~0.1 s to build and read back (the
# template, the zip), so the end-to-end properties run a few hundred examples each and
# `test_word_building_blocks_any_text`, the code every Word export shares, 2,500.
FAST = settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROPERTY = settings(FAST, max_examples=150)
DASHBOARD = settings(FAST, max_examples=60)

# ---------------------------------------------------------------------------- reading Word


def open_docx(blob: bytes) -> Any:
    return docx.Document(io.BytesIO(blob))


def paragraph_texts(doc: Any) -> list[str]:
    """Every paragraph of the body, those inside table cells included, in order."""
    return [Paragraph(p, None).text for p in doc.element.body.iter(qn("w:p"))]


def check_directions(doc: Any) -> int:
    """Each paragraph and run is marked right-to-left exactly when its text is; returns how
    many paragraphs are marked (so the tests can show RTL really came through)."""
    marked = 0
    for p in doc.element.body.iter(qn("w:p")):
        text = Paragraph(p, None).text
        ppr = p.find(qn("w:pPr"))
        bidi = ppr is not None and ppr.find(qn("w:bidi")) is not None
        assert bidi == (first_strong(text) == "R"), f"paragraph {text[:60]!r}"
        marked += bidi
        for r in p.iterchildren(qn("w:r")):
            run_text = Run(r, None).text
            rpr = r.find(qn("w:rPr"))
            rtl = rpr is not None and rpr.find(qn("w:rtl")) is not None
            assert rtl == (first_strong(run_text) == "R"), f"run {run_text[:60]!r}"
    return marked


def check_xml_order(doc: Any) -> None:
    """<w:bidi/> sits where the schema puts it: before spacing/indentation/justification."""
    later = {qn(f"w:{n}") for n in ("spacing", "ind", "contextualSpacing", "jc", "rPr")}
    for bidi in doc.element.body.iter(qn("w:bidi")):
        siblings = [el.tag for el in bidi.itersiblings(preceding=True)]
        assert not later & set(siblings)


# ---------------------------------------------------------------------------- the minutes

STARTS = datetime(2026, 10, 1, 9, 0)
DUE = date(2026, 10, 15)


def _png(width: int = 60, height: int = 30) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (40, 90, 160)).save(out, "PNG")
    return out.getvalue()


PNG = _png()


def _participant(t: str) -> ParticipantRecord:
    return ParticipantRecord(
        meeting_id=7,
        member_id=1,
        name=t,
        team_name=t,
        role=t,
        attendance=Attendance.PRESENT,
        representative=False,
        committed_at=STARTS,
        confidence=3,
        commitment_note=t,
    )


def _action(action_id: int, t: str, *, title: str | None = None) -> ActionRecord:
    return ActionRecord(
        id=action_id,
        meeting_id=7,
        meeting_title=t,
        meeting_date=date(2026, 9, 3),
        owner_id=1,
        owner_name=t,
        title=t if title is None else title,
        due=DUE,
        team_tag=TeamTag.JOINT,
        status=ActionStatus.OPEN,
        milestone=t,
        position=action_id,
    )


def _item(item_id: int, t: str, *, parked: bool = False) -> AgendaItemRecord:
    return AgendaItemRecord(
        id=item_id,
        meeting_id=7,
        position=item_id,
        title=t,
        owner_id=1,
        owner_name=t,
        minutes=10,
        extra_minutes=0,
        kind=ItemKind.REGULAR,
        notes=t,
        used_seconds=65,
        parked=parked,
        carried_from=t,
    )


def minutes_with(t: str) -> MinutesData:
    """A meeting with `t` in every field a user types, toolkit sections included."""
    member = _participant(t)
    meeting = MeetingRecord(
        id=7,
        series_id=1,
        series_name=t,
        title=t,
        starts_at=STARTS,
        planned_minutes=60,
        place=t,
        facilitator_id=1,
        facilitator_name=t,
        note_taker_id=1,
        note_taker_name=t,
        topic=t,
        end_goal=t,
        status=MeetingStatus.CLOSED,
        phase=Phase.CLOSE,
        previous_minutes_approved=True,
        next_meeting_at=datetime(2026, 11, 5, 9, 0),
        closing_notes=t,
        elapsed_seconds=3600,
        closed_at=datetime(2026, 10, 1, 10, 0),
    )
    toolkit = (
        DocSection(
            heading=t,
            blocks=(
                TextBlock(t, label="Label: "),
                TextBlock(t),
                Bullets((t, "fixed bullet")),
                Table(header=(t, "Owner"), rows=((t, t),)),
                Picture(PNG, 4.0, caption=t),
            ),
        ),
        DocSection(heading="Glossary", blocks=(TextBlock(t, label=t),), level=2),
    )
    return MinutesData(
        meeting=meeting,
        participants=(member,),
        follow_ups=(
            FollowUpRecord(
                _action(90, t), status_before=ActionStatus.OPEN, review_note=t, reviewed=True
            ),
        ),
        items=(
            AgendaItemMinutes(
                item=_item(1, t),
                ideas=(IdeaRecord(1, 1, 1, t, t),),
                decisions=(DecisionRecord(1, 1, t),),
            ),
        ),
        parked=(_item(2, t, parked=True),),
        plans=(MemberPlan(member, (_action(1, t),)),),
        generated_at=datetime(2026, 10, 1, 10, 5),
        toolkit=toolkit,
    )


def check_minutes(t: str) -> int:
    doc = open_docx(minutes_document_bytes(minutes_with(t)))
    paras = paragraph_texts(doc)
    c = word(t)
    person = f"{c} ({c})" if t else c
    milestone = f"\nMilestone: {c}" if t else ""
    # What the text leaves open is closed before the words of ours after it on its line.
    shut = "".join(
        "\u2069" if o in "\u2066\u2067\u2068" else "\u202c" for o in reversed(open_controls(c))
    )
    expected = [
        f"Minutes: {c}" if c else "Minutes",  # the title
        f"Present (1): {person}",
        f"1. {c}",  # agenda item heading
        f"Decision 1: {c}",
        c + shut + (f" — {c}" if t else ""),  # an idea and who had it
        f"✔ {c} — committed at 09:00, confidence 3/5" + (f" — “{c}{shut}”" if c else ""),
        c + milestone,  # the action's cell (title, milestone)
        "A-1",  # its number, as in every document
        c,  # review note, owner cells
        f"Label: {c}",  # toolkit paragraph with a label
        c + c,  # toolkit paragraph labelled with the text itself
    ]
    if t:
        parked = f"{c} (owner {c}, 10 min, first raised in {c})"
        expected += [parked, f"{c} ({c}) · 1 action"]
    if c:
        expected += [f"Topic: {c}", f"End goal: {c}"]
        expected += [chunk for chunk in re.split(r"\n{2,}", c) if chunk]  # notes, closing
    missing = [e for e in expected if e not in paras]
    assert not missing, f"missing paragraphs: {[m[:80] for m in missing]}"
    if c.strip():
        assert paras.count(c) >= 6  # place, teams, owners, review note, table cells, caption
    assert doc.core_properties.title == (f"Minutes: {c}" if c else "Minutes")[:255]
    footer = "\n".join(p.text for p in doc.sections[-1].footer.paragraphs)
    # The title's first 69 characters are in the footer — its bidi controls aside: the
    # footer keeps none open to turn "Page X of Y" around (issue 11, finding 10; the cut
    # also counts the closers it adds).
    title = unbidi(line(c))
    shown = footer.rsplit(" · ", 1)[0].removeprefix("Minutes · ")
    shown = unbidi(shown).removesuffix("…").rstrip() if title else ""
    assert title.startswith(shown)
    assert len(shown) >= min(len(title), 69) - 2 * (len(line(c)) - len(title)) - 1
    assert open_controls(footer) == []
    check_xml_order(doc)
    return check_directions(doc)


@pytest.mark.parametrize("name", FIXED)
def test_minutes_fixed_cases(name: str) -> None:
    marked = check_minutes(FIXED[name])
    if name in ("arabic", "hebrew", "hebrew-then-latin", "digits-then-arabic", "10k-arabic"):
        assert marked >= 8  # title, headings, cells, notes: really marked right-to-left


@settings(PROPERTY, max_examples=250)
@given(hostile_text)
def test_minutes_any_text(t: str) -> None:
    check_minutes(t)


_STYLES = docx_xml.resolve_styles(docx.Document())


@settings(FAST, max_examples=2500)
@given(label=hostile_text, text=hostile_text)
def test_word_building_blocks_any_text(label: str, text: str) -> None:
    """`para`/`run` (every Word export's text goes through them): the XML parses, python-docx
    reads back exactly `word()` of the input, and the right-to-left marks are where the
    text reads right to left."""
    s = _STYLES
    body = docx_xml.para(docx_xml.run(label, docx_xml.LABEL) + docx_xml.run(text), s.bullet)
    body += docx_xml.table(
        [3000],
        [docx_xml.data_row([3000], [docx_xml.para(docx_xml.run(text), s.table_text)])],
        style=s.table,
    )
    element = parse_xml(f"<w:body {nsdecls('w')}>{body}</w:body>")
    paragraphs = [Paragraph(p, None) for p in element.iter(qn("w:p"))]
    assert [p.text for p in paragraphs] == [word(label) + word(text), word(text)]
    doc = type("Doc", (), {"element": type("E", (), {"body": element})()})()
    check_directions(doc)
    check_xml_order(doc)


def test_markup_is_a_literal_run_not_formatting() -> None:
    doc = open_docx(minutes_document_bytes(minutes_with("<b>bold</b> {{7*7}}")))
    texts = [Run(r, None).text for r in doc.element.body.iter(qn("w:r"))]
    assert "<b>bold</b> {{7*7}}" in texts
    assert "49" not in "\n".join(paragraph_texts(doc)).replace("2026", "")


def test_large_right_to_left_meeting_stays_fast() -> None:
    """The RTL marks cost little: a large meeting entirely in Arabic, well under 1 s."""
    base = minutes_with("اجتماع المبيعات والتسويق")
    notes = "نقاش طويل حول خط المبيعات مع الأرقام والأسماء.\n" * 40
    items = tuple(
        AgendaItemMinutes(
            item=dataclasses.replace(_item(i, f"بند {i}"), notes=notes),
            ideas=(IdeaRecord(i, i, 1, "سارة", f"فكرة {i}"),),
            decisions=(DecisionRecord(i, i, f"قرار {i}"),),
        )
        for i in range(60)
    )
    member = base.participants[0]
    plans = (
        MemberPlan(member, tuple(_action(n, "مسؤول", title=f"إجراء {n}") for n in range(400))),
    )
    data = dataclasses.replace(base, items=items, plans=plans)
    minutes_document_bytes(data)  # warm up (imports, template)
    started = time.perf_counter()
    blob = minutes_document_bytes(data)
    elapsed = time.perf_counter() - started
    assert check_directions(open_docx(blob)) > 500
    assert elapsed < 0.5, f"{elapsed:.2f} s"


def test_the_rtl_prefilter_covers_every_right_to_left_character() -> None:
    """`docx_xml` skips text without any character in its RTL ranges: none may be missed."""
    pattern = docx_xml._MAYBE_RTL
    missed = [
        hex(c)
        for c in range(0x110000)
        if unicodedata.bidirectional(chr(c)) in ("R", "AL") and not pattern.match(chr(c))
    ]
    assert missed == []


@pytest.mark.parametrize(
    ("text", "rtl"),
    [
        ("مرحبا", True),
        ("שלום", True),
        ("123 שלום", True),
        ("«שלום»", True),
        ("\u200f", True),
        ("Hello שלום", False),
        ("", False),
        ("123 !?", False),
        ("\u202eevil", False),  # an override is not a strong character
        ("𐤀", True),  # Phoenician, outside the Basic Multilingual Plane
    ],
)
def test_is_rtl(text: str, rtl: bool) -> None:
    assert docx_xml.is_rtl(text) is rtl


# ---------------------------------------------------------------------------- the checklist

GENERATED = datetime(2026, 11, 22, 9, 30)
TODAY = date(2026, 11, 22)


def action_row(t: str, action_id: int = 1) -> ActionRow:
    return ActionRow(
        action=_action(action_id, t),
        series_id=1,
        series_name=t,
        owner_team=t,
        times_slipped=1,
        last_note=t,
    )


def check_checklist(t: str) -> int:
    blob = checklist_document_bytes(
        [action_row(t)], title=t, scope=t, generated_at=GENERATED, today=TODAY
    )
    doc = open_docx(blob)
    paras = paragraph_texts(doc)
    one = line(t)
    name = one or "(no owner)"
    expected = [
        one or "Follow-up checklist",
        " · ".join(x for x in (one, f"generated {short_date(GENERATED)}") if x),
        f"{name} ({one})" if one else name,
        word(t) + (f"\nMilestone: {one}" if one else "") + f"\nfrom {one}, 3 Sep 2026",
    ]
    missing = [e for e in expected if e not in paras]
    assert not missing, f"missing paragraphs: {[m[:80] for m in missing]}"
    assert doc.core_properties.title == (one or "Follow-up checklist")[:255]
    check_xml_order(doc)
    return check_directions(doc)


@pytest.mark.parametrize("name", FIXED)
def test_checklist_fixed_cases(name: str) -> None:
    marked = check_checklist(FIXED[name])
    if name in ("arabic", "hebrew"):
        assert marked >= 3


@PROPERTY
@given(hostile_text)
def test_checklist_any_text(t: str) -> None:
    check_checklist(t)


# ---------------------------------------------------------------------------- the glossary


def check_glossary(t: str) -> int:
    entry = GlossaryEntry(
        term=t,
        definition=t,
        number=2,
        meeting_title=t,
        agreed_on=date(2026, 2, 10),
        previous_versions=1,
    )
    data = GlossaryData(generated_at=GENERATED, entries=(entry,), open_proposals=1, title=t)
    doc = open_docx(glossary_document_bytes(data))
    paras = paragraph_texts(doc)
    one = line(t)
    agreed = f"agreed in {one} on 10 Feb 2026" if one else "agreed on 10 Feb 2026"
    expected = [
        one or "Appendix: Glossary of agreed definitions",
        one or "(no term)",
        word(t),
        f"Version 2 · {agreed} · replaces 1 earlier wording",
    ]
    missing = [e for e in expected if e not in paras]
    assert not missing, f"missing paragraphs: {[m[:80] for m in missing]}"
    check_xml_order(doc)
    return check_directions(doc)


@pytest.mark.parametrize("name", FIXED)
def test_glossary_fixed_cases(name: str) -> None:
    marked = check_glossary(FIXED[name])
    if name in ("arabic", "hebrew"):
        assert marked >= 3


@PROPERTY
@given(hostile_text)
def test_glossary_any_text(t: str) -> None:
    check_glossary(t)


# ---------------------------------------------------------------------------- the dashboard

NOW = datetime(2026, 11, 18, 9, 0)


def _goal(kind: GoalKind, t: str) -> GoalRecord:
    revenue = kind is GoalKind.REVENUE
    return GoalRecord(
        id=1,
        kind=kind,
        title=t,
        period="2026-Q4",
        period_label="Q4 2026",
        target_value=5_400_000 if revenue else None,
        actual_value=2_600_000 if revenue else None,
        unit="$" if revenue else "",
        disposition=None if revenue else Disposition.IMPROVE,
        team_tag=TeamTag.JOINT,
        owner_id=1,
        owner_name=t,
        notes=t,
        archived=False,
        created_at=NOW,
    )


def _kpi_row(t: str) -> KpiRow:
    kpi = KpiRecord(
        id=1,
        name=t,
        description=t,
        unit=t[:8],
        higher_is_better=True,
        target=30.0,
        period_kind=PeriodKind.MONTH,
        team_tag=TeamTag.JOINT,
        position=1,
        archived=False,
    )
    history = tuple(
        KpiPoint(period=f"2026-{m:02d}", label=f"M{m}", value=20.0 + m, target=30.0)
        for m in range(1, 5)
    )
    return KpiRow(
        kpi=kpi,
        period="2026-11",
        period_label="Nov 2026",
        value=29.1,
        value_period="2026-10",
        value_period_label="Oct 2026",
        target=30.0,
        status=KpiStatus.NEAR,
        previous=26.0,
        trend=Trend.BETTER,
        direction="up",
        note=t,
        history=history,
    )


def dashboard_with(t: str) -> DashboardData:
    return DashboardData(
        period="2026-11",
        period_label="Nov 2026",
        generated_at=NOW,
        revenue_goal=_goal(GoalKind.REVENUE, t),
        activity_goals=(_goal(GoalKind.ACTIVITY, t),),
        rows=(_kpi_row(t),),
        title=t,
    )


def check_dashboard(t: str) -> int:
    data = dashboard_with(t)
    doc = open_docx(dashboard_document_bytes(data))
    paras = paragraph_texts(doc)
    c, one = word(t), line(t)
    row = data.rows[0]
    expected = [
        one or "Shared dashboard",
        f"{c}  (Q4 2026)",
        f"{c}\n{word(row.kpi.direction_text)}",  # the KPI's cell
        c + (f"\n{c}" if t else ""),  # the activity goal and its notes
        word(t or "—"),  # its owner
    ]
    if t:
        expected += [f"Owner: {c}", c, f"{c}: {c}"]  # goal owner, notes, the KPI's note
    missing = [e for e in expected if e not in paras]
    assert not missing, f"missing paragraphs: {[m[:80] for m in missing]}"
    check_xml_order(doc)
    return check_directions(doc)


@pytest.mark.parametrize("name", FIXED)
def test_dashboard_fixed_cases(name: str) -> None:
    marked = check_dashboard(FIXED[name])
    if name in ("arabic", "hebrew"):
        assert marked >= 4


@DASHBOARD
@given(hostile_text)
def test_dashboard_any_text(t: str) -> None:
    check_dashboard(t)


def check_png(t: str, folder: Any) -> None:
    path = folder / "dashboard.png"
    write_dashboard_png(dashboard_with(t), path, width=700)
    with Image.open(path) as image:
        image.verify()
    with Image.open(path) as image:
        assert image.width == 700 and image.height > 200


@pytest.mark.parametrize("name", FIXED)
def test_dashboard_png_fixed_cases(name: str, tmp_path: Any) -> None:
    check_png(FIXED[name], tmp_path)


@DASHBOARD
@given(hostile_text)
def test_dashboard_png_any_text(tmp_path_factory: pytest.TempPathFactory, t: str) -> None:
    check_png(t, tmp_path_factory.mktemp("png"))


# ---------------------------------------------------------------------------- the calendar


def check_ics(t: str) -> None:
    data = ics_bytes(
        [action_row(t, 1)],
        calendar_name=t,
        generated_at=datetime(2026, 11, 22, 9, 30, tzinfo=UTC),
    )
    raw = data.decode("utf-8")
    # Content lines end in CRLF; nothing else in the file is a CR, LF or control character
    # but the tab, and no line is longer than 75 octets (RFC 5545 folding).
    body = raw.split("\r\n")
    assert body[-1] == ""
    for content_line in body[:-1]:
        assert not any((ord(ch) < 0x20 and ch != "\t") or ch == "\x7f" for ch in content_line)
        assert len(content_line.encode("utf-8")) <= 75
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1  # a typed "END:VEVENT" is text, never structure
    event = events[0]
    one = ics_line(t)
    assert str(calendar["X-WR-CALNAME"]) == (one or "AlignMeet follow-ups")
    assert str(event["SUMMARY"]) == (f"Action A-1: {one} ({one})" if one else f"Action A-1: {one}")
    description = str(event["DESCRIPTION"])
    assert description.endswith("\n\n" + ics(t)) or (not ics(t) and description.endswith("\n"))
    lines = description.split("\n")
    if one:
        assert f"Owner: {one} ({one})" in lines
        assert f"Series: {one}" in lines
        assert f"Milestone: {one}" in lines
    assert f"From: {one}, 3 Sep 2026" in lines
    assert event["DTSTART"].dt == DUE


@pytest.mark.parametrize("name", FIXED)
def test_ics_fixed_cases(name: str) -> None:
    check_ics(FIXED[name])


@FAST
@given(hostile_text)
def test_ics_any_text(t: str) -> None:
    check_ics(t)


# ---------------------------------------------------------------------------- CSV

_TEXT_COLUMNS = {
    "action": lambda t: t,
    "owner": lambda t: t,
    "owner team": lambda t: t,
    "meeting": lambda t: t,
    "series": lambda t: t,
    "milestone": lambda t: t,
    "last note": lambda t: t,
}


def check_csv(t: str) -> None:
    data = csv_bytes([action_row(t, 1), action_row("plain", 2)])
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(HEADER)
    assert len(rows) == 3  # line breaks inside a cell never make a new row
    record = dict(zip(HEADER, rows[1], strict=True))
    for column in _TEXT_COLUMNS:
        assert record[column] == csv_expected(t), column
    for row in rows[1:]:
        for value in row:
            # What a spreadsheet would run as a formula never starts a cell.
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert rows[2][1] == "plain"
    assert rows[2][-1] == "A-2"  # the action's number, as every document shows it


@pytest.mark.parametrize("name", FIXED)
def test_csv_fixed_cases(name: str) -> None:
    check_csv(FIXED[name])


@FAST
@given(hostile_text)
def test_csv_any_text(t: str) -> None:
    check_csv(t)


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+SUM(1,2)", "'+SUM(1,2)"),
        ("@x", "'@x"),
        ("-2+3", "'-2+3"),
        ("\tTabbed", "'\tTabbed"),
        ("\rCR", "'\rCR"),
        ("\ud800=x", "'=x"),  # the surrogate goes first, then the formula is caught
        ("a=b", "a=b"),
        (" =1", " =1"),
    ],
)
def test_csv_neutralising_rule(text: str, cell: str) -> None:
    assert csv_expected(text) == cell
    rows = list(
        csv.reader(io.StringIO(csv_bytes([action_row(text)]).decode("utf-8-sig"), newline=""))
    )
    assert rows[1][1] == cell
