"""Small helpers for the follow-ups page's filter combos and record tables."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from ui.models.record_table_model import SORT_ROLE


def filter_combo(name: str, tip: str, width: int) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(tip)
    combo.setMinimumWidth(width)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def record_table(name: str) -> QTableView:
    view = QTableView()
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(30)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def set_widths(view: QTableView, widths: dict[int, int]) -> None:
    """Column widths, each at least as wide as its header (with room for the sort arrow):
    the headers are longer in some languages."""
    header = view.horizontalHeader()
    metrics = header.fontMetrics()
    model = view.model()
    for column, width in widths.items():
        text = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        view.setColumnWidth(column, max(width, metrics.horizontalAdvance(text) + 28))


def sortable(view: QTableView, model: object, parent: QWidget) -> QSortFilterProxyModel:
    """A small record table, sortable through a proxy on SORT_ROLE."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)  # type: ignore[arg-type]
    proxy.setSortRole(SORT_ROLE)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # column 0 is the date: newest first
    return proxy
