"""The minutes (Word, HTML, e-mail), the checklist, the calendar, the glossary and the
dashboard in German: real German headings, labels and dates, no English left over, and
English again once the German block ends."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from alignmeet import i18n
from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.glossary import GlossaryData, GlossaryEntry
from alignmeet.export import ExportError
from alignmeet.export.charts import status_counts
from alignmeet.export.checklist_docx import DEFAULT_TITLE, checklist_document_bytes
from alignmeet.export.email_minutes import minutes_email
from alignmeet.export.glossary_docx import glossary_document_bytes
from alignmeet.export.html_minutes import minutes_html
from alignmeet.export.ics import IcsSummary, event_description, event_summary
from alignmeet.export.minutes_docx import minutes_document_bytes

from .test_checklist_docx import GENERATED, PRIYA, TODAY, action_row
from .test_minutes_docx import (
    all_text,
    make_minutes,
    open_docx,
    paragraphs_in,
    rows_text,
    table_after,
)

ENGLISH_HEADINGS = (
    "Attendance",
    "Purpose",
    "Review of previous actions",
    "Action plans",
    "Commitments",
    "Parked for the next meeting",
    "Next meeting",
)


@pytest.fixture(scope="module")
def german_doc() -> docx.document.Document:
    with i18n.use_language("de"):
        return open_docx(minutes_document_bytes(make_minutes()))


# ---- the Word minutes ----------------------------------------------------------------------


def test_word_minutes_headings_are_german(german_doc) -> None:
    assert paragraphs_in(german_doc, "Heading 1") == [
        "Teilnahme",
        "Zweck",
        "Rückblick auf frühere Maßnahmen",
        "Agenda",
        "Beschlüsse",
        "Maßnahmenpläne",
        "Zusagen",
        "Für die nächste Besprechung zurückgestellt",
        "Nächste Besprechung",
        "Freigabe",
        "Verteiler",
    ]
    text = all_text(german_doc)
    for english in ENGLISH_HEADINGS:
        assert english not in paragraphs_in(german_doc, "Heading 1")
    for english in ("Time box", "Owner:", "committed at", "Minutes generated", "nobody"):
        assert english not in text


def test_word_minutes_title_block_and_dates_are_german(german_doc) -> None:
    block = dict(tuple(row) for row in rows_text(german_doc.tables[0]))
    assert block["Datum"] == "Donnerstag, 1. Oktober 2026"
    assert block["Geplant"] == "09:00–10:00 Uhr (60 Min.)"
    assert block["Reihe"] == "Monthly Sales & Marketing sync"  # user data stays as typed
    assert set(block) == {"Reihe", "Teams", "Datum", "Geplant", "Ort", "Moderation", "Protokoll"}
    text = all_text(german_doc)
    assert "Donnerstag, 5. November 2026 um 09:00 Uhr" in text  # the next meeting
    assert "Thursday" not in text and "October 2026" not in text


def test_word_minutes_tables_have_german_headers_and_labels(german_doc) -> None:
    review = rows_text(table_after(german_doc, "Rückblick auf frühere Maßnahmen"))
    assert review[0] == ["#", "Maßnahme", "Zuständig", "Aus", "Fällig", "Vorher", "Jetzt", "Notiz"]
    assert review[1][3:7] == ["3. Sep. 2026", "15. Okt. 2026", "Offen", "Erledigt"]
    assert review[2][1] == "Draft the shared MQL definition\nMeilenstein: Draft to legal by 10 Oct"
    plans = rows_text(table_after(german_doc, "Maßnahmenpläne"))
    assert plans[0] == ["#", "Maßnahme", "Team", "Fällig", "Status"]
    labels = {cell for row in plans[1:] for cell in row[2:]}
    assert {"Vertrieb", "Marketing", "Gemeinsam", "Offen"} <= labels
    assert not labels & {"Sales", "Joint", "Open", "Done", "In progress"}


def test_word_minutes_commitments_attendance_and_footer_are_german(german_doc) -> None:
    text = all_text(german_doc)
    assert "Anwesend (5): " in text
    assert "Entschuldigt (1): Lena Fischer (Marketing)" in text
    assert "vertritt Sales" in text
    assert "von 5 Anwesenden haben sich zu ihrem Plan verpflichtet." in text
    assert "verpflichtet um 09:52 Uhr, Zuversicht 3/5 — „if legal signs off“" in text
    assert "hat sich nicht verpflichtet" in text
    footer = german_doc.sections[0].footer
    assert "Donnerstag, 1. Oktober 2026" in footer._element.xml
    words = "".join(t.text for t in footer.paragraphs[-1]._element.iter(qn("w:t")))
    assert "Seite 1 von 1" in words
    assert german_doc.core_properties.category == "Besprechungsprotokoll"


def test_english_minutes_are_unchanged_after_german() -> None:
    with i18n.use_language("de"):
        minutes_document_bytes(make_minutes())
    doc = open_docx(minutes_document_bytes(make_minutes()))
    assert paragraphs_in(doc, "Heading 1")[0] == "Attendance"
    assert rows_text(table_after(doc, "Review of previous actions"))[0][2] == "Owner"
    assert "Thursday 5 November 2026 at 09:00" in all_text(doc)


# ---- HTML and e-mail -------------------------------------------------------------------------


def test_html_minutes_in_german() -> None:
    with i18n.use_language("de"):
        html = minutes_html(make_minutes())
    assert '<html lang="de">' in html
    for german in (
        "<h1>Teilnahme</h1>",
        "<h1>Maßnahmenpläne</h1>",
        '<th width="13%">Zuständig</th>',
        "<h1>Beschlüsse</h1>",
        "<h1>Freigabe</h1>",
        "Meilenstein: Draft to legal by 10 Oct",
        "Donnerstag, 5. November 2026 um 09:00 Uhr",
        "Erstellt von AlignMeet am",
        "— „if legal signs off“",
    ):
        assert german in html
    for english in ("Attendance", "Action plans", "Not set yet", "Milestone:", "Thursday"):
        assert english not in html


def test_html_stays_escaped_in_german() -> None:
    data = make_minutes()
    plan = data.plans[0]
    hostile = dataclasses.replace(plan.actions[0], milestone="<b>x</b> {{7*7}} {date}")
    data = dataclasses.replace(
        data, plans=(dataclasses.replace(plan, actions=(hostile, *plan.actions[1:])),)
    )
    with i18n.use_language("de"):
        html = minutes_html(data)
    assert "Meilenstein: &lt;b&gt;x&lt;/b&gt; {{7*7}} {date}" in html


def test_email_in_german() -> None:
    with i18n.use_language("de"):
        subject, body = minutes_email(make_minutes())
    assert subject == "Protokoll: October pipeline alignment — Donnerstag, 1. Oktober 2026"
    for german in (
        "Hallo zusammen,",
        "hier ist die Zusammenfassung von „October pipeline alignment“ (Donnerstag, 1. Oktober "
        "2026, 09:00 Uhr, Monthly Sales & Marketing sync, Room Ada, 3rd floor).",
        "BESCHLÜSSE",
        "MASSNAHMEN (",
        "fällig am 15. Okt. 2026 (Vertrieb)",
        "ZUSAGEN",
        "verpflichtet, Zuversicht 3/5 — „if legal signs off“",
        "hat sich noch nicht verpflichtet",
        "NÄCHSTE BESPRECHUNG\nDonnerstag, 5. November 2026 um 09:00 Uhr",
        "Das vollständige Protokoll ist angehängt.",
        "Viele Grüße",
    ):
        assert german in body, german
    for english in ("Hello", "DECISIONS", "due ", "committed", "Best regards"):
        assert english not in body
    subject_en, body_en = minutes_email(make_minutes())
    assert subject_en == "Minutes: October pipeline alignment — Thursday 1 October 2026"
    assert body_en.startswith("Hello everyone,")


# ---- checklist, calendar, glossary, dashboard, errors ---------------------------------------


def checklist_rows() -> list:
    return [
        action_row(
            "Agree the revenue target split",
            owner=PRIYA,
            due=date(2026, 10, 20),
            status=ActionStatus.IN_PROGRESS,
            tag=TeamTag.JOINT,
            slipped=2,
            milestone="Targets agreed",
        ),
        action_row("Make a rejection reason mandatory", owner=PRIYA, status=ActionStatus.DONE),
        action_row("Plan the campaign calendar", owner=(2, "Amara Nwosu", "Marketing")),
    ]


def test_checklist_in_german() -> None:
    with i18n.use_language("de"):
        blob = checklist_document_bytes(
            checklist_rows(), title=DEFAULT_TITLE, generated_at=GENERATED, today=TODAY
        )
    document = docx.Document(BytesIO(blob))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == "Nachverfolgungs-Checkliste"
    assert paragraphs[1] == "erstellt am 22. Nov. 2026"
    assert paragraphs[2] == "3 Maßnahmen · 2 Verantwortliche · 1 überfällig · 1 erledigt"
    cells = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    assert cells[0] == ["Amara Nwosu (Marketing)"] * 6  # the owner's row, one cell across
    assert cells[1] == ["#", "Erledigt", "Maßnahme", "Fällig", "Team", "Status"]
    text = "\n".join(c for row in cells for c in row)
    assert "20. Okt. 2026\nüberfällig\n2× verschoben" in text
    assert "Meilenstein: Targets agreed\naus September sync, 29. Sep. 2026" in text
    assert {"Gemeinsam", "Vertrieb", "Offen", "Erledigt"} <= set(text.split("\n"))
    for english in ("overdue", "slipped", "Open", "Joint", "Milestone", "from September"):
        assert english not in text


def test_calendar_events_in_german() -> None:
    row = checklist_rows()[0]
    with i18n.use_language("de"):
        summary = event_summary(row.action)
        description = event_description(row)
        told = IcsSummary(path=Path("f.ics"), events=1, skipped_without_due=2).describe()
    assert summary == f"Maßnahme A-{row.action.id}: Agree the revenue target split (Priya Raman)"
    assert description.startswith("Status: ")
    assert "Verantwortlich: Priya Raman (Sales)" in description
    assert "Team: Gemeinsam" in description
    assert "Fälligkeitsdatum 2× verschoben" in description
    assert (
        told
        == "1 Fälligkeitsdatum in f.ics geschrieben; 2 Maßnahmen ohne Fälligkeitsdatum ausgelassen."
    )
    assert IcsSummary(path=Path("f.ics"), events=2, skipped_without_due=0).describe() == (
        "2 due dates written to f.ics."
    )


def test_glossary_in_german() -> None:
    entry = GlossaryEntry(
        term="MQL",
        definition="Marketing-qualified lead.",
        number=2,
        meeting_title="October sync",
        agreed_on=date(2026, 10, 27),
        previous_versions=1,
    )
    data = GlossaryData(generated_at=datetime(2026, 11, 2, 9), entries=(entry,), open_proposals=2)
    with i18n.use_language("de"):
        document = docx.Document(BytesIO(glossary_document_bytes(data)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Anhang: Glossar der vereinbarten Definitionen" in text
    assert "1 Begriff · Stand 2. Nov. 2026" in text
    assert "2 vorgeschlagene Änderungen, über die noch nicht entschieden ist, sind nicht" in text
    assert (
        "Version 2 · vereinbart in October sync am 27. Okt. 2026 · ersetzt 1 frühere Fassung"
        in text
    )


def test_dashboard_counts_are_whole_german_phrases() -> None:
    class Data:
        @staticmethod
        def counts():
            from alignmeet.domain.goals import KpiStatus

            return {KpiStatus.ON_TARGET: 2, KpiStatus.NEAR: 0, KpiStatus.OFF_TARGET: 1}

    assert status_counts(Data()) == "2 on target, 1 off target"  # type: ignore[arg-type]
    with i18n.use_language("de"):
        assert status_counts(Data()) == "2 im Ziel, 1 Ziel verfehlt"  # type: ignore[arg-type]


def test_export_errors_speak_german(tmp_path: Path) -> None:
    bad = tmp_path / "company.docx"
    bad.write_text("not a word file", encoding="utf-8")
    with i18n.use_language("de"), pytest.raises(ExportError) as raised:
        minutes_document_bytes(make_minutes(), template=bad)
    assert raised.value.message == (
        f"Die Word-Vorlage {bad} ist kein Word-Dokument (.docx oder .dotx). Wählen Sie eine "
        "andere Vorlage oder exportieren Sie ohne Vorlage."
    )


def test_status_labels_in_every_export_come_from_one_place() -> None:
    """The done status reads the same in the minutes, the checklist and the calendar."""
    with i18n.use_language("de"):
        assert ActionStatus.DONE.label == "Done"  # .label itself stays English (the UI's)
        html = minutes_html(make_minutes())
    assert ">Erledigt<" in html
