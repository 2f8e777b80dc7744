"""Attendance of one meeting: who is present, who sent apologies, who attends for the other team."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from alignmeet.domain.enums import Attendance
from alignmeet.domain.records import ParticipantRecord
from ui.models.record_table_model import Column, Index, RecordTableModel

COL_NAME, COL_TEAM, COL_ROLE, COL_PRESENT, COL_APOLOGIES, COL_REPRESENTATIVE = range(6)
CHECK_COLUMNS = (COL_PRESENT, COL_APOLOGIES, COL_REPRESENTATIVE)

# (meeting_id, member_id, attendance, representative) -> writes through the controller
AttendanceWriter = Callable[[ParticipantRecord, Attendance | None, bool | None], None]


def _checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


class AttendanceModel(RecordTableModel[ParticipantRecord]):
    """Name, Team, Role, and three check boxes that write attendance straight away."""

    ID_FIELD = "member_id"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda p: p.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Team"), lambda p: p.team_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda p: p.role),
        Column(QT_TRANSLATE_NOOP("Columns", "Present"), lambda p: ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Apologies"), lambda p: ""),
        Column(QT_TRANSLATE_NOOP("Columns", "Attends for the other team"), lambda p: ""),
    )

    def __init__(self, writer: AttendanceWriter | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._writer = writer

    def update_rows(self, rows: Sequence[ParticipantRecord]) -> None:
        """Refresh in place when the same people are listed (keeps selection and scroll)."""
        old = [p.member_id for p in self._rows]
        if old != [p.member_id for p in rows]:
            self.set_rows(rows)
            return
        for i, rec in enumerate(rows):
            if rec != self._rows[i]:
                self.replace_row(i, rec)

    def counts(self) -> dict[Attendance, int]:
        result = dict.fromkeys(Attendance, 0)
        for p in self._rows:
            result[p.attendance] += 1
        return result

    # -- Qt -------------------------------------------------------------------
    def extra_data(self, record: ParticipantRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column in CHECK_COLUMNS:
            on = {
                COL_PRESENT: record.attendance is Attendance.PRESENT,
                COL_APOLOGIES: record.attendance is Attendance.APOLOGIES,
                COL_REPRESENTATIVE: record.representative,
            }[column]
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() in CHECK_COLUMNS:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            role != Qt.ItemDataRole.CheckStateRole
            or not index.isValid()
            or index.column() not in CHECK_COLUMNS
            or self._writer is None
        ):
            return False
        record = self._rows[index.row()]
        on = _checked(value)
        if index.column() == COL_PRESENT:
            self._writer(record, Attendance.PRESENT if on else Attendance.INVITED, None)
        elif index.column() == COL_APOLOGIES:
            self._writer(record, Attendance.APOLOGIES if on else Attendance.INVITED, None)
        else:
            self._writer(record, None, on)
        return True
