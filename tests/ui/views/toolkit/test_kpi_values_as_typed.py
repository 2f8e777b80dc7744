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
    services.goals.record_measurement(kpi_id=pipeline.id, period="2030-03", value=1_000_000)
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
