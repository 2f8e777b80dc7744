"""Period keys: months, quarters and ISO weeks, as stored, typed and shown."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmeet.domain.periods import (
    Period,
    PeriodKind,
    parse_period,
    period_containing,
    period_label,
    recent_periods,
)
from alignmeet.domain.rules import ValidationError


@pytest.mark.parametrize(
    ("text", "key", "label"),
    [
        ("2026-11", "2026-11", "Nov 2026"),
        ("2026-3", "2026-03", "Mar 2026"),
        ("Nov 2026", "2026-11", "Nov 2026"),
        ("november 2026", "2026-11", "Nov 2026"),
        ("Sept 2026", "2026-09", "Sep 2026"),
        ("11/2026", "2026-11", "Nov 2026"),
        ("2026-Q4", "2026-Q4", "Q4 2026"),
        ("2026-q4", "2026-Q4", "Q4 2026"),
        ("Q4 2026", "2026-Q4", "Q4 2026"),
        ("2026-W47", "2026-W47", "Week 47, 2026"),
        ("2026-w7", "2026-W07", "Week 7, 2026"),
        ("Week 47, 2026", "2026-W47", "Week 47, 2026"),
        ("  W47   2026 ", "2026-W47", "Week 47, 2026"),
    ],
)
def test_parse_reads_keys_and_labels(text, key, label):
    period = parse_period(text)
    assert period.key == key
    assert period.label == label


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Choose a period"),
        ("2026-13", "Month 13 does not exist in 2026"),
        ("2026-Q5", "Quarter 5 does not exist in 2026"),
        ("2025-W53", "Week 53 does not exist in 2025 (1 to 52)"),
        ("2026-11-01", "“2026-11-01” is not a period"),
        ("soon", "“soon” is not a period"),
    ],
)
def test_parse_refuses_with_a_clear_message(text, message):
    with pytest.raises(ValidationError) as info:
        parse_period(text)
    assert info.value.field == "period"
    assert message in info.value.message


def test_a_period_of_the_wrong_kind_says_what_is_needed():
    with pytest.raises(ValidationError) as info:
        parse_period("2026-Q4", "month")
    assert info.value.message == (
        "“2026-Q4” is a quarter, but this needs a month (e.g. 2026-11 or Nov 2026)."
    )


def test_iso_week_53_exists_in_long_years_only():
    assert parse_period("2020-W53").start == date(2020, 12, 28)
    with pytest.raises(ValidationError):
        parse_period("2021-W53")


def test_next_and_previous_cross_years():
    assert parse_period("2026-12").next().key == "2027-01"
    assert parse_period("2027-01").previous().key == "2026-12"
    assert parse_period("2026-Q4").next().key == "2027-Q1"
    assert parse_period("2026-Q1").previous().key == "2025-Q4"
    assert parse_period("2026-W52").next().key == "2026-W53"  # 2026 has 53 ISO weeks
    assert parse_period("2020-W53").next().key == "2021-W01"
    assert parse_period("2026-W01").previous().key == "2025-W52"


def test_start_end_and_contains():
    q4 = parse_period("2026-Q4")
    assert (q4.start, q4.end) == (date(2026, 10, 1), date(2026, 12, 31))
    feb = parse_period("2028-02")
    assert feb.end == date(2028, 2, 29)
    week = parse_period("2026-W01")
    assert (week.start, week.end) == (date(2025, 12, 29), date(2026, 1, 4))
    assert week.contains(date(2026, 1, 1))
    assert not week.contains(date(2026, 1, 5))


def test_period_containing_a_date():
    day = date(2026, 11, 18)
    assert period_containing("month", day).key == "2026-11"
    assert period_containing(PeriodKind.QUARTER, day).key == "2026-Q4"
    assert period_containing("week", day).key == "2026-W47"
    # 1 January 2027 is a Friday: still in the last ISO week of 2026
    assert period_containing("week", date(2027, 1, 1)).key == "2026-W53"


def test_recent_periods_end_with_the_given_one_oldest_first():
    keys = [p.key for p in recent_periods(parse_period("2026-02"), 4)]
    assert keys == ["2025-11", "2025-12", "2026-01", "2026-02"]


def test_period_label_of_a_stored_key_and_of_junk():
    assert period_label("2026-Q4") == "Q4 2026"
    assert period_label("whatever") == "whatever"


def test_keys_sort_in_time_order_as_text():
    months = recent_periods(parse_period("2027-03"), 30)
    assert sorted(p.key for p in months) == [p.key for p in months]


@settings(max_examples=50)
@given(
    st.sampled_from(list(PeriodKind)),
    st.dates(min_value=date(1950, 1, 1), max_value=date(2150, 12, 31)),
    st.integers(min_value=-60, max_value=60),
)
def test_keys_round_trip_and_shift_is_reversible(kind, day, steps):
    period = period_containing(kind, day)
    assert period.contains(day)
    assert parse_period(period.key) == period
    assert parse_period(period.label, kind) == period
    assert period.shift(steps).shift(-steps) == period
    assert period.next().start.toordinal() == period.end.toordinal() + 1


@settings(max_examples=50)
@given(st.text(max_size=30))
def test_any_text_is_a_period_or_a_validation_error(text):
    try:
        period = parse_period(text)
    except ValidationError as exc:
        assert exc.field == "period"
    else:
        assert isinstance(period, Period)
