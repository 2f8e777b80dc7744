"""The agenda while the meeting runs: each item with the time used against its box."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont

from alignmeet.domain.records import AgendaItemRecord
from alignmeet.domain.rules import format_minutes_seconds
from ui.colors import color
from ui.models.columns import text_column
from ui.models.record_table_model import Column, Index, RecordTableModel

COL_NUMBER, COL_TITLE, COL_TIME = range(3)


class RunAgendaModel(RecordTableModel[AgendaItemRecord]):
    """#, Item, Time ("12:05 / 10 min"); the current item in bold.

    The running item's time comes from the live stopwatch (`set_used`), not the
    database, so the list ticks with the big timer.
    """

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "#"), lambda i: "", align=Qt.AlignmentFlag.AlignRight),
        text_column(QT_TRANSLATE_NOOP("Columns", "Item"), lambda i: i.title),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Time"), lambda i: "", align=Qt.AlignmentFlag.AlignRight
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._used: dict[int, float] = {}
        self._current: int | None = None
        self._running: int | None = None

    def used_seconds(self, record: AgendaItemRecord) -> float:
        return self._used.get(record.id, float(record.used_seconds))

    def time_text(self, record: AgendaItemRecord) -> str:
        return self.tr("{used} / {box} min").format(
            used=format_minutes_seconds(self.used_seconds(record)), box=record.box_minutes
        )

    def set_used(self, item_id: int, seconds: float) -> None:
        if int(self._used.get(item_id, -1)) == int(seconds):
            return
        self._used[item_id] = seconds
        row = self.row_of(lambda i: i.id == item_id)
        if row >= 0:
            cell = self.index(row, COL_TIME)
            self.dataChanged.emit(cell, cell)

    def clear_used(self) -> None:
        self._used.clear()

    def set_current(self, item_id: int | None) -> None:
        if item_id == self._current:
            return
        rows = [self.row_of(lambda i, x=x: i.id == x) for x in (self._current, item_id)]
        self._current = item_id
        for row in rows:
            if row >= 0:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def set_running(self, item_id: int | None) -> None:
        """The item whose timer runs: "▶" before its number."""
        if item_id == self._running:
            return
        rows = [self.row_of(lambda i, x=x: i.id == x) for x in (self._running, item_id)]
        self._running = item_id
        for row in rows:
            if row >= 0:
                cell = self.index(row, COL_NUMBER)
                self.dataChanged.emit(cell, cell)

    @property
    def current_id(self) -> int | None:
        return self._current

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            index.isValid()
            and 0 <= index.row() < len(self._rows)
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        ):
            record = self._rows[index.row()]
            if index.column() == COL_NUMBER:
                number = str(index.row() + 1)
                return f"▶ {number}" if record.id == self._running else number
            if index.column() == COL_TIME:
                return self.time_text(record)
        return super().data(index, role)

    def extra_data(self, record: AgendaItemRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and record.id == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and column == COL_TIME
            and self.used_seconds(record) > record.box_minutes * 60
        ):
            return color("bad")
        return None
