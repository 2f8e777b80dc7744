"""Undo and redo of each kind of edit (issue 5): the database goes back and forth, the
views hear about it, and history stays honest."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import event, select

from alignmeet.demo import build_demo
from alignmeet.domain.changes import OpChanges
from alignmeet.domain.enums import ActionStatus, Attendance, Phase
from alignmeet.mail import settings as mail_settings
from alignmeet.mail.settings import MailSettings
from alignmeet.services import Services
from alignmeet.storage import models as m
from alignmeet.storage.database import open_database
from ui.controller import WRITES, Controller
from ui.main_window import MainWindow
from ui.undo import UNDONE_NOTE, InverseStep, JournalStep


@pytest.fixture
def uc(services: Services) -> Controller:
    return Controller(services)


def round_trip(uc: Controller, before, after, read) -> None:
    """The edit is done; undo gives `before`, redo gives `after` again."""
    assert read() == after
    uc.undo_stack.undo()
    assert read() == before
    uc.undo_stack.redo()
    assert read() == after


def items(services: Services, meeting_id: int) -> list[tuple[str, int]]:
    return [(i.title, i.minutes) for i in services.agenda.items(meeting_id, include_parked=False)]


def test_meeting_details(uc: Controller, services: Services, meeting_id: int) -> None:
    start = services.meetings.get_meeting(meeting_id).starts_at
    later = start + timedelta(days=1)
    uc.update_meeting(meeting_id=meeting_id, starts_at=later, planned_minutes=90)

    def read():
        m = services.meetings.get_meeting(meeting_id)
        return (m.starts_at, m.planned_minutes)

    round_trip(uc, (start, 60), (later, 90), read)
    assert uc.undo_stack.undoText() == "meeting details"


def test_typed_text_is_left_to_the_fields_own_undo(uc: Controller, meeting_id: int) -> None:
    uc.update_meeting(meeting_id=meeting_id, topic="typed as you go")
    assert uc.undo_stack.count() == 0


def test_attendance_and_commitment(
    uc: Controller, services: Services, meeting_id: int, people: dict[str, int]
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
    uc: Controller, services: Services, meeting_id: int
) -> None:
    start = items(services, meeting_id)
    item = uc.add_item(meeting_id=meeting_id, title="New topic", minutes=7)
    round_trip(uc, start, [*start, ("New topic", 7)], lambda: items(services, meeting_id))

    current = item.id
    uc.update_item(item_id=current, title="Renamed", minutes=12)
    round_trip(
        uc,
        [*start, ("New topic", 7)],
        [*start, ("Renamed", 12)],
        lambda: items(services, meeting_id),
    )

    current = item.id
    uc.move_item(meeting_id=meeting_id, item_id=current, to_position=0)
    round_trip(
        uc,
        [*start, ("Renamed", 12)],
        [("Renamed", 12), *start],
        lambda: items(services, meeting_id),
    )

    current = item.id
    uc.park_item(item_id=current, parked=True)
    round_trip(uc, [("Renamed", 12), *start], start, lambda: items(services, meeting_id))


def test_a_removed_item_comes_back_with_its_notes_ideas_and_decisions(
    uc: Controller, services: Services, meeting_id: int
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


def test_ideas_and_decisions(uc: Controller, services: Services, meeting_id: int) -> None:
    agenda = services.agenda
    item = agenda.items(meeting_id)[0]
    idea = uc.add_idea(item_id=item.id, text="Show pipeline by campaign")
    round_trip(
        uc, [], ["Show pipeline by campaign"], lambda: [i.text for i in agenda.ideas(item.id)]
    )
    uc.remove_idea(item_id=item.id, idea_id=idea.id)
    round_trip(
        uc, ["Show pipeline by campaign"], [], lambda: [i.text for i in agenda.ideas(item.id)]
    )
    uc.add_decision(item_id=item.id, text="Weekly report")
    round_trip(uc, [], ["Weekly report"], lambda: [d.text for d in agenda.decisions(item.id)])


def test_actions_added_edited_status_and_removed(
    uc: Controller, services: Services, meeting_id: int, people: dict[str, int]
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
    current = action.id
    uc.update_action(action_id=current, title="Call every lead", due=due + timedelta(days=7))
    round_trip(
        uc,
        ("Call leads", due),
        ("Call every lead", due + timedelta(days=7)),
        lambda: (
            actions.get_action(action.id).title,
            actions.get_action(action.id).due,
        ),
    )
    current = action.id
    uc.set_action_status(action_id=current, status=ActionStatus.DONE, note="Done!")
    round_trip(
        uc,
        ActionStatus.OPEN,
        ActionStatus.DONE,
        lambda: actions.get_action(action.id).status,
    )
    history = actions.history(action.id)
    assert UNDONE_NOTE in [h.note for h in history]  # undo added a change, erased none
    uc.remove_action(meeting_id=meeting_id, action_id=action.id)
    uc.undo_stack.undo()
    back = actions.actions_for_meeting(meeting_id)
    assert [(a.title, a.status) for a in back] == [("Call every lead", ActionStatus.DONE)]


def test_members(uc: Controller, services: Services, team_ids: dict[str, int]) -> None:
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
    uc: Controller, services: Services, meeting_id: int
) -> None:
    item = uc.add_item(meeting_id=meeting_id, title="Gone soon")
    uc.update_item(item_id=item.id, minutes=20)
    services.agenda.remove_item(item.id)  # elsewhere, not through this window
    said: list[str] = []
    uc.status_shown.connect(said.append)
    uc.undo_stack.undo()
    assert said and said[0].startswith("Could not undo")


def test_the_edit_menu_undoes_and_redoes(
    qtbot, uc: Controller, services: Services, meeting_id: int
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

    uc = Controller(services)
    view = GoalsView(uc)
    qtbot.addWidget(view)
    page = view.kpis_page
    view.pages.setCurrentWidget(page)
    page.name_edit.setText("Speed to lead")
    page.unit_edit.setText("h")
    qtbot.mouseClick(page.add_kpi_button, Qt.MouseButton.LeftButton)
    (kpi,) = services.goals.list_kpis()
    uc.perform(
        "record measurement",
        lambda s: s.goals.record_measurement(kpi_id=kpi.id, period="2026-02", value=3),
    )
    uc.perform(
        "update kpi", lambda s: s.goals.update_kpi(kpi_id=kpi.id, name="Speed to first call")
    )
    uc.perform("delete kpi", lambda s: s.goals.delete_kpi(kpi_id=kpi.id))
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
    uc: Controller, services: Services, meeting_id: int, people: dict[str, int]
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
    uc: Controller, services: Services, meeting_id: int, people: dict[str, int]
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
    uc: Controller, services: Services, team_ids: dict[str, int]
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
    uc: Controller, services: Services, meeting_id: int
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


# ---- every write, through the one write path (issue 13) -------------------------------------
# Each of the controller's writes is one operation: a journaled service use case. Undo puts
# back every row it wrote, redo writes them again — the database after an undo is the
# database before, to the last column (version counters aside: they only go forward).
DEMO_DAY = date(2026, 11, 22)
DEMO_NOW = datetime(2026, 11, 22, 9, 30)
UPCOMING, HELD = 3, 2  # the demo's meetings: the next one, and the last one held


def dump(services: Services) -> dict[str, list[tuple]]:
    out = {}
    with services.db.transaction() as s:
        for table in m.Base.metadata.sorted_tables:
            if table.name == "change_log":  # every write, an undo too, adds a row there
                continue
            columns = [c for c in table.c if c.name != "version"]
            rows = s.execute(select(*columns)).all()
            out[table.name] = sorted((tuple(row) for row in rows), key=repr)
    return out


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("undo-all") / "demo.sqlite3"
    services = Services(open_database(path), clock=lambda: DEMO_NOW)
    services.bootstrap()
    build_demo(services, today=DEMO_DAY)
    services.close()
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Services]:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_file, path)
    services = Services(open_database(path), clock=lambda: DEMO_NOW)
    yield services
    services.close()


def _item(s: Services) -> int:
    return s.agenda.items(UPCOMING)[0].id


def _open_action(s: Services) -> int:
    return next(a.id for a in s.actions.actions_for_meeting(HELD) if a.status.value == "open")


def _proposal(s: Services) -> str:
    return s.accountability.proposals(UPCOMING)[0].key


# name of the write -> what the facilitator does (each through the controller, once)
Write = Callable[[Controller, Services], object]
EVERY_WRITE: dict[str, Write] = {
    "add_team": lambda c, s: c.add_team(name="Customer Success"),
    "rename_team": lambda c, s: c.rename_team(team_id=1, name="Field Sales"),
    "add_member": lambda c, s: c.add_member(name="Zoe Park", team_id=1, role="SDR"),
    "import_members": lambda c, s: c.import_members(
        text="name,team,role,email\nJo Park,Sales,AE,jo@example.com\n"
    ),
    "update_member": lambda c, s: c.update_member(member_id=1, role="VP Sales"),
    "create_meeting": lambda c, s: c.create_meeting(
        title="Extra sync", starts_at=datetime(2026, 12, 1, 9, 0), series_id=1
    ),
    "create_next_meeting": lambda c, s: c.create_next_meeting(UPCOMING),
    "update_series": lambda c, s: c.update_series(series_id=1, cadence_days=14),
    "set_series_members": lambda c, s: c.set_series_members(series_id=1, member_ids=[1, 6]),
    "update_meeting": lambda c, s: c.update_meeting(meeting_id=UPCOMING, planned_minutes=75),
    "delete_meeting": lambda c, s: c.delete_meeting(HELD),
    "set_invitees": lambda c, s: c.set_invitees(meeting_id=UPCOMING, member_ids=[1, 6]),
    "set_attendance": lambda c, s: c.set_attendance(
        meeting_id=UPCOMING, member_id=1, attendance=Attendance.APOLOGIES
    ),
    "mark_present": lambda c, s: c.mark_present(
        meeting_id=UPCOMING, seen=s.meetings.participants(UPCOMING)
    ),
    "commit": lambda c, s: c.commit(meeting_id=HELD, member_id=1, confidence=2),
    "withdraw_commitment": lambda c, s: c.withdraw_commitment(meeting_id=HELD, member_id=1),
    "approve_previous_minutes": lambda c, s: c.approve_previous_minutes(
        meeting_id=UPCOMING, revision=1
    ),
    "add_item": lambda c, s: c.add_item(meeting_id=UPCOMING, title="Pricing page", minutes=5),
    "update_item": lambda c, s: c.update_item(item_id=_item(s), title="KPI review", minutes=20),
    "remove_item": lambda c, s: c.remove_item(meeting_id=UPCOMING, item_id=_item(s)),
    "move_item": lambda c, s: c.move_item(meeting_id=UPCOMING, item_id=_item(s), to_position=3),
    "reorder_items": lambda c, s: c.reorder_items(
        meeting_id=UPCOMING, item_ids=[i.id for i in reversed(s.agenda.items(UPCOMING))]
    ),
    "park_item": lambda c, s: c.park_item(item_id=_item(s)),
    "apply_template": lambda c, s: c.apply_template(meeting_id=UPCOMING, template_id=2),
    "save_as_template": lambda c, s: c.save_as_template(meeting_id=HELD, name="Long monthly"),
    "add_idea": lambda c, s: c.add_idea(item_id=_item(s), text="Weekly lead digest"),
    "remove_idea": lambda c, s: c.remove_idea(
        item_id=(i := next(x for x in s.agenda.items(HELD) if s.agenda.ideas(x.id))).id,
        idea_id=s.agenda.ideas(i.id)[0].id,
    ),
    "add_decision": lambda c, s: c.add_decision(item_id=_item(s), text="Weekly digest"),
    "remove_decision": lambda c, s: c.remove_decision(
        item_id=(i := next(x for x in s.agenda.items(HELD) if s.agenda.decisions(x.id))).id,
        decision_id=s.agenda.decisions(i.id)[0].id,
    ),
    "add_action": lambda c, s: c.add_action(meeting_id=UPCOMING, owner_id=1, title="Call Acme"),
    "remove_action": lambda c, s: c.remove_action(meeting_id=HELD, action_id=_open_action(s)),
    "rate_meeting": lambda c, s: c.rate_meeting(meeting_id=HELD, score=3, member_id=4),
    "remove_rating": lambda c, s: c.remove_rating(rating_id=s.accountability.ratings(HELD)[0].id),
    "accept_proposal": lambda c, s: c.accept_proposal(meeting_id=UPCOMING, key=_proposal(s)),
    "dismiss_proposal": lambda c, s: c.dismiss_proposal(meeting_id=UPCOMING, key=_proposal(s)),
    # the toolkit's screens: typed use cases through perform / perform_edit
    "perform": lambda c, s: c.perform(
        "new KPI", lambda sv: sv.goals.add_kpi(name="Demos booked", unit="demos")
    ),
    "perform_edit": lambda c, s: c.perform_edit(
        "change to a persona",
        lambda sv, seen: sv.personas.update_persona(persona_id=1, role="CFO", seen=seen),
        seen=s.personas.get_persona(1),
    ),
}
# More of the toolkit, one use case per area (the journal's own tests cover the rest).
TOOLKIT_WRITES: dict[str, Write] = {
    "delete a goal linked to actions": lambda c, s: c.perform(
        "deleting a goal", lambda sv: sv.goals.delete_goal(goal_id=sv.goals.list_goals()[0].id)
    ),
    "approve a definition on an agenda item": lambda c, s: c.perform(
        "approving a definition",
        lambda sv: sv.glossary.approve(
            version_id=sv.glossary.propose(term="ARR", definition="Annual recurring revenue").id,
            item_id=_item(sv),
        ),
    ),
    "agree the joint Top 10 (actions)": lambda c, s: c.perform(
        "joint Top 10",
        lambda sv: sv.data_needs.agree_joint(
            meeting_id=UPCOMING,
            entries=[
                (n.id, 1, DEMO_DAY + timedelta(days=14)) for n in sv.data_needs.list_needs()[:3]
            ],
        ),
    ),
    "start a coaching pair": lambda c, s: c.perform(
        "coaching", lambda sv: sv.coaching.start_pair(sales_member_id=5, marketing_member_id=10)
    ),
    "add a channel rule": lambda c, s: c.perform(
        "new channel rule",
        lambda sv: sv.channels.add_rule(
            urgency="Next quarter", channel="Email", response_time="1 week"
        ),
    ),
    "add a board entry": lambda c, s: c.perform(
        "new board entry", lambda sv: sv.board.add_entry(kind="win", title="Acme signed")
    ),
    "remove a lead batch": lambda c, s: c.perform(
        "change to lead feedback",
        lambda sv: sv.lead_feedback.remove_batch(sv.lead_feedback.list_batches()[0].id),
    ),
}
# Writes that are no step of Edit › Undo (as before): the meeting's clock and phase, its
# start, close and reopening (the minutes of record are frozen at close), "+1 minute", a
# series made on the fly, and e-mail (what is sent stays sent). They are operations all
# the same (journaled and announced).
NOT_UNDOABLE: dict[str, Write] = {
    "ensure_series": lambda c, s: c.ensure_series("Quarterly business review"),
    "set_phase": lambda c, s: c.set_phase(meeting_id=UPCOMING, phase=Phase.AGENDA),
    "start_meeting": lambda c, s: c.start_meeting(UPCOMING),
    "record_elapsed": lambda c, s: c.record_elapsed(meeting_id=UPCOMING, seconds=90),
    "close_meeting": lambda c, s: c.close_meeting(meeting_id=UPCOMING),
    "reopen_meeting": lambda c, s: c.reopen_meeting(HELD),
    "add_minute": lambda c, s: c.add_minute(_item(s)),
    "record_item_time": lambda c, s: c.record_item_time(item_id=_item(s), used_seconds=60),
    "queue_recaps": lambda c, s: c.queue_recaps(meeting_id=HELD),
    "queue_reminders": lambda c, s: c.queue_reminders(),
    "outbox_decision": lambda c, s: (
        c.queue_recaps(meeting_id=HELD),
        c.outbox_decision("cancel", s.recaps.outbox()[0].id),
    ),
}
# The one hand-written undo (see ui.undo): the action's history gains a line "Undone".
HAND_WRITTEN: dict[str, Write] = {
    "update_action": lambda c, s: c.update_action(
        action_id=_open_action(s), due=date(2026, 12, 24)
    ),
    "set_action_status": lambda c, s: c.set_action_status(
        action_id=_open_action(s), status=ActionStatus.DONE, note="Sent"
    ),
}


def test_the_catalogue_names_every_write_of_the_controller() -> None:
    named = {*EVERY_WRITE, *NOT_UNDOABLE, *HAND_WRITTEN}
    assert named == WRITES


class _Watch:
    """Every statement that writes, and whether an operation was running then."""

    def __init__(self, services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
        self.depth = 0
        self.outside: list[str] = []
        self.operations: list[OpChanges] = []
        run = services.operations.run

        def counted(label, op, **kwargs):  # type: ignore[no-untyped-def]
            self.depth += 1
            try:
                outcome = run(label, op, **kwargs)
            finally:
                self.depth -= 1
            self.operations.append(outcome.changes)
            return outcome

        monkeypatch.setattr(services.operations, "run", counted)

        def seen(_conn, _cursor, statement, *_args):  # type: ignore[no-untyped-def]
            verb = statement.lstrip().split(None, 1)[0].upper()
            if verb in {"INSERT", "UPDATE", "DELETE"} and self.depth == 0:
                self.outside.append(statement)

        self._engine = services.db.engine
        self._seen = seen
        event.listen(self._engine, "before_cursor_execute", seen)

    def close(self) -> None:
        event.remove(self._engine, "before_cursor_execute", self._seen)


@pytest.fixture
def watched(demo: Services, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Controller, _Watch]]:
    controller = Controller(demo)
    controller.conflict_resolver = lambda conflict, apply: pytest.fail(str(conflict))
    watch = _Watch(demo, monkeypatch)
    yield controller, watch
    watch.close()


@pytest.mark.parametrize("name", [*EVERY_WRITE, *TOOLKIT_WRITES])
def test_every_write_is_one_operation_undone_and_redone_by_the_journal(
    watched: tuple[Controller, _Watch], demo: Services, name: str
) -> None:
    controller, watch = watched
    heard: list[OpChanges] = []
    controller.changes_announced.connect(heard.append)
    before = dump(demo)
    {**EVERY_WRITE, **TOOLKIT_WRITES}[name](controller, demo)
    after = dump(demo)
    assert after != before, "the write changed nothing: the test proves nothing"
    assert watch.outside == [], "a write ran outside an operation"
    assert controller.undo_stack.count() == 1
    assert isinstance(controller.undo_stack.command(0), JournalStep)
    assert heard and heard[-1].tables >= {t for t in after if after[t] != before[t]}
    controller.undo_stack.undo()
    assert dump(demo) == before
    controller.undo_stack.redo()
    assert dump(demo) == after
    controller.undo_stack.undo()
    assert dump(demo) == before


@pytest.mark.parametrize("name", list(NOT_UNDOABLE))
def test_writes_without_a_step_are_operations_too(
    watched: tuple[Controller, _Watch], demo: Services, name: str
) -> None:
    controller, watch = watched
    # recaps and reminders go out through a server (none is reached: they wait in the outbox)
    mail_settings.save(MailSettings(host="mail.invalid", sender="amara@example.com"))
    before = dump(demo)
    NOT_UNDOABLE[name](controller, demo)
    assert dump(demo) != before
    assert watch.outside == [] and watch.operations
    assert controller.undo_stack.count() == 0


@pytest.mark.parametrize("name", list(HAND_WRITTEN))
def test_the_hand_written_step_is_an_operation_and_keeps_the_history(
    watched: tuple[Controller, _Watch], demo: Services, name: str
) -> None:
    controller, watch = watched
    action_id = _open_action(demo)
    before = demo.actions.get_action(action_id)
    HAND_WRITTEN[name](controller, demo)
    assert watch.outside == [] and watch.operations
    assert isinstance(controller.undo_stack.command(0), InverseStep)
    history = len(demo.actions.history(action_id))
    controller.undo_stack.undo()
    back = demo.actions.get_action(action_id)
    assert (back.status, back.due) == (before.status, before.due)
    assert len(demo.actions.history(action_id)) >= history  # a line added, none erased
