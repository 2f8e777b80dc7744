"""Demo data for the toolkit: wins and lessons on the held meetings."""

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
    written = summary.toolkit["board"]  # build_demo seeds the toolkit
    yield services, ctx, written
    services.close()


def test_wins_and_lessons_on_both_held_meetings_and_one_between(demo):
    services, ctx, written = demo
    assert written == {"wins": 5, "lessons": 4}
    first, second = ctx.held_meeting_ids
    assert len(services.board.entries(meeting_id=first)) == 4
    assert len(services.board.entries(meeting_id=second)) == 4
    between = [e for e in services.board.entries() if e.meeting_id is None]
    assert [e.title for e in between] == [
        "Speed-to-lead report now goes out automatically every Monday"
    ]
    assert all(e.author_name for e in services.board.entries())


def test_entries_are_stamped_on_their_meetings_day(demo):
    services, ctx, _written = demo
    for entry in services.board.entries(meeting_id=ctx.held_meeting_ids[0]):
        assert entry.created_at.date() == ctx.meeting_days[0]


def test_the_first_meetings_lessons_are_solved_the_seconds_still_open(demo):
    services, ctx, _written = demo
    lessons = services.board.entries(kind="lesson", unresolved_only=True)
    assert {e.meeting_id for e in lessons} == {ctx.held_meeting_ids[1]}
    (section,) = services.board.minutes_sections(ctx.held_meeting_ids[0])
    statuses = [row[-1] for row in section.blocks[3].rows]
    assert statuses == ["Solved", "Solved"]
