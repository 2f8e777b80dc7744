"""The follow-ups filters: person, team, series, status, due date, free text, the
"My commitments" mode and the Export menu, in one row."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from alignmeet.domain.records import MemberRecord, SeriesRecord
from ui.core_labels import label
from ui.views.followups.choices import DUE_CHOICES, STATUS_CHOICES, TEAM_CHOICES, tr_page
from ui.views.followups.exports import EXPORT_KINDS
from ui.views.followups.tables import fill_series, filter_combo
from ui.widgets import search_field


class FollowUpFiltersBar(QWidget):
    """The row of filters above the list; the page reads the combos and connects to them."""

    export_requested = Signal(str)  # the kind: "docx", "ics" or "csv"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_combos()
        self._build_search()
        self._build_export()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in (
            self.person_combo,
            self.team_combo,
            self.series_combo,
            self.status_combo,
            self.due_combo,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.search_edit, 1)
        layout.addWidget(self.mine_button)
        layout.addWidget(self.export_button)

    def _build_combos(self) -> None:
        self.person_combo = filter_combo(self.tr("Person"), self.tr("Whose actions"), 150)
        self.team_combo = filter_combo(
            self.tr("Team"), self.tr("Sales, Marketing or Joint actions"), 100
        )
        for text, tag in TEAM_CHOICES:
            self.team_combo.addItem(
                label(tag) if tag else tr_page(text), tag.value if tag else None
            )
        self.series_combo = filter_combo(self.tr("Series"), self.tr("Which meeting series"), 150)
        self.status_combo = filter_combo(
            self.tr("Status"),
            self.tr("Open means open, in progress or blocked: what still needs doing"),
            110,
        )
        for text, _statuses in STATUS_CHOICES:
            self.status_combo.addItem(tr_page(text))
        self.due_combo = filter_combo(
            self.tr("Due"), self.tr("Overdue, due this week, later, or without a date"), 110
        )
        for text, bucket in DUE_CHOICES:
            self.due_combo.addItem(tr_page(text), bucket)
        for combo in (self.team_combo, self.status_combo, self.due_combo):  # short, fixed lists
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def _build_search(self) -> None:
        self.search_edit = search_field(
            self.tr("Search actions & notes…"), self.tr("Search actions")
        )
        self.search_edit.setToolTip(
            self.tr(
                "Every word must appear (as the start of a word) in the action or a note of"
                " its history"
            )
        )
        self.search_edit.setMinimumWidth(160)
        self.mine_button = QPushButton(self.tr("My commitments"))
        self.mine_button.setCheckable(True)
        self.mine_button.setToolTip(
            self.tr("The chosen person's open actions across all series and their commitments")
        )

    def _build_export(self) -> None:
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Save the actions these filters show"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        for kind, (text, *_rest) in EXPORT_KINDS.items():
            action = export_menu.addAction(tr_page(text))
            action.triggered.connect(lambda _=False, k=kind: self.export_requested.emit(k))
            self.export_actions[kind] = action
        self.export_button.setMenu(export_menu)

    def fill_choices(self, members: Sequence[MemberRecord], series: Sequence[SeriesRecord]) -> None:
        """People (inactive ones marked) and series, keeping what was chosen; no signals."""
        person = self.person_combo.currentData()
        chosen_series = self.series_combo.currentData()
        for combo in (self.person_combo, self.series_combo):
            combo.blockSignals(True)
            combo.clear()
        self.person_combo.addItem(self.tr("Everyone"), None)
        for member in sorted(members, key=lambda m: m.name.casefold()):
            text = (
                member.name
                if member.active
                else self.tr("{name} (inactive)").format(name=member.name)
            )
            self.person_combo.addItem(text, member.id)
        fill_series(self.series_combo, series, chosen_series, self.tr("All series"))
        self.person_combo.setCurrentIndex(max(0, self.person_combo.findData(person)))
        for combo in (self.person_combo, self.series_combo):
            combo.blockSignals(False)
        self.mine_button.setEnabled(self.person_combo.currentData() is not None)
