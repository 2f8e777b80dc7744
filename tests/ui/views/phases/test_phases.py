"""Each phase page, driven the way a facilitator drives it, checked against the database."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import ActionStatus, Attendance, MeetingStatus, Phase, TeamTag
from alignmeet.services import Services
from ui.controller import Controller
from ui.models.attendance_model import COL_APOLOGIES, COL_PRESENT, COL_REPRESENTATIVE
from ui.views.phases import close_phase
from ui.views.phases.review_phase import EMPTY_TEXT
from ui.views.run_view import RunView

CHECK = Qt.ItemDataRole.CheckStateRole


@pytest.fixture
def view(qtbot: QtBot, controller: Controller, meeting_id: int) -> RunView:
    controller.select_meeting(meeting_id)
    run = RunView(controller, clock=lambda: 100.0)
    qtbot.addWidget(run)
    return run


def attendance(services: Services, meeting_id: int) -> dict[str, Attendance]:
    return {p.name: p.attendance for p in services.meetings.participants(meeting_id)}


def mark_present(
    controller: Controller, meeting_id: int, people: dict[str, int], *names: str
) -> None:
    for name in names:
        controller.set_attendance(
            meeting_id=meeting_id, member_id=people[name], attendance=Attendance.PRESENT
        )


@pytest.fixture
def earlier_actions(services: Services, meeting_id: int, people: dict[str, int]) -> list[int]:
    """Three open actions from the series' previous meeting (closed a month earlier)."""
    series_id = services.meetings.get_meeting(meeting_id).series_id
    earlier = services.meetings.create_meeting(
        title="Sync 1",
        starts_at=datetime(2030, 2, 5, 9, 0),
        series_id=series_id,
        invitee_ids=list(people.values()),
    )
    ids = [
        services.actions.add_action(
            meeting_id=earlier.id, owner_id=people[owner], title=title, today=date(2030, 2, 5)
        ).id
        for owner, title in (
            ("Ava Chen", "Send the webinar deck to every lead"),
            ("Maya Rossi", "Draft the MQL definition"),
            ("Leo Novak", "Write the case study"),
        )
    ]
    services.meetings.close_meeting(meeting_id=earlier.id)
    return ids


# ---- 1 Open ---------------------------------------------------------------------------
def test_open_shows_topic_and_end_goal(view: RunView) -> None:
    page = view.open_phase
    assert page.topic_label.text() == "Turn webinar leads into pipeline"
    assert "action plan" in page.goal_label.text()
    assert page.topic_label.textFormat() == Qt.TextFormat.PlainText


def test_attendance_check_boxes_write_to_the_database(
    view: RunView, services: Services, meeting_id: int
) -> None:
    page = view.open_phase
    model = page.model
    ava = model.row_of(lambda p: p.name == "Ava Chen")
    ben = model.row_of(lambda p: p.name == "Ben Okafor")
    maya = model.row_of(lambda p: p.name == "Maya Rossi")
    model.setData(model.index(ava, COL_PRESENT), Qt.CheckState.Checked.value, CHECK)
    model.setData(model.index(ben, COL_APOLOGIES), Qt.CheckState.Checked.value, CHECK)
    model.setData(model.index(maya, COL_REPRESENTATIVE), Qt.CheckState.Checked.value, CHECK)
    stored = attendance(services, meeting_id)
    assert stored["Ava Chen"] is Attendance.PRESENT
    assert stored["Ben Okafor"] is Attendance.APOLOGIES
    assert stored["Maya Rossi"] is Attendance.PRESENT  # attending for the other team means present
    assert page.count_label.text() == "2 present · 1 apologies · 1 not marked"
    model.setData(model.index(ava, COL_PRESENT), Qt.CheckState.Unchecked.value, CHECK)
    assert attendance(services, meeting_id)["Ava Chen"] is Attendance.INVITED


def test_space_on_a_check_box_cell_ticks_it(
    qtbot: QtBot, view: RunView, services: Services, meeting_id: int
) -> None:
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    table = view.open_phase.table
    row = view.open_phase.model.row_of(lambda p: p.name == "Leo Novak")
    table.setFocus()
    table.setCurrentIndex(view.open_phase.model.index(row, COL_PRESENT))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert attendance(services, meeting_id)["Leo Novak"] is Attendance.PRESENT


def test_all_present_marks_everyone_but_apologies(
    qtbot: QtBot,
    view: RunView,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
    controller: Controller,
) -> None:
    controller.set_attendance(
        meeting_id=meeting_id, member_id=people["Ben Okafor"], attendance=Attendance.APOLOGIES
    )
    qtbot.mouseClick(view.open_phase.all_present_button, Qt.MouseButton.LeftButton)
    stored = attendance(services, meeting_id)
    assert stored["Ben Okafor"] is Attendance.APOLOGIES
    assert [n for n, a in stored.items() if a is Attendance.PRESENT] == [
        "Ava Chen",
        "Leo Novak",
        "Maya Rossi",
    ]
    assert view.open_phase.count_label.text() == "3 present · 1 apologies · 0 not marked"


def test_previous_minutes_approved_is_stored(
    view: RunView, services: Services, meeting_id: int
) -> None:
    view.open_phase.minutes_check.click()
    assert services.meetings.get_meeting(meeting_id).previous_minutes_approved


# ---- 2 Review ---------------------------------------------------------------------------
def test_review_lists_earlier_open_actions_with_their_origin(
    earlier_actions: list[int], view: RunView
) -> None:
    page = view.review_phase
    assert page.model.rowCount() == 3
    assert page.model.record(0).action.origin == "Sync 1, 5 Feb 2030"
    assert page.list_stack.currentWidget() is page.table


def test_applying_a_status_stores_it_with_the_note_and_moves_on(
    qtbot: QtBot, earlier_actions: list[int], view: RunView, services: Services, meeting_id: int
) -> None:
    page = view.review_phase
    page.select_row(0)
    first = page.current_record()
    assert first is not None
    qtbot.keyClicks(page.note_edit, "Sent on 3 March")
    qtbot.mouseClick(page.status_buttons[ActionStatus.DONE], Qt.MouseButton.LeftButton)

    assert services.actions.get_action(first.action.id).status is ActionStatus.DONE
    last = services.actions.history(first.action.id)[-1]
    assert (last.note, last.meeting_id, last.new_status) == (
        "Sent on 3 March",
        meeting_id,
        ActionStatus.DONE,
    )
    assert page.current_row() == 1
    assert page.note_edit.text() == ""
    assert page.progress_label.text() == "1 of 3 reviewed in this meeting"


def test_enter_in_the_note_applies_the_chosen_status(
    qtbot: QtBot, earlier_actions: list[int], view: RunView, services: Services
) -> None:
    page = view.review_phase
    page.select_row(1)
    action_id = page.current_record().action.id  # type: ignore[union-attr]
    page.status_buttons[ActionStatus.BLOCKED].setChecked(True)
    qtbot.keyClicks(page.note_edit, "Waiting for legal")
    qtbot.keyClick(page.note_edit, Qt.Key.Key_Return)
    assert services.actions.get_action(action_id).status is ActionStatus.BLOCKED
    assert page.current_row() == 2


def test_still_open_keeps_the_action_open_with_a_note(
    earlier_actions: list[int], view: RunView, services: Services
) -> None:
    page = view.review_phase
    page.select_row(2)
    action_id = page.current_record().action.id  # type: ignore[union-attr]
    page.note_edit.setText("Next month")
    page.apply_status(ActionStatus.OPEN)
    assert services.actions.get_action(action_id).status is ActionStatus.OPEN
    assert services.actions.history(action_id)[-1].note == "Next month"
    assert page.current_row() == 2  # the last row stays selected


def test_review_without_earlier_actions_says_so(view: RunView) -> None:
    page = view.review_phase
    assert page.list_stack.currentWidget() is page.empty_label
    assert page.empty_label.text() == EMPTY_TEXT
    assert page.form.isHidden()


# ---- 3 Agenda ---------------------------------------------------------------------------
def test_notes_are_autosaved_and_typing_a_space_does_not_start_the_timer(
    qtbot: QtBot, view: RunView, services: Services
) -> None:
    view.go_to(Phase.AGENDA)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    page = view.agenda_phase
    page.notes_edit.setFocus()
    qtbot.keyClicks(page.notes_edit, "Speed to lead is 2 h")
    assert view.meeting_clock.running_item is None
    page.notes_saver.flush()
    item_id = page.current_item().id  # type: ignore[union-attr]
    assert services.agenda.get_item(item_id).notes == "Speed to lead is 2 h"


def test_switching_items_saves_and_swaps_the_notes(
    view: RunView, services: Services, meeting_id: int
) -> None:
    page = view.agenda_phase
    first, second = services.agenda.items(meeting_id)[:2]
    page.notes_edit.setPlainText("About KPIs")
    page.select_item(second.id)
    assert services.agenda.get_item(first.id).notes == "About KPIs"
    assert page.notes_edit.toPlainText() == ""
    assert page.title_label.text() == second.title


def test_ideas_with_author_and_decisions_are_added_and_removed(
    qtbot: QtBot,
    view: RunView,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
    controller: Controller,
) -> None:
    mark_present(controller, meeting_id, people, "Maya Rossi", "Ava Chen")
    page = view.agenda_phase
    item_id = page.current_item().id  # type: ignore[union-attr]
    combo = page.author_combo
    assert [combo.itemText(i) for i in range(combo.count())][1:] == ["Ava Chen", "Maya Rossi"]
    combo.setCurrentIndex(combo.findData(people["Maya Rossi"]))
    qtbot.keyClicks(page.ideas.line, "Route webinar leads to SDRs")
    qtbot.keyClick(page.ideas.line, Qt.Key.Key_Return)
    qtbot.keyClicks(page.decisions.line, "MQL score threshold is 60")
    qtbot.mouseClick(page.decisions.add_button, Qt.MouseButton.LeftButton)

    ideas = services.agenda.ideas(item_id)
    assert [(i.text, i.author_name) for i in ideas] == [
        ("Route webinar leads to SDRs", "Maya Rossi")
    ]
    assert page.ideas_model.data(page.ideas_model.index(0, 0)) == (
        "Route webinar leads to SDRs — Maya Rossi"
    )
    assert [d.text for d in services.agenda.decisions(item_id)] == ["MQL score threshold is 60"]
    assert page.ideas.line.text() == ""

    page.ideas.view.setCurrentIndex(page.ideas_model.index(0, 0))
    page.ideas.remove_button.click()
    page.decisions.view.setCurrentIndex(page.decisions_model.index(0, 0))
    page.remove_decision()
    assert services.agenda.ideas(item_id) == []
    assert services.agenda.decisions(item_id) == []


def test_an_empty_idea_is_refused_at_the_field(view: RunView) -> None:
    page = view.agenda_phase
    page.add_idea()
    assert not page.ideas.error.isHidden()
    assert "cannot be empty" in page.ideas.error.text()


def test_parking_takes_the_item_off_and_can_be_undone(
    view: RunView, services: Services, meeting_id: int
) -> None:
    page = view.agenda_phase
    first, second = services.agenda.items(meeting_id)[:2]
    page.park_button.click()
    assert services.agenda.get_item(first.id).parked
    assert page.model.record(0).id == second.id
    assert page.current_item().id == second.id  # type: ignore[union-attr]
    assert "next meeting's agenda" in page.notice.text()
    assert not page.notice.isHidden()
    page.notice.undo_button.click()
    assert not services.agenda.get_item(first.id).parked
    assert page.current_item().id == first.id  # type: ignore[union-attr]


# ---- 4 Action plans ----------------------------------------------------------------------
@pytest.fixture
def actions_page(
    view: RunView,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
    controller: Controller,
):  # type: ignore[no-untyped-def]
    mark_present(controller, meeting_id, people, "Ava Chen", "Ben Okafor", "Maya Rossi")
    view.go_to(Phase.ACTIONS)
    return view.actions_phase


def test_round_robin_lists_present_members_and_starts_with_the_first(actions_page) -> None:  # type: ignore[no-untyped-def]
    names = [p.name for p in actions_page.members_model.rows()]
    assert names == ["Ava Chen", "Ben Okafor", "Maya Rossi"]
    assert actions_page.plan_title.text() == "Ava Chen's action plan"
    assert actions_page.owner_combo.currentText() == "Ava Chen"
    assert actions_page.tag_combo.currentData() == TeamTag.SALES
    assert actions_page.due_edit.date().toPython() == date.today() + timedelta(days=14)


def test_an_empty_action_is_refused_at_the_field_and_the_form_is_kept(
    qtbot: QtBot,
    actions_page,
    services: Services,
    meeting_id: int,  # type: ignore[no-untyped-def]
) -> None:
    qtbot.keyClicks(actions_page.milestone_edit, "Half by May")
    qtbot.mouseClick(actions_page.add_button, Qt.MouseButton.LeftButton)
    assert not actions_page.error.isHidden()
    assert "cannot be empty" in actions_page.error.text()
    assert actions_page.milestone_edit.text() == "Half by May"
    assert services.actions.actions_for_meeting(meeting_id) == []


def test_a_past_due_date_is_refused_at_the_date_and_the_text_is_kept(
    qtbot: QtBot,
    actions_page,
    services: Services,
    meeting_id: int,  # type: ignore[no-untyped-def]
) -> None:
    qtbot.keyClicks(actions_page.text_edit, "Call the webinar leads")
    actions_page.due_edit.setDate(QDate(date.today() - timedelta(days=1)))
    qtbot.keyClick(actions_page.text_edit, Qt.Key.Key_Return)
    assert "in the past" in actions_page.error.text()
    assert actions_page.text_edit.text() == "Call the webinar leads"
    assert services.actions.actions_for_meeting(meeting_id) == []


def test_adding_an_action_stores_it_and_ticks_the_member(
    qtbot: QtBot,
    actions_page,
    services: Services,
    meeting_id: int,  # type: ignore[no-untyped-def]
) -> None:
    qtbot.keyClicks(actions_page.text_edit, "Call every webinar lead within 24 h")
    qtbot.keyClicks(actions_page.milestone_edit, "Half of them by Friday")
    qtbot.keyClick(actions_page.milestone_edit, Qt.Key.Key_Return)
    [stored] = services.actions.actions_for_meeting(meeting_id)
    assert (stored.owner_name, stored.title, stored.team_tag, stored.milestone) == (
        "Ava Chen",
        "Call every webinar lead within 24 h",
        TeamTag.SALES,
        "Half of them by Friday",
    )
    assert stored.due == date.today() + timedelta(days=14)
    assert actions_page.actions_model.rowCount() == 1
    assert actions_page.members_model.data(actions_page.members_model.index(0, 0)).startswith("✔")
    assert actions_page.text_edit.text() == ""
    assert actions_page.error.isHidden()


def test_an_action_without_due_date_for_someone_else(
    actions_page,
    services: Services,
    meeting_id: int,
    people: dict[str, int],  # type: ignore[no-untyped-def]
) -> None:
    page = actions_page
    page.owner_combo.setCurrentIndex(page.owner_combo.findData(people["Leo Novak"]))
    assert page.tag_combo.currentData() == TeamTag.MARKETING  # follows the owner's team
    page.tag_combo.setCurrentIndex(page.tag_combo.findData(TeamTag.JOINT))
    page.no_due_check.setChecked(True)
    page.text_edit.setText("Pair with Ava on the webinar follow-up")
    page.add_action()
    [stored] = services.actions.actions_for_meeting(meeting_id)
    assert (stored.owner_name, stored.due, stored.team_tag) == ("Leo Novak", None, TeamTag.JOINT)
    assert page.actions_model.rowCount() == 0  # Ava's plan is still on screen
    assert page.owner_combo.currentData() == people["Ava Chen"]


def test_next_member_goes_round_robin(actions_page) -> None:  # type: ignore[no-untyped-def]
    seen = []
    for _ in range(4):
        actions_page.next_member_button.click()
        seen.append(actions_page.plan_title.text())
    assert seen == [
        "Ben Okafor's action plan",
        "Maya Rossi's action plan",
        "Ava Chen's action plan",
        "Ben Okafor's action plan",
    ]
    assert actions_page.owner_combo.currentText() == "Ben Okafor"
    assert actions_page.tag_combo.currentData() == TeamTag.SALES


def test_delete_removes_the_selected_action(
    qtbot: QtBot,
    actions_page,
    view: RunView,
    services: Services,
    meeting_id: int,  # type: ignore[no-untyped-def]
) -> None:
    actions_page.text_edit.setText("One thing")
    actions_page.add_action()
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    table = actions_page.actions_view
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert services.actions.actions_for_meeting(meeting_id) == []


# ---- 5 Commitments -----------------------------------------------------------------------
def test_committing_is_stored_and_the_missing_list_shrinks(
    qtbot: QtBot,
    view: RunView,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
    controller: Controller,
) -> None:
    mark_present(controller, meeting_id, people, "Ava Chen", "Ben Okafor", "Leo Novak")
    view.go_to(Phase.COMMITMENTS)
    page = view.commitments_phase
    assert page.missing_label.text() == "Not committed yet: Ava Chen, Ben Okafor, Leo Novak"
    assert page.member_label.text() == "Ava Chen"
    page.confidence_combo.setCurrentIndex(page.confidence_combo.findData(4))
    qtbot.mouseClick(page.commit_button, Qt.MouseButton.LeftButton)

    ava = next(p for p in services.meetings.participants(meeting_id) if p.name == "Ava Chen")
    assert ava.committed and ava.confidence == 4
    assert page.missing_label.text() == "Not committed yet: Ben Okafor, Leo Novak"
    assert page.member_label.text() == "Ben Okafor"  # straight on to the next one

    page.commit_selected()
    page.commit_selected()
    assert page.missing_label.text() == "Everyone present has committed ✔"


def test_withdraw_takes_a_commitment_back(
    view: RunView,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
    controller: Controller,
) -> None:
    mark_present(controller, meeting_id, people, "Ava Chen", "Ben Okafor")
    controller.commit(meeting_id=meeting_id, member_id=people["Ava Chen"], confidence=3)
    view.go_to(Phase.COMMITMENTS)  # (a phase behind another one refreshes when shown)
    page = view.commitments_phase
    page.select_member(people["Ava Chen"])
    assert page.withdraw_button.isEnabled()
    page.withdraw_button.click()
    ava = next(p for p in services.meetings.participants(meeting_id) if p.name == "Ava Chen")
    assert not ava.committed
    assert "Ava Chen" in page.missing_label.text()


# ---- 6 Close --------------------------------------------------------------------------
def test_close_meeting_when_everyone_committed_asks_nothing(
    monkeypatch: pytest.MonkeyPatch,
    view: RunView,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
    controller: Controller,
) -> None:
    mark_present(controller, meeting_id, people, "Ava Chen")
    controller.commit(meeting_id=meeting_id, member_id=people["Ava Chen"])
    monkeypatch.setattr(close_phase, "ask", lambda *a: pytest.fail("no question expected"))
    view.go_to(Phase.CLOSE)
    view.close_phase.close_button.click()
    meeting = services.meetings.get_meeting(meeting_id)
    assert meeting.status is MeetingStatus.CLOSED
    assert meeting.closed_at is not None
    assert view.close_phase.reopen_button.isVisibleTo(view.close_phase)
    assert not view.close_phase.close_button.isVisibleTo(view.close_phase)


def test_close_asks_when_someone_present_has_not_committed(
    monkeypatch: pytest.MonkeyPatch,
    view: RunView,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
    controller: Controller,
) -> None:
    mark_present(controller, meeting_id, people, "Ava Chen", "Ben Okafor")
    questions: list[str] = []

    def decline(_parent: object, _title: str, text: str) -> bool:
        questions.append(text)
        return False

    monkeypatch.setattr(close_phase, "ask", decline)
    view.close_phase.close_meeting()
    assert "Ava Chen, Ben Okafor" in questions[0]
    assert services.meetings.get_meeting(meeting_id).status is not MeetingStatus.CLOSED

    monkeypatch.setattr(close_phase, "ask", lambda *a: True)
    view.close_phase.close_meeting()
    assert services.meetings.get_meeting(meeting_id).status is MeetingStatus.CLOSED
    view.close_phase.reopen_button.click()
    assert services.meetings.get_meeting(meeting_id).status is MeetingStatus.RUNNING


def test_the_next_meeting_is_set_and_checked(
    view: RunView, services: Services, meeting_id: int
) -> None:
    page = view.close_phase
    page.next_edit.setDateTime(QDateTime(datetime(2030, 4, 2, 10, 30)))
    page.set_next_button.click()
    assert services.meetings.get_meeting(meeting_id).next_meeting_at == datetime(2030, 4, 2, 10, 30)
    assert "Tuesday 02 April 2030, 10:30" in page.next_label.text()

    page.next_edit.setDateTime(QDateTime(datetime(2030, 1, 1, 9, 0)))
    page.set_next_button.click()
    assert "must be after this one" in page.next_error.text()


def test_closing_notes_are_autosaved(
    qtbot: QtBot, view: RunView, controller: Controller, services: Services, meeting_id: int
) -> None:
    qtbot.keyClicks(view.close_phase.notes_edit, "Thanks all")
    controller.flush_pending()
    assert services.meetings.get_meeting(meeting_id).closing_notes == "Thanks all"


def test_the_summary_counts_what_happened(
    qtbot: QtBot,
    view: RunView,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
    controller: Controller,
) -> None:
    mark_present(controller, meeting_id, people, "Ava Chen", "Maya Rossi")
    controller.add_action(meeting_id=meeting_id, owner_id=people["Ava Chen"], title="A")
    controller.add_action(meeting_id=meeting_id, owner_id=people["Maya Rossi"], title="B")
    controller.commit(meeting_id=meeting_id, member_id=people["Ava Chen"], confidence=5)
    view.go_to(Phase.CLOSE)
    view.show()
    text = view.close_phase.summary_text()
    assert "Present: 2 of 4 invited" in text
    assert "Actions agreed: 2 — Sales 1 · Marketing 1 · Joint 0" in text
    assert "Commitments: 1 of 2 present · average confidence 5.0 / 5" in text


def test_export_minutes_asks_the_window(
    qtbot: QtBot, view: RunView, controller: Controller, meeting_id: int
) -> None:
    with qtbot.waitSignal(controller.export_requested, timeout=1000) as blocker:
        view.close_phase.export_button.click()
    assert blocker.args == [meeting_id]


def test_the_close_question_is_a_plain_text_yes_no_defaulting_to_no(qtbot: QtBot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[Qt.TextFormat, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.textFormat(), box.defaultButton().text()))
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer)
    assert close_phase.ask(parent, "Close the meeting?", "Not committed yet: <b>Ben</b>")
    assert seen[0][0] == Qt.TextFormat.PlainText
    assert "No" in seen[0][1]


# ---- review fixes: what is typed stays, one click is one action --------------------------------
def _click_row(qtbot: QtBot, table: object, row: int, column: int = 1) -> None:
    index = table.model().index(row, column)  # type: ignore[attr-defined]
    rect = table.visualRect(index)  # type: ignore[attr-defined]
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]


def _double_click(qtbot: QtBot, button: object) -> None:
    """What a mouse does on a double-click: press, release, double-click, release."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)  # type: ignore[arg-type]


def test_a_review_note_is_kept_when_another_follow_up_is_clicked(
    qtbot: QtBot, earlier_actions: list[int], view: RunView, services: Services, meeting_id: int
) -> None:
    view.go_to(Phase.REVIEW)
    view.show()
    page = view.review_phase
    page.select_row(0)
    first = page.current_record().action  # type: ignore[union-attr]
    qtbot.keyClicks(page.note_edit, "Half of the leads done")
    _click_row(qtbot, page.table, 1)

    assert page.current_row() == 1
    assert page.note_edit.text() == ""
    assert services.actions.get_action(first.id).status is first.status  # the status stays
    last = services.actions.history(first.id)[-1]
    assert (last.note, last.meeting_id) == ("Half of the leads done", meeting_id)
    _click_row(qtbot, page.table, 0)
    assert page.note_edit.text() == "Half of the leads done"


def test_a_picked_next_meeting_date_survives_the_closing_notes_autosave(
    qtbot: QtBot, view: RunView, controller: Controller, services: Services, meeting_id: int
) -> None:
    page = view.close_phase
    picked = datetime(2030, 4, 9, 14, 0)
    page.next_edit.setDateTime(QDateTime(picked))
    qtbot.keyClicks(page.notes_edit, "Thanks all")
    controller.flush_pending()  # the notes' save refreshes the page
    assert page.next_meeting_value() == picked
    controller.update_meeting(meeting_id=meeting_id, next_meeting_at=datetime(2030, 4, 2, 9, 0))
    assert page.next_meeting_value() == datetime(2030, 4, 2, 9, 0)  # a stored change shows


def test_a_commitment_being_typed_survives_a_refresh_for_the_same_member(
    view: RunView, controller: Controller, meeting_id: int, people: dict[str, int]
) -> None:
    mark_present(controller, meeting_id, people, "Ava Chen", "Ben Okafor")
    view.go_to(Phase.COMMITMENTS)
    page = view.commitments_phase
    assert page.member_label.text() == "Ava Chen"
    page.confidence_combo.setCurrentIndex(page.confidence_combo.findData(4))
    page.note_edit.setText("if legal signs off by Friday")
    mark_present(controller, meeting_id, people, "Leo Novak")  # refreshes the page
    assert page.member_label.text() == "Ava Chen"
    assert page.confidence_combo.currentData() == 4
    assert page.note_edit.text() == "if legal signs off by Friday"
    page.select_member(people["Ben Okafor"])  # another speaker: their own (empty) values
    assert (page.confidence_combo.currentData(), page.note_edit.text()) == (None, "")


def test_owners_of_actions_who_are_not_present_stay_in_the_round_robin(
    actions_page,  # type: ignore[no-untyped-def]
    controller: Controller,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
) -> None:
    leo = people["Leo Novak"]  # invited, not present
    services.actions.add_action(meeting_id=meeting_id, owner_id=leo, title="Write the case study")
    controller.add_action(meeting_id=meeting_id, owner_id=people["Ben Okafor"], title="Call Acme")
    others = [m for m in people.values() if m != people["Ben Okafor"]]
    controller.set_invitees(meeting_id=meeting_id, member_ids=others)  # Ben uninvited
    model = actions_page.members_model
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert texts == [
        "    Ava Chen",
        "    Maya Rossi",
        "✔ Leo Novak (not present)",
        "✔ Ben Okafor (not present)",
    ]
    actions_page.select_member(people["Ben Okafor"])
    assert actions_page.plan_title.text() == "Ben Okafor's action plan (not present)"
    assert [a.title for a in actions_page.actions_model.rows()] == ["Call Acme"]
    actions_page.actions_view.selectRow(0)
    actions_page.remove_button.click()
    assert [a.owner_id for a in services.actions.actions_for_meeting(meeting_id)] == [leo]
    assert "Ben Okafor" not in [p.name for p in model.rows()]


def test_a_double_click_on_a_button_acts_once(
    qtbot: QtBot,
    double_click_guard: object,
    view: RunView,
    controller: Controller,
    services: Services,
    meeting_id: int,
    people: dict[str, int],
) -> None:
    view.go_to(Phase.AGENDA)
    view.show()
    first = services.agenda.items(meeting_id)[0]
    _double_click(qtbot, view.agenda_phase.park_button)  # twice would park the next item too
    assert [i.id for i in services.agenda.items(meeting_id) if i.parked] == [first.id]

    mark_present(controller, meeting_id, people, "Ava Chen", "Ben Okafor")
    view.go_to(Phase.ACTIONS)
    actions = view.actions_phase
    actions.text_edit.setText("Call every webinar lead")
    _double_click(qtbot, actions.add_button)
    assert len(services.actions.actions_for_meeting(meeting_id)) == 1

    view.go_to(Phase.COMMITMENTS)
    commitments = view.commitments_phase
    assert commitments.member_label.text() == "Ava Chen"
    _double_click(qtbot, commitments.commit_button)
    committed = [p.name for p in services.meetings.participants(meeting_id) if p.committed]
    assert committed == ["Ava Chen"]  # Ben was not committed by the second click


def test_the_milestone_stops_where_the_service_would_cut(actions_page) -> None:  # type: ignore[no-untyped-def]
    assert actions_page.milestone_edit.maxLength() == 200


def test_notes_changed_elsewhere_show_up_when_nothing_typed_waits(
    view: RunView, controller: Controller, meeting_id: int
) -> None:
    """ "Take theirs" in a conflict, or an undo, changes stored notes: the fields follow,
    unless something typed here is still waiting to be saved."""
    view.go_to(Phase.AGENDA)
    page = view.agenda_phase
    item = page.current_item()
    assert item is not None
    controller.update_item(item_id=item.id, notes="their notes")
    assert page.notes_edit.toPlainText() == "their notes"
    page.notes_edit.setPlainText("typing…")  # pending save: never overwritten
    controller.update_item(item_id=item.id, notes="someone else's")
    assert page.notes_edit.toPlainText() == "typing…"
    page.notes_saver.flush()

    view.go_to(Phase.CLOSE)
    controller.update_meeting(meeting_id=meeting_id, closing_notes="stored elsewhere")
    assert view.close_phase.notes_edit.toPlainText() == "stored elsewhere"
