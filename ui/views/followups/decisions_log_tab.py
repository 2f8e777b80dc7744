"""The follow-ups page's "Decisions" tab: the decisions log across meetings, searchable and
filtered by series; "Open meeting" (or Enter) goes to where a decision was taken."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from alignmeet.domain.records import DecisionLogRow, SeriesRecord
from ui.controller import Controller
from ui.models.decision_log_model import COL_DECISION, DecisionLogModel
from ui.models.record_table_model import RECORD_ROLE
from ui.views.followups.tables import (
    debounced,
    enabled_with_a_current_row,
    fill_series,
    filter_combo,
    meetings_table,
    tab_page,
)
from ui.views.phases import format_number
from ui.widgets import plain_label, search_field


class DecisionsLogTab(QWidget):
    meeting_requested = Signal(int)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.search_edit = search_field(
            self.tr("Search decisions and their agenda items…"), self.tr("Search decisions")
        )
        self.series_combo = filter_combo(
            self.tr("Decisions series"), self.tr("Which meeting series"), 200
        )
        self.count_label = plain_label(object_name="DecisionCount")
        self.timer = debounced(self.search_edit, self.refresh, self)
        self.series_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.model = DecisionLogModel(self)
        self.table, self.proxy = meetings_table(
            self.tr("Decisions log"), self.model, self, COL_DECISION, {0: 110, 1: 260, 2: 230}
        )
        self.table.activated.connect(lambda _i: self.open_meeting())
        self.open_button = QPushButton(self.tr("Open meeting"))
        self.open_button.clicked.connect(self.open_meeting)
        enabled_with_a_current_row(self.open_button, self.table)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.series_combo)
        row.addWidget(self.open_button)
        tab_page(self, row, self.count_label, self.table)

    def fill_series(self, series: Sequence[SeriesRecord]) -> None:
        """The series to choose from, keeping the one chosen; no signals."""
        current = self.series_combo.currentData()
        self.series_combo.blockSignals(True)
        self.series_combo.clear()
        fill_series(self.series_combo, series, current, self.tr("All series"))
        self.series_combo.blockSignals(False)

    def refresh(self) -> None:
        self.timer.stop()
        rows = self.controller.services.followups.decisions(
            self.search_edit.text(), self.series_combo.currentData()
        )
        self.model.set_rows(rows)
        text = self.search_edit.text().strip()
        if rows:
            self.count_label.setText(
                self.tr("1 decision")
                if len(rows) == 1
                else self.tr("{count} decisions").format(count=format_number(len(rows)))
            )
        else:
            self.count_label.setText(
                self.tr("No decision matches “{text}”.").format(text=text)
                if text
                else self.tr("No decisions recorded yet.")
            )

    def open_meeting(self) -> None:
        record = self.table.currentIndex().data(RECORD_ROLE)
        if isinstance(record, DecisionLogRow):
            self.meeting_requested.emit(record.meeting_id)
