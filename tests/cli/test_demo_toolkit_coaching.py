"""Demo coaching pairs: every demo member paired, rounds of history, weekly check-ins."""

import itertools
from collections import Counter
from datetime import date, datetime

import pytest

from alignmeet.demo import build_demo
from alignmeet.domain.sections import Bullets
from alignmeet.services import Services
from alignmeet.storage.database import open_database

TODAY = date(2026, 3, 4)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    services = Services(
        open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3"),
        clock=lambda: datetime(2026, 3, 4, 12, 0),
    )
    summary = build_demo(services, today=TODAY)
    ctx = summary.context
    written = summary.toolkit["coaching"]  # build_demo seeds the toolkit
    yield services, ctx, written
    services.close()


def test_every_member_is_in_an_active_pair_and_one_pair_is_overdue(demo) -> None:
    services, ctx, written = demo
    active = services.coaching.active_pairs(today=TODAY)
    assert written["active coaching pairs"] == len(active) == 5
    assert {p.sales_member_id for p in active} == set(ctx.sales_ids)
    assert {p.marketing_member_id for p in active} == set(ctx.marketing_ids)
    overdue = [p for p in active if p.overdue]
    assert len(overdue) == written["overdue coaching pairs"] == 1
    assert overdue[0].days_since > 7
    assert all(p.latest_tip for p in active)


def test_history_has_earlier_rounds_without_repeats_and_weekly_check_ins(demo) -> None:
    services, _ctx, written = demo
    pairs = services.coaching.list_pairs(today=TODAY)
    assert len(pairs) == written["coaching pairs"] == 15
    counts = Counter((p.sales_member_id, p.marketing_member_id) for p in pairs)
    assert max(counts.values()) == 1  # the rotation has not repeated anyone yet
    for pair in pairs:
        days = sorted(c.held_on for c in services.coaching.checkins(pair.id))
        assert days, pair.label
        assert all((b - a).days <= 10 for a, b in itertools.pairwise(days))
    suggestion = services.coaching.suggest_rotation(TODAY)
    assert all(p.times_met == 0 for p in suggestion.pairs)


def test_held_meetings_minutes_carry_the_check_ins_logged_there(demo) -> None:
    services, ctx, _ = demo
    for meeting_id in ctx.held_meeting_ids:
        (section,) = services.coaching.minutes_sections(meeting_id)
        (bullets,) = [b for b in section.blocks if isinstance(b, Bullets)]
        assert bullets.items and all("Tips given:" in item for item in bullets.items)
