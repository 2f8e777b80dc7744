"""Demo data for the toolkit: both teams' lists and the joint Top 10 of the second meeting."""

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
    written = summary.toolkit["data_needs"]  # build_demo seeds the toolkit
    yield services, ctx, written
    services.close()


def test_each_team_ranked_eight_needs_with_an_overlap(demo):
    services, _ctx, written = demo
    sales, marketing = services.data_needs.rankings()
    assert len(sales.needs) == len(marketing.needs) == 8
    found = services.data_needs.overlap()
    assert {n.title for n in found.shared} == {
        "Lead source per opportunity",
        "Reasons deals are lost",
        "Which campaigns generated closed deals",
        "Content a prospect read before the demo",
    }
    assert written == {"data needs": 12, "on both lists": 4, "joint Top 10 items": 10}


def test_the_second_meeting_agreed_the_joint_top10_with_owners(demo):
    services, ctx, _written = demo
    joint = services.data_needs.joint_top10()
    assert [n.joint_rank for n in joint] == list(range(1, 11))
    assert all(n.owner_name and n.meeting_id == ctx.held_meeting_ids[1] for n in joint)
    actions = services.actions.actions_for_meeting(ctx.held_meeting_ids[1])
    data_actions = [a for a in actions if a.title.startswith("Data need #")]
    assert len(data_actions) == 10
    assert all(a.meeting_date == ctx.meeting_days[1] for a in data_actions)
    (section,) = services.data_needs.minutes_sections(ctx.held_meeting_ids[1])
    assert len(section.blocks[1].rows) == 10
    assert services.data_needs.minutes_sections(ctx.held_meeting_ids[0]) == ()


def test_the_joint_items_come_back_in_the_next_meetings_review(demo):
    services, ctx, _written = demo
    reviewed = services.actions.follow_ups(ctx.upcoming_meeting_id)
    data = [f for f in reviewed if f.action.title.startswith("Data need #")]
    assert len(data) == 10
    first = next(f for f in data if f.action.title.startswith("Data need #1:"))
    assert first.action.status.value == "in_progress"
