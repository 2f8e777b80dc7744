"""First run, remembered views and splitters, File › Open recent (issue 5)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from alignmeet.services import Services, open_services
from ui.controller import Controller
from ui.main_window import MainWindow, recent_databases, remember_database
from ui.views.welcome_dialog import WelcomeDialog, is_new_database


def window_on(qtbot: QtBot, services: Services) -> MainWindow:
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_welcome_fills_an_empty_database_with_the_sample(
    qtbot: QtBot, services: Services
) -> None:
    assert is_new_database(services)
    window = window_on(qtbot, services)
    dialog = WelcomeDialog(window.controller, window)
    dialog.sample_button.click()
    assert dialog.choice == "sample"
    assert len(services.meetings.list_meetings()) == 3
    assert not is_new_database(services)
    assert window.controller.current_meeting_id is not None
    assert window.meetings_view.model.rowCount() == 3  # the page heard about it


def test_starting_empty_points_to_people_first(qtbot: QtBot, services: Services) -> None:
    window = window_on(qtbot, services)
    dialog = WelcomeDialog(window.controller, window)
    dialog.empty_button.click()
    assert dialog.choice == "empty"
    assert window.current_page() == "people"
    assert services.meetings.list_meetings() == []


def test_a_database_with_members_is_not_new(services: Services) -> None:
    sales = services.people.list_teams()[0].id
    services.people.add_member(name="Ana", team_id=sales)
    assert not is_new_database(services)


def test_the_last_meeting_page_and_splitters_come_back(
    qtbot: QtBot, controller: Controller, meeting_id: int
) -> None:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    controller.select_meeting(meeting_id)
    window.show_page("run")
    splitter = window.run_view.agenda_phase.findChild(QSplitter)
    assert splitter is not None
    splitter.setSizes([200, 900])
    wanted = splitter.sizes()
    window.close()

    again = MainWindow(controller)
    qtbot.addWidget(again)
    again.show()
    controller.select_meeting(None)
    again.restore_last_view()
    assert controller.current_meeting_id == meeting_id
    assert again.current_page() == "run"
    restored = again.run_view.agenda_phase.findChild(QSplitter)
    assert restored is not None and restored.sizes() == wanted


def test_open_recent_lists_other_databases_and_opens_one(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    open_services(str(other)).close()
    remember_database(str(other))
    remember_database(str(tmp_path / "gone.sqlite3"))  # never existed: left out
    assert recent_databases() == [str(other)]
    window = window_on(qtbot, services)
    window._fill_recent_menu()
    actions = window.recent_menu.actions()
    assert [a.text() for a in actions] == [str(other)]
    actions[0].trigger()
    assert window.open_requested == str(other)
    assert not window.isVisible()
