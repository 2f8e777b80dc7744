"""Customer personas: kept, edited, archived, and referenced by agenda items and actions."""

from __future__ import annotations

from sqlalchemy.orm import Session

from alignmeet.domain.personas import (
    PersonaRecord,
    PersonaReference,
    PersonaReferences,
    clean_profile,
    clean_role,
    profile_blocks,
    profile_text,
)
from alignmeet.domain.rules import MAX_NAME, ValidationError, name_key, require_text
from alignmeet.domain.sections import Bullets, DocSection, Paragraph
from alignmeet.i18n import _
from alignmeet.services.base import ServiceBase, given, versioned_write
from alignmeet.storage import models as m
from alignmeet.storage.queries import personas as q


def to_persona(obj: m.Persona) -> PersonaRecord:
    return PersonaRecord(
        id=obj.id,
        name=obj.name,
        role=obj.role,
        pains=obj.pains,
        goals=obj.goals,
        objections=obj.objections,
        notes=obj.notes,
        archived=obj.archived,
        version=obj.version,
    )


class PersonaService(ServiceBase):
    # ---- reading -----------------------------------------------------------------------------
    def list_personas(self, *, include_archived: bool = False) -> list[PersonaRecord]:
        """Active personas by name (archived ones after them when asked for)."""
        with self.db.sessions() as s:
            return [to_persona(p) for p in q.personas(s, include_archived=include_archived)]

    def get_persona(self, persona_id: int) -> PersonaRecord:
        with self.db.sessions() as s:
            return to_persona(self._get(s, m.Persona, persona_id, "Persona"))

    def references(self, persona_id: int) -> PersonaReferences:
        """Agenda items and actions that name the persona, oldest meeting first."""
        with self.db.sessions() as s:
            self._get(s, m.Persona, persona_id, "Persona")
            items = q.items_naming(s, persona_id)
            agenda = tuple(
                PersonaReference(
                    kind="agenda_item",
                    id=item.id,
                    title=item.title,
                    meeting_id=meeting.id,
                    meeting_title=meeting.title,
                    meeting_date=meeting.starts_at.date(),
                )
                for item, meeting in items
            )
            rows = q.actions_naming(s, persona_id)
            actions = tuple(
                PersonaReference(
                    kind="action",
                    id=action.id,
                    title=action.title,
                    meeting_id=meeting.id,
                    meeting_title=meeting.title,
                    meeting_date=meeting.starts_at.date(),
                )
                for action, meeting in rows
            )
            return PersonaReferences(agenda_items=agenda, actions=actions)

    # ---- writing -----------------------------------------------------------------------------
    def add_persona(
        self,
        *,
        name: str,
        role: str = "",
        pains: str = "",
        goals: str = "",
        objections: str = "",
        notes: str = "",
    ) -> PersonaRecord:
        profile = clean_profile(
            name=name, role=role, pains=pains, goals=goals, objections=objections, notes=notes
        )
        with self.db.transaction() as s:
            self._check_name(s, profile.name, None)
            persona = m.Persona(
                name=profile.name,
                name_key=name_key(profile.name),
                role=profile.role,
                pains=profile.pains,
                goals=profile.goals,
                objections=profile.objections,
                notes=profile.notes,
                archived=False,
            )
            s.add(persona)
            s.flush()
            return to_persona(persona)

    @versioned_write(m.Persona)
    def update_persona(
        self,
        *,
        persona_id: int,
        name: str | None = None,
        role: str | None = None,
        pains: str | None = None,
        goals: str | None = None,
        objections: str | None = None,
        notes: str | None = None,
        seen: object | None = None,
    ) -> PersonaRecord:
        """Change the fields given; the others stay as they are. `seen`: the persona as the
        user saw it. ConflictError when someone else changed one of them since then
        (nothing written)."""
        asked = given(
            name=name, role=role, pains=pains, goals=goals, objections=objections, notes=notes
        )
        with (
            self._guarded(m.Persona, persona_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            persona = self._get(s, m.Persona, persona_id, "Persona")
            guard.loaded(persona, _("Persona “{name}”").format(name=persona.name))
            if name is not None:
                text = require_text("name", name, label=_("Persona name"), limit=MAX_NAME)
                self._check_name(s, text, persona_id)
                persona.name = text
                persona.name_key = name_key(text)
            if role is not None:
                persona.role = clean_role(role)
            for field, value, label in (
                ("pains", pains, _("Pains")),
                ("goals", goals, _("Goals")),
                ("objections", objections, _("Objections")),
                ("notes", notes, _("Notes")),
            ):
                if value is not None:
                    setattr(persona, field, profile_text(field, value, label))
            guard.check(s, persona)
            s.flush()
            return to_persona(persona)

    def archive_persona(self, *, persona_id: int) -> PersonaRecord:
        """Out of the pick lists; agenda items and actions keep pointing at it."""
        return self._set_archived(persona_id, True)

    def restore_persona(self, *, persona_id: int) -> PersonaRecord:
        return self._set_archived(persona_id, False)

    def _set_archived(self, persona_id: int, archived: bool) -> PersonaRecord:
        with self.db.transaction() as s:
            persona = self._get(s, m.Persona, persona_id, "Persona")
            persona.archived = archived
            s.flush()
            return to_persona(persona)

    def _check_name(self, s: Session, text: str, own_id: int | None) -> None:
        existing = q.by_key(s, name_key(text))
        if existing is not None and existing.id != own_id:
            if existing.archived:
                text = _(
                    "There is already a persona called “{name}” (archived — restore it instead)."
                )
            else:
                text = _("There is already a persona called “{name}”.")
            raise ValidationError("name", text.format(name=existing.name))

    # ---- minutes -----------------------------------------------------------------------------
    def minutes_sections(self, meeting_id: int) -> tuple[DocSection, ...]:
        """ "Personas discussed": one card per persona an agenda item of the meeting names."""
        with self.db.sessions() as s:
            rows = q.in_meeting(s, meeting_id)
            found: dict[int, tuple[PersonaRecord, list[str]]] = {}
            for persona, item_title in rows:
                entry = found.setdefault(persona.id, (to_persona(persona), []))
                entry[1].append(item_title)
        if not found:
            return ()
        sections = [
            DocSection(
                heading=_("Personas discussed"),
                blocks=(
                    Paragraph(
                        _("The customer personas the agenda looked through, with their profiles.")
                    ),
                ),
            )
        ]
        for persona, item_titles in found.values():
            blocks: list[Paragraph | Bullets] = []
            if persona.role:
                blocks.append(Paragraph(persona.role, label=_("Role: ")))
            blocks.append(Paragraph("; ".join(item_titles), label=_("Discussed in: ")))
            for label, points in profile_blocks(persona):
                if points:
                    blocks.append(Paragraph("", label=f"{label}:"))
                    blocks.append(Bullets(points))
                else:
                    blocks.append(Paragraph(_("none recorded"), label=f"{label}: ", muted=True))
            sections.append(DocSection(heading=persona.name, blocks=tuple(blocks), level=2))
        return tuple(sections)
