"""Personas: named buyers agenda items and actions refer to, and their cards in the minutes."""

from __future__ import annotations

import pytest

from alignmeet.domain.rules import ValidationError
from alignmeet.domain.sections import Bullets, Paragraph
from alignmeet.services.base import NotFoundError

LARRY = dict(
    name="Larry, the CFO",
    role="Chief Financial Officer, 500-person SaaS company",
    pains="- Forecasts miss by 20%\n- Board asks why pipeline never converts",
    goals="Predictable revenue\nFewer tools",
    objections="“Another tool my team has to learn?”",
)


def test_add_and_get_a_persona(services):
    larry = services.personas.add_persona(**LARRY)
    assert services.personas.get_persona(larry.id) == larry
    assert larry.name == "Larry, the CFO"
    assert larry.goals == "Predictable revenue\nFewer tools"
    assert not larry.archived


def test_names_are_unique_whatever_the_case_and_spacing(services):
    services.personas.add_persona(name="Larry, the CFO")
    with pytest.raises(ValidationError) as err:
        services.personas.add_persona(name="  larry,  THE cfo ")
    assert err.value.field == "name"
    assert err.value.message == "There is already a persona called “Larry, the CFO”."


def test_an_archived_namesake_is_pointed_out(services):
    larry = services.personas.add_persona(name="Larry")
    services.personas.archive_persona(persona_id=larry.id)
    with pytest.raises(ValidationError, match="archived — restore it instead"):
        services.personas.add_persona(name="LARRY")


def test_update_changes_only_the_fields_given(services):
    larry = services.personas.add_persona(**LARRY)
    updated = services.personas.update_persona(persona_id=larry.id, role="CFO", pains="")
    assert updated.role == "CFO"
    assert updated.pains == ""
    assert updated.goals == larry.goals and updated.name == larry.name


def test_update_refuses_a_name_taken_by_another_persona_but_not_its_own(services):
    larry = services.personas.add_persona(name="Larry")
    olivia = services.personas.add_persona(name="Olivia")
    assert services.personas.update_persona(persona_id=larry.id, name="larry").name == "larry"
    with pytest.raises(ValidationError, match="already a persona called “Olivia”"):
        services.personas.update_persona(persona_id=larry.id, name="OLIVIA")
    with pytest.raises(ValidationError) as err:
        services.personas.update_persona(persona_id=olivia.id, name=" ")
    assert err.value.field == "name"


def test_archived_personas_leave_the_list_until_restored(services):
    larry = services.personas.add_persona(name="Larry")
    services.personas.add_persona(name="Olivia")
    services.personas.archive_persona(persona_id=larry.id)
    assert [p.name for p in services.personas.list_personas()] == ["Olivia"]
    everyone = services.personas.list_personas(include_archived=True)
    assert [(p.name, p.archived) for p in everyone] == [("Olivia", False), ("Larry", True)]
    services.personas.restore_persona(persona_id=larry.id)
    assert [p.name for p in services.personas.list_personas()] == ["Larry", "Olivia"]


def test_unknown_persona(services):
    with pytest.raises(NotFoundError):
        services.personas.get_persona(999)
    with pytest.raises(NotFoundError):
        services.personas.archive_persona(persona_id=999)


def _link_item(services, item_id, persona_id):
    services.agenda.update_item(item_id=item_id, persona_id=persona_id)


def _link_action(services, action_id, persona_id):
    services.actions.update_action(action_id=action_id, persona_id=persona_id)


def test_references_list_the_agenda_items_and_actions_naming_the_persona(
    services, new_meeting, people
):
    larry = services.personas.add_persona(**LARRY)
    olivia = services.personas.add_persona(name="Olivia")
    meeting = new_meeting()
    item = services.agenda.add_item(meeting_id=meeting.id, title="Spring campaign", minutes=10)
    other = services.agenda.add_item(meeting_id=meeting.id, title="Pricing page", minutes=10)
    action = services.actions.add_action(
        meeting_id=meeting.id, owner_id=people.chloe.id, title="Rewrite the CFO e-mail"
    )
    _link_item(services, item.id, larry.id)
    _link_item(services, other.id, olivia.id)
    _link_action(services, action.id, larry.id)

    refs = services.personas.references(larry.id)
    assert [(r.kind, r.title) for r in refs.agenda_items] == [("agenda_item", "Spring campaign")]
    assert [(r.kind, r.title) for r in refs.actions] == [("action", "Rewrite the CFO e-mail")]
    assert refs.agenda_items[0].meeting_title == meeting.title
    assert refs.describe() == "Referenced by 1 agenda item and 1 action."
    assert services.personas.references(olivia.id).count == 1


def test_archiving_keeps_the_references(services, new_meeting):
    larry = services.personas.add_persona(name="Larry")
    item = services.agenda.add_item(meeting_id=new_meeting().id, title="Campaign", minutes=10)
    _link_item(services, item.id, larry.id)
    services.personas.archive_persona(persona_id=larry.id)
    assert services.personas.references(larry.id).count == 1


def test_minutes_show_a_card_per_persona_the_agenda_discussed(services, new_meeting):
    larry = services.personas.add_persona(**LARRY)
    olivia = services.personas.add_persona(name="Olivia, Head of Operations", pains="Manual work")
    unused = services.personas.add_persona(name="Raj")
    meeting = new_meeting()
    other_meeting = new_meeting(day=7)
    a = services.agenda.add_item(meeting_id=meeting.id, title="Spring campaign", minutes=10)
    b = services.agenda.add_item(meeting_id=meeting.id, title="Pricing page", minutes=10)
    c = services.agenda.add_item(meeting_id=meeting.id, title="Ops webinar", minutes=10)
    d = services.agenda.add_item(meeting_id=other_meeting.id, title="Later", minutes=10)
    _link_item(services, a.id, larry.id)
    _link_item(services, b.id, larry.id)
    _link_item(services, c.id, olivia.id)
    _link_item(services, d.id, unused.id)

    sections = services.personas.minutes_sections(meeting.id)
    assert [(s.heading, s.level) for s in sections] == [
        ("Personas discussed", 1),
        ("Larry, the CFO", 2),
        ("Olivia, Head of Operations", 2),
    ]
    larry_blocks = sections[1].blocks
    assert Paragraph(LARRY["role"], label="Role: ") in larry_blocks
    assert Paragraph("Spring campaign; Pricing page", label="Discussed in: ") in larry_blocks
    assert Bullets(("Forecasts miss by 20%", "Board asks why pipeline never converts")) in (
        larry_blocks
    )
    assert Bullets(("Predictable revenue", "Fewer tools")) in larry_blocks
    assert Bullets(("“Another tool my team has to learn?”",)) in larry_blocks
    olivia_blocks = sections[2].blocks
    assert Paragraph("none recorded", label="Goals: ", muted=True) in olivia_blocks


def test_no_section_when_the_meeting_named_no_persona(services, new_meeting):
    services.personas.add_persona(name="Larry")
    meeting = new_meeting()
    services.agenda.add_item(meeting_id=meeting.id, title="Campaign", minutes=10)
    assert services.personas.minutes_sections(meeting.id) == ()
