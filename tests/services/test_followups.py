"""Follow-ups across meetings: the list and its filters, search, the decisions log, team
balance, "my commitments", the history's "who", and the in-memory index the page uses.

The clock is Monday 2 March 2026 (TODAY). A small history: two series, three meetings,
actions with every status, due dates before, around and after today, notes, ideas,
decisions and agenda notes.
"""

from __future__ import annotations

import itertools
import sqlite3
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace

import pytest

from alignmeet.demo import build_large_demo
from alignmeet.domain.enums import OPEN_STATUSES, ActionStatus, TeamTag
from alignmeet.services.followups import (
    DUE_BUCKETS,
    SORT_FIELDS,
    ActionFilter,
    FollowUpIndex,
    snippet,
)
from alignmeet.storage.fulltext import fts_query, search_words

TODAY = date(2026, 3, 2)  # the services' clock (tests/services/conftest.py)
OPEN = frozenset(OPEN_STATUSES)
DAY = timedelta(days=1)


def at(day: date) -> datetime:
    return datetime.combine(day, time(10, 0))


@pytest.fixture
def world(services, people, series, today):
    """Two series; an old meeting (January), last month's (February) and a quarterly
    review; actions of every status and due bucket, with notes, ideas and decisions."""
    assert today == TODAY
    sv = services
    quarterly = sv.meetings.ensure_series(name="Quarterly pipeline review")
    everyone = [m.id for m in vars(people).values()]
    jan = sv.meetings.create_meeting(
        title="January sync",
        starts_at=at(TODAY - 40 * DAY),
        series_id=series.id,
        facilitator_id=people.chloe.id,
        invitee_ids=everyone,
    )
    feb = sv.meetings.create_meeting(
        title="February sync",
        starts_at=at(TODAY - 12 * DAY),
        series_id=series.id,
        facilitator_id=people.ana.id,
        invitee_ids=everyone,
    )
    q1 = sv.meetings.create_meeting(
        title="Q1 review",
        starts_at=at(TODAY - 5 * DAY),
        series_id=quarterly.id,
        facilitator_id=people.dev.id,
        invitee_ids=everyone,
    )

    def add(meeting, owner, title, due, **kwargs):
        return sv.actions.add_action(
            meeting_id=meeting.id,
            owner_id=owner.id,
            title=title,
            due=due,
            today=meeting.starts_at.date(),
            **kwargs,
        )

    a = SimpleNamespace(
        # January: overdue, done, dropped, slipped twice
        call=add(jan, people.ana, "Call every webinar lead within a day", TODAY - 20 * DAY),
        deck=add(jan, people.chloe, "Send the webinar deck to Sofía's accounts", TODAY - 30 * DAY),
        old=add(jan, people.ben, "Clean up the lead-scoring sheet", TODAY - 25 * DAY),
        case=add(jan, people.dev, "Draft the Contoso case study", TODAY - 35 * DAY),
        # February: this week, later, no date, joint
        icp=add(
            feb, people.ana, "Agree one ICP with Marketing", TODAY + 3 * DAY, team_tag=TeamTag.JOINT
        ),
        persona=add(feb, people.chloe, "Write the persona for Larry the CFO", TODAY + 20 * DAY),
        crm=add(feb, people.ben, "Add a rejection reason field to the CRM", None),
        # Quarterly: blocked, overdue
        pricing=add(q1, people.dev, "Test the pricing page with Sales", TODAY - 2 * DAY),
    )
    # History: in meetings (facilitator recorded) and outside them.
    sv.actions.set_status(
        action_id=a.deck.id, status=ActionStatus.DONE, note="Sent to 212 leads", meeting_id=feb.id
    )
    sv.actions.set_status(action_id=a.old.id, status=ActionStatus.DROPPED, note="Obsolete")
    sv.actions.set_status(
        action_id=a.call.id,
        status=ActionStatus.IN_PROGRESS,
        note="Half the SDRs use the new queue",
        meeting_id=feb.id,
    )
    sv.actions.set_status(
        action_id=a.pricing.id, status=ActionStatus.BLOCKED, note="Waiting on legal"
    )
    sv.actions.update_action(
        action_id=a.case.id, due=TODAY - 10 * DAY, meeting_id=feb.id, note="Contoso legal"
    )
    sv.actions.update_action(action_id=a.case.id, due=TODAY + 10 * DAY, note="Moved again")
    # Ideas, decisions, agenda notes.
    item = sv.agenda.add_item(meeting_id=feb.id, title="Lead quality", minutes=10)
    sv.agenda.update_item(item_id=item.id, notes="Rejected leads: mostly students and competitors")
    sv.agenda.add_idea(item_id=item.id, text="Score webinar attendance by minutes watched")
    sv.agenda.add_decision(item_id=item.id, text="Every rejected lead gets a reason code")
    glossary = sv.agenda.add_item(meeting_id=q1.id, title="Glossary: qualified lead", minutes=5)
    sv.agenda.add_decision(item_id=glossary.id, text="An SQL needs budget and timing confirmed")
    return SimpleNamespace(
        sv=sv,
        series=series,
        quarterly=quarterly,
        jan=jan,
        feb=feb,
        q1=q1,
        a=a,
        people=people,
    )


def titles(rows):
    return [r.action.title for r in rows]


def ids(rows):
    return {r.action.id for r in rows}


def actions(world, **kwargs):
    return world.sv.followups.actions(ActionFilter(**kwargs), today=TODAY)


# ---- the list and its filters ------------------------------------------------------------
def test_every_action_of_every_meeting_by_due_date_without_a_date_last(world):
    rows = actions(world)
    assert len(rows) == 8
    dues = [r.action.due for r in rows]
    assert dues[-1] is None
    assert dues[:-1] == sorted(dues[:-1])


def test_a_row_says_where_it_came_from_how_often_it_slipped_and_its_last_note(world):
    (row,) = [r for r in actions(world) if r.action.id == world.a.case.id]
    assert row.series_name == "Monthly Sales & Marketing sync"
    assert row.owner_team == "Marketing"
    assert row.action.meeting_title == "January sync"
    assert row.action.meeting_date == TODAY - 40 * DAY
    assert row.times_slipped == 2
    assert row.last_note == "Moved again"
    (fresh,) = [r for r in actions(world) if r.action.id == world.a.persona.id]
    assert (fresh.times_slipped, fresh.last_note) == (0, "Agreed")


def test_filter_by_owner(world):
    assert ids(actions(world, owner_id=world.people.ana.id)) == {world.a.call.id, world.a.icp.id}


def test_filter_by_team_tag(world):
    assert ids(actions(world, team_tag=TeamTag.JOINT)) == {world.a.icp.id}
    sales = ids(actions(world, team_tag=TeamTag.SALES))
    assert sales == {world.a.call.id, world.a.old.id, world.a.crm.id}


def test_filter_by_series(world):
    assert ids(actions(world, series_id=world.quarterly.id)) == {world.a.pricing.id}
    assert len(actions(world, series_id=world.series.id)) == 7


def test_filter_by_status_open_means_open_in_progress_or_blocked(world):
    rows = actions(world, statuses=OPEN)
    assert world.a.deck.id not in ids(rows) and world.a.old.id not in ids(rows)
    assert {r.action.status for r in rows} == set(OPEN_STATUSES)
    assert ids(actions(world, statuses=frozenset({ActionStatus.DONE}))) == {world.a.deck.id}


@pytest.mark.parametrize(
    ("bucket", "expected"),
    [
        ("overdue", {"call", "pricing"}),  # open and past due; done/dropped ones are not late
        ("this_week", {"icp"}),
        ("later", {"persona", "case"}),
        ("none", {"crm"}),
    ],
)
def test_filter_by_due_bucket(world, bucket, expected):
    assert ids(actions(world, due=bucket)) == {getattr(world.a, k).id for k in expected}


def test_an_unknown_due_bucket_is_refused(world):
    with pytest.raises(ValueError, match="due bucket"):
        actions(world, due="someday")


def test_filter_by_meeting(world):
    assert ids(actions(world, meeting_id=world.q1.id)) == {world.a.pricing.id}


def test_text_finds_titles_and_history_notes_every_word_as_a_prefix(world):
    assert ids(actions(world, text="webinar")) == {world.a.call.id, world.a.deck.id}
    assert ids(actions(world, text="webin deck")) == {world.a.deck.id}  # all words, prefixes
    assert ids(actions(world, text="legal")) == {world.a.pricing.id, world.a.case.id}  # notes
    assert ids(actions(world, text="SOFIA")) == {world.a.deck.id}  # case and accents
    assert actions(world, text="webinar pricing") == []


def test_filters_combine(world):
    rows = actions(world, statuses=OPEN, series_id=world.series.id, due="overdue", text="lead")
    assert ids(rows) == {world.a.call.id}


# ---- search across meetings --------------------------------------------------------------
def test_search_finds_actions_ideas_decisions_and_agenda_notes_newest_meeting_first(world):
    hits = world.sv.followups.search("webinar")
    kinds = {(h.kind, h.meeting_title) for h in hits}
    assert ("action", "January sync") in kinds
    assert ("idea", "February sync") in kinds
    assert [h.meeting_date for h in hits] == sorted((h.meeting_date for h in hits), reverse=True)
    decision = world.sv.followups.search("reason code")
    assert [(h.kind, h.title) for h in decision] == [("decision", "Lead quality")]
    note = world.sv.followups.search("competitors")
    assert [(h.kind, h.title, h.meeting_id) for h in note] == [
        ("note", "Lead quality", world.feb.id)
    ]


def test_an_action_found_by_a_note_in_its_history_shows_that_note(world):
    (hit,) = world.sv.followups.search("SDRs queue")
    assert hit.kind == "action" and hit.action_id == world.a.call.id
    assert hit.title == "Call every webinar lead within a day"
    assert hit.snippet == "Half the SDRs use the new queue"
    assert hit.meeting_id == world.jan.id  # where the action was agreed


def test_search_keeps_user_text_inert(world):
    for text in ('"', "*", "OR", 'NEAR("a" "b")', "title:webinar", "-deck", "a' OR 1=1 --", "%_"):
        world.sv.followups.search(text)  # no FTS syntax error, no SQL
        actions(world, text=text)
    assert world.sv.followups.search("   ") == []
    assert world.sv.followups.search("— & ·") == []


def test_search_words_and_fts_query():
    assert search_words("  webinar  follow-up  webinar ") == ["webinar", "follow-up"]
    assert fts_query('say "hi"') == '"say"* """hi"""*'
    assert fts_query("Q 3") == '"Q" "3"'  # one letter: whole word only
    assert fts_query("— ·") is None


def test_a_long_text_is_shortened_around_the_first_word_found():
    text = "Start. " + "filler " * 40 + "The Sofía webinar follow-up " + "tail " * 40
    piece = snippet(text, ["sofia"], width=60)
    assert piece.startswith("…") and piece.endswith("…")
    assert "Sofía" in piece and len(piece) <= 62
    assert snippet("short text", ["x"]) == "short text"


def test_the_index_follows_edits_and_deletions(world):
    sv = world.sv
    sv.actions.update_action(action_id=world.a.crm.id, title="Add a churn reason to the CRM")
    assert ids(actions(world, text="rejection")) == set()
    assert ids(actions(world, text="churn")) == {world.a.crm.id}
    sv.meetings.delete_meeting(world.q1.id)
    assert sv.followups.search("pricing") == []
    assert sv.followups.search("budget timing") == []


def test_without_fts_the_same_searches_run_with_like(world):
    """What a PostgreSQL server gets (ILIKE): the same results for whole words."""
    fts = {text: ids(actions(world, text=text)) for text in ("webinar", "legal", "lead reason")}
    hits = {text: len(world.sv.followups.search(text)) for text in ("webinar", "competitors")}
    decisions = len(world.sv.followups.decisions("reason"))
    world.sv.followups._fts = False
    assert {text: ids(actions(world, text=text)) for text in fts} == fts
    assert {text: len(world.sv.followups.search(text)) for text in hits} == hits
    assert len(world.sv.followups.decisions("reason")) == decisions


# ---- decisions log -----------------------------------------------------------------------
def test_the_decisions_log_lists_every_decision_with_its_meeting_newest_first(world):
    log = world.sv.followups.decisions()
    assert [(d.meeting_title, d.item_title, d.text) for d in log] == [
        ("Q1 review", "Glossary: qualified lead", "An SQL needs budget and timing confirmed"),
        ("February sync", "Lead quality", "Every rejected lead gets a reason code"),
    ]
    assert log[0].series_name == "Quarterly pipeline review"
    assert log[0].meeting_id == world.q1.id


def test_the_decisions_log_searches_decisions_and_item_titles_and_filters_by_series(world):
    fu = world.sv.followups
    assert [d.text for d in fu.decisions("reason")] == ["Every rejected lead gets a reason code"]
    assert [d.item_title for d in fu.decisions("glossary")] == ["Glossary: qualified lead"]
    assert [d.meeting_title for d in fu.decisions(series_id=world.series.id)] == ["February sync"]
    assert fu.decisions("nothing like this") == []


# ---- team balance ------------------------------------------------------------------------
def test_team_balance_counts_open_done_and_overdue_per_team(world):
    balance = {b.team_tag: b for b in world.sv.followups.team_balance(ActionFilter(), TODAY)}
    assert list(balance) == [TeamTag.SALES, TeamTag.MARKETING, TeamTag.JOINT]
    sales, marketing, joint = balance.values()
    assert (sales.open, sales.done, sales.overdue, sales.dropped) == (2, 0, 1, 1)
    assert (marketing.open, marketing.done, marketing.overdue) == (3, 1, 1)
    assert (joint.open, joint.done, joint.overdue) == (1, 0, 0)
    assert sales.label == "Sales"


def test_team_balance_follows_the_filters_except_the_status(world):
    fu = world.sv.followups
    only_done = ActionFilter(statuses=frozenset({ActionStatus.DONE}))
    assert fu.team_balance(only_done, TODAY) == fu.team_balance(ActionFilter(), TODAY)
    chloe = {b.team_tag: b for b in fu.team_balance(ActionFilter(owner_id=world.people.chloe.id))}
    assert (chloe[TeamTag.MARKETING].open, chloe[TeamTag.MARKETING].done) == (1, 1)
    assert chloe[TeamTag.SALES].open == 0


# ---- my commitments ----------------------------------------------------------------------
def test_my_commitments_are_the_open_actions_across_series_and_every_i_commit(world):
    sv, dev = world.sv, world.people.dev
    for meeting, confidence in ((world.jan, 4), (world.q1, 2)):
        sv.meetings.set_attendance(meeting_id=meeting.id, member_id=dev.id, attendance="present")
        sv.meetings.commit(meeting_id=meeting.id, member_id=dev.id, confidence=confidence)
    mine = sv.followups.member_commitments(dev.id, TODAY)
    assert mine.member.name == "Dev Patel"
    assert [r.action.title for r in mine.actions] == [
        "Test the pricing page with Sales",
        "Draft the Contoso case study",
    ]
    assert {r.series_name for r in mine.actions} == {
        "Monthly Sales & Marketing sync",
        "Quarterly pipeline review",
    }
    assert [(c.meeting_title, c.confidence, c.open_actions) for c in mine.commitments] == [
        ("Q1 review", 2, 1),
        ("January sync", 4, 1),
    ]


# ---- history: who, when, where -----------------------------------------------------------
def test_history_says_who_changed_it_the_facilitator_in_a_meeting_nobody_outside(world):
    sv = world.sv
    history = sv.actions.history(world.a.call.id)
    assert [(u.meeting_title, u.changed_by_name, u.note) for u in history] == [
        ("January sync", "Chloé Martin", "Agreed"),  # Chloé facilitated January
        ("February sync", "Ana López", "Half the SDRs use the new queue"),
    ]
    assert history[1].changed_by_id == world.people.ana.id
    assert history[1].meeting_date == world.feb.starts_at.date()
    outside = sv.actions.history(world.a.pricing.id)[-1]
    assert (outside.meeting_id, outside.changed_by_id, outside.changed_by_name) == (None, None, "")
    assert outside.meeting_title == ""


def test_history_shows_each_due_date_move_and_slipped_twice(world):
    moves = [u for u in world.sv.actions.history(world.a.case.id) if u.old_status is not None]
    assert [(u.old_due, u.new_due, u.slipped) for u in moves] == [
        (TODAY - 35 * DAY, TODAY - 10 * DAY, True),
        (TODAY - 10 * DAY, TODAY + 10 * DAY, True),
    ]
    earlier = world.sv.actions.update_action(action_id=world.a.case.id, due=TODAY + 5 * DAY)
    (row,) = [r for r in actions(world) if r.action.id == earlier.id]
    assert row.times_slipped == 2  # moving it earlier is not a slip


def test_the_review_of_the_next_meeting_shows_how_often_an_action_slipped(world, new_meeting):
    march = new_meeting(day=7, title="March sync")
    (case,) = [f for f in world.sv.actions.follow_ups(march.id) if f.action.id == world.a.case.id]
    assert case.times_slipped == 2


# ---- the in-memory index -----------------------------------------------------------------
def every_filter(world):
    owners = [None, world.people.ana.id, world.people.dev.id]
    tags = [None, TeamTag.SALES, TeamTag.JOINT]
    series = [None, world.series.id]
    statuses = [None, OPEN, frozenset({ActionStatus.DONE, ActionStatus.DROPPED})]
    dues = [None, *DUE_BUCKETS]
    texts = ["", "lead", "legal"]
    for owner, tag, serie, status, due, text in itertools.product(
        owners, tags, series, statuses, dues, texts
    ):
        yield ActionFilter(
            owner_id=owner, team_tag=tag, series_id=serie, statuses=status, due=due, text=text
        )


def test_the_index_selects_exactly_what_the_database_selects(world):
    fu = world.sv.followups
    index = FollowUpIndex(fu.lines(), fu.directory())
    checked = 0
    for flt in every_filter(world):
        positions, balance = index.select(flt, TODAY, fu.matching_action_ids(flt.text))
        expected = sorted(fu.lines(flt, today=TODAY), key=lambda x: (x.due or date.max, x.id))
        assert index.rows(positions) == expected, flt
        assert balance == fu.team_balance(flt, TODAY), flt
        checked += 1
    assert checked == 3 * 3 * 2 * 3 * 5 * 3


def test_the_index_sorts_by_every_field_keeping_due_order_for_ties(world):
    fu = world.sv.followups
    index = FollowUpIndex(fu.lines(), fu.directory())
    every, _ = index.select(ActionFilter(), TODAY)
    assert index.order(every, "due") == every
    by_title = index.rows(index.order(every, "title"))
    assert [x.title.casefold() for x in by_title] == sorted(x.title.casefold() for x in by_title)
    by_owner = index.rows(index.order(every, "owner", descending=True))
    names = [index.directory.owner_name(x) for x in by_owner]
    assert names == sorted(names, reverse=True)
    for name in ("Ana López", "Dev Patel"):  # ties in due order
        dues = [x.due or date.max for x in by_owner if index.directory.owner_name(x) == name]
        assert dues == sorted(dues)
    by_meeting = index.rows(index.order(every, "meeting"))
    assert by_meeting[0].meeting_id == world.jan.id
    assert [x.times_slipped for x in index.rows(index.order(every, "slipped"))][-1] == 2
    for field in SORT_FIELDS:
        assert sorted(index.order(every, field)) == sorted(every)
    with pytest.raises(ValueError, match="sort field"):
        index.order(every, "colour")


def test_the_index_takes_in_one_meetings_changes(world):
    fu, sv = world.sv.followups, world.sv
    index = FollowUpIndex(fu.lines(), fu.directory())
    index.sort_keys("note")
    sv.actions.set_status(action_id=world.a.icp.id, status=ActionStatus.DONE, note="Agreed v1")
    assert index.update_meeting(world.feb.id, fu.lines(ActionFilter(meeting_id=world.feb.id)))
    assert not index.has_sort_keys("note")
    positions, _ = index.select(ActionFilter(statuses=frozenset({ActionStatus.DONE})), TODAY)
    assert {x.id for x in index.rows(positions)} == {world.a.icp.id, world.a.deck.id}
    # A new action cannot be patched in: the index is rebuilt for that meeting.
    added = sv.actions.add_action(
        meeting_id=world.feb.id, owner_id=world.people.ben.id, title="New one", today=TODAY
    )
    feb_lines = fu.lines(ActionFilter(meeting_id=world.feb.id))
    assert not index.update_meeting(world.feb.id, feb_lines)
    index = index.with_meeting(world.feb.id, feb_lines)
    assert added.id in {x.id for x in index.lines}
    assert len(index) == 9
    # A deleted meeting's actions leave with it.
    sv.meetings.delete_meeting(world.jan.id)
    index = index.with_directory(fu.directory())
    assert {x.meeting_id for x in index.lines} == {world.feb.id, world.q1.id}


# ---- a long history ----------------------------------------------------------------------
@pytest.fixture
def large(services):
    summary = build_large_demo(
        services, today=TODAY, meetings=12, members=12, actions=3_000, seed=7
    )
    return SimpleNamespace(sv=services, summary=summary)


def test_the_large_demo_writes_a_consistent_five_year_history(large):
    s, sv = large.summary, large.sv
    assert (s.meetings, s.members, s.actions, s.series) == (12, 12, 3_000, 3)
    assert s.first_date <= TODAY - timedelta(days=4 * 365) and s.last_date < TODAY
    assert s.actions <= s.updates <= 3 * s.actions
    assert 0 < s.open_actions < s.actions and s.slipped_actions > 0
    rows = sv.followups.actions(ActionFilter(), today=TODAY)
    assert len(rows) == 3_000
    assert sum(1 for r in rows if r.action.status.is_open) == s.open_actions
    assert sum(1 for r in rows if r.times_slipped) == s.slipped_actions
    # The running totals agree with the history they summarise.
    for row in rows[::97]:
        history = sv.actions.history(row.action.id)
        assert 1 <= len(history) <= 3
        assert row.times_slipped == sum(u.slipped for u in history)
        assert row.last_note == next((u.note for u in reversed(history) if u.note), "")
        assert history[0].changed_by_name  # agreed in a meeting: its facilitator
    with pytest.raises(ValueError, match="without meetings"):
        build_large_demo(sv, today=TODAY, meetings=3, members=6, actions=10)


@pytest.mark.sqlite_only  # FTS5 integrity checks over the file
def test_the_large_demo_is_searchable_and_its_full_text_index_is_sound(large):
    sv = large.sv
    assert sv.followups.search("webinar")
    assert sv.followups.decisions()
    con = sqlite3.connect(sv.db.path)
    try:
        for fts in ("action_fts", "action_update_fts", "idea_fts", "decision_fts"):
            con.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


# ---- on a PostgreSQL server (ILIKE instead of FTS5) --------------------------------------
def test_on_postgresql_the_follow_ups_search_and_index_agree(postgres_database):
    """On a scratch database of its own (the server's named database may hold anything, and
    parallel workers share the server)."""
    from alignmeet.services import open_services

    sv = open_services(postgres_database())
    try:
        assert not sv.meetings.list_meetings()
        build_large_demo(sv, today=TODAY, meetings=9, members=8, actions=900, seed=3)
        fu = sv.followups
        assert not sv.db.is_sqlite
        index = FollowUpIndex(fu.lines(), fu.directory())
        for flt in (
            ActionFilter(),
            ActionFilter(statuses=OPEN, due="overdue"),
            ActionFilter(text="webinar", team_tag=TeamTag.JOINT),
        ):
            positions, balance = index.select(flt, TODAY, fu.matching_action_ids(flt.text))
            expected = sorted(fu.lines(flt, today=TODAY), key=lambda x: (x.due or date.max, x.id))
            assert index.rows(positions) == expected
            assert balance == fu.team_balance(flt, TODAY)
        assert fu.search("webinar") and fu.decisions()
        meeting = sv.meetings.list_meetings()[0]
        owner = sv.people.list_members()[0]
        added = sv.actions.add_action(
            meeting_id=meeting.id, owner_id=owner.id, title="After the bulk load", today=TODAY
        )
        assert added.id > 900  # the id sequence moved past the loaded rows
    finally:
        sv.close()


def test_many_actions_do_not_crowd_out_ideas_decisions_and_notes(world):
    hits = world.sv.followups.search("webinar", limit=2)
    assert [h.kind for h in hits] == ["idea", "action"]  # February's idea, January's action


# ---- the list in the database: counted, windowed and sorted as the page shows it ----------
def _in_order(index, flt, field, descending):
    """What the in-memory index (the specification of the order) gives for this filter."""
    positions, _ = index.select(flt, TODAY, index.text_ids(flt.text))
    return index.rows(index.order(positions, field, descending=descending, in_due_order=True))


@pytest.fixture
def index_of(world):
    fu = world.sv.followups
    index = FollowUpIndex(fu.lines(), fu.directory())
    index.text_ids = lambda text: fu.matching_action_ids(text)  # type: ignore[attr-defined]
    return index


def test_the_database_counts_and_orders_every_filter_as_the_index_does(world, index_of):
    fu = world.sv.followups
    for flt in every_filter(world):
        expected = _in_order(index_of, flt, "due", False)
        assert fu.count(flt, today=TODAY) == len(expected), flt
        assert fu.window(flt, today=TODAY, limit=100) == expected, flt


@pytest.mark.parametrize("field", SORT_FIELDS)
def test_each_sort_field_in_both_directions_keeps_due_order_for_ties(world, index_of, field):
    fu = world.sv.followups
    filters = [
        ActionFilter(),
        ActionFilter(statuses=OPEN),
        ActionFilter(owner_id=world.people.chloe.id),
        ActionFilter(series_id=world.series.id, due="overdue"),
        ActionFilter(text="lead"),
    ]
    every = [getattr(world.a, name).id for name in vars(world.a)]
    for flt in filters:
        for descending in (False, True):
            expected = _in_order(index_of, flt, field, descending)
            got = fu.window(flt, today=TODAY, sort=field, descending=descending, limit=100)
            assert got == expected, (flt, field, descending)
            total = len(expected)
            # Windows of three, read from either end (the second half from the end).
            pieces = [
                fu.window(
                    flt, today=TODAY, sort=field, descending=descending,
                    offset=start, limit=3, total=total,
                )
                for start in range(0, total, 3)
            ]  # fmt: skip
            assert [x for piece in pieces for x in piece] == expected
            where = {line.id: row for row, line in enumerate(expected)}
            for action_id in every:
                position = fu.position(
                    action_id, flt, today=TODAY, sort=field, descending=descending
                )
                assert position == where.get(action_id), (flt, field, descending, action_id)


def test_the_first_window_and_its_count_come_together_as_they_do_apart(world, index_of):
    fu = world.sv.followups
    for flt in every_filter(world):
        for field in ("due", "title", "owner", "note"):
            expected = _in_order(index_of, flt, field, True)
            got = fu.first_window(flt, today=TODAY, sort=field, descending=True, limit=4)
            assert got == (len(expected), expected[:4]), (flt, field)


def test_a_window_carries_what_a_change_needs_and_refuses_unknown_orders(world):
    fu = world.sv.followups
    (line,) = fu.window(ActionFilter(meeting_id=world.q1.id), today=TODAY)
    assert (line.id, line.series_id, line.status) == (
        world.a.pricing.id,
        world.quarterly.id,
        "blocked",
    )
    assert line.version == world.sv.actions.get_action(line.id).version  # for `seen=`
    assert fu.window(ActionFilter(), today=TODAY, limit=0) == []
    assert fu.window(ActionFilter(), today=TODAY, offset=50) == []
    # past the end of a list that shrank since its count: nothing (not everything, not a
    # negative LIMIT PostgreSQL refuses)
    for sort in ("due", "title", "note"):
        assert fu.window(ActionFilter(), today=TODAY, sort=sort, offset=50, total=3) == []
    with pytest.raises(ValueError, match="sort field"):
        fu.window(ActionFilter(), today=TODAY, sort="colour")
