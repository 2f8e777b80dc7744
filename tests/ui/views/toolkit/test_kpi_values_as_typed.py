"""A hurried facilitator records KPI values in the main window — on the Alignment page and
beside a "KPI review" item in a running meeting — and the screen says what was stored."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from alignmeet.domain.enums import ItemKind, Phase
from ui.controller import Controller
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, services) -> Iterator[MainWindow]:
    main = MainWindow(Controller(services))
    qtbot.addWidget(main)
    main.resize(1280, 800)
    main.show()
    yield main


@pytest.fixture
def pipeline(services):
    return services.goals.add_kpi(name="Pipeline from marketing", unit="$", target=1_800_000)


def _type(qtbot, edit, text):
    edit.clear()
    qtbot.keyClicks(edit, text)


def _kpis_page(window: MainWindow):
    window.show_page("alignment")
    view = window.alignment_page.show_tab("goals")
    view.pages.setCurrentWidget(view.kpis_page)
    view.kpis_page.kpi_table.selectRow(0)
    return view.kpis_page


def test_a_thousands_comma_is_asked_about_not_stored_as_a_decimal(
    qtbot, window, services, pipeline
):
    """“$1,300” from a CRM report is one thousand three hundred dollars, not $1.30: an
    English screen reads the comma as a thousands separator, so the app asks instead of
    silently storing 1.3."""
    page = _kpis_page(window)
    _type(qtbot, page.m_value, "1,300")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert services.goals.measurements(pipeline.id) == []
    assert page.m_error.isVisibleTo(page)
    assert page.m_error.text() == "Value: does “1,300” mean 1300 or 1.3? Type one of them."
    assert page.m_value.text() == "1,300"  # nothing typed is lost
    # Either reading, typed plainly, is recorded as typed.
    _type(qtbot, page.m_value, "1300")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert [m.value for m in services.goals.measurements(pipeline.id)] == [1300]


def test_recording_a_period_that_has_a_value_says_it_replaced_it(qtbot, window, services, pipeline):
    """The period field starts on the current month; the facilitator types a value without
    noticing the month already had one. The note says what was replaced, not just
    “Recorded”."""
    month = services.goals.current_period()
    services.goals.record_measurement(kpi_id=pipeline.id, period=month, value=1_200_000)
    page = _kpis_page(window)
    assert page.m_period.text() == month
    _type(qtbot, page.m_value, "1500000")
    qtbot.keyClick(page.m_value, Qt.Key.Key_Return)
    (stored,) = services.goals.measurements(pipeline.id)
    assert stored.value == 1_500_000
    assert page.m_note_label.text() == (
        f"Replaced $1,200,000 with $1,500,000 for {stored.period_label}."
    )


def test_the_kpi_review_panel_says_it_replaced_the_value_read_before_the_meeting(
    qtbot, window, services, meeting_id, pipeline
):
    """In the meeting, the room reads out a value for the meeting's month that was already
    recorded before: the panel says the earlier value was replaced."""
    item = services.agenda.add_item(meeting_id=meeting_id, title="KPIs", kind=ItemKind.KPI_REVIEW)
    services.goals.record_measurement(  # while preparing the meeting, dated 2030
        kpi_id=pipeline.id, period="2030-03", value=1_000_000, meeting_id=meeting_id
    )
    window.controller.select_meeting(meeting_id)
    window.show_page("run")
    window.run_view.go_to(Phase.AGENDA)
    window.run_view.agenda_phase.select_item(item.id)
    panel = window.run_view.agenda_phase.toolkit_panel()
    assert panel.period_edit.text() == "2030-03"
    _type(qtbot, panel.value_edit, "1100000")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert [m.value for m in services.goals.measurements(pipeline.id)] == [1_100_000]
    assert panel.note.text() == (
        "Recorded Pipeline from marketing: $1,100,000 for Mar 2030 (it was $1,000,000)."
    )


def test_the_kpi_review_panel_lets_the_room_record_a_value_without_scrolling_past_the_chart(
    qtbot, window, services, meeting_id, pipeline
):
    """On a 1280×800 projector laptop, with four KPIs in the table: the entry row the room
    records a value with is on screen beside the item, not below the chart where the
    facilitator has to scroll to find it (and to read what was recorded)."""
    for name in ("MQL→SQL conversion", "Speed to lead", "Leads rejected by Sales"):
        services.goals.add_kpi(name=name, unit="%", target=30)
    item = services.agenda.add_item(meeting_id=meeting_id, title="KPIs", kind=ItemKind.KPI_REVIEW)
    window.controller.select_meeting(meeting_id)
    window.show_page("run")
    window.run_view.go_to(Phase.AGENDA)
    window.run_view.agenda_phase.select_item(item.id)
    panel = window.run_view.agenda_phase.toolkit_panel()
    qtbot.waitUntil(lambda: not panel.record_button.visibleRegion().isEmpty())
    for widget in (panel.value_edit, panel.record_button):
        shown = widget.visibleRegion().boundingRect()
        assert shown.height() == widget.height(), widget  # wholly on screen, not scrolled to
    _type(qtbot, panel.value_edit, "1100000")
    qtbot.keyClick(panel.value_edit, Qt.Key.Key_Return)
    assert not panel.note.visibleRegion().isEmpty()  # what was recorded is said in sight
    assert panel.note.text().startswith("Recorded ")


# ---- periods that have not begun, or long past ----------------------------------------------

NOT_BEGUN = "{period} has not begun yet: a measured value belongs to a period that has started."


def test_a_period_that_has_not_begun_is_refused_at_the_field_and_kept(
    qtbot, window, services, pipeline
):
    """“2062-11” typed for “2026-11”: the value would be stored for a month nobody looks at
    and vanish from the dashboard. It is refused at the period field, which keeps what was
    typed; “1900-01” (before 2000) is a typo too."""
    page = _kpis_page(window)
    _type(qtbot, page.m_period, "2062-11")
    _type(qtbot, page.m_value, "1500000")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert services.goals.measurements(pipeline.id) == []
    assert page.m_error.isVisibleTo(page)
    assert page.m_error.text() == NOT_BEGUN.format(period="Nov 2062")
    assert (page.m_period.text(), page.m_value.text()) == ("2062-11", "1500000")
    _type(qtbot, page.m_period, "1900-01")
    qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
    assert services.goals.measurements(pipeline.id) == []
    assert page.m_error.text() == (
        "Jan 1900 is before 2000: check the year (values are recorded from 2000 on)."
    )
    assert page.m_period.text() == "1900-01"


def test_the_kpi_review_panel_records_the_meetings_own_month_but_no_later_one(
    qtbot, window, services, meeting_id, pipeline
):
    """A meeting planned for March 2030 may record March 2030 (its own month), but not
    April 2030 nor “2099-01”: the panel says so at the period field and keeps the entry."""
    item = services.agenda.add_item(meeting_id=meeting_id, title="KPIs", kind=ItemKind.KPI_REVIEW)
    window.controller.select_meeting(meeting_id)
    window.show_page("run")
    window.run_view.go_to(Phase.AGENDA)
    window.run_view.agenda_phase.select_item(item.id)
    panel = window.run_view.agenda_phase.toolkit_panel()
    for typed, label in (("2030-04", "Apr 2030"), ("2099-01", "Jan 2099")):
        _type(qtbot, panel.period_edit, typed)
        _type(qtbot, panel.value_edit, "1100000")
        qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
        assert services.goals.measurements(pipeline.id) == []
        assert panel.error.text() == NOT_BEGUN.format(period=label)
        assert (panel.period_edit.text(), panel.value_edit.text()) == (typed, "1100000")
    _type(qtbot, panel.period_edit, "2030-03")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert [m.period for m in services.goals.measurements(pipeline.id)] == ["2030-03"]


def test_the_csv_preview_says_a_period_that_has_not_begun_is_wrong(
    qtbot, window, services, pipeline, tmp_path, monkeypatch
):
    """The same rule in the import preview: the row's problem says the period has not
    begun, and nothing can be imported."""
    from ui.views.toolkit import goals_view
    from ui.views.toolkit.goals_view import CsvImportDialog

    path = tmp_path / "kpis.csv"
    path.write_text("KPI;Period;Value\nPipeline from marketing;2099-01;5\n", encoding="utf-8")
    shown: list[CsvImportDialog] = []
    monkeypatch.setattr(goals_view, "ask_csv_path", lambda parent: path)
    monkeypatch.setattr(CsvImportDialog, "exec", lambda self: shown.append(self) or 0)
    window.show_page("alignment")
    view = window.alignment_page.show_tab("goals")
    qtbot.mouseClick(view.import_button, Qt.MouseButton.LeftButton)
    (dialog,) = shown
    assert dialog.model.index(0, 5).data() == NOT_BEGUN.format(period="Jan 2099")
    assert not dialog.import_button.isEnabled()


# ---- huge and negative values ---------------------------------------------------------------


def _dashboard_axis_labels(window: MainWindow, kpi_name: str) -> list[str]:
    from PySide6.QtCharts import QCategoryAxis, QChartView

    window.show_page("alignment")
    view = window.alignment_page.show_tab("goals")
    view.pages.setCurrentWidget(view.dashboard)
    (chart,) = [
        v.chart() for v in view.dashboard.findChildren(QChartView) if v.chart().title() == kpi_name
    ]
    (axis,) = chart.axes(Qt.Orientation.Vertical)
    if isinstance(axis, QCategoryAxis):
        return axis.categoriesLabels()
    return [axis.labelFormat()]  # a printf format: "$%.1fM"


def test_a_value_beyond_what_a_kpi_holds_is_refused_with_the_limit(
    qtbot, window, services, pipeline
):
    """“1e308” pasted into the value printed some 300 digits in the “Recorded” note: a value
    of a quadrillion or more is refused, and the message says how much a KPI holds."""
    page = _kpis_page(window)
    for typed in ("1e308", "1000000000000000"):
        _type(qtbot, page.m_value, typed)
        qtbot.mouseClick(page.record_button, Qt.MouseButton.LeftButton)
        assert services.goals.measurements(pipeline.id) == []
        assert page.m_error.text() == (
            f"Value: “{typed}” is more than a KPI can hold: at most 999 trillion, either way."
        )
        assert page.m_value.text() == typed


def test_huge_values_read_in_trillions_on_the_chart_and_in_the_table(qtbot, window, services):
    """900 trillion leads read “900T leads” in the table and on the chart's axis, not
    “900000000M leads”."""
    leads = services.goals.add_kpi(name="Leads", unit="leads", target=1000)
    month = services.goals.current_period()
    services.goals.record_measurement(kpi_id=leads.id, period=month, value=9e14)
    labels = _dashboard_axis_labels(window, "Leads")
    assert "0T leads" in labels and "1,000T leads" in labels, labels
    assert not any("000M" in text or "000000" in text for text in labels), labels
    view = window.alignment_page.show_tab("goals")
    assert view.dashboard.status_model.index(0, 2).data() == "900T leads"


def test_negative_axis_labels_put_the_sign_before_the_currency_as_the_table_does(
    qtbot, window, services, pipeline
):
    """The table writes a loss as “−$500k”; the chart's axis wrote “$-0.5M”. Both put the
    minus sign before the currency symbol now."""
    from alignmeet.domain.periods import parse_period

    month = parse_period(services.goals.current_period())
    for back, value in ((2, 1_200_000), (1, -500_000), (0, 1_500_000)):
        services.goals.record_measurement(
            kpi_id=pipeline.id, period=month.shift(-back).key, value=value
        )
    labels = _dashboard_axis_labels(window, "Pipeline from marketing")
    assert labels == ["−$1M", "$0M", "$1M", "$2M"], labels
    assert not any("$-" in text for text in labels), labels
    view = window.alignment_page.show_tab("goals")
    view.pages.setCurrentWidget(view.kpis_page)
    view.kpis_page.kpi_table.selectRow(0)
    shown = [view.kpis_page.m_table.model().index(r, 1).data() for r in range(3)]
    assert "−$500,000" in shown, shown
