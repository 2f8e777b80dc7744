"""Fixes from the review that span several screens: closing safely, one click per click,
plain-text message boxes and tooltips."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from alignmeet.domain.enums import Phase
from alignmeet.domain.rules import ValidationError
from alignmeet.services import Services
from ui import main_window
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.models import follow_ups_model, record_table_model
from ui.models.record_table_model import plain_tooltip
from ui.widgets import (
    DoubleClickGuard,
    FieldError,
    ask_yes_no,
    inform,
    show_validation,
    warn,
)

if TYPE_CHECKING:
    from conftest import MessageBoxes  # tests/ui/conftest.py


@pytest.fixture
def window(qtbot: QtBot, controller: Controller, meeting_id: int) -> MainWindow:
    controller.select_meeting(meeting_id)
    win = MainWindow(controller)
    qtbot.addWidget(win)
    return win


# ---- closing the window -----------------------------------------------------------------
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


# ---- one click per click ----------------------------------------------------------------
def test_the_main_window_installs_one_guard_that_makes_a_double_click_one_click(
    qtbot: QtBot, controller: Controller, qapp: QApplication
) -> None:
    for _ in range(2):
        qtbot.addWidget(MainWindow(controller))
    assert len(qapp.findChildren(DoubleClickGuard)) == 1
    button = QPushButton("Park")
    qtbot.addWidget(button)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseDClick(button, Qt.MouseButton.LeftButton)  # the second press of a double-click
    qtbot.mouseRelease(button, Qt.MouseButton.LeftButton)
    assert clicks == [True]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a later click still counts
    assert clicks == [True, True]


# ---- message boxes ----------------------------------------------------------------------
def test_message_box_helpers_show_markup_literally(
    qtbot: QtBot, message_boxes: MessageBoxes
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    assert ask_yes_no(parent, "Delete?", "Delete “<b>Big</b> sync”?")
    message_boxes.answer = QMessageBox.StandardButton.No
    assert not ask_yes_no(parent, "Delete?", "Delete “<b>Big</b> sync”?")
    warn(parent, "Not saved", "<i>minutes</i>.docx is open elsewhere")
    inform(parent, "About", "Database: <u>team</u>.sqlite3")
    show_validation(ValidationError("nowhere", "<b>Sam</b> is taken"), {}, None, parent)
    assert [b.text_format for b in message_boxes.shown] == [Qt.TextFormat.PlainText] * 5
    assert [b.icon for b in message_boxes.shown[2:]] == [
        QMessageBox.Icon.Warning,
        QMessageBox.Icon.Information,
        QMessageBox.Icon.Warning,
    ]
    assert message_boxes.shown[4].text == "<b>Sam</b> is taken"


def test_a_question_defaults_to_no(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[str] = []

    def press_enter() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.defaultButton().text())
        box.defaultButton().click()

    QTimer.singleShot(0, press_enter)
    assert not ask_yes_no(parent, "Remove?", "Remove <b>Ben</b>?")
    assert "No" in seen[0]


def test_a_field_error_still_goes_to_its_label(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    label = FieldError(parent)
    show_validation(ValidationError("name", "<b>Sam</b> is taken"), {}, label, parent)
    assert label.text() == "<b>Sam</b> is taken"
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_a_failed_export_is_explained_in_plain_text(
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: MessageBoxes,
    window: MainWindow,
    controller: Controller,
    meeting_id: int,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(
        main_window.QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(tmp_path / "minutes.docx"), "")),
    )

    def refuse(**_kwargs: object) -> None:
        raise ValidationError("path", "Cannot write <b>minutes</b>.docx")

    monkeypatch.setattr(controller, "export_minutes", refuse)
    assert window.export_minutes(meeting_id) is None
    [box] = message_boxes.shown
    assert (box.title, box.text, box.text_format) == (
        "Minutes not saved",
        "Cannot write <b>minutes</b>.docx",
        Qt.TextFormat.PlainText,
    )


# ---- tooltips ---------------------------------------------------------------------------
def test_plain_tooltips_escape_user_text_and_keep_its_line_breaks() -> None:
    assert follow_ups_model.plain_tooltip is record_table_model.plain_tooltip
    tip = plain_tooltip("<b>Big</b> & co\nsecond line")
    assert tip is not None
    document = QTextDocument()
    document.setHtml(tip)
    assert document.toPlainText().splitlines() == ["<b>Big</b> & co", "second line"]
    assert plain_tooltip("") is None
