"""Commitments: each present member, their number of actions and whether they committed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from alignmeet.domain.records import ParticipantRecord
from ui.colors import color
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_NAME, COL_TEAM, COL_ACTIONS, COL_COMMITTED, COL_CONFIDENCE = range(5)


def committed_text(p: ParticipantRecord) -> str:
    return f"✔ {p.committed_at:%H:%M}" if p.committed_at else "—"


def confidence_text(p: ParticipantRecord) -> str:
    return f"{p.confidence} / 5" if p.confidence else "—"


class CommitmentsModel(RecordTableModel[ParticipantRecord]):
    """Name, Team, Actions, Committed (✔ with time / —), Confidence."""

    ID_FIELD = "member_id"
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda p: p.name),
        Column(QT_TRANSLATE_NOOP("Columns", "Team"), lambda p: p.team_name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Actions"),
            lambda p: "",
            align=Qt.AlignmentFlag.AlignCenter,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Committed"),
            committed_text,
            sort_key=lambda p: p.committed_at is not None,
            align=Qt.AlignmentFlag.AlignCenter,
            tooltip=lambda p: plain_tooltip(p.commitment_note),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Confidence"),
            confidence_text,
            align=Qt.AlignmentFlag.AlignCenter,
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._counts: dict[int, int] = {}

    def set_rows_and_counts(
        self, rows: Iterable[ParticipantRecord], action_counts: Mapping[int, int]
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._counts = dict(action_counts)
        self.endResetModel()

    def action_count(self, member_id: int) -> int:
        return self._counts.get(member_id, 0)

    def not_committed(self) -> list[ParticipantRecord]:
        return [p for p in self._rows if not p.committed]

    def shown_text(self, record: ParticipantRecord, column: int) -> str:
        if column == COL_ACTIONS:
            return str(self.action_count(record.member_id))
        return super().shown_text(record, column)

    def extra_data(self, record: ParticipantRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_COMMITTED and record.committed:
            return color("good")
        return None
