"""Wins and hard lessons: the shared board (Alignment page) and the quick-add panel a
running meeting shows beside its "Wins & lessons" agenda item."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.board import BoardEntryRecord, BoardKind
from alignmeet.domain.enums import Attendance, TeamTag
from alignmeet.domain.rules import MAX_TITLE, ValidationError, short_date
from alignmeet.services.actions import default_tag
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.core_labels import label
from ui.models.board_model import BoardEntriesModel, MeetingBoardModel, byline
from ui.models.record_table_model import RECORD_ROLE
from ui.shown import changed_fields
from ui.undo import Step, step
from ui.views.meeting_dialog import field_with_error
from ui.widgets import FieldError, ask_yes_no, plain_label, section_heading, show_validation

AREA = "board"


def _toggle_lesson(controller: Controller, entry: BoardEntryRecord) -> None:
    """Solve a lesson, or reopen a solved one."""
    if entry.resolved:
        controller.perform(step(Step.REOPEN_LESSON), lambda s: s.board.reopen(entry_id=entry.id))
    else:
        controller.perform(step(Step.SOLVE_LESSON), lambda s: s.board.resolve(entry_id=entry.id))


_HEADINGS = {
    BoardKind.WIN: QT_TRANSLATE_NOOP("BoardView", "Wins to celebrate"),
    BoardKind.LESSON: QT_TRANSLATE_NOOP("BoardView", "Hard lessons to solve"),
}


def _heading(kind: BoardKind) -> str:
    return QCoreApplication.translate("BoardView", _HEADINGS[kind])


def _table(model: object, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(32)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _selected(table: QTableView) -> BoardEntryRecord | None:
    rows = table.selectionModel().selectedRows()
    record = rows[0].data(RECORD_ROLE) if rows else None
    return record if isinstance(record, BoardEntryRecord) else None


def _tag_combo() -> QComboBox:
    combo = QComboBox()
    for tag in (TeamTag.JOINT, TeamTag.SALES, TeamTag.MARKETING):
        combo.addItem(label(tag.label), tag.value)
    return combo


# ---- add / edit -------------------------------------------------------------------------
class BoardEntryDialog(QDialog):
    """Add or edit a win or a lesson. A refused value keeps the dialog open with the message
    at its field and everything typed in place; `saved` holds the entry once stored."""

    def __init__(
        self,
        controller: Controller,
        *,
        kind: BoardKind = BoardKind.WIN,
        entry: BoardEntryRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.entry = entry
        self.saved: BoardEntryRecord | None = None
        self.setMinimumWidth(560)
        what = entry.kind if entry else kind
        if entry is not None:
            title = self.tr("Edit win") if what is BoardKind.WIN else self.tr("Edit lesson")
        else:
            title = self.tr("New win") if what is BoardKind.WIN else self.tr("New lesson")
        self.setWindowTitle(title)

        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        for k in BoardKind:
            self.kind_combo.addItem(label(k.label), k.value)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText(self.tr("e.g. Fabrikam signed after two webinars"))
        self.details_edit = QPlainTextEdit()
        self.details_edit.setAccessibleName(self.tr("Details"))
        self.details_edit.setTabChangesFocus(True)
        self.details_edit.setPlaceholderText(
            self.tr("What happened — for a lesson, what we try differently next time")
        )
        self.details_edit.setFixedHeight(110)
        self.team_combo = _tag_combo()
        self.team_combo.setAccessibleName(self.tr("Team"))
        self.author_combo = QComboBox()
        self.author_combo.setAccessibleName(self.tr("Raised by"))
        self.author_combo.addItem(self.tr("Nobody in particular"), None)
        for member in controller.services.people.list_members():
            self.author_combo.addItem(f"{member.name} ({member.team_name})", member.id)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setAccessibleName(self.tr("Meeting"))
        self.meeting_combo.addItem(self.tr("Between meetings"), None)
        for meeting in reversed(controller.services.meetings.list_meetings()):
            text = f"{meeting.title}, {short_date(meeting.starts_at.date())}"
            self.meeting_combo.addItem(text, meeting.id)

        self._fields: dict[str, QWidget] = {
            "kind": self.kind_combo,
            "title": self.title_edit,
            "details": self.details_edit,
        }
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout()
        for key, caption, widget in (
            ("kind", self.tr("&Kind"), self.kind_combo),
            ("title", self.tr("&Title"), self.title_edit),
            ("details", self.tr("&Details"), self.details_edit),
            ("team", self.tr("T&eam"), self.team_combo),
            ("author", self.tr("&Raised by"), self.author_combo),
            ("meeting", self.tr("&Meeting"), self.meeting_combo),
        ):
            box, error = field_with_error(widget)
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            self.errors[key] = error
            form.addRow(caption, box)
        self.form_error = FieldError()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(buttons)

        if entry is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(entry.kind.value))
            self.title_edit.setText(entry.title)
            self.details_edit.setPlainText(entry.details)
            self.team_combo.setCurrentIndex(self.team_combo.findData(entry.team_tag.value))
            self._pick(self.author_combo, entry.author_id, entry.author_name)
            self._pick(self.meeting_combo, entry.meeting_id, entry.meeting_title)
        else:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.title_edit.setFocus()

    @staticmethod
    def _pick(combo: QComboBox, value: int | None, label: str) -> None:
        if value is not None and combo.findData(value) < 0:
            combo.addItem(label, value)  # an inactive author is kept, not dropped
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def values(self) -> dict[str, object]:
        return {
            "kind": self.kind_combo.currentData(),
            "title": self.title_edit.text(),
            "details": self.details_edit.toPlainText(),
            "team_tag": self.team_combo.currentData(),
            "author_id": self.author_combo.currentData(),
            "meeting_id": self.meeting_combo.currentData(),
        }

    def _on_save(self) -> None:
        for error in self.errors.values():
            error.clear_error()
        self.form_error.clear_error()
        try:
            values = self.values()
            if self.entry is None:
                self.saved = self.controller.perform(
                    step(Step.NEW_BOARD_ENTRY), lambda s: s.board.add_entry(**values)
                )
            else:
                entry_id = self.entry.id
                edits = changed_fields(self.entry, values)
                self.saved = self.controller.perform_edit(
                    step(Step.BOARD),
                    lambda s, seen: s.board.update_entry(entry_id=entry_id, seen=seen, **edits),
                    seen=self.entry,
                    reread=lambda s: s.board.get_entry(entry_id),
                )
        except ValidationError as exc:
            show_validation(exc, self._fields, self.errors.get(exc.field, self.form_error), self)
            return
        except NotFoundError as exc:
            self.form_error.show_error(str(exc))
            return
        self.accept()


# ---- the board tab ----------------------------------------------------------------------
class _Column(QFrame):
    """One column of the board: a heading, the table, the selected entry's details."""

    def __init__(self, kind: BoardKind) -> None:
        super().__init__()
        self.setObjectName("Card")
        self.kind = kind
        self.heading = section_heading(_heading(kind))
        self.model = BoardEntriesModel(self)
        name = self.tr("Wins") if kind is BoardKind.WIN else self.tr("Lessons")
        self.table = _table(self.model, name)
        self.table.setWordWrap(True)  # a title reads whole, over two lines if need be
        if kind is BoardKind.WIN:
            self.table.setColumnHidden(3, True)  # wins have no status
        self.details = plain_label()
        self.details.setWordWrap(True)
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
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_state())

    def selected(self) -> BoardEntryRecord | None:
        return _selected(self.table)

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
                    heading=_heading(self.kind), open=open_count, count=count
                )
            )
        else:
            self.heading.setText(f"{_heading(self.kind)}  ({count})")
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

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.members_changed.connect(self.refresh)
        controller.meetings_changed.connect(self.refresh)
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
        _toggle_lesson(self.controller, entry)

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()


# ---- the meeting panel ------------------------------------------------------------------
class BoardPanel(QWidget):
    """Beside a "Wins & lessons" agenda item: add a win or a lesson in a few keystrokes,
    said by someone present; this meeting's entries listed under it."""

    def __init__(
        self,
        controller: Controller,
        *,
        meeting_id: int,
        item_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.meeting_id = meeting_id
        self.item_id = item_id

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
        self.team_combo = _tag_combo()
        self.team_combo.setAccessibleName(self.tr("Team"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setDefault(True)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.error = FieldError()
        self.note = plain_label()
        self.note.hide()

        self.model = MeetingBoardModel(self)
        self.table = _table(self.model, self.tr("This meeting's wins and lessons"))
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_state())
        self.resolve_button = QPushButton(self.tr("Mark solved"))
        self.resolve_button.clicked.connect(self._on_resolve_button_clicked)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.open_label = plain_label()
        self.open_label.setWordWrap(True)

        add_card = QFrame()
        add_card.setObjectName("Card")
        add_layout = QVBoxLayout(add_card)
        add_layout.setContentsMargins(14, 12, 14, 12)
        add_layout.addWidget(section_heading(self.tr("Wins to celebrate, lessons to solve")))
        kinds = QHBoxLayout()
        kinds.addWidget(self.win_button)
        kinds.addWidget(self.lesson_button)
        kinds.addSpacing(12)
        kinds.addWidget(self.title_edit, 1)
        add_layout.addLayout(kinds)
        who = QHBoxLayout()
        who.addWidget(self.details_edit, 2)
        who.addWidget(plain_label(self.tr("by")))
        who.addWidget(self.author_combo, 1)
        who.addWidget(self.team_combo)
        who.addWidget(self.add_button)
        add_layout.addLayout(who)
        add_layout.addWidget(self.error)
        add_layout.addWidget(self.note)

        list_card = QFrame()
        list_card.setObjectName("Card")
        list_layout = QVBoxLayout(list_card)
        list_layout.setContentsMargins(14, 12, 14, 12)
        list_layout.addWidget(section_heading(self.tr("In this meeting")))
        list_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.resolve_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.open_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(add_card)
        layout.addWidget(list_card, 1)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.participants_changed.connect(self._on_controller_participants_changed)
        controller.members_changed.connect(self._fill_authors)
        self._fill_authors()
        self.refresh()

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
        entry = _selected(self.table)
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
        entry = _selected(self.table)
        if entry is not None and entry.kind is BoardKind.LESSON:
            _toggle_lesson(self.controller, entry)

    def _on_delete_button_clicked(self) -> None:
        entry = _selected(self.table)
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

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self._fill_authors()
