"""Goal and KPI rules: status against the target, trend, numbers as people type them."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmeet import i18n
from alignmeet.domain.goals import (
    Disposition,
    KpiStatus,
    Trend,
    format_value,
    kpi_status,
    kpi_trend,
    parse_number,
    vs_target_text,
)
from alignmeet.domain.rules import ValidationError


@pytest.mark.parametrize(
    ("value", "target", "higher", "status"),
    [
        (31, 30, True, KpiStatus.ON_TARGET),
        (30, 30, True, KpiStatus.ON_TARGET),
        (28, 30, True, KpiStatus.NEAR),  # within 10 % below
        (26, 30, True, KpiStatus.OFF_TARGET),
        # speed to lead in hours: lower is better
        (0.8, 1.0, False, KpiStatus.ON_TARGET),
        (1.05, 1.0, False, KpiStatus.NEAR),
        (3.7, 1.0, False, KpiStatus.OFF_TARGET),
        (5, None, True, KpiStatus.NO_TARGET),
        (None, 30, True, KpiStatus.NO_DATA),
    ],
)
def test_status_honours_which_way_is_better(value, target, higher, status):
    assert kpi_status(value, target, higher) is status


def test_trend_is_better_when_it_moves_the_right_way():
    assert kpi_trend(23, 27, True) == (Trend.BETTER, "up")
    assert kpi_trend(27, 23, True) == (Trend.WORSE, "down")
    assert kpi_trend(3.7, 2.1, False) == (Trend.BETTER, "down")
    assert kpi_trend(2.1, 3.7, False) == (Trend.WORSE, "up")
    assert kpi_trend(5, 5, True) == (Trend.FLAT, "")
    assert kpi_trend(None, 5, True) == (Trend.NONE, "")


def test_trend_text():
    assert Trend.BETTER.text("down") == "▼ better"
    assert Trend.WORSE.text("up") == "▲ worse"
    assert Trend.FLAT.text("") == "= same"
    assert Trend.NONE.text("") == "—"


def test_against_target_in_points_for_percentages_and_relative_otherwise():
    assert vs_target_text(27, 30, "%", KpiStatus.OFF_TARGET) == "Off target (−3 pts)"
    assert vs_target_text(1.5, 1, "h", KpiStatus.OFF_TARGET) == "Off target (+50 %)"
    assert vs_target_text(1_720_000, 1_800_000, "$") == "−4.4 %"
    assert vs_target_text(None, 30, "%") == "No data"
    assert vs_target_text(12, None, "") == "No target"


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (23.5, "%", "23.5 %"),
        (3.67, "h", "3.67 h"),
        (1_600_000, "$", "$1.6M"),
        (1_800_000, "€", "€1.8M"),
        (640_000, "EUR", "EUR 640k"),
        (86, "leads", "86 leads"),
        (-2500, "$", "−$2,500"),
        (None, "%", "—"),
    ],
)
def test_format_value(value, unit, text):
    assert format_value(value, unit) == text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("23,5", 23.5),
        ("23.5", 23.5),
        ("1 300 000", 1_300_000),
        ("1.300.000", 1_300_000),
        ("1,300,000", 1_300_000),
        ("1.300.000,50", 1_300_000.5),
        ("1,300,000.50", 1_300_000.5),
        ("23 %", 23),
        ("$1,300.5", 1300.5),
        ("1300 €", 1300),
        ("(250)", -250),
        ("−3", -3),
        ("", None),
        ("  ", None),
        (None, None),
        (4, 4.0),
    ],
)
def test_parse_number_reads_what_spreadsheets_hold(text, number):
    assert parse_number(text, field="value", label="Value") == number


@pytest.mark.parametrize("text", ["abc", "1..2x", "nan", "inf"])
def test_parse_number_names_the_field(text):
    with pytest.raises(ValidationError) as info:
        parse_number(text, field="target", label="Target")
    assert info.value.field == "target"
    assert info.value.message.startswith("Target")


def test_dispositions_have_labels_and_hints():
    assert [d.label for d in Disposition] == ["Continue", "Improve", "Eliminate"]
    assert "stop" in Disposition.ELIMINATE.hint


@settings(max_examples=50)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12))
def test_a_typed_number_reads_back(number):
    assert parse_number(repr(number), field="value", label="Value") == pytest.approx(number)


@settings(max_examples=50)
@given(
    st.floats(min_value=-1e6, max_value=1e6),
    st.floats(min_value=-1e6, max_value=1e6),
    st.booleans(),
)
def test_on_target_is_exactly_the_right_side(value, target, higher):
    status = kpi_status(value, target, higher)
    right_side = value >= target if higher else value <= target
    assert (status is KpiStatus.ON_TARGET) == right_side


@pytest.mark.parametrize(
    ("language", "ambiguous", "decimal", "both", "readings"),
    [
        ("en", "1,300", "1.300", "1,300.5", ("1300", "1.3")),
        ("de", "1.300", "1,300", "1.300,5", ("1300", "1,3")),
    ],
)
def test_a_lone_thousands_separator_is_asked_about_in_the_language_of_the_screen(
    language, ambiguous, decimal, both, readings
):
    """“1,300” on an English screen and “1.300” on a German one may be a thousand or a
    decimal: refused with both readings; the language's decimal separator reads as one."""
    with i18n.use_language(language):
        with pytest.raises(ValidationError) as info:
            parse_number(f"${ambiguous}", field="value", label="Value")
        assert info.value.field == "value"
        assert all(reading in info.value.message for reading in readings)
        assert parse_number(decimal, field="value", label="Value") == 1.3
        assert parse_number(both, field="value", label="Value") == 1300.5


def test_compact_values_reach_billions_and_trillions_in_both_languages():
    """1e15 read “1000000000M leads” on a chart axis: compact values go up to B and T
    (German Mrd. and Bio., as the app already writes Mio.), and an axis puts a minus sign
    before the currency symbol as the tables do."""
    from alignmeet import i18n
    from alignmeet.domain.goals import axis_labels, format_value

    assert format_value(2.5e9, "$") == "$2.5B"
    assert format_value(9e14, "leads") == "900T leads"
    assert axis_labels([-500_000, 0, 500_000], "$") == ["−$500k", "$0k", "$500k"]
    with i18n.use_language("de"):
        assert format_value(2.5e9, "€") == "€2,5 Mrd."
        assert format_value(1.2e12, "leads") == "1,2 Bio. leads"
        assert axis_labels([-500_000, 0, 500_000], "$") == ["−$500 Tsd.", "$0 Tsd.", "$500 Tsd."]
