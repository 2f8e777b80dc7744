"""A meeting's minutes: gathered while it runs, frozen as the minutes of record when it
closes, and written out (Word, HTML preview, e-mail) from that record ever after.

Closing a meeting (`MeetingService.close_meeting`) gathers everything the minutes show —
the toolkit's sections too: KPI values, lead feedback, glossary changes — in the same
transaction and stores it as a revision (`minutes_record`): the gathered records as JSON
(`alignmeet.domain.record_codec`) with a SHA-256 of that text. Reopening keeps it;
closing again adds revision 2. Every later export of a closed meeting reads its newest
revision back, checks the hash (a record changed behind AlignMeet's back is refused with
`MinutesRecordError`, never exported), and adds what is known only later around it: the
list of revisions and the meetings that approved it (`MinutesStamp`). "Status today"
belongs to the follow-up exports, never to the minutes.

A meeting closed before AlignMeet kept minutes of record gets its record on the first
export after the upgrade: gathered as it stood at its close where the history allows
(action statuses and due dates rewound through their history, KPI values recorded by
then; everything else as stored that day), marked as reconstructed, and never changed
again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import Any, cast

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from alignmeet import i18n
from alignmeet.domain import records as r
from alignmeet.domain.enums import ActionStatus, Attendance, MeetingStatus
from alignmeet.domain.record_codec import Codec, RecordFormatError, canonical_json
from alignmeet.domain.rules import ValidationError
from alignmeet.domain.sections import DocSection
from alignmeet.export import ExportError
from alignmeet.i18n import _
from alignmeet.services.actions import ActionService
from alignmeet.services.base import NotFoundError, ServiceBase, to_meeting
from alignmeet.services.toolkit import TOOLKIT
from alignmeet.storage import models as m
from alignmeet.storage.database import Database
from alignmeet.storage.queries import minutes as q

__all__ = ["MINUTES_ORDER", "RECORD_FORMAT", "MinutesRecordError", "MinutesService"]

# The toolkit's sections in the minutes, after commitments and parked items (PRODUCT.md:
# "KPIs/glossary changes when touched, next meeting").
MINUTES_ORDER = (
    "goals",
    "lead_feedback",
    "data_needs",
    "glossary",
    "personas",
    "board",
    "coaching",
    "channels",
)

# The stored text: {"format": 1, "minutes": <MinutesData>, "reconstructed_on": ...}.
# Records only ever gain fields with defaults; a new format number is for a change that
# an older AlignMeet could not read correctly.
RECORD_FORMAT = 1
_CODEC = Codec(r.MinutesData)


class MinutesRecordError(ExportError):
    """The stored minutes of record cannot be used (changed behind AlignMeet's back, or
    unreadable): nothing is exported. The message is meant for the user."""


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def record_text(data: r.MinutesData, *, reconstructed_on: datetime | None = None) -> str:
    """The stored text of a record (canonical JSON; the stamp is never part of it)."""
    envelope: dict[str, Any] = {
        "format": RECORD_FORMAT,
        "minutes": _CODEC.encode(replace(data, stamp=None)),
    }
    if reconstructed_on is not None:
        envelope["reconstructed_on"] = reconstructed_on.isoformat()
    return canonical_json(envelope)


def read_record_text(text: str) -> tuple[r.MinutesData, datetime | None]:
    """The records a stored text holds, and when it was reconstructed (None: at close).
    RecordFormatError when the text is not a record this version can read."""
    try:
        envelope = json.loads(text)
    except ValueError as exc:
        raise RecordFormatError(f"not JSON: {exc}") from exc
    if not isinstance(envelope, dict) or "minutes" not in envelope:
        raise RecordFormatError("not a minutes record")
    version = envelope.get("format")
    if not isinstance(version, int) or version > RECORD_FORMAT or version < 1:
        raise RecordFormatError(f"record format {version!r}")
    data = _CODEC.decode(envelope["minutes"])
    if not isinstance(data, r.MinutesData):
        raise RecordFormatError("not a minutes record")
    rebuilt = envelope.get("reconstructed_on")
    try:
        return data, datetime.fromisoformat(rebuilt) if rebuilt else None
    except (TypeError, ValueError) as exc:
        raise RecordFormatError(f"reconstructed_on {rebuilt!r}") from exc


# ---- reading inside one transaction ------------------------------------------------------
class _SessionDatabase:
    """The database seen through one open session: every read the services make through
    it runs in that session's transaction (the close's own, so the record is exactly what
    the closing transaction saw). Nothing here commits or closes the session."""

    def __init__(self, db: Database, session: Session) -> None:
        self._db = db
        self._session = session

    @contextmanager
    def sessions(self) -> Iterator[Session]:
        yield self._session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        yield self._session

    def __getattr__(self, name: str) -> Any:
        return getattr(self._db, name)


def _is_legacy(meeting: m.Meeting, rows: list[m.MinutesRecord]) -> bool:
    """Closed, and no record: closed before AlignMeet kept minutes of record."""
    return meeting.status == MeetingStatus.CLOSED.value and not rows


class MinutesService(ServiceBase):
    # ---- what the minutes show ----------------------------------------------------------
    def gather(self, meeting_id: int, *, revision: int | None = None) -> r.MinutesData:
        """The minutes as every export shows them.

        A closed meeting: its newest minutes of record (or `revision`), read back and
        checked, stamped with its revisions and approvals. A meeting not closed: the
        minutes as they stand now (stamped with its earlier revisions, if it was reopened).
        MinutesRecordError when the stored record fails its check.
        """
        with self.db.sessions() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            rows = q.record_rows(s, meeting_id)
            legacy = revision in (None, 1) and _is_legacy(meeting, rows)
        if legacy:
            return self._reconstruct(meeting_id)
        if revision is None and meeting.status != MeetingStatus.CLOSED.value:
            data = self.gather_live(meeting_id)
            if rows:
                data = replace(data, stamp=self._stamp(meeting_id, None))
            return data
        return self._load(meeting_id, revision)

    def gather_live(self, meeting_id: int) -> r.MinutesData:
        """The minutes as the data stands now (what closing the meeting freezes)."""
        return self._read(meeting_id)

    def revisions(self, meeting_id: int) -> tuple[r.RevisionInfo, ...]:
        """The meeting's revisions of record, newest first."""
        with self.db.sessions() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
            return tuple(_info(row) for row in q.record_rows(s, meeting_id))

    def _read(self, meeting_id: int, as_of: datetime | None = None) -> r.MinutesData:
        """Everything the minutes show, read from the database. `as_of`: as it stood then
        (actions rewound through their history, KPI values recorded by then).

        One query per section (participants, agenda items, ideas, decisions, actions), never
        one per item or member: a meeting of 60 items and 40 members reads in a few
        dozen queries (bench/export.py)."""
        actions = ActionService(self.db, self.clock)
        follow_ups = tuple(actions.follow_ups(meeting_id))
        with self.db.sessions() as s:
            meeting_obj = s.get(m.Meeting, meeting_id)
            if meeting_obj is None:
                raise NotFoundError(_("Meeting {id} does not exist.").format(id=meeting_id))
            meeting = to_meeting(s, meeting_obj)
            approved_previous = _approved_previous(s, meeting_obj)
            participants = q.participants(s, meeting_id)
            items_all = q.items(s, meeting_id)
            ideas = q.ideas_by_item(s, meeting_id)
            decisions = q.decisions_by_item(s, meeting_id)
            items = tuple(
                r.AgendaItemMinutes(
                    item=item,
                    ideas=tuple(ideas.get(item.id, ())),
                    decisions=tuple(decisions.get(item.id, ())),
                )
                for item in items_all
                if not item.parked
            )
            parked = tuple(item for item in items_all if item.parked)
            meeting_actions = q.meeting_actions(s, meeting_obj)
            if as_of is not None:
                meeting_actions = _rewound(s, meeting_actions, as_of)
        from alignmeet.services.accountability import AccountabilityService

        rating, say_do = AccountabilityService(self.db, self.clock).minutes_figures(meeting_id)
        return r.MinutesData(
            meeting=meeting,
            participants=participants,
            follow_ups=follow_ups,
            items=items,
            parked=parked,
            plans=_plans(meeting_id, participants, meeting_actions),
            generated_at=self._now(),
            toolkit=self.toolkit_sections(meeting_id, as_of=as_of),
            approved_previous=approved_previous,
            rating=rating,
            say_do=say_do,
        )

    def toolkit_sections(
        self, meeting_id: int, *, as_of: datetime | None = None
    ) -> tuple[DocSection, ...]:
        """Each toolkit feature's part of these minutes, in MINUTES_ORDER."""
        sections: list[DocSection] = []
        for area in MINUTES_ORDER:
            module_name, class_name = TOOLKIT[area]
            service = getattr(import_module(module_name), class_name)(self.db, self.clock)
            if as_of is not None and hasattr(service, "as_of"):
                service.as_of = as_of
            sections.extend(service.minutes_sections(meeting_id))
        return tuple(sections)

    # ---- freezing -----------------------------------------------------------------------
    def freeze(
        self,
        s: Session,
        meeting: m.Meeting,
        *,
        as_of: datetime | None = None,
        reconstructed_on: datetime | None = None,
    ) -> m.MinutesRecord:
        """Store the meeting's minutes as its next revision, read in `s` (the caller's
        transaction: the close's own). `as_of`: as they stood then (see _read)."""
        assert meeting.closed_at is not None, "only a closed meeting has minutes of record"
        clock = (lambda: as_of) if as_of is not None else self.clock
        reader = MinutesService(cast(Database, _SessionDatabase(self.db, s)), clock)
        data = reader._read(meeting.id, as_of)
        text = record_text(data, reconstructed_on=reconstructed_on)
        last = q.last_revision(s, meeting.id)
        row = m.MinutesRecord(
            meeting_id=meeting.id,
            revision=(last or 0) + 1,
            closed_at=meeting.closed_at,
            language=i18n.language(),
            content_hash=content_hash(text),
            data=text,
        )
        s.add(row)
        s.flush()
        return row

    def record_past_close(self, meeting_id: int, *, reconstructed: bool = True) -> r.RevisionInfo:
        """Record the minutes of a meeting that was closed without a record, as they stood
        when it closed (see the module's text). `reconstructed=False` only for history
        built with its own timestamps (the demo), where "as it stood" is exact."""
        with self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            rows = q.record_rows(s, meeting_id)
            if not _is_legacy(meeting, rows):
                raise ValidationError(
                    "meeting", _("This meeting has no closing without minutes of record.")
                )
            row = self.freeze(
                s,
                meeting,
                as_of=meeting.closed_at,
                reconstructed_on=self._now() if reconstructed else None,
            )
            return _info(row, self._now() if reconstructed else None)

    def _reconstruct(self, meeting_id: int) -> r.MinutesData:
        """A meeting closed before minutes of record: record it now (once), then read it.
        On a read-only database the reconstruction is shown without being stored."""
        if self.db.read_only:
            with self.db.sessions() as s:
                meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
                closed_at = meeting.closed_at
            now = self._now()
            data = MinutesService(self.db, lambda: closed_at or now)._read(meeting_id, closed_at)
            info = r.RevisionInfo(
                id=0, revision=1, closed_at=closed_at or now, reconstructed_on=now
            )
            stamp = r.MinutesStamp(
                revision=1, closed_at=info.closed_at, revisions=(info,), reconstructed_on=now
            )
            return replace(data, stamp=stamp)
        with suppress(IntegrityError, ValidationError):  # recorded meanwhile: read theirs
            self.record_past_close(meeting_id)
        return self._load(meeting_id, None)

    # ---- reading a record back ----------------------------------------------------------
    def _load(self, meeting_id: int, revision: int | None) -> r.MinutesData:
        with self.db.sessions() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            row = q.record(s, meeting_id, revision)
            if row is None:
                if revision is None:
                    raise NotFoundError(
                        _("The meeting “{title}” has no minutes of record.").format(
                            title=meeting.title
                        )
                    )
                raise NotFoundError(
                    _("The meeting “{title}” has no revision {revision} of its minutes.").format(
                        title=meeting.title, revision=revision
                    )
                )
            what = _("the minutes of “{title}”, revision {revision}").format(
                title=meeting.title, revision=row.revision
            )
            if content_hash(row.data) != row.content_hash:
                raise MinutesRecordError(
                    _(
                        "Not exported: {what} were changed outside AlignMeet after the "
                        "meeting closed (they no longer match their checksum). Restore a "
                        "backup from before the change, or ask whoever changed the "
                        "database."
                    ).format(what=what)
                )
            try:
                data, reconstructed_on = read_record_text(row.data)
            except RecordFormatError as exc:
                raise MinutesRecordError(
                    _(
                        "Not exported: {what} cannot be read by this version of AlignMeet "
                        "({problem})."
                    ).format(what=what, problem=exc)
                ) from exc
            row_id = row.id
            shown, closed_at, spoken = row.revision, row.closed_at, row.language
        stamp = self._stamp(meeting_id, shown)
        return replace(
            data,
            stamp=replace(
                stamp,
                closed_at=closed_at,
                reconstructed_on=reconstructed_on,
                language=spoken,
                revisions=tuple(
                    replace(x, reconstructed_on=reconstructed_on) if x.id == row_id else x
                    for x in stamp.revisions
                ),
            ),
        )

    def _stamp(self, meeting_id: int, revision: int | None) -> r.MinutesStamp:
        """Revisions and approvals of a meeting's minutes, as they stand now."""
        with self.db.sessions() as s:
            rows = q.record_rows(s, meeting_id)
            shown = next((x for x in rows if x.revision == revision), None)
            approvals: tuple[r.ApprovedRevision, ...] = ()
            if shown is not None:
                approvals = tuple(
                    r.ApprovedRevision(
                        meeting_id=x.id,
                        meeting_title=x.title,
                        meeting_date=x.starts_at.date(),
                        revision=shown.revision,
                    )
                    for x in q.approving_meetings(s, shown.id)
                )
            return r.MinutesStamp(
                revision=revision,
                closed_at=shown.closed_at if shown is not None else None,
                revisions=tuple(_info(x) for x in rows),
                approved_in=approvals,
            )

    # ---- approving the previous meeting's minutes (Open phase) --------------------------
    def previous_minutes(self, meeting_id: int) -> r.PreviousMinutes:
        """The previous meeting of the series, its revisions, and what this one approved."""
        with self.db.sessions() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            previous = q.previous_meeting(s, meeting)
            if previous is None:
                return r.PreviousMinutes(
                    meeting_id=None,
                    meeting_title="",
                    meeting_date=None,
                    closed=False,
                    revisions=(),
                    approved=meeting.previous_minutes_approved,
                    approved_id=None,
                )
            rows = q.record_rows(s, previous.id)
            revisions = tuple(_info(x) for x in rows)
            if _is_legacy(previous, rows) and previous.closed_at is not None:
                # Approving records it first (reconstructed), as revision 1.
                revisions = (r.RevisionInfo(id=0, revision=1, closed_at=previous.closed_at),)
            return r.PreviousMinutes(
                meeting_id=previous.id,
                meeting_title=previous.title,
                meeting_date=previous.starts_at.date(),
                closed=previous.status == MeetingStatus.CLOSED.value,
                revisions=revisions,
                approved=meeting.previous_minutes_approved,
                approved_id=meeting.approved_minutes_id
                if meeting.previous_minutes_approved
                else None,
            )

    def approve_previous(self, *, meeting_id: int, revision: int | None) -> r.PreviousMinutes:
        """Approve a named revision of the previous meeting's minutes in this meeting
        (None: withdraw the approval). A previous meeting closed before minutes of record
        is recorded first (revision 1, reconstructed)."""
        if revision is not None:
            with self.db.sessions() as s:
                meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
                previous = q.previous_meeting(s, meeting)
                legacy = previous is not None and _is_legacy(
                    previous, q.record_rows(s, previous.id)
                )
                previous_id = previous.id if previous is not None else None
            if legacy and previous_id is not None and revision == 1:
                with suppress(IntegrityError, ValidationError):  # recorded meanwhile
                    self.record_past_close(previous_id)
        asked = {"previous_minutes_approved"}
        with self._guarded(m.Meeting, meeting_id, asked) as guard, self.db.transaction() as s:
            meeting = self._get(s, m.Meeting, meeting_id, "Meeting")
            guard.loaded(meeting, _("Meeting “{title}”").format(title=meeting.title))
            if revision is None:
                meeting.previous_minutes_approved = False
                meeting.approved_minutes_id = None
            else:
                previous = q.previous_meeting(s, meeting)
                row = None
                if previous is not None:
                    row = q.record(s, previous.id, revision)
                if previous is None or row is None:
                    raise ValidationError(
                        "previous_minutes",
                        _(
                            "There are no minutes of record to approve: the previous meeting "
                            "of the series has no revision {revision}."
                        ).format(revision=revision),
                    )
                meeting.previous_minutes_approved = True
                meeting.approved_minutes_id = row.id
            guard.check(s, meeting)
            s.flush()
        return self.previous_minutes(meeting_id)

    # ---- writing out --------------------------------------------------------------------
    def export_docx(
        self,
        *,
        meeting_id: int,
        path: Path,
        template: Path | None = None,
        revision: int | None = None,
    ) -> Path:
        from alignmeet.export.minutes_docx import write_minutes

        data = self.gather(meeting_id, revision=revision)
        return write_minutes(data, Path(path), template=template)


# ---- helpers ---------------------------------------------------------------------------
def _info(row: m.MinutesRecord, reconstructed_on: datetime | None = None) -> r.RevisionInfo:
    return r.RevisionInfo(
        id=row.id,
        revision=row.revision,
        closed_at=row.closed_at,
        reconstructed_on=reconstructed_on,
    )


# ---- one query per section ---------------------------------------------------------------


def _approved_previous(s: Session, meeting: m.Meeting) -> r.ApprovedRevision | None:
    if not meeting.previous_minutes_approved or meeting.approved_minutes_id is None:
        return None
    row = s.get(m.MinutesRecord, meeting.approved_minutes_id)
    approved = s.get(m.Meeting, row.meeting_id) if row is not None else None
    if row is None or approved is None:
        return None
    return r.ApprovedRevision(
        meeting_id=approved.id,
        meeting_title=approved.title,
        meeting_date=approved.starts_at.date(),
        revision=row.revision,
    )


def _rewound(s: Session, actions: list[r.ActionRecord], as_of: datetime) -> list[r.ActionRecord]:
    """The actions as they stood at `as_of`: those created later left out; status and due
    date from the first change after it (each change keeps what it replaced)."""
    if not actions:
        return actions
    ids = [a.id for a in actions]
    created = q.action_created(s, ids)
    first_later: dict[int, m.ActionUpdate] = {}
    for update in q.updates_after(s, ids, as_of):
        first_later.setdefault(update.action_id, update)
    out = []
    for action in actions:
        when = created.get(action.id)
        if when is not None and when > as_of:
            continue
        update = first_later.get(action.id)
        if update is not None:
            if update.old_status is None:  # agreed after the close
                continue
            action = replace(action, status=ActionStatus(update.old_status), due=update.old_due)
        out.append(action)
    return out


def _plans(
    meeting_id: int,
    participants: tuple[r.ParticipantRecord, ...],
    meeting_actions: list[r.ActionRecord],
) -> tuple[r.MemberPlan, ...]:
    by_owner: dict[int, list[r.ActionRecord]] = {}
    for action in meeting_actions:
        by_owner.setdefault(action.owner_id, []).append(action)
    plans = [
        r.MemberPlan(participant=p, actions=tuple(by_owner.pop(p.member_id, [])))
        for p in participants
        if p.attendance is Attendance.PRESENT or p.member_id in by_owner
    ]
    # Owners who were not participants (e.g. an action given to someone absent).
    for owner_id, owned in by_owner.items():
        first = owned[0]
        plans.append(
            r.MemberPlan(
                participant=r.ParticipantRecord(
                    meeting_id=meeting_id,
                    member_id=owner_id,
                    name=first.owner_name,
                    team_name="",
                    role="",
                    attendance=Attendance.ABSENT,
                    representative=False,
                    committed_at=None,
                    confidence=None,
                    commitment_note="",
                ),
                actions=tuple(owned),
            )
        )
    return tuple(plans)
