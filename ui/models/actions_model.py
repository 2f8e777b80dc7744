"""Action plans: one member's actions in this meeting, and the round-robin list of members."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from alignmeet.domain.records import ActionRecord, ParticipantRecord
from alignmeet.domain.rules import action_number, short_date
from ui.core_labels import label
from ui.models.columns import text_column
from ui.models.record_table_model import (
    SORT_ROLE,
    Column,
    Index,
    RecordTableModel,
)

COL_NUMBER, COL_ACTION, COL_DUE, COL_TEAM, COL_MILESTONE = range(5)


class ActionsModel(RecordTableModel[ActionRecord]):
    """#, Action, Due, Team, Milestone."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "#"), lambda a: ""),
        text_column(QT_TRANSLATE_NOOP("Columns", "Action"), lambda a: a.title),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Due"),
            lambda a: short_date(a.due),
            sort_key=lambda a: a.due or date.max,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Team"), lambda a: label(a.team_tag.label)),
        text_column(QT_TRANSLATE_NOOP("Columns", "Milestone"), lambda a: a.milestone),
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == COL_NUMBER and 0 <= index.row() < len(self._rows):
            action = self._rows[index.row()]
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return action_number(action.id)  # "A-123", as in every document
            if role == SORT_ROLE:
                return action.id
        return super().data(index, role)


NOT_PRESENT = QT_TRANSLATE_NOOP("RoundRobinModel", "(not present)")


def round_text(member: ParticipantRecord, has_plan: bool, present: bool = True) -> str:
    text = f"✔ {member.name}" if has_plan else f"    {member.name}"
    absent = QCoreApplication.translate("RoundRobinModel", NOT_PRESENT)
    return text if present else f"{text} {absent}"


class RoundRobinModel(RecordTableModel[ParticipantRecord]):
    """Present members in speaking order; ✔ once they have an action; the speaker in bold.

    Members who own actions of this meeting without being present (absent, or
    no longer invited) follow, marked "(not present)", so their actions stay in reach.
    """

    ID_FIELD = "member_id"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Member"), lambda p: p.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Team"), lambda p: p.team_name),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._with_plan: frozenset[int] = frozenset()
        self._not_present: frozenset[int] = frozenset()
        self._current: int | None = None

    def set_rows_and_plans(
        self,
        rows: Iterable[ParticipantRecord],
        with_plan: Iterable[int],
        not_present: Iterable[int] = (),
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._with_plan = frozenset(with_plan)
        self._not_present = frozenset(not_present)
        self.endResetModel()

    def has_plan(self, member_id: int) -> bool:
        return member_id in self._with_plan

    def is_present(self, member_id: int) -> bool:
        return member_id not in self._not_present

    def set_current(self, member_id: int | None) -> None:
        if member_id == self._current:
            return
        self._current = member_id
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    @property
    def current_id(self) -> int | None:
        return self._current

    def shown_text(self, record: ParticipantRecord, column: int) -> str:
        if column == 0:
            return round_text(
                record, self.has_plan(record.member_id), self.is_present(record.member_id)
            )
        return super().shown_text(record, column)

    def extra_data(self, record: ParticipantRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            current = record.member_id == self._current
            absent = not self.is_present(record.member_id)
            if current or absent:
                font = QFont()
                font.setBold(current)
                font.setItalic(absent)
                return font
        return None
