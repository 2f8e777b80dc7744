"""Issue 12, finding 9: the Follow-ups table. The Action column was cut to ~28 characters
while Due was wide, and every overdue row was red from end to end. Now the action takes
the room and only the due date says it is late (colour and ⚠), on the real window at a
laptop's 1280×800."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alignmeet.demo import build_demo
from alignmeet.services import Services
from ui.colors import color
from ui.controller import Controller
from ui.main_window import MainWindow
from ui.models.followup_rows_model import COL_ACTION, COL_DUE, COL_NOTE, COL_OWNER


def test_f9_the_action_column_takes_the_room_and_only_the_due_date_is_marked_overdue(
    qtbot: QtBot, services: Services
) -> None:
    build_demo(services, today=date.today())
    window = MainWindow(Controller(services))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.show_page("followups")
    view = window.followups_view
    qtbot.waitUntil(lambda: view.is_loaded)
    QApplication.processEvents()
    table, model = view.table, view.model
    header = table.horizontalHeader()
    assert header.sectionSize(COL_ACTION) >= 2 * header.sectionSize(COL_DUE)
    assert header.sectionSize(COL_ACTION) >= 40 * table.fontMetrics().averageCharWidth()
    overdue = [
        row
        for row in range(model.rowCount())
        if "overdue" in (model.index(row, COL_DUE).data(Qt.ItemDataRole.AccessibleTextRole) or "")
    ]
    assert overdue, "the sample data has overdue actions"
    for row in overdue:
        due = model.index(row, COL_DUE)
        assert due.data().startswith("⚠ ")
        assert QColor(due.data(Qt.ItemDataRole.ForegroundRole)) == color("bad")
        for column in (COL_ACTION, COL_OWNER, COL_NOTE):
            assert model.index(row, column).data(Qt.ItemDataRole.ForegroundRole) is None
            assert model.index(row, column).data(Qt.ItemDataRole.BackgroundRole) is None
    # A long action is elided in the table, whole in its tooltip.
    row = overdue[0]
    action = model.index(row, COL_ACTION)
    assert action.data() in action.data(Qt.ItemDataRole.ToolTipRole).replace("&#x27;", "'")
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
