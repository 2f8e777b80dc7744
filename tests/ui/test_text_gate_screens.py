"""The text gate and the CSV reader as a person meets them in the real main window
(issue 11, finding 7): pasted text that storage or Word cannot hold, and a KPI file with
a field longer than Python's csv module reads.

A lone surrogate never reaches the services from a Qt widget: PySide6 drops it in both
directions (a str handed to `setText`, and a QString read back — say from a Windows
clipboard holding broken UTF-16). What is left is stored; the gate's refusal is for the
other callers (the CLI, Room Link's web forms, scripts), and if a binding ever did hand
one over, the form would show the refusal at the field (the last test).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.views.toolkit import goals_view
from ui.views.toolkit.goals_view import GoalsView


@pytest.fixture
def window(qtbot: QtBot, controller: Controller) -> MainWindow:
    widget = MainWindow(controller)
    qtbot.addWidget(widget)
    widget.resize(1280, 860)
    widget.show()
    return widget


def member_form(window: MainWindow):  # type: ignore[no-untyped-def]
    window.show_page("people")
    QApplication.processEvents()
    return window.people_view


def test_a_pasted_lone_surrogate_never_reaches_storage_from_a_field(
    window: MainWindow, services: Services
) -> None:
    form = member_form(window)
    form.name_edit.setText("Ana \ud83d López")  # half an emoji, as a broken source pastes it
    assert form.name_edit.text() == "Ana  López"  # PySide6 dropped the half character
    form.add_button.click()
    assert [m.name for m in services.people.list_members()] == ["Ana López"]


def test_pasted_control_characters_are_cleaned_on_the_way_in(
    window: MainWindow, services: Services
) -> None:
    form = member_form(window)
    form.name_edit.setText("Ben\x00 Okafor\x1b[0m")
    form.role_edit.setText("Account\x0bExecutive\x07")
    form.add_button.click()
    (member,) = services.people.list_members()
    assert (member.name, member.role) == ("Ben Okafor[0m", "Account Executive")


def test_a_name_made_only_of_what_the_gate_removes_is_refused_at_the_field(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    form = member_form(window)
    pasted = "\x00\x07\x1b\ufffe"
    form.name_edit.setText(pasted)
    form.add_button.click()
    error = form.field_errors["name"]
    qtbot.waitUntil(error.isVisible)
    assert "cannot be empty" in error.text()
    assert form.name_edit.text() == pasted  # nothing typed is lost
    assert services.people.list_members() == []


def test_a_lone_surrogate_handed_over_by_a_field_is_refused_at_that_field(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As if a binding passed a lone surrogate through: the refusal shows at the field."""
    form = member_form(window)
    form.name_edit.setText("Chloé Martin")
    form.role_edit.setText("Demand gen")
    monkeypatch.setattr(form.role_edit, "text", lambda: "Demand gen \ud83d lead")
    form.add_button.click()
    error = form.field_errors["role"]
    qtbot.waitUntil(error.isVisible)
    assert "cannot be stored after “Demand gen”" in error.text()
    assert not form.field_errors["name"].isVisible()
    assert form.name_edit.text() == "Chloé Martin"
    assert services.people.list_members() == []


def test_a_kpi_file_with_a_huge_field_says_where_instead_of_something_went_wrong(
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes,
) -> None:
    services.goals.add_kpi(name="Leads", unit="count")
    path = tmp_path / "kpis.csv"
    path.write_text("KPI;Period;Value;Target;Note\nLeads;2026-03;5;;" + "x" * 200_000 + "\n")
    window.show_page("alignment")
    QApplication.processEvents()
    view = window.alignment_page.show_tab("goals")
    assert isinstance(view, GoalsView)
    monkeypatch.setattr(goals_view, "ask_csv_path", lambda parent: path)
    view.import_button.click()
    (shown,) = message_boxes.shown
    assert shown.title == "Import KPI measurements"
    assert "line 2, column 5 “Note”: 200,000 characters" in shown.text
    assert "Something went wrong" not in shown.title
    assert services.goals.measurements(services.goals.list_kpis()[0].id) == []
