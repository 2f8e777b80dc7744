"""One team's Top 10 of data needs on the data-needs tab: reorder (drag, or Up/Down),
add a need, take one off."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
)

from alignmeet.domain.data_needs import MAX_RANKED, DataNeedRecord, TeamRanking
from alignmeet.domain.rules import ValidationError
from ui.controller import Controller
from ui.models.data_needs_model import TeamRankingModel
from ui.record_table import selected_record
from ui.undo import Step, step
from ui.views.toolkit.common import button_row
from ui.views.toolkit.data_needs_common import data_needs_table
from ui.widgets import FieldError, section_heading

__all__ = ["TeamRankingPanel"]

_MIME = "application/x-alignmeet-rank-row"


# ---- one team's list --------------------------------------------------------------------
class _DraggableRanking(TeamRankingModel):
    """A team's list that can be reordered by dragging a row; the new order is announced
    (`reordered`) for the view to save — the model itself never writes."""

    reordered = Signal(list)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data.setData(_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def dropMimeData(  # type: ignore[override]
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(_MIME):
            return False
        source = int(bytes(data.data(_MIME).data()).decode() or -1)
        if not 0 <= source < self.rowCount():
            return False
        target = parent.row() if row < 0 and parent.isValid() else row
        if target < 0:
            target = self.rowCount()
        ids = [n.id for n in self.rows()]
        moved = ids.pop(source)
        ids.insert(target - 1 if target > source else target, moved)
        self.reordered.emit(ids)
        return False  # the refresh after saving shows the new order


class TeamRankingPanel(QFrame):
    """One team's Top 10: reorder (drag, or Up/Down), add a need, take one off."""

    def __init__(self, controller: Controller, team_id: int, team_name: str) -> None:
        super().__init__()
        self.setObjectName("Card")
        self.controller = controller
        self.team_id = team_id
        self.team_name = team_name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        self.heading = section_heading(self.tr("{team} — Top 10").format(team=team_name))
        self.model = _DraggableRanking(team_id, self)
        self.model.reordered.connect(self._save)
        self.table = data_needs_table(
            self.model, self.tr("{team}'s ranking").format(team=team_name)
        )
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.up_button = QPushButton(self.tr("▲ Up"))
        self.up_button.setAccessibleName(self.tr("Move up in {team}'s list").format(team=team_name))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("▼ Down"))
        self.down_button.setAccessibleName(
            self.tr("Move down in {team}'s list").format(team=team_name)
        )
        self.down_button.clicked.connect(lambda: self._move(1))
        self.remove_button = QPushButton(self.tr("Take off the list"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.add_combo = QComboBox()
        self.add_combo.setAccessibleName(
            self.tr("Data need to add to {team}'s list").format(team=team_name)
        )
        self.add_combo.setMinimumContentsLength(18)
        self.add_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.add_button = QPushButton(self.tr("Add to list"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.error = FieldError()

        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        moves = button_row((self.up_button, self.down_button), (self.remove_button,))
        layout.addLayout(moves)
        adding = QHBoxLayout()
        adding.addWidget(self.add_combo, 1)
        adding.addWidget(self.add_button)
        layout.addLayout(adding)
        layout.addWidget(self.error)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

    def set_data(self, ranking: TeamRanking, needs: list[DataNeedRecord]) -> None:
        selected = self.selected_id()
        self.model.set_rows(list(ranking.needs))
        count = len(ranking.needs)
        self.heading.setText(
            self.tr("{team} — Top 10  ({count} of {limit})").format(
                team=self.team_name, count=count, limit=MAX_RANKED
            )
        )
        ranked = set(ranking.need_ids)
        self.add_combo.clear()
        for need in needs:
            if need.id not in ranked:
                self.add_combo.addItem(need.title, need.id)
        if selected is not None:
            self.select(selected)
        self._update_buttons()

    def selected_id(self) -> int | None:
        record = selected_record(self.table)
        return record.id if isinstance(record, DataNeedRecord) else None

    def select(self, need_id: int) -> None:
        row = self.model.row_of(lambda n: n.id == need_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        selected = self.selected_id()
        ids = [n.id for n in self.model.rows()]
        self.up_button.setEnabled(selected is not None and ids.index(selected) > 0)
        self.down_button.setEnabled(selected is not None and ids.index(selected) < len(ids) - 1)
        self.remove_button.setEnabled(selected is not None)
        full = len(ids) >= MAX_RANKED
        self.add_button.setEnabled(self.add_combo.count() > 0 and not full)
        self.add_button.setToolTip(
            self.tr("{team}'s list is full: take one off first").format(team=self.team_name)
            if full
            else ""
        )

    def _ids(self) -> list[int]:
        return [n.id for n in self.model.rows()]

    def _save(self, ids: list[int]) -> bool:
        self.error.clear_error()
        try:
            team_id = self.team_id
            self.controller.perform(
                step(Step.DATA_NEEDS_RANKING),
                lambda s: s.data_needs.set_ranking(team_id=team_id, need_ids=ids),
            )
        except ValidationError as exc:
            self.error.show_error(exc.message)
            return False
        return True

    def _move(self, step: int) -> None:
        selected = self.selected_id()
        if selected is None:
            return
        ids = self._ids()
        at = ids.index(selected)
        to = at + step
        if not 0 <= to < len(ids):
            return
        ids[at], ids[to] = ids[to], ids[at]
        if self._save(ids):
            self.select(selected)

    def _on_remove_button_clicked(self) -> None:
        selected = self.selected_id()
        if selected is not None:
            self._save([i for i in self._ids() if i != selected])

    def _on_add_button_clicked(self) -> None:
        need_id = self.add_combo.currentData()
        if need_id is None:
            return
        if self._save([*self._ids(), int(need_id)]):
            self.select(int(need_id))


# ---- the tab ----------------------------------------------------------------------------
