"""Data needs Top 10: each team's list, the overlap, and the joint Top 10 tracked as actions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from alignmeet.domain.data_needs import JointEntry
from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.rules import ValidationError
from alignmeet.domain.sections import Paragraph, Table
from alignmeet.services.base import NotFoundError

TODAY = date(2026, 3, 2)  # the services' fixed clock (tests/services/conftest.py)

TITLES = (
    "Which campaigns generated closed deals",
    "Lead source per opportunity",
    "Reasons deals are lost",
    "Speed to lead per SDR",
    "Content read before a demo",
)


@pytest.fixture
def needs(services):
    """Five data needs, by short name: campaigns, source, lost, speed, content."""
    keys = ("campaigns", "source", "lost", "speed", "content")
    return {k: services.data_needs.add_need(title=t).id for k, t in zip(keys, TITLES, strict=True)}


@pytest.fixture
def ranked(services, teams, needs):
    """Sales: lost, source, speed. Marketing: campaigns, source, content, lost."""
    services.data_needs.set_ranking(
        team_id=teams["Sales"], need_ids=[needs["lost"], needs["source"], needs["speed"]]
    )
    services.data_needs.set_ranking(
        team_id=teams["Marketing"],
        need_ids=[needs["campaigns"], needs["source"], needs["content"], needs["lost"]],
    )
    return needs


# ---- needs ------------------------------------------------------------------------------
def test_add_need_with_a_unique_title(services):
    need = services.data_needs.add_need(title="  Lead source  per opportunity ", description="CRM")
    assert (need.title, need.description, need.joint_rank, need.status) == (
        "Lead source per opportunity",
        "CRM",
        None,
        None,
    )
    with pytest.raises(ValidationError) as err:
        services.data_needs.add_need(title="LEAD SOURCE PER OPPORTUNITY")
    assert err.value.field == "title"
    assert err.value.message == "There is already a data need called “Lead source per opportunity”."
    with pytest.raises(ValidationError, match="cannot be empty"):
        services.data_needs.add_need(title=" ")


def test_needs_are_listed_by_title(services, needs):
    assert [n.title for n in services.data_needs.list_needs()] == sorted(TITLES)


def test_removing_a_need_closes_the_gap_in_the_teams_lists(services, teams, ranked):
    services.data_needs.remove_need(need_id=ranked["source"])
    sales = services.data_needs.rankings()[0]
    assert [n.title for n in sales.needs] == ["Reasons deals are lost", "Speed to lead per SDR"]
    assert [n.rank_for(teams["Sales"]) for n in sales.needs] == [1, 2]


# ---- rankings ---------------------------------------------------------------------------
def test_each_team_has_its_list_most_wanted_first(services, teams, ranked):
    sales, marketing = services.data_needs.rankings()
    assert (sales.team_name, marketing.team_name) == ("Sales", "Marketing")
    assert sales.need_ids == (ranked["lost"], ranked["source"], ranked["speed"])
    assert [n.rank_for(teams["Sales"]) for n in sales.needs] == [1, 2, 3]
    source = services.data_needs.get_need(ranked["source"])
    assert source.wanted_by == "Sales #2 · Marketing #2"
    assert source.shared


def test_reordering_swaps_ranks_in_one_go(services, teams, ranked):
    reordered = services.data_needs.set_ranking(
        team_id=teams["Sales"], need_ids=[ranked["speed"], ranked["lost"]]
    )
    assert reordered.need_ids == (ranked["speed"], ranked["lost"])
    assert services.data_needs.get_need(ranked["source"]).wanted_by == "Marketing #2"


def test_a_list_of_eleven_is_refused_and_the_old_list_stays(services, teams, ranked):
    more = [services.data_needs.add_need(title=f"Need {i}").id for i in range(8)]
    with pytest.raises(ValidationError) as err:
        services.data_needs.set_ranking(
            team_id=teams["Sales"],
            need_ids=[ranked["lost"], ranked["source"], ranked["speed"], *more],
        )
    assert err.value.field == "ranking"
    assert "The Sales list has 11 data needs" in err.value.message
    assert services.data_needs.rankings()[0].need_ids == (
        ranked["lost"],
        ranked["source"],
        ranked["speed"],
    )


def test_a_list_naming_an_unknown_need_changes_nothing(services, teams, ranked):
    with pytest.raises(NotFoundError):
        services.data_needs.set_ranking(team_id=teams["Sales"], need_ids=[ranked["lost"], 999])
    assert len(services.data_needs.rankings()[0].needs) == 3


# ---- overlap ----------------------------------------------------------------------------
def test_overlap_shows_what_both_want_and_the_differences(services, teams, ranked):
    found = services.data_needs.overlap()
    # source: 9 + 9 = 18; lost: 10 + 7 = 17.
    assert [n.title for n in found.shared] == [
        "Lead source per opportunity",
        "Reasons deals are lost",
    ]
    assert [n.title for n in found.only_for(teams["Sales"])] == ["Speed to lead per SDR"]
    assert [n.title for n in found.only_for(teams["Marketing"])] == [
        "Which campaigns generated closed deals",
        "Content read before a demo",
    ]
    assert [n.title for n in found.suggested][:2] == [n.title for n in found.shared]
    assert len(found.suggested) == 5


# ---- the joint Top 10 -------------------------------------------------------------------
def test_agreeing_the_joint_top10_creates_one_joint_action_per_item(
    services, new_meeting, people, ranked
):
    meeting = new_meeting()
    due = TODAY + timedelta(days=21)
    joint = services.data_needs.agree_joint(
        meeting_id=meeting.id,
        entries=[
            (ranked["source"], people.chloe.id, due),
            JointEntry(ranked["lost"], people.ana.id, None),
        ],
    )
    assert [(n.joint_rank, n.title, n.owner_name, n.status, n.due) for n in joint] == [
        (1, "Lead source per opportunity", "Chloé Martin", ActionStatus.OPEN, due),
        (2, "Reasons deals are lost", "Ana López", ActionStatus.OPEN, None),
    ]
    actions = services.actions.actions_for_meeting(meeting.id)
    assert [(a.title, a.owner_name, a.team_tag, a.due) for a in actions] == [
        ("Data need #1: Lead source per opportunity", "Chloé Martin", TeamTag.JOINT, due),
        ("Data need #2: Reasons deals are lost", "Ana López", TeamTag.JOINT, None),
    ]
    history = services.actions.history(actions[0].id)
    assert [(h.new_status, h.note, h.meeting_id) for h in history] == [
        (ActionStatus.OPEN, "Agreed", meeting.id)
    ]
    assert services.data_needs.joint_top10() == joint


def test_joint_items_come_back_in_the_next_meetings_review(services, new_meeting, people, ranked):
    first = new_meeting()
    services.data_needs.agree_joint(
        meeting_id=first.id, entries=[(ranked["source"], people.chloe.id, None)]
    )
    services.meetings.close_meeting(meeting_id=first.id)
    second = new_meeting(day=28)
    reviewed = services.actions.follow_ups(second.id)
    assert [f.action.title for f in reviewed] == ["Data need #1: Lead source per opportunity"]


def test_the_joint_status_is_the_actions_status(services, new_meeting, people, ranked):
    meeting = new_meeting()
    (need,) = services.data_needs.agree_joint(
        meeting_id=meeting.id, entries=[(ranked["source"], people.chloe.id, None)]
    )
    services.actions.set_status(action_id=need.action_id, status=ActionStatus.DONE, note="Live")
    services.actions.update_action(action_id=need.action_id, owner_id=people.dev.id)
    again = services.data_needs.get_need(need.id)
    assert (again.status, again.owner_name) == (ActionStatus.DONE, "Dev Patel")


def test_agreeing_again_updates_the_actions_instead_of_adding_new_ones(
    services, new_meeting, people, ranked
):
    first = new_meeting()
    due = TODAY + timedelta(days=14)
    services.data_needs.agree_joint(
        meeting_id=first.id,
        entries=[
            (ranked["source"], people.chloe.id, due),
            (ranked["lost"], people.ana.id, due),
            (ranked["speed"], people.ben.id, due),
        ],
    )
    second = new_meeting(day=7)
    later = due + timedelta(days=14)
    joint = services.data_needs.agree_joint(
        meeting_id=second.id,
        entries=[(ranked["lost"], people.dev.id, later), (ranked["source"], people.chloe.id, due)],
    )
    assert [(n.joint_rank, n.title, n.owner_name, n.meeting_id) for n in joint] == [
        (1, "Reasons deals are lost", "Dev Patel", second.id),
        (2, "Lead source per opportunity", "Chloé Martin", second.id),
    ]
    assert services.actions.actions_for_meeting(second.id) == []  # no duplicates
    actions = {a.id: a for a in services.actions.actions_for_meeting(first.id)}
    assert len(actions) == 3
    lost = actions[joint[0].action_id]
    assert (lost.title, lost.owner_name, lost.due) == (
        "Data need #1: Reasons deals are lost",
        "Dev Patel",
        later,
    )
    # The due date moved later: kept in the history, as any slipped action.
    lost_history = services.actions.history(lost.id)
    assert lost_history[-1].meeting_id == second.id
    assert (lost_history[-1].old_due, lost_history[-1].new_due) == (due, later)
    # Left out: no joint rank any more, its action dropped with a note.
    speed = services.data_needs.get_need(ranked["speed"])
    assert (speed.joint_rank, speed.status) == (None, ActionStatus.DROPPED)
    assert services.actions.history(speed.action_id)[-1].note == (
        "Left out of the joint data-needs Top 10."
    )
    # And back in: the same action, open again.
    third = new_meeting(day=14)
    services.data_needs.agree_joint(
        meeting_id=third.id, entries=[(ranked["speed"], people.ben.id, later)]
    )
    back = services.data_needs.get_need(ranked["speed"])
    assert (back.joint_rank, back.status, back.action_id) == (1, ActionStatus.OPEN, speed.action_id)


def test_a_done_item_left_out_stays_done(services, new_meeting, people, ranked):
    meeting = new_meeting()
    (need,) = services.data_needs.agree_joint(
        meeting_id=meeting.id, entries=[(ranked["source"], people.chloe.id, None)]
    )
    services.actions.set_status(action_id=need.action_id, status=ActionStatus.DONE)
    services.data_needs.agree_joint(
        meeting_id=meeting.id, entries=[(ranked["lost"], people.ana.id, None)]
    )
    assert services.data_needs.get_need(need.id).status == ActionStatus.DONE


def test_bad_rows_are_refused_and_nothing_changes(services, new_meeting, people, ranked):
    meeting = new_meeting()
    with pytest.raises(ValidationError) as err:
        services.data_needs.agree_joint(
            meeting_id=meeting.id,
            entries=[
                (ranked["source"], people.chloe.id, None),
                (ranked["lost"], people.ana.id, TODAY - timedelta(days=1)),
            ],
        )
    assert err.value.field == "due"
    assert "Row 2 (“Reasons deals are lost”)" in err.value.message
    with pytest.raises(ValidationError, match="twice"):
        services.data_needs.agree_joint(
            meeting_id=meeting.id,
            entries=[
                (ranked["lost"], people.chloe.id, None),
                (ranked["lost"], people.ana.id, None),
            ],
        )
    with pytest.raises(NotFoundError):
        services.data_needs.agree_joint(
            meeting_id=meeting.id, entries=[(ranked["lost"], 999, None)]
        )
    assert services.data_needs.joint_top10() == []
    assert services.actions.actions_for_meeting(meeting.id) == []


def test_a_joint_item_cannot_be_deleted_but_can_be_renamed(services, new_meeting, people, ranked):
    meeting = new_meeting()
    (need,) = services.data_needs.agree_joint(
        meeting_id=meeting.id, entries=[(ranked["source"], people.chloe.id, None)]
    )
    with pytest.raises(ValidationError, match="#1 of the joint Top 10"):
        services.data_needs.remove_need(need_id=need.id)
    services.data_needs.update_need(need_id=need.id, title="Lead source on every opportunity")
    assert services.actions.get_action(need.action_id).title == (
        "Data need #1: Lead source on every opportunity"
    )


# ---- minutes ----------------------------------------------------------------------------
def test_minutes_show_the_agreed_table_in_the_meeting_that_agreed_it(
    services, new_meeting, people, ranked
):
    meeting = new_meeting()
    other = new_meeting(day=7)
    assert services.data_needs.minutes_sections(meeting.id) == ()
    due = TODAY + timedelta(days=21)
    services.data_needs.agree_joint(
        meeting_id=meeting.id,
        entries=[
            (ranked["source"], people.chloe.id, due),
            (ranked["speed"], people.ben.id, None),
        ],
    )
    (section,) = services.data_needs.minutes_sections(meeting.id)
    assert section.heading == "Data needs Top 10"
    assert section.blocks[0] == Paragraph(
        "Both teams ranked the data they need; 1 of the 2 agreed items were on both lists. "
        "Each item is tracked as a joint action."
    )
    table = section.blocks[1]
    assert isinstance(table, Table)
    assert table.header == ("#", "Data need", "Owner", "Due", "Wanted by")
    assert table.rows == (
        (
            "1",
            "Lead source per opportunity",
            "Chloé Martin",
            "23 Mar 2026",
            "Sales #2 · Marketing #2",
        ),
        ("2", "Speed to lead per SDR", "Ben Okoro", "—", "Sales #3"),
    )
    assert services.data_needs.minutes_sections(other.id) == ()
