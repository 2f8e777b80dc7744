"""Closing the main window saves what it can: the notes typed just now and the window's
geometry, even when the running agenda item was removed meanwhile or the last save fails
(the failure is reported, not hidden)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Phase
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, controller: Controller, meeting_id: int) -> MainWindow:
    controller.select_meeting(meeting_id)
    win = MainWindow(controller)
    qtbot.addWidget(win)
    return win


def test_closing_after_the_running_item_was_removed_saves_everything_else(
    qtbot: QtBot, window: MainWindow, controller: Controller, services: Services, meeting_id: int
) -> None:
    run = window.run_view
    run.go_to(Phase.AGENDA)
    item_id = run.agenda_phase.current_item().id  # type: ignore[union-attr]
    run.agenda_phase.start_timer()
    controller.remove_item(meeting_id=meeting_id, item_id=item_id)  # from Prepare
    run.close_phase.notes_edit.setPlainText("Closing notes typed just now")
    QSettings().remove("window/geometry")
    window.show()
    window.close()
    assert not window.isVisible()
    assert QSettings().value("window/geometry") is not None
    assert services.meetings.get_meeting(meeting_id).closing_notes == (
        "Closing notes typed just now"
    )


def test_a_failing_save_on_close_still_stores_timers_and_window_geometry(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    controller: Controller,
) -> None:
    run = window.run_view
    stored: list[str] = []
    monkeypatch.setattr(run, "save_timers", lambda: stored.append("timers"))

    def fail() -> None:
        raise RuntimeError("database is locked")

    monkeypatch.setattr(controller, "flush_pending", fail)
    QSettings().remove("window/geometry")
    window.show()
    with pytest.raises(RuntimeError, match="database is locked"):  # reported, not hidden
        window.close()
    assert stored == ["timers"]
    assert QSettings().value("window/geometry") is not None
    assert not window.isVisible()
