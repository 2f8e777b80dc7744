"""Gathering everything the minutes show, in one read."""

from datetime import timedelta

import pytest

from alignmeet.domain.enums import ActionStatus, Attendance
from alignmeet.services import NotFoundError


@pytest.fixture
def held_meeting(services, new_meeting, people):
    """February: agreed actions. March: Ana, Ben and Chloé present, Dev sent apologies."""
    february = new_meeting(day=-28, title="February sync")
    services.actions.add_action(
        meeting_id=february.id,
        owner_id=people.chloe.id,
        title="Build the shared dashboard",
        today=february.starts_at.date(),
    )
    march = new_meeting(day=0, title="March sync")
    for member in (people.ana, people.ben, people.chloe):
        services.meetings.set_attendance(
            meeting_id=march.id, member_id=member.id, attendance=Attendance.PRESENT
        )
    services.meetings.set_attendance(
        meeting_id=march.id, member_id=people.dev.id, attendance=Attendance.APOLOGIES
    )
    due = march.starts_at.date() + timedelta(days=14)
    for owner, title in (
        (people.ana, "Ask Contoso for a case study"),
        (people.dev, "Write the case study draft"),  # agreed in Dev's absence
        (people.ana, "Share discovery questions"),
    ):
        services.actions.add_action(meeting_id=march.id, owner_id=owner.id, title=title, due=due)
    services.meetings.commit(meeting_id=march.id, member_id=people.ana.id, confidence=4)
    return march


def test_plans_are_grouped_by_member_including_an_owner_who_was_absent(services, held_meeting):
    data = services.minutes.gather(held_meeting.id)
    plans = {p.participant.name: [a.title for a in p.actions] for p in data.plans}
    assert plans == {
        "Ana López": ["Ask Contoso for a case study", "Share discovery questions"],
        "Ben Okoro": [],  # present, no actions yet: visible so nobody is forgotten
        "Chloé Martin": [],
        "Dev Patel": ["Write the case study draft"],
    }
    dev = next(p for p in data.plans if p.participant.name == "Dev Patel")
    assert dev.participant.attendance is Attendance.APOLOGIES


def test_a_member_with_apologies_and_no_actions_has_no_plan(services, held_meeting, people):
    services.actions.remove_action(
        next(
            a.id
            for a in services.actions.actions_for_meeting(held_meeting.id)
            if a.owner_id == people.dev.id
        )
    )
    data = services.minutes.gather(held_meeting.id)
    assert "Dev Patel" not in {p.participant.name for p in data.plans}


def test_an_owner_who_was_not_even_invited_gets_a_plan_marked_absent(services, held_meeting, teams):
    zoe = services.people.add_member(name="Zoë Brandt", team_id=teams["Marketing"])
    services.actions.add_action(
        meeting_id=held_meeting.id, owner_id=zoe.id, title="Send the webinar list"
    )
    plan = services.minutes.gather(held_meeting.id).plans[-1]
    assert plan.participant.name == "Zoë Brandt"
    assert plan.participant.attendance is Attendance.ABSENT
    assert [a.title for a in plan.actions] == ["Send the webinar list"]


def test_minutes_know_who_was_present_and_who_sent_apologies(services, held_meeting):
    data = services.minutes.gather(held_meeting.id)
    assert [p.name for p in data.present] == ["Ana López", "Ben Okoro", "Chloé Martin"]
    assert [p.name for p in data.apologies] == ["Dev Patel"]
    assert data.absent == ()
    ana = data.present[0]
    assert ana.committed and ana.confidence == 4


def test_minutes_include_the_review_of_earlier_actions(services, held_meeting):
    data = services.minutes.gather(held_meeting.id)
    assert [f.action.title for f in data.follow_ups] == ["Build the shared dashboard"]
    assert data.follow_ups[0].action.status is ActionStatus.OPEN


def test_minutes_list_items_with_ideas_and_decisions_and_parked_items_apart(
    services, held_meeting, people
):
    kpi = services.agenda.add_item(meeting_id=held_meeting.id, title="KPI review")
    icp = services.agenda.add_item(meeting_id=held_meeting.id, title="ICP definition")
    services.agenda.add_idea(item_id=kpi.id, text="Report by source", author_id=people.ben.id)
    services.agenda.add_decision(item_id=kpi.id, text="Speed to lead is a shared KPI")
    services.agenda.park_item(item_id=icp.id)

    data = services.minutes.gather(held_meeting.id)

    [item] = data.items
    assert item.item.title == "KPI review"
    assert [(i.author_name, i.text) for i in item.ideas] == [("Ben Okoro", "Report by source")]
    assert [d.text for d in item.decisions] == ["Speed to lead is a shared KPI"]
    assert [p.title for p in data.parked] == ["ICP definition"]


def test_minutes_are_stamped_with_the_clock(services, held_meeting, now):
    data = services.minutes.gather(held_meeting.id)
    assert data.generated_at == now
    assert data.meeting.title == "March sync"


def test_minutes_of_an_unknown_meeting_are_not_found(services):
    with pytest.raises(NotFoundError):
        services.minutes.gather(404)
