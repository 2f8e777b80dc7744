"""A right-to-left override in a meeting's title stays inside the title in the window
title and the header of the main window (issue 11, finding 10): "— AlignMeet" and the
date never read backwards."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alignmeet.domain.bidi import RLO, open_controls
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow


def test_the_window_title_and_header_keep_the_titles_override_inside(
    qtbot: QtBot, controller: Controller, services: Services, tmp_path
) -> None:
    meeting = services.meetings.create_meeting(
        title=f"Budget {RLO}reversed to the end", starts_at=datetime(2030, 3, 5, 9, 0)
    )
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    controller.select_meeting(meeting.id)
    QApplication.processEvents()
    title = window.windowTitle()
    assert title.endswith(" — AlignMeet")
    assert open_controls(title[: title.index(" — AlignMeet")]) == []
    header = window.header.text()
    assert "reversed to the end" in header
    assert open_controls(header[: header.index(" · ")]) == []
    window.grab().save(str(tmp_path / "bidi-header.png"))
