"""Data needs: a team's ranked list, the teams side by side, and the joint Top 10."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from alignmeet.domain.data_needs import DataNeedRecord
from alignmeet.domain.rules import short_date
from ui.core_labels import label
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

BOTH_MARK = "★ "  # shown before a need more than one team wants: not colour alone


def overlap_brush() -> QColor:
    """A soft tint of the palette's highlight: readable text on it in light and dark."""
    colour = QColor(QApplication.palette().color(QPalette.ColorRole.Highlight))
    colour.setAlpha(60)
    return colour


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _title(n: DataNeedRecord) -> str:
    return (BOTH_MARK if n.shared else "") + n.title


def _tooltip(n: DataNeedRecord) -> str | None:
    text = n.title + (f"\n\n{n.description}" if n.description else "")
    wanted = QCoreApplication.translate("ComparisonModel", "Wanted by: {teams}")
    text += "\n\n" + wanted.format(teams=n.wanted_by)
    return plain_tooltip(text)


class _OverlapTint:
    def extra_data(self, record: DataNeedRecord, column: int, role: int) -> Any:
        if not record.shared:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return overlap_brush()
        if role == Qt.ItemDataRole.FontRole and column == self.TITLE_COLUMN:  # type: ignore[attr-defined]
            return _bold()
        return None


class TeamRankingModel(_OverlapTint, RecordTableModel[DataNeedRecord]):
    """One team's list: rank, need (★ and tinted when the other team wants it too)."""

    TITLE_COLUMN = 1

    def __init__(self, team_id: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.team_id = team_id
        self.COLUMNS = (
            Column(
                QT_TRANSLATE_NOOP("Columns", "#"),
                lambda n: str(n.rank_for(self.team_id) or ""),
                sort_key=lambda n: n.rank_for(self.team_id) or 0,
                align=Qt.AlignmentFlag.AlignRight,
            ),
            Column(QT_TRANSLATE_NOOP("Columns", "Data need"), _title, tooltip=_tooltip),
        )


class ComparisonModel(_OverlapTint, RecordTableModel[DataNeedRecord]):
    """Every ranked need once: its rank in each team's list, shared ones tinted."""

    TITLE_COLUMN = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._teams: tuple[tuple[int, str], ...] = ()
        self.COLUMNS = self._columns()

    def set_teams(self, teams: Sequence[tuple[int, str]]) -> None:
        self.beginResetModel()
        self._teams = tuple(teams)
        self.COLUMNS = self._columns()
        self._rows = []
        self.endResetModel()

    def _columns(self) -> tuple[Column[DataNeedRecord], ...]:
        columns: list[Column[DataNeedRecord]] = [
            Column(QT_TRANSLATE_NOOP("Columns", "Data need"), _title, tooltip=_tooltip)
        ]
        for team_id, name in self._teams:
            columns.append(
                Column(
                    name,
                    lambda n, t=team_id: str(n.rank_for(t) or "—"),
                    sort_key=lambda n, t=team_id: n.rank_for(t) or 99,
                    align=Qt.AlignmentFlag.AlignCenter,
                )
            )
        columns.append(Column(QT_TRANSLATE_NOOP("Columns", "Wanted by"), _wanted_by))
        return tuple(columns)


def _wanted_by(n: DataNeedRecord) -> str:
    if n.shared:
        return QCoreApplication.translate("ComparisonModel", "Both teams")
    if n.team_ranks:
        return QCoreApplication.translate("ComparisonModel", "Only {team}").format(
            team=n.team_ranks[0].team_name
        )
    return QCoreApplication.translate("ComparisonModel", "Not ranked")


class JointTopModel(RecordTableModel[DataNeedRecord]):
    """The agreed joint Top 10: rank, need, owner, due, status (its action's), wanted by."""

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "#"),
            lambda n: str(n.joint_rank or ""),
            sort_key=lambda n: n.joint_rank or 0,
            align=Qt.AlignmentFlag.AlignRight,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Data need"), lambda n: n.title, tooltip=_tooltip),
        Column(QT_TRANSLATE_NOOP("Columns", "Owner"), lambda n: n.owner_name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Due"),
            lambda n: short_date(n.due),
            sort_key=lambda n: n.due or date.max,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Status"),
            lambda n: label(n.status.label) if n.status else "—",
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Wanted by"), lambda n: n.wanted_by),
    )
