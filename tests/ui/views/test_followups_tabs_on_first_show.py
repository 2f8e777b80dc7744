"""The Follow-ups page opens on its Actions tab; the Decisions, Search all meetings and
Accountability tabs are built the first time a person goes to them (at 300,000 actions
the page has 300 ms to open, and these tabs are a fifth of its building). Built late, a
tab is the same tab: the same title in the same place, the same data, the keyboard gets
into it and out of it in the same order, its tables let Tab leave, and its splitter
comes back where the person left it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QSplitter, QWidget
from pytestqt.qtbot import QtBot

from alignmeet.demo import build_demo
from alignmeet.services import Services
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.views.accountability.accountability_view import AccountabilityView
from ui.views.followups.decisions_log_tab import DecisionsLogTab
from ui.views.followups.search_all_tab import SearchAllTab
from ui.views.followups_view import TAB_ACCOUNTABILITY, TAB_DECISIONS, TAB_SEARCH

TODAY = date(2026, 11, 2)


def window_on(qtbot: QtBot, services: Services, *, demo: bool = True) -> MainWindow:
    if demo:
        build_demo(services, today=TODAY)
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    window.show_page("followups")
    qtbot.waitUntil(lambda: window.followups_view.is_loaded)
    return window


def press(qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:  # type: ignore[no-untyped-def]
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key, modifier)
    QApplication.processEvents()
    now = QApplication.focusWidget()
    assert now is not None
    return now


def test_the_page_opens_with_only_the_actions_tab_built(qtbot: QtBot, services: Services) -> None:
    window = window_on(qtbot, services)
    page = window.followups_view
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Actions",
        "Decisions",
        "Search all meetings",
        "Accountability",
    ]
    assert page.tabs.currentIndex() == 0
    for hidden in (DecisionsLogTab, SearchAllTab, AccountabilityView):
        assert page.findChildren(hidden) == [], hidden.__name__


def test_a_tab_reached_by_keyboard_is_built_then_with_its_data_and_tab_walks_through_it(
    qtbot: QtBot, services: Services
) -> None:
    window = window_on(qtbot, services)
    page = window.followups_view
    page.tabs.tabBar().setFocus()
    assert QApplication.focusWidget() is page.tabs.tabBar()

    press(qtbot, Qt.Key.Key_Right)  # the tab bar's own keys: the next tab
    assert page.tabs.currentIndex() == TAB_DECISIONS
    decisions = page.tabs.currentWidget()
    assert isinstance(decisions, DecisionsLogTab) and decisions.isVisible()
    rows = services.followups.decisions()
    assert rows and decisions.model.rowCount() == len(rows)
    assert decisions.count_label.text() == f"{len(rows)} decisions"
    series = [s.name for s in services.meetings.list_series()]
    combo = decisions.series_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["All series", *series]

    # Tab goes from the tab bar into the tab, left to right, top to bottom, and out.
    # "Open meeting" waits for a decision to open: Tab passes it until the list has one.
    assert not decisions.open_button.isEnabled()
    walked = [press(qtbot, Qt.Key.Key_Tab) for _ in range(3)]
    assert walked == [decisions.search_edit, decisions.series_combo, decisions.table]
    assert decisions.table.currentIndex().isValid()  # the list, entered, has a current row
    assert decisions.open_button.isEnabled()
    assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is (
        decisions.open_button
    )
    assert press(qtbot, Qt.Key.Key_Tab) is decisions.table
    assert not decisions.table.tabKeyNavigation()  # the table is no trap
    after = press(qtbot, Qt.Key.Key_Tab)
    assert not decisions.isAncestorOf(after)
    assert press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier) is decisions.table

    # Ctrl+Tab from inside a tab goes to the next one, built then, with the focus in it.
    decisions.search_edit.setFocus()
    focused = press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentIndex() == TAB_SEARCH
    search = page.tabs.currentWidget()
    assert isinstance(search, SearchAllTab)
    assert focused is search.search_edit
    assert search.count_label.text() == "Type a few words: every one must appear."
    assert not search.open_button.isEnabled()  # no hit to open
    assert press(qtbot, Qt.Key.Key_Tab) is search.table


def ratio(splitter: QSplitter) -> float:
    first, second = splitter.sizes()
    return first / (first + second)


def test_a_tab_built_late_has_its_tables_let_tab_leave_and_each_splitter_its_own_place(
    qtbot: QtBot, services: Services
) -> None:
    """Found on the way: the page's two splitters were remembered by their place in Qt's
    list of children, which changes with the tab last open — closed on Accountability,
    the next start gave each splitter the other's place."""
    window = window_on(qtbot, services)
    page = window.followups_view
    page.tabs.setCurrentIndex(TAB_ACCOUNTABILITY)
    view = page.tabs.currentWidget()
    assert isinstance(view, AccountabilityView) and view is page.accountability_view
    qtbot.waitUntil(lambda: view.members_model.rowCount() > 0)
    tables = page.findChildren(QAbstractItemView)
    assert view.members_table in tables
    assert [t for t in tables if t.tabKeyNavigation()] == []  # Tab leaves every table
    total = sum(view.splitter.sizes())
    view.splitter.setSizes([total * 3 // 4, total - total * 3 // 4])
    total = sum(page.splitter.sizes())
    page.splitter.setSizes([total // 2, total - total // 2])
    kept = {"actions": ratio(page.splitter), "accountability": ratio(view.splitter)}
    window.close()  # remembers the splitters (on the Accountability tab)

    page = window_on(qtbot, services, demo=False).followups_view
    assert abs(ratio(page.splitter) - kept["actions"]) < 0.03
    page.tabs.setCurrentIndex(TAB_ACCOUNTABILITY)
    assert abs(ratio(page.accountability_view.splitter) - kept["accountability"]) < 0.03


def test_a21_the_next_start_opens_follow_ups_on_the_tab_it_was_closed_on_built_and_filled(
    qtbot: QtBot, services: Services
) -> None:
    """Closed on the Accountability tab with its splitter moved, then on the Decisions
    tab: the next start opened Follow-ups on Actions each time (the window remembers the
    page, not the tab). Now the same tab comes up, built, with its data and its splitter
    where it was left."""
    window = window_on(qtbot, services)
    page = window.followups_view
    page.tabs.setCurrentIndex(TAB_ACCOUNTABILITY)
    view = page.accountability_view
    qtbot.waitUntil(lambda: view.members_model.rowCount() > 0)
    total = sum(view.splitter.sizes())
    view.splitter.setSizes([total * 3 // 4, total - total * 3 // 4])
    kept = ratio(view.splitter)
    window.close()

    window = window_on(qtbot, services, demo=False)
    page = window.followups_view
    assert page.tabs.currentIndex() == TAB_ACCOUNTABILITY
    shown = page.tabs.currentWidget()
    assert isinstance(shown, AccountabilityView)
    qtbot.waitUntil(lambda: shown.members_model.rowCount() > 0)
    assert abs(ratio(shown.splitter) - kept) < 0.03
    page.tabs.setCurrentIndex(TAB_DECISIONS)
    window.close()

    window = window_on(qtbot, services, demo=False)
    page = window.followups_view
    assert page.tabs.currentIndex() == TAB_DECISIONS
    decisions = page.tabs.currentWidget()
    assert isinstance(decisions, DecisionsLogTab)
    qtbot.waitUntil(lambda: decisions.model.rowCount() > 0)
