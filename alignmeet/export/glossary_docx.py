"""The glossary as a Word appendix (.docx): "Appendix: Glossary of agreed definitions".

One entry per agreed term, in alphabetical order: the term as a Heading 2 (so Word's
navigation pane lists them), its current definition, and a grey line saying which
version it is and in which meeting, on which date, it was agreed. A short line under the
title says how many terms there are and that every definition was agreed as a meeting
decision; open proposals are counted there but never printed as if agreed.

Built the way the minutes and the checklist are (`alignmeet.export.docx_xml`): styles
resolved once, the body written as WordprocessingML, every user string cleaned and
escaped, and the file replaced atomically (a failed export keeps the old file).
The input is `alignmeet.domain.glossary.GlossaryData`
(`services.glossary.glossary_data()`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from docx.shared import Pt

from alignmeet.domain.glossary import GlossaryData, GlossaryEntry
from alignmeet.domain.rules import short_date
from alignmeet.export.atomic import atomic_write_bytes
from alignmeet.export.docx_xml import (
    MUTED,
    MUTED_ITALIC,
    Styles,
    document_bytes_with_body,
    one_line,
    open_template,
    page_footer,
    page_setup,
    para,
    resolve_styles,
    run,
    tag_document,
    text_width,
    use_calibri,
)
from alignmeet.export.sanitize import clean_text
from alignmeet.i18n import N_, _, ngettext

__all__ = ["glossary_document_bytes", "write_glossary"]


def write_glossary(data: GlossaryData, path: Path, *, template: Path | None = None) -> Path:
    """Write the appendix to `path` atomically and return `path`.

    Raises `ExportError` (the old file kept, the message naming the path) when it
    cannot be written.
    """
    path = Path(path)
    atomic_write_bytes(path, glossary_document_bytes(data, template=template))
    return path


_DEFAULT_TITLE = N_("Appendix: Glossary of agreed definitions")


def glossary_document_bytes(data: GlossaryData, *, template: Path | None = None) -> bytes:
    """The appendix as the bytes of a .docx file."""
    title = one_line(data.title)
    if title in ("", _DEFAULT_TITLE):  # the English default shows in the current language
        title = _(_DEFAULT_TITLE)
    doc = open_template(template)
    section = doc.sections[-1]
    if template is None:
        page_setup(section)
        section.left_margin = section.right_margin = Pt(72)
        use_calibri(doc)
    width = text_width(section)
    styles = resolve_styles(doc)
    footer = _("Glossary · {date}").format(date=short_date(data.generated_at.date()))
    page_footer(doc, section, footer, styles, width)
    _set_properties(doc, title, data)
    tag_document(doc)
    return document_bytes_with_body(doc, _body(data, title, styles))


def _body(data: GlossaryData, title: str, s: Styles) -> Iterator[str]:
    yield para(run(title), s.title)
    count = len(data.entries)
    summary = [
        ngettext("{n} term", "{n} terms", count).format(n=count),
        _("as of {date}").format(date=short_date(data.generated_at.date())),
    ]
    yield para(run(" · ".join(summary), MUTED), after=60)
    note = _(
        "Each definition below became current as a decision of a joint Sales & Marketing "
        "meeting; a change is proposed in a meeting and agreed there."
    )
    if data.open_proposals:
        waiting = ngettext(
            "{n} proposed change still waiting for a decision is not included.",
            "{n} proposed changes still waiting for a decision are not included.",
            data.open_proposals,
        ).format(n=data.open_proposals)
        note += " " + waiting
    yield para(run(note, MUTED_ITALIC), after=240)
    if not data.entries:
        yield para(run(_("No definitions have been agreed yet."), MUTED_ITALIC))
        return
    yield para(run(_("Definitions")), s.heading1)  # the terms are its Heading 2s
    for entry in data.entries:
        yield from _entry(entry, s)


def _entry(entry: GlossaryEntry, s: Styles) -> Iterator[str]:
    yield para(run(one_line(entry.term) or _("(no term)")), s.heading2)
    yield para(run(entry.definition), keep_next=True, after=40)
    yield para(run(_agreed_line(entry), MUTED), after=160)


def _agreed_line(entry: GlossaryEntry) -> str:
    parts = [_("Version {number}").format(number=entry.number)]
    meeting = one_line(entry.meeting_title)
    if meeting and entry.agreed_on:
        parts.append(
            _("agreed in {meeting} on {date}").format(
                meeting=meeting, date=short_date(entry.agreed_on)
            )
        )
    elif meeting:
        parts.append(_("agreed in {meeting}").format(meeting=meeting))
    elif entry.agreed_on:
        parts.append(_("agreed on {date}").format(date=short_date(entry.agreed_on)))
    if entry.previous_versions:
        n = entry.previous_versions
        parts.append(
            ngettext("replaces {n} earlier wording", "replaces {n} earlier wordings", n).format(n=n)
        )
    return " · ".join(parts)


def _set_properties(doc: Any, title: str, data: GlossaryData) -> None:
    props = doc.core_properties
    props.title = clean_text(title)[:255]
    props.subject = _("Glossary of agreed definitions")
    props.author = "AlignMeet"
    props.last_modified_by = "AlignMeet"
    props.comments = ""
    props.keywords = _("glossary, definitions")
    props.category = _("Glossary")
    props.created = data.generated_at
    props.modified = data.generated_at
    props.revision = 1
