"""Data needs Top 10: the rules behind a team's list, the overlap and the suggested joint order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignmeet.domain.data_needs import (
    MAX_RANKED,
    JointEntry,
    action_title,
    overlap,
    ranks_for,
    score,
    suggest_joint,
    validate_joint,
    validate_ranking,
)
from alignmeet.domain.rules import ValidationError

SALES, MARKETING = 1, 2

# A team's list: up to ten distinct need ids out of twenty.
team_list = st.lists(st.integers(1, 20), unique=True, max_size=MAX_RANKED)


def test_a_team_list_holds_at_most_ten_needs():
    assert validate_ranking(range(1, 11)) == tuple(range(1, 11))
    with pytest.raises(ValidationError) as err:
        validate_ranking(range(1, 12), team_name="Sales")
    assert err.value.field == "ranking"
    assert "The Sales list has 11 data needs" in err.value.message


def test_a_team_list_names_each_need_once():
    with pytest.raises(ValidationError, match="same data need twice"):
        validate_ranking([3, 5, 3])


def test_an_empty_list_is_allowed_a_team_may_not_have_ranked_yet():
    assert validate_ranking([]) == ()


@given(team_list)
@settings(max_examples=50)
def test_ranks_run_from_one_without_gaps_in_list_order(ids):
    ranks = ranks_for(ids)
    assert sorted(ranks.values()) == list(range(1, len(ids) + 1))
    assert [ranks[i] for i in ids] == list(range(1, len(ids) + 1))


def test_overlap_is_what_both_teams_want_and_the_rest_is_each_teams_own():
    found = overlap({SALES: [1, 2, 3, 4], MARKETING: [5, 3, 1, 6]})
    assert set(found.shared) == {1, 3}
    assert found.only == {SALES: (2, 4), MARKETING: (5, 6)}


def test_the_overlap_comes_in_suggested_order():
    # 3 scores 8 + 10 = 18, 1 scores 10 + 8 = 18: a tie broken by the best single rank (both 1),
    # then by id — so 1 before 3; 4 scores 7 + 9 = 16 and comes after.
    found = overlap({SALES: [1, 2, 3, 4], MARKETING: [3, 4, 1]})
    assert found.shared == (1, 3, 4)


def test_score_counts_a_number_one_as_ten_and_a_number_ten_as_one():
    rankings = {SALES: list(range(1, 11)), MARKETING: [10]}
    assert score(1, rankings) == 10
    assert score(10, rankings) == 1 + 10
    assert score(99, rankings) == 0


def test_suggestion_puts_the_overlap_first_then_the_combined_score():
    rankings = {SALES: [1, 2, 3], MARKETING: [4, 3]}
    # 3 is on both lists: first, even though Sales' #1 scores higher alone.
    assert suggest_joint(rankings) == (3, 1, 4, 2)


def test_suggestion_keeps_to_ten():
    rankings = {SALES: list(range(1, 11)), MARKETING: list(range(11, 21))}
    assert len(suggest_joint(rankings)) == MAX_RANKED
    assert len(suggest_joint(rankings, limit=None)) == 20


@given(team_list, team_list)
@settings(max_examples=50)
def test_suggestion_properties(sales, marketing):
    rankings = {SALES: sales, MARKETING: marketing}
    suggested = suggest_joint(rankings)
    shared = set(sales) & set(marketing)
    assert len(suggested) == len(set(suggested)) <= MAX_RANKED
    assert set(suggested) <= set(sales) | set(marketing)
    # Everything both teams want comes before anything only one wants.
    flags = [n in shared for n in suggested]
    assert flags == sorted(flags, reverse=True)
    # Within each group, a higher combined score never comes later.
    for group in (True, False):
        scores = [score(n, rankings) for n, f in zip(suggested, flags, strict=True) if f is group]
        assert scores == sorted(scores, reverse=True)
    # Nothing better was left out.
    left_out = (set(sales) | set(marketing)) - set(suggested)
    if left_out:
        assert len(suggested) == MAX_RANKED


@given(team_list, team_list)
@settings(max_examples=50)
def test_overlap_partitions_every_ranked_need(sales, marketing):
    found = overlap({SALES: sales, MARKETING: marketing})
    everything = list(found.shared) + list(found.only[SALES]) + list(found.only[MARKETING])
    assert sorted(everything) == sorted(set(sales) | set(marketing))
    assert set(found.shared) == set(sales) & set(marketing)


def test_joint_top10_needs_one_to_ten_rows_each_need_once_each_with_an_owner():
    titles = {1: "Lead source per opportunity", 2: "Reasons deals are lost"}
    validate_joint([JointEntry(1, 7), JointEntry(2, 8)], titles=titles)
    with pytest.raises(ValidationError, match="at least one"):
        validate_joint([], titles=titles)
    with pytest.raises(ValidationError, match="“Lead source per opportunity” is in the joint"):
        validate_joint([JointEntry(1, 7), JointEntry(1, 8)], titles=titles)
    with pytest.raises(ValidationError) as err:
        validate_joint([JointEntry(1, 7), JointEntry(2, 0)], titles=titles)
    assert err.value.field == "owner"
    assert "Row 2 (“Reasons deals are lost”) needs an owner" in err.value.message
    with pytest.raises(ValidationError, match="11 rows"):
        validate_joint([JointEntry(i, 7) for i in range(11)], titles={})


def test_action_title_names_the_rank():
    assert action_title(3, "Reasons deals are lost") == "Data need #3: Reasons deals are lost"
