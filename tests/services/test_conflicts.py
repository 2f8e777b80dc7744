"""Two facilitators on one database (a SQLite file, and a PostgreSQL server when one is
reachable): the second save of the same field gets a ConflictError carrying both
versions, never a silent overwrite; different fields and different records just work."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from alignmeet.domain.enums import ActionStatus
from alignmeet.services import Services
from alignmeet.services.base import ConflictError
from alignmeet.storage.database import open_database

from .conftest import NOW, TODAY


@pytest.fixture
def other(db_url):
    """A second facilitator: their own Services (their own engine) on the same database."""
    services = Services(open_database(db_url), clock=lambda: NOW)
    yield services
    services.close()


@pytest.fixture
def meeting(new_meeting):
    return new_meeting(0, title="Monthly sync")


@pytest.fixture
def action(services, meeting, people):
    return services.actions.add_action(
        meeting_id=meeting.id, owner_id=people.ana.id, title="Send the deck", due=TODAY
    )


@pytest.fixture
def item(services, meeting):
    return services.agenda.add_item(meeting_id=meeting.id, title="Lead quality", minutes=15)


def test_the_second_save_of_an_action_title_is_a_conflict_with_both_versions(
    services, other, action
):
    other.actions.get_action(action.id)  # both have the action on screen
    services.actions.update_action(action_id=action.id, title="Send the deck by Friday")
    with pytest.raises(ConflictError) as info:
        other.actions.update_action(action_id=action.id, title="Send the new deck")
    conflict = info.value
    assert conflict.what == "Action “Send the deck by Friday”"
    assert conflict.mine == {"title": "Send the new deck"}
    assert conflict.theirs == {"title": "Send the deck by Friday"}
    assert not conflict.same_values
    # Nothing was overwritten, for either of them.
    assert services.actions.get_action(action.id).title == "Send the deck by Friday"
    assert other.actions.get_action(action.id).title == "Send the deck by Friday"


def test_a_conflict_is_raised_again_until_it_is_acknowledged(services, other, action):
    other.actions.get_action(action.id)
    services.actions.update_action(action_id=action.id, title="Theirs")
    for _ in range(2):  # a plain retry is no way round it
        with pytest.raises(ConflictError):
            other.actions.update_action(action_id=action.id, title="Mine")
    assert services.actions.get_action(action.id).title == "Theirs"


def test_keep_mine_saves_on_top_of_their_version(services, other, action, people):
    other.actions.get_action(action.id)
    services.actions.update_action(action_id=action.id, title="Theirs", owner_id=people.ben.id)
    with pytest.raises(ConflictError) as info:
        other.actions.update_action(action_id=action.id, title="Mine", owner_id=people.dev.id)
    assert info.value.mine == {"title": "Mine", "owner_id": "Dev Patel"}  # names, not ids
    assert info.value.theirs == {"title": "Theirs", "owner_id": "Ben Okoro"}
    other.actions.acknowledge_conflict(info.value)
    kept = other.actions.update_action(action_id=action.id, title="Mine", owner_id=people.dev.id)
    assert (kept.title, kept.owner_id) == ("Mine", people.dev.id)
    assert services.actions.get_action(action.id).title == "Mine"


def test_keep_mine_conflicts_again_when_a_third_change_came_in_between(services, other, action):
    other.actions.get_action(action.id)
    services.actions.update_action(action_id=action.id, title="Theirs 1")
    with pytest.raises(ConflictError) as first:
        other.actions.update_action(action_id=action.id, title="Mine")
    services.actions.update_action(action_id=action.id, title="Theirs 2")
    other.actions.acknowledge_conflict(first.value)
    with pytest.raises(ConflictError) as second:
        other.actions.update_action(action_id=action.id, title="Mine")
    assert second.value.theirs == {"title": "Theirs 2"}


def test_take_theirs_then_the_next_edit_goes_through(services, other, action):
    other.actions.get_action(action.id)
    services.actions.update_action(action_id=action.id, title="Theirs")
    with pytest.raises(ConflictError) as info:
        other.actions.update_action(action_id=action.id, title="Mine")
    other.actions.acknowledge_conflict(info.value)
    assert other.actions.get_action(action.id).title == "Theirs"
    assert other.actions.update_action(action_id=action.id, title="Theirs, edited").title == (
        "Theirs, edited"
    )


def test_two_status_changes_of_one_action_keep_one_history_entry_each_time(
    services, other, action, meeting
):
    other.actions.get_action(action.id)
    services.actions.set_status(action_id=action.id, status=ActionStatus.DONE, note="Sent")
    with pytest.raises(ConflictError) as info:
        other.actions.set_status(action_id=action.id, status=ActionStatus.BLOCKED, note="Legal")
    assert info.value.mine == {"status": "blocked"}
    assert info.value.theirs == {"status": "done"}
    history = services.actions.history(action.id)
    assert [(u.new_status, u.note) for u in history][1:] == [(ActionStatus.DONE, "Sent")]
    other.actions.acknowledge_conflict(info.value)
    other.actions.set_status(action_id=action.id, status=ActionStatus.BLOCKED, note="Legal")
    history = services.actions.history(action.id)
    assert [(u.old_status, u.new_status) for u in history][1:] == [
        (ActionStatus.OPEN, ActionStatus.DONE),
        (ActionStatus.DONE, ActionStatus.BLOCKED),
    ]


def test_the_same_value_saved_by_both_is_still_reported_but_marked_alike(services, other, action):
    other.actions.get_action(action.id)
    services.actions.update_action(action_id=action.id, milestone="count 1")
    with pytest.raises(ConflictError) as info:  # e.g. two counters read 0 and both wrote 1
        other.actions.update_action(action_id=action.id, milestone="count 1")
    assert info.value.same_values


def test_a_moved_due_date_conflicts_and_is_kept_in_the_history_once(services, other, action):
    other.actions.get_action(action.id)
    services.actions.update_action(action_id=action.id, due=TODAY + timedelta(days=7))
    with pytest.raises(ConflictError) as info:
        other.actions.update_action(action_id=action.id, due=TODAY + timedelta(days=3))
    assert info.value.theirs == {"due": TODAY + timedelta(days=7)}
    assert len(services.actions.history(action.id)) == 2  # agreed, moved once


def test_meeting_details_the_same_field_conflicts(services, other, meeting):
    other.meetings.get_meeting(meeting.id)
    services.meetings.update_meeting(meeting_id=meeting.id, topic="Q3 pipeline")
    with pytest.raises(ConflictError) as info:
        other.meetings.update_meeting(meeting_id=meeting.id, topic="Lead hand-off")
    assert (info.value.mine, info.value.theirs) == (
        {"topic": "Lead hand-off"},
        {"topic": "Q3 pipeline"},
    )
    assert services.meetings.get_meeting(meeting.id).topic == "Q3 pipeline"


def test_meeting_details_different_fields_are_merged(services, other, meeting, people):
    other.meetings.get_meeting(meeting.id)
    services.meetings.update_meeting(meeting_id=meeting.id, title="Renamed sync")
    services.meetings.record_elapsed(meeting_id=meeting.id, seconds=300)  # the running clock
    other.meetings.update_meeting(
        meeting_id=meeting.id, place="Room 4", facilitator_id=people.chloe.id
    )
    stored = services.meetings.get_meeting(meeting.id)
    assert (stored.title, stored.place, stored.facilitator_id) == (
        "Renamed sync",
        "Room 4",
        people.chloe.id,
    )
    assert stored.elapsed_seconds == 300


def test_clearing_a_field_someone_else_set_is_a_conflict(services, other, meeting, people):
    other.meetings.get_meeting(meeting.id)
    services.meetings.update_meeting(meeting_id=meeting.id, note_taker_id=people.dev.id)
    with pytest.raises(ConflictError) as info:
        other.meetings.update_meeting(meeting_id=meeting.id, note_taker_id=None)
    assert info.value.theirs == {"note_taker_id": "Dev Patel"}
    assert info.value.mine == {"note_taker_id": None}


def test_agenda_notes_conflict_but_the_item_timer_does_not(services, other, item):
    other.agenda.items(item.meeting_id)
    services.agenda.record_time(item_id=item.id, used_seconds=90)  # the room's running timer
    other.agenda.update_item(item_id=item.id, notes="Marketing shares the scoring sheet")
    services.agenda.update_item(item_id=item.id, title="Lead quality and scoring")  # merged
    with pytest.raises(ConflictError) as info:
        services.agenda.update_item(item_id=item.id, notes="Sales sends 10 rejected leads")
    assert info.value.what == "Agenda item “Lead quality and scoring”"
    assert info.value.theirs == {"notes": "Marketing shares the scoring sheet"}
    stored = other.agenda.get_item(item.id)
    assert (stored.notes, stored.title, stored.used_seconds) == (
        "Marketing shares the scoring sheet",
        "Lead quality and scoring",
        90,
    )


def test_ones_own_saves_never_conflict_with_themselves(services, action, meeting, item):
    for n in range(3):
        services.actions.update_action(action_id=action.id, title=f"Draft {n}")
        services.actions.set_status(action_id=action.id, status=ActionStatus.IN_PROGRESS)
        services.meetings.update_meeting(meeting_id=meeting.id, topic=f"Topic {n}")
        services.meetings.close_meeting(meeting_id=meeting.id)
        services.meetings.reopen_meeting(meeting.id)
        services.agenda.update_item(item_id=item.id, notes=f"Notes {n}")
        services.agenda.park_item(item_id=item.id, parked=bool(n % 2))
    assert services.actions.get_action(action.id).title == "Draft 2"


def test_reading_the_record_again_does_not_hide_the_conflict(services, other, action, meeting):
    """A screen reloads what it shows but keeps the field being typed into, and the undo
    stack reads the record just before saving: neither read counts as having seen theirs."""
    other.actions.get_action(action.id)
    other.meetings.get_meeting(meeting.id)
    services.actions.update_action(action_id=action.id, title="Theirs")
    services.meetings.update_meeting(meeting_id=meeting.id, planned_minutes=90)
    other.actions.get_action(action.id)
    other.actions.actions_for_meeting(meeting.id)
    other.meetings.get_meeting(meeting.id)
    with pytest.raises(ConflictError):
        other.actions.update_action(action_id=action.id, title="Mine")
    with pytest.raises(ConflictError) as info:
        other.meetings.update_meeting(meeting_id=meeting.id, planned_minutes=45)
    assert (info.value.mine, info.value.theirs) == (
        {"planned_minutes": 45},
        {"planned_minutes": 90},
    )


def test_a_change_made_by_another_use_case_of_this_client_is_its_own(services, action):
    from alignmeet.services.base import side_effect
    from alignmeet.storage import models as m

    with services.db.transaction() as s, side_effect(s):  # e.g. the data-needs Top 10
        s.get(m.Action, action.id).title = "Data need #1: win-loss reasons"
    saved = services.actions.update_action(action_id=action.id, title="Win-loss reasons")
    assert saved.title == "Win-loss reasons"


def test_a_validation_error_after_a_conflicting_read_still_guards_the_next_save(
    services, other, meeting
):
    other.meetings.get_meeting(meeting.id)
    services.meetings.update_meeting(meeting_id=meeting.id, title="Theirs")
    with pytest.raises(Exception, match="cannot be empty"):
        other.meetings.update_meeting(meeting_id=meeting.id, title="  ")
    with pytest.raises(ConflictError):  # the failed save did not count as having seen theirs
        other.meetings.update_meeting(meeting_id=meeting.id, title="Mine")


def test_a_record_never_read_by_this_client_is_saved_as_asked(services, other, action):
    """Without a version to compare with there is nothing to protect (e.g. a script)."""
    services.actions.update_action(action_id=action.id, title="Theirs")
    fresh = Services(open_database(other.db.url if other.db.path is None else other.db.path))
    try:
        assert fresh.actions.update_action(action_id=action.id, title="Mine").title == "Mine"
    finally:
        fresh.close()


def test_two_facilitators_create_different_records_in_turn(services, other, meeting, people):
    for n in range(5):
        services.actions.add_action(meeting_id=meeting.id, owner_id=people.ana.id, title=f"A{n}")
        other.actions.add_action(meeting_id=meeting.id, owner_id=people.dev.id, title=f"B{n}")
        services.agenda.add_item(meeting_id=meeting.id, title=f"Item A{n}")
        other.agenda.add_item(meeting_id=meeting.id, title=f"Item B{n}")
        services.agenda.add_idea(item_id=services.agenda.items(meeting.id)[0].id, text=f"I{n}")
    titles = [a.title for a in services.actions.actions_for_meeting(meeting.id)]
    assert sorted(titles) == sorted([f"A{n}" for n in range(5)] + [f"B{n}" for n in range(5)])
    items = other.agenda.items(meeting.id)
    assert [i.position for i in items] == list(range(10))


@pytest.mark.parametrize("db_backend", ["postgresql"], indirect=True)
def test_on_a_server_racing_saves_of_one_field_one_wins_the_others_conflict(db_url, action):
    """Eight facilitators save the same title at the same moment (real threads, one
    engine each): one save wins and every other one gets a ConflictError, never an
    overwrite. They all passed the check against what they had read, so it is the
    database (the UPDATE's `version = :old`, version_id_col) that stops the losers.
    (One AlignMeet per SQLite file: concurrent writers are a server's case.)"""
    clients = [Services(open_database(db_url), clock=lambda: NOW) for _ in range(8)]
    try:
        for c in clients:
            c.actions.get_action(action.id)
        barrier = threading.Barrier(len(clients))
        outcome: dict[int, str] = {}

        def save(n: int) -> None:
            barrier.wait()
            try:
                clients[n].actions.update_action(action_id=action.id, title=f"Title {n}")
                outcome[n] = "saved"
            except ConflictError:
                outcome[n] = "conflict"
            except Exception as exc:
                outcome[n] = f"error: {exc!r}"

        threads = [threading.Thread(target=save, args=(n,)) for n in range(len(clients))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        saved = [n for n, o in outcome.items() if o == "saved"]
        assert len(saved) == 1, outcome
        assert all(o == "conflict" for n, o in outcome.items() if n not in saved), outcome
        assert clients[0].actions.get_action(action.id).title == f"Title {saved[0]}"
    finally:
        for c in clients:
            c.close()


@pytest.mark.parametrize("db_backend", ["postgresql"], indirect=True)
def test_on_a_server_facilitators_create_records_at_the_same_time(db_url, meeting, people):
    """Six clients add actions, agenda items and ideas to one meeting at once: every row
    arrives and the agenda stays numbered 0..n-1 (a renumbering race is retried)."""
    clients = [Services(open_database(db_url), clock=lambda: NOW) for _ in range(6)]
    errors: list[BaseException] = []
    try:
        first_item = clients[0].agenda.add_item(meeting_id=meeting.id, title="Start")
        barrier = threading.Barrier(len(clients))

        def work(n: int) -> None:
            try:
                barrier.wait()
                for k in range(8):
                    clients[n].actions.add_action(
                        meeting_id=meeting.id, owner_id=people.ana.id, title=f"c{n} a{k}"
                    )
                    clients[n].agenda.add_item(meeting_id=meeting.id, title=f"c{n} i{k}")
                    clients[n].agenda.add_idea(item_id=first_item.id, text=f"c{n} idea{k}")
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(len(clients))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        check = clients[0]
        assert len(check.actions.actions_for_meeting(meeting.id)) == 48
        items = check.agenda.items(meeting.id)
        assert len(items) == 49
        assert sorted(i.position for i in items) == list(range(49))
        assert len(check.agenda.ideas(first_item.id)) == 48
    finally:
        for c in clients:
            c.close()


# ---- the other records with a version: members, personas, goals, KPIs, board entries ----
def _both_read_then_clash(first_save, second_save, read_first, read_second):
    read_first()
    read_second()  # both have it on screen
    first_save()
    with pytest.raises(ConflictError) as info:
        second_save()
    return info.value


def test_a_member_edited_by_two_facilitators(services, other, people):
    conflict = _both_read_then_clash(
        lambda: services.people.update_member(member_id=people.ana.id, role="Team lead"),
        lambda: other.people.update_member(member_id=people.ana.id, role="Senior AE"),
        lambda: services.people.list_members(),
        lambda: other.people.list_members(),
    )
    assert conflict.mine == {"role": "Senior AE"} and conflict.theirs == {"role": "Team lead"}
    # Another field of the same member is no conflict.
    assert other.people.update_member(member_id=people.ana.id, email="ana@x.org").email


def test_a_persona_edited_by_two_facilitators(services, other):
    larry = services.personas.add_persona(name="Larry")
    conflict = _both_read_then_clash(
        lambda: services.personas.update_persona(persona_id=larry.id, role="CFO"),
        lambda: other.personas.update_persona(persona_id=larry.id, role="Finance lead"),
        lambda: services.personas.get_persona(larry.id),
        lambda: other.personas.get_persona(larry.id),
    )
    assert conflict.what == "Persona “Larry”"
    assert services.personas.get_persona(larry.id).role == "CFO"


def test_a_goal_a_kpi_and_a_board_entry_edited_by_two_facilitators(services, other, people):
    goal = services.goals.add_goal(
        kind="activity",
        title="Joint webinars",
        period="2026-Q1",
        owner_id=people.ana.id,
        disposition="continue",
    )
    conflict = _both_read_then_clash(
        lambda: services.goals.update_goal(goal_id=goal.id, title="Joint webinars, monthly"),
        lambda: other.goals.update_goal(goal_id=goal.id, title="Joint webinars, weekly"),
        lambda: services.goals.get_goal(goal.id),
        lambda: other.goals.get_goal(goal.id),
    )
    assert conflict.theirs == {"title": "Joint webinars, monthly"}

    kpi = services.goals.add_kpi(name="MQL→SQL", unit="%", target=25)
    conflict = _both_read_then_clash(
        lambda: services.goals.update_kpi(kpi_id=kpi.id, target=30),
        lambda: other.goals.update_kpi(kpi_id=kpi.id, target=20),
        lambda: services.goals.get_kpi(kpi.id),
        lambda: other.goals.get_kpi(kpi.id),
    )
    assert conflict.fields == ("target",)

    entry = services.board.add_entry(kind="win", title="Six meetings booked")
    conflict = _both_read_then_clash(
        lambda: services.board.update_entry(entry_id=entry.id, title="Seven meetings booked"),
        lambda: other.board.update_entry(entry_id=entry.id, title="Eight meetings booked"),
        lambda: services.board.get_entry(entry.id),
        lambda: other.board.get_entry(entry.id),
    )
    assert services.board.get_entry(entry.id).title == "Seven meetings booked"


def test_acknowledging_a_conflict_never_leaves_a_field_unguarded(services, db_url, action):
    """Found by bench/load.py (20 clients × 180 s lost 5 of 2,766 increments): a client
    whose first save of a row lost a race acknowledged only the conflicting field, so
    its next read-modify-write of another field went unchecked and overwrote someone
    else's. Now acknowledging reads the other fields as stored."""
    from alignmeet.services.guard import book as _book

    fresh = Services(open_database(db_url), clock=lambda: NOW)
    try:
        key = ("action", action.id)
        assert key not in _book(fresh.db.engine)  # it never read the action
        fresh.actions.acknowledge_conflict(
            ConflictError(
                "Action", {"status": "Done"}, {"status": "Open"}, key=key, stored={"status": "open"}
            )
        )
        assert "milestone" in _book(fresh.db.engine)[key]
        services.actions.update_action(action_id=action.id, milestone="count=1")
        with pytest.raises(ConflictError):
            fresh.actions.update_action(action_id=action.id, milestone="count=1")
    finally:
        fresh.close()
