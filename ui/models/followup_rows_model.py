"""The follow-up list: what the filters select, read from the database a window at a time.

The model never holds the whole list. It knows how many actions the filter selects
(`FollowUpService.count`) and keeps the windows of rows it was asked to show
(`PAGE_ROWS` rows each, the `MAX_PAGES` used last), read in the chosen order by
`FollowUpService.window`: the database filters, sorts and searches. `data()` only ever
formats rows on screen. When reads could take longer than a frame (`background=True`,
a long history), every read runs off the GUI thread (`BackgroundReads`): the table
keeps the previous rows until the new count and first window arrive, and a row whose
window is still on its way shows "…". A row's record (RECORD_ROLE) is the
`ActionLine` as read, with its version, so a change made from it carries what the
user saw. Overdue rows are red with an "overdue" mark; due-soon dates amber and bold.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from alignmeet.domain.enums import ActionStatus, TeamTag
from alignmeet.domain.records import ActionLine, FollowUpDirectory
from alignmeet.domain.rules import action_number, due_state, short_date
from alignmeet.services.followups import ActionFilter
from ui.background_reads import BackgroundReads
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
PAGE_ROWS = 100  # rows read at a time
MAX_PAGES = 40  # windows kept (the ones used last)
PLACEHOLDER = "…"  # a row whose window is still being read
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


class ListReader(Protocol):
    """What the model reads with (`FollowUpService`)."""

    def count(self, flt: ActionFilter | None = None, *, today: date | None = None) -> int: ...

    def window(
        self,
        flt: ActionFilter | None = None,
        *,
        today: date | None = None,
        sort: str = "due",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
        total: int | None = None,
    ) -> list[ActionLine]: ...

    def first_window(
        self,
        flt: ActionFilter | None = None,
        *,
        today: date | None = None,
        sort: str = "due",
        descending: bool = False,
        limit: int = 100,
    ) -> tuple[int, list[ActionLine]]: ...

    def position(
        self,
        action_id: int,
        flt: ActionFilter | None = None,
        *,
        today: date | None = None,
        sort: str = "due",
        descending: bool = False,
    ) -> int | None: ...

    def history_size(self) -> int: ...


class FollowUpRowsModel(QAbstractTableModel):
    """Due, Action, Owner, Team, Status, From, Slipped, Last note — sortable by each."""

    settled = Signal()  # the current filter's count and first rows are in
    page_read = Signal()  # a window read in the background arrived

    def __init__(
        self,
        parent: Any = None,
        today: Callable[[], date] = date.today,
        *,
        page_rows: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._page_rows = max(1, page_rows or PAGE_ROWS)
        self._reader: ListReader | None = None
        self._directory = FollowUpDirectory({}, {}, {})
        self._reads: BackgroundReads | None = None
        self._filter = ActionFilter()
        self._asked = 0  # the newest query asked for
        self._shown = 0  # the query whose rows are shown
        self._shown_query: tuple[ActionFilter, dict[str, Any]] = (ActionFilter(), {})
        self._count = 0
        self._largest_id = 0  # the highest action number there is: the row header's width
        self._pages: OrderedDict[int, list[ActionLine]] = OrderedDict()
        self._wanted: deque[int] = deque(maxlen=8)  # windows asked for last
        self._sort_column = COL_DUE
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._bold = _font(bold=True)

    # ---- where the rows come from ---------------------------------------------------
    def set_reader(
        self,
        reader: ListReader | None,
        directory: FollowUpDirectory | None = None,
        *,
        background: bool = False,
    ) -> None:
        """Read with `reader` (None: nothing to show); `background`: off the GUI thread.
        Call `set_filter` (or `refresh`) to read."""
        if self._reads is not None:
            self._reads.shutdown()
        self._reader = reader
        self._reads = BackgroundReads(self) if background and reader is not None else None
        if directory is not None:
            self._directory = directory

    @property
    def background(self) -> bool:
        return self._reads is not None

    @property
    def directory(self) -> FollowUpDirectory:
        return self._directory

    def set_directory(self, directory: FollowUpDirectory) -> None:
        """New names for members and meetings (the rows themselves are read again by
        `refresh`)."""
        self._directory = directory
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, len(HEADERS) - 1))

    # ---- contents -------------------------------------------------------------------
    @property
    def filter(self) -> ActionFilter:
        return self._filter

    def set_filter(self, flt: ActionFilter) -> None:
        """Show what `flt` selects, in the order chosen."""
        self._filter = flt
        self._query()

    def refresh(self) -> None:
        """Read the count and rows again (something changed)."""
        self._query()

    @property
    def count(self) -> int:
        """How many actions the filter selects (as shown)."""
        return self._count

    @property
    def is_settled(self) -> bool:
        """Whether what is shown is what was asked for last (no read on its way)."""
        return self._asked == self._shown

    @property
    def is_busy(self) -> bool:
        """Some read is still on its way (a window, the count)."""
        return not self.is_settled or (self._reads is not None and self._reads.busy)

    def line(self, row: int) -> ActionLine | None:
        """The action on `row`; None when its window has not been read yet."""
        if not 0 <= row < self._count:
            return None
        return self._line(row)

    def lines(self) -> list[ActionLine]:
        """Every listed action as shown (windows not read yet are read now, here: for
        small lists and tests)."""
        if self._reader is None or not self._count:
            return []
        flt, args = self._shown_query
        rows, total = self._page_rows, self._count
        out: list[ActionLine] = []
        for page in range((total + rows - 1) // rows):
            lines = self._pages.get(page)
            if lines is None:
                lines = self._reader.window(
                    flt, offset=page * rows, limit=rows, total=total, **args
                )
            out.extend(lines)
        return out

    def row_of_id(self, action_id: int) -> int:
        """The row of `action_id` under the filter and order shown; -1 when not listed.
        Reads its position from the database when its window is not at hand."""
        row = self._cached_row(action_id)
        if row is not None or self._reader is None:
            return -1 if row is None else row
        flt, args = self._shown_query
        position = self._reader.position(action_id, flt, **args)
        return -1 if position is None else position

    def locate(self, action_id: int, then: Callable[[int], Any]) -> None:
        """`then(row)` with the row of `action_id` (-1: not listed): at once when its
        window is at hand or reads are quick, else once the database answered."""
        row = self._cached_row(action_id)
        if row is not None or self._reader is None or self._reads is None:
            then(self.row_of_id(action_id) if row is None else row)
            return
        reader, shown = self._reader, self._shown
        flt, args = self._shown_query

        def found(position: int | None) -> None:
            if shown == self._shown:
                then(-1 if position is None else position)

        self._reads.submit("locate", lambda: reader.position(action_id, flt, **args), found)

    def _cached_row(self, action_id: int) -> int | None:
        for page, lines in self._pages.items():
            for at, line in enumerate(lines):
                if line.id == action_id:
                    return page * self._page_rows + at
        return None

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    @property
    def sort_field(self) -> str:
        return SORT_FIELDS[self._sort_column]

    # ---- sorting --------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by `column` (ties in due order); the database sorts, the rows are read
        again from the first window."""
        if not 0 <= column < len(HEADERS):
            return
        if (column, order) == (self._sort_column, self._sort_order):
            return  # QTableView.sortByColumn asks twice
        self._sort_column, self._sort_order = column, order
        self._query()

    # ---- reading --------------------------------------------------------------------
    def _query(self) -> None:
        self._asked += 1
        asked = self._asked
        flt = self._filter
        args = {
            "today": self._today(),
            "sort": SORT_FIELDS[self._sort_column],
            "descending": self._sort_order == Qt.SortOrder.DescendingOrder,
        }
        reader, rows = self._reader, self._page_rows
        if reader is None:
            self._show(asked, flt, args, 0, [])
            return

        def read() -> tuple[int, list[ActionLine], int]:
            return (*reader.first_window(flt, limit=rows, **args), reader.history_size())

        if self._reads is None:
            self._show(asked, flt, args, *read())
        else:
            self._reads.forget("page:")
            self._reads.submit("query", read, lambda got: self._show(asked, flt, args, *got))

    def _show(
        self,
        asked: int,
        flt: ActionFilter,
        args: dict[str, Any],
        count: int,
        first: list[ActionLine],
        largest_id: int = 0,
    ) -> None:
        if asked != self._asked:
            return  # a newer query is on its way
        self.beginResetModel()
        self._shown, self._shown_query = asked, (flt, args)
        self._count = count
        self._largest_id = max(largest_id, *(line.id for line in first), 0)
        self._pages.clear()
        self._wanted.clear()
        if first:
            self._pages[0] = first
        self.endResetModel()
        self.settled.emit()

    def _line(self, row: int, *, read: bool = True) -> ActionLine | None:
        """The row's action; when its window is not at hand, None (`read`: asked for)."""
        page, at = divmod(row, self._page_rows)
        lines = self._pages.get(page)
        if lines is None:
            lines = self._read_page(page) if read else None
            if lines is None:
                return None
        else:
            self._pages.move_to_end(page)
        return lines[at] if at < len(lines) else None

    def _read_page(self, page: int) -> list[ActionLine] | None:
        reader = self._reader
        if reader is None or not self.is_settled:
            return None  # nothing to read, or a new query is on its way
        flt, args = self._shown_query
        offset, rows, total, shown = (
            page * self._page_rows,
            self._page_rows,
            self._count,
            self._shown,
        )

        def read() -> list[ActionLine]:
            return reader.window(flt, offset=offset, limit=rows, total=total, **args)

        if self._reads is None:
            lines = read()
            self._keep(page, lines)
            return lines
        if page not in self._wanted:
            self._wanted.append(page)
        key = f"page:{page}"
        if not self._reads.is_pending(key):
            wanted = self._wanted

            def read_if_wanted() -> list[ActionLine] | None:
                return read() if page in wanted else None  # scrolled past: skip it

            self._reads.submit(key, read_if_wanted, lambda got: self._arrived(shown, page, got))
        return None

    def _arrived(self, shown: int, page: int, lines: list[ActionLine] | None) -> None:
        if shown != self._shown or lines is None:
            return
        self._keep(page, lines)
        first = page * self._page_rows
        last = min(self._count, first + len(lines)) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(HEADERS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)
        self.page_read.emit()

    def _keep(self, page: int, lines: list[ActionLine]) -> None:
        self._largest_id = max(self._largest_id, *(line.id for line in lines), 0)
        self._pages[page] = lines
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)

    # ---- Qt -------------------------------------------------------------------------
    def rowCount(self, parent: Index = _NULL_INDEX) -> int:
        return 0 if parent.isValid() else self._count

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
            # "A-123", as in every document. Never read for: Qt asks for the header of
            # the last hundred rows whenever the list changes (to size it, see
            # `widest_number`); a row on screen has had its window asked for by data().
            if not 0 <= section < self._count:
                return None
            line = self._line(section, read=False)
            return action_number(line.id) if line is not None else PLACEHOLDER
        return None

    def widest_number(self) -> str:
        """The widest row header the list can show (the highest action number there is),
        for the header's width — the same whatever the filter, so it never jumps."""
        return action_number(max(self._largest_id, 1))

    def state(self, line: ActionLine) -> str:
        """'overdue', 'soon' (due within a week), or '' — only open actions are late."""
        if line.due is None or not _STATUS[line.status].is_open:
            return ""
        state = due_state(line.due, self._today())
        return state if state in ("overdue", "soon") else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        line = self._line(index.row())
        column = index.column()
        if line is None:  # its window is on its way
            if column == COL_ACTION and role == Qt.ItemDataRole.DisplayRole:
                return PLACEHOLDER
            return None
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
        directory = self._directory
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
        directory = self._directory
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
