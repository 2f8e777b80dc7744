"""The Qt models behind Meetings, People & teams and Prepare: shape, editing, moving rows."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import Qt as QtGuiNamespace  # has mightBeRichText
from PySide6.QtGui import QTextDocument
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ItemKind, MeetingStatus
from alignmeet.services import Services
from ui.controller import Controller
from ui.models.agenda_model import (
    COL_KIND,
    COL_MINUTES,
    COL_NUMBER,
    COL_OWNER,
    COL_TITLE,
    MIME_TYPE,
    AgendaModel,
)
from ui.models.invitees_model import InviteesModel, invitee_label
from ui.models.meetings_model import COL_DATE, COL_PHASE, COL_STATUS, MeetingsModel
from ui.models.members_model import COL_ACTIVE, MembersModel, TeamRow, TeamsModel
from ui.models.record_table_model import ID_ROLE, SORT_ROLE
from ui.models.templates_model import TemplatesModel

NULL = QModelIndex()


def shown_tooltip(tip: str) -> str:
    """The text a tooltip shows: Qt reads tooltips as rich text when they look like it."""
    assert QtGuiNamespace.mightBeRichText(tip)
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def _titles(services: Services, meeting_id: int) -> list[str]:
    return [i.title for i in services.agenda.items(meeting_id)]


def _agenda_model(controller: Controller, meeting_id: int) -> AgendaModel:
    model = AgendaModel(controller)
    model.set_items(meeting_id, controller.services.agenda.items(meeting_id))
    return model


# ---- every model passes the model tester: with rows, empty, and after set_rows ----------------
def test_meetings_model_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, meeting_id: int
) -> None:
    services.meetings.create_meeting(title="Kick-off", starts_at=datetime(2030, 1, 8, 14, 30))
    model = MeetingsModel()
    model.set_rows(services.meetings.list_meetings())
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
    model.set_rows(services.meetings.list_meetings())
    assert model.rowCount() == 2


def test_members_and_teams_models_pass_the_model_tester(
    qtmodeltester: ModelTester, services: Services, people: dict[str, int]
) -> None:
    members = services.people.list_members()
    model = MembersModel()
    model.set_rows(members)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
    model.set_rows(members)

    teams = TeamsModel()
    teams.set_rows(TeamRow.build(services.people.list_teams(), members))
    qtmodeltester.check(teams)
    assert teams.index(0, 0).data() == "Sales · 2 members"
    teams.set_rows([])
    qtmodeltester.check(teams)


def test_agenda_model_passes_the_model_tester(
    qtmodeltester: ModelTester, controller: Controller, meeting_id: int
) -> None:
    model = _agenda_model(controller, meeting_id)
    assert model.rowCount() == 5
    qtmodeltester.check(model)
    model.set_items(None, [])
    qtmodeltester.check(model)
    model.set_items(meeting_id, controller.services.agenda.items(meeting_id))
    assert model.rowCount() == 5


def test_invitees_model_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services, people: dict[str, int]
) -> None:
    model = InviteesModel()
    model.set_members(services.people.list_members(), [people["Ava Chen"]])
    qtmodeltester.check(model)
    model.set_members([], [])
    qtmodeltester.check(model)
    model.set_members(services.people.list_members(), [])
    assert model.rowCount() == 4


def test_templates_model_passes_the_model_tester(
    qtmodeltester: ModelTester, services: Services
) -> None:
    model = TemplatesModel()
    model.set_rows(services.agenda.templates())
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)
    model.set_rows(services.agenda.templates())
    assert model.rowCount() == 4
    assert "items" in model.index(0, 0).data()


# ---- meetings and members -------------------------------------------------------------------
def test_meetings_sort_newest_first_through_the_sort_role(
    services: Services, meeting_id: int
) -> None:
    services.meetings.create_meeting(title="Older", starts_at=datetime(2029, 12, 1, 9, 0))
    services.meetings.create_meeting(title="Newer", starts_at=datetime(2031, 1, 1, 9, 0))
    model = MeetingsModel()
    model.set_rows(list(reversed(services.meetings.list_meetings())))
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(COL_DATE, Qt.SortOrder.DescendingOrder)
    titles = [proxy.index(r, 2).data() for r in range(proxy.rowCount())]
    assert titles == ["Newer", "Sales & Marketing sync", "Older"]


def test_meetings_show_status_and_phase_in_words(controller: Controller, meeting_id: int) -> None:
    model = MeetingsModel()
    model.set_rows(controller.services.meetings.list_meetings())
    assert model.index(0, COL_STATUS).data() == "Planned"
    assert model.index(0, COL_PHASE).data() == "Not started"
    from alignmeet.domain.enums import Phase

    controller.set_phase(meeting_id=meeting_id, phase=Phase.AGENDA)
    model.set_rows(controller.services.meetings.list_meetings())
    assert model.record(0).status is MeetingStatus.RUNNING
    assert model.index(0, COL_PHASE).data() == "3 of 6 · Agenda"


def test_inactive_members_are_labelled_and_greyed(
    services: Services, people: dict[str, int]
) -> None:
    services.people.update_member(member_id=people["Ben Okafor"], active=False)
    model = MembersModel()
    model.set_rows(services.people.list_members(include_inactive=True))
    row = model.row_of(lambda m: m.name == "Ben Okafor")
    assert model.index(row, COL_ACTIVE).data() == "Inactive"
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).italic()


# ---- agenda: editing in place ------------------------------------------------------------------
def test_editing_an_agenda_cell_writes_through_the_controller(
    qtbot: QtBot,
    controller: Controller,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
) -> None:
    model = _agenda_model(controller, meeting_id)
    with qtbot.waitSignal(controller.agenda_changed, timeout=1000):
        assert model.setData(model.index(0, COL_TITLE), "Revenue goal and KPIs")
    assert model.setData(model.index(0, COL_MINUTES), 25)
    assert model.setData(model.index(0, COL_OWNER), people["Maya Rossi"])
    assert model.setData(model.index(0, COL_KIND), ItemKind.GLOSSARY.value)
    item = services.agenda.items(meeting_id)[0]
    assert (item.title, item.minutes, item.owner_name, item.kind) == (
        "Revenue goal and KPIs",
        25,
        "Maya Rossi",
        ItemKind.GLOSSARY,
    )
    assert model.index(0, COL_OWNER).data() == "Maya Rossi"
    assert model.index(0, COL_OWNER).data(Qt.ItemDataRole.EditRole) == people["Maya Rossi"]
    assert model.setData(model.index(0, COL_OWNER), 0)  # "—": nobody
    assert services.agenda.items(meeting_id)[0].owner_id is None


@pytest.mark.parametrize(
    ("column", "value", "field"),
    [(COL_TITLE, "   ", "title"), (COL_MINUTES, 0, "minutes"), (COL_MINUTES, 481, "minutes")],
)
def test_an_invalid_edit_is_rejected_with_the_reason_and_nothing_is_stored(
    qtbot: QtBot,
    controller: Controller,
    services: Services,
    meeting_id: int,
    column: int,
    value: object,
    field: str,
) -> None:
    model = _agenda_model(controller, meeting_id)
    before = services.agenda.items(meeting_id)
    with qtbot.waitSignal(model.edit_rejected, timeout=1000) as blocker:
        assert model.setData(model.index(0, column), value) is False
    assert blocker.args[0] == field
    assert blocker.args[1]
    assert services.agenda.items(meeting_id) == before


def test_number_item_and_minutes_are_readable(controller: Controller, meeting_id: int) -> None:
    model = _agenda_model(controller, meeting_id)
    assert model.index(0, COL_NUMBER).data() == "1"
    assert model.index(4, COL_NUMBER).data() == "5"
    assert model.index(0, COL_MINUTES).data() == "10"
    assert model.index(0, COL_OWNER).data() == "—"
    assert model.index(0, COL_KIND).data() == "KPI review"
    assert not model.flags(model.index(0, COL_NUMBER)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(0, COL_TITLE)) & Qt.ItemFlag.ItemIsEditable


# ---- agenda: moving rows ----------------------------------------------------------------------
def test_move_rows_stores_the_new_order(
    qtmodeltester: ModelTester, controller: Controller, services: Services, meeting_id: int
) -> None:
    model = _agenda_model(controller, meeting_id)
    qtmodeltester.check(model)
    first, second = _titles(services, meeting_id)[:2]
    assert model.moveRows(NULL, 0, 1, NULL, 2)  # first item goes below the second
    assert _titles(services, meeting_id)[:2] == [second, first]
    assert model.index(0, COL_TITLE).data() == second
    assert model.move_row(1, -1) == 0  # and back up
    assert _titles(services, meeting_id)[:2] == [first, second]
    assert model.move_row(0, -1) == 0  # the top one cannot go higher


def test_dropping_dragged_rows_stores_the_new_order(
    controller: Controller, services: Services, meeting_id: int
) -> None:
    model = _agenda_model(controller, meeting_id)
    titles = _titles(services, meeting_id)
    data = model.mimeData([model.index(4, 0), model.index(4, COL_TITLE)])
    assert data.hasFormat(MIME_TYPE)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, NULL)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, NULL)  # last to the top
    assert _titles(services, meeting_id) == [titles[4], *titles[:4]]
    # Dropped on an item: lands before it.
    data = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(3, 0))
    assert _titles(services, meeting_id) == [titles[0], titles[1], titles[4], titles[2], titles[3]]
    # Dropped below the last row: goes to the end.
    data = model.mimeData([model.index(0, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, NULL)
    assert _titles(services, meeting_id)[-1] == titles[0]


def test_parked_items_are_not_rows_and_keep_their_place_when_others_move(
    controller: Controller, services: Services, meeting_id: int
) -> None:
    items = services.agenda.items(meeting_id)
    controller.park_item(item_id=items[1].id)
    model = _agenda_model(controller, meeting_id)
    assert model.rowCount() == 4
    assert model.row_of(lambda r: r.id == items[1].id) == -1
    assert model.moveRows(NULL, 0, 1, NULL, 4)  # the first shown item to the end
    stored = services.agenda.items(meeting_id)
    # The parked item stays in its slot (second); the shown ones take the new order around it.
    assert [i.id for i in stored] == [
        items[2].id,
        items[1].id,
        items[3].id,
        items[4].id,
        items[0].id,
    ]
    assert stored[1].parked


def test_carried_over_items_show_a_marker_and_where_they_came_from(
    controller: Controller, services: Services, meeting_id: int
) -> None:
    parked = services.agenda.items(meeting_id)[2]
    services.agenda.park_item(item_id=parked.id)
    later = services.meetings.create_meeting(
        title="April sync", starts_at=datetime(2030, 4, 2, 9, 0)
    )
    model = _agenda_model(controller, later.id)
    row = model.row_of(lambda r: r.carried_from != "")
    assert row >= 0
    assert model.index(row, COL_TITLE).data() == f"↪ {parked.title}"
    assert model.index(row, COL_TITLE).data(Qt.ItemDataRole.EditRole) == parked.title
    tooltip = model.index(row, COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert shown_tooltip(tooltip).splitlines() == [
        parked.title,
        "↪ from Sales & Marketing sync, 5 Mar 2030",
    ]


def test_updates_with_the_same_rows_change_cells_in_place_without_a_reset(
    qtbot: QtBot, controller: Controller, services: Services, meeting_id: int
) -> None:
    model = _agenda_model(controller, meeting_id)
    item = services.agenda.items(meeting_id)[0]
    services.agenda.update_item(item_id=item.id, minutes=12)
    with qtbot.assertNotEmitted(model.modelReset), qtbot.waitSignal(model.dataChanged):
        model.set_items(meeting_id, services.agenda.items(meeting_id))
    assert model.index(0, COL_MINUTES).data() == "12"


# ---- invitees -----------------------------------------------------------------------------------
def test_ticking_an_invitee_announces_the_invited_ids(
    qtbot: QtBot, services: Services, people: dict[str, int]
) -> None:
    model = InviteesModel()
    model.set_members(services.people.list_members(), [people["Ava Chen"]])
    row = model.row_of(lambda m: m.name == "Maya Rossi")
    assert model.index(row, 0).data() == "Maya Rossi — Marketing, Demand Gen Manager"
    assert model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsUserCheckable
    with qtbot.waitSignal(model.invitees_edited, timeout=1000) as blocker:
        assert model.setData(
            model.index(row, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    assert blocker.args[0] == sorted([people["Ava Chen"], people["Maya Rossi"]])
    assert model.summary() == "2 invited (1 Sales, 1 Marketing)"
    model.set_all(False)
    assert model.invited_ids() == []
    assert model.summary().startswith("Nobody invited yet")


def test_invitee_label_names_team_and_role(services: Services, people: dict[str, int]) -> None:
    ava = services.people.get_member(people["Ava Chen"])
    assert invitee_label(ava) == "Ava Chen — Sales, Account Executive"


def test_id_role_gives_the_record_id(services: Services, people: dict[str, int]) -> None:
    model = MembersModel()
    model.set_rows(services.people.list_members())
    assert model.index(0, 0).data(ID_ROLE) in people.values()


# ---- user text in tooltips ----------------------------------------------------------------
EVIL = "<b>Big</b> & {{7*7}}"


def test_every_tooltip_with_user_text_shows_it_literally(
    controller: Controller, services: Services, meeting_id: int, team_ids: dict[str, int]
) -> None:
    item = services.agenda.items(meeting_id)[0]
    services.agenda.update_item(item_id=item.id, title=EVIL)
    services.meetings.update_meeting(meeting_id=meeting_id, title=EVIL)
    member = services.people.add_member(name=EVIL, team_id=team_ids["Sales"], role="<i>AE</i>")
    team = services.people.rename_team(team_id=team_ids["Sales"], name="<u>Sales</u>")
    template = services.agenda.save_as_template(meeting_id=meeting_id, name=EVIL)

    agenda = _agenda_model(controller, meeting_id)
    invitees = InviteesModel()
    invitees.set_members(services.people.list_members(), [])
    meetings = MeetingsModel()
    meetings.set_rows(services.meetings.list_meetings())
    teams = TeamsModel()
    teams.set_rows(TeamRow.build(services.people.list_teams(), services.people.list_members()))
    templates = TemplatesModel()
    templates.set_rows(services.agenda.templates())

    def tip(model: object, row: int, column: int = 0) -> str:
        index = model.index(row, column)  # type: ignore[attr-defined]
        return shown_tooltip(index.data(Qt.ItemDataRole.ToolTipRole))

    assert tip(agenda, 0, COL_TITLE) == EVIL
    member_row = invitees.row_of(lambda m: m.id == member.id)
    assert tip(invitees, member_row) == "<b>Big</b> & {{7*7}} — <u>Sales</u>, <i>AE</i>"
    assert tip(meetings, 0, 2) == EVIL
    assert tip(teams, teams.row_of(lambda t: t.id == team.id)) == "<u>Sales</u>"
    lines = tip(templates, templates.row_of(lambda t: t.id == template.id)).splitlines()
    assert lines[0] == f"• {EVIL} ({item.minutes} min)"
    assert len(lines) == len(template.items)  # one line per item: the breaks are kept
