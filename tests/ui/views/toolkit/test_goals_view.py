"""The Goals & KPIs tab and the KPI review panel, driven like a facilitator would."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from alignmeet.domain.enums import ItemKind
from alignmeet.domain.goals import GoalKind, KpiStatus
from ui.models.goals_tables_model import (
    ActivityGoalsModel,
    CsvPreviewModel,
    KpisModel,
    KpiStatusModel,
    MeasurementsModel,
)
from ui.views.toolkit import goals_view
from ui.views.toolkit.goals_view import CsvImportDialog, GoalsView, KpiReviewPanel


@pytest.fixture
def view(qtbot, controller, people):
    widget = GoalsView(controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    return widget


@pytest.fixture
def conversion(services):
    return services.goals.add_kpi(name="MQL→SQL conversion", unit="%", target=30)


def _type(qtbot, edit, text):
    edit.clear()
    qtbot.keyClicks(edit, text)


def _click(qtbot, button):
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_define_a_kpi_record_values_and_see_the_dashboard(qtbot, view, services):
    page = view.kpis_page
    view.pages.setCurrentWidget(page)
    _type(qtbot, page.name_edit, "Speed to lead")
    _type(qtbot, page.unit_edit, "h")
    _type(qtbot, page.target_edit, "1")
    page.better_combo.setCurrentIndex(1)  # lower is better
    _click(qtbot, page.add_kpi_button)
    (kpi,) = services.goals.list_kpis()
    assert (kpi.name, kpi.unit, kpi.target, kpi.higher_is_better) == (
        "Speed to lead",
        "h",
        1,
        False,
    )
    assert page.kpi_heading.text() == "Editing Speed to lead"

    month = view.period
    assert page.m_period.text() == month.key
    _type(qtbot, page.m_value, "3,5")
    _click(qtbot, page.record_button)
    _type(qtbot, page.m_period, month.previous().key)
    _type(qtbot, page.m_value, "4.25")
    qtbot.keyClick(page.m_value, Qt.Key.Key_Return)
    assert [m.value for m in services.goals.measurements(kpi.id)] == [3.5, 4.25]
    assert page.m_model.rowCount() == 2
    assert page.m_note_label.text() == f"Recorded 4.25 h for {month.previous().label}."

    row = view.dashboard.status_model.record(0)
    assert (row.kpi.name, row.value, row.status) == ("Speed to lead", 3.5, KpiStatus.OFF_TARGET)
    assert row.trend_text == "▼ better"
    assert len(view.dashboard.chart_views) == 1


def test_bad_values_are_explained_at_the_field_and_kept(qtbot, conversion, view, services):
    page = view.kpis_page
    page.kpi_table.selectRow(0)
    _type(qtbot, page.m_value, "lots")
    _click(qtbot, page.record_button)
    assert page.m_error.isVisibleTo(page)
    assert page.m_error.text() == "Value: “lots” is not a number."
    assert page.m_value.text() == "lots"
    _type(qtbot, page.m_period, "2026-Q1")
    _type(qtbot, page.m_value, "20")
    _click(qtbot, page.record_button)
    assert "is a quarter, but this needs a month" in page.m_error.text()
    assert services.goals.measurements(conversion.id) == []

    page.name_edit.setText("mql→sql CONVERSION")  # keyClicks types ASCII only
    page.kpi_table.clearSelection()
    page._editing = None
    _click(qtbot, page.add_kpi_button)
    assert page.kpi_error.text() == "There is already a KPI called “MQL→SQL conversion”."


def test_kpi_order_and_archive(qtbot, view, services, conversion):
    page = view.kpis_page
    speed = services.goals.add_kpi(name="Speed to lead", higher_is_better=False)
    view.refresh()
    page.kpi_table.selectRow(1)
    _click(qtbot, page.up_button)
    assert [k.id for k in services.goals.list_kpis()] == [speed.id, conversion.id]
    _click(qtbot, page.archive_kpi_button)
    assert [k.id for k in services.goals.list_kpis()] == [conversion.id]
    assert page.archive_kpi_button.text() == "Restore"
    assert [r.kpi.name for r in view.dashboard.status_model.rows()] == ["MQL→SQL conversion"]


def test_set_the_shared_revenue_goal(qtbot, view, services, people):
    page = view.goals_page
    view.pages.setCurrentWidget(page)
    quarter = page.revenue_period.text()
    assert quarter.endswith(("Q1", "Q2", "Q3", "Q4"))
    _type(qtbot, page.revenue_title, "New ARR from new customers")
    _type(qtbot, page.revenue_target, "five million")
    _click(qtbot, page.revenue_save)
    assert page.revenue_error.text() == "Target: “five million” is not a number."
    assert page.revenue_title.text() == "New ARR from new customers"
    _type(qtbot, page.revenue_target, "5.400.000")
    _type(qtbot, page.revenue_actual, "1200000")
    _click(qtbot, page.revenue_save)
    goal = services.goals.revenue_goal(quarter)
    assert (goal.title, goal.target_value, goal.actual_value) == (
        "New ARR from new customers",
        5_400_000,
        1_200_000,
    )
    assert page.revenue_save.text() == "Save revenue goal"
    assert view.dashboard.goal_strip.bar.value() == 22
    # saving again edits the same goal: still one per period
    _type(qtbot, page.revenue_actual, "2700000")
    _click(qtbot, page.revenue_save)
    assert len(services.goals.list_goals(kind=GoalKind.REVENUE)) == 1
    assert view.dashboard.goal_strip.bar.value() == 50


def test_activity_goal_needs_an_owner_then_is_added_edited_archived(
    qtbot, view, services, people, message_boxes
):
    page = view.goals_page
    _type(qtbot, page.title_edit, "Joint webinar series")
    _click(qtbot, page.add_button)
    assert page.form_error.text() == "Every activity goal needs an owner."
    assert page.title_edit.text() == "Joint webinar series"
    page.owner_combo.setCurrentIndex(page.owner_combo.findData(people["Maya Rossi"]))
    page.disposition_combo.setCurrentIndex(1)  # improve
    _click(qtbot, page.add_button)
    assert page.model.rowCount() == 1
    assert page.model.index(0, 3).data() == "Improve"
    assert page.model.index(0, 1).data() == "Maya Rossi"

    page.table.selectRow(0)
    assert page.form_heading.text() == "Editing “Joint webinar series”"
    page.disposition_combo.setCurrentIndex(0)  # continue
    _click(qtbot, page.save_button)
    assert page.model.index(0, 3).data() == "Continue"

    _click(qtbot, page.archive_button)
    assert page.model.rowCount() == 0
    page.show_archived.setChecked(True)
    assert page.model.rowCount() == 1
    page.table.selectRow(0)
    _click(qtbot, page.delete_button)
    assert message_boxes.shown[-1].title == "Delete activity goal"
    assert services.goals.list_goals(include_archived=True) == []


def test_period_selector_moves_the_dashboard(qtbot, view):
    start = view.period
    _click(qtbot, view.prev_button)
    assert view.period == start.previous()
    assert view.period_label.text() == start.previous().label
    _click(qtbot, view.today_button)
    assert view.period == start


def test_csv_import_preview_then_all_or_nothing(qtbot, view, services, conversion, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("KPI;Period;Value\nMQL→SQL conversion;2026-01;23,5\nWin rate;2026-01;3\n")
    dialog = CsvImportDialog(view.controller, bad, services.goals.preview_csv_file(path=bad), view)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.model.index(1, 5).data() == "There is no KPI called “Win rate”."
    assert "1 of 2 rows has a problem" in dialog.summary.text()

    good = tmp_path / "good.csv"
    good.write_bytes("KPI;Period;Value\r\nMQL→SQL conversion;2026-01;23,5\r\n".encode("utf-8-sig"))
    dialog = CsvImportDialog(
        view.controller, good, services.goals.preview_csv_file(path=good), view
    )
    qtbot.addWidget(dialog)
    assert dialog.import_button.isEnabled()
    _click(qtbot, dialog.import_button)
    assert dialog.result_text == "Imported: 1 new, 0 changed, 0 unchanged."
    assert [m.value for m in services.goals.measurements(conversion.id)] == [23.5]


def test_import_button_opens_the_preview(qtbot, view, monkeypatch, tmp_path, conversion):
    path = tmp_path / "kpis.csv"
    path.write_text("KPI,Period,Value\nMQL→SQL conversion,2026-01,20\n")
    shown = []
    monkeypatch.setattr(goals_view, "ask_csv_path", lambda parent: path)
    monkeypatch.setattr(CsvImportDialog, "exec", lambda self: shown.append(self) or 0)
    _click(qtbot, view.import_button)
    assert shown and shown[0].model.rowCount() == 1


def test_kpi_review_panel_shows_the_meetings_period_and_records(
    qtbot, controller, services, meeting_id, conversion
):
    item = services.agenda.add_item(meeting_id=meeting_id, title="KPIs", kind=ItemKind.KPI_REVIEW)
    # Recorded while preparing the meeting (dated 2030, after the test's clock): its months.
    services.goals.record_measurement(
        kpi_id=conversion.id, period="2030-02", value=25, meeting_id=meeting_id
    )
    panel = KpiReviewPanel(controller, meeting_id=meeting_id, item_id=item.id)
    qtbot.addWidget(panel)
    assert panel.heading.text() == "KPI review · Mar 2030"  # the meeting is on 5 March 2030
    assert panel.model.index(0, 2).data() == "25 % *"
    assert (
        panel.earlier_hint.text() == "* latest value recorded (Feb 2030): nothing for Mar 2030 yet."
    )
    assert panel.period_edit.text() == "2030-03"
    assert panel.chart_view.chart().title() == "MQL→SQL conversion"
    _type(qtbot, panel.value_edit, "31")
    _click(qtbot, panel.record_button)
    assert panel.model.index(0, 2).data() == "31 %"
    assert panel.model.index(0, 3).data() == "On target (+1 pts)"
    assert not panel.earlier_hint.isVisibleTo(panel)
    _type(qtbot, panel.value_edit, "x")
    _click(qtbot, panel.record_button)
    assert panel.error.text() == "Value: “x” is not a number."


def test_models_pass_the_model_tester(qtmodeltester, services, people, conversion):
    goals = services.goals
    goals.add_goal(kind="revenue", title="ARR", period="2026-Q1", target_value=5e6, unit="$")
    goals.add_goal(
        kind="activity",
        title="<b>Webinars</b>",
        period="2026-Q1",
        disposition="continue",
        owner_id=people["Ava Chen"],
    )
    goals.record_measurement(kpi_id=conversion.id, period="2026-01", value=27, note="a\nb")
    data = goals.dashboard("2026-02")
    models = [
        (ActivityGoalsModel(), list(data.activity_goals)),
        (KpisModel(), goals.list_kpis()),
        (KpiStatusModel(), list(data.rows)),
        (KpiStatusModel(compact=True), list(data.rows)),
        (CsvPreviewModel(), list(goals.preview_csv(text="x;2026-01;1\n").rows)),
    ]
    for model, rows in models:
        model.set_rows(rows)
        qtmodeltester.check(model)
    measurements = MeasurementsModel()
    measurements.set_measurements(goals.measurements(conversion.id), "%")
    qtmodeltester.check(measurements)
    assert measurements.index(0, 1).data() == "27 %"
    assert models[0][0].index(0, 0).data() == "<b>Webinars</b>"
    assert models[0][0].index(0, 3).data(Qt.ItemDataRole.ForegroundRole).name() == "#2e7d32"


def test_screens_render_with_data(qtbot, view, services, conversion):
    services.goals.record_measurement(
        kpi_id=conversion.id, period=view.period.key, value=28, recorded_at=datetime(2026, 1, 1)
    )
    view.show()
    qtbot.waitExposed(view)
    image = view.grab()
    assert image.width() == 1280 and image.height() == 800
