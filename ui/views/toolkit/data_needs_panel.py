"""The panel beside a running meeting's "Data-needs ranking" item: both teams' lists
compared, and the joint Top 10 with an owner per row, agreed with one button."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QWidget,
)

from alignmeet.domain.data_needs import MAX_RANKED, JointEntry
from alignmeet.domain.enums import Attendance
from alignmeet.domain.rules import ValidationError
from ui.models.data_needs_model import ComparisonModel
from ui.models.record_table_model import plain_tooltip
from ui.undo import Step, step
from ui.views.toolkit.common import MeetingItemPanel, button_row
from ui.views.toolkit.common import card as _card
from ui.views.toolkit.data_needs_common import AREA, data_needs_table, describe, legend
from ui.widgets import DateField, FieldError, fill, plain_label, section_heading

__all__ = ["DataNeedsPanel", "JointRow"]

_NO_DATE = QDate(2000, 1, 1)  # the due-date field's "no date" value


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


class DataNeedsPanel(MeetingItemPanel):
    """Beside a "Data-needs ranking" agenda item: the two lists compared (overlap and
    differences), and the joint Top 10 with an owner per row, agreed with one button."""

    AREA = AREA

    def _build(self) -> None:

        left = self._build_comparison()
        right = self._build_joint()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("DataNeedsSplitter")  # its place is remembered by this name
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 480])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _follow(self) -> None:
        controller = self.controller
        controller.participants_changed.connect(self._on_controller_participants_changed)

    def _start(self) -> None:
        self.refresh(load_rows=True)

    def _build_comparison(self) -> QFrame:
        """What each team wants: both lists compared (left)."""
        self.comparison_model = ComparisonModel(self)
        self.comparison_table = data_needs_table(
            self.comparison_model, self.tr("Both teams' lists compared")
        )
        self.comparison_label = plain_label(wrap=True)
        left, left_layout = _card()
        left_layout.addWidget(section_heading(self.tr("What each team wants")))
        left_layout.addWidget(self.comparison_label)
        left_layout.addWidget(legend())
        left_layout.addWidget(self.comparison_table, 1)
        return left

    def _build_rows(self) -> QScrollArea:
        """The ten rows of the joint Top 10: need, owner, due."""
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
        return scroll

    def _build_joint(self) -> QFrame:
        """The joint Top 10 being agreed (right)."""
        scroll = self._build_rows()
        self.suggest_button = QPushButton(self.tr("Fill in the suggestion"))
        self.suggest_button.setToolTip(
            self.tr("Needs both teams want first, then by combined rank; owners stay as chosen")
        )
        self.suggest_button.clicked.connect(self._on_suggest_button_clicked)
        self.agree_button = QPushButton(self.tr("Agree joint Top 10"))
        self.agree_button.setDefault(True)
        self.agree_button.clicked.connect(self._on_agree_button_clicked)
        self.error = FieldError()
        self.note = plain_label(wrap=True)
        right, right_layout = _card()
        hint = plain_label(
            self.tr(
                "Pick up to ten needs in order, each with an owner. Agreeing turns every row "
                "into a joint action of this meeting."
            ),
            wrap=True,
        )
        fill(
            right_layout,
            section_heading(self.tr("Joint Top 10")),
            hint,
            (scroll, 1),
            button_row((self.suggest_button,), (self.agree_button,)),
            self.error,
            self.note,
            margins=None,
        )

        return right

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

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self.refresh()
