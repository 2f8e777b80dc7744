"""The follow-up list: every action across meetings, over an in-memory `FollowUpIndex`.

The model holds positions into the index (not copies of the rows) and asks the
index for every sort, so at 100,000 actions a filter or a sort is a few passes
over integer lists and one model reset; `data()` only ever formats the rows on
screen. Overdue rows are red with an "overdue" mark; due-soon dates amber and bold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.records import ActionLine
from alignmeet.domain.rules import action_number, due_state, short_date
from alignmeet.services.followups import FollowUpIndex
from ui.colors import color
from ui.core_labels import label
from ui.models.record_table_model import ID_ROLE, RECORD_ROLE, plain_tooltip

_NULL_INDEX = QModelIndex()
Index = QModelIndex | QPersistentModelIndex

(
    COL_DUE,
    COL_ACTION,
    COL_OWNER,
    COL_TEAM,
    COL_STATUS,
    COL_FROM,
    COL_SLIPPED,
    COL_NOTE,
) = range(8)
HEADERS = (
    QT_TRANSLATE_NOOP("Columns", "Due"),
    QT_TRANSLATE_NOOP("Columns", "Action"),
    QT_TRANSLATE_NOOP("Columns", "Owner"),
    QT_TRANSLATE_NOOP("Columns", "Team"),
    QT_TRANSLATE_NOOP("Columns", "Status"),
    QT_TRANSLATE_NOOP("Columns", "From"),
    QT_TRANSLATE_NOOP("Columns", "Slipped"),
    QT_TRANSLATE_NOOP("Columns", "Last note"),
)
# Before the due date: ⚠ overdue (red), ◷ due within a week (amber); said in words in the
# tooltip and to screen readers.
DUE_MARKS = {"overdue": "⚠", "soon": "◷"}
HEADER_TIPS = (
    QT_TRANSLATE_NOOP(
        "FollowUpRowsModel", "Due date: ⚠ overdue (red), ◷ due within a week (amber)"
    ),
    QT_TRANSLATE_NOOP("FollowUpRowsModel", "What was promised"),
    QT_TRANSLATE_NOOP("FollowUpRowsModel", "Who promised it"),
    QT_TRANSLATE_NOOP("FollowUpRowsModel", "Which side it serves: Sales, Marketing or Joint"),
    QT_TRANSLATE_NOOP("FollowUpRowsModel", "Open, in progress, blocked, done or dropped"),
    QT_TRANSLATE_NOOP(
        "FollowUpRowsModel", "Date of the meeting where it was agreed (its title in the tooltip)"
    ),
    QT_TRANSLATE_NOOP("FollowUpRowsModel", "How often the due date moved later"),
    QT_TRANSLATE_NOOP("FollowUpRowsModel", "The latest note in its history"),
)
SORT_FIELDS = ("due", "title", "owner", "team", "status", "meeting", "slipped", "note")
_STATUS = {s.value: s for s in ActionStatus}
_TAG = {t.value: t for t in TeamTag}


def _font(*, bold: bool = False) -> QFont:
    font = QFont()
    font.setBold(bold)
    return font


def slipped_text(times: int) -> str:
    if not times:
        return ""
    if times == 1:
        return QCoreApplication.translate("FollowUpRowsModel", "once")
    return f"{times}×"


class FollowUpRowsModel(QAbstractTableModel):
    """Due, Action, Owner, Team, Status, From, Slipped, Last note — sortable by each."""

    def __init__(self, parent: Any = None, today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self._today = today
        self._index = FollowUpIndex()
        self._base: list[int] = []  # in due order, as selected
        self._positions: list[int] = []  # as shown (sorted)
        self._sort_column = COL_DUE
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._bold = _font(bold=True)

    # ---- contents -------------------------------------------------------------------
    def set_selection(self, index: FollowUpIndex, positions: Sequence[int]) -> None:
        """Show these positions of `index` (in due order), sorted as the user chose."""
        self.beginResetModel()
        self._index = index
        self._base = list(positions)
        self._positions = self._sorted()
        self.endResetModel()

    def set_lines(self, lines: Sequence[ActionLine], index: FollowUpIndex | None = None) -> None:
        """Convenience for small lists: show exactly these lines."""
        index = index or FollowUpIndex(lines)
        self.set_selection(index, index.due_ordered())

    @property
    def index_(self) -> FollowUpIndex:
        return self._index

    def line(self, row: int) -> ActionLine:
        return self._index.line(self._positions[row])

    def lines(self) -> list[ActionLine]:
        return self._index.rows(self._positions)

    def row_of_id(self, action_id: int) -> int:
        ids = self._index.lines
        for row, position in enumerate(self._positions):
            if ids[position].id == action_id:
                return row
        return -1

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    # ---- sorting --------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column` (stable: ties stay in due order); the selection follows."""
        if not 0 <= column < len(HEADERS):
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return  # QTableView.sortByColumn asks twice
        self.layoutAboutToBeChanged.emit()
        old_positions = self._positions
        self._sort_column, self._sort_order = column, order
        self._positions = self._sorted()
        persistent = self.persistentIndexList()
        if persistent:
            moved = []
            for p in persistent:
                row = p.row()
                if 0 <= row < len(old_positions):
                    new_row = self._positions.index(old_positions[row])  # C speed
                    moved.append(self.index(new_row, p.column()))
                else:
                    moved.append(QModelIndex())
            self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sorted(self) -> list[int]:
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return self._index.order(
            self._base, SORT_FIELDS[self._sort_column], descending=descending, in_due_order=True
        )

    # ---- Qt -------------------------------------------------------------------------
    def rowCount(self, parent: Index = _NULL_INDEX) -> int:
        return 0 if parent.isValid() else len(self._positions)

    def columnCount(self, parent: Index = _NULL_INDEX) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("Columns", HEADERS[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate("FollowUpRowsModel", HEADER_TIPS[section])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self._positions):  # "A-123", as in every document
                return action_number(self._index.line(self._positions[section]).id)
            return None
        return None

    def state(self, line: ActionLine) -> str:
        """'overdue', 'soon' (due within a week), or '' — only open actions are late."""
        if line.due is None or not _STATUS[line.status].is_open:
            return ""
        state = due_state(line.due, self._today())
        return state if state in ("overdue", "soon") else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._positions):
            return None
        line = self._index.line(self._positions[index.row()])
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._spoken(line) if column == COL_DUE else self._text(line, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            # Only the due date says it is late (colour and mark): a whole red row for
            # every overdue action made everything shout.
            if column != COL_DUE:
                return None
            state = self.state(line)
            if state == "overdue":
                return color("bad")
            if state == "soon":
                return color("warn")
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == COL_DUE and self.state(line):
                return self._bold
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SLIPPED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == RECORD_ROLE:
            return line
        if role == ID_ROLE:
            return line.id
        return None

    def _text(self, line: ActionLine, column: int) -> str:
        directory = self._index.directory
        if column == COL_DUE:
            text = short_date(line.due)
            mark = DUE_MARKS.get(self.state(line))
            return f"{mark} {text}" if mark else text
        if column == COL_ACTION:
            return line.title
        if column == COL_OWNER:
            return directory.owner_name(line)
        if column == COL_TEAM:
            return label(_TAG[line.team_tag].label)
        if column == COL_STATUS:
            return label(_STATUS[line.status].label)
        if column == COL_FROM:
            meeting = directory.meetings.get(line.meeting_id)
            return short_date(meeting.date) if meeting else ""
        if column == COL_SLIPPED:
            return slipped_text(line.times_slipped)
        if column == COL_NOTE:
            return " ".join(line.last_note.split())
        return ""

    def _spoken(self, line: ActionLine) -> str:
        """The due date with its state in words ("12 Mar 2030, overdue")."""
        text = short_date(line.due)
        state = self.state(line)
        if state == "overdue":
            return self.tr("{date}, overdue").format(date=text)
        if state == "soon":
            return self.tr("{date}, due within a week").format(date=text)
        return text

    def _tooltip(self, line: ActionLine, column: int) -> str | None:
        directory = self._index.directory
        if column == COL_DUE and self.state(line):
            return plain_tooltip(self._spoken(line))
        if column == COL_ACTION:
            return plain_tooltip(line.title)
        if column == COL_FROM:
            meeting = directory.meetings.get(line.meeting_id)
            if meeting is None:
                return None
            return plain_tooltip(
                f"{meeting.title}\n{meeting.series_name} · {short_date(meeting.date)}"
            )
        if column == COL_NOTE:
            return plain_tooltip(line.last_note)
        if column == COL_SLIPPED and line.times_slipped:
            if line.times_slipped == 1:
                return plain_tooltip(self.tr("The due date moved later once."))
            return plain_tooltip(
                self.tr("The due date moved later {count} times.").format(count=line.times_slipped)
            )
        if column == COL_OWNER:
            member = directory.members.get(line.owner_id)
            return plain_tooltip(f"{member.name} · {member.team_name}") if member else None
        return None
