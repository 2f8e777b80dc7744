"""The quick-add panel a running meeting shows beside its "Wins & lessons" agenda item."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from alignmeet.domain.board import BoardKind
from alignmeet.domain.enums import Attendance, TeamTag
from alignmeet.domain.rules import MAX_TITLE, ValidationError
from alignmeet.services.actions import default_tag
from ui.core_labels import label
from ui.models.board_model import MeetingBoardModel
from ui.undo import Step, step
from ui.views.toolkit.board_common import (
    AREA,
    board_table,
    selected_entry,
    tag_combo,
    toggle_lesson,
)
from ui.views.toolkit.common import MeetingItemPanel, button_row
from ui.widgets import FieldError, ask_yes_no, fill, plain_label, section_heading

__all__ = ["BoardPanel"]


class BoardPanel(MeetingItemPanel):
    """Beside a "Wins & lessons" agenda item: add a win or a lesson in a few keystrokes,
    said by someone present; this meeting's entries listed under it."""

    AREA = AREA

    def _build(self) -> None:

        add_card = self._build_quick_add()
        list_card = self._build_list()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(add_card)
        layout.addWidget(list_card, 1)

    def _follow(self) -> None:
        controller = self.controller
        controller.participants_changed.connect(self._on_controller_participants_changed)
        controller.members_changed.connect(self._fill_authors)

    def _start(self) -> None:
        self._fill_authors()
        self.refresh()

    def _build_quick_add(self) -> QFrame:
        """A win or a lesson in a few keystrokes (top)."""
        self._build_kinds()
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText(
            self.tr("What went well, or what we learned the hard way")
        )
        self.title_edit.returnPressed.connect(self._on_add_button_clicked)
        self.details_edit = QLineEdit()
        self.details_edit.setAccessibleName(self.tr("Details"))
        self.details_edit.setPlaceholderText(self.tr("Details (optional)"))
        self.details_edit.returnPressed.connect(self._on_add_button_clicked)
        self.author_combo = QComboBox()
        self.author_combo.setAccessibleName(self.tr("Raised by"))
        self.author_combo.currentIndexChanged.connect(self._on_author_combo_changed)
        self.team_combo = tag_combo()
        self.team_combo.setAccessibleName(self.tr("Team"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.error = FieldError()
        self.note = plain_label()
        self.note.hide()
        add_card = QFrame()
        add_card.setObjectName("Card")
        heading = section_heading(self.tr("Wins to celebrate, lessons to solve"))
        kinds = QHBoxLayout()
        kinds.addWidget(self.win_button)
        kinds.addWidget(self.lesson_button)
        kinds.addSpacing(12)
        kinds.addWidget(self.title_edit, 1)
        who = QHBoxLayout()
        who.addWidget(self.details_edit, 2)
        who.addWidget(plain_label(self.tr("by")))
        who.addWidget(self.author_combo, 1)
        who.addWidget(self.team_combo)
        who.addWidget(self.add_button)
        fill(
            QVBoxLayout(add_card),
            heading,
            kinds,
            who,
            self.error,
            self.note,
            margins=(14, 12, 14, 12),
        )
        return add_card

    def _build_kinds(self) -> None:
        self.win_button = QPushButton(label(BoardKind.WIN.label))
        self.lesson_button = QPushButton(label(BoardKind.LESSON.label))
        self.kind_group = QButtonGroup(self)
        for button, kind in (
            (self.win_button, BoardKind.WIN),
            (self.lesson_button, BoardKind.LESSON),
        ):
            button.setCheckable(True)
            button.setProperty("phase", True)  # the rounded, highlighted toggle style
            # Checked, the label turns bold: room for the bold text plus the style's padding.
            bold = QFont(button.font())
            bold.setBold(True)
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(button.text()) + 36)
            button.setAccessibleName(
                self.tr("Add a win") if kind is BoardKind.WIN else self.tr("Add a lesson")
            )
            self.kind_group.addButton(button)
        self.win_button.setChecked(True)

    def _build_list(self) -> QFrame:
        """This meeting's entries (under the quick add)."""
        self.model = MeetingBoardModel(self)
        self.table = board_table(self.model, self.tr("This meeting's wins and lessons"))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_state())
        self.resolve_button = QPushButton(self.tr("Mark solved"))
        self.resolve_button.clicked.connect(self._on_resolve_button_clicked)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.open_label = plain_label(wrap=True)
        list_card = QFrame()
        list_card.setObjectName("Card")
        list_layout = QVBoxLayout(list_card)
        list_layout.setContentsMargins(14, 12, 14, 12)
        list_layout.addWidget(section_heading(self.tr("In this meeting")))
        list_layout.addWidget(self.table, 1)
        buttons = button_row((self.resolve_button,), (self.delete_button,))
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.open_label)
        return list_card

    def kind(self) -> BoardKind:
        return BoardKind.LESSON if self.lesson_button.isChecked() else BoardKind.WIN

    def refresh(self) -> None:
        board = self.controller.services.board
        self.model.set_rows(board.entries(meeting_id=self.meeting_id))
        earlier = [
            e
            for e in board.entries(kind=BoardKind.LESSON, unresolved_only=True)
            if e.meeting_id != self.meeting_id
        ]
        if earlier:
            titles = "; ".join(e.title for e in earlier[:3])
            more = (
                self.tr(" and {count} more").format(count=len(earlier) - 3)
                if len(earlier) > 3
                else ""
            )
            self.open_label.setText(
                self.tr("Still open from before: {titles}{more}.").format(titles=titles, more=more)
            )
        else:
            self.open_label.setText(self.tr("No open lessons from earlier meetings."))
        self._update_state()

    def _fill_authors(self) -> None:
        """Members present (everyone invited until attendance is taken)."""
        keep = self.author_combo.currentData()
        participants = self.controller.services.meetings.participants(self.meeting_id)
        present = [p for p in participants if p.attendance == Attendance.PRESENT]
        people = present or participants
        self.author_combo.blockSignals(True)
        self.author_combo.clear()
        self.author_combo.addItem(self.tr("Nobody in particular"), None)
        for p in people:
            self.author_combo.addItem(p.name, p.member_id)
            self.author_combo.setItemData(
                self.author_combo.count() - 1, p.team_name, Qt.ItemDataRole.UserRole + 1
            )
        self.author_combo.setCurrentIndex(max(self.author_combo.findData(keep), 0))
        self.author_combo.blockSignals(False)

    def _on_author_combo_changed(self, index: int) -> None:
        team = self.author_combo.itemData(index, Qt.ItemDataRole.UserRole + 1)
        tag = default_tag(team) if team else TeamTag.JOINT
        self.team_combo.setCurrentIndex(self.team_combo.findData(tag.value))

    def _update_state(self) -> None:
        entry = selected_entry(self.table)
        is_lesson = entry is not None and entry.kind is BoardKind.LESSON
        self.resolve_button.setEnabled(is_lesson)
        self.resolve_button.setText(
            self.tr("Reopen") if entry and entry.resolved else self.tr("Mark solved")
        )
        self.delete_button.setEnabled(entry is not None)

    def _on_add_button_clicked(self) -> None:
        self.error.clear_error()
        kind = self.kind()
        try:
            values = {
                "kind": kind,
                "title": self.title_edit.text(),
                "details": self.details_edit.text(),
                "team_tag": self.team_combo.currentData(),
                "author_id": self.author_combo.currentData(),
                "meeting_id": self.meeting_id,
            }
            entry = self.controller.perform(
                step(Step.NEW_BOARD_ENTRY), lambda s: s.board.add_entry(**values)
            )
        except ValidationError as exc:
            field = {"title": self.title_edit, "details": self.details_edit}.get(exc.field)
            self.error.show_error(exc.message, field)
            return
        self.title_edit.clear()
        self.details_edit.clear()
        if kind is BoardKind.WIN:
            self.note.setText(self.tr("Added win: {title}").format(title=entry.title))
        else:
            self.note.setText(self.tr("Added lesson: {title}").format(title=entry.title))
        self.note.show()
        self.title_edit.setFocus()

    def _on_resolve_button_clicked(self) -> None:
        entry = selected_entry(self.table)
        if entry is not None and entry.kind is BoardKind.LESSON:
            toggle_lesson(self.controller, entry)

    def _on_delete_button_clicked(self) -> None:
        entry = selected_entry(self.table)
        if entry is None:
            return
        if ask_yes_no(
            self,
            self.tr("Delete entry"),
            self.tr("Delete “{title}” from the board?").format(title=entry.title),
        ):
            self.controller.perform(
                step(Step.DELETE_BOARD_ENTRY), lambda s: s.board.delete_entry(entry_id=entry.id)
            )

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self._fill_authors()
