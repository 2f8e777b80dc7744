"""Wins and lessons: the board's columns and a meeting's own entries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from alignmeet.domain.board import BoardEntryRecord, BoardKind
from alignmeet.domain.rules import short_date
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip


def _tooltip(e: BoardEntryRecord) -> str | None:
    return plain_tooltip(e.title + (f"\n\n{e.details}" if e.details else ""))


def _where(e: BoardEntryRecord) -> str:
    return short_date(e.meeting_date) if e.meeting_id else "Between meetings"


COL_TITLE = 0


class BoardEntriesModel(RecordTableModel[BoardEntryRecord]):
    """One column of the board: title (details in the tooltip), who, when, status.

    A solved lesson is greyed so the open ones stand out.
    """

    COLUMNS = (
        Column("Title", lambda e: e.title, tooltip=_tooltip),
        Column("Raised by", lambda e: e.byline),
        Column("Meeting", _where, sort_key=lambda e: e.created_at),
        Column("Status", lambda e: e.status_label),
    )

    def extra_data(self, record: BoardEntryRecord, column: int, role: int) -> Any:
        solved = record.kind is BoardKind.LESSON and record.resolved
        if solved and role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.FontRole and column == COL_TITLE:
            font = QFont()
            font.setBold(record.kind is BoardKind.LESSON and not record.resolved)
            return font
        return None


class MeetingBoardModel(RecordTableModel[BoardEntryRecord]):
    """This meeting's entries in the running meeting: kind first."""

    COLUMNS = (
        Column("Kind", lambda e: e.kind.label),
        Column("Title", lambda e: e.title, tooltip=_tooltip),
        Column("Raised by", lambda e: e.byline),
        Column("Status", lambda e: e.status_label),
    )
