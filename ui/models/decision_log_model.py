"""The decisions log: every decision of every meeting, newest meeting first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from alignmeet.domain.records import DecisionLogRow
from ui.models.columns import meeting_columns, text_column
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_DATE, COL_MEETING, COL_ITEM, COL_DECISION = range(4)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class DecisionLogModel(RecordTableModel[DecisionLogRow]):
    """Date, Meeting, Agenda item, Decision."""

    COLUMNS = (
        *meeting_columns(),
        text_column(QT_TRANSLATE_NOOP("Columns", "Agenda item"), lambda d: d.item_title),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Decision"),
            lambda d: _one_line(d.text),
            tooltip=lambda d: plain_tooltip(d.text),
        ),
    )
