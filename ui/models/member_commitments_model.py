"""One member's commitments ("I commit"), newest meeting first."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from alignmeet.domain.records import CommitmentRow
from alignmeet.domain.rules import short_date
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_DATE, COL_MEETING, COL_CONFIDENCE, COL_OPEN, COL_NOTE = range(5)


def confidence_text(c: CommitmentRow) -> str:
    return f"{c.confidence} / 5" if c.confidence else "—"


class MemberCommitmentsModel(RecordTableModel[CommitmentRow]):
    """Date, Meeting, Confidence, Still open (of the actions agreed there), Note."""

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Date"),
            lambda c: short_date(c.meeting_date),
            sort_key=lambda c: f"{c.meeting_date.isoformat()}#{c.meeting_id:010d}",
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Meeting"),
            lambda c: c.meeting_title,
            tooltip=lambda c: plain_tooltip(f"{c.meeting_title}\n{c.series_name}"),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Confidence"),
            confidence_text,
            sort_key=lambda c: c.confidence or 0,
            align=Qt.AlignmentFlag.AlignCenter,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Still open"),
            lambda c: str(c.open_actions),
            sort_key=lambda c: c.open_actions,
            align=Qt.AlignmentFlag.AlignCenter,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Note"),
            lambda c: " ".join(c.note.split()),
            tooltip=lambda c: plain_tooltip(c.note),
        ),
    )
