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
from alignmeet.domain.rules import MAX_TITLE, ValidationError, group_digits, too_long
from alignmeet.i18n import _, ngettext

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
        names = ", ".join(_(r.label) for r in RejectionReason)
        raise ValidationError(
            "reason", _("Choose a reason: {names}.").format(names=names)
        ) from None


def validate_period(text: str | None) -> str:
    """The stored key of a month, quarter or ISO week ("Nov 2026" → "2026-11")."""
    return parse_period(text).key


def validate_leads_received(value: int) -> int:
    number = int(value)
    if not 0 <= number <= MAX_LEADS:
        raise ValidationError(
            "leads_received",
            _("Leads received is a number from 0 to {most}.").format(most=group_digits(MAX_LEADS)),
        )
    return number


def validate_count(value: int) -> int:
    number = int(value)
    if number < 1:
        raise ValidationError("count", _("A rejection line counts at least 1 lead."))
    if number > MAX_LEADS:
        raise ValidationError(
            "count",
            _("A rejection line counts at most {most} leads.").format(most=group_digits(MAX_LEADS)),
        )
    return number


def validate_note(reason: RejectionReason, note: str | None) -> str:
    text = (note or "").strip()
    if reason is RejectionReason.OTHER and not text:
        raise ValidationError(
            "note", _("“Other” needs a note that says why, so Marketing can act on it.")
        )
    if len(text) > 2_000:
        raise too_long("note", _("The note"), len(text), 2000)
    return text


def check_total(*, leads_received: int, rejected: int, field: str = "count") -> None:
    """Refuse more rejected leads than the batch received (both numbers in the message)."""
    if rejected > leads_received:
        if field == "leads_received":
            message = _(
                "This batch already has {rejected} rejected leads: leads received cannot be "
                "fewer ({received}). Lower or remove rejection lines first."
            ).format(rejected=rejected, received=leads_received)
        else:
            message = _(
                "That makes {rejected} rejected leads, more than the {received} leads "
                "received in this batch. Lower the count, or raise “Leads received”."
            ).format(rejected=rejected, received=leads_received)
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
            return _("No lead batches.")
        rate = self.rejection_rate
        if rate is None:
            text = ngettext(
                "{rejected} of {received} lead rejected",
                "{rejected} of {received} leads rejected",
                self.leads_received,
            )
        else:
            text = ngettext(
                "{rejected} of {received} lead rejected — rejection rate {rate}",
                "{rejected} of {received} leads rejected — rejection rate {rate}",
                self.leads_received,
            )
        summary = text.format(
            rejected=self.rejected, received=self.leads_received, rate=percent(rate)
        )
        return summary + self.change_text()

    def change_text(self) -> str:
        change = self.rate_change_points
        previous = self.previous
        if previous is None or change is None or previous.rate is None:
            return ""
        where = period_label(previous.period)
        if round(change) == 0:
            text = _(" (about the same as {period}: {rate})")
        elif change < 0:
            text = ngettext(
                " (down {points} point on {period}: {rate})",
                " (down {points} points on {period}: {rate})",
                abs(round(change)),
            )
        else:
            text = ngettext(
                " (up {points} point on {period}: {rate})",
                " (up {points} points on {period}: {rate})",
                abs(round(change)),
            )
        return text.format(points=abs(round(change)), period=where, rate=percent(previous.rate))


def percent(value: float | None) -> str:
    return "—" if value is None else _("{value}%").format(value=round(value * 100))


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
        raise ValidationError("label", _("Give the batch a name, e.g. “October webinar leads”."))
    if len(text) > MAX_TITLE:
        raise too_long("label", _("The batch name"), len(text), MAX_TITLE)
    return text


def clean_lead_ref(value: str | None) -> str:
    text = " ".join((value or "").split())
    if len(text) > MAX_LEAD_REF:
        raise too_long("lead_ref", _("The lead reference"), len(text), MAX_LEAD_REF)
    return text
