"""Lead feedback rules: reasons, counts, the total against leads received, the breakdown."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmeet.domain.lead_feedback import (
    LeadBatchRecord,
    LeadRejectionRecord,
    PreviousRate,
    RejectionReason,
    check_total,
    clean_label,
    compute_breakdown,
    parse_reason,
    percent,
    previous_period_with_data,
    validate_count,
    validate_note,
    validate_period,
)
from alignmeet.domain.rules import ValidationError

R = RejectionReason


def batch(id_: int, period: str, received: int, *lines: tuple[R, int, str]) -> LeadBatchRecord:
    return LeadBatchRecord(
        id=id_,
        label=f"Batch {id_}",
        period=period,
        leads_received=received,
        recorded_by_id=None,
        recorded_by_name="",
        reviewed_in_meeting_id=None,
        reviewed_in_meeting_title="",
        notes="",
        created_at=datetime(2026, 11, 1),
        lines=tuple(
            LeadRejectionRecord(id=i, batch_id=id_, reason=r, count=c, lead_ref="", note=n)
            for i, (r, c, n) in enumerate(lines)
        ),
    )


def test_the_six_reasons_have_labels_people_read() -> None:
    assert [r.label for r in R] == [
        "Not a fit",
        "Bad timing",
        "No budget",
        "Wrong contact",
        "Duplicate",
        "Other",
    ]
    assert all(r.hint for r in R)


def test_an_unknown_reason_is_refused_with_the_choices() -> None:
    with pytest.raises(ValidationError) as err:
        parse_reason("too_expensive")
    assert err.value.field == "reason"
    assert "Not a fit" in err.value.message
    assert parse_reason("no_budget") is R.NO_BUDGET


def test_other_needs_a_note_the_other_reasons_do_not() -> None:
    with pytest.raises(ValidationError) as err:
        validate_note(R.OTHER, "   ")
    assert err.value.field == "note"
    assert "Other" in err.value.message
    assert validate_note(R.OTHER, " Asked for a job ") == "Asked for a job"
    assert validate_note(R.DUPLICATE, "") == ""


@pytest.mark.parametrize("count", [0, -3])
def test_a_line_counts_at_least_one_lead(count: int) -> None:
    with pytest.raises(ValidationError) as err:
        validate_count(count)
    assert err.value.field == "count"
    assert validate_count(1) == 1


def test_more_rejected_than_received_is_refused_with_both_numbers() -> None:
    check_total(leads_received=10, rejected=10)
    with pytest.raises(ValidationError) as err:
        check_total(leads_received=10, rejected=12)
    assert err.value.field == "count"
    assert "12" in err.value.message and "10" in err.value.message
    with pytest.raises(ValidationError) as err:
        check_total(leads_received=5, rejected=8, field="leads_received")
    assert err.value.field == "leads_received"
    assert "8" in err.value.message


def test_periods_are_stored_as_keys_and_the_label_is_required() -> None:
    assert validate_period("Nov 2026") == "2026-11"
    assert validate_period("2026-Q4") == "2026-Q4"
    with pytest.raises(ValidationError) as err:
        validate_period("soon")
    assert err.value.field == "period"
    with pytest.raises(ValidationError) as err:
        clean_label("  ")
    assert err.value.field == "label"
    assert clean_label("  October   webinar leads ") == "October webinar leads"


def test_breakdown_counts_and_shares_per_reason_and_the_rejection_rate() -> None:
    data = compute_breakdown(
        [
            batch(1, "2026-11", 100, (R.NOT_FIT, 10, "Students"), (R.DUPLICATE, 5, "")),
            batch(2, "2026-11", 100, (R.NOT_FIT, 5, "Students"), (R.OTHER, 20, "Job seekers")),
        ]
    )
    shares = {s.reason: s for s in data.reasons}
    assert [s.reason for s in data.reasons] == list(R)  # all six, in order
    assert shares[R.NOT_FIT].count == 15
    assert shares[R.NOT_FIT].share == pytest.approx(15 / 40)
    assert shares[R.NOT_FIT].notes == ("Students",)  # the same note once
    assert shares[R.NO_BUDGET].count == 0
    assert data.rejected == 40 and data.leads_received == 200
    assert data.rejection_rate == pytest.approx(0.2)
    assert [s.reason for s in data.ranked()] == [R.OTHER, R.NOT_FIT, R.DUPLICATE]
    assert data.summary() == "40 of 200 leads rejected — rejection rate 20%"


def test_comparison_with_the_previous_period_in_points() -> None:
    current = compute_breakdown(
        [batch(1, "2026-11", 100, (R.NOT_FIT, 20, ""))],
        PreviousRate(period="2026-10", leads_received=200, rejected=60),
    )
    assert current.rate_change_points == pytest.approx(-10)
    assert current.summary().endswith("(down 10 points on Oct 2026: 30%)")
    same = compute_breakdown(
        [batch(1, "2026-11", 100, (R.NOT_FIT, 30, ""))],
        PreviousRate(period="2026-10", leads_received=100, rejected=30),
    )
    assert "about the same as Oct 2026" in same.summary()


def test_no_leads_received_has_no_rate_and_nothing_divides_by_zero() -> None:
    data = compute_breakdown([batch(1, "2026-11", 0)])
    assert data.rejection_rate is None
    assert percent(data.rejection_rate) == "—"
    assert compute_breakdown([]).is_empty


def test_the_previous_period_is_the_latest_earlier_one_of_the_same_kind() -> None:
    known = ["2026-08", "2026-10", "2026-11", "2026-Q3", "2026-W40"]
    assert previous_period_with_data(["2026-11"], known) == "2026-10"
    assert previous_period_with_data(["2026-10", "2026-11"], known) == "2026-08"
    assert previous_period_with_data(["2026-08"], known) is None
    assert previous_period_with_data(["2026-Q4"], known) == "2026-Q3"
    assert previous_period_with_data([], known) is None


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(list(R)), st.integers(min_value=1, max_value=500)),
        max_size=12,
    )
)
def test_shares_add_up_to_one_and_counts_to_the_total(lines: list[tuple[R, int]]) -> None:
    data = compute_breakdown([batch(1, "2026-11", 10_000, *((r, c, "") for r, c in lines))])
    assert data.rejected == sum(c for _, c in lines)
    assert sum(s.count for s in data.reasons) == data.rejected
    if lines:
        assert sum(s.share for s in data.reasons) == pytest.approx(1.0)
    else:
        assert all(s.share == 0 for s in data.reasons)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=80))
def test_any_note_text_is_kept_trimmed_or_refused_with_a_message(text: str) -> None:
    try:
        note = validate_note(R.OTHER, text)
    except ValidationError as err:
        assert err.field == "note"
        assert not text.strip()
    else:
        assert note == text.strip()
