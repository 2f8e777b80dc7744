"""The glossary appendix (.docx), read back with python-docx."""

from __future__ import annotations

import os
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignmeet.domain.glossary import GlossaryData, GlossaryEntry
from alignmeet.export import ExportError
from alignmeet.export.docx_xml import one_line
from alignmeet.export.glossary_docx import glossary_document_bytes, write_glossary
from alignmeet.export.sanitize import clean_text

GENERATED = datetime(2026, 3, 4, 9, 30)
MQL = (
    "Marketing-qualified lead: a contact at an ICP company (200–2,000 employees) whose "
    "score reaches 60 points."
)


def entry(term: str = "MQL", definition: str = MQL, **changes) -> GlossaryEntry:
    fields = {
        "term": term,
        "definition": definition,
        "number": 2,
        "meeting_title": "Sales & Marketing sync — February 2026",
        "agreed_on": date(2026, 2, 10),
        "previous_versions": 1,
    }
    fields.update(changes)
    return GlossaryEntry(**fields)


def data(*entries: GlossaryEntry, open_proposals: int = 0) -> GlossaryData:
    return GlossaryData(generated_at=GENERATED, entries=entries, open_proposals=open_proposals)


def read(raw: bytes):
    return docx.Document(BytesIO(raw))


def styled(document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == style]


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text]


def test_the_appendix_has_a_title_and_one_heading_per_term():
    document = read(
        glossary_document_bytes(
            data(
                entry("ICP", "B2B SaaS, 200–2,000 employees.", number=1, previous_versions=0),
                entry(),
            )
        )
    )
    assert styled(document, "Title") == ["Appendix: Glossary of agreed definitions"]
    assert styled(document, "Heading 2") == ["ICP", "MQL"]
    body = texts(document)
    assert "2 terms · as of 4 Mar 2026" in body
    at = body.index("MQL")
    assert body[at + 1] == MQL
    assert body[at + 2] == (
        "Version 2 · agreed in Sales & Marketing sync — February 2026 on 10 Feb 2026 "
        "· replaces 1 earlier wording"
    )
    assert body[body.index("ICP") + 2] == (
        "Version 1 · agreed in Sales & Marketing sync — February 2026 on 10 Feb 2026"
    )


def test_open_proposals_are_counted_but_never_printed_as_agreed():
    body = texts(read(glossary_document_bytes(data(entry(), open_proposals=1))))
    assert any("1 proposed change still waiting for a decision is not included" in t for t in body)
    body = texts(read(glossary_document_bytes(data(entry(), open_proposals=2))))
    assert any(
        "2 proposed changes still waiting for a decision are not included" in t for t in body
    )


def test_an_empty_glossary_says_so():
    body = texts(read(glossary_document_bytes(data())))
    assert "No definitions have been agreed yet." in body
    assert "0 terms · as of 4 Mar 2026" in body


def test_line_breaks_in_a_definition_stay_and_markup_is_literal():
    document = read(
        glossary_document_bytes(data(entry("<b>SQL</b>", "Line one\n{{7*7}} & <i>two</i>")))
    )
    assert styled(document, "Heading 2") == ["<b>SQL</b>"]
    assert "Line one\n{{7*7}} & <i>two</i>" in texts(document)


def test_properties_and_footer():
    document = read(glossary_document_bytes(data(entry())))
    assert document.core_properties.title == "Appendix: Glossary of agreed definitions"
    assert document.core_properties.created.replace(tzinfo=None) == GENERATED
    footer = document.sections[0].footer.paragraphs[-1].text
    assert footer.startswith("Glossary · 4 Mar 2026")
    assert "Page" in footer


any_text = st.text(max_size=60) | st.sampled_from(["\x00\x0b\r\n\x0c", "\ud800x", "\ufffe\t"])


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(term=any_text, definition=any_text, meeting=any_text)
def test_any_text_exports_and_reads_back(term, definition, meeting):
    document = read(glossary_document_bytes(data(entry(term, definition, meeting_title=meeting))))
    assert styled(document, "Heading 2") == [one_line(term) or "(no term)"]
    paragraphs = [p.text for p in document.paragraphs]
    at = paragraphs.index(one_line(term) or "(no term)", 3)
    assert paragraphs[at + 1] == clean_text(definition)


def test_write_glossary_writes_and_returns_the_path(tmp_path: Path):
    path = tmp_path / "glossary.docx"
    assert write_glossary(data(entry()), path) == path
    assert styled(docx.Document(str(path)), "Heading 2") == ["MQL"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch):
    path = tmp_path / "glossary.docx"
    path.write_bytes(b"the old appendix")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportError) as caught:
        write_glossary(data(entry()), path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == b"the old appendix"
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.docx"]


def test_a_missing_folder_is_an_export_error(tmp_path: Path):
    with pytest.raises(ExportError, match="does not exist"):
        write_glossary(data(entry()), tmp_path / "nope" / "glossary.docx")
