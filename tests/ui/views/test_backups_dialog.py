"""File › Backups: the list, Back up now, and Restore (issue 6: "listed in the app with
restore")."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.views.backups_dialog import BackupsDialog


def test_the_dialog_lists_backups_and_backs_up_now(
    qtbot: QtBot, services: Services, controller: Controller
) -> None:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    services.db.backup("periodic")
    dialog = BackupsDialog(controller, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.restore_button.isEnabled()
    written = dialog.back_up_now()
    assert written is not None and written.exists()
    assert dialog.model.rowCount() == 2
    assert dialog.model.index(0, 1).data() == "manual"  # newest first


def test_restore_asks_then_closes_the_database_for_the_app_to_restore(
    qtbot: QtBot, services: Services, controller: Controller, message_boxes
) -> None:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    backup = services.db.backup("periodic")
    dialog = window.show_backups()
    assert isinstance(dialog, BackupsDialog)
    assert dialog.restore_selected()
    assert message_boxes.shown and "backed up first" in message_boxes.shown[0].text
    assert window.restore_requested == backup
    assert not window.isVisible()


def test_no_answer_no_restore(
    qtbot: QtBot, services: Services, controller: Controller, message_boxes
) -> None:
    from PySide6.QtWidgets import QMessageBox

    message_boxes.answer = QMessageBox.StandardButton.No
    window = MainWindow(controller)
    qtbot.addWidget(window)
    services.db.backup("periodic")
    dialog = BackupsDialog(controller, window)
    qtbot.addWidget(dialog)
    assert not dialog.restore_selected()
    assert window.restore_requested is None
