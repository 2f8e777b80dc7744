"""Keyboard and screen-reader basics on every screen (issue 5): every button says what it
does (text or accessible name), every page and phase is reachable by shortcut."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from alignmeet.demo import build_demo
from alignmeet.domain.enums import Phase
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import PAGES, MainWindow
from ui.views.toolkit import TABS


def unnamed_buttons(root: QWidget) -> list[str]:
    found = []
    for button in root.findChildren(QAbstractButton):
        if isinstance(button.parent(), QTabBar) or button.objectName().startswith("qt_"):
            continue  # Qt's own scroll arrows
        if not button.isVisibleTo(root):
            continue
        if not (button.text().replace("&", "").strip() or button.accessibleName().strip()):
            found.append(f"{type(button.window()).__name__}/{button.objectName() or button}")
    return found


def test_every_visible_button_has_a_name_on_every_page_phase_and_tab(
    qtbot: QtBot, services: Services
) -> None:
    summary = build_demo(services, today=date(2026, 11, 2))
    controller = Controller(services)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    controller.select_meeting(summary.upcoming_meeting_id)
    problems: list[str] = []
    for key, _label in PAGES:
        window.show_page(key)
        problems += unnamed_buttons(window)
    window.show_page("run")
    for phase in Phase:
        controller.set_phase(meeting_id=summary.upcoming_meeting_id, phase=phase)
        problems += unnamed_buttons(window)
    window.show_page("alignment")
    for key, *_ in TABS:
        window.alignment_page.show_tab(key)
        problems += unnamed_buttons(window)
    assert problems == []


def test_every_page_has_a_shortcut(qtbot: QtBot, controller: Controller, meeting_id: int):
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts act in the active window
    controller.select_meeting(meeting_id)
    for number, (key, _label) in enumerate(PAGES, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() == key
    # The phases: Alt+Right / Alt+Left (driven key by key in test_run_view.py).
    window.show_page("run")
    run = window.run_view
    assert run.next_shortcut.key() == QKeySequence("Alt+Right")
    assert run.back_shortcut.key() == QKeySequence("Alt+Left")
