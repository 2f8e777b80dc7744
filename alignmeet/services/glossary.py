"""Shared language: the glossary's use cases (rules and records in alignmeet.domain.glossary).

A wording becomes current only through `approve`, which records the decision on a
meeting's agenda item in the same transaction. See the domain module for what happens
when that decision is deleted later (nothing: the definition stays current).
"""

from __future__ import annotations

from datetime import datetime
from types import EllipsisType

from sqlalchemy.orm import Session

from alignmeet.domain.enums import MeetingStatus
from alignmeet.domain.glossary import (
    GlossaryChange,
    GlossaryData,
    GlossaryEntry,
    GlossaryTermRecord,
    GlossaryVersionRecord,
    VersionStatus,
    approval_text,
    check_can_decide,
    check_open_proposal,
    matches,
    on_the_table,
    rejection_text,
    same_wording,
    sort_key,
    term_key,
    validate_definition,
    validate_term,
)
from alignmeet.domain.rules import ValidationError, short_date
from alignmeet.domain.sections import Bullets, DocSection, Paragraph, Table
from alignmeet.i18n import _, ngettext
from alignmeet.services.base import (
    NotFoundError,
    ServiceBase,
    member_name,
    side_effect,
    versioned_write,
)
from alignmeet.storage import models as m
from alignmeet.storage.queries import glossary as q

_PROPOSED = VersionStatus.PROPOSED.value
_CURRENT = VersionStatus.CURRENT.value


class GlossaryService(ServiceBase):
    # ---- reading -----------------------------------------------------------------------------
    def terms(self, *, search: str = "") -> list[GlossaryTermRecord]:
        """Every term (agreed or only proposed so far), sorted by term; `search` matches
        words in the term or its current definition."""
        with self.db.sessions() as s:
            terms = q.terms(s)
            versions = q.versions(s)
            convert = _Converter(s)
            by_term: dict[int, list[m.GlossaryVersion]] = {}
            for v in versions:
                by_term.setdefault(v.term_id, []).append(v)
            out = []
            for term in terms:
                own = by_term.get(term.id, [])
                current = next((v for v in own if v.status == _CURRENT), None)
                record = GlossaryTermRecord(
                    id=term.id,
                    term=term.term,
                    current=convert.version(current, term) if current else None,
                    open_proposals=sum(1 for v in own if v.status == _PROPOSED),
                    versions=len(own),
                )
                if matches(search, record.term, record.definition):
                    out.append(record)
        return sorted(out, key=lambda t: sort_key(t.term))

    def current_definitions(self, *, search: str = "") -> list[GlossaryTermRecord]:
        """The agreed terms (with a current definition), sorted by term."""
        return [t for t in self.terms(search=search) if t.current is not None]

    def get_term(self, term_id: int) -> GlossaryTermRecord:
        found = next((t for t in self.terms() if t.id == term_id), None)
        if found is None:
            raise NotFoundError(_("Glossary term {id} does not exist.").format(id=term_id))
        return found

    def term_history(self, term_id: int) -> list[GlossaryVersionRecord]:
        """All versions of a term, newest first, with who proposed them, when, and which
        meeting put them on the table or decided them."""
        with self.db.sessions() as s:
            term = self._get(s, m.GlossaryTerm, term_id, "Glossary term")
            rows = q.versions(s, term_id=term_id, newest_first=True)
            convert = _Converter(s)
            return [convert.version(v, term) for v in rows]

    def get_version(self, version_id: int) -> GlossaryVersionRecord:
        with self.db.sessions() as s:
            version = self._get(s, m.GlossaryVersion, version_id, "Glossary version")
            return _Converter(s).version(version)

    def open_proposals(self, *, meeting_id: int | None = None) -> list[GlossaryVersionRecord]:
        """Proposals still to decide, by term. With `meeting_id`: those up for decision in
        that meeting (proposed for it, for no meeting, or left open by a closed one)."""
        with self.db.sessions() as s:
            rows = q.versions(s, status=_PROPOSED)
            convert = _Converter(s)
            out = []
            for v in rows:
                if meeting_id is not None:
                    status = convert.meeting_status(v.meeting_id)
                    if not on_the_table(v.meeting_id, status, meeting_id):
                        continue
                out.append(convert.version(v))
        return sorted(out, key=lambda v: (sort_key(v.term), v.number))

    # ---- proposing ---------------------------------------------------------------------------
    def propose(
        self,
        *,
        term: str,
        definition: str,
        meeting_id: int | None = None,
        proposed_by_id: int | None = None,
    ) -> GlossaryVersionRecord:
        """A new wording for `term` (the term is created if new: "mql" and "MQL" are one
        term). It stays a proposal until a meeting approves it."""
        name = validate_term(term)
        text = validate_definition(definition)
        with self.db.transaction() as s:
            self._check_meeting_for_proposal(s, meeting_id)
            if proposed_by_id is not None:
                self._get(s, m.Member, proposed_by_id, "Member")
            obj = self._term_for(s, name)
            self._check_new_wording(s, obj, text)
            version = m.GlossaryVersion(
                term_id=obj.id,
                number=self._next_number(s, obj.id),
                definition=text,
                status=_PROPOSED,
                proposed_at=self._now(),
                proposed_by_id=proposed_by_id,
                meeting_id=meeting_id,
            )
            s.add(version)
            s.flush()
            return _Converter(s).version(version, obj)

    @versioned_write(m.GlossaryVersion)
    def update_proposal(
        self,
        *,
        version_id: int,
        definition: str | None = None,
        meeting_id: int | EllipsisType | None = ...,
        seen: object | None = None,
    ) -> GlossaryVersionRecord:
        """Change a proposal's wording or the meeting it is proposed for (before it is
        decided; a decided wording never changes). `seen`: the proposal as the user saw
        it; ConflictError when someone else changed what this sets since then."""
        asked = ({"definition"} if definition is not None else set()) | (
            {"meeting_id"} if meeting_id is not ... else set()
        )
        with (
            self._guarded(m.GlossaryVersion, version_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            version = self._get(s, m.GlossaryVersion, version_id, "Glossary version")
            term = self._get(s, m.GlossaryTerm, version.term_id, "Glossary term")
            guard.loaded(
                version,
                _("{version} of “{term}”").format(version=f"v{version.number}", term=term.term),
            )
            check_open_proposal(f"v{version.number}", term.term, VersionStatus(version.status))
            if definition is not None:
                text = validate_definition(definition)
                self._check_new_wording(s, term, text, own_id=version.id)
                version.definition = text
            if meeting_id is not ...:
                self._check_meeting_for_proposal(s, meeting_id)
                version.meeting_id = meeting_id
            guard.check(s, version)
            s.flush()
            return _Converter(s).version(version, term)

    def withdraw(self, *, version_id: int) -> None:
        """Take back a proposal that was not decided (a term left without any version
        goes too)."""
        with self.db.transaction() as s:
            version = self._get(s, m.GlossaryVersion, version_id, "Glossary version")
            term = self._get(s, m.GlossaryTerm, version.term_id, "Glossary term")
            check_open_proposal(f"v{version.number}", term.term, VersionStatus(version.status))
            s.delete(version)
            s.flush()
            if not q.version_count(s, term.id):
                s.delete(term)

    @versioned_write(m.GlossaryTerm)
    def rename_term(
        self, *, term_id: int, term: str, seen: object | None = None
    ) -> GlossaryTermRecord:
        """Fix a term's spelling ("Mql" → "MQL"); its versions stay. `seen`: the term as
        the user saw it; ConflictError when someone else renamed it since then."""
        name = validate_term(term)
        with (
            self._guarded(m.GlossaryTerm, term_id, {"term"}, seen) as guard,
            self.db.transaction() as s,
        ):
            obj = self._get(s, m.GlossaryTerm, term_id, "Glossary term")
            guard.loaded(obj, _("Glossary term “{term}”").format(term=obj.term))
            other = q.term_by_key(s, term_key(name))
            if other is not None and other.id != term_id:
                raise ValidationError(
                    "term", _("The glossary already has “{term}”.").format(term=other.term)
                )
            obj.term = name
            obj.term_key = term_key(name)
            guard.check(s, obj)
        return next(t for t in self.terms() if t.id == term_id)

    # ---- deciding ----------------------------------------------------------------------------
    def approve(self, *, version_id: int, item_id: int) -> GlossaryVersionRecord:
        """Agree a proposal as the decision of agenda item `item_id`: in one transaction the
        item gets the decision "Glossary: “MQL” now means: …", the version becomes current
        and the one that was current is superseded. Refused outside a planned or running
        meeting."""
        return self._decide(version_id, item_id, approve=True, at=None)

    def reject(self, *, version_id: int, item_id: int) -> GlossaryVersionRecord:
        """Turn a proposal down, recorded as the decision of agenda item `item_id`; the
        current definition stays."""
        return self._decide(version_id, item_id, approve=False, at=None)

    def record_past_decision(
        self,
        *,
        term: str,
        definition: str,
        item_id: int,
        decided_at: datetime,
        approved: bool = True,
        proposed_by_id: int | None = None,
        proposed_at: datetime | None = None,
    ) -> GlossaryVersionRecord:
        """Write history that happened in a meeting now closed (demo data, imports): the
        proposal and its decision on `item_id`, stamped `decided_at`.

        The same rules hold as for `approve`/`reject` except the meeting's status: the
        decision is recorded on the agenda item, the previous current version is
        superseded, and history only moves forward (a decision older than the current
        version's is refused).
        """
        name = validate_term(term)
        text = validate_definition(definition)
        with self.db.transaction() as s:
            item = self._get(s, m.AgendaItem, item_id, "Agenda item")
            if proposed_by_id is not None:
                self._get(s, m.Member, proposed_by_id, "Member")
            obj = self._term_for(s, name)
            current = self._current(s, obj.id)
            if current is not None and current.decided_at and current.decided_at > decided_at:
                raise ValidationError(
                    "decided_at",
                    _(
                        "“{term}” has a newer agreed definition ({date}): record history in order."
                    ).format(term=obj.term, date=short_date(current.decided_at.date())),
                )
            self._check_new_wording(s, obj, text)
            version = m.GlossaryVersion(
                term_id=obj.id,
                number=self._next_number(s, obj.id),
                definition=text,
                status=_PROPOSED,
                proposed_at=(proposed_at or decided_at).replace(microsecond=0),
                proposed_by_id=proposed_by_id,
                meeting_id=item.meeting_id,
            )
            s.add(version)
            s.flush()
            version_id = version.id
        return self._decide(version_id, item_id, approve=approved, at=decided_at)

    def _decide(
        self, version_id: int, item_id: int, *, approve: bool, at: datetime | None
    ) -> GlossaryVersionRecord:
        with self.db.transaction() as s:
            version = self._get(s, m.GlossaryVersion, version_id, "Glossary version")
            term = self._get(s, m.GlossaryTerm, version.term_id, "Glossary term")
            check_open_proposal(f"v{version.number}", term.term, VersionStatus(version.status))
            item = s.get(m.AgendaItem, item_id)
            if item is None:
                raise ValidationError(
                    "item",
                    _(
                        "A glossary change is agreed as the decision of an agenda item: "
                        "choose the agenda item of the meeting that decides it."
                    ),
                )
            meeting = self._get(s, m.Meeting, item.meeting_id, "Meeting")
            if at is None:
                check_can_decide(meeting.title, meeting.status)
            when = (at or self._now()).replace(microsecond=0)
            if approve:
                text = approval_text(term.term, version.definition)
                previous = self._current(s, term.id)
                if previous is not None:
                    previous.status = VersionStatus.SUPERSEDED.value
                version.status = _CURRENT
            else:
                text = rejection_text(term.term, version.number, version.definition)
                version.status = VersionStatus.REJECTED.value
            decision = m.Decision(item_id=item.id, text=text, created_at=when)
            s.add(decision)
            s.flush()
            version.decision_id = decision.id
            version.decided_at = when
            # The meeting that decided it (a proposal is decided once: check_open_proposal).
            with side_effect(s):
                version.meeting_id = meeting.id
            s.flush()
            return _Converter(s).version(version, term)

    # ---- meetings and minutes ----------------------------------------------------------------
    def changes_in_meeting(self, meeting_id: int) -> list[GlossaryChange]:
        """What meeting `meeting_id` did to the glossary: wordings it approved or rejected,
        and proposals put on its table, each with the definition current before."""
        with self.db.sessions() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
            mine = q.versions(s, meeting_id=meeting_id)
            convert = _Converter(s)
            changes = []
            for v in mine:
                previous = self._previous_current(s, v)
                changes.append(
                    GlossaryChange(
                        version=convert.version(v),
                        previous_definition=previous.definition if previous else "",
                        previous_number=previous.number if previous else None,
                    )
                )
        order = {"approved": 0, "rejected": 1, "proposed": 2}
        return sorted(
            changes,
            key=lambda c: (order[c.action], sort_key(c.version.term), c.version.number),
        )

    def minutes_sections(self, meeting_id: int) -> tuple[DocSection, ...]:
        """A "Glossary changes" section when the meeting approved, rejected or was handed a
        proposal: one table row per change (term, what happened, new wording, previous
        wording). Empty when the meeting did not touch the glossary."""
        changes = self.changes_in_meeting(meeting_id)
        if not changes:
            return ()
        approved = sum(1 for c in changes if c.action == "approved")
        rejected = sum(1 for c in changes if c.action == "rejected")
        proposed = sum(1 for c in changes if c.action == "proposed")
        parts = [
            text.format(n=n)
            for n, text in (
                (approved, ngettext("{n} approved", "{n} approved", approved)),
                (rejected, ngettext("{n} rejected", "{n} rejected", rejected)),
                (
                    proposed,
                    ngettext(
                        "{n} proposed, still to decide", "{n} proposed, still to decide", proposed
                    ),
                ),
            )
            if n
        ]
        rows = []
        for c in changes:
            v = c.version
            what = {
                "approved": _("Approved ({version})"),
                "rejected": _("Rejected ({version})"),
                "proposed": _("Proposed ({version})"),
            }[c.action].format(version=v.label)
            if v.proposed_by_name:
                what += "\n" + _("by {name}").format(name=v.proposed_by_name)
            before = c.previous_definition or _("— (new term)")
            if c.previous_number is not None:
                before = f"v{c.previous_number}: {before}"
            rows.append((v.term, what, v.definition, before))
        blocks: list[Paragraph | Table | Bullets] = [
            Paragraph(
                _(
                    "A definition becomes current only as a meeting's decision. "
                    "In this meeting: {changes}."
                ).format(changes=", ".join(parts))
            ),
            Table(
                header=(_("Term"), _("Change"), _("New wording"), _("Previous wording")),
                rows=tuple(rows),
                weights=(2, 2, 5, 5),
            ),
        ]
        return (DocSection(heading=_("Glossary changes"), blocks=tuple(blocks)),)

    def glossary_data(self) -> GlossaryData:
        """The current definitions, for the Word appendix."""
        with self.db.sessions() as s:
            terms = {t.id: t for t in q.terms(s)}
            versions = q.versions(s)
            convert = _Converter(s)
            entries = []
            for v in versions:
                if v.status != _CURRENT:
                    continue
                record = convert.version(v, terms[v.term_id])
                older = sum(
                    1
                    for o in versions
                    if o.term_id == v.term_id
                    and o.status == VersionStatus.SUPERSEDED.value
                    and o.number < v.number
                )
                entries.append(
                    GlossaryEntry(
                        term=record.term,
                        definition=record.definition,
                        number=record.number,
                        meeting_title=record.meeting_title,
                        agreed_on=(
                            record.decided_at.date() if record.decided_at else record.meeting_date
                        ),
                        previous_versions=older,
                    )
                )
            pending = sum(1 for v in versions if v.status == _PROPOSED)
        entries.sort(key=lambda e: sort_key(e.term))
        return GlossaryData(
            generated_at=self._now(), entries=tuple(entries), open_proposals=pending
        )

    # ---- helpers -----------------------------------------------------------------------------
    def _term_for(self, s: Session, name: str) -> m.GlossaryTerm:
        key = term_key(name)
        obj = q.term_by_key(s, key)
        if obj is None:
            obj = m.GlossaryTerm(term=name, term_key=key, created_at=self._now())
            s.add(obj)
            s.flush()
        return obj

    @staticmethod
    def _current(s: Session, term_id: int) -> m.GlossaryVersion | None:
        return q.current(s, term_id, _CURRENT)

    @staticmethod
    def _next_number(s: Session, term_id: int) -> int:
        return q.next_number(s, term_id)

    def _check_new_wording(
        self, s: Session, term: m.GlossaryTerm, text: str, own_id: int | None = None
    ) -> None:
        for v in q.versions(s, term_id=term.id):
            if v.id == own_id or not same_wording(v.definition, text):
                continue
            if v.status == _CURRENT:
                raise ValidationError(
                    "definition",
                    _("This is already the current definition of “{term}”.").format(term=term.term),
                )
            if v.status == _PROPOSED:
                raise ValidationError(
                    "definition",
                    _("The same wording of “{term}” is already proposed (v{number}).").format(
                        term=term.term, number=v.number
                    ),
                )

    def _check_meeting_for_proposal(self, s: Session, meeting_id: int | None) -> None:
        if meeting_id is None:
            return
        meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
        if meeting.status == MeetingStatus.CLOSED.value:
            raise ValidationError(
                "meeting",
                _(
                    "“{meeting}” is closed: propose the change for a meeting that is "
                    "planned or running (or for no meeting in particular)."
                ).format(meeting=meeting.title),
            )

    @staticmethod
    def _previous_current(s: Session, v: m.GlossaryVersion) -> m.GlossaryVersion | None:
        """The wording that was current when `v` was decided, or that is current now for an
        open proposal."""
        if v.status == _PROPOSED:
            return GlossaryService._current(s, v.term_id)
        approved = (VersionStatus.CURRENT.value, VersionStatus.SUPERSEDED.value)

        def order(x: m.GlossaryVersion) -> tuple[datetime, int, int]:
            return (x.decided_at or datetime.min, x.decision_id or 0, x.id)

        earlier = [
            o
            for o in q.versions(s, term_id=v.term_id, except_id=v.id)
            if o.status in approved and order(o) < order(v)
        ]
        return max(earlier, key=order, default=None)


class _Converter:
    """ORM → records, reading each member, meeting and term once per session."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self._members: dict[int, str] = {}
        self._meetings: dict[int, m.Meeting | None] = {}
        self._terms: dict[int, m.GlossaryTerm | None] = {}

    def member(self, member_id: int | None) -> str:
        if member_id is None:
            return ""
        if member_id not in self._members:
            self._members[member_id] = member_name(self.s, member_id)
        return self._members[member_id]

    def meeting(self, meeting_id: int | None) -> m.Meeting | None:
        if meeting_id is None:
            return None
        if meeting_id not in self._meetings:
            self._meetings[meeting_id] = self.s.get(m.Meeting, meeting_id)
        return self._meetings[meeting_id]

    def meeting_status(self, meeting_id: int | None) -> str | None:
        meeting = self.meeting(meeting_id)
        return meeting.status if meeting else None

    def version(
        self, v: m.GlossaryVersion, term: m.GlossaryTerm | None = None
    ) -> GlossaryVersionRecord:
        if term is None:
            if v.term_id not in self._terms:
                self._terms[v.term_id] = self.s.get(m.GlossaryTerm, v.term_id)
            term = self._terms[v.term_id]
        meeting = self.meeting(v.meeting_id)
        return GlossaryVersionRecord(
            id=v.id,
            term_id=v.term_id,
            term=term.term if term else "",
            number=v.number,
            definition=v.definition,
            status=VersionStatus(v.status),
            proposed_at=v.proposed_at,
            proposed_by_id=v.proposed_by_id,
            proposed_by_name=self.member(v.proposed_by_id),
            meeting_id=v.meeting_id,
            meeting_title=meeting.title if meeting else "",
            meeting_date=meeting.starts_at.date() if meeting else None,
            decision_id=v.decision_id,
            decided_at=v.decided_at,
        )
