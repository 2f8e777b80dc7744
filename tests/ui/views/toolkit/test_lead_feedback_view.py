"""Lead feedback screens: the tab (batches, editor, breakdown) and the meeting panel."""

from __future__ import annotations

from PySide6.QtCore import Qt

from alignmeet.domain.lead_feedback import RejectionReason as R
from ui.models.lead_feedback_models import LeadBatchesModel, ReasonSharesModel, RejectionLinesModel
from ui.views.toolkit.lead_feedback_view import LeadFeedbackPanel, LeadFeedbackView


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def seed_batches(services, people):
    lf = services.lead_feedback
    october = lf.add_batch(
        label="October webinar leads",
        period="2026-10",
        leads_received=200,
        recorded_by_id=people["Ben Okafor"],
    )
    lf.add_rejection(batch_id=october.id, reason=R.NOT_FIT, count=50, note="Students")
    november = lf.add_batch(label="November MQLs", period="2026-11", leads_received=100)
    lf.add_rejection(batch_id=november.id, reason=R.NOT_FIT, count=12, note="Under 50 staff")
    lf.add_rejection(batch_id=november.id, reason=R.OTHER, count=3, note="Asked for a job")
    return lf.get_batch(october.id), lf.get_batch(november.id)


def test_models_pass_the_model_tester(qtmodeltester, services, people) -> None:
    october, november = seed_batches(services, people)
    batches = LeadBatchesModel()
    batches.set_rows([october, november])
    qtmodeltester.check(batches)
    lines = RejectionLinesModel()
    lines.set_rows(november.lines)
    qtmodeltester.check(lines)
    shares = ReasonSharesModel()
    shares.set_rows(services.lead_feedback.breakdown().ranked())
    qtmodeltester.check(shares)
    assert batches.index(0, 4).data() == "25%"
    assert batches.index(1, 5).data() == "Not yet reviewed"


def test_a_facilitator_records_a_batch_and_its_rejection_lines(qtbot, controller, people) -> None:
    view = LeadFeedbackView(controller)
    qtbot.addWidget(view)
    qtbot.keyClicks(view.label_edit, "Trade show badge scans")
    view.period_edit.clear()
    qtbot.keyClicks(view.period_edit, "Nov 2026")
    view.received_spin.setValue(40)
    click(qtbot, view.add_batch_button)

    (batch,) = controller.services.lead_feedback.list_batches()
    assert (batch.label, batch.period, batch.leads_received) == (
        "Trade show badge scans",
        "2026-11",
        40,
    )
    assert view.editor_heading.text() == "Batch: Trade show badge scans"
    assert view.batches_model.rowCount() == 1

    view.reason_combo.setCurrentIndex(view.reason_combo.findData(R.DUPLICATE.value))
    view.count_spin.setValue(6)
    qtbot.keyClicks(view.note_edit, "Already customers")
    click(qtbot, view.add_line_button)
    assert view.lines_model.rowCount() == 1
    assert view.lines_model.index(0, 0).data() == "Duplicate"
    assert view.lines_heading.text() == "Rejected leads: 6 of 40 (15%)"
    assert view.summary_label.text().startswith("6 of 40 leads rejected")
    assert view.chart.rows()[0] == ("Duplicate", 6, 1.0)


def test_other_without_a_note_is_refused_at_the_note_and_nothing_is_lost(
    qtbot, controller, services, people
) -> None:
    seed_batches(services, people)
    view = LeadFeedbackView(controller)
    qtbot.addWidget(view)
    view.show()
    view.batches_table.selectRow(0)  # November MQLs (newest first)
    assert view.label_edit.text() == "November MQLs"
    view.reason_combo.setCurrentIndex(view.reason_combo.findData(R.OTHER.value))
    view.count_spin.setValue(2)
    qtbot.keyClicks(view.ref_edit, "Acme")
    click(qtbot, view.add_line_button)
    assert view.line_errors["note"].isVisible()
    assert "Other" in view.line_errors["note"].text()
    assert view.ref_edit.text() == "Acme" and view.count_spin.value() == 2
    assert len(services.lead_feedback.get_batch(view._editing.id).lines) == 2

    view.reason_combo.setCurrentIndex(view.reason_combo.findData(R.NO_BUDGET.value))
    view.count_spin.setValue(90)  # 15 already rejected of 100 received
    click(qtbot, view.add_line_button)
    assert view.line_errors["count"].isVisible()
    assert "105" in view.line_errors["count"].text() and "100" in view.line_errors["count"].text()


def test_selecting_a_line_edits_it_and_the_period_filter_narrows_the_list(
    qtbot, controller, services, people
) -> None:
    october, _ = seed_batches(services, people)
    view = LeadFeedbackView(controller)
    qtbot.addWidget(view)
    view.period_combo.setCurrentIndex(view.period_combo.findData("2026-10"))
    assert view.batches_model.rowCount() == 1
    assert view.breakdown_heading.text() == "Why leads were rejected — Oct 2026 (1 batch)"
    view.batches_table.selectRow(0)
    view.lines_table.selectRow(0)
    assert view.note_edit.text() == "Students"
    view.count_spin.setValue(40)
    click(qtbot, view.save_line_button)
    assert services.lead_feedback.get_batch(october.id).rejected == 40
    click(qtbot, view.remove_line_button)
    assert services.lead_feedback.get_batch(october.id).lines == ()


def test_markup_in_a_batch_name_shows_as_typed(qtbot, controller, services) -> None:
    services.lead_feedback.add_batch(
        label="<b>Paid</b> {{7*7}}", period="2026-11", leads_received=1
    )
    view = LeadFeedbackView(controller)
    qtbot.addWidget(view)
    view.batches_table.selectRow(0)
    assert view.batches_model.index(0, 0).data() == "<b>Paid</b> {{7*7}}"
    assert view.editor_heading.text() == "Batch: <b>Paid</b> {{7*7}}"
    assert view.editor_heading.textFormat() == Qt.TextFormat.PlainText


def test_the_meeting_panel_shows_the_waiting_batches_and_marks_them_reviewed(
    qtbot, controller, services, people, meeting_id
) -> None:
    october, november = seed_batches(services, people)
    item = next(i for i in services.agenda.items(meeting_id))
    panel = LeadFeedbackPanel(controller, meeting_id=meeting_id, item_id=item.id)
    qtbot.addWidget(panel)
    assert panel.scope_combo.currentText() == "Not yet reviewed (2 batches)"
    assert panel.summary_label.text() == "65 of 300 leads rejected — rejection rate 22%"
    assert panel.shares_model.index(0, 0).data() == "Not a fit"
    assert panel.shares_model.index(0, 3).data() == "• Students\n• Under 50 staff"
    assert panel.status_label.text() == "Nothing marked as reviewed in this meeting yet."

    with qtbot.waitSignal(controller.toolkit_changed):
        click(qtbot, panel.mark_button)
    reviewed = services.lead_feedback.reviewed_in(meeting_id)
    assert {b.id for b in reviewed} == {october.id, november.id}
    assert panel.scope_combo.currentText() == "Reviewed in this meeting (2 batches)"
    assert panel.status_label.text().startswith("✓ Reviewed in this meeting:")
    assert not panel.mark_button.isEnabled()
    (section,) = services.lead_feedback.minutes_sections(meeting_id)
    assert section.heading == "Lead feedback"


def test_the_panel_can_show_one_period_and_its_change(
    qtbot, controller, services, people, meeting_id
) -> None:
    seed_batches(services, people)
    panel = LeadFeedbackPanel(controller, meeting_id=meeting_id, item_id=0)
    qtbot.addWidget(panel)
    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData("2026-11"))
    assert panel.summary_label.text() == (
        "15 of 100 leads rejected — rejection rate 15% (down 10 points on Oct 2026: 25%)"
    )
