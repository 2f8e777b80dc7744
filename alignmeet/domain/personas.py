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
    ValidationError,
    optional_text,
    require_text,
)

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

    @property
    def label(self) -> str:
        """ "Larry, the CFO" or "Larry, the CFO (archived)" for pick lists."""
        return f"{self.name} (archived)" if self.archived else self.name


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
        return "Agenda item" if self.kind == "agenda_item" else "Action"


@dataclass(frozen=True, slots=True)
class PersonaReferences:
    agenda_items: tuple[PersonaReference, ...]
    actions: tuple[PersonaReference, ...]

    @property
    def count(self) -> int:
        return len(self.agenda_items) + len(self.actions)

    def describe(self) -> str:
        """ "Referenced by 2 agenda items and 1 action." / "Not referenced yet." """
        parts = []
        if self.agenda_items:
            n = len(self.agenda_items)
            parts.append(f"{n} agenda item{'s' if n != 1 else ''}")
        if self.actions:
            n = len(self.actions)
            parts.append(f"{n} action{'s' if n != 1 else ''}")
        if not parts:
            return "Not referenced by any agenda item or action yet."
        return "Referenced by " + " and ".join(parts) + "."


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
        name=require_text("name", name, label="Persona name", limit=MAX_NAME),
        role=clean_role(role),
        pains=profile_text("pains", pains, "Pains"),
        goals=profile_text("goals", goals, "Goals"),
        objections=profile_text("objections", objections, "Objections"),
        notes=profile_text("notes", notes, "Notes"),
    )


def clean_role(value: str | None) -> str:
    text = " ".join((value or "").split())
    if len(text) > MAX_TITLE:
        raise ValidationError(
            "role", f"Role is too long ({len(text)} characters; at most {MAX_TITLE})."
        )
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


PROFILE_BLOCKS = (("pains", "Pains"), ("goals", "Goals"), ("objections", "Objections"))


def profile_blocks(persona: PersonaRecord) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(heading, points) for the three blocks of a persona card, in card order."""
    return tuple((label, points(getattr(persona, key))) for key, label in PROFILE_BLOCKS)
