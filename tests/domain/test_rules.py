"""Validation and meeting rules shared by services, CLI and UI."""

from datetime import date

import pytest

from alignmeet.domain.rules import (
    DEFAULT_END_GOAL,
    MAX_TITLE,
    AgendaBudget,
    ValidationError,
    clean_line,
    due_state,
    format_minutes_seconds,
    name_key,
    optional_text,
    require_text,
    validate_confidence,
    validate_email,
    validate_minutes,
)

TODAY = date(2026, 3, 2)


# ---- text -----------------------------------------------------------------------------
def test_one_line_text_is_trimmed_and_inner_white_space_folded():
    assert clean_line("  Lead\n feedback \t review ") == "Lead feedback review"
    assert clean_line(None) == ""


def test_names_match_ignoring_case_spacing_and_full_width_letters():
    assert name_key("  Ana   LÓPEZ ") == name_key("ana lópez")
    assert name_key("ＳＡＬＥＳ") == name_key("Sales")
    assert name_key("Straße") == name_key("STRASSE")


def test_required_text_refuses_empty_and_says_which_field():
    with pytest.raises(ValidationError) as err:
        require_text("title", "   \n ", label="Meeting title")
    assert err.value.field == "title"
    assert err.value.message == "Meeting title cannot be empty."
    assert isinstance(err.value, ValueError)


def test_required_text_refuses_too_long_and_says_how_long():
    with pytest.raises(ValidationError, match=r"too long \(201 characters; at most 200\)"):
        require_text("title", "x" * (MAX_TITLE + 1), label="Meeting title")
    assert require_text("title", "x" * MAX_TITLE, label="Meeting title") == "x" * MAX_TITLE


def test_required_text_keeps_emoji_and_right_to_left_names():
    assert require_text("name", " سارة 🚀 ", label="Name") == "سارة 🚀"


def test_optional_text_keeps_line_breaks_but_trims_the_ends():
    assert optional_text("notes", "\n first\n second \n", label="Notes") == "first\n second"
    assert optional_text("notes", None, label="Notes") == ""
    with pytest.raises(ValidationError) as err:
        optional_text("notes", "x" * 11, label="Notes", limit=10)
    assert err.value.field == "notes"


def test_a_long_note_of_ten_thousand_characters_is_accepted():
    assert len(optional_text("notes", "n" * 10_000, label="Notes")) == 10_000


@pytest.mark.parametrize("value", ["ana", "@example.com", "ana@", "ana lopez@example.com"])
def test_bad_email_addresses_are_refused_at_the_email_field(value):
    with pytest.raises(ValidationError) as err:
        validate_email(value)
    assert err.value.field == "email"
    assert "is not an e-mail address" in err.value.message


@pytest.mark.parametrize("value", ["", None, "  ana@example.com "])
def test_good_or_missing_email_addresses_are_accepted(value):
    assert validate_email(value) in ("", "ana@example.com")


def test_minutes_must_be_within_bounds():
    assert validate_minutes("minutes", 1, label="Time box") == 1
    assert validate_minutes("minutes", 600, label="Time box") == 600
    for bad in (0, -5, 601):
        with pytest.raises(ValidationError, match="between 1 and 600 minutes"):
            validate_minutes("minutes", bad, label="Time box")


def test_confidence_is_optional_and_from_one_to_five():
    assert validate_confidence(None) is None
    assert [validate_confidence(n) for n in range(1, 6)] == [1, 2, 3, 4, 5]
    for bad in (0, 6, -1):
        with pytest.raises(ValidationError) as err:
            validate_confidence(bad)
        assert err.value.field == "confidence"


def test_the_default_end_goal_is_an_action_plan_per_person_and_a_commitment():
    assert "action plan" in DEFAULT_END_GOAL
    assert "commitment" in DEFAULT_END_GOAL


# ---- agenda budget --------------------------------------------------------------------
def test_budget_with_spare_time():
    budget = AgendaBudget(planned_minutes=60, boxed_minutes=50)
    assert not budget.is_overrun
    assert budget.spare_minutes == 10
    assert budget.overrun_minutes == 0
    assert budget.describe() == "Agenda 50 min of 60 min planned — 10 min spare"


def test_budget_overrun_is_flagged_with_how_many_minutes():
    budget = AgendaBudget(planned_minutes=60, boxed_minutes=75)
    assert budget.is_overrun
    assert budget.overrun_minutes == 15
    assert budget.spare_minutes == 0
    assert budget.describe().endswith("— 15 min over")


def test_budget_exactly_on_time():
    budget = AgendaBudget(planned_minutes=60, boxed_minutes=60)
    assert not budget.is_overrun
    assert budget.describe().endswith("exactly on time")


# ---- due dates ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("due", "state"),
    [
        (None, "none"),
        (date(2026, 3, 1), "overdue"),
        (date(2026, 3, 2), "soon"),  # due today is not overdue yet
        (date(2026, 3, 9), "soon"),  # exactly a week ahead
        (date(2026, 3, 10), "later"),
    ],
)
def test_due_state_relative_to_today(due, state):
    assert due_state(due, TODAY) == state


def test_due_soon_window_can_be_changed():
    assert due_state(date(2026, 3, 5), TODAY, soon_days=2) == "later"
    assert due_state(date(2026, 3, 4), TODAY, soon_days=2) == "soon"


# ---- timer text -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (5, "0:05"),
        (725, "12:05"),
        (725.9, "12:05"),  # whole seconds only, never rounded up early
        (-200, "-3:20"),  # overtime
        (3600, "1:00:00"),
        (2 * 3600 + 61, "2:01:01"),
        (-3725, "-1:02:05"),
    ],
)
def test_format_minutes_seconds(seconds, text):
    assert format_minutes_seconds(seconds) == text
