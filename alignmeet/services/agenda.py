"""Agenda items: time boxes, order, notes, ideas, decisions, parking; agenda templates."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from alignmeet.domain import records as r
from alignmeet.domain.enums import ItemKind, MeetingStatus
from alignmeet.domain.rules import (
    AgendaBudget,
    ValidationError,
    max_length,
    name_key,
    optional_text,
    require_text,
    validate_minutes,
)
from alignmeet.i18n import _
from alignmeet.services.base import (
    ServiceBase,
    asked_fields,
    member_name,
    to_item,
    versioned_write,
)
from alignmeet.storage import models as m
from alignmeet.storage.queries import agenda as q

_UNSET: object = object()

BUILTIN_TEMPLATES: tuple[tuple[str, str, int, tuple[tuple[str, int, ItemKind], ...]], ...] = (
    (
        "Monthly Sales & Marketing sync",
        "The recurring joint meeting: results, lead feedback, campaigns, wins and lessons.",
        60,
        (
            ("Shared revenue goal and KPI review", 10, ItemKind.KPI_REVIEW),
            ("Lead feedback from Sales", 10, ItemKind.LEAD_FEEDBACK),
            ("Campaigns and content coming up", 15, ItemKind.REGULAR),
            ("Pipeline and deals that need Marketing", 10, ItemKind.REGULAR),
            ("Wins to celebrate, lessons to solve", 10, ItemKind.WINS_LESSONS),
        ),
    ),
    (
        "Campaign kick-off",
        "Launch a campaign both teams own: goal, persona, message, hand-off.",
        60,
        (
            ("Campaign goal and the revenue it serves", 10, ItemKind.REGULAR),
            ("Target persona: how would they respond?", 10, ItemKind.REGULAR),
            ("Message, offer and channels", 15, ItemKind.REGULAR),
            ("Lead definition and hand-off to Sales", 10, ItemKind.GLOSSARY),
            ("Timeline and milestones", 10, ItemKind.REGULAR),
        ),
    ),
    (
        "Lead hand-off review",
        "Why leads were accepted or rejected, and what changes on both sides.",
        45,
        (
            ("Lead volume and MQL→SQL conversion", 10, ItemKind.KPI_REVIEW),
            ("Rejected leads: reasons and examples", 15, ItemKind.LEAD_FEEDBACK),
            ("What counts as a qualified lead", 10, ItemKind.GLOSSARY),
            ("Speed to lead and follow-up", 5, ItemKind.REGULAR),
        ),
    ),
    (
        "Data needs workshop",
        "Each team brings its Top 10 data needs; agree one joint list with owners.",
        60,
        (
            ("Sales' Top 10 data needs", 15, ItemKind.DATA_NEEDS),
            ("Marketing's Top 10 data needs", 15, ItemKind.DATA_NEEDS),
            ("Overlap and one joint Top 10", 20, ItemKind.DATA_NEEDS),
            ("Owners and next steps", 10, ItemKind.REGULAR),
        ),
    ),
)


class AgendaService(ServiceBase):
    def items(self, meeting_id: int, *, include_parked: bool = True) -> list[r.AgendaItemRecord]:
        with self.db.sessions() as s:
            found = q.items(s, meeting_id, include_parked=include_parked)
            return [to_item(s, x) for x in found]

    def get_item(self, item_id: int) -> r.AgendaItemRecord:
        with self.db.sessions() as s:
            return to_item(s, self._get(s, m.AgendaItem, item_id, "Agenda item"))

    def budget(self, meeting_id: int) -> AgendaBudget:
        with self.db.sessions() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            return AgendaBudget(
                planned_minutes=meeting.planned_minutes,
                boxed_minutes=q.boxed_minutes(s, meeting_id),
            )

    def add_item(
        self,
        *,
        meeting_id: int,
        title: str,
        minutes: int = 10,
        owner_id: int | None = None,
        kind: ItemKind = ItemKind.REGULAR,
        position: int | None = None,
        persona_id: int | None = None,
    ) -> r.AgendaItemRecord:
        text = require_text("title", title, label=_("Agenda item"))
        box = validate_minutes("minutes", minutes, label=_("Time box"), high=480)
        with self.db.transaction() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
            if owner_id is not None:
                self._get(s, m.Member, owner_id, "Member")
            if persona_id is not None:
                self._get(s, m.Persona, persona_id, "Persona")
            siblings = self._siblings(s, meeting_id)
            if position is None or position >= len(siblings):
                position = len(siblings)
            item = m.AgendaItem(
                meeting_id=meeting_id,
                position=position,
                title=text,
                minutes=box,
                owner_id=owner_id,
                kind=ItemKind(kind).value,
                persona_id=persona_id,
            )
            siblings.insert(position, item)
            s.add(item)
            self._renumber(siblings)
            s.flush()
            return to_item(s, item)

    @versioned_write(m.AgendaItem)
    def update_item(
        self,
        *,
        item_id: int,
        title: str | None = None,
        minutes: int | None = None,
        owner_id: int | object | None = _UNSET,
        kind: ItemKind | None = None,
        notes: str | None = None,
        persona_id: int | object | None = _UNSET,
        seen: object | None = None,
    ) -> r.AgendaItemRecord:
        """Change the fields given. `seen`: the item as the user saw it (a record or a
        `Seen`). ConflictError when someone else changed one of them since then
        (nothing is written then)."""
        asked = asked_fields(
            {"title": title, "minutes": minutes, "kind": kind, "notes": notes},
            {"owner_id": owner_id, "persona_id": persona_id},
            _UNSET,
        )
        with (
            self._guarded(m.AgendaItem, item_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            item = self._get(s, m.AgendaItem, item_id, "Agenda item")
            guard.loaded(item, _("Agenda item “{title}”").format(title=item.title))
            if title is not None:
                item.title = require_text("title", title, label=_("Agenda item"))
            if minutes is not None:
                item.minutes = validate_minutes("minutes", minutes, label=_("Time box"), high=480)
            if owner_id is not _UNSET:
                if owner_id is not None:
                    assert isinstance(owner_id, int)
                    self._get(s, m.Member, owner_id, "Member")
                item.owner_id = owner_id  # type: ignore[assignment]
            if kind is not None:
                item.kind = ItemKind(kind).value
            if persona_id is not _UNSET:
                if persona_id is not None:
                    assert isinstance(persona_id, int)
                    self._get(s, m.Persona, persona_id, "Persona")
                item.persona_id = persona_id  # type: ignore[assignment]
            if notes is not None:
                item.notes = optional_text("notes", notes, label=_("Notes"), limit=200_000)
            guard.check(s, item)
            s.flush()
            return to_item(s, item)

    def remove_item(self, item_id: int) -> None:
        with self.db.transaction() as s:
            item = self._get(s, m.AgendaItem, item_id, "Agenda item")
            meeting_id = item.meeting_id
            self._lock_agenda(s, meeting_id)  # before the delete locks the item's row
            s.delete(item)
            s.flush()
            self._renumber(self._siblings(s, meeting_id))

    def move_item(self, *, item_id: int, to_position: int) -> list[r.AgendaItemRecord]:
        with self.db.transaction() as s:
            item = self._get(s, m.AgendaItem, item_id, "Agenda item")
            siblings = self._siblings(s, item.meeting_id)
            siblings.remove(item)
            to_position = max(0, min(to_position, len(siblings)))
            siblings.insert(to_position, item)
            self._renumber(siblings)
            s.flush()
            return [to_item(s, x) for x in siblings]

    def reorder(self, *, meeting_id: int, item_ids: Sequence[int]) -> list[r.AgendaItemRecord]:
        with self.db.transaction() as s:
            siblings = self._siblings(s, meeting_id)
            by_id = {x.id: x for x in siblings}
            if sorted(item_ids) != sorted(by_id):
                raise ValidationError(
                    "agenda", _("The new order must list every agenda item once.")
                )
            ordered = [by_id[i] for i in item_ids]
            self._renumber(ordered)
            s.flush()
            return [to_item(s, x) for x in ordered]

    def add_minute(self, item_id: int, minutes: int = 1) -> r.AgendaItemRecord:
        """The "+1 min" button: extend the box while running, without changing the plan."""
        with self.db.transaction() as s:
            item = self._get(s, m.AgendaItem, item_id, "Agenda item")
            item.extra_minutes = max(0, item.extra_minutes + minutes)
            s.flush()
            return to_item(s, item)

    def record_time(self, *, item_id: int, used_seconds: int) -> None:
        # A plain UPDATE: timer writes never bump the version (see record_elapsed).
        with self.db.transaction() as s:
            self._get(s, m.AgendaItem, item_id, "Agenda item")
            q.set_used_seconds(s, item_id, max(0, int(used_seconds)))

    def park_item(self, *, item_id: int, parked: bool = True) -> r.AgendaItemRecord:
        """Park an item: it leaves this agenda and lands on the series' next meeting.

        If a later meeting of the series already exists and has not run yet, the
        item is put on its agenda right away; otherwise it is carried when the
        next meeting is created.
        """
        with self.db.transaction() as s:
            item = self._get(s, m.AgendaItem, item_id, "Agenda item")
            item.parked = parked
            meeting = self._get(s, m.Meeting, item.meeting_id, "Meeting")
            existing_copy = q.carried_copy(s, item.id)
            if parked and existing_copy is None:
                later = q.next_planned_meeting(s, meeting, MeetingStatus.PLANNED.value)
                if later is not None:
                    siblings = self._siblings(s, later.id)
                    s.add(
                        m.AgendaItem(
                            meeting_id=later.id,
                            position=len(siblings),
                            title=item.title,
                            owner_id=item.owner_id,
                            minutes=item.minutes,
                            kind=item.kind,
                            carried_from_id=item.id,
                        )
                    )
            elif not parked and existing_copy is not None:
                target = s.get(m.Meeting, existing_copy.meeting_id)
                if target is not None and target.status == MeetingStatus.PLANNED.value:
                    s.delete(existing_copy)
            s.flush()
            return to_item(s, item)

    # ---- ideas and decisions ------------------------------------------------
    def ideas(self, item_id: int) -> list[r.IdeaRecord]:
        with self.db.sessions() as s:
            return self._ideas(s, item_id)

    def _ideas(self, s: Session, item_id: int) -> list[r.IdeaRecord]:
        # The authors' names in the same query: one look-up per idea re-read each member
        # (the session keeps no loaded member alive between two ideas).
        rows = q.ideas(s, item_id)
        return [
            r.IdeaRecord(
                id=x.id,
                item_id=x.item_id,
                author_id=x.author_id,
                author_name=name or "",
                text=x.text,
            )
            for x, name in rows
        ]

    def add_idea(
        self,
        *,
        item_id: int,
        text: str,
        author_id: int | None = None,
        while_open: bool = False,
    ) -> r.IdeaRecord:
        """`while_open`: refused once the meeting is closed (Room Link; see `_still_open`)."""
        body = require_text("idea", text, label=_("Idea"), limit=max_length("idea.text"))
        with self.db.transaction() as s:
            item = self._get(s, m.AgendaItem, item_id, "Agenda item")
            if while_open:
                self._still_open(s, item.meeting_id, "idea")
            if author_id is not None:
                self._get(s, m.Member, author_id, "Member")
            idea = m.Idea(item_id=item_id, author_id=author_id, text=body, created_at=self._now())
            s.add(idea)
            s.flush()
            return r.IdeaRecord(idea.id, item_id, author_id, member_name(s, author_id), body)

    def remove_idea(self, idea_id: int) -> None:
        with self.db.transaction() as s:
            s.delete(self._get(s, m.Idea, idea_id, "Idea"))

    def decisions(self, item_id: int) -> list[r.DecisionRecord]:
        with self.db.sessions() as s:
            return self._decisions(s, item_id)

    def _decisions(self, s: Session, item_id: int) -> list[r.DecisionRecord]:
        rows = q.decisions(s, item_id)
        return [r.DecisionRecord(id=x.id, item_id=x.item_id, text=x.text) for x in rows]

    def add_decision(self, *, item_id: int, text: str) -> r.DecisionRecord:
        body = require_text(
            "decision", text, label=_("Decision"), limit=max_length("decision.text")
        )
        with self.db.transaction() as s:
            self._get(s, m.AgendaItem, item_id, "Agenda item")
            decision = m.Decision(item_id=item_id, text=body, created_at=self._now())
            s.add(decision)
            s.flush()
            return r.DecisionRecord(decision.id, item_id, body)

    def remove_decision(self, decision_id: int) -> None:
        with self.db.transaction() as s:
            s.delete(self._get(s, m.Decision, decision_id, "Decision"))

    # ---- templates ----------------------------------------------------------
    def ensure_builtin_templates(self) -> None:
        with self.db.transaction() as s:
            have = {t.name for t in q.templates(s)}
            for name, description, planned, items in BUILTIN_TEMPLATES:
                if name in have:
                    continue
                template = m.AgendaTemplate(
                    name=name, description=description, builtin=True, planned_minutes=planned
                )
                template.items = [
                    m.TemplateItem(position=i, title=t, minutes=mins, kind=kind.value)
                    for i, (t, mins, kind) in enumerate(items)
                ]
                s.add(template)

    def templates(self) -> list[r.TemplateRecord]:
        with self.db.sessions() as s:
            rows = q.templates(s, builtin_first=True)
            return [
                r.TemplateRecord(
                    id=t.id,
                    name=t.name,
                    description=t.description,
                    builtin=t.builtin,
                    planned_minutes=t.planned_minutes,
                    items=tuple(
                        r.TemplateItemRecord(i.title, i.minutes, ItemKind(i.kind)) for i in t.items
                    ),
                )
                for t in rows
            ]

    def apply_template(self, *, meeting_id: int, template_id: int) -> list[r.AgendaItemRecord]:
        """Append the template's items to the meeting's agenda."""
        with self.db.transaction() as s:
            template = self._get(s, m.AgendaTemplate, template_id, "Agenda template")
            siblings = self._siblings(s, meeting_id)
            for t_item in template.items:
                item = m.AgendaItem(
                    meeting_id=meeting_id,
                    position=len(siblings),
                    title=t_item.title,
                    minutes=t_item.minutes,
                    kind=t_item.kind,
                )
                s.add(item)
                siblings.append(item)
            s.flush()
            return [to_item(s, x) for x in siblings]

    def save_as_template(
        self, *, meeting_id: int, name: str, description: str = ""
    ) -> r.TemplateRecord:
        text = require_text("name", name, label=_("Template name"))
        with self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            for other in q.templates(s):
                if name_key(other.name) == name_key(text):
                    raise ValidationError(
                        "name",
                        _("There is already a template called “{name}”.").format(name=other.name),
                    )
            items = [x for x in self._siblings(s, meeting_id) if not x.parked]
            if not items:
                raise ValidationError(
                    "agenda", _("The agenda is empty: add items before saving it.")
                )
            template = m.AgendaTemplate(
                name=text,
                description=" ".join(description.split()),
                builtin=False,
                planned_minutes=meeting.planned_minutes,
            )
            template.items = [
                m.TemplateItem(position=i, title=x.title, minutes=x.minutes, kind=x.kind)
                for i, x in enumerate(items)
            ]
            s.add(template)
            s.flush()
            return r.TemplateRecord(
                id=template.id,
                name=template.name,
                description=template.description,
                builtin=False,
                planned_minutes=template.planned_minutes,
                items=tuple(
                    r.TemplateItemRecord(x.title, x.minutes, ItemKind(x.kind)) for x in items
                ),
            )

    def delete_template(self, template_id: int) -> None:
        with self.db.transaction() as s:
            template = self._get(s, m.AgendaTemplate, template_id, "Agenda template")
            if template.builtin:
                raise ValidationError("template", _("Built-in templates cannot be deleted."))
            s.delete(template)

    # ---- helpers ------------------------------------------------------------
    @staticmethod
    def _lock_agenda(s: Session, meeting_id: int) -> None:
        """On a server, one agenda change per meeting at a time: two facilitators adding
        items at once would otherwise renumber the same rows (SELECT ... FOR UPDATE on
        the meeting; SQLite has one writer anyway and leaves the clause out)."""
        q.lock_meeting(s, meeting_id)

    def _siblings(self, s: Session, meeting_id: int) -> list[m.AgendaItem]:
        self._lock_agenda(s, meeting_id)
        return q.items(s, meeting_id)

    @staticmethod
    def _renumber(items: Sequence[m.AgendaItem]) -> None:
        for i, item in enumerate(items):
            if item.position != i:
                item.position = i
