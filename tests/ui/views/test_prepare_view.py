"""Prepare: details save as they are typed, invitees, and a time-boxed agenda to edit and order."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QDateTime, QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QSpinBox
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Attendance
from alignmeet.domain.rules import MAX_TITLE, ValidationError
from alignmeet.services import Services
from ui.controller import Controller
from ui.models.agenda_model import COL_MINUTES, COL_OWNER, COL_TITLE
from ui.views import prepare_view
from ui.views.prepare_view import PrepareView

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


@pytest.fixture
def view(qtbot: QtBot, controller: Controller, meeting_id: int) -> PrepareView:
    controller.select_meeting(meeting_id)
    widget = PrepareView(controller)
    qtbot.addWidget(widget)
    return widget


def _titles(services: Services, meeting_id: int) -> list[str]:
    return [i.title for i in services.agenda.items(meeting_id)]


def _select_agenda_row(view: PrepareView, row: int) -> None:
    view.agenda_table.selectRow(row)


def _edit(view: PrepareView, index: QModelIndex) -> None:
    """Open a cell editor the way a double-click does."""
    view.agenda_table.setCurrentIndex(index)
    view.agenda_table.edit(index)


def _invite_row(view: PrepareView, name: str) -> QModelIndex:
    row = view.invitees_model.row_of(lambda m: m.name == name)
    return view.invitees_model.index(row, 0)


# ---- nothing selected -----------------------------------------------------------------------
def test_without_a_current_meeting_the_page_says_where_to_pick_one(
    qtbot: QtBot, controller: Controller
) -> None:
    view = PrepareView(controller)
    qtbot.addWidget(view)
    assert view.stack.currentIndex() == 0
    assert "No meeting selected" in view.empty_label.text()


def test_the_page_follows_the_current_meeting(
    qtbot: QtBot, controller: Controller, services: Services, meeting_id: int
) -> None:
    view = PrepareView(controller)
    qtbot.addWidget(view)
    controller.select_meeting(meeting_id)
    assert view.stack.currentIndex() == 1
    assert view.title_edit.text() == "Sales & Marketing sync"
    other = services.meetings.create_meeting(title="Lead review", starts_at=datetime(2030, 5, 1, 9))
    controller.select_meeting(other.id)
    assert view.title_edit.text() == "Lead review"
    controller.select_meeting(None)
    assert view.stack.currentIndex() == 0


# ---- the details -----------------------------------------------------------------------------
def test_the_form_shows_the_meeting(view: PrepareView) -> None:
    assert view.title_edit.text() == "Sales & Marketing sync"
    assert view.when_edit.dateTime().toPython() == datetime(2030, 3, 5, 9, 0)
    assert view.length_spin.value() == 60
    assert view.place_edit.text() == "Room 2"
    assert view.facilitator_combo.currentText() == "—"
    assert view.topic_edit.toPlainText() == "Turn webinar leads into pipeline"
    assert view.end_goal_edit.toPlainText().startswith("Every member leaves with")
    assert view.start_button.text() == "Start the meeting →"


def test_a_typed_title_reaches_the_database_when_the_saver_flushes(
    view: PrepareView, controller: Controller, services: Services, meeting_id: int
) -> None:
    view.title_edit.setText("Joint pipeline review")
    assert view.savers["title"].pending
    assert services.meetings.get_meeting(meeting_id).title == "Sales & Marketing sync"
    controller.flush_pending()
    assert services.meetings.get_meeting(meeting_id).title == "Joint pipeline review"


def test_a_typed_topic_saves_by_itself_after_a_pause(
    qtbot: QtBot, view: PrepareView, services: Services, meeting_id: int
) -> None:
    view.topic_edit.setPlainText("Webinar leads: who calls them, and when?")
    qtbot.waitUntil(
        lambda: services.meetings.get_meeting(meeting_id).topic.startswith("Webinar leads"),
        timeout=3000,
    )


def test_an_empty_title_is_refused_at_the_field_and_the_text_stays(
    view: PrepareView, controller: Controller, services: Services, meeting_id: int
) -> None:
    view.title_edit.setText("")
    controller.flush_pending()
    assert view.errors["title"].isVisibleTo(view)
    assert view.errors["title"].text() == "Meeting title cannot be empty."
    assert services.meetings.get_meeting(meeting_id).title == "Sales & Marketing sync"
    # Another change refreshes the page: the rejected text is not overwritten.
    controller.update_meeting(meeting_id=meeting_id, place="Room 3")
    assert view.place_edit.text() == "Room 3"
    assert view.title_edit.text() == ""
    view.title_edit.setText("Sync")
    controller.flush_pending()
    assert not view.errors["title"].isVisibleTo(view)
    assert services.meetings.get_meeting(meeting_id).title == "Sync"


def test_a_refresh_does_not_overwrite_text_waiting_to_be_saved(
    view: PrepareView, controller: Controller, services: Services, meeting_id: int
) -> None:
    view.topic_edit.setPlainText("Half-typed top")
    controller.update_meeting(meeting_id=meeting_id, topic="Changed elsewhere")
    assert view.topic_edit.toPlainText() == "Half-typed top"
    controller.flush_pending()
    assert services.meetings.get_meeting(meeting_id).topic == "Half-typed top"


def test_a_change_made_elsewhere_shows_up_in_idle_fields(
    view: PrepareView, controller: Controller, meeting_id: int
) -> None:
    controller.update_meeting(meeting_id=meeting_id, end_goal="Leave with owners and dates.")
    assert view.end_goal_edit.toPlainText() == "Leave with owners and dates."
    assert not view.savers["end_goal"].pending  # loading is not an edit


def test_choices_save_at_once(
    view: PrepareView, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    view.facilitator_combo.setCurrentIndex(view.facilitator_combo.findData(people["Maya Rossi"]))
    view.note_taker_combo.setCurrentIndex(view.note_taker_combo.findData(people["Ben Okafor"]))
    view.when_edit.setDateTime(QDateTime(datetime(2030, 3, 6, 14, 30)))
    meeting = services.meetings.get_meeting(meeting_id)
    assert meeting.facilitator_name == "Maya Rossi"
    assert meeting.note_taker_name == "Ben Okafor"
    assert meeting.starts_at == datetime(2030, 3, 6, 14, 30)
    view.facilitator_combo.setCurrentIndex(0)
    assert services.meetings.get_meeting(meeting_id).facilitator_id is None


def test_planned_length_updates_the_budget_line_which_turns_red_when_overrun(
    view: PrepareView, services: Services, meeting_id: int
) -> None:
    assert view.budget_label.text() == "Agenda 55 min of 60 min planned — 5 min spare"
    assert view.budget_label.property("overrun") is False
    view.length_spin.setValue(50)
    assert services.meetings.get_meeting(meeting_id).planned_minutes == 50
    assert view.budget_label.text() == "Agenda 55 min of 50 min planned — 5 min over"
    assert view.budget_label.property("overrun") is True
    assert view.budget_label.objectName() == "FieldError"
    view.length_spin.setValue(55)
    assert view.budget_label.text().endswith("exactly on time")
    assert view.budget_label.property("overrun") is False


def test_start_the_meeting_goes_to_run(
    qtbot: QtBot, view: PrepareView, controller: Controller
) -> None:
    view.title_edit.setText("Sync before start")
    with qtbot.waitSignal(controller.navigation_requested) as blocker:
        view.start_button.click()
    assert blocker.args == ["run"]
    assert not controller.has_pending


# ---- invitees --------------------------------------------------------------------------------
def test_ticking_invitees_stores_the_participants(
    view: PrepareView, services: Services, meeting_id: int, people: dict[str, int]
) -> None:
    assert view.invitees_count.text() == "4 invited (2 Sales, 2 Marketing)"
    view.invitees_model.setData(
        _invite_row(view, "Ben Okafor"),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    names = {p.name for p in services.meetings.participants(meeting_id)}
    assert names == {"Ava Chen", "Maya Rossi", "Leo Novak"}
    assert view.invitees_count.text() == "3 invited (1 Sales, 2 Marketing)"
    view.invite_none_button.click()
    assert services.meetings.participants(meeting_id) == []
    assert view.invitees_count.text().startswith("Nobody invited yet")
    view.invite_all_button.click()
    assert len(services.meetings.participants(meeting_id)) == 4


def test_a_new_member_appears_unticked(
    view: PrepareView, controller: Controller, team_ids: dict[str, int]
) -> None:
    controller.add_member(name="Priya Shah", team_id=team_ids["Marketing"], role="Marketing Ops")
    index = _invite_row(view, "Priya Shah")
    assert index.data() == "Priya Shah — Marketing, Marketing Ops"
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_removing_someone_already_marked_present_asks_first(
    monkeypatch: pytest.MonkeyPatch,
    view: PrepareView,
    controller: Controller,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
) -> None:
    controller.set_attendance(
        meeting_id=meeting_id, member_id=people["Ava Chen"], attendance=Attendance.PRESENT
    )
    monkeypatch.setattr(prepare_view, "ask_yes_no", lambda *_a: False)
    view.invitees_model.setData(
        _invite_row(view, "Ava Chen"), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert len(services.meetings.participants(meeting_id)) == 4
    assert (
        _invite_row(view, "Ava Chen").data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    )


# ---- the agenda ---------------------------------------------------------------------------------
def test_move_down_and_move_up_change_the_stored_order(
    view: PrepareView, services: Services, meeting_id: int
) -> None:
    first, second, third = _titles(services, meeting_id)[:3]
    _select_agenda_row(view, 0)
    assert not view.move_up_button.isEnabled()
    view.move_down_button.click()
    assert _titles(services, meeting_id)[:3] == [second, first, third]
    assert view.selected_row() == 1  # the selection follows the item
    view.move_down_button.click()
    assert _titles(services, meeting_id)[:3] == [second, third, first]
    view.move_up_button.click()
    assert _titles(services, meeting_id)[:3] == [second, first, third]


def test_move_buttons_have_keyboard_shortcuts(
    qtbot: QtBot, view: PrepareView, services: Services, meeting_id: int
) -> None:
    assert view.move_up_action.shortcut() == QKeySequence("Ctrl+Up")
    assert view.move_down_action.shortcut() == QKeySequence("Ctrl+Down")
    assert "Ctrl+Down" in view.move_down_button.toolTip()
    first, second = _titles(services, meeting_id)[:2]
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    view.agenda_table.setFocus()
    _select_agenda_row(view, 0)
    qtbot.keyClick(view.agenda_table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert _titles(services, meeting_id)[:2] == [second, first]


def test_drag_and_drop_reorders_through_the_model(
    view: PrepareView, services: Services, meeting_id: int
) -> None:
    titles = _titles(services, meeting_id)
    model = view.agenda_model
    data = model.mimeData([model.index(3, 0)])
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert _titles(services, meeting_id) == [titles[0], titles[3], titles[1], titles[2], titles[4]]


def test_add_item_with_enter_and_an_empty_title_is_refused_and_kept(
    qtbot: QtBot, view: PrepareView, services: Services, meeting_id: int
) -> None:
    view.add_title_edit.setText("Webinar: lead routing")
    view.add_minutes_spin.setValue(15)
    qtbot.keyClick(view.add_title_edit, Qt.Key.Key_Return)
    last = services.agenda.items(meeting_id)[-1]
    assert (last.title, last.minutes) == ("Webinar: lead routing", 15)
    assert view.add_title_edit.text() == ""
    assert view.budget_label.text().startswith("Agenda 70 min of 60 min planned")
    view.add_title_edit.setText("   ")
    view.add_button.click()
    assert view.agenda_error.isVisibleTo(view)
    assert view.agenda_error.text() == "Agenda item cannot be empty."
    assert view.add_title_edit.text() == "   "
    assert len(services.agenda.items(meeting_id)) == 6


def test_remove_deletes_the_selected_item(
    view: PrepareView, services: Services, meeting_id: int
) -> None:
    titles = _titles(services, meeting_id)
    _select_agenda_row(view, 1)
    view.remove_button.click()
    assert _titles(services, meeting_id) == [titles[0], *titles[2:]]
    assert view.remove_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)


def test_an_invalid_edit_in_the_table_is_explained_under_the_agenda(
    view: PrepareView, services: Services, meeting_id: int
) -> None:
    model = view.agenda_model
    assert model.setData(model.index(0, COL_MINUTES), 0) is False
    assert view.agenda_error.isVisibleTo(view)
    assert view.agenda_error.text() == "Time box must be between 1 and 480 minutes."
    assert services.agenda.items(meeting_id)[0].minutes == 10
    assert model.setData(model.index(0, COL_TITLE), "Revenue and KPIs")
    assert not view.agenda_error.isVisibleTo(view)


def test_editing_minutes_in_the_table_updates_the_budget(
    view: PrepareView, services: Services, meeting_id: int
) -> None:
    model = view.agenda_model
    assert model.setData(model.index(0, COL_MINUTES), 20)
    assert view.budget_label.text() == "Agenda 65 min of 60 min planned — 5 min over"
    assert view.budget_label.property("overrun") is True


def test_parked_items_are_named_under_the_agenda(
    view: PrepareView, controller: Controller, services: Services, meeting_id: int
) -> None:
    item = services.agenda.items(meeting_id)[2]
    controller.park_item(item_id=item.id)
    assert view.agenda_model.rowCount() == 4
    assert view.parked_label.isVisibleTo(view)
    assert item.title in view.parked_label.text()


# ---- templates ---------------------------------------------------------------------------------
def test_add_a_templates_items_to_the_agenda(
    view: PrepareView, services: Services, meeting_id: int
) -> None:
    row = view.templates_model.row_of(lambda t: t.name == "Lead hand-off review")
    view.template_combo.setCurrentIndex(row)
    view.apply_template_button.click()
    assert len(services.agenda.items(meeting_id)) == 9
    assert view.agenda_model.rowCount() == 9


def test_save_agenda_as_template(
    monkeypatch: pytest.MonkeyPatch, view: PrepareView, services: Services
) -> None:
    monkeypatch.setattr(prepare_view, "get_text", lambda *_a: ("Our monthly agenda", True))
    view.save_template_button.click()
    assert "Our monthly agenda" in [t.name for t in services.agenda.templates()]
    assert view.template_combo.currentText().startswith("Our monthly agenda")


def test_saving_a_template_under_an_existing_name_warns_and_saves_nothing(
    monkeypatch: pytest.MonkeyPatch, view: PrepareView, services: Services
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(prepare_view, "get_text", lambda *_a: ("campaign KICK-OFF", True))
    monkeypatch.setattr(prepare_view, "warn", lambda _p, _t, text: warnings.append(text))
    view.save_template_button.click()
    assert warnings == ["There is already a template called “Campaign kick-off”."]
    assert len(services.agenda.templates()) == 4


def test_cancelling_the_template_name_saves_nothing(
    monkeypatch: pytest.MonkeyPatch, view: PrepareView, services: Services
) -> None:
    monkeypatch.setattr(prepare_view.QInputDialog, "getText", lambda *_a: ("Ignored", False))
    view.save_template_button.click()
    assert len(services.agenda.templates()) == 4


def test_cell_editors_offer_the_right_choices(
    qtbot: QtBot, view: PrepareView, people: dict[str, int]
) -> None:
    model = view.agenda_model
    view.show()
    _edit(view, model.index(0, COL_MINUTES))
    [spin] = view.agenda_table.viewport().findChildren(QSpinBox)
    assert (spin.minimum(), spin.maximum(), spin.value()) == (1, 480, 10)
    view.agenda_table.setCurrentIndex(QModelIndex())  # commit and close

    _edit(view, model.index(0, COL_OWNER))
    [combo] = view.agenda_table.viewport().findChildren(QComboBox)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[0] == "—"
    assert set(labels[1:]) == set(people)
    combo.setCurrentIndex(combo.findText("Leo Novak"))
    combo.activated.emit(combo.currentIndex())
    assert model.index(0, COL_OWNER).data() == "Leo Novak"


def test_switching_meeting_with_a_cell_being_edited_saves_it_to_the_old_meeting(
    qtbot: QtBot, view: PrepareView, controller: Controller, services: Services, meeting_id: int
) -> None:
    other = services.meetings.create_meeting(title="Lead review", starts_at=datetime(2030, 5, 1, 9))
    view.show()
    _edit(view, view.agenda_model.index(0, COL_TITLE))
    [editor] = view.agenda_table.viewport().findChildren(QLineEdit)
    editor.setText("KPIs, typed while switching")
    controller.select_meeting(other.id)
    assert services.agenda.items(meeting_id)[0].title == "KPIs, typed while switching"
    assert view.agenda_model.rowCount() == 0


# ---- review fixes: nothing typed is lost, user text stays text --------------------------------
def test_the_title_cell_editor_takes_a_title_at_most_and_brings_back_a_refused_text(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    view: PrepareView,
    controller: Controller,
    services: Services,
    meeting_id: int,
) -> None:
    before = _titles(services, meeting_id)
    view.show()
    index = view.agenda_model.index(0, COL_TITLE)
    _edit(view, index)
    editor = view.agenda_table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    assert editor.maxLength() == MAX_TITLE  # too long cannot be typed, so never refused

    def refuse(**_fields: object) -> None:
        raise ValidationError("title", "Agenda item titles are frozen today.")

    monkeypatch.setattr(controller, "update_item", refuse)
    editor.setText("A title the service refuses")
    view.agenda_table.setCurrentIndex(view.agenda_model.index(1, COL_TITLE))  # commit, close
    assert view.agenda_error.text() == "Agenda item titles are frozen today."
    qtbot.waitUntil(lambda: view.agenda_table.indexWidget(index) is not None)
    again = view.agenda_table.indexWidget(index)
    assert isinstance(again, QLineEdit)
    assert again.text() == "A title the service refuses"  # as typed, ready to correct
    assert _titles(services, meeting_id) == before


def test_single_line_fields_stop_where_the_service_would_cut(
    qtbot: QtBot, view: PrepareView, services: Services, meeting_id: int
) -> None:
    assert (view.title_edit.maxLength(), view.place_edit.maxLength()) == (MAX_TITLE, MAX_TITLE)
    assert view.add_title_edit.maxLength() == MAX_TITLE
    view.place_edit.clear()
    qtbot.keyClicks(view.place_edit, "R" * 250)
    assert len(view.place_edit.text()) == 200
    view.savers["place"].flush()
    assert services.meetings.get_meeting(meeting_id).place == view.place_edit.text()


def test_uninviting_someone_who_owns_actions_here_names_how_many(
    monkeypatch: pytest.MonkeyPatch,
    view: PrepareView,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
) -> None:
    for title in ("Call back the webinar leads", "Send the pricing sheet"):
        services.actions.add_action(
            meeting_id=meeting_id, owner_id=people["Ben Okafor"], title=title
        )
    questions: list[str] = []

    def answer_no(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return False

    monkeypatch.setattr(prepare_view, "ask_yes_no", answer_no)
    view.invitees_model.setData(
        _invite_row(view, "Ben Okafor"),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    assert "• Ben Okafor: owns 2 actions" in questions[0]
    assert "Their actions stay in the meeting" in questions[0]
    assert len(services.meetings.participants(meeting_id)) == 4


def test_questions_and_warnings_show_user_text_as_plain_text(
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
    view: PrepareView,
    controller: Controller,
    services: Services,
    meeting_id: int,
) -> None:
    item = services.agenda.items(meeting_id)[0]
    controller.update_item(item_id=item.id, title="<b>Big</b> sync", notes="Said a lot")
    message_boxes.answer = QMessageBox.StandardButton.No
    _select_agenda_row(view, 0)
    view.remove_button.click()
    monkeypatch.setattr(prepare_view, "get_text", lambda *_a: ("campaign KICK-OFF", True))
    view.save_template_button.click()
    assert [(b.title, b.text_format) for b in message_boxes.shown] == [
        ("Remove agenda item?", Qt.TextFormat.PlainText),
        ("Template not saved", Qt.TextFormat.PlainText),
    ]
    assert "“<b>Big</b> sync”" in message_boxes.shown[0].text
    assert _titles(services, meeting_id)[0] == "<b>Big</b> sync"  # "No" kept it
