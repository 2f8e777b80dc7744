"""Issue 12, finding 11: the first start at 1920×1080 opened a 1280×800 window in a
corner, and after "Start empty" the keyboard was in the page list, so typing a name
jumped between pages. (The real screens are checked under Xvfb in test_real_screens.py.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import app
from ui.controller import Controller
from ui.main_window import MainWindow, first_start_geometry
from ui.views import welcome_dialog


@pytest.mark.parametrize(
    ("room", "expected"),
    [
        (QRect(0, 0, 1920, 1080), QRect(192, 108, 1536, 864)),  # a desktop: 80 %, centred
        (QRect(0, 0, 3840, 2160), QRect(384, 216, 3072, 1728)),  # 4K
        (QRect(0, 0, 1280, 800), QRect(0, 0, 1280, 800)),  # a laptop: all of it
        (QRect(1280, 0, 1920, 1050), QRect(1472, 105, 1536, 840)),  # a second screen
    ],
)
def test_f11_the_first_window_fits_its_screen_centred(room: QRect, expected: QRect) -> None:
    assert first_start_geometry(room) == expected


def test_f11_after_start_empty_typing_a_name_goes_into_the_new_members_name(
    qtbot: QtBot, controller: Controller, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(controller)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()

    def choose_empty(dialog: welcome_dialog.WelcomeDialog) -> int:
        qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
        return 0

    monkeypatch.setattr(welcome_dialog.WelcomeDialog, "exec", choose_empty)
    app._welcome_if_new(window)
    assert window.current_page() == "people"
    people = window.people_view
    assert QApplication.focusWidget() is people.name_edit
    qtbot.keyClicks(QApplication.focusWidget(), "Priya Raman")
    assert people.name_edit.text() == "Priya Raman"
    assert window.current_page() == "people"
