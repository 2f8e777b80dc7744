"""The read-only record table every list screen shows: one row per record, picked whole.

`record_table()` makes the `QTableView` the toolkit's views used to copy each for itself
(selection by row, no in-place editing, no row numbers, left-aligned headers, alternating
rows, the accessible name a screen reader announces); `selected_record()` reads the record
of the picked row (`RECORD_ROLE`, see `ui.models.record_table_model`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.models.record_table_model import RECORD_ROLE, SORT_ROLE

Resize = QHeaderView.ResizeMode


def record_table(
    model: QAbstractItemModel | None,
    name: str,
    *,
    row_height: int = 30,
    resize: Resize | None = None,
    stretch: int | None = None,
    alternating: bool = True,
    word_wrap: bool = False,
    selection: QAbstractItemView.SelectionMode = QAbstractItemView.SelectionMode.SingleSelection,
    icon_size: int = 0,
    parent: QWidget | None = None,
) -> QTableView:
    """A read-only table of records for `model`, announced to screen readers as `name`.

    `resize` sets how every column is sized (Qt's default when None) and `stretch` the one
    column that takes the rest of the width; `row_height` is the height of a row.
    """
    table = QTableView(parent)
    if model is not None:
        table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(selection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating)
    table.setWordWrap(word_wrap)
    if icon_size:
        table.setIconSize(QSize(icon_size, icon_size))
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if resize is not None:
        header.setSectionResizeMode(resize)
    if stretch is not None:
        header.setSectionResizeMode(stretch, Resize.Stretch)
    return table


def sortable_record_table(
    model: QAbstractItemModel, name: str, owner: QObject, **options: Any
) -> tuple[QSortFilterProxyModel, QTableView]:
    """A record table the user sorts by clicking a header (by each column's `SORT_ROLE`),
    in the model's own order until then; the proxy in between belongs to `owner`."""
    proxy = QSortFilterProxyModel(owner)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = record_table(proxy, name, **options)
    table.setSortingEnabled(True)
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return proxy, table


def rows_fit_contents(table: QTableView, minimum: int) -> None:
    """Rows as tall as their (wrapped) text, never lower than `minimum`."""
    table.verticalHeader().setMinimumSectionSize(minimum)
    table.verticalHeader().setSectionResizeMode(Resize.ResizeToContents)


def selected_record(table: QTableView) -> object | None:
    """The record of the picked row, or None when no row is picked."""
    model = table.selectionModel()
    rows = model.selectedRows() if model is not None else []
    return rows[0].data(RECORD_ROLE) if rows else None


def select_record(table: QTableView, row: int) -> bool:
    """Pick `row` (from a `row_of` lookup); False when it is not there (-1)."""
    if row < 0:
        return False
    table.selectRow(row)
    return True


def set_current_row(selection: QItemSelectionModel, index: QModelIndex) -> None:
    """`index` becomes current and its whole row the only one selected."""
    selection.setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
