"""Personas: profile rules and the points a persona card shows."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmeet.domain.personas import (
    MAX_PROFILE_TEXT,
    PersonaRecord,
    PersonaReference,
    PersonaReferences,
    clean_profile,
    points,
    profile_blocks,
)
from alignmeet.domain.rules import ValidationError


def test_a_profile_needs_a_name_and_keeps_multi_line_text():
    profile = clean_profile(
        name="  Larry,   the CFO ",
        role=" Chief Financial\nOfficer ",
        pains="Forecasts miss by 20%\r\n\r\n\r\nBoard asks why  \n",
    )
    assert profile.name == "Larry, the CFO"
    assert profile.role == "Chief Financial Officer"
    assert profile.pains == "Forecasts miss by 20%\n\n\nBoard asks why"
    with pytest.raises(ValidationError) as err:
        clean_profile(name="   ")
    assert err.value.field == "name"
    assert err.value.message == "Persona name cannot be empty."


@pytest.mark.parametrize("field", ["pains", "goals", "objections", "notes"])
def test_long_profile_text_is_refused_at_its_field(field):
    with pytest.raises(ValidationError) as err:
        clean_profile(name="Larry", **{field: "x" * (MAX_PROFILE_TEXT + 1)})
    assert err.value.field == field


def test_a_role_longer_than_a_title_is_refused():
    with pytest.raises(ValidationError) as err:
        clean_profile(name="Larry", role="r" * 201)
    assert err.value.field == "role"


def test_points_are_the_non_empty_lines_without_typed_bullets():
    text = "- Forecast misses\n\n• Too many tools\n*  Audit findings \n-not a bullet\n2024 budget"
    assert points(text) == (
        "Forecast misses",
        "Too many tools",
        "Audit findings",
        "-not a bullet",
        "2024 budget",
    )


@given(st.text(max_size=300))
@settings(max_examples=50)
def test_points_never_hold_empty_or_padded_lines(text):
    for point in points(text):
        assert point and point == point.strip()
        assert point in text


def _persona(**fields):
    base = dict(
        id=1,
        name="Larry",
        role="CFO",
        pains="a\nb",
        goals="",
        objections="c",
        notes="",
        archived=False,
    )
    base.update(fields)
    return PersonaRecord(**base)


def test_card_blocks_come_as_pains_goals_objections():
    assert profile_blocks(_persona()) == (
        ("Pains", ("a", "b")),
        ("Goals", ()),
        ("Objections", ("c",)),
    )


def test_an_archived_persona_says_so_in_pick_lists():
    assert _persona().label == "Larry"
    assert _persona(archived=True).label == "Larry (archived)"


def test_references_describe_themselves():
    from datetime import date

    ref = PersonaReference("agenda_item", 1, "Campaign", 1, "Sync", date(2026, 3, 2))
    act = PersonaReference("action", 2, "Write", 1, "Sync", date(2026, 3, 2))
    assert PersonaReferences((), ()).describe() == (
        "Not referenced by any agenda item or action yet."
    )
    assert PersonaReferences((ref, ref), (act,)).describe() == (
        "Referenced by 2 agenda items and 1 action."
    )
    assert ref.kind_label == "Agenda item" and act.kind_label == "Action"
