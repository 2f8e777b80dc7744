"""The Close phase's ratings: one row per member present (with their rating, if given), then
the anonymous ratings. Rating 1–10; below 8 the answer to "what would make it a 10?"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from alignmeet.domain.accountability import RATING_TARGET, RatingRecord
from ui.colors import color
from ui.models.columns import text_column
from ui.models.record_table_model import Column, RecordTableModel

COL_MEMBER, COL_SCORE, COL_ANSWER = range(3)


@dataclass(frozen=True)
class RatingRow:
    """A present member (member_id) or an anonymous rating (member_id None)."""

    member_id: int | None
    name: str
    rating: RatingRecord | None

    @property
    def id(self) -> int | None:
        return self.member_id

    @property
    def score(self) -> int | None:
        return self.rating.score if self.rating is not None else None

    @property
    def answer(self) -> str:
        return self.rating.answer if self.rating is not None else ""


def _name(row: RatingRow) -> str:
    if row.member_id is None and row.rating is None:
        return QCoreApplication.translate("RatingsModel", "Next anonymous rating…")
    if row.member_id is None:
        return QCoreApplication.translate("RatingsModel", "Anonymous")
    return row.name


def _score(row: RatingRow) -> str:
    return "—" if row.score is None else str(row.score)


class RatingsModel(RecordTableModel[RatingRow]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Member"), _name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Rating"),
            _score,
            sort_key=lambda r: r.score or 0,
            align=Qt.AlignmentFlag.AlignCenter,
        ),
        text_column(QT_TRANSLATE_NOOP("Columns", "What would make it a 10?"), lambda r: r.answer),
    )

    def extra_data(self, record: RatingRow, column: int, role: int) -> Any:
        if column == COL_SCORE and record.score is not None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return color("good" if record.score >= RATING_TARGET else "warn")
            if role == Qt.ItemDataRole.FontRole:
                from PySide6.QtGui import QFont

                font = QFont()
                font.setBold(True)
                return font
        if column == COL_MEMBER and record.member_id is None and role == Qt.ItemDataRole.FontRole:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None
