"""One member's commitments ("I commit"), newest meeting first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from alignmeet.domain.records import CommitmentRow
from ui.models.columns import count_column, meeting_columns, text_column
from ui.models.record_table_model import Column, RecordTableModel

COL_DATE, COL_MEETING, COL_CONFIDENCE, COL_OPEN, COL_NOTE = range(5)


def confidence_text(c: CommitmentRow) -> str:
    return f"{c.confidence} / 5" if c.confidence else "—"


class MemberCommitmentsModel(RecordTableModel[CommitmentRow]):
    """Date, Meeting, Confidence, Still open (of the actions agreed there), Note."""

    COLUMNS = (
        *meeting_columns(),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Confidence"),
            confidence_text,
            sort_key=lambda c: c.confidence or 0,
            align=Qt.AlignmentFlag.AlignCenter,
        ),
        count_column(
            QT_TRANSLATE_NOOP("Columns", "Still open"),
            lambda c: c.open_actions,
            Qt.AlignmentFlag.AlignCenter,
        ),
        text_column(
            QT_TRANSLATE_NOOP("Columns", "Note"),
            lambda c: " ".join(c.note.split()),
            lambda c: c.note,
        ),
    )
