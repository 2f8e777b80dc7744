"""The follow-ups page's "Search all meetings" tab: actions, history notes, ideas, decisions
and agenda notes, newest first; "Open meeting" (or Enter) goes to where a hit was said."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from alignmeet.domain.records import SearchHit
from ui.controller import Controller
from ui.models.record_table_model import RECORD_ROLE
from ui.models.search_hits_model import COL_TEXT, SearchHitsModel
from ui.views.followups.tables import (
    debounced,
    enabled_with_a_current_row,
    meetings_table,
    tab_page,
)
from ui.widgets import plain_label, search_field


class SearchAllTab(QWidget):
    meeting_requested = Signal(int)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.search_edit = search_field(
            self.tr("Search actions, notes, ideas and decisions of all meetings…"),
            self.tr("Search all meetings"),
        )
        self.timer = debounced(self.search_edit, self.refresh, self)
        self.count_label = plain_label(object_name="HitCount")
        self.model = SearchHitsModel(self)
        self.table, self.proxy = meetings_table(
            self.tr("Search results"), self.model, self, COL_TEXT, {0: 110, 1: 240, 2: 80, 3: 260}
        )
        self.table.activated.connect(lambda _i: self.open_meeting())
        self.open_button = QPushButton(self.tr("Open meeting"))
        self.open_button.clicked.connect(self.open_meeting)
        enabled_with_a_current_row(self.open_button, self.table)
        row = QHBoxLayout()
        row.addWidget(self.search_edit, 1)
        row.addWidget(self.open_button)
        tab_page(self, row, self.count_label, self.table)

    def refresh(self) -> None:
        self.timer.stop()
        text = self.search_edit.text()
        hits = self.controller.services.followups.search(text) if text.strip() else []
        self.model.set_rows(hits)
        if not text.strip():
            self.count_label.setText(self.tr("Type a few words: every one must appear."))
        elif not hits:
            self.count_label.setText(
                self.tr("Nothing found for “{text}”.").format(text=text.strip())
            )
        elif len(hits) >= 200:
            self.count_label.setText(
                self.tr("{count} found (the newest 200)").format(count=len(hits))
            )
        else:
            self.count_label.setText(self.tr("{count} found").format(count=len(hits)))

    def open_meeting(self) -> None:
        record = self.table.currentIndex().data(RECORD_ROLE)
        if isinstance(record, SearchHit):
            self.meeting_requested.emit(record.meeting_id)
