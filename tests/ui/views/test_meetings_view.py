"""The home page: the list of meetings, the New meeting dialog, and what to do with one."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Phase
from alignmeet.domain.rules import MAX_TITLE
from alignmeet.services import Services
from ui.controller import Controller
from ui.models.meetings_model import COL_DATE, COL_TITLE
from ui.views import meetings_view
from ui.views.meeting_dialog import MeetingDialog, next_weekday_at_nine
from ui.views.meetings_view import EMPTY_HINT, MeetingsView

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


@pytest.fixture
def view(qtbot: QtBot, controller: Controller) -> MeetingsView:
    """The page as it opens; tests that need a meeting ask for `meeting_id` before `view`."""
    widget = MeetingsView(controller)
    qtbot.addWidget(widget)
    return widget


def _titles(view: MeetingsView) -> list[str]:
    return [view.proxy.index(r, COL_TITLE).data() for r in range(view.proxy.rowCount())]


def _select(view: MeetingsView, title: str) -> None:
    row = _titles(view).index(title)
    view.table.selectRow(row)


def _click_ok(dialog: MeetingDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


# ---- the list ----------------------------------------------------------------------------------
def test_without_meetings_a_friendly_hint_says_what_to_do_first(view: MeetingsView) -> None:
    assert view.stack.currentIndex() == 1
    assert view.empty_hint.text() == EMPTY_HINT
    assert view.empty_hint.textFormat() == Qt.TextFormat.PlainText
    assert view.new_button.isEnabled()
    assert not view.prepare_button.isEnabled()


def test_meetings_are_listed_newest_first_and_the_search_filters_titles(
    qtbot: QtBot, controller: Controller, services: Services, meeting_id: int
) -> None:
    services.meetings.create_meeting(title="Campaign kick-off", starts_at=datetime(2030, 1, 8, 9))
    services.meetings.create_meeting(title="Lead review", starts_at=datetime(2030, 6, 2, 9))
    view = MeetingsView(controller)
    qtbot.addWidget(view)
    assert view.stack.currentIndex() == 0
    assert _titles(view) == ["Lead review", "Sales & Marketing sync", "Campaign kick-off"]
    view.search_edit.setText("KICK")
    assert _titles(view) == ["Campaign kick-off"]
    view.search_edit.setText("nothing like this")
    assert _titles(view) == []
    assert view.no_match_hint.isVisibleTo(view)
    view.search_edit.clear()
    assert len(_titles(view)) == 3


def test_the_chosen_meeting_stays_chosen_when_the_list_is_sorted_by_another_column(
    qtbot: QtBot, controller: Controller, services: Services, meeting_id: int
) -> None:
    """The list sorts in its model (SourceSortProxy): sorting by title and back by date keeps
    the meeting the facilitator chose, and shows the meetings in the order asked for."""
    services.meetings.create_meeting(title="Campaign kick-off", starts_at=datetime(2030, 1, 8, 9))
    services.meetings.create_meeting(title="Lead review", starts_at=datetime(2030, 6, 2, 9))
    view = MeetingsView(controller)
    qtbot.addWidget(view)
    _select(view, "Campaign kick-off")
    view.table.sortByColumn(COL_TITLE, Qt.SortOrder.AscendingOrder)
    assert _titles(view) == ["Campaign kick-off", "Lead review", "Sales & Marketing sync"]
    assert view.selected_meeting() is not None
    assert view.selected_meeting().title == "Campaign kick-off"  # type: ignore[union-attr]
    view.table.sortByColumn(COL_TITLE, Qt.SortOrder.DescendingOrder)
    assert _titles(view) == ["Sales & Marketing sync", "Lead review", "Campaign kick-off"]
    view.table.sortByColumn(COL_DATE, Qt.SortOrder.DescendingOrder)
    assert _titles(view) == ["Lead review", "Sales & Marketing sync", "Campaign kick-off"]
    assert view.selected_meeting().title == "Campaign kick-off"  # type: ignore[union-attr]
    services.meetings.create_meeting(title="Budget", starts_at=datetime(2029, 12, 1, 9))
    view.refresh()  # rows set again: the sort holds
    assert _titles(view) == ["Lead review", "Sales & Marketing sync", "Campaign kick-off", "Budget"]


def test_the_list_follows_changes_made_elsewhere(
    meeting_id: int, view: MeetingsView, controller: Controller
) -> None:
    assert _titles(view) == ["Sales & Marketing sync"]
    controller.update_meeting(meeting_id=meeting_id, title="Joint pipeline review")
    assert _titles(view) == ["Joint pipeline review"]


def test_selecting_a_row_makes_it_the_current_meeting(
    meeting_id: int, view: MeetingsView, controller: Controller
) -> None:
    assert not view.prepare_button.isEnabled()
    _select(view, "Sales & Marketing sync")
    assert controller.current_meeting_id == meeting_id
    assert view.prepare_button.isEnabled()
    assert "Room 2" in view.details_text.text()


# ---- opening a meeting ---------------------------------------------------------------------------
def test_prepare_and_run_buttons_open_the_selected_meeting(
    meeting_id: int, qtbot: QtBot, view: MeetingsView, controller: Controller
) -> None:
    _select(view, "Sales & Marketing sync")
    with qtbot.waitSignal(controller.navigation_requested) as blocker:
        view.prepare_button.click()
    assert blocker.args == ["prepare"]
    with qtbot.waitSignal(controller.navigation_requested) as blocker:
        view.run_button.click()
    assert blocker.args == ["run"]


def test_double_click_prepares_a_planned_meeting_and_runs_a_started_one(
    meeting_id: int, qtbot: QtBot, view: MeetingsView, controller: Controller
) -> None:
    index = view.proxy.index(0, COL_TITLE)
    with qtbot.waitSignal(controller.navigation_requested) as blocker:
        view.table.activated.emit(index)
    assert blocker.args == ["prepare"]
    assert controller.current_meeting_id == meeting_id

    controller.set_phase(meeting_id=meeting_id, phase=Phase.REVIEW)
    assert view.run_button.text() == "Continue"
    with qtbot.waitSignal(controller.navigation_requested) as blocker:
        view.table.activated.emit(view.proxy.index(0, COL_TITLE))
    assert blocker.args == ["run"]


# ---- the selected meeting ---------------------------------------------------------------
def test_create_next_meeting_adds_and_selects_the_next_one_of_the_series(
    meeting_id: int, view: MeetingsView, controller: Controller, services: Services
) -> None:
    _select(view, "Sales & Marketing sync")
    view.next_button.click()
    meetings = services.meetings.list_meetings()
    assert len(meetings) == 2
    assert controller.current_meeting_id == meetings[0].id != meeting_id
    assert view.selected_meeting() is not None
    assert view.selected_meeting().id == meetings[0].id  # type: ignore[union-attr]


def test_export_asks_the_window_to_export_the_selected_meeting(
    meeting_id: int, qtbot: QtBot, view: MeetingsView, controller: Controller
) -> None:
    _select(view, "Sales & Marketing sync")
    with qtbot.waitSignal(controller.export_requested) as blocker:
        view.export_button.click()
    assert blocker.args == [meeting_id]


def test_delete_asks_first_and_no_keeps_the_meeting(
    meeting_id: int, monkeypatch: pytest.MonkeyPatch, view: MeetingsView, services: Services
) -> None:
    questions: list[str] = []

    def answer_no(_parent: object, title: str, text: str) -> bool:
        questions.append(text)
        return False

    monkeypatch.setattr(meetings_view, "ask_yes_no", answer_no)
    _select(view, "Sales & Marketing sync")
    view.delete_button.click()
    assert "cannot be undone" in questions[0]
    assert len(services.meetings.list_meetings()) == 1


def test_delete_confirmed_through_the_message_box_removes_the_meeting(
    meeting_id: int,
    message_boxes: MessageBoxes,
    view: MeetingsView,
    controller: Controller,
    services: Services,
) -> None:
    _select(view, "Sales & Marketing sync")
    view.delete_button.click()
    assert [box.title for box in message_boxes.shown] == ["Delete meeting?"]
    assert services.meetings.list_meetings() == []
    assert controller.current_meeting_id is None
    assert view.stack.currentIndex() == 1  # the empty hint again


# ---- the New meeting dialog -------------------------------------------------------------
def test_new_meeting_defaults_to_the_next_weekday_at_nine() -> None:
    friday = date(2030, 3, 8)
    assert next_weekday_at_nine(friday) == datetime(2030, 3, 11, 9, 0)  # Monday
    assert next_weekday_at_nine(date(2030, 3, 5)) == datetime(2030, 3, 6, 9, 0)


def test_new_meeting_dialog_creates_the_meeting_with_agenda_and_invitees(
    qtbot: QtBot, controller: Controller, services: Services, people: dict[str, int]
) -> None:
    dialog = MeetingDialog(controller, today=date(2030, 3, 8))
    qtbot.addWidget(dialog)
    assert dialog.title_edit.text() == "Sales & Marketing sync"
    assert dialog.when_edit.dateTime().toPython() == datetime(2030, 3, 11, 9, 0)
    assert dialog.invite_check.isChecked()
    assert dialog.template_combo.currentText().startswith("Monthly Sales & Marketing sync")
    dialog.place_edit.setText("Room 4")
    dialog.length_spin.setValue(45)
    _click_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.created is not None
    meeting = services.meetings.get_meeting(dialog.created.id)
    assert (meeting.place, meeting.planned_minutes) == ("Room 4", 45)
    assert meeting.series_name == "Sales & Marketing sync"
    assert len(services.meetings.participants(meeting.id)) == 4
    assert len(services.agenda.items(meeting.id)) == 5
    assert controller.current_meeting_id == meeting.id


def test_an_empty_title_keeps_the_dialog_open_with_the_message_and_everything_typed(
    qtbot: QtBot, controller: Controller, services: Services, people: dict[str, int]
) -> None:
    dialog = MeetingDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("   ")
    dialog.place_edit.setText("Room 4")
    dialog.series_combo.setEditText("Quarterly planning")
    _click_ok(dialog)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.errors["title"].isVisible()
    assert dialog.errors["title"].text() == "Meeting title cannot be empty."
    assert dialog.place_edit.text() == "Room 4"
    assert dialog.series_combo.currentText() == "Quarterly planning"
    assert services.meetings.list_meetings() == []
    assert services.meetings.list_series() == []  # no series made for a meeting that failed

    dialog.title_edit.setText("Q3 planning")
    _click_ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not dialog.errors["title"].isVisible()
    [meeting] = services.meetings.list_meetings()
    assert meeting.series_name == "Quarterly planning"


def test_an_empty_series_name_is_shown_at_the_series_field(
    qtbot: QtBot, controller: Controller, services: Services
) -> None:
    dialog = MeetingDialog(controller)
    qtbot.addWidget(dialog)
    dialog.series_combo.setEditText("  ")
    _click_ok(dialog)
    assert dialog.errors["series"].text() == "Series name cannot be empty."
    assert services.meetings.list_meetings() == []


def test_new_meeting_from_the_page_opens_prepare_for_the_new_meeting(
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    view: MeetingsView,
    controller: Controller,
    services: Services,
    people: dict[str, int],
) -> None:
    def fill_and_accept(dialog: MeetingDialog) -> int:
        dialog.title_edit.setText("Webinar follow-up")
        dialog.template_combo.setCurrentIndex(0)  # Empty agenda
        dialog.invite_check.setChecked(False)
        _click_ok(dialog)
        return dialog.result()

    monkeypatch.setattr(MeetingDialog, "exec", fill_and_accept)
    with qtbot.waitSignal(controller.navigation_requested) as blocker:
        view.new_button.click()
    assert blocker.args == ["prepare"]
    [meeting] = services.meetings.list_meetings()
    assert meeting.title == "Webinar follow-up"
    assert services.agenda.items(meeting.id) == []
    assert services.meetings.participants(meeting.id) == []
    assert controller.current_meeting_id == meeting.id
    assert _titles(view) == ["Webinar follow-up"]
    assert view.selected_meeting() is not None


def test_cancelling_the_dialog_creates_nothing(
    monkeypatch: pytest.MonkeyPatch, view: MeetingsView, services: Services
) -> None:
    monkeypatch.setattr(MeetingDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert view.new_meeting() is None
    assert services.meetings.list_meetings() == []


def test_the_dialog_fields_stop_where_the_service_would_cut(
    qtbot: QtBot, controller: Controller, services: Services
) -> None:
    dialog = MeetingDialog(controller)
    qtbot.addWidget(dialog)
    assert dialog.title_edit.maxLength() == MAX_TITLE
    assert dialog.place_edit.maxLength() == 200
    assert dialog.series_combo.lineEdit().maxLength() == MAX_TITLE
    dialog.place_edit.clear()
    qtbot.keyClicks(dialog.place_edit, "https://meet.example.com/" + "x" * 300)
    assert len(dialog.place_edit.text()) == 200
    _click_ok(dialog)
    assert dialog.created is not None
    assert services.meetings.get_meeting(dialog.created.id).place == dialog.place_edit.text()


def test_a_new_series_is_made_through_the_controller_after_the_title_is_checked(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    controller: Controller,
    services: Services,
) -> None:
    made: list[str] = []
    ensure_series = controller.ensure_series

    def spy(name: str) -> object:
        made.append(name)
        return ensure_series(name)

    monkeypatch.setattr(controller, "ensure_series", spy)
    dialog = MeetingDialog(controller)
    qtbot.addWidget(dialog)
    dialog.series_combo.setEditText("Quarterly planning")
    dialog.title_edit.setText(" ")
    _click_ok(dialog)
    assert made == []  # the empty title was refused first
    dialog.title_edit.setText("Q3 planning")
    _click_ok(dialog)
    assert made == ["Quarterly planning"]
    assert [s.name for s in services.meetings.list_series()] == ["Quarterly planning"]
