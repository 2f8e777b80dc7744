"""People & teams: add and edit members and teams; a rejected entry keeps what was typed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alignmeet.domain.rules import max_length
from alignmeet.services import Services
from ui.controller import Controller
from ui.models.members_model import COL_NAME
from ui.views.people_view import PeopleView


@pytest.fixture
def view(qtbot: QtBot, controller: Controller, people: dict[str, int]) -> PeopleView:
    widget = PeopleView(controller)
    qtbot.addWidget(widget)
    return widget


def _names(view: PeopleView) -> list[str]:
    return [view.proxy.index(r, COL_NAME).data() for r in range(view.proxy.rowCount())]


def _select_member(view: PeopleView, name: str) -> None:
    view.table.selectRow(_names(view).index(name))


def _select_team(view: PeopleView, name: str) -> None:
    row = view.teams_model.row_of(lambda t: t.name == name)
    view.teams_list.setCurrentIndex(view.teams_model.index(row, 0))


def _team(view: PeopleView, name: str) -> None:
    view.team_combo.setCurrentIndex(view.team_combo.findText(name))


# ---- members --------------------------------------------------------------------------------
def test_the_page_lists_members_and_teams(view: PeopleView) -> None:
    assert sorted(_names(view)) == ["Ava Chen", "Ben Okafor", "Leo Novak", "Maya Rossi"]
    labels = [view.teams_model.index(r, 0).data() for r in range(view.teams_model.rowCount())]
    assert labels == ["Sales · 2 members", "Marketing · 2 members"]
    assert view.form_heading.text() == "New member"
    assert not view.save_button.isEnabled()


def test_adding_a_member_stores_them_and_clears_the_form_for_the_next(
    view: PeopleView, services: Services
) -> None:
    view.name_edit.setText("Priya Shah")
    _team(view, "Marketing")
    view.role_edit.setText("Marketing Ops")
    view.email_edit.setText("priya@example.com")
    view.add_button.click()
    priya = next(m for m in services.people.list_members() if m.name == "Priya Shah")
    assert (priya.team_name, priya.role, priya.email) == (
        "Marketing",
        "Marketing Ops",
        "priya@example.com",
    )
    assert "Priya Shah" in _names(view)
    assert view.name_edit.text() == ""
    assert view.team_combo.currentText() == "Marketing"  # the next one likely joins the same team
    assert view.form_note.text() == "Added Priya Shah to Marketing."


def test_a_duplicate_name_shows_the_reason_at_the_name_and_keeps_what_was_typed(
    view: PeopleView, services: Services
) -> None:
    view.name_edit.setText("  ava   CHEN ")
    view.role_edit.setText("Second account executive")
    view.add_button.click()
    error = view.field_errors["name"]
    assert error.isVisibleTo(view)
    assert error.text() == "“Ava Chen” is already a member."
    assert view.name_edit.text() == "  ava   CHEN "
    assert view.role_edit.text() == "Second account executive"
    assert len(services.people.list_members()) == 4


def test_an_empty_name_is_refused(view: PeopleView, services: Services) -> None:
    view.add_button.click()
    assert view.field_errors["name"].text() == "Name cannot be empty."
    assert len(services.people.list_members()) == 4


def test_a_bad_email_is_shown_at_the_email_field(view: PeopleView, services: Services) -> None:
    view.name_edit.setText("Priya Shah")
    view.email_edit.setText("priya at example")
    view.add_button.click()
    assert view.field_errors["email"].isVisibleTo(view)
    assert "not an e-mail address" in view.field_errors["email"].text()
    assert not view.field_errors["name"].isVisibleTo(view)
    assert view.email_edit.text() == "priya at example"
    assert len(services.people.list_members()) == 4
    view.email_edit.setText("priya@example.com")
    view.add_button.click()
    assert not view.field_errors["email"].isVisibleTo(view)
    assert len(services.people.list_members()) == 5


def test_selecting_a_member_loads_the_form_and_save_changes_stores_the_edit(
    view: PeopleView, services: Services, people: dict[str, int]
) -> None:
    _select_member(view, "Ben Okafor")
    assert view.form_heading.text() == "Editing Ben Okafor"
    assert view.name_edit.text() == "Ben Okafor"
    assert view.role_edit.text() == "SDR"
    assert view.team_combo.currentText() == "Sales"
    view.role_edit.setText("SDR Team Lead")
    _team(view, "Marketing")
    view.save_button.click()
    ben = services.people.get_member(people["Ben Okafor"])
    assert (ben.role, ben.team_name) == ("SDR Team Lead", "Marketing")
    assert view.form_heading.text() == "Editing Ben Okafor"


def test_renaming_a_member_to_someone_elses_name_is_refused(
    view: PeopleView, services: Services, people: dict[str, int]
) -> None:
    _select_member(view, "Ben Okafor")
    view.name_edit.setText("Maya Rossi")
    view.save_button.click()
    assert view.field_errors["name"].text() == "“Maya Rossi” is already a member."
    assert view.name_edit.text() == "Maya Rossi"
    assert services.people.get_member(people["Ben Okafor"]).name == "Ben Okafor"


def test_deactivate_and_reactivate(
    view: PeopleView, services: Services, people: dict[str, int]
) -> None:
    _select_member(view, "Leo Novak")
    assert view.active_button.text() == "Deactivate"
    view.active_button.click()
    assert not services.people.get_member(people["Leo Novak"]).active
    assert view.active_button.text() == "Reactivate"
    assert "Leo Novak" in _names(view)  # still listed, greyed
    view.active_button.click()
    assert services.people.get_member(people["Leo Novak"]).active
    assert view.active_button.text() == "Deactivate"


def test_the_filter_box_filters_by_any_column(view: PeopleView) -> None:
    view.filter_edit.setText("marketing")
    assert sorted(_names(view)) == ["Leo Novak", "Maya Rossi"]
    view.filter_edit.setText("sdr")
    assert _names(view) == ["Ben Okafor"]
    view.filter_edit.clear()
    assert len(_names(view)) == 4


def test_a_change_made_elsewhere_refreshes_the_table_but_not_what_is_being_typed(
    view: PeopleView, controller: Controller, people: dict[str, int]
) -> None:
    _select_member(view, "Ava Chen")
    view.role_edit.setText("Typing a new role…")
    controller.update_member(member_id=people["Maya Rossi"], role="Head of Demand Gen")
    assert view.role_edit.text() == "Typing a new role…"
    assert view.form_heading.text() == "Editing Ava Chen"
    row = view.members_model.row_of(lambda m: m.name == "Maya Rossi")
    assert view.members_model.record(row).role == "Head of Demand Gen"


def test_clear_form_starts_a_new_member(view: PeopleView) -> None:
    _select_member(view, "Ava Chen")
    view.clear_button.click()
    assert view.form_heading.text() == "New member"
    assert view.name_edit.text() == ""
    assert not view.table.selectionModel().hasSelection()


# ---- teams ------------------------------------------------------------------------------------
def test_adding_a_team_puts_it_in_the_list_and_the_team_choice(
    view: PeopleView, services: Services
) -> None:
    view.team_name_edit.setText("Customer Success")
    view.add_team_button.click()
    assert [t.name for t in services.people.list_teams()][-1] == "Customer Success"
    assert view.team_combo.findText("Customer Success") >= 0
    assert view.teams_model.rowCount() == 3


@pytest.mark.parametrize(
    ("typed", "message"),
    [("  sales ", "There is already a team called “Sales”."), ("", "Team name cannot be empty.")],
)
def test_a_duplicate_or_empty_team_name_is_refused_and_kept(
    view: PeopleView, services: Services, typed: str, message: str
) -> None:
    view.team_name_edit.setText(typed)
    view.add_team_button.click()
    assert view.team_error.isVisibleTo(view)
    assert view.team_error.text() == message
    assert view.team_name_edit.text() == typed
    assert len(services.people.list_teams()) == 2


def test_renaming_the_selected_team(view: PeopleView, services: Services) -> None:
    assert not view.rename_team_button.isEnabled()
    _select_team(view, "Marketing")
    assert view.team_name_edit.text() == "Marketing"
    assert view.rename_team_button.isEnabled()
    view.team_name_edit.setText("Growth Marketing")
    view.rename_team_button.click()
    assert [t.name for t in services.people.list_teams()] == ["Sales", "Growth Marketing"]
    assert view.team_combo.findText("Growth Marketing") >= 0
    row = view.members_model.row_of(lambda m: m.name == "Maya Rossi")
    assert view.members_model.record(row).team_name == "Growth Marketing"


def test_renaming_a_team_to_another_teams_name_is_refused(
    view: PeopleView, services: Services
) -> None:
    _select_team(view, "Marketing")
    view.team_name_edit.setText("SALES")
    view.rename_team_button.click()
    assert view.team_error.text() == "There is already a team called “Sales”."
    assert [t.name for t in services.people.list_teams()] == ["Sales", "Marketing"]


# ---- review fixes: edits survive picking another member ---------------------------------------
def _click_member(qtbot: QtBot, view: PeopleView, name: str) -> None:
    index = view.proxy.index(_names(view).index(name), COL_NAME)
    rect = view.table.visualRect(index)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_picking_another_member_saves_the_edits_in_the_form_first(
    qtbot: QtBot, view: PeopleView, services: Services, people: dict[str, int]
) -> None:
    view.show()
    _click_member(qtbot, view, "Ava Chen")
    view.role_edit.setText("Senior Account Executive")
    _click_member(qtbot, view, "Ben Okafor")
    assert services.people.get_member(people["Ava Chen"]).role == "Senior Account Executive"
    assert view.form_heading.text() == "Editing Ben Okafor"
    assert view.name_edit.text() == "Ben Okafor"
    assert view.form_note.text() == "Saved Ava Chen."
    assert view.table.selectionModel().selectedRows()[0].data() == "Ben Okafor"


def test_edits_that_cannot_be_saved_keep_the_edited_member_selected(
    qtbot: QtBot, view: PeopleView, services: Services, people: dict[str, int]
) -> None:
    view.show()
    _click_member(qtbot, view, "Ava Chen")
    view.name_edit.setText("Ben Okafor")  # someone else's name: refused
    view.role_edit.setText("Team lead")
    _click_member(qtbot, view, "Maya Rossi")
    assert view.form_heading.text() == "Editing Ava Chen"
    assert (view.name_edit.text(), view.role_edit.text()) == ("Ben Okafor", "Team lead")
    assert view.field_errors["name"].isVisibleTo(view)
    assert view.table.selectionModel().selectedRows()[0].data() == "Ava Chen"
    assert services.people.get_member(people["Ava Chen"]).role == "Account Executive"


def test_the_member_fields_stop_where_the_service_would_cut(view: PeopleView) -> None:
    lengths = [e.maxLength() for e in (view.name_edit, view.role_edit, view.email_edit)]
    assert lengths == [max_length("member.name"), 200, 200]
    assert view.team_name_edit.maxLength() == max_length("team.name")
