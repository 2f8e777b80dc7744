"""Lead feedback (seeds 000, 003): why Sales rejected the leads Marketing sent, in reasons
Marketing can act on, instead of silence.

A *batch* is the leads Sales received for a period ("2026-11") or from one campaign
("October webinar leads"); its *rejection lines* say how many were rejected for which
reason, with a note (and, for single leads, a reference such as the company). The rules:

- the reason is one of `RejectionReason`; "Other" needs a note that says what it was;
- a line counts at least one lead;
- a batch never has more rejected leads than it received (the message says both numbers);
- the breakdown gives, per reason, the count and its share of the rejected leads, and the
  rejection rate (rejected / received), compared with the previous period that has data.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from alignmeet.domain.periods import parse_period, period_label
from alignmeet.domain.rules import MAX_TITLE, ValidationError

MAX_LEADS = 1_000_000
MAX_LEAD_REF = 200


class RejectionReason(StrEnum):
    NOT_FIT = "not_fit"
    BAD_TIMING = "bad_timing"
    NO_BUDGET = "no_budget"
    WRONG_CONTACT = "wrong_contact"
    DUPLICATE = "duplicate"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _REASON_LABELS[self]

    @property
    def hint(self) -> str:
        """What the reason means, for tooltips and the minutes' readers."""
        return _REASON_HINTS[self]


_REASON_LABELS = {
    RejectionReason.NOT_FIT: "Not a fit",
    RejectionReason.BAD_TIMING: "Bad timing",
    RejectionReason.NO_BUDGET: "No budget",
    RejectionReason.WRONG_CONTACT: "Wrong contact",
    RejectionReason.DUPLICATE: "Duplicate",
    RejectionReason.OTHER: "Other",
}
_REASON_HINTS = {
    RejectionReason.NOT_FIT: "Outside the ideal customer profile: size, industry, role, student…",
    RejectionReason.BAD_TIMING: "A real prospect, but not buying now",
    RejectionReason.NO_BUDGET: "No budget for a purchase",
    RejectionReason.WRONG_CONTACT: "Not the person who buys, or unreachable details",
    RejectionReason.DUPLICATE: "Already a lead, an open opportunity or a customer",
    RejectionReason.OTHER: "Anything else — the note says what",
}


def parse_reason(value: RejectionReason | str) -> RejectionReason:
    try:
        return RejectionReason(value)
    except ValueError:
        names = ", ".join(r.label for r in RejectionReason)
        raise ValidationError("reason", f"Choose a reason: {names}.") from None


def validate_period(text: str | None) -> str:
    """The stored key of a month, quarter or ISO week ("Nov 2026" → "2026-11")."""
    return parse_period(text).key


def validate_leads_received(value: int) -> int:
    number = int(value)
    if not 0 <= number <= MAX_LEADS:
        raise ValidationError(
            "leads_received", f"Leads received is a number from 0 to {MAX_LEADS:,}."
        )
    return number


def validate_count(value: int) -> int:
    number = int(value)
    if number < 1:
        raise ValidationError("count", "A rejection line counts at least 1 lead.")
    if number > MAX_LEADS:
        raise ValidationError("count", f"A rejection line counts at most {MAX_LEADS:,} leads.")
    return number


def validate_note(reason: RejectionReason, note: str | None) -> str:
    text = (note or "").strip()
    if reason is RejectionReason.OTHER and not text:
        raise ValidationError(
            "note", "“Other” needs a note that says why, so Marketing can act on it."
        )
    if len(text) > 2_000:
        raise ValidationError(
            "note", f"The note is too long ({len(text)} characters; at most 2000)."
        )
    return text


def check_total(*, leads_received: int, rejected: int, field: str = "count") -> None:
    """Refuse more rejected leads than the batch received (both numbers in the message)."""
    if rejected > leads_received:
        if field == "leads_received":
            message = (
                f"This batch already has {rejected} rejected leads: leads received cannot be "
                f"fewer ({leads_received}). Lower or remove rejection lines first."
            )
        else:
            message = (
                f"That makes {rejected} rejected leads, more than the {leads_received} leads "
                f"received in this batch. Lower the count, or raise “Leads received”."
            )
        raise ValidationError(field, message)


# ---- records ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class LeadRejectionRecord:
    id: int
    batch_id: int
    reason: RejectionReason
    count: int
    lead_ref: str
    note: str


@dataclass(frozen=True)
class LeadBatchRecord:
    id: int
    label: str
    period: str
    leads_received: int
    recorded_by_id: int | None
    recorded_by_name: str
    reviewed_in_meeting_id: int | None
    reviewed_in_meeting_title: str
    notes: str
    created_at: datetime
    lines: tuple[LeadRejectionRecord, ...] = ()
    reviewed_in_meeting_on: date | None = None  # the reviewing meeting's day

    @property
    def rejected(self) -> int:
        return sum(line.count for line in self.lines)

    @property
    def rejection_rate(self) -> float | None:
        return self.rejected / self.leads_received if self.leads_received else None

    @property
    def period_label(self) -> str:
        return period_label(self.period)

    @property
    def reviewed(self) -> bool:
        return self.reviewed_in_meeting_id is not None


@dataclass(frozen=True)
class ReasonShare:
    """One reason in a breakdown: how many leads, their share of the rejected, the notes."""

    reason: RejectionReason
    count: int
    share: float  # of the rejected leads, 0..1
    notes: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.reason.label


@dataclass(frozen=True)
class PreviousRate:
    """The rejection rate of the period before, for the comparison."""

    period: str
    leads_received: int
    rejected: int

    @property
    def rate(self) -> float | None:
        return self.rejected / self.leads_received if self.leads_received else None


@dataclass(frozen=True)
class Breakdown:
    """Rejected leads per reason over some batches (all six reasons, in enum order)."""

    batch_ids: tuple[int, ...]
    periods: tuple[str, ...]  # oldest first
    leads_received: int
    rejected: int
    reasons: tuple[ReasonShare, ...]
    previous: PreviousRate | None = None

    @property
    def rejection_rate(self) -> float | None:
        return self.rejected / self.leads_received if self.leads_received else None

    @property
    def is_empty(self) -> bool:
        return not self.batch_ids

    def ranked(self) -> tuple[ReasonShare, ...]:
        """Reasons with at least one lead, most frequent first (ties in enum order)."""
        order = list(RejectionReason)
        found = [r for r in self.reasons if r.count]
        return tuple(sorted(found, key=lambda r: (-r.count, order.index(r.reason))))

    @property
    def rate_change_points(self) -> float | None:
        """Change of the rejection rate against the previous period, in percentage points."""
        if self.previous is None or self.previous.rate is None or self.rejection_rate is None:
            return None
        return (self.rejection_rate - self.previous.rate) * 100

    def summary(self) -> str:
        """ "134 of 412 leads rejected (33%)" and the change on the period before."""
        if self.is_empty:
            return "No lead batches."
        rate = self.rejection_rate
        text = f"{self.rejected} of {self.leads_received} leads rejected"
        if rate is not None:
            text += f" — rejection rate {percent(rate)}"
        return text + self.change_text()

    def change_text(self) -> str:
        change = self.rate_change_points
        previous = self.previous
        if previous is None or change is None or previous.rate is None:
            return ""
        where = period_label(previous.period)
        if round(change) == 0:
            return f" (about the same as {where}: {percent(previous.rate)})"
        direction = "down" if change < 0 else "up"
        points = abs(round(change))
        unit = "point" if points == 1 else "points"
        return f" ({direction} {points} {unit} on {where}: {percent(previous.rate)})"


def percent(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def compute_breakdown(
    batches: Sequence[LeadBatchRecord], previous: PreviousRate | None = None
) -> Breakdown:
    counts = dict.fromkeys(RejectionReason, 0)
    notes: dict[RejectionReason, list[str]] = {r: [] for r in RejectionReason}
    for batch in batches:
        for line in batch.lines:
            counts[line.reason] += line.count
            text = _line_note(line)
            if text and text not in notes[line.reason]:
                notes[line.reason].append(text)
    rejected = sum(counts.values())
    reasons = tuple(
        ReasonShare(
            reason=reason,
            count=counts[reason],
            share=counts[reason] / rejected if rejected else 0.0,
            notes=tuple(notes[reason]),
        )
        for reason in RejectionReason
    )
    return Breakdown(
        batch_ids=tuple(b.id for b in batches),
        periods=tuple(sorted({b.period for b in batches})),
        leads_received=sum(b.leads_received for b in batches),
        rejected=rejected,
        reasons=reasons,
        previous=previous,
    )


def _line_note(line: LeadRejectionRecord) -> str:
    note = " ".join(line.note.split())
    if line.lead_ref and note:
        return f"{line.lead_ref}: {note}"
    return line.lead_ref or note


def previous_period_with_data(periods: Iterable[str], known: Iterable[str]) -> str | None:
    """The latest period in `known` before the earliest of `periods`, of the same kind
    (months compare with months, quarters with quarters); None if there is none."""
    scope = sorted(set(periods))
    if not scope:
        return None
    first = scope[0]
    kind = _kind(first)
    earlier = [p for p in set(known) if _kind(p) == kind and p < first]
    return max(earlier) if earlier else None


def _kind(period: str) -> str:
    if "-Q" in period:
        return "quarter"
    if "-W" in period:
        return "week"
    return "month"


def clean_label(value: str | None) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise ValidationError("label", "Give the batch a name, e.g. “October webinar leads”.")
    if len(text) > MAX_TITLE:
        raise ValidationError(
            "label", f"The batch name is too long ({len(text)} characters; at most {MAX_TITLE})."
        )
    return text


def clean_lead_ref(value: str | None) -> str:
    text = " ".join((value or "").split())
    if len(text) > MAX_LEAD_REF:
        raise ValidationError(
            "lead_ref", f"The lead reference is too long ({len(text)} characters; at most 200)."
        )
    return text
