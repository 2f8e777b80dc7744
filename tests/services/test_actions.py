"""Actions: promises with owners and due dates, their history, and the review of follow-ups."""

from datetime import date, datetime, timedelta

import pytest

from alignmeet.domain.enums import ActionStatus, Attendance, TeamTag
from alignmeet.domain.rules import ValidationError
from alignmeet.services import NotFoundError

DONE, OPEN = ActionStatus.DONE, ActionStatus.OPEN


@pytest.fixture
def meeting(new_meeting):
    return new_meeting(day=0, title="March sync")


def add(services, meeting, owner, title="Send the case study draft", **kwargs):
    kwargs.setdefault("due", meeting.starts_at.date() + timedelta(days=14))
    kwargs.setdefault("today", meeting.starts_at.date())
    return services.actions.add_action(
        meeting_id=meeting.id, owner_id=owner.id, title=title, **kwargs
    )


def review(services, meeting_id):
    return services.actions.follow_ups(meeting_id)


def reviewed_titles(services, meeting_id):
    return [f.action.title for f in services.actions.follow_ups(meeting_id)]


# ---- adding ---------------------------------------------------------------------------
def test_an_action_is_open_and_tagged_with_its_owners_team(services, meeting, people):
    sales = add(services, meeting, people.ana)
    marketing = add(services, meeting, people.dev)
    assert sales.status is OPEN
    assert sales.team_tag is TeamTag.SALES
    assert marketing.team_tag is TeamTag.MARKETING
    assert sales.owner_name == "Ana López"
    assert sales.origin == "March sync, 2 Mar 2026"


def test_an_owner_from_another_team_gets_a_joint_tag(services, meeting, teams):
    cs = services.people.add_team(name="Customer Success")
    eve = services.people.add_member(name="Eve Adams", team_id=cs.id)
    assert add(services, meeting, eve).team_tag is TeamTag.JOINT


def test_an_explicit_team_tag_wins_over_the_owners_team(services, meeting, people):
    action = add(services, meeting, people.ana, team_tag=TeamTag.JOINT, milestone=" ICP  v1 ")
    assert action.team_tag is TeamTag.JOINT
    assert action.milestone == "ICP v1"


def test_a_due_date_in_the_past_is_refused(services, meeting, people, today):
    with pytest.raises(ValidationError) as err:
        services.actions.add_action(
            meeting_id=meeting.id,
            owner_id=people.ana.id,
            title="Too late",
            due=today - timedelta(days=1),
        )
    assert err.value.field == "due"
    assert err.value.message == "The due date 2026-03-01 is in the past."
    assert services.actions.actions_for_meeting(meeting.id) == []


def test_due_today_or_no_due_date_is_fine(services, meeting, people, today):
    assert add(services, meeting, people.ana, due=today, today=None).due == today
    assert add(services, meeting, people.ana, due=None).due is None


def test_past_is_judged_against_the_given_day_for_meetings_entered_afterwards(
    services, new_meeting, people, today
):
    last_month = new_meeting(day=-28)
    due = today - timedelta(days=14)  # past for the clock, future for that meeting
    action = add(services, last_month, people.ana, due=due, today=today - timedelta(days=28))
    assert action.due == due


def test_actions_of_a_meeting_are_listed_in_the_order_they_were_added(services, meeting, people):
    for title in ("First", "Second", "Third"):
        add(services, meeting, people.ben, title=title)
    actions = services.actions.actions_for_meeting(meeting.id)
    assert [a.title for a in actions] == ["First", "Second", "Third"]
    assert [a.position for a in actions] == [1, 2, 3]


def test_an_action_needs_a_title_and_a_known_owner(services, meeting, people):
    with pytest.raises(ValidationError):
        add(services, meeting, people.ana, title=" ")
    with pytest.raises(NotFoundError):
        services.actions.add_action(meeting_id=meeting.id, owner_id=999, title="Ghost")


def test_a_removed_action_is_gone_with_its_history(services, meeting, people):
    action = add(services, meeting, people.ana)
    services.actions.remove_action(action.id)
    assert services.actions.actions_for_meeting(meeting.id) == []
    assert services.actions.history(action.id) == []


# ---- history --------------------------------------------------------------------------
def test_the_history_starts_with_the_meeting_that_agreed_the_action(services, meeting, people, now):
    action = add(services, meeting, people.ana)
    [agreed] = services.actions.history(action.id)
    assert agreed.meeting_id == meeting.id
    assert agreed.old_status is None
    assert agreed.new_status is OPEN
    assert agreed.new_due == action.due
    assert agreed.note == "Agreed"
    assert agreed.changed_at == now


def test_a_status_change_keeps_its_note_and_the_meeting_where_it_was_made(
    services, new_meeting, people
):
    first = new_meeting(day=-28)
    second = new_meeting(day=0)
    action = add(services, first, people.ana)
    services.actions.set_status(
        action_id=action.id,
        status=ActionStatus.BLOCKED,
        note="Waiting for Contoso legal",
        meeting_id=second.id,
    )
    change = services.actions.history(action.id)[-1]
    assert (change.old_status, change.new_status) == (OPEN, ActionStatus.BLOCKED)
    assert change.note == "Waiting for Contoso legal"
    assert change.meeting_id == second.id
    assert services.actions.get_action(action.id).status is ActionStatus.BLOCKED


def test_setting_the_same_status_without_a_note_records_nothing(services, meeting, people):
    action = add(services, meeting, people.ana)
    services.actions.set_status(action_id=action.id, status=OPEN)
    assert len(services.actions.history(action.id)) == 1
    services.actions.set_status(action_id=action.id, status=OPEN, note="Still on it")
    assert services.actions.history(action.id)[-1].note == "Still on it"


def test_a_due_date_moved_twice_shows_it_slipped_twice(services, meeting, people):
    first_due = date(2026, 3, 16)
    action = add(services, meeting, people.ana, due=first_due)
    services.actions.update_action(
        action_id=action.id, due=date(2026, 3, 30), note="Waiting for data", meeting_id=meeting.id
    )
    services.actions.update_action(action_id=action.id, due=date(2026, 4, 13), note="Holidays")
    moves = [
        (u.old_due, u.new_due, u.note)
        for u in services.actions.history(action.id)
        if u.old_due != u.new_due and u.old_status is not None
    ]
    assert moves == [
        (first_due, date(2026, 3, 30), "Waiting for data"),
        (date(2026, 3, 30), date(2026, 4, 13), "Holidays"),
    ]
    assert services.actions.get_action(action.id).due == date(2026, 4, 13)


def test_editing_without_moving_the_due_date_adds_no_history(services, meeting, people):
    action = add(services, meeting, people.ana)
    edited = services.actions.update_action(
        action_id=action.id, title="Send the final case study", due=action.due
    )
    assert edited.title == "Send the final case study"
    assert len(services.actions.history(action.id)) == 1


def test_an_action_can_be_handed_to_someone_else(services, meeting, people):
    action = add(services, meeting, people.ana)
    moved = services.actions.update_action(action_id=action.id, owner_id=people.ben.id)
    assert moved.owner_name == "Ben Okoro"


# ---- review of follow-ups -------------------------------------------------------------
def test_action_agreed_before_a_meeting_comes_back_in_its_review(services, new_meeting, people):
    first = new_meeting(day=-28, title="February sync")
    action = add(services, first, people.ana)
    services.meetings.close_meeting(meeting_id=first.id)
    second = new_meeting(day=0, title="March sync")

    [follow_up] = review(services, second.id)

    assert follow_up.action.id == action.id
    assert follow_up.action.origin == "February sync, 2 Feb 2026"
    assert follow_up.status_before is OPEN
    assert not follow_up.reviewed
    assert follow_up.review_note == ""


def test_action_comes_back_when_the_next_meeting_was_created_before_it_was_agreed(
    services, new_meeting, people
):
    first = new_meeting(day=-28)
    second = new_meeting(day=0)  # planned ahead, before the first meeting even ran
    action = add(services, first, people.ana)
    services.meetings.close_meeting(meeting_id=first.id, next_meeting_at=second.starts_at)
    assert [f.action.id for f in review(services, second.id)] == [action.id]


def test_order_of_meetings_is_by_date_not_by_creation(services, new_meeting, people):
    later = new_meeting(day=0)  # created first
    earlier = new_meeting(day=-28)  # entered afterwards
    action = add(services, earlier, people.ana)
    assert [f.action.id for f in review(services, later.id)] == [action.id]
    assert review(services, earlier.id) == []


def test_a_meeting_does_not_review_its_own_actions(services, meeting, people):
    add(services, meeting, people.ana)
    assert review(services, meeting.id) == []


def test_the_first_meeting_of_a_series_has_nothing_to_review(services, meeting):
    assert review(services, meeting.id) == []


def test_an_open_action_skipped_in_one_meeting_still_shows_in_the_next(
    services, new_meeting, people
):
    first, second, third = new_meeting(day=-56), new_meeting(day=-28), new_meeting(day=0)
    action = add(services, first, people.ana, title="Draft the ICP")
    assert reviewed_titles(services, second.id) == ["Draft the ICP"]
    [follow_up] = review(services, third.id)
    assert follow_up.action.id == action.id
    assert follow_up.action.meeting_id == first.id


def test_an_action_done_in_a_review_shows_there_with_its_note_and_not_later(
    services, new_meeting, people
):
    first, second, third = new_meeting(day=-56), new_meeting(day=-28), new_meeting(day=0)
    action = add(services, first, people.ana, title="Pause the LinkedIn campaign")
    services.actions.set_status(
        action_id=action.id, status=DONE, note="Paused on the 3rd", meeting_id=second.id
    )

    [follow_up] = review(services, second.id)
    assert follow_up.action.status is DONE
    assert follow_up.status_before is OPEN
    assert follow_up.review_note == "Paused on the 3rd"
    assert follow_up.reviewed
    assert review(services, third.id) == []


def test_an_action_done_between_meetings_is_not_in_the_next_review(services, new_meeting, people):
    first, second = new_meeting(day=-28), new_meeting(day=0)
    action = add(services, first, people.ana)
    services.actions.set_status(action_id=action.id, status=DONE, note="Done on Slack")
    assert review(services, second.id) == []


def test_in_progress_and_blocked_actions_carry_on_dropped_ones_do_not(
    services, new_meeting, people
):
    first, second, third = new_meeting(day=-56), new_meeting(day=-28), new_meeting(day=0)
    going = add(services, first, people.ana, title="Tag rejected leads")
    stuck = add(services, first, people.ben, title="Case study approval")
    gone = add(services, first, people.dev, title="Round-robin routing")
    for action, status in (
        (going, ActionStatus.IN_PROGRESS),
        (stuck, ActionStatus.BLOCKED),
        (gone, ActionStatus.DROPPED),
    ):
        services.actions.set_status(action_id=action.id, status=status, meeting_id=second.id)

    assert {f.action.title for f in review(services, second.id)} == {
        "Tag rejected leads",
        "Case study approval",
        "Round-robin routing",
    }
    later = {f.action.title: f for f in review(services, third.id)}
    assert set(later) == {"Tag rejected leads", "Case study approval"}
    assert later["Tag rejected leads"].status_before is ActionStatus.IN_PROGRESS
    assert not later["Tag rejected leads"].reviewed


def test_status_before_is_the_status_when_this_review_started(services, new_meeting, people):
    first, second = new_meeting(day=-28), new_meeting(day=0)
    action = add(services, first, people.ana)
    for status in (ActionStatus.IN_PROGRESS, DONE):
        services.actions.set_status(action_id=action.id, status=status, meeting_id=second.id)
    [follow_up] = review(services, second.id)
    assert (follow_up.status_before, follow_up.action.status) == (OPEN, DONE)


def test_actions_from_another_series_are_not_mixed_in(services, new_meeting, people):
    first = new_meeting(day=-28)
    add(services, first, people.ana, title="Sync action")
    other = services.meetings.ensure_series(name="Campaign kick-offs")
    kickoff = new_meeting(day=-14, series_id=other.id)
    add(services, kickoff, people.dev, title="Kick-off action")
    second = new_meeting(day=0)
    next_kickoff = new_meeting(day=14, series_id=other.id)
    assert reviewed_titles(services, second.id) == ["Sync action"]
    assert reviewed_titles(services, next_kickoff.id) == ["Kick-off action"]


def test_the_review_lists_older_meetings_first_then_by_owner(services, new_meeting, people):
    first, second, third = new_meeting(day=-56), new_meeting(day=-28), new_meeting(day=0)
    add(services, second, people.ana, title="From February, Ana")
    add(services, first, people.dev, title="From January, Dev")
    add(services, first, people.ana, title="From January, Ana")
    assert reviewed_titles(services, third.id) == [
        "From January, Ana",
        "From January, Dev",
        "From February, Ana",
    ]


def test_an_absent_owners_actions_still_come_back(services, new_meeting, people):
    first, second = new_meeting(day=-28), new_meeting(day=0)
    services.meetings.set_attendance(
        meeting_id=first.id, member_id=people.ben.id, attendance=Attendance.APOLOGIES
    )
    add(services, first, people.ben, title="Agreed for Ben in his absence")
    assert reviewed_titles(services, second.id) == ["Agreed for Ben in his absence"]


class _Clock:
    """A clock the test moves forward, set on every service."""

    def __init__(self, services, start: datetime) -> None:
        self.now = start
        for part in (
            services.people,
            services.meetings,
            services.agenda,
            services.actions,
            services.minutes,
            services.followups,
        ):
            part.clock = self

    def __call__(self) -> datetime:
        return self.now

    def at(self, moment: datetime) -> None:
        self.now = moment


def test_a_closed_meetings_review_stays_as_it_was_when_later_meetings_change_the_actions(
    services, people
) -> None:
    clock = _Clock(services, datetime(2026, 3, 2, 9, 0))
    make = services.meetings.create_meeting
    first = make(
        title="March sync", starts_at=datetime(2026, 3, 2, 9, 0), invitee_ids=[people.ana.id]
    )
    second = make(title="April sync", starts_at=datetime(2026, 4, 6, 9, 0))
    third = make(title="May sync", starts_at=datetime(2026, 5, 4, 9, 0))
    reviewed = services.actions.add_action(
        meeting_id=first.id, owner_id=people.ana.id, title="Send the deck", due=date(2026, 3, 20)
    )
    untouched = services.actions.add_action(
        meeting_id=first.id, owner_id=people.ana.id, title="Call Contoso", due=date(2026, 3, 27)
    )
    clock.at(datetime(2026, 4, 6, 9, 20))
    services.actions.set_status(
        action_id=reviewed.id,
        status=ActionStatus.IN_PROGRESS,
        note="Half done",
        meeting_id=second.id,
    )
    clock.at(datetime(2026, 4, 6, 10, 0))
    services.meetings.close_meeting(meeting_id=second.id)

    clock.at(datetime(2026, 5, 4, 9, 15))
    services.actions.update_action(
        action_id=reviewed.id, due=date(2026, 5, 30), meeting_id=third.id
    )
    services.actions.set_status(
        action_id=reviewed.id, status=ActionStatus.DONE, meeting_id=third.id
    )
    services.actions.set_status(
        action_id=untouched.id, status=ActionStatus.DONE, meeting_id=third.id
    )

    april = {f.action.title: f for f in services.actions.follow_ups(second.id)}
    assert set(april) == {"Send the deck", "Call Contoso"}
    assert april["Send the deck"].action.status is ActionStatus.IN_PROGRESS
    assert april["Send the deck"].action.due == date(2026, 3, 20)
    assert april["Send the deck"].times_slipped == 0
    assert april["Send the deck"].review_note == "Half done"
    assert april["Call Contoso"].action.status is ActionStatus.OPEN

    may = {f.action.title: f for f in services.actions.follow_ups(third.id)}
    assert may["Send the deck"].status_before is ActionStatus.IN_PROGRESS
    assert may["Send the deck"].action.status is ActionStatus.DONE
    assert may["Send the deck"].times_slipped == 1


def test_an_action_done_between_meetings_leaves_the_next_review_but_stays_in_the_earlier_one(
    services, people
) -> None:
    clock = _Clock(services, datetime(2026, 3, 2, 9, 0))
    make = services.meetings.create_meeting
    first = make(title="March sync", starts_at=datetime(2026, 3, 2, 9, 0))
    second = make(title="April sync", starts_at=datetime(2026, 4, 6, 9, 0))
    third = make(title="May sync", starts_at=datetime(2026, 5, 4, 9, 0))
    action = services.actions.add_action(
        meeting_id=first.id, owner_id=people.ben.id, title="Fix CRM field"
    )
    clock.at(datetime(2026, 4, 6, 10, 0))
    services.meetings.close_meeting(meeting_id=second.id)
    clock.at(datetime(2026, 4, 20, 14, 0))
    services.actions.set_status(action_id=action.id, status=ActionStatus.DONE, note="Shipped")

    assert [f.action.status for f in services.actions.follow_ups(second.id)] == [ActionStatus.OPEN]
    assert services.actions.follow_ups(third.id) == []


def test_an_action_links_to_the_goal_it_serves_and_the_persona_it_is_for(
    services, people, new_meeting
):
    """Issue 4: actions can link to a shared goal and a customer persona; deleting either
    only unlinks the action."""
    from alignmeet.storage import models as m

    meeting = new_meeting()
    with services.db.transaction() as s:
        goal = m.Goal(
            kind="revenue", title="Q1 revenue", period="2026-Q1", created_at=datetime(2026, 3, 1)
        )
        persona = m.Persona(name="Larry", name_key="larry")
        s.add_all([goal, persona])
        s.flush()
        goal_id, persona_id = goal.id, persona.id
    action = services.actions.add_action(
        meeting_id=meeting.id,
        owner_id=people.ana.id,
        title="Call back",
        goal_id=goal_id,
        persona_id=persona_id,
    )
    assert (action.goal_id, action.persona_id) == (goal_id, persona_id)
    with pytest.raises(NotFoundError):
        services.actions.update_action(action_id=action.id, goal_id=goal_id + 99)
    assert services.actions.update_action(action_id=action.id, persona_id=None).persona_id is None
    with services.db.transaction() as s:
        s.delete(s.get(m.Goal, goal_id))
    assert services.actions.get_action(action.id).goal_id is None


def test_an_agenda_item_names_the_persona_it_discusses(services, new_meeting):
    from alignmeet.storage import models as m

    meeting = new_meeting()
    with services.db.transaction() as s:
        persona = m.Persona(name="Larry", name_key="larry")
        s.add(persona)
        s.flush()
        persona_id = persona.id
    item = services.agenda.add_item(meeting_id=meeting.id, title="Campaign", persona_id=persona_id)
    assert item.persona_id == persona_id
    with pytest.raises(NotFoundError):
        services.agenda.update_item(item_id=item.id, persona_id=persona_id + 5)
    assert services.agenda.update_item(item_id=item.id, persona_id=None).persona_id is None
    assert services.agenda.update_item(item_id=item.id, title="Campaign X").persona_id is None
