"""Bidi-safe cuts (issue 11, finding 10): wherever user text is cut or set beside our own
words — the footers of the minutes, the checklist and the dashboard, the e-mail subject,
the print footer, a chart label, a search snippet, the glossary's decision, a field the
services cut — a right-to-left override (RLO) in it never stays open to reverse what
follows. The minutes' footer cut the title at 70 characters, dropped the closing PDF,
and "Page 1 of 1" read "1 fo 1 egaP".

Each footer is read back from the .docx XML: the text "Page" comes after every
embedding, override and isolate the title opened has been closed."""

from __future__ import annotations

import dataclasses
from io import BytesIO

import docx
from PIL import Image, ImageDraw

from alignmeet.domain.bidi import PDF, RLO, open_controls
from alignmeet.domain.glossary import approval_text
from alignmeet.export import charts
from alignmeet.export.checklist_docx import checklist_document_bytes
from alignmeet.export.dashboard_docx import dashboard_document_bytes
from alignmeet.export.email_minutes import MAX_SUBJECT, minutes_email
from alignmeet.export.html_minutes import minutes_context
from alignmeet.export.minutes_docx import minutes_document_bytes
from alignmeet.services.followups import snippet

from .test_hostile_text import GENERATED, TODAY, action_row, dashboard_with, minutes_with

# An override opened at character 60 and closed at 100: a cut at 60 or 70 drops its PDF.
AT_THE_CUT = "Quarterly pipeline review with the northern region and partner" + (
    f" {RLO}reversed part of the title that goes on and on{PDF} and the rest"
)
NEVER_CLOSED = f"Budget {RLO}reversed to the end"  # short: no cut, and still open


def footer_text(blob: bytes) -> str:
    doc = docx.Document(BytesIO(blob))
    return "\n".join(p.text for p in doc.sections[-1].footer.paragraphs)


def closed_before(text: str, ours: str) -> bool:
    """Whether everything opened before `ours` in `text` is closed by then."""
    assert ours in text, (ours, text)
    return open_controls(text[: text.index(ours)]) == []


def minutes_titled(title: str) -> bytes:
    data = minutes_with("plain")
    meeting = dataclasses.replace(data.meeting, title=title)
    return minutes_document_bytes(dataclasses.replace(data, meeting=meeting))


# ---- footers of the Word exports -----------------------------------------------------------


def test_the_minutes_footer_keeps_page_x_of_y_outside_the_titles_override() -> None:
    for title in (AT_THE_CUT, NEVER_CLOSED):
        footer = footer_text(minutes_titled(title))
        assert closed_before(footer, " · Thursday 1 October 2026"), footer
        assert closed_before(footer, "Page 1 of 1"), footer


def test_the_checklist_footer_too() -> None:
    for title in (AT_THE_CUT, NEVER_CLOSED):
        blob = checklist_document_bytes(
            [action_row("x")], title=title, generated_at=GENERATED, today=TODAY
        )
        footer = footer_text(blob)
        assert closed_before(footer, "Page 1 of 1"), footer


def test_the_dashboard_footer_too() -> None:
    for title in (AT_THE_CUT, NEVER_CLOSED):
        data = dataclasses.replace(dashboard_with("x"), title=title)
        footer = footer_text(dashboard_document_bytes(data))
        assert closed_before(footer, " · Nov 2026"), footer
        assert closed_before(footer, "Page 1 of"), footer


def test_the_print_footer_of_the_html_minutes_too() -> None:
    data = minutes_with("plain")
    meeting = dataclasses.replace(data.meeting, title=NEVER_CLOSED)
    context = minutes_context(dataclasses.replace(data, meeting=meeting))
    footer = context["footer"]
    assert closed_before(footer, " · Thursday 1 October 2026"), footer


# ---- the e-mail --------------------------------------------------------------------------------


def test_the_email_subject_keeps_the_date_outside_the_titles_override() -> None:
    data = minutes_with("plain")
    for title in (NEVER_CLOSED, "x" * (MAX_SUBJECT - 30) + AT_THE_CUT):
        meeting = dataclasses.replace(data.meeting, title=title)
        subject, body = minutes_email(dataclasses.replace(data, meeting=meeting))
        assert len(subject) <= MAX_SUBJECT + 2
        assert open_controls(subject) == [], ascii(subject)
        if " — Thursday" in subject:
            assert closed_before(subject, " — Thursday 1 October 2026")
        assert closed_before(body, "Hello everyone")


# ---- cells, labels and stored fields -------------------------------------------------------


def test_a_chart_label_cut_to_fit_leaves_nothing_open() -> None:
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    font = charts._font(24)
    label = charts._fit(draw, AT_THE_CUT, font, 900)
    assert label.endswith("…") and len(label) < len(AT_THE_CUT)
    assert open_controls(label) == []


def test_a_search_snippet_cut_in_an_override_leaves_nothing_open() -> None:
    text = "Call " + RLO + "the customer back about " * 10 + PDF + " the renewal quote"
    shown = snippet(text, ["customer"], width=40)
    assert shown.endswith("…")
    assert open_controls(shown) == []


def test_the_glossary_decision_cut_leaves_nothing_open() -> None:
    definition = "a lead " + RLO + "marketing qualified " * 400 + PDF + " by score"
    decision = approval_text("MQL", definition)
    assert decision.endswith("…")
    assert open_controls(decision) == []
