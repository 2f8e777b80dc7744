"""Data needs Top 10: each team's ranked list side by side with the overlap marked, the
joint Top 10 and its progress (Alignment page), and the panel a running meeting uses to
agree the joint list with an owner per item."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QDate,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.data_needs import (
    MAX_RANKED,
    Comparison,
    DataNeedRecord,
    JointEntry,
    TeamRanking,
)
from alignmeet.domain.enums import Attendance
from alignmeet.domain.rules import MAX_TITLE, ValidationError
from ui.controller import Controller
from ui.models.data_needs_model import (
    BOTH_MARK,
    ComparisonModel,
    JointTopModel,
    TeamRankingModel,
)
from ui.models.plural import plural
from ui.models.record_table_model import RECORD_ROLE, plain_tooltip
from ui.undo import Step, step
from ui.views.toolkit.common import card as _card
from ui.widgets import DateField, FieldError, plain_label, section_heading

AREA = "data_needs"
_MIME = "application/x-alignmeet-rank-row"
_NO_DATE = QDate(2000, 1, 1)  # the due-date field's "no date" value


def _table(model: object, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def describe(comparison: Comparison) -> str:
    """ "4 on both lists · 4 only Sales · 4 only Marketing." """
    both = QCoreApplication.translate("DataNeedsView", "{count} on both lists")
    only = QCoreApplication.translate("DataNeedsView", "{count} only {team}")
    parts = [both.format(count=len(comparison.shared))]
    parts += [
        only.format(count=len(comparison.only_for(tid)), team=name)
        for tid, name in comparison.teams
    ]
    return " · ".join(parts) + "."


def legend() -> QLabel:
    text = QCoreApplication.translate(
        "DataNeedsView", "{mark} tinted: on both teams' lists (the overlap)"
    )
    label = plain_label(text.format(mark=BOTH_MARK.strip()))
    label.setObjectName("DataNeedsLegend")
    return label


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
        self.table = _table(self.model, self.tr("{team}'s ranking").format(team=team_name))
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
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        moves.addWidget(self.remove_button)
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
        rows = self.table.selectionModel().selectedRows()
        record = rows[0].data(RECORD_ROLE) if rows else None
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
class DataNeedsView(QWidget):
    """Both teams' lists side by side (overlap marked), adding needs, and the joint Top 10."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.team_panels: list[TeamRankingPanel] = []

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(
            self.tr("A data need, e.g. “Lead source per opportunity”")
        )
        self.title_edit.setAccessibleName(self.tr("New data need"))
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.returnPressed.connect(self._on_add_need_clicked)
        self.add_need_button = QPushButton(self.tr("Add data need"))
        self.add_need_button.clicked.connect(self._on_add_need_clicked)
        self.title_error = FieldError()
        self.summary_label = plain_label()
        self.summary_label.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.title_edit, 1)
        top.addWidget(self.add_need_button)
        top.addSpacing(16)
        top.addWidget(legend())

        self.teams_row = QHBoxLayout()
        self.teams_row.setSpacing(16)

        self.joint_model = JointTopModel(self)
        self.joint_table = _table(self.joint_model, self.tr("Joint Top 10"))
        jh = self.joint_table.horizontalHeader()
        jh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        jh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.joint_label = plain_label()
        self.joint_label.setWordWrap(True)
        joint_card, joint_layout = _card()
        joint_top = QHBoxLayout()
        joint_top.addWidget(section_heading(self.tr("Joint Top 10")))
        joint_top.addWidget(self.joint_label, 1)
        joint_layout.addLayout(joint_top)
        joint_layout.addWidget(self.joint_table, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.title_error)
        layout.addWidget(self.summary_label)
        layout.addLayout(self.teams_row, 3)
        layout.addWidget(joint_card, 2)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.teams_changed.connect(self.refresh)
        controller.members_changed.connect(self.refresh)
        controller.actions_changed.connect(lambda *_: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        service = self.controller.services.data_needs
        rankings = service.rankings()
        needs = service.list_needs()
        self._ensure_panels(rankings)
        for panel, ranking in zip(self.team_panels, rankings, strict=True):
            panel.set_data(ranking, needs)
        comparison = service.overlap()
        count = plural(self.tr("%n data need(s)", "", len(needs)), len(needs))
        self.summary_label.setText(f"{count} · {describe(comparison)}")
        joint = service.joint_top10()
        self.joint_model.set_rows(joint)
        if joint:
            meetings = {n.meeting_id for n in joint}
            done = sum(1 for n in joint if n.status is not None and not n.status.is_open)
            where = ""
            if len(meetings) == 1 and None not in meetings:
                meeting_id = meetings.pop()
                assert meeting_id is not None
                meeting = self.controller.services.meetings.get_meeting(meeting_id)
                where = self.tr("Agreed in “{meeting}”. ").format(meeting=meeting.title)
            self.joint_label.setText(
                where
                + self.tr(
                    "{done} of {total} closed; each item is tracked as a joint action."
                ).format(done=done, total=len(joint))
            )
        else:
            self.joint_label.setText(
                self.tr(
                    "Not agreed yet: add a “Data-needs ranking” item to a meeting's agenda and "
                    "agree it there."
                )
            )

    def _ensure_panels(self, rankings: list[TeamRanking]) -> None:
        wanted = [(r.team_id, r.team_name) for r in rankings]
        if [(p.team_id, p.team_name) for p in self.team_panels] == wanted:
            return
        for panel in self.team_panels:
            self.teams_row.removeWidget(panel)
            panel.deleteLater()
        self.team_panels = [TeamRankingPanel(self.controller, tid, name) for tid, name in wanted]
        for panel in self.team_panels:
            self.teams_row.addWidget(panel, 1)

    def _on_add_need_clicked(self) -> None:
        self.title_error.clear_error()
        try:
            title = self.title_edit.text()
            need = self.controller.perform(
                step(Step.NEW_DATA_NEED), lambda s: s.data_needs.add_need(title=title)
            )
        except ValidationError as exc:
            self.title_error.show_error(exc.message, self.title_edit)
            return
        self.title_edit.clear()
        self.summary_label.setText(
            self.tr("Added “{title}”. Add it to a team's list with “Add to list”.").format(
                title=need.title
            )
        )

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()


# ---- the meeting panel ------------------------------------------------------------------
class JointRow:
    """One editable row of the joint Top 10 in the meeting: need, owner, due."""

    def __init__(self, rank: int) -> None:
        self.rank_label = plain_label(f"{rank}.")
        self.need_combo = QComboBox()
        self.need_combo.setAccessibleName(
            QCoreApplication.translate("DataNeedsPanel", "Joint data need {rank}").format(rank=rank)
        )
        self.need_combo.setMinimumContentsLength(10)
        self.need_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.need_combo.currentTextChanged.connect(
            lambda text: self.need_combo.setToolTip(plain_tooltip(text) or "")
        )
        self.owner_combo = QComboBox()
        self.owner_combo.setAccessibleName(
            QCoreApplication.translate("DataNeedsPanel", "Owner of joint data need {rank}").format(
                rank=rank
            )
        )
        self.owner_combo.setMinimumContentsLength(7)
        self.owner_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.due_edit = DateField()
        self.due_edit.setAccessibleName(
            QCoreApplication.translate(
                "DataNeedsPanel", "Due date of joint data need {rank}"
            ).format(rank=rank)
        )
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setDisplayFormat("d MMM yyyy")
        self.due_edit.setMinimumDate(_NO_DATE)
        self.due_edit.setSpecialValueText(QCoreApplication.translate("DataNeedsPanel", "No date"))
        self.due_edit.setDate(_NO_DATE)
        self.due_edit.setFixedWidth(118)

    def need_id(self) -> int | None:
        data = self.need_combo.currentData()
        return int(data) if data is not None else None

    def owner_id(self) -> int | None:
        data = self.owner_combo.currentData()
        return int(data) if data is not None else None

    def due(self) -> date | None:
        value = self.due_edit.date()
        return None if value == _NO_DATE else value.toPython()  # type: ignore[return-value]

    def set_values(self, need_id: int | None, owner_id: int | None, due: date | None) -> None:
        self.need_combo.setCurrentIndex(max(self.need_combo.findData(need_id), 0))
        self.owner_combo.setCurrentIndex(max(self.owner_combo.findData(owner_id), 0))
        self.due_edit.setDate(QDate(due) if due else _NO_DATE)


class DataNeedsPanel(QWidget):
    """Beside a "Data-needs ranking" agenda item: the two lists compared (overlap and
    differences), and the joint Top 10 with an owner per row, agreed with one button."""

    def __init__(
        self,
        controller: Controller,
        *,
        meeting_id: int,
        item_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.meeting_id = meeting_id
        self.item_id = item_id

        self.comparison_model = ComparisonModel(self)
        self.comparison_table = _table(self.comparison_model, self.tr("Both teams' lists compared"))
        self.comparison_label = plain_label()
        self.comparison_label.setWordWrap(True)
        left, left_layout = _card()
        left_layout.addWidget(section_heading(self.tr("What each team wants")))
        left_layout.addWidget(self.comparison_label)
        left_layout.addWidget(legend())
        left_layout.addWidget(self.comparison_table, 1)

        self.rows = [JointRow(rank) for rank in range(1, MAX_RANKED + 1)]
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        for column, text in enumerate(
            ("#", self.tr("Data need"), self.tr("Owner"), self.tr("Due"))
        ):
            grid.addWidget(plain_label(text), 0, column)
        for i, row in enumerate(self.rows, start=1):
            grid.addWidget(row.rank_label, i, 0)
            grid.addWidget(row.need_combo, i, 1)
            grid.addWidget(row.owner_combo, i, 2)
            grid.addWidget(row.due_edit, i, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(len(self.rows) + 1, 1)
        rows_widget = QWidget()
        rows_widget.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(rows_widget)
        scroll.viewport().setAutoFillBackground(False)
        rows_widget.setAutoFillBackground(False)

        self.suggest_button = QPushButton(self.tr("Fill in the suggestion"))
        self.suggest_button.setToolTip(
            self.tr("Needs both teams want first, then by combined rank; owners stay as chosen")
        )
        self.suggest_button.clicked.connect(self._on_suggest_button_clicked)
        self.agree_button = QPushButton(self.tr("Agree joint Top 10"))
        self.agree_button.setDefault(True)
        self.agree_button.clicked.connect(self._on_agree_button_clicked)
        self.error = FieldError()
        self.note = plain_label()
        self.note.setWordWrap(True)
        right, right_layout = _card()
        right_layout.addWidget(section_heading(self.tr("Joint Top 10")))
        hint = plain_label(
            self.tr(
                "Pick up to ten needs in order, each with an owner. Agreeing turns every row "
                "into a joint action of this meeting."
            )
        )
        hint.setWordWrap(True)
        right_layout.addWidget(hint)
        right_layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.suggest_button)
        buttons.addStretch(1)
        buttons.addWidget(self.agree_button)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.error)
        right_layout.addWidget(self.note)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 480])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.participants_changed.connect(self._on_controller_participants_changed)
        self.refresh(load_rows=True)

    # ---- reading --------------------------------------------------------------------
    def refresh(self, *, load_rows: bool = False) -> None:
        """Reload the comparison and the pick lists; rows keep what the meeting picked
        unless `load_rows` (first show, or after agreeing)."""
        service = self.controller.services.data_needs
        comparison = service.overlap()
        self.comparison_model.set_teams(comparison.teams)
        own_only = [n for _tid, own in comparison.only for n in own]
        ordered = [*comparison.shared, *sorted(own_only, key=lambda n: n.title.casefold())]
        self.comparison_model.set_rows(ordered)
        header = self.comparison_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The tint and the ★ already say "both": the panel keeps its width for the titles.
        self.comparison_table.setColumnHidden(self.comparison_model.columnCount() - 1, True)
        self.comparison_label.setText(describe(comparison))
        self._suggested = [n.id for n in comparison.suggested]

        keep = [(r.need_id(), r.owner_id(), r.due()) for r in self.rows]
        needs = service.list_needs()
        owners = self._owners()
        for row in self.rows:
            row.need_combo.blockSignals(True)
            row.need_combo.clear()
            row.need_combo.addItem("—", None)
            for need in needs:
                row.need_combo.addItem(need.title, need.id)
            row.need_combo.blockSignals(False)
            row.owner_combo.clear()
            row.owner_combo.addItem(self.tr("Owner…"), None)
            for member_id, name in owners:
                row.owner_combo.addItem(name, member_id)
        if load_rows:
            joint = service.joint_top10()
            if joint:
                keep = [(n.id, n.owner_id, n.due) for n in joint]
            else:
                keep = [(need_id, None, None) for need_id in self._suggested]
            keep += [(None, None, None)] * (MAX_RANKED - len(keep))
        for row, (need_id, owner_id, due) in zip(self.rows, keep, strict=True):
            row.set_values(need_id, owner_id, due)

    def _owners(self) -> list[tuple[int, str]]:
        """Members present in the meeting; everyone active if attendance is not taken yet."""
        participants = self.controller.services.meetings.participants(self.meeting_id)
        present = [p for p in participants if p.attendance == Attendance.PRESENT]
        if present:
            return [(p.member_id, p.name) for p in present]
        return [(m.id, m.name) for m in self.controller.services.people.list_members()]

    # ---- writing --------------------------------------------------------------------
    def entries(self) -> list[JointEntry]:
        """The filled rows in order (rank = order); a row without a need is skipped."""
        result = []
        for row in self.rows:
            need_id = row.need_id()
            if need_id is not None:
                result.append(JointEntry(need_id, row.owner_id() or 0, row.due()))
        return result

    def _on_suggest_button_clicked(self) -> None:
        owners = {r.need_id(): (r.owner_id(), r.due()) for r in self.rows if r.need_id()}
        ids = self._suggested + [None] * (MAX_RANKED - len(self._suggested))
        for row, need_id in zip(self.rows, ids, strict=True):
            owner, due = owners.get(need_id, (None, None))
            row.set_values(need_id, owner, due)
        self.note.setText(self.tr("Suggestion filled in: needs both teams want come first."))

    def _on_agree_button_clicked(self) -> None:
        self.error.clear_error()
        self.note.clear()
        try:
            meeting_id, entries = self.meeting_id, self.entries()
            agreed = self.controller.perform(
                step(Step.JOINT_TOP_10),
                lambda s: s.data_needs.agree_joint(meeting_id=meeting_id, entries=entries),
            )
        except ValidationError as exc:
            self.error.show_error(exc.message, self._field_for(exc))
            return
        self.refresh(load_rows=True)
        self.note.setText(
            self.tr(
                "Agreed: {count} data needs, each now a joint action of this meeting "
                "(see Action plans and Follow-ups)."
            ).format(count=len(agreed))
        )

    def _field_for(self, exc: ValidationError) -> QWidget | None:
        """The row's widget the message is about ("Row 3 (…)"), so focus lands there."""
        message = exc.message
        if message.startswith("Row "):
            number = message[4:].split(" ", 1)[0]
            if number.isdigit():
                filled = [r for r in self.rows if r.need_id() is not None]
                index = int(number) - 1
                if 0 <= index < len(filled):
                    row = filled[index]
                    return row.owner_combo if exc.field == "owner" else row.due_edit
        return None

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self.refresh()
