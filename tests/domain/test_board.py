"""Wins and lessons: the entry rules and how an entry reads in the minutes."""

from __future__ import annotations

from datetime import datetime

import pytest

from alignmeet.domain.board import BoardEntryRecord, BoardKind, clean_details, clean_title, one_line
from alignmeet.domain.enums import TeamTag
from alignmeet.domain.rules import ValidationError


def _entry(**fields):
    base = dict(
        id=1,
        kind=BoardKind.LESSON,
        title="Three SQLs went cold",
        details="Nobody owned them\nduring the holidays",
        team_tag=TeamTag.SALES,
        author_id=3,
        author_name="Priya Raman",
        meeting_id=None,
        meeting_title="",
        meeting_date=None,
        resolved=False,
        created_at=datetime(2026, 3, 2, 10, 0),
        version=1,
    )
    base.update(fields)
    return BoardEntryRecord(**base)


def test_title_is_required_and_short():
    assert clean_title("  Fabrikam   signed ") == "Fabrikam signed"
    with pytest.raises(ValidationError) as err:
        clean_title(" ")
    assert (err.value.field, err.value.message) == ("title", "Title cannot be empty.")
    with pytest.raises(ValidationError, match="too long"):
        clean_title("x" * 201)


def test_details_are_optional_but_bounded():
    assert clean_details("  two\nlines  ") == "two\nlines"
    with pytest.raises(ValidationError) as err:
        clean_details("x" * 5001)
    assert err.value.field == "details"


def test_a_lesson_is_open_or_solved_a_win_has_no_status():
    assert _entry().status_label == "Open"
    assert _entry(resolved=True).status_label == "Solved"
    assert _entry(kind=BoardKind.WIN).status_label == ""


def test_minutes_line_folds_details_and_names_who_raised_it():
    assert one_line(_entry()) == (
        "Three SQLs went cold — Nobody owned them during the holidays (Priya Raman · Sales)"
    )
    assert one_line(_entry(details="", author_name="", team_tag=TeamTag.JOINT)) == (
        "Three SQLs went cold (Joint)"
    )


def test_kind_labels():
    assert [k.label for k in BoardKind] == ["Win", "Lesson"]
