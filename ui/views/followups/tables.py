"""Small helpers for the follow-ups page's filter combos and record tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.records import SeriesRecord
from ui.models.record_table_model import SORT_ROLE, SourceSortProxy
from ui.views.phases import table_view

SEARCH_DELAY_MS = 250


def filter_combo(name: str, tip: str, width: int) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(tip)
    combo.setMinimumWidth(width)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


def record_table(name: str) -> QTableView:
    view = table_view()
    view.setAccessibleName(name)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(30)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def debounced(edit: QLineEdit, slot: Callable[[], None], parent: QObject) -> QTimer:
    """`slot` a moment after the typing in `edit` stops (typing stays fluid)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    timer.timeout.connect(slot)
    edit.textChanged.connect(lambda _t: timer.start())
    return timer


def meetings_table(
    name: str, model: QAbstractItemModel, parent: QWidget, stretch: int, widths: dict[int, int]
) -> tuple[QTableView, QSortFilterProxyModel]:
    """A sortable table of records that each belong to a meeting (decisions, search hits)."""
    table = record_table(name)
    proxy = sortable(table, model, parent)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    set_widths(table, widths)
    return table, proxy


def enabled_with_a_current_row(button: QPushButton, table: QTableView) -> None:
    """`button` ("Open meeting") enabled only while the table has a current row: with no
    hit or decision chosen there is nothing for it to open."""

    def update(*_args: object) -> None:
        button.setEnabled(table.currentIndex().isValid())

    table.selectionModel().currentRowChanged.connect(update)
    model = table.model()
    for signal in (model.modelReset, model.layoutChanged, model.rowsRemoved):
        signal.connect(update)
    update()


def tab_page(page: QWidget, row: QHBoxLayout, count: QWidget, table: QTableView) -> None:
    """A tab's layout: the search row, the count under it, the table."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 8, 0, 0)
    layout.addLayout(row)
    layout.addWidget(count)
    layout.addWidget(table, 1)


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
    proxy = SourceSortProxy(parent)  # the record model sorts (each row's key read once)
    proxy.setSourceModel(model)  # type: ignore[arg-type]
    proxy.setSortRole(SORT_ROLE)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)  # column 0 is the date: newest first
    return proxy


def fill_series(
    combo: QComboBox, series: Sequence[SeriesRecord], current: int | None, everything: str
) -> None:
    """`everything` (e.g. "All series"), then each series; `current` chosen again."""
    combo.addItem(everything, None)
    for record in series:
        combo.addItem(record.name, record.id)
    combo.setCurrentIndex(max(0, combo.findData(current)))
