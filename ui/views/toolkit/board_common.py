"""What the wins-and-lessons board, its entry dialog and the meeting panel share."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableView

from alignmeet.domain.board import BoardEntryRecord, BoardKind
from alignmeet.domain.enums import TeamTag
from ui.controller import Controller
from ui.core_labels import label
from ui.record_table import record_table, selected_record
from ui.undo import Step, step

AREA = "board"


def toggle_lesson(controller: Controller, entry: BoardEntryRecord) -> None:
    """Solve a lesson, or reopen a solved one."""
    if entry.resolved:
        controller.perform(step(Step.REOPEN_LESSON), lambda s: s.board.reopen(entry_id=entry.id))
    else:
        controller.perform(step(Step.SOLVE_LESSON), lambda s: s.board.resolve(entry_id=entry.id))


_HEADINGS = {
    BoardKind.WIN: QT_TRANSLATE_NOOP("BoardView", "Wins to celebrate"),
    BoardKind.LESSON: QT_TRANSLATE_NOOP("BoardView", "Hard lessons to solve"),
}


def heading(kind: BoardKind) -> str:
    return QCoreApplication.translate("BoardView", _HEADINGS[kind])


# A record table whose first column takes the width the others leave.
board_table = partial(
    record_table,
    row_height=32,
    resize=QHeaderView.ResizeMode.ResizeToContents,
    stretch=0,
    alternating=False,
)


def selected_entry(table: QTableView) -> BoardEntryRecord | None:
    record = selected_record(table)
    return record if isinstance(record, BoardEntryRecord) else None


def tag_combo() -> QComboBox:
    combo = QComboBox()
    for tag in (TeamTag.JOINT, TeamTag.SALES, TeamTag.MARKETING):
        combo.addItem(label(tag.label), tag.value)
    return combo
