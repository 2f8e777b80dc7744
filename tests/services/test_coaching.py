"""CoachingService: pairs, weekly check-ins, overdue, rotation and the minutes.

The clock is fixed at Monday 2 March 2026 (tests/services/conftest.py).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from alignmeet.domain.rules import ValidationError
from alignmeet.domain.sections import Bullets, Paragraph, Table

TODAY = date(2026, 3, 2)


@pytest.fixture
def co(services):
    return services.coaching


@pytest.fixture
def pair(co, people):
    return co.start_pair(
        sales_member_id=people.ana.id,
        marketing_member_id=people.chloe.id,
        started_on=TODAY - timedelta(days=20),
    )


def test_a_pair_is_one_sales_and_one_marketing_member(co, people) -> None:
    with pytest.raises(ValidationError) as err:
        co.start_pair(sales_member_id=people.chloe.id, marketing_member_id=people.dev.id)
    assert err.value.field == "sales_member_id"
    assert "Chloé Martin is not in Sales" in err.value.message
    with pytest.raises(ValidationError) as err:
        co.start_pair(sales_member_id=people.ana.id, marketing_member_id=people.ben.id)
    assert err.value.field == "marketing_member_id"
    assert co.active_pairs() == []


def test_an_active_pair_cannot_be_started_twice(co, pair, people) -> None:
    with pytest.raises(ValidationError, match="already an active"):
        co.start_pair(sales_member_id=people.ana.id, marketing_member_id=people.chloe.id)
    co.end_pair(pair_id=pair.id)
    again = co.start_pair(sales_member_id=people.ana.id, marketing_member_id=people.chloe.id)
    assert again.id != pair.id


def test_starting_several_pairs_is_all_or_nothing(co, people) -> None:
    with pytest.raises(ValidationError):
        co.start_pairs(pairs=[(people.ana.id, people.chloe.id), (people.ben.id, people.ana.id)])
    assert co.active_pairs() == []


def test_status_counts_days_since_the_last_check_in_or_the_start(co, pair) -> None:
    (status,) = co.active_pairs()
    assert status.last_checkin_on is None
    assert status.days_since == 20 and status.overdue
    co.log_checkin(
        pair_id=pair.id,
        held_on=TODAY - timedelta(days=3),
        progress="Compared pipeline targets",
        tips_asked="How to open a call?",
        tips_given="Lead with the benchmark",
    )
    (status,) = co.active_pairs()
    assert status.last_checkin_on == TODAY - timedelta(days=3)
    assert status.days_since == 3 and not status.overdue
    assert status.latest_tip == "Lead with the benchmark"
    assert status.checkins == 1
    later = co.active_pairs(today=TODAY + timedelta(days=5))[0]
    assert later.overdue and later.status_text() == "Overdue — 8 days"


def test_overdue_pairs_come_first(co, pair, people) -> None:
    fresh = co.start_pair(sales_member_id=people.ben.id, marketing_member_id=people.dev.id)
    assert [p.id for p in co.active_pairs()] == [pair.id, fresh.id]


def test_a_check_in_needs_content_and_a_day_inside_the_pair(co, pair) -> None:
    with pytest.raises(ValidationError) as err:
        co.log_checkin(pair_id=pair.id, held_on=TODAY, progress="  ")
    assert err.value.field == "progress"
    with pytest.raises(ValidationError) as err:
        co.log_checkin(pair_id=pair.id, held_on=TODAY + timedelta(days=1), progress="x")
    assert err.value.field == "held_on" and "future" in err.value.message
    with pytest.raises(ValidationError) as err:
        co.log_checkin(pair_id=pair.id, held_on=TODAY - timedelta(days=21), progress="x")
    assert "started on 10 Feb 2026" in err.value.message
    assert co.checkins(pair.id) == []


def test_check_ins_list_newest_first_and_can_be_edited_or_removed(co, pair, new_meeting) -> None:
    meeting = new_meeting()
    old = co.log_checkin(pair_id=pair.id, held_on=TODAY - timedelta(days=10), progress="One")
    new = co.log_checkin(
        pair_id=pair.id, held_on=TODAY, tips_asked="Objections?", meeting_id=meeting.id
    )
    assert [c.id for c in co.checkins(pair.id)] == [new.id, old.id]
    assert new.meeting_title == "Sync day 0 (2 Mar 2026)"
    edited = co.update_checkin(
        checkin_id=old.id, held_on=TODAY - timedelta(days=9), progress="One, edited"
    )
    assert edited.progress == "One, edited"
    co.remove_checkin(new.id)
    assert [c.id for c in co.checkins(pair.id)] == [old.id]


def test_an_ended_pair_leaves_the_active_list_and_takes_no_later_check_in(co, pair) -> None:
    ended = co.end_pair(pair_id=pair.id, ended_on=TODAY - timedelta(days=5))
    assert ended.status_text() == "Ended"
    assert co.active_pairs() == []
    with pytest.raises(ValidationError, match="ended on"):
        co.log_checkin(pair_id=pair.id, held_on=TODAY, progress="Too late")
    with pytest.raises(ValidationError, match="already ended"):
        co.end_pair(pair_id=pair.id)


def test_rotation_suggests_new_partners_and_says_who_has_met(co, pair, people) -> None:
    co.start_pair(sales_member_id=people.ben.id, marketing_member_id=people.dev.id)
    suggestion = co.suggest_rotation(TODAY)
    proposed = {(p.sales_name, p.marketing_name) for p in suggestion.pairs}
    assert proposed == {("Ana López", "Dev Patel"), ("Ben Okoro", "Chloé Martin")}
    assert all(p.times_met == 0 for p in suggestion.pairs)
    ana = next(p for p in suggestion.pairs if p.sales_name == "Ana López")
    assert ana.sales_has_met == ("Chloé Martin",)
    assert ana.marketing_has_met == ("Ben Okoro",)
    assert suggestion.pairs_met == 2 and suggestion.pairs_possible == 4
    assert suggestion.active_pairs == 2


def test_apply_rotation_ends_current_pairs_and_starts_the_new_ones(co, pair, people) -> None:
    suggestion = co.suggest_rotation(TODAY)
    wanted = [(p.sales_member_id, p.marketing_member_id) for p in suggestion.pairs]
    started = co.apply_rotation(pairs=wanted, today=TODAY)
    assert {(p.sales_member_id, p.marketing_member_id) for p in started} == set(wanted)
    assert {p.id for p in co.active_pairs()} == {p.id for p in started}
    assert co.get_pair(pair.id).ended_on == TODAY


def test_a_refused_rotation_changes_nothing(co, pair, people) -> None:
    with pytest.raises(ValidationError):
        co.apply_rotation(pairs=[(people.ana.id, people.ben.id)], today=TODAY)
    assert [p.id for p in co.active_pairs()] == [pair.id]  # still active
    with pytest.raises(ValidationError):
        co.apply_rotation(pairs=[], today=TODAY)


def test_minutes_show_pairs_when_the_meeting_logged_check_ins(co, pair, new_meeting) -> None:
    meeting = new_meeting()
    assert co.minutes_sections(meeting.id) != ()  # the pair was overdue that day
    co.log_checkin(
        pair_id=pair.id,
        held_on=TODAY,
        progress="Shadowed two calls",
        tips_given="Ask for company size",
        meeting_id=meeting.id,
    )
    (section,) = co.minutes_sections(meeting.id)
    assert section.heading == "Coaching pairs"
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert table.header == ("Pair", "Last check-in", "Status", "Latest tip")
    assert table.rows == (
        ("Ana López ↔ Chloé Martin", "2 Mar 2026", "On track", "Ask for company size"),
    )
    (bullets,) = [b for b in section.blocks if isinstance(b, Bullets)]
    assert bullets.items == (
        "Ana López ↔ Chloé Martin (2 Mar 2026): Progress: Shadowed two calls. "
        "Tips given: Ask for company size.",
    )


def test_minutes_show_overdue_pairs_as_they_were_on_the_meeting_day(co, pair, new_meeting) -> None:
    co.log_checkin(pair_id=pair.id, held_on=TODAY - timedelta(days=2), progress="Fine")
    on_track = new_meeting(day=0)
    assert co.minutes_sections(on_track.id) == ()  # nothing logged, nobody overdue: no section
    earlier = new_meeting(day=-9)  # 11 days after the start, before the check-in
    (section,) = co.minutes_sections(earlier.id)
    assert isinstance(section.blocks[0], Paragraph)
    assert (
        section.blocks[0].text
        == "1 active pair on 21 Feb 2026, 1 overdue for their weekly check-in."
    )
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert table.rows[0][1:3] == ("None yet", "Overdue — 11 days")
