"""Wins and lessons: the board's columns and a meeting's own entries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from alignmeet.domain.board import BoardEntryRecord, BoardKind
from alignmeet.domain.rules import short_date
from ui.core_labels import label
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip


def _tooltip(e: BoardEntryRecord) -> str | None:
    return plain_tooltip(e.title + (f"\n\n{e.details}" if e.details else ""))


def _where(e: BoardEntryRecord) -> str:
    if e.meeting_id:
        return short_date(e.meeting_date)
    return QCoreApplication.translate("BoardEntriesModel", "Between meetings")


def byline(e: BoardEntryRecord) -> str:
    """ "Sofía Delgado · Sales" or just the team when nobody is named."""
    team = label(e.team_tag.label)
    return f"{e.author_name} · {team}" if e.author_name else team


def status_text(e: BoardEntryRecord) -> str:
    """ "Solved" / "Open" for lessons, "" for wins."""
    if e.kind is BoardKind.WIN:
        return ""
    if e.resolved:
        return QCoreApplication.translate("BoardEntriesModel", "Solved")
    return QCoreApplication.translate("BoardEntriesModel", "Open")


COL_TITLE = 0


class BoardEntriesModel(RecordTableModel[BoardEntryRecord]):
    """One column of the board: title (details in the tooltip), who, when, status.

    A solved lesson is greyed so the open ones stand out.
    """

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda e: e.title, tooltip=_tooltip),
        Column(QT_TRANSLATE_NOOP("Columns", "Raised by"), byline),
        Column(QT_TRANSLATE_NOOP("Columns", "Meeting"), _where, sort_key=lambda e: e.created_at),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), status_text),
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
        Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda e: label(e.kind.label)),
        Column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda e: e.title, tooltip=_tooltip),
        Column(QT_TRANSLATE_NOOP("Columns", "Raised by"), byline),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), status_text),
    )
