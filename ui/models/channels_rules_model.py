"""The agreed channel per urgency (Channels tab)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont

from alignmeet.domain.channels import ChannelRuleRecord
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_URGENCY, COL_CHANNEL, COL_RESPONSE, COL_NOTES = range(4)


class ChannelRulesModel(RecordTableModel[ChannelRuleRecord]):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Urgency"),
            lambda r: r.urgency,
            sort_key=lambda r: r.position,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Channel"), lambda r: r.channel),
        Column(QT_TRANSLATE_NOOP("Columns", "Response time"), lambda r: r.response_time or "—"),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Notes"),
            lambda r: " ".join(r.notes.split()),
            tooltip=lambda r: plain_tooltip(r.notes),
        ),
    )

    def extra_data(self, record: ChannelRuleRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and column == COL_URGENCY:
            font = QFont()
            font.setBold(True)
            return font
        return None
