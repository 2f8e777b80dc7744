"""The review list: open actions from earlier meetings of the series, and what became of them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from alignmeet.domain.records import FollowUpRecord
from alignmeet.domain.rules import action_number, due_state, short_date
from ui.colors import color
from ui.core_labels import label
from ui.models.columns import text_column
from ui.models.record_table_model import (
    ID_ROLE,
    SORT_ROLE,
    Column,
    Index,
    RecordTableModel,
    plain_tooltip,  # also imported from here (its first home)
)

COL_NUMBER, COL_ACTION, COL_OWNER, COL_FROM, COL_DUE, COL_WAS, COL_NOW, COL_NOTE = range(8)


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class FollowUpsModel(RecordTableModel[FollowUpRecord]):
    """#, Action, Owner, From, Due (overdue in red with a text mark), Was, Now, Note."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "#"), lambda f: ""),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Action"),
            lambda f: f.action.title,
            tooltip=lambda f: plain_tooltip(f.action.title),
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Owner"), lambda f: f.action.owner_name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "From"),
            lambda f: short_date(f.action.meeting_date),
            sort_key=lambda f: f.action.meeting_date,
            tooltip=lambda f: plain_tooltip(f.action.origin),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Due"),
            lambda f: short_date(f.action.due),
            sort_key=lambda f: f.action.due or date.max,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Was"), lambda f: label(f.status_before.label)),
        Column(QT_TRANSLATE_NOOP("Columns", "Now"), lambda f: label(f.action.status.label)),
        text_column(QT_TRANSLATE_NOOP("Columns", "Note"), lambda f: f.review_note),
    )

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today

    def is_overdue(self, record: FollowUpRecord) -> bool:
        return (
            record.action.status.is_open
            and due_state(record.action.due, self._today()) == "overdue"
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return record.action.id
        if column == COL_NUMBER and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            SORT_ROLE,
        ):
            if role == SORT_ROLE:
                return record.action.id
            return action_number(record.action.id)  # "A-123", as in every document
        if column == COL_DUE:
            if role == SORT_ROLE:
                return record.action.due or date.max
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole) and (
                self.is_overdue(record)
            ):
                assert record.action.due is not None
                overdue = QCoreApplication.translate("FollowUpsModel", "overdue")
                return f"{short_date(record.action.due)} · {overdue}"
        return super().data(index, role)

    def extra_data(self, record: FollowUpRecord, column: int, role: int) -> Any:
        if column == COL_DUE and self.is_overdue(record):
            if role == Qt.ItemDataRole.ForegroundRole:
                return color("bad")
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
        if column == COL_NOW and role == Qt.ItemDataRole.FontRole and record.reviewed:
            return _bold()
        return None
