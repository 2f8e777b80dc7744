"""Demo data for the toolkit: personas named on the demo meetings."""

from __future__ import annotations

from datetime import date

import pytest

from alignmeet.demo import build_demo
from alignmeet.services import Services
from alignmeet.storage.database import open_database

TODAY = date(2026, 3, 4)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    services = Services(open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"))
    summary = build_demo(services, today=TODAY)
    ctx = summary.context
    written = summary.toolkit["personas"]  # build_demo seeds the toolkit
    yield services, ctx, written
    services.close()


def test_three_personas_with_full_profiles(demo):
    services, _ctx, written = demo
    personas = services.personas.list_personas()
    assert [p.name for p in personas] == [
        "Larry, the CFO",
        "Olivia, Head of Operations",
        "Raj, IT Manager",
    ]
    for persona in personas:
        assert persona.role and persona.pains and persona.goals and persona.objections
    assert written["personas"] == 3


def test_agenda_items_and_actions_name_them(demo):
    services, ctx, written = demo
    assert written["agenda items naming a persona"] == 5
    assert written["actions naming a persona"] == 4
    larry = services.personas.list_personas()[0]
    refs = services.personas.references(larry.id)
    assert refs.count == 4
    assert {r.meeting_id for r in refs.agenda_items} == set(ctx.held_meeting_ids)


def test_the_held_meetings_minutes_show_the_personas_discussed(demo):
    services, ctx, _written = demo
    first = services.personas.minutes_sections(ctx.held_meeting_ids[0])
    assert [s.heading for s in first] == [
        "Personas discussed",
        "Larry, the CFO",
        "Olivia, Head of Operations",
    ]
    second = services.personas.minutes_sections(ctx.held_meeting_ids[1])
    assert [s.heading for s in second][1:] == ["Larry, the CFO", "Raj, IT Manager"]
    upcoming = services.personas.minutes_sections(ctx.upcoming_meeting_id)
    assert [s.heading for s in upcoming][1:] == ["Olivia, Head of Operations"]
