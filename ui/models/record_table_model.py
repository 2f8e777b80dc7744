"""A table model over a list of immutable records (Vorta's shape: columns, headers, set_rows)."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")
_NULL_INDEX = QModelIndex()
Index = QModelIndex | QPersistentModelIndex

RECORD_ROLE = Qt.ItemDataRole.UserRole + 1  # the record itself
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # record.id (or the column's key)
SORT_ROLE = Qt.ItemDataRole.UserRole + 3  # a sortable value (dates, numbers)


def plain_tooltip(text: str) -> str | None:
    """Qt renders tooltips as rich text: escape user text so it shows exactly as typed.

    Line breaks stay line breaks; the paragraph lets a long line wrap.
    """
    if not text:
        return None
    body = "<br>".join(html.escape(line) for line in text.splitlines())
    return '<p style="white-space:pre-wrap">' + body + "</p>"  # spaces kept as typed


def elided(text: str, limit: int) -> str:
    """`text` cut to about `limit` characters at a word, with "…" (the full text goes in
    the tooltip): a long entry takes a few lines of a list, never the whole list."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[T], str | None] | None = None


class RecordTableModel(QAbstractTableModel, Generic[T]):
    """Read-only rows of records. Subclasses define COLUMNS and may add roles/flags/setData."""

    COLUMNS: Sequence[Column[Any]] = ()
    ID_FIELD = "id"  # the record's field that ID_ROLE answers

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    # -- data -----------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[T]:
        return list(self._rows)

    def record(self, row: int) -> T:
        return self._rows[row]

    def row_of(self, predicate: Callable[[T], bool]) -> int:
        for i, rec in enumerate(self._rows):
            if predicate(rec):
                return i
        return -1

    def replace_row(self, row: int, record: T) -> None:
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- Qt -------------------------------------------------------------------
    def rowCount(self, parent: Index = _NULL_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NULL_INDEX) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
                # Headers are marked with QT_TRANSLATE_NOOP("Columns", ...) where defined.
                return QCoreApplication.translate("Columns", self.COLUMNS[section].header)
            if orientation == Qt.Orientation.Vertical:
                return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        rec = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.shown_text(rec, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip(rec) if col.tooltip else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align is not None:
            return int(col.align | Qt.AlignmentFlag.AlignVCenter)
        if role == RECORD_ROLE:
            return rec
        if role == ID_ROLE:
            return getattr(rec, self.ID_FIELD, None)
        if role == SORT_ROLE:
            return col.sort_key(rec) if col.sort_key else col.text(rec).casefold()
        return self.extra_data(rec, index.column(), role)

    def shown_text(self, record: T, column: int) -> str:
        """The cell's text (and what a screen reader reads); a subclass whose text depends
        on more than the record overrides it. Sorting still goes by the column's own text."""
        return self.COLUMNS[column].text(record)

    def extra_data(self, record: T, column: int, role: int) -> Any:
        """Hook for subclasses: colours, check states, fonts."""
        return None
