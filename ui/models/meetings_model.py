"""The meetings list on the home page: one row per meeting, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from alignmeet import i18n as core_i18n
from alignmeet.domain.accountability import RATING_TARGET
from alignmeet.domain.enums import MeetingStatus
from alignmeet.domain.records import MeetingSummary
from ui.colors import color
from ui.core_labels import label
from ui.models.columns import text_column
from ui.models.record_table_model import SORT_ROLE, Column, RecordTableModel

COL_DATE, COL_TIME, COL_TITLE, COL_SERIES, COL_STATUS, COL_PHASE, COL_RATING = range(7)

_STATUS_LABELS = {
    MeetingStatus.PLANNED: QT_TRANSLATE_NOOP("MeetingsModel", "Planned"),
    MeetingStatus.RUNNING: QT_TRANSLATE_NOOP("MeetingsModel", "In progress"),
    MeetingStatus.CLOSED: QT_TRANSLATE_NOOP("MeetingsModel", "Closed"),
}


def status_text(meeting: MeetingSummary) -> str:
    return QCoreApplication.translate("MeetingsModel", _STATUS_LABELS[meeting.status])


def phase_text(meeting: MeetingSummary) -> str:
    """Where a meeting stands: not started, phase n of 6, or finished."""
    if meeting.status is MeetingStatus.PLANNED:
        return QCoreApplication.translate("MeetingsModel", "Not started")
    if meeting.status is MeetingStatus.CLOSED:
        return QCoreApplication.translate("MeetingsModel", "Finished")
    return QCoreApplication.translate("MeetingsModel", "{number} of 6 · {phase}").format(
        number=meeting.phase.number, phase=label(meeting.phase.label)
    )


def _when_key(meeting: MeetingSummary) -> str:
    # Sort keys are plain str/int (QSortFilterProxyModel cannot compare Python tuples).
    # ISO text sorts like the date; the id breaks ties between meetings at the same time.
    return f"{meeting.starts_at.isoformat()}#{meeting.id:010d}"


class MeetingsModel(RecordTableModel[MeetingSummary]):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Date"),
            lambda m: core_i18n.day_date(m.starts_at),
            _when_key,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Time"),
            lambda m: m.starts_at.strftime("%H:%M"),
            lambda m: m.starts_at.strftime("%H:%M"),
        ),
        text_column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda m: m.title),
        Column(QT_TRANSLATE_NOOP("Columns", "Series"), lambda m: m.series_name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Status"),
            status_text,
            lambda m: list(MeetingStatus).index(m.status),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Phase"),
            phase_text,
            lambda m: list(MeetingStatus).index(m.status) * 10 + m.phase.number,
        ),
        # The meeting's average rating 1–10 (issue 15), filled by set_ratings.
        Column(
            QT_TRANSLATE_NOOP("Columns", "Rating"), lambda m: "", align=Qt.AlignmentFlag.AlignRight
        ),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ratings: dict[int, float] = {}

    def set_ratings(self, ratings: dict[int, float]) -> None:
        """Meeting id → average rating; the Rating column shows them."""
        self._ratings = dict(ratings)
        if self.rowCount():
            self.dataChanged.emit(
                self.index(0, COL_RATING), self.index(self.rowCount() - 1, COL_RATING)
            )

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == COL_RATING and 0 <= index.row() < len(self._rows):
            value = self._ratings.get(self._rows[index.row()].id)
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                if value is None:
                    return ""
                from ui.views.phases import ui_locale

                return ui_locale().toString(value, "f", 1)
            if role == SORT_ROLE:
                return -1.0 if value is None else value
            if role == Qt.ItemDataRole.ForegroundRole and value is not None:
                return color("good" if value >= RATING_TARGET else "warn")
        return super().data(index, role)

    def extra_data(self, record: MeetingSummary, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and record.status is MeetingStatus.RUNNING:
            font = QFont()
            font.setBold(True)
            return font
        return None
