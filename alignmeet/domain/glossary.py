"""Shared language (seed 004): a glossary of agreed definitions, each term versioned.

Only 44% of companies agree on what a qualified lead is. Here a wording becomes the
current definition of a term only as a meeting's decision:

- `propose` adds a *proposed* version (v1 for a new term, v2, v3... after that);
- in a meeting that is planned or running, on one of its agenda items, the proposal is
  *approved* — the agenda item gets the decision ("Glossary: “MQL” now means: …") in the
  same transaction, the version becomes *current* and the one before it *superseded* —
  or *rejected* (also recorded as a decision; the current definition stays);
- nothing else changes which version is current.

Deleting the decision later (or the agenda item or meeting that held it) does NOT
change the current definition: the agreed wording stays current, its `decision_id`
becomes empty and the history says "decision record removed". To change a definition
back, propose the old wording again and agree it in a meeting.

This module holds the records the glossary service hands out and its pure rules
(validation, status changes, search, the wording of the decisions).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.enums import MeetingStatus
from alignmeet.domain.rules import (
    MAX_NAME,
    ValidationError,
    name_key,
    require_text,
    short_date,
    too_long,
)
from alignmeet.i18n import _

MAX_TERM = MAX_NAME  # glossary_term.term is 120 characters
MAX_DEFINITION = 4000


class VersionStatus(StrEnum):
    PROPOSED = "proposed"
    CURRENT = "current"
    SUPERSEDED = "superseded"
    REJECTED = "rejected"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def decided(self) -> bool:
        return self is not VersionStatus.PROPOSED


# ---------------------------------------------------------------------------- records


@dataclass(frozen=True)
class GlossaryVersionRecord:
    """One wording of a term, with who proposed it, when, and which meeting decided it."""

    id: int
    term_id: int
    term: str
    number: int
    definition: str
    status: VersionStatus
    proposed_at: datetime
    proposed_by_id: int | None
    proposed_by_name: str
    meeting_id: int | None  # the meeting it is on the table of, or that decided it
    meeting_title: str
    meeting_date: date | None
    decision_id: int | None
    decided_at: datetime | None

    @property
    def label(self) -> str:
        return f"v{self.number}"

    @property
    def decision_removed(self) -> bool:
        """Decided, but the decision record was deleted since (the status stays)."""
        return self.status.decided and self.decision_id is None and self.decided_at is not None

    @property
    def meeting_label(self) -> str:
        if not self.meeting_title:
            return ""
        return f"{self.meeting_title}, {short_date(self.meeting_date)}"

    def describe_origin(self) -> str:
        """ "proposed by Noah Goldberg on 3 Feb 2026" (who and when)."""
        day = short_date(self.proposed_at.date())
        if self.proposed_by_name:
            return _("proposed by {name} on {date}").format(name=self.proposed_by_name, date=day)
        return _("proposed on {date}").format(date=day)


@dataclass(frozen=True)
class GlossaryTermRecord:
    """A term with its current definition (if one was agreed) and open proposals."""

    id: int
    term: str
    current: GlossaryVersionRecord | None
    open_proposals: int
    versions: int

    @property
    def definition(self) -> str:
        return self.current.definition if self.current else ""

    @property
    def agreed(self) -> str:
        """ "v2 · Sales & Marketing sync — March 2026, 3 Mar 2026" or ""."""
        if self.current is None:
            return ""
        where = self.current.meeting_label
        if not where and self.current.decided_at is not None:
            where = short_date(self.current.decided_at.date())
        return f"{self.current.label} · {where}" if where else self.current.label


@dataclass(frozen=True)
class GlossaryChange:
    """What a meeting did to a term: approved, rejected or proposed a wording."""

    version: GlossaryVersionRecord
    previous_definition: str  # the definition that was current before (or still is)
    previous_number: int | None

    @property
    def action(self) -> str:
        return {
            VersionStatus.PROPOSED: "proposed",
            VersionStatus.REJECTED: "rejected",
        }.get(self.version.status, "approved")


@dataclass(frozen=True)
class GlossaryEntry:
    """One term of the glossary appendix."""

    term: str
    definition: str
    number: int
    meeting_title: str
    agreed_on: date | None
    previous_versions: int  # how many older wordings were agreed before


@dataclass(frozen=True)
class GlossaryData:
    """Everything the Word appendix shows (alignmeet.export.glossary_docx)."""

    generated_at: datetime
    entries: tuple[GlossaryEntry, ...]
    open_proposals: int = 0
    title: str = "Appendix: Glossary of agreed definitions"


# ---------------------------------------------------------------------------- rules


def validate_term(value: str | None) -> str:
    return require_text("term", value, label=_("Term"), limit=MAX_TERM)


def validate_definition(value: str | None) -> str:
    """The wording: required, line breaks kept, trailing spaces of each line dropped."""
    lines = [line.rstrip() for line in (value or "").strip().splitlines()]
    text = "\n".join(lines)
    if not text:
        raise ValidationError(
            "definition", _("{label} cannot be empty.").format(label=_("Definition"))
        )
    if len(text) > MAX_DEFINITION:
        raise too_long("definition", _("Definition"), len(text), MAX_DEFINITION)
    return text


def term_key(term: str) -> str:
    """The key that makes "mql", "MQL" and " Mql " the same term."""
    return name_key(term)


def same_wording(a: str, b: str) -> bool:
    """Two wordings that differ only in case, width or white space are the same."""
    return name_key(a) == name_key(b)


def check_can_decide(meeting_title: str, meeting_status: MeetingStatus | str) -> None:
    """A glossary change is agreed only in a meeting that is planned or running."""
    if MeetingStatus(meeting_status) is MeetingStatus.CLOSED:
        raise ValidationError(
            "meeting",
            _(
                "“{meeting}” is closed: a glossary change can only be agreed in a "
                "meeting that is planned or running. Reopen that meeting, or put the "
                "proposal on the next meeting's agenda."
            ).format(meeting=meeting_title),
        )


def check_open_proposal(version_label: str, term: str, status: VersionStatus) -> None:
    """Only a proposed wording can be approved, rejected, edited or withdrawn."""
    if status is VersionStatus.PROPOSED:
        return
    message = {
        VersionStatus.CURRENT: _("{version} of “{term}” is already the current definition."),
        VersionStatus.SUPERSEDED: _(
            "{version} of “{term}” was approved earlier and has since been replaced."
        ),
        VersionStatus.REJECTED: _("{version} of “{term}” was already rejected."),
    }[status]
    raise ValidationError("version", message.format(version=version_label, term=term))


def on_the_table(
    version_meeting_id: int | None, version_meeting_status: str | None, meeting_id: int
) -> bool:
    """Is an open proposal up for decision in meeting `meeting_id`?

    Yes when it was proposed for that meeting, for no meeting in particular, or for a
    meeting that closed without deciding it (it carries on); not when it waits for
    another meeting that is still to come.
    """
    if version_meeting_id is None or version_meeting_id == meeting_id:
        return True
    return version_meeting_status in (None, MeetingStatus.CLOSED.value)


def approval_text(term: str, definition: str) -> str:
    return _("Glossary: “{term}” now means: {definition}").format(
        term=term, definition=_one_line(definition)
    )


def rejection_text(term: str, number: int, definition: str) -> str:
    return _(
        "Glossary: the proposed wording of “{term}” (v{number}) was not adopted: {definition}"
    ).format(term=term, number=number, definition=_one_line(definition))


def _one_line(text: str, limit: int = 4500) -> str:
    return bidi_safe(" ".join(text.split()), limit, isolate=False)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def matches(query: str, *texts: str) -> bool:
    """Every word of `query` appears in one of `texts` (case- and width-insensitive)."""
    words = _fold(query).split()
    if not words:
        return True
    haystack = " ".join(_fold(t) for t in texts)
    return all(word in haystack for word in words)


def sort_key(term: str) -> tuple[str, str]:
    return (_fold(term), term)
