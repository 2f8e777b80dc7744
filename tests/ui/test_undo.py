"""Undo and redo of each kind of edit (issue 5): the database goes back and forth, the
views hear about it, and history stays honest."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from alignmeet.domain.enums import ActionStatus, Attendance
from alignmeet.services import Services
from ui.main_window import MainWindow
from ui.undo import UNDONE_NOTE, UndoableController


@pytest.fixture
def uc(services: Services) -> UndoableController:
    return UndoableController(services)


def round_trip(uc: UndoableController, before, after, read) -> None:
    """The edit is done; undo gives `before`, redo gives `after` again."""
    assert read() == after
    uc.undo_stack.undo()
    assert read() == before
    uc.undo_stack.redo()
    assert read() == after


def items(services: Services, meeting_id: int) -> list[tuple[str, int]]:
    return [(i.title, i.minutes) for i in services.agenda.items(meeting_id, include_parked=False)]


def test_meeting_details(uc: UndoableController, services: Services, meeting_id: int) -> None:
    start = services.meetings.get_meeting(meeting_id).starts_at
    later = start + timedelta(days=1)
    uc.update_meeting(meeting_id=meeting_id, starts_at=later, planned_minutes=90)

    def read():
        m = services.meetings.get_meeting(meeting_id)
        return (m.starts_at, m.planned_minutes)

    round_trip(uc, (start, 60), (later, 90), read)
    assert uc.undo_stack.undoText() == "meeting details"


def test_typed_text_is_left_to_the_fields_own_undo(uc: UndoableController, meeting_id: int) -> None:
    uc.update_meeting(meeting_id=meeting_id, topic="typed as you go")
    assert uc.undo_stack.count() == 0


def test_attendance_and_commitment(
    uc: UndoableController, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    ava = people["Ava Chen"]

    def state():
        p = next(p for p in services.meetings.participants(meeting_id) if p.member_id == ava)
        return (p.attendance, p.committed_at is not None, p.confidence)

    uc.set_attendance(meeting_id=meeting_id, member_id=ava, attendance=Attendance.PRESENT)
    round_trip(uc, (Attendance.INVITED, False, None), (Attendance.PRESENT, False, None), state)
    uc.commit(meeting_id=meeting_id, member_id=ava, confidence=4)
    round_trip(uc, (Attendance.PRESENT, False, None), (Attendance.PRESENT, True, 4), state)
    uc.withdraw_commitment(meeting_id=meeting_id, member_id=ava)
    round_trip(uc, (Attendance.PRESENT, True, 4), (Attendance.PRESENT, False, None), state)


def test_agenda_items_added_edited_moved_parked_and_removed(
    uc: UndoableController, services: Services, meeting_id: int
) -> None:
    start = items(services, meeting_id)
    item = uc.add_item(meeting_id=meeting_id, title="New topic", minutes=7)
    round_trip(uc, start, [*start, ("New topic", 7)], lambda: items(services, meeting_id))

    current = uc.cur("item", item.id)
    uc.update_item(item_id=current, title="Renamed", minutes=12)
    round_trip(
        uc,
        [*start, ("New topic", 7)],
        [*start, ("Renamed", 12)],
        lambda: items(services, meeting_id),
    )

    current = uc.cur("item", item.id)
    uc.move_item(meeting_id=meeting_id, item_id=current, to_position=0)
    round_trip(
        uc,
        [*start, ("Renamed", 12)],
        [("Renamed", 12), *start],
        lambda: items(services, meeting_id),
    )

    current = uc.cur("item", item.id)
    uc.park_item(item_id=current, parked=True)
    round_trip(uc, [("Renamed", 12), *start], start, lambda: items(services, meeting_id))


def test_a_removed_item_comes_back_with_its_notes_ideas_and_decisions(
    uc: UndoableController, services: Services, meeting_id: int
) -> None:
    agenda = services.agenda
    item = agenda.items(meeting_id)[0]
    agenda.update_item(item_id=item.id, notes="what was said")
    uc.add_idea(item_id=item.id, text="An idea")
    uc.add_decision(item_id=item.id, text="A decision")
    before = items(services, meeting_id)
    uc.remove_item(meeting_id=meeting_id, item_id=item.id)
    assert items(services, meeting_id) == before[1:]
    uc.undo_stack.undo()
    assert items(services, meeting_id) == before
    back = agenda.items(meeting_id)[0]
    assert back.notes == "what was said"
    assert [i.text for i in agenda.ideas(back.id)] == ["An idea"]
    assert [d.text for d in agenda.decisions(back.id)] == ["A decision"]
    # Older commands still find it under its new id: undo the decision and the idea.
    uc.undo_stack.undo()
    assert agenda.decisions(back.id) == []
    uc.undo_stack.undo()
    assert agenda.ideas(back.id) == []


def test_ideas_and_decisions(uc: UndoableController, services: Services, meeting_id: int) -> None:
    agenda = services.agenda
    item = agenda.items(meeting_id)[0]
    idea = uc.add_idea(item_id=item.id, text="Show pipeline by campaign")
    round_trip(
        uc, [], ["Show pipeline by campaign"], lambda: [i.text for i in agenda.ideas(item.id)]
    )
    uc.remove_idea(item_id=item.id, idea_id=uc.cur("idea", idea.id))
    round_trip(
        uc, ["Show pipeline by campaign"], [], lambda: [i.text for i in agenda.ideas(item.id)]
    )
    uc.add_decision(item_id=item.id, text="Weekly report")
    round_trip(uc, [], ["Weekly report"], lambda: [d.text for d in agenda.decisions(item.id)])


def test_actions_added_edited_status_and_removed(
    uc: UndoableController, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    actions = services.actions
    due = date.today() + timedelta(days=10)
    action = uc.add_action(
        meeting_id=meeting_id, owner_id=people["Ava Chen"], title="Call leads", due=due
    )
    round_trip(
        uc,
        [],
        ["Call leads"],
        lambda: [a.title for a in actions.actions_for_meeting(meeting_id)],
    )
    current = uc.cur("action", action.id)
    uc.update_action(action_id=current, title="Call every lead", due=due + timedelta(days=7))
    round_trip(
        uc,
        ("Call leads", due),
        ("Call every lead", due + timedelta(days=7)),
        lambda: (
            actions.get_action(uc.cur("action", action.id)).title,
            actions.get_action(uc.cur("action", action.id)).due,
        ),
    )
    current = uc.cur("action", action.id)
    uc.set_action_status(action_id=current, status=ActionStatus.DONE, note="Done!")
    round_trip(
        uc,
        ActionStatus.OPEN,
        ActionStatus.DONE,
        lambda: actions.get_action(uc.cur("action", action.id)).status,
    )
    history = actions.history(uc.cur("action", action.id))
    assert UNDONE_NOTE in [h.note for h in history]  # undo added a change, erased none
    uc.remove_action(meeting_id=meeting_id, action_id=uc.cur("action", action.id))
    uc.undo_stack.undo()
    back = actions.actions_for_meeting(meeting_id)
    assert [(a.title, a.status) for a in back] == [("Call every lead", ActionStatus.DONE)]


def test_members(uc: UndoableController, services: Services, team_ids: dict[str, int]) -> None:
    member = uc.add_member(name="Zoe", team_id=team_ids["Sales"], role="SDR", email="")
    uc.update_member(member_id=member.id, role="AE")

    def read():
        m = next(
            (x for x in services.people.list_members(include_inactive=True) if x.id == member.id),
            None,
        )
        return (m.role, m.active) if m is not None else None

    round_trip(uc, ("SDR", True), ("AE", True), read)
    uc.undo_stack.undo()  # the role
    uc.undo_stack.undo()  # the addition: the member is gone (issue 12: not left inactive)
    assert read() is None
    uc.undo_stack.redo()  # back, with the same id
    assert read() == ("SDR", True)


def test_undo_of_something_deleted_meanwhile_says_so_and_drops_the_step(
    uc: UndoableController, services: Services, meeting_id: int
) -> None:
    item = uc.add_item(meeting_id=meeting_id, title="Gone soon")
    uc.update_item(item_id=item.id, minutes=20)
    services.agenda.remove_item(item.id)  # elsewhere, not through this window
    said: list[str] = []
    uc.status_shown.connect(said.append)
    uc.undo_stack.undo()
    assert said and said[0].startswith("Could not undo")


def test_the_edit_menu_undoes_and_redoes(
    qtbot, uc: UndoableController, services: Services, meeting_id: int
) -> None:
    window = MainWindow(uc)
    qtbot.addWidget(window)
    assert not window.undo_action.isEnabled()
    uc.add_item(meeting_id=meeting_id, title="From the menu")
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "&Undo new agenda item “From the menu”"
    window.undo_action.trigger()
    assert "From the menu" not in [t for t, _ in items(services, meeting_id)]
    window.redo_action.trigger()
    assert "From the menu" in [t for t, _ in items(services, meeting_id)]
    QApplication.processEvents()


# ---- everything else, through the services' journal ---------------------------------------
def test_a_kpi_added_renamed_and_deleted_in_the_goals_tab_comes_back_step_by_step(
    qtbot, services: Services, people: dict[str, int]
) -> None:
    """A facilitator works in the Goals & KPIs tab, then presses Ctrl+Z three times."""
    from ui.views.toolkit.goals_view import GoalsView

    uc = UndoableController(services)
    view = GoalsView(uc)
    qtbot.addWidget(view)
    page = view.kpis_page
    view.pages.setCurrentWidget(page)
    page.name_edit.setText("Speed to lead")
    page.unit_edit.setText("h")
    qtbot.mouseClick(page.add_kpi_button, Qt.MouseButton.LeftButton)
    (kpi,) = services.goals.list_kpis()
    uc.toolkit("goals", "record_measurement", kpi_id=kpi.id, period="2026-02", value=3)
    uc.toolkit("goals", "update_kpi", kpi_id=kpi.id, name="Speed to first call")
    uc.toolkit("goals", "delete_kpi", kpi_id=kpi.id)
    assert services.goals.list_kpis() == []
    assert page.kpi_model.rowCount() == 0

    heard: list[str] = []
    uc.toolkit_changed.connect(heard.append)
    uc.undo_stack.undo()  # the deletion: the KPI is back with its measurement
    assert [k.name for k in services.goals.list_kpis()] == ["Speed to first call"]
    assert [x.value for x in services.goals.measurements(kpi.id)] == [3]
    assert heard == ["goals"]
    assert page.kpi_model.rowCount() == 1  # the tab shows it again
    uc.undo_stack.undo()  # the rename
    assert services.goals.get_kpi(kpi.id).name == "Speed to lead"
    uc.undo_stack.undo()  # the measurement
    assert services.goals.measurements(kpi.id) == []
    uc.undo_stack.undo()  # the addition
    assert services.goals.list_kpis() == []
    assert uc.undo_stack.redoText() == "new KPI"
    for _step in range(3):
        uc.undo_stack.redo()
    assert services.goals.get_kpi(kpi.id).name == "Speed to first call"
    assert [x.value for x in services.goals.measurements(kpi.id)] == [3]


def test_teams_series_invitees_and_templates(
    uc: UndoableController, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    meeting = services.meetings.get_meeting(meeting_id)
    invited = {p.member_id for p in services.meetings.participants(meeting_id)}

    team = uc.add_team(name="Customer Success")
    uc.rename_team(team_id=team.id, name="CS")
    uc.update_series(series_id=meeting.series_id, cadence_days=14)
    uc.set_series_members(series_id=meeting.series_id, member_ids=[people["Ava Chen"]])
    uc.set_invitees(meeting_id=meeting_id, member_ids=[people["Ava Chen"]])
    uc.save_as_template(meeting_id=meeting_id, name="Our monthly")

    def state():
        series = services.meetings.get_series(meeting.series_id)
        return (
            sorted(t.name for t in services.people.list_teams()),
            series.cadence_days,
            list(series.member_ids),
            {p.member_id for p in services.meetings.participants(meeting_id)},
            "Our monthly" in [t.name for t in services.agenda.templates()],
        )

    done = state()
    assert done[0] == ["CS", "Marketing", "Sales"]
    for _step in range(6):
        uc.undo_stack.undo()
    original = services.meetings.get_series(meeting.series_id)
    assert state() == (["Marketing", "Sales"], original.cadence_days, [], invited, False)
    assert original.cadence_days != 14
    for _step in range(6):
        uc.undo_stack.redo()
    assert state() == done


def test_a_deleted_meeting_comes_back_whole(
    uc: UndoableController, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    item = uc.add_item(meeting_id=meeting_id, title="Pricing page")
    uc.add_decision(item_id=item.id, text="Ship the new page")
    uc.add_action(meeting_id=meeting_id, owner_id=people["Ava Chen"], title="Draft copy")
    uc.select_meeting(meeting_id)
    title = services.meetings.get_meeting(meeting_id).title
    uc.delete_meeting(meeting_id)
    assert uc.undo_stack.undoText() == f"deleting “{title}”"
    assert meeting_id not in [m.id for m in services.meetings.list_meetings()]
    uc.undo_stack.undo()
    assert meeting_id in [m.id for m in services.meetings.list_meetings()]
    assert [i.title for i in services.agenda.items(meeting_id)][-1] == "Pricing page"
    assert [d.text for d in services.agenda.decisions(item.id)] == ["Ship the new page"]
    assert [a.title for a in services.actions.actions_for_meeting(meeting_id)] == ["Draft copy"]


def test_undo_refused_when_someone_built_on_it_says_why_and_changes_nothing(
    uc: UndoableController, services: Services, team_ids: dict[str, int]
) -> None:
    team = uc.add_team(name="Customer Success")
    services.people.add_member(name="Jo Park", team_id=team.id)  # another window
    said: list[str] = []
    uc.status_shown.connect(said.append)
    uc.undo_stack.undo()
    assert said and said[0].startswith("Could not undo new team Customer Success")
    assert "used since" in said[0]
    assert "Customer Success" in [t.name for t in services.people.list_teams()]


def test_a_new_meeting_is_undone_and_the_window_shows_none(
    uc: UndoableController, services: Services, meeting_id: int
) -> None:
    uc.select_meeting(meeting_id)
    uc.update_meeting(meeting_id=meeting_id, topic="typed just before")  # saved as typed
    following = uc.create_next_meeting(meeting_id)
    assert uc.current_meeting_id == following.id
    assert uc.undo_stack.undoText() == "next meeting"
    uc.undo_stack.undo()
    assert following.id not in [m.id for m in services.meetings.list_meetings()]
    assert uc.current_meeting_id is None
    # the text typed before is not part of the step
    assert services.meetings.get_meeting(meeting_id).topic == "typed just before"
    uc.undo_stack.redo()
    assert following.id in [m.id for m in services.meetings.list_meetings()]
