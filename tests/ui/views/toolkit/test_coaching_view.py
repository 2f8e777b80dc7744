"""Coaching pairs screen: pairs, overdue marks, the check-in dialog and the rotation."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from alignmeet.domain.coaching import CheckinRecord
from ui.models.coaching_models import (
    COL_STATUS,
    ActivePairsModel,
    CheckinsModel,
    SuggestedPairsModel,
)
from ui.views.toolkit.coaching_view import CheckinDialog, CoachingView, RotationDialog


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def today(services):
    return services.coaching.clock().date()


def old_pair(services, people, days: int = 12):
    return services.coaching.start_pair(
        sales_member_id=people["Ava Chen"],
        marketing_member_id=people["Maya Rossi"],
        started_on=today(services) - timedelta(days=days),
    )


def test_models_pass_the_model_tester(qtmodeltester, services, people) -> None:
    pair = old_pair(services, people)
    services.coaching.log_checkin(
        pair_id=pair.id, held_on=today(services), progress="Good", tips_given="Call early"
    )
    pairs = ActivePairsModel()
    pairs.set_rows(services.coaching.active_pairs())
    qtmodeltester.check(pairs)
    checkins = CheckinsModel()
    checkins.set_rows(services.coaching.checkins(pair.id))
    qtmodeltester.check(checkins)
    suggested = SuggestedPairsModel()
    suggested.set_rows(services.coaching.suggest_rotation().pairs)
    qtmodeltester.check(suggested)


def test_an_overdue_pair_is_marked_with_an_icon_and_words(
    qtbot, controller, services, people
) -> None:
    old_pair(services, people, days=12)
    services.coaching.start_pair(
        sales_member_id=people["Ben Okafor"], marketing_member_id=people["Leo Novak"]
    )
    view = CoachingView(controller)
    qtbot.addWidget(view)
    model = view.pairs_model
    assert view.count_label.text() == "(2 pairs · 1 overdue)"
    overdue = model.index(0, COL_STATUS)
    assert overdue.data() == "Overdue — 12 days"
    assert isinstance(overdue.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert overdue.data(Qt.ItemDataRole.FontRole).bold()
    fine = model.index(1, COL_STATUS)
    assert fine.data() == "On track"
    assert fine.data(Qt.ItemDataRole.DecorationRole) is not None  # a tick, not just no colour


def test_starting_a_pair_from_the_combos_and_refusing_a_duplicate(
    qtbot, controller, services, people
) -> None:
    view = CoachingView(controller)
    qtbot.addWidget(view)
    view.show()
    assert view.count_label.text() == "(none yet — start one below)"
    view.sales_combo.setCurrentIndex(view.sales_combo.findData(people["Ben Okafor"]))
    view.marketing_combo.setCurrentIndex(view.marketing_combo.findData(people["Leo Novak"]))
    click(qtbot, view.start_button)
    (pair,) = services.coaching.active_pairs()
    assert pair.label == "Ben Okafor ↔ Leo Novak"
    assert view.selected_pair() is not None and view.selected_pair().id == pair.id
    click(qtbot, view.start_button)
    assert view.start_error.isVisible()
    assert "already an active" in view.start_error.text()
    assert len(services.coaching.active_pairs()) == 1


def test_logging_a_check_in_through_the_dialog(qtbot, controller, services, people) -> None:
    pair = old_pair(services, people)
    view = CoachingView(controller)
    qtbot.addWidget(view)
    view.pairs_table.selectRow(0)
    click(qtbot, view.log_button)
    dialog = view.findChild(CheckinDialog)
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.buttons()[0]
    assert ok.text() == "Log check-in"

    click(qtbot, ok)  # nothing written: refused at the progress field, the dialog stays
    assert dialog.isVisible()
    assert dialog.errors["progress"].isVisible()
    qtbot.keyClicks(dialog.asked_edit, "Which objections come up most?")
    qtbot.keyClicks(dialog.given_edit, "Data migration and per-seat price")
    click(qtbot, ok)
    assert not dialog.isVisible()
    (checkin,) = services.coaching.checkins(pair.id)
    assert checkin.held_on == today(services)
    assert checkin.tips_given == "Data migration and per-seat price"

    assert view.checkins_model.rowCount() == 1
    assert view.log_heading.text() == "Check-ins: Ava Chen ↔ Maya Rossi (1 check-in)"
    assert view.pairs_model.index(0, COL_STATUS).data() == "On track"


def test_a_check_in_in_the_current_meeting_is_linked_to_it(
    qtbot, controller, services, people, meeting_id
) -> None:
    pair = old_pair(services, people)
    controller.select_meeting(meeting_id)
    dialog = CheckinDialog(controller, pair=services.coaching.get_pair(pair.id))
    qtbot.addWidget(dialog)
    assert dialog.meeting_combo.currentData() == meeting_id
    qtbot.keyClicks(dialog.progress_edit, "Met after the sync")
    dialog.buttons.accepted.emit()
    assert isinstance(dialog.saved, CheckinRecord)
    assert dialog.saved.meeting_id == meeting_id


def test_editing_and_removing_a_check_in(
    qtbot, controller, services, people, message_boxes
) -> None:
    pair = old_pair(services, people)
    services.coaching.log_checkin(pair_id=pair.id, held_on=today(services), progress="First")
    view = CoachingView(controller)
    qtbot.addWidget(view)
    view.pairs_table.selectRow(0)
    view.checkins_table.selectRow(0)
    click(qtbot, view.edit_checkin_button)
    dialog = view.findChild(CheckinDialog)
    assert dialog.progress_edit.toPlainText() == "First"
    dialog.progress_edit.setPlainText("First, edited")
    dialog.buttons.accepted.emit()
    assert services.coaching.checkins(pair.id)[0].progress == "First, edited"
    view.checkins_table.selectRow(0)
    click(qtbot, view.remove_checkin_button)
    assert message_boxes.shown[-1].title == "Remove check-in"
    assert services.coaching.checkins(pair.id) == []


def test_the_rotation_dialog_shows_who_has_met_and_applies_the_new_pairs(
    qtbot, controller, services, people
) -> None:
    old_pair(services, people)  # Ava ↔ Maya
    services.coaching.start_pair(
        sales_member_id=people["Ben Okafor"], marketing_member_id=people["Leo Novak"]
    )
    view = CoachingView(controller)
    qtbot.addWidget(view)
    click(qtbot, view.rotate_button)
    dialog = view.findChild(RotationDialog)
    assert dialog is not None
    rows = {
        (dialog.model.index(r, 0).data(), dialog.model.index(r, 1).data()): r
        for r in range(dialog.model.rowCount())
    }
    assert set(rows) == {("Ava Chen", "Leo Novak"), ("Ben Okafor", "Maya Rossi")}
    ava = rows[("Ava Chen", "Leo Novak")]
    assert dialog.model.index(ava, 2).data() == "New"
    assert dialog.model.index(ava, 3).data() == "Maya Rossi"  # whom Ava has met
    assert dialog.model.index(ava, 4).data() == "Ben Okafor"  # whom Leo has met
    assert "ends the 2 current pairs" in dialog.note.text()

    dialog.buttons.accepted.emit()
    assert dialog.applied
    labels = {p.label for p in services.coaching.active_pairs()}
    assert labels == {"Ava Chen ↔ Leo Novak", "Ben Okafor ↔ Maya Rossi"}
    assert {view.pairs_model.record(r).label for r in range(2)} == labels


def test_ending_a_pair_asks_first(qtbot, controller, services, people, message_boxes) -> None:
    old_pair(services, people)
    view = CoachingView(controller)
    qtbot.addWidget(view)
    view.pairs_table.selectRow(0)
    message_boxes.answer = message_boxes.answer.No
    click(qtbot, view.end_button)
    assert len(services.coaching.active_pairs()) == 1
    message_boxes.answer = message_boxes.answer.Yes
    click(qtbot, view.end_button)
    assert services.coaching.active_pairs() == []
    assert view.pairs_model.rowCount() == 0
