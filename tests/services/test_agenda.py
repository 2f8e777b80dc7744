"""Agenda items: order, time boxes, parking to the next meeting, ideas, decisions, templates."""

import pytest

from alignmeet.domain.enums import ItemKind, MeetingStatus
from alignmeet.domain.rules import ValidationError
from alignmeet.services import NotFoundError


def titles(services, meeting_id, **kwargs):
    return [i.title for i in services.agenda.items(meeting_id, **kwargs)]


def positions(services, meeting_id):
    return [i.position for i in services.agenda.items(meeting_id)]


@pytest.fixture
def meeting(new_meeting):
    return new_meeting(day=7, title="March sync")


@pytest.fixture
def abc(services, meeting):
    """An agenda of three items: A (10 min), B (15 min), C (20 min)."""
    add = services.agenda.add_item
    return [
        add(meeting_id=meeting.id, title="A", minutes=10),
        add(meeting_id=meeting.id, title="B", minutes=15),
        add(meeting_id=meeting.id, title="C", minutes=20),
    ]


# ---- order ----------------------------------------------------------------------------
def test_items_are_added_at_the_end_in_order(services, meeting, abc):
    assert titles(services, meeting.id) == ["A", "B", "C"]
    assert positions(services, meeting.id) == [0, 1, 2]


def test_an_item_inserted_at_a_position_pushes_the_rest_down(services, meeting, abc):
    services.agenda.add_item(meeting_id=meeting.id, title="First", position=0)
    assert titles(services, meeting.id) == ["First", "A", "B", "C"]
    assert positions(services, meeting.id) == [0, 1, 2, 3]


def test_moving_an_item_renumbers_the_agenda(services, meeting, abc):
    a, _, _ = abc
    moved = services.agenda.move_item(item_id=a.id, to_position=2)
    assert [i.title for i in moved] == ["B", "C", "A"]
    assert positions(services, meeting.id) == [0, 1, 2]


def test_moving_beyond_the_end_puts_the_item_last(services, meeting, abc):
    services.agenda.move_item(item_id=abc[0].id, to_position=99)
    assert titles(services, meeting.id) == ["B", "C", "A"]


def test_reorder_takes_the_whole_new_order(services, meeting, abc):
    a, b, c = abc
    services.agenda.reorder(meeting_id=meeting.id, item_ids=[c.id, a.id, b.id])
    assert titles(services, meeting.id) == ["C", "A", "B"]
    assert positions(services, meeting.id) == [0, 1, 2]


def test_reorder_must_list_every_item_exactly_once(services, meeting, abc):
    a, b, _ = abc
    with pytest.raises(ValidationError, match="every agenda item once"):
        services.agenda.reorder(meeting_id=meeting.id, item_ids=[a.id, b.id])
    with pytest.raises(ValidationError):
        services.agenda.reorder(meeting_id=meeting.id, item_ids=[a.id, a.id, b.id])
    assert titles(services, meeting.id) == ["A", "B", "C"]


def test_removing_an_item_closes_the_gap(services, meeting, abc):
    services.agenda.remove_item(abc[1].id)
    assert titles(services, meeting.id) == ["A", "C"]
    assert positions(services, meeting.id) == [0, 1]


def test_an_item_needs_a_title_and_a_time_box_of_1_to_480_minutes(services, meeting):
    with pytest.raises(ValidationError) as err:
        services.agenda.add_item(meeting_id=meeting.id, title=" ")
    assert err.value.field == "title"
    for bad in (0, 481):
        with pytest.raises(ValidationError) as err:
            services.agenda.add_item(meeting_id=meeting.id, title="KPIs", minutes=bad)
        assert err.value.field == "minutes"
    assert services.agenda.items(meeting.id) == []


def test_an_item_can_be_edited_with_owner_kind_and_long_notes(services, meeting, abc, people):
    notes = "Line one\nLine two 🚀\n" + "x" * 10_000
    item = services.agenda.update_item(
        item_id=abc[0].id,
        title="Lead rejection reasons",
        owner_id=people.ben.id,
        kind=ItemKind.LEAD_FEEDBACK,
        notes=notes,
    )
    assert item.owner_name == "Ben Okoro"
    assert item.kind is ItemKind.LEAD_FEEDBACK
    assert services.agenda.get_item(item.id).notes == notes.strip()
    assert services.agenda.update_item(item_id=item.id, owner_id=None).owner_name == ""


# ---- time -----------------------------------------------------------------------------
def test_budget_compares_time_boxes_with_the_planned_length(services, meeting, abc):
    budget = services.agenda.budget(meeting.id)
    assert (budget.planned_minutes, budget.boxed_minutes) == (60, 45)
    assert budget.spare_minutes == 15


def test_budget_overrun_when_the_boxes_add_up_to_more_than_planned(services, meeting, abc):
    services.agenda.add_item(meeting_id=meeting.id, title="D", minutes=30)
    budget = services.agenda.budget(meeting.id)
    assert budget.is_overrun
    assert budget.overrun_minutes == 15
    assert "15 min over" in budget.describe()


def test_one_more_minute_extends_the_box_but_not_the_plan(services, meeting, abc):
    item = services.agenda.add_minute(abc[0].id)
    item = services.agenda.add_minute(item.id)
    assert (item.minutes, item.extra_minutes, item.box_minutes) == (10, 2, 12)
    assert services.agenda.budget(meeting.id).boxed_minutes == 45


def test_time_used_is_recorded_per_item_and_never_negative(services, abc):
    services.agenda.record_time(item_id=abc[0].id, used_seconds=605)
    assert services.agenda.get_item(abc[0].id).used_seconds == 605
    services.agenda.record_time(item_id=abc[0].id, used_seconds=-3)
    assert services.agenda.get_item(abc[0].id).used_seconds == 0


# ---- parking --------------------------------------------------------------------------
def test_a_parked_item_leaves_the_agenda_and_the_budget(services, meeting, abc):
    parked = services.agenda.park_item(item_id=abc[1].id)
    assert parked.parked
    assert titles(services, meeting.id, include_parked=False) == ["A", "C"]
    assert services.agenda.budget(meeting.id).boxed_minutes == 30


def test_a_parked_item_lands_in_the_next_meeting_created_after_parking(
    services, new_meeting, people
):
    first = new_meeting(day=0, title="March sync")
    icp = services.agenda.add_item(
        meeting_id=first.id, title="ICP definition", minutes=15, owner_id=people.dev.id
    )
    services.agenda.park_item(item_id=icp.id)

    second = new_meeting(day=28, title="April sync")

    items = services.agenda.items(second.id)
    assert [i.title for i in items] == ["ICP definition"]
    carried = items[0]
    assert (carried.minutes, carried.owner_name, carried.parked) == (15, "Dev Patel", False)
    assert carried.carried_from == "March sync, 2 Mar 2026"


def test_a_parked_item_lands_in_a_next_meeting_that_already_existed(services, new_meeting):
    first = new_meeting(day=0, title="March sync")
    second = new_meeting(day=28, title="April sync")
    services.agenda.add_item(meeting_id=second.id, title="KPI review")
    icp = services.agenda.add_item(meeting_id=first.id, title="ICP definition")

    services.agenda.park_item(item_id=icp.id)

    assert titles(services, second.id) == ["KPI review", "ICP definition"]
    assert positions(services, second.id) == [0, 1]
    assert services.agenda.items(second.id)[1].carried_from == "March sync, 2 Mar 2026"


def test_a_parked_item_goes_to_the_nearest_later_meeting_only_once(services, new_meeting):
    first = new_meeting(day=0)
    second = new_meeting(day=28)
    icp = services.agenda.add_item(meeting_id=first.id, title="ICP definition")
    services.agenda.park_item(item_id=icp.id)
    third = new_meeting(day=56)
    services.agenda.park_item(item_id=icp.id)  # parking again changes nothing
    assert titles(services, second.id) == ["ICP definition"]
    assert titles(services, third.id) == []


def test_a_parked_item_skips_a_later_meeting_that_is_already_running(services, new_meeting):
    from alignmeet.domain.enums import Phase

    first = new_meeting(day=0)
    second = new_meeting(day=28)
    services.meetings.set_phase(meeting_id=second.id, phase=Phase.AGENDA)
    assert services.meetings.get_meeting(second.id).status is MeetingStatus.RUNNING
    icp = services.agenda.add_item(meeting_id=first.id, title="ICP definition")
    services.agenda.park_item(item_id=icp.id)
    assert titles(services, second.id) == []
    third = new_meeting(day=56)
    assert titles(services, third.id) == ["ICP definition"]


def test_unparking_takes_the_item_back_from_a_planned_next_meeting(services, new_meeting):
    first = new_meeting(day=0)
    second = new_meeting(day=28)
    icp = services.agenda.add_item(meeting_id=first.id, title="ICP definition")
    services.agenda.park_item(item_id=icp.id)
    services.agenda.park_item(item_id=icp.id, parked=False)
    assert titles(services, second.id) == []
    assert titles(services, first.id, include_parked=False) == ["ICP definition"]


def test_parked_items_stay_in_their_own_series(services, new_meeting, people):
    first = new_meeting(day=0)
    icp = services.agenda.add_item(meeting_id=first.id, title="ICP definition")
    services.agenda.park_item(item_id=icp.id)
    other = services.meetings.ensure_series(name="Campaign kick-offs")
    elsewhere = new_meeting(day=14, series_id=other.id)
    assert titles(services, elsewhere.id) == []


def test_a_carried_item_follows_the_template_items(services, new_meeting):
    first = new_meeting(day=0)
    icp = services.agenda.add_item(meeting_id=first.id, title="ICP definition")
    services.agenda.park_item(item_id=icp.id)
    template = next(t for t in services.agenda.templates() if t.name == "Lead hand-off review")
    second = new_meeting(day=28, template_id=template.id)
    assert titles(services, second.id) == [*(i.title for i in template.items), "ICP definition"]
    assert positions(services, second.id) == list(range(len(template.items) + 1))


# ---- ideas and decisions ----------------------------------------------------------------
def test_ideas_keep_who_said_them(services, abc, people):
    services.agenda.add_idea(
        item_id=abc[0].id, text="Ask for a rejection reason", author_id=people.ben.id
    )
    services.agenda.add_idea(item_id=abc[0].id, text="Anonymous idea")
    ideas = services.agenda.ideas(abc[0].id)
    assert [(i.author_name, i.text) for i in ideas] == [
        ("Ben Okoro", "Ask for a rejection reason"),
        ("", "Anonymous idea"),
    ]
    services.agenda.remove_idea(ideas[1].id)
    assert len(services.agenda.ideas(abc[0].id)) == 1


def test_decisions_are_recorded_per_item(services, abc):
    decision = services.agenda.add_decision(item_id=abc[1].id, text="MQL means score ≥ 60")
    assert [d.text for d in services.agenda.decisions(abc[1].id)] == ["MQL means score ≥ 60"]
    services.agenda.remove_decision(decision.id)
    assert services.agenda.decisions(abc[1].id) == []


def test_an_empty_idea_or_decision_is_refused(services, abc):
    with pytest.raises(ValidationError):
        services.agenda.add_idea(item_id=abc[0].id, text="  ")
    with pytest.raises(ValidationError):
        services.agenda.add_decision(item_id=abc[0].id, text="")


def test_ideas_for_an_item_that_is_gone_are_not_found(services):
    with pytest.raises(NotFoundError):
        services.agenda.add_idea(item_id=999, text="Orphan")


# ---- templates ------------------------------------------------------------------------
def test_at_least_three_builtin_templates_ship_with_the_app(services):
    builtin = [t for t in services.agenda.templates() if t.builtin]
    assert len(builtin) >= 3
    assert "Monthly Sales & Marketing sync" in {t.name for t in builtin}
    assert all(t.items and t.total_minutes <= t.planned_minutes for t in builtin)


def test_builtin_templates_are_not_added_twice(services):
    count = len(services.agenda.templates())
    services.agenda.ensure_builtin_templates()
    assert len(services.agenda.templates()) == count


def test_an_agenda_can_be_saved_as_a_template_without_its_parked_items(services, meeting, abc):
    services.agenda.park_item(item_id=abc[2].id)
    template = services.agenda.save_as_template(
        meeting_id=meeting.id, name="Our sync", description="  The  usual "
    )
    assert not template.builtin
    assert template.description == "The usual"
    assert [(i.title, i.minutes) for i in template.items] == [("A", 10), ("B", 15)]
    assert template.planned_minutes == 60
    assert "Our sync" in {t.name for t in services.agenda.templates()}


@pytest.mark.parametrize("name", ["our SYNC", "monthly sales & marketing sync"])
def test_template_names_are_unique_ignoring_case(services, meeting, abc, name):
    services.agenda.save_as_template(meeting_id=meeting.id, name="Our sync")
    with pytest.raises(ValidationError, match="already a template called"):
        services.agenda.save_as_template(meeting_id=meeting.id, name=name)


def test_an_empty_agenda_cannot_be_saved_as_a_template(services, meeting):
    with pytest.raises(ValidationError) as err:
        services.agenda.save_as_template(meeting_id=meeting.id, name="Nothing")
    assert err.value.message == "The agenda is empty: add items before saving it."


def test_applying_a_template_appends_its_items(services, meeting, abc):
    template = next(t for t in services.agenda.templates() if t.name == "Data needs workshop")
    services.agenda.apply_template(meeting_id=meeting.id, template_id=template.id)
    assert titles(services, meeting.id) == ["A", "B", "C", *(i.title for i in template.items)]
    assert positions(services, meeting.id) == list(range(3 + len(template.items)))


def test_builtin_templates_cannot_be_deleted_but_own_ones_can(services, meeting, abc):
    builtin = next(t for t in services.agenda.templates() if t.builtin)
    with pytest.raises(ValidationError):
        services.agenda.delete_template(builtin.id)
    own = services.agenda.save_as_template(meeting_id=meeting.id, name="Our sync")
    services.agenda.delete_template(own.id)
    assert "Our sync" not in {t.name for t in services.agenda.templates()}
