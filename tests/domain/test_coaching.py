"""Coaching pair rules: the weekly check-in due rule and the rotation of pairs."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmeet.domain.coaching import (
    CHECKIN_DAYS,
    PairStatus,
    days_since,
    is_overdue,
    latest_tip_text,
    suggest_round,
    validate_new_pairs,
)
from alignmeet.domain.rules import ValidationError

TODAY = date(2026, 11, 23)


def teams(sales: int, marketing: int) -> tuple[list[int], list[int]]:
    return list(range(1, sales + 1)), list(range(101, 101 + marketing))


def rotate(
    sales: list[int], marketing: list[int], rounds: int
) -> list[tuple[tuple[int, int], ...]]:
    """`rounds` suggestions in a row, each applied before the next."""
    history: list[tuple[int, int]] = []
    result = []
    for _ in range(rounds):
        round_ = suggest_round(sales, marketing, history)
        result.append(round_)
        history += round_
    return result


# ---- the weekly check-in -----------------------------------------------------------------------
def test_a_pair_is_overdue_after_more_than_seven_days() -> None:
    assert CHECKIN_DAYS == 7
    assert not is_overdue(TODAY - timedelta(days=7), TODAY)  # same weekday next week: on time
    assert is_overdue(TODAY - timedelta(days=8), TODAY)
    assert not is_overdue(TODAY, TODAY)
    assert days_since(TODAY - timedelta(days=12), TODAY) == 12


def status(last: date | None, started: date, ended: date | None = None) -> PairStatus:
    return PairStatus(
        id=1,
        sales_member_id=1,
        sales_name="Priya Raman",
        marketing_member_id=2,
        marketing_name="Amara Nwosu",
        started_on=started,
        ended_on=ended,
        last_checkin_on=last,
        checkins=0 if last is None else 1,
        latest_tip="",
        today=TODAY,
    )


def test_before_the_first_check_in_the_start_day_counts() -> None:
    fresh = status(None, TODAY - timedelta(days=3))
    assert not fresh.overdue and fresh.days_since == 3
    forgotten = status(None, TODAY - timedelta(days=10))
    assert forgotten.overdue
    assert forgotten.status_text() == "Overdue — 10 days"
    assert status(TODAY - timedelta(days=2), TODAY - timedelta(days=30)).status_text() == "On track"


def test_an_ended_pair_is_never_overdue() -> None:
    ended = status(None, TODAY - timedelta(days=60), ended=TODAY - timedelta(days=20))
    assert not ended.overdue and ended.status_text() == "Ended"
    assert ended.label == "Priya Raman ↔ Amara Nwosu"


def test_the_latest_tip_is_the_tip_given_or_else_the_question() -> None:
    assert latest_tip_text("Lead with the benchmark", "How to open?") == "Lead with the benchmark"
    assert latest_tip_text("  ", "How to open?") == "Asked: How to open?"
    assert latest_tip_text("", "") == ""


# ---- rotation --------------------------------------------------------------------------------
def test_pair_rotation_covers_everyone_before_repeating() -> None:
    sales, marketing = teams(4, 4)
    rounds = rotate(sales, marketing, 5)
    first_four = [p for r in rounds[:4] for p in r]
    assert len(set(first_four)) == 16  # every Sales member met every Marketing member once
    assert Counter(first_four).most_common(1)[0][1] == 1
    assert set(rounds[4]) <= set(first_four)  # only then a pair meets again
    for round_ in rounds:
        assert sorted(s for s, _ in round_) == sales  # everyone has exactly one partner
        assert sorted(m for _, m in round_) == marketing


def test_with_unequal_teams_the_smaller_team_takes_a_second_partner_in_turn() -> None:
    sales, marketing = teams(5, 3)  # 5 Sales, 3 Marketing
    rounds = rotate(sales, marketing, 3)
    extra = Counter()
    for round_ in rounds:
        assert sorted(s for s, _ in round_) == sales  # nobody on the larger team sits out
        load = Counter(m for _, m in round_)
        assert sorted(load.values()) == [1, 2, 2]  # ⌊5/3⌋ or ⌈5/3⌉ partners each
        extra.update(m for m, n in load.items() if n == 2)
    assert sorted(extra.values()) == [2, 2, 2]  # the second partner goes round fairly
    assert len({p for r in rounds for p in r}) == 15  # and all 15 pairs met once


def test_a_regular_history_keeps_the_round_robin_order() -> None:
    sales, marketing = teams(3, 3)
    rounds = rotate(sales, marketing, 3)
    assert rounds[0] == ((1, 101), (2, 102), (3, 103))
    assert rounds[1] == ((1, 102), (2, 103), (3, 101))


def test_a_newcomer_is_paired_with_someone_new_and_old_pairs_are_avoided() -> None:
    # Hand-made history: 1-101 and 2-102 met twice, 1-102 once; 103 has just joined.
    history = [(1, 101), (2, 102), (1, 101), (2, 102), (1, 102)]
    round_ = suggest_round([1, 2], [101, 102, 103], history)
    assert (1, 101) not in round_ and (2, 102) not in round_
    assert all(Counter(history)[p] <= 1 for p in round_)
    assert len(round_) == 3  # Marketing is larger: all three get a partner


def test_no_members_on_a_side_is_a_clear_message() -> None:
    with pytest.raises(ValidationError) as err:
        suggest_round([1, 2], [], [])
    assert "Marketing" in err.value.message


def test_new_pairs_are_refused_when_listed_twice_or_already_active() -> None:
    validate_new_pairs([(1, 101), (2, 102)], [(1, 102)])
    with pytest.raises(ValidationError, match="twice"):
        validate_new_pairs([(1, 101), (1, 101)], [])
    with pytest.raises(ValidationError, match="already an active"):
        validate_new_pairs([(1, 102)], [(1, 102)])


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=6), st.integers(min_value=1, max_value=6))
def test_any_team_sizes_meet_everyone_once_in_min_size_rounds(s: int, m: int) -> None:
    sales, marketing = teams(s, m)
    k, big = min(s, m), max(s, m)
    rounds = rotate(sales, marketing, k + 1)
    seen = Counter(p for r in rounds[:k] for p in r)
    assert set(seen) == {(a, b) for a in sales for b in marketing}
    assert set(seen.values()) == {1}
    for round_ in rounds:
        assert len(round_) == big
        loads = Counter(b if s >= m else a for a, b in round_)
        assert set(loads.values()) <= {big // k, -(-big // k)}
    assert max(Counter(p for r in rounds for p in r).values()) == 2  # round k+1 repeats once


@settings(max_examples=50, deadline=None)
@given(
    st.integers(min_value=1, max_value=5),
    st.integers(min_value=1, max_value=5),
    st.lists(st.tuples(st.integers(1, 5), st.integers(101, 105)), max_size=20),
)
def test_any_history_gets_a_balanced_round_without_needless_repeats(
    s: int, m: int, history: list[tuple[int, int]]
) -> None:
    sales, marketing = teams(s, m)
    round_ = suggest_round(sales, marketing, history)
    met = Counter(history)
    big, k = max(s, m), min(s, m)
    assert len(round_) == big and len(set(round_)) == big
    larger = [a for a, _ in round_] if s >= m else [b for _, b in round_]
    assert sorted(larger) == (sales if s >= m else marketing)
    loads = Counter(b if s >= m else a for a, b in round_)
    assert set(loads.values()) <= {big // k, -(-big // k)}
    # Repeats are kept down: the most-met pair chosen has met no more often than the
    # most-met pair of the best plain round-robin round.
    robin_worst = min(
        max(met[(a, b) if s >= m else (b, a)] for a, b in _robin(sales, marketing, r))
        for r in range(k)
    )
    assert max(met[p] for p in round_) <= robin_worst


def _robin(sales: list[int], marketing: list[int], r: int) -> list[tuple[int, int]]:
    larger, smaller = (sales, marketing) if len(sales) >= len(marketing) else (marketing, sales)
    return [(x, smaller[(i + r) % len(smaller)]) for i, x in enumerate(larger)]
