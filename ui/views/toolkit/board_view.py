"""Wins and hard lessons: the shared board (Alignment page) and the quick-add panel a
running meeting shows beside its "Wins & lessons" agenda item.

The entry dialog and the meeting panel are modules of their own (`board_entry_dialog`,
`board_panel`); this module still offers both."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.board import BoardEntryRecord, BoardKind
from alignmeet.domain.enums import TeamTag
from alignmeet.domain.rules import short_date
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.core_labels import label
from ui.models.board_model import BoardEntriesModel, byline
from ui.undo import Step, step
from ui.views.toolkit.board_common import (
    AREA,
    board_table,
    heading,
    selected_entry,
    toggle_lesson,
)
from ui.views.toolkit.board_entry_dialog import BoardEntryDialog
from ui.views.toolkit.board_panel import BoardPanel
from ui.views.toolkit.common import button_row, follow_area
from ui.widgets import ask_yes_no, plain_label, section_heading

__all__ = ["BoardEntryDialog", "BoardPanel", "BoardView"]


# ---- the board tab ----------------------------------------------------------------------
class _Column(QFrame):
    """One column of the board: a heading, the table, the selected entry's details."""

    def __init__(self, kind: BoardKind) -> None:
        super().__init__()
        self.setObjectName("Card")
        self.kind = kind
        self.heading = section_heading(heading(kind))
        self.model = BoardEntriesModel(self)
        name = self.tr("Wins") if kind is BoardKind.WIN else self.tr("Lessons")
        self.table = board_table(self.model, name)
        self.table.setWordWrap(True)  # a title reads whole, over two lines if need be
        if kind is BoardKind.WIN:
            self.table.setColumnHidden(3, True)  # wins have no status
        self.details = plain_label(wrap=True)
        self.details.setMinimumHeight(60)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = QPushButton(
            self.tr("Add win") if kind is BoardKind.WIN else self.tr("Add lesson")
        )
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.resolve_button = QPushButton(self.tr("Mark solved"))
        self.resolve_button.setVisible(kind is BoardKind.LESSON)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        top = button_row((self.heading,), (self.add_button,))
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        buttons = button_row((self.edit_button, self.resolve_button), (self.delete_button,))
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_state())

    def selected(self) -> BoardEntryRecord | None:
        return selected_entry(self.table)

    def set_rows(self, rows: list[BoardEntryRecord]) -> None:
        keep = self.selected()
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        for row in range(self.model.rowCount()):  # breathing room around wrapped titles
            self.table.setRowHeight(row, max(32, self.table.rowHeight(row) + 10))
        count = len(rows)
        if self.kind is BoardKind.LESSON:
            open_count = sum(1 for e in rows if not e.resolved)
            self.heading.setText(
                self.tr("{heading}  ({open} open of {count})").format(
                    heading=heading(self.kind), open=open_count, count=count
                )
            )
        else:
            self.heading.setText(f"{heading(self.kind)}  ({count})")
        if keep is not None:
            row = self.model.row_of(lambda e: e.id == keep.id)
            if row >= 0:
                self.table.selectRow(row)
        self.update_state()

    def update_state(self) -> None:
        entry = self.selected()
        for button in (self.edit_button, self.delete_button, self.resolve_button):
            button.setEnabled(entry is not None)
        self.resolve_button.setText(
            self.tr("Reopen") if entry and entry.resolved else self.tr("Mark solved")
        )
        if entry is None:
            self.details.setText(self.tr("Select an entry to read its details."))
            return
        where = (
            f"{entry.meeting_title}, {short_date(entry.meeting_date)}"
            if entry.meeting_id
            else self.tr("between meetings")
        )
        body = entry.details or self.tr("No details.")
        self.details.setText(f"{body}\n— {byline(entry)}, {where}")


class BoardView(QWidget):
    """Two columns — Wins | Lessons — with a filter by team and "open lessons only"."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialog: BoardEntryDialog | None = None

        self.team_filter = QComboBox()
        self.team_filter.setAccessibleName(self.tr("Show team"))
        self.team_filter.addItem(self.tr("All teams"), None)
        for tag in (TeamTag.SALES, TeamTag.MARKETING, TeamTag.JOINT):
            self.team_filter.addItem(label(tag.label), tag.value)
        self.team_filter.currentIndexChanged.connect(lambda *_: self.refresh())
        self.open_only = QCheckBox(self.tr("Open lessons only"))
        self.open_only.setToolTip(self.tr("Hide the lessons already solved"))
        self.open_only.toggled.connect(lambda *_: self.refresh())
        self.summary = plain_label()

        self.columns = {kind: _Column(kind) for kind in BoardKind}
        for kind, column in self.columns.items():
            column.add_button.clicked.connect(lambda *_, k=kind: self.open_dialog(kind=k))
            column.edit_button.clicked.connect(lambda *_, c=column: self._on_edit(c))
            column.table.doubleClicked.connect(lambda *_, c=column: self._on_edit(c))
            column.delete_button.clicked.connect(lambda *_, c=column: self._on_delete(c))
            column.resolve_button.clicked.connect(lambda *_, c=column: self._on_resolve(c))
        self.wins = self.columns[BoardKind.WIN]
        self.lessons = self.columns[BoardKind.LESSON]

        filters = QHBoxLayout()
        filters.addWidget(plain_label(self.tr("Team:")))
        filters.addWidget(self.team_filter)
        filters.addSpacing(12)
        filters.addWidget(self.open_only)
        filters.addSpacing(16)
        filters.addWidget(self.summary, 1)
        board = QHBoxLayout()
        board.setSpacing(16)
        board.addWidget(self.wins, 1)
        board.addWidget(self.lessons, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(filters)
        layout.addLayout(board, 1)

        follow_area(self, controller, AREA, controller.members_changed, controller.meetings_changed)
        self.refresh()

    def refresh(self) -> None:
        board = self.controller.services.board
        tag = self.team_filter.currentData()
        self.wins.set_rows(board.entries(kind=BoardKind.WIN, team_tag=tag))
        self.lessons.set_rows(
            board.entries(
                kind=BoardKind.LESSON, team_tag=tag, unresolved_only=self.open_only.isChecked()
            )
        )
        everything = board.entries()
        open_lessons = sum(1 for e in everything if e.kind is BoardKind.LESSON and not e.resolved)
        wins = sum(1 for e in everything if e.kind is BoardKind.WIN)
        self.summary.setText(
            self.tr("{wins} wins shared, {lessons} lessons still to solve together.").format(
                wins=wins, lessons=open_lessons
            )
        )

    def open_dialog(
        self, *, kind: BoardKind = BoardKind.WIN, entry: BoardEntryRecord | None = None
    ) -> BoardEntryDialog:
        """The add/edit dialog, window-modal (not blocking): the board refreshes on save."""
        self.dialog = BoardEntryDialog(self.controller, kind=kind, entry=entry, parent=self)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.open()
        return self.dialog

    def _on_edit(self, column: _Column) -> None:
        entry = column.selected()
        if entry is not None:
            self.open_dialog(entry=entry)

    def _on_delete(self, column: _Column) -> None:
        entry = column.selected()
        if entry is None:
            return
        if not ask_yes_no(
            self,
            self.tr("Delete entry"),
            self.tr("Delete “{title}” from the board?").format(title=entry.title),
        ):
            return
        try:
            self.controller.perform(
                step(Step.DELETE_BOARD_ENTRY), lambda s: s.board.delete_entry(entry_id=entry.id)
            )
        except NotFoundError:
            self.refresh()

    def _on_resolve(self, column: _Column) -> None:
        entry = column.selected()
        if entry is None or entry.kind is not BoardKind.LESSON:
            return
        toggle_lesson(self.controller, entry)
