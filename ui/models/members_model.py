"""People & teams: the members table and the short list of teams."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from alignmeet.domain.records import MemberRecord, TeamRecord
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_NAME, COL_TEAM, COL_ROLE, COL_EMAIL, COL_ACTIVE = range(5)


def _muted_brush() -> Any:
    return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


def _active_text(member: MemberRecord) -> str:
    if member.active:
        return QCoreApplication.translate("MembersModel", "Active")
    return QCoreApplication.translate("MembersModel", "Inactive")


class MembersModel(RecordTableModel[MemberRecord]):
    """Every member, active or not; inactive ones are greyed and in italics."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Name"), lambda m: m.name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Team"),
            lambda m: m.team_name,
            lambda m: f"{m.team_name.casefold()}\x00{m.name.casefold()}",
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda m: m.role),
        Column(QT_TRANSLATE_NOOP("Columns", "E-mail"), lambda m: m.email),
        Column(QT_TRANSLATE_NOOP("Columns", "Active"), _active_text),
    )

    def extra_data(self, record: MemberRecord, column: int, role: int) -> Any:
        if record.active:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _muted_brush()
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None


@dataclass(frozen=True)
class TeamRow:
    """A team with how many active members it has, for the teams list."""

    id: int
    name: str
    members: int

    @classmethod
    def build(cls, teams: list[TeamRecord], members: list[MemberRecord]) -> list[TeamRow]:
        counts: dict[int, int] = {}
        for member in members:
            if member.active:
                counts[member.team_id] = counts.get(member.team_id, 0) + 1
        return [cls(id=t.id, name=t.name, members=counts.get(t.id, 0)) for t in teams]

    @property
    def label(self) -> str:
        if self.members == 1:
            count = QCoreApplication.translate("TeamsModel", "1 member")
        else:
            count = QCoreApplication.translate("TeamsModel", "{count} members").format(
                count=self.members
            )
        return f"{self.name} · {count}"


COL_TEAM_NAME = 0


class TeamsModel(RecordTableModel[TeamRow]):
    """One column: "Sales · 5 members". Shown in a QListView."""

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Team"),
            lambda t: t.label,
            lambda t: t.name.casefold(),
            tooltip=lambda t: plain_tooltip(t.name),
        ),
    )
