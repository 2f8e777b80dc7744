"""Customer personas (seed 001): named buyers both teams argue *through* instead of at each
other — "how would Larry respond to this campaign?".

Records and pure rules; the service stores them, the UI puts the card on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from alignmeet.domain.rules import (
    MAX_NAME,
    MAX_TITLE,
    optional_text,
    require_text,
    too_long,
)
from alignmeet.i18n import N_, _, ngettext

MAX_PROFILE_TEXT = 5_000  # pains, goals, objections, notes: each
_BULLET_MARKS = "-*•–—·"


@dataclass(frozen=True, slots=True)
class PersonaRecord:
    id: int
    name: str
    role: str
    pains: str
    goals: str
    objections: str
    notes: str
    archived: bool
    version: int = 0  # the row's version: a change carries the one its user saw

    @property
    def label(self) -> str:
        """ "Larry, the CFO" or "Larry, the CFO (archived)" for pick lists."""
        return _("{name} (archived)").format(name=self.name) if self.archived else self.name


@dataclass(frozen=True, slots=True)
class PersonaReference:
    """An agenda item or an action that names the persona."""

    kind: str  # "agenda_item" | "action"
    id: int
    title: str
    meeting_id: int
    meeting_title: str
    meeting_date: date

    @property
    def kind_label(self) -> str:
        return _("Agenda item") if self.kind == "agenda_item" else _("Action")


@dataclass(frozen=True, slots=True)
class PersonaReferences:
    agenda_items: tuple[PersonaReference, ...]
    actions: tuple[PersonaReference, ...]

    @property
    def count(self) -> int:
        return len(self.agenda_items) + len(self.actions)

    def describe(self) -> str:
        """ "Referenced by 2 agenda items and 1 action." / "Not referenced yet." """
        items = ngettext("{n} agenda item", "{n} agenda items", len(self.agenda_items)).format(
            n=len(self.agenda_items)
        )
        actions = ngettext("{n} action", "{n} actions", len(self.actions)).format(
            n=len(self.actions)
        )
        if self.agenda_items and self.actions:
            return _("Referenced by {items} and {actions}.").format(items=items, actions=actions)
        if self.agenda_items or self.actions:
            return _("Referenced by {what}.").format(what=items if self.agenda_items else actions)
        return _("Not referenced by any agenda item or action yet.")


@dataclass(frozen=True, slots=True)
class PersonaProfile:
    """A persona's fields as the service stores them (validated, trimmed)."""

    name: str
    role: str
    pains: str
    goals: str
    objections: str
    notes: str


def clean_profile(
    *,
    name: str,
    role: str = "",
    pains: str = "",
    goals: str = "",
    objections: str = "",
    notes: str = "",
) -> PersonaProfile:
    """Validate a persona's fields, naming the field at fault."""
    return PersonaProfile(
        name=require_text("name", name, label=_("Persona name"), limit=MAX_NAME),
        role=clean_role(role),
        pains=profile_text("pains", pains, _("Pains")),
        goals=profile_text("goals", goals, _("Goals")),
        objections=profile_text("objections", objections, _("Objections")),
        notes=profile_text("notes", notes, _("Notes")),
    )


def clean_role(value: str | None) -> str:
    text = " ".join((value or "").split())
    if len(text) > MAX_TITLE:
        raise too_long("role", _("Role"), len(text), MAX_TITLE)
    return text


def profile_text(field: str, value: str | None, label: str) -> str:
    """Multi-line text (one point per line): trailing spaces and blank-line runs trimmed."""
    lines = [line.rstrip() for line in (value or "").replace("\r\n", "\n").split("\n")]
    text = "\n".join(lines).strip()
    return optional_text(field, text, label=label, limit=MAX_PROFILE_TEXT)


def points(text: str) -> tuple[str, ...]:
    """The points of a pains/goals/objections text: one per non-empty line, with a typed
    bullet mark ("- ", "• ", "* ") taken off so the card can draw its own."""
    result = []
    for raw in text.splitlines():
        line = raw.strip()
        if line[:1] and line[0] in _BULLET_MARKS and line[1:2].isspace():
            line = line[1:].strip()
        if line:
            result.append(line)
    return tuple(result)


PROFILE_BLOCKS = (("pains", N_("Pains")), ("goals", N_("Goals")), ("objections", N_("Objections")))


def profile_blocks(persona: PersonaRecord) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(heading, points) for the three blocks of a persona card, in card order (headings
    in the current language)."""
    return tuple((_(label), points(getattr(persona, key))) for key, label in PROFILE_BLOCKS)
