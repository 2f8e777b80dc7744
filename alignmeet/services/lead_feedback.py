"""Lead feedback: batches of leads, why Sales rejected them, and their review with Marketing.

Marking batches "reviewed in a meeting" is allowed in a closed meeting too: a facilitator who
forgot to click during the meeting records it afterwards (and the demo records its history
that way); the minutes exported after that show it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy.orm import Session

from alignmeet.domain import lead_feedback as lf
from alignmeet.domain.lead_feedback import (
    Breakdown,
    LeadBatchRecord,
    LeadRejectionRecord,
    PreviousRate,
    RejectionReason,
)
from alignmeet.domain.periods import period_label
from alignmeet.domain.rules import ValidationError, optional_text, short_date
from alignmeet.domain.sections import DocSection, Paragraph, Table
from alignmeet.i18n import _
from alignmeet.services.base import ServiceBase, member_name, versioned_write
from alignmeet.storage import models as m
from alignmeet.storage.queries import lead_feedback as q


class _Unset:
    pass


UNSET = _Unset()


class LeadFeedbackService(ServiceBase):
    # ---- reading -----------------------------------------------------------------------------
    def list_batches(self, *, period: str | None = None) -> list[LeadBatchRecord]:
        """Batches, newest period first (then newest first); only `period`'s when given."""
        with self.db.sessions() as s:
            rows = q.batches(s, period=lf.validate_period(period) if period else None)
            rows.sort(key=lambda b: (b.period, b.created_at, b.id), reverse=True)
            return self._records(s, rows)

    def get_batch(self, batch_id: int) -> LeadBatchRecord:
        with self.db.sessions() as s:
            return self._records(s, [self._get(s, m.LeadBatch, batch_id, "Lead batch")])[0]

    def periods(self) -> list[str]:
        """The periods that have batches, newest first."""
        with self.db.sessions() as s:
            keys = q.periods(s)
        return sorted(keys, reverse=True)

    def unreviewed_batches(self) -> list[LeadBatchRecord]:
        with self.db.sessions() as s:
            rows = q.unreviewed(s)
            rows.sort(key=lambda b: (b.period, b.created_at, b.id), reverse=True)
            return self._records(s, rows)

    def reviewed_in(self, meeting_id: int) -> list[LeadBatchRecord]:
        with self.db.sessions() as s:
            rows = q.reviewed_in(s, meeting_id)
            rows.sort(key=lambda b: (b.period, b.created_at, b.id), reverse=True)
            return self._records(s, rows)

    def breakdown(
        self, period: str | None = None, *, batch_ids: Iterable[int] | None = None
    ) -> Breakdown:
        """Rejected leads per reason over `batch_ids`, or the batches of `period`, or all.

        The comparison is with the latest earlier period (of the same kind) that has batches.
        """
        with self.db.sessions() as s:
            if batch_ids is not None:
                found = q.batches(s, ids=list(batch_ids))
            else:
                found = q.batches(s, period=lf.validate_period(period) if period else None)
            batches = self._records(s, found)
            return lf.compute_breakdown(batches, self._previous(s, batches))

    def _previous(self, s: Session, batches: Sequence[LeadBatchRecord]) -> PreviousRate | None:
        known = q.periods(s)
        before = lf.previous_period_with_data([b.period for b in batches], known)
        if before is None:
            return None
        earlier = self._records(s, q.batches(s, period=before))
        return PreviousRate(
            period=before,
            leads_received=sum(b.leads_received for b in earlier),
            rejected=sum(b.rejected for b in earlier),
        )

    # ---- batches -----------------------------------------------------------------------------
    def add_batch(
        self,
        *,
        label: str,
        period: str,
        leads_received: int,
        recorded_by_id: int | None = None,
        notes: str = "",
    ) -> LeadBatchRecord:
        text = lf.clean_label(label)
        key = lf.validate_period(period)
        received = lf.validate_leads_received(leads_received)
        note_text = optional_text("notes", notes, label=_("Notes"))
        with self.db.transaction() as s:
            if recorded_by_id is not None:
                self._get(s, m.Member, recorded_by_id, "Member")
            batch = m.LeadBatch(
                label=text,
                period=key,
                leads_received=received,
                recorded_by_id=recorded_by_id,
                notes=note_text,
                created_at=self._now(),
            )
            s.add(batch)
            s.flush()
            return self._records(s, [batch])[0]

    @versioned_write(m.LeadBatch)
    def update_batch(
        self,
        *,
        batch_id: int,
        label: str | None = None,
        period: str | None = None,
        leads_received: int | None = None,
        recorded_by_id: int | _Unset | None = UNSET,
        notes: str | None = None,
        seen: object | None = None,
    ) -> LeadBatchRecord:
        """Change the fields given. `seen`: the batch as the user saw it; ConflictError
        when someone else changed one of them since then (nothing is written then)."""
        asked = {
            f
            for f, v in (
                ("label", label),
                ("period", period),
                ("leads_received", leads_received),
                ("notes", notes),
            )
            if v is not None
        } | (set() if isinstance(recorded_by_id, _Unset) else {"recorded_by_id"})
        with (
            self._guarded(m.LeadBatch, batch_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            batch = self._get(s, m.LeadBatch, batch_id, "Lead batch")
            guard.loaded(batch, _("Lead batch “{label}”").format(label=batch.label))
            if label is not None:
                batch.label = lf.clean_label(label)
            if period is not None:
                batch.period = lf.validate_period(period)
            if leads_received is not None:
                received = lf.validate_leads_received(leads_received)
                lf.check_total(
                    leads_received=received,
                    rejected=self._rejected(s, batch_id),
                    field="leads_received",
                )
                batch.leads_received = received
            if not isinstance(recorded_by_id, _Unset):
                if recorded_by_id is not None:
                    self._get(s, m.Member, recorded_by_id, "Member")
                batch.recorded_by_id = recorded_by_id
            if notes is not None:
                batch.notes = optional_text("notes", notes, label=_("Notes"))
            guard.check(s, batch)
            s.flush()
            return self._records(s, [batch])[0]

    def remove_batch(self, batch_id: int) -> None:
        with self.db.transaction() as s:
            batch = self._get(s, m.LeadBatch, batch_id, "Lead batch")
            q.delete_lines_of(s, batch_id)
            s.delete(batch)

    # ---- rejection lines ---------------------------------------------------------------------
    def add_rejection(
        self,
        *,
        batch_id: int,
        reason: RejectionReason | str,
        count: int = 1,
        lead_ref: str = "",
        note: str = "",
    ) -> LeadRejectionRecord:
        why = lf.parse_reason(reason)
        number = lf.validate_count(count)
        ref = lf.clean_lead_ref(lead_ref)
        text = lf.validate_note(why, note)
        with self.db.transaction() as s:
            batch = self._get(s, m.LeadBatch, batch_id, "Lead batch")
            lf.check_total(
                leads_received=batch.leads_received, rejected=self._rejected(s, batch_id) + number
            )
            line = m.LeadRejection(
                batch_id=batch_id, reason=why.value, count=number, lead_ref=ref, note=text
            )
            s.add(line)
            s.flush()
            return _to_line(line)

    @versioned_write(m.LeadRejection)
    def update_rejection(
        self,
        *,
        rejection_id: int,
        reason: RejectionReason | str | None = None,
        count: int | None = None,
        lead_ref: str | None = None,
        note: str | None = None,
        seen: object | None = None,
    ) -> LeadRejectionRecord:
        """Change the fields given. `seen`: the line as the user saw it; ConflictError
        when someone else changed one of them since then (nothing is written then)."""
        asked = {
            f
            for f, v in (
                ("reason", reason),
                ("count", count),
                ("lead_ref", lead_ref),
                ("note", note),
            )
            if v is not None
        }
        with (
            self._guarded(m.LeadRejection, rejection_id, asked, seen) as guard,
            self.db.transaction() as s,
        ):
            line = self._get(s, m.LeadRejection, rejection_id, "Rejection line")
            guard.loaded(line, _("Rejection line {id}").format(id=line.id))
            why = lf.parse_reason(reason) if reason is not None else RejectionReason(line.reason)
            number = lf.validate_count(count) if count is not None else line.count
            text = lf.validate_note(why, note if note is not None else line.note)
            ref = lf.clean_lead_ref(lead_ref) if lead_ref is not None else line.lead_ref
            batch = self._get(s, m.LeadBatch, line.batch_id, "Lead batch")
            others = self._rejected(s, line.batch_id) - line.count
            lf.check_total(leads_received=batch.leads_received, rejected=others + number)
            line.reason, line.count, line.note, line.lead_ref = why.value, number, text, ref
            guard.check(s, line)
            s.flush()
            return _to_line(line)

    def remove_rejection(self, rejection_id: int) -> None:
        with self.db.transaction() as s:
            s.delete(self._get(s, m.LeadRejection, rejection_id, "Rejection line"))

    # ---- the review in a meeting -------------------------------------------------------------
    def review_in_meeting(
        self, *, meeting_id: int, batch_ids: Iterable[int]
    ) -> list[LeadBatchRecord]:
        """Mark the batches as reviewed with Marketing in that meeting.

        Refuses an empty choice and a batch already reviewed in another meeting (its
        review stays where it happened); marking one again in the same meeting is harmless.
        """
        ids = list(dict.fromkeys(batch_ids))
        if not ids:
            raise ValidationError(
                "batch_ids", _("Choose at least one lead batch to mark as reviewed.")
            )
        with self.db.transaction() as s:
            self._get(s, m.Meeting, meeting_id, "Meeting")
            batches = [self._get(s, m.LeadBatch, i, "Lead batch") for i in ids]
            for batch in batches:
                other = batch.reviewed_in_meeting_id
                if other is not None and other != meeting_id:
                    raise ValidationError(
                        "batch_ids",
                        _("“{batch}” was already reviewed in {meeting}.").format(
                            batch=batch.label, meeting=self._meeting_name(s, other)
                        ),
                    )
            for batch in batches:
                batch.reviewed_in_meeting_id = meeting_id
            s.flush()
            return self._records(s, batches)

    def clear_review(self, *, batch_id: int) -> LeadBatchRecord:
        """Undo "reviewed": the batch waits for the next lead-feedback review again."""
        with self.db.transaction() as s:
            batch = self._get(s, m.LeadBatch, batch_id, "Lead batch")
            batch.reviewed_in_meeting_id = None
            s.flush()
            return self._records(s, [batch])[0]

    # ---- minutes -----------------------------------------------------------------------------
    def minutes_sections(self, meeting_id: int) -> tuple[DocSection, ...]:
        """ "Lead feedback": the batches reviewed in that meeting, their breakdown per reason
        (reason, leads, share, notes from Sales), the rejection rate and its change on the
        previous period. Empty when the meeting reviewed no batch."""
        batches = self.reviewed_in(meeting_id)
        if not batches:
            return ()
        data = self.breakdown(batch_ids=[b.id for b in batches])
        reviewed = "; ".join(
            _("{batch} ({period}): {rejected} of {received} rejected").format(
                batch=b.label,
                period=period_label(b.period),
                rejected=b.rejected,
                received=b.leads_received,
            )
            for b in sorted(batches, key=lambda b: (b.period, b.label))
        )
        rows = tuple(
            (
                _(share.label),
                str(share.count),
                lf.percent(share.share),
                "; ".join(share.notes),
            )
            for share in data.ranked()
        )
        blocks: list[Paragraph | Table] = [
            Paragraph(reviewed, label=_("Batches reviewed: ")),
            Paragraph(data.summary() + ".", label=_("Result: ")),
        ]
        if rows:
            blocks.append(
                Table(
                    header=(_("Reason"), _("Leads"), _("Share"), _("Notes from Sales")),
                    rows=rows,
                    weights=(3, 2, 2, 9),
                )
            )
        else:
            blocks.append(Paragraph(_("No rejected leads in these batches."), muted=True))
        return (DocSection(heading=_("Lead feedback"), blocks=tuple(blocks)),)

    # ---- helpers -----------------------------------------------------------------------------
    def _rejected(self, s: Session, batch_id: int) -> int:
        return sum(q.rejected_counts(s, batch_id))

    def _meeting_name(self, s: Session, meeting_id: int | None) -> str:
        if meeting_id is None:
            return ""
        meeting = s.get(m.Meeting, meeting_id)
        if meeting is None:
            return ""
        return f"{meeting.title} ({short_date(meeting.starts_at.date())})"

    def _meeting_day(self, s: Session, meeting_id: int | None) -> date | None:
        meeting = s.get(m.Meeting, meeting_id) if meeting_id is not None else None
        return meeting.starts_at.date() if meeting is not None else None

    def _records(self, s: Session, batches: Sequence[m.LeadBatch]) -> list[LeadBatchRecord]:
        ids = [b.id for b in batches]
        lines: dict[int, list[LeadRejectionRecord]] = {i: [] for i in ids}
        if ids:
            for line in q.lines_of(s, ids):
                lines[line.batch_id].append(_to_line(line))
        return [
            LeadBatchRecord(
                id=b.id,
                label=b.label,
                period=b.period,
                leads_received=b.leads_received,
                recorded_by_id=b.recorded_by_id,
                recorded_by_name=member_name(s, b.recorded_by_id),
                reviewed_in_meeting_id=b.reviewed_in_meeting_id,
                reviewed_in_meeting_title=self._meeting_name(s, b.reviewed_in_meeting_id),
                notes=b.notes,
                created_at=b.created_at,
                lines=tuple(lines[b.id]),
                reviewed_in_meeting_on=self._meeting_day(s, b.reviewed_in_meeting_id),
            )
            for b in batches
        ]


def _to_line(obj: m.LeadRejection) -> LeadRejectionRecord:
    return LeadRejectionRecord(
        id=obj.id,
        batch_id=obj.batch_id,
        reason=RejectionReason(obj.reason),
        count=obj.count,
        lead_ref=obj.lead_ref,
        note=obj.note,
    )
