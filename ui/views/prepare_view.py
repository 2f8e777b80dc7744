"""Prepare a meeting: details, who is invited, and a time-boxed agenda.

Everything saves as it is typed (text after a short pause, choices at once);
a rejected value shows its message under the field and stays in the widget.
A refresh never overwrites a field the user is editing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDateTime,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import Attendance, ItemKind, MeetingStatus
from alignmeet.domain.records import MeetingRecord, MemberRecord, ParticipantRecord
from alignmeet.domain.rules import MAX_TITLE, AgendaBudget, ValidationError
from alignmeet.services.base import NotFoundError
from ui.autosave import DebouncedSaver
from ui.controller import Controller
from ui.core_labels import label as core_label
from ui.limits import limit_line
from ui.models.agenda_model import (
    COL_KIND,
    COL_MINUTES,
    COL_NUMBER,
    COL_OWNER,
    COL_PERSONA,
    COL_TITLE,
    AgendaModel,
)
from ui.models.invitees_model import InviteesModel
from ui.models.record_table_model import RECORD_ROLE
from ui.models.templates_model import TemplatesModel
from ui.shown import Shown
from ui.views.meeting_dialog import DATE_TIME_FORMAT, field_with_error, minutes_spin
from ui.widgets import (
    DateTimeField,
    FieldError,
    ask_yes_no,
    page_title,
    plain_label,
    section_heading,
    show_validation,
    warn,
)

Index = QModelIndex | QPersistentModelIndex
NOBODY = "—"
TEXT_FIELDS = ("title", "place", "topic", "end_goal")

START_STYLE = """
QPushButton {
    background: palette(highlight);
    color: palette(highlighted-text);
    font-weight: 600;
    padding: 8px 20px;
    border-radius: 6px;
}
QPushButton:hover { border: 2px solid palette(dark); }
"""


# ---- dialogs, behind module-level names so tests can replace them ------------------------
def get_text(parent: QWidget, title: str, label: str, text: str = "") -> tuple[str, bool]:
    return QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)


# `warn` and `ask_yes_no` (plain-text message boxes) are imported from ui.widgets.


def _recorded_for(participant: ParticipantRecord, actions: int) -> str:
    """ "• Ava Chen: attendance (present), committed, owns 2 actions" — or "" if nothing."""
    parts = []
    if participant.attendance is not Attendance.INVITED:
        parts.append(
            QCoreApplication.translate("PrepareView", "attendance ({attendance})").format(
                attendance=core_label(participant.attendance).lower()
            )
        )
    if participant.committed:
        parts.append(QCoreApplication.translate("PrepareView", "committed"))
    if actions == 1:
        parts.append(QCoreApplication.translate("PrepareView", "owns 1 action"))
    elif actions:
        parts.append(
            QCoreApplication.translate("PrepareView", "owns {count} actions").format(count=actions)
        )
    return f"• {participant.name}: {', '.join(parts)}" if parts else ""


# ---- delegates for the agenda table ---------------------------------------------------
class PaddedDelegate(QStyledItemDelegate):
    """Rows with room to breathe, also when a long title wraps onto two lines."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 12)


class ChoiceDelegate(PaddedDelegate):
    """A combo box editor over (label, value) choices; the model's EditRole is the value."""

    def __init__(self, choices: Callable[[], list[tuple[str, object]]], parent: QWidget) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for label, value in self._choices():
            combo.addItem(label, value)
        combo.activated.connect(lambda _row, c=combo: self._on_combo_activated(c))
        return combo

    def _on_combo_activated(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        row = editor.findData(value)
        if row < 0 and value:
            editor.addItem(str(index.data(Qt.ItemDataRole.DisplayRole)), value)
            row = editor.count() - 1
        editor.setCurrentIndex(max(row, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TitleDelegate(PaddedDelegate):
    """A one-line editor as long as a title may be; a rejected title stays in the editor.

    When the model refuses a non-empty text (`setData` returns False, the reason
    is shown under the table), the editor opens again on the same cell with the
    text as typed, so nothing typed is lost; Esc gives up the edit. An emptied
    title is simply refused: the cell keeps its title.
    """

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._rejected: tuple[QPersistentModelIndex, str] | None = None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QLineEdit(parent)
        edit.setMaxLength(MAX_TITLE)
        edit.setFrame(False)
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        rejected, self._rejected = self._rejected, None
        if rejected is not None and rejected[0] == QPersistentModelIndex(index):
            editor.setText(rejected[1])
        else:
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        text = editor.text()
        if not model.setData(index, text, Qt.ItemDataRole.EditRole) and text.strip():
            self._rejected = (QPersistentModelIndex(index), text)
            QTimer.singleShot(0, self._reopen)

    def _reopen(self) -> None:
        if self._rejected is None:
            return
        cell, view = self._rejected[0], self._view
        index = view.model().index(cell.row(), cell.column()) if cell.isValid() else QModelIndex()
        if (
            not index.isValid()
            or not index.flags() & Qt.ItemFlag.ItemIsEditable
            or view.state() == QAbstractItemView.State.EditingState
            or not view.isVisible()
        ):
            self._rejected = None
            return
        view.setCurrentIndex(index)
        view.edit(index)


class MinutesDelegate(PaddedDelegate):
    """A spin box from 1 to 480 minutes."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(1, 480)
        spin.setSuffix(QCoreApplication.translate("MeetingDialog", " min"))
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        return spin

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 1))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)


# ---- small layout helpers ---------------------------------------------------------------


def _card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.setSpacing(8)
    layout.addWidget(section_heading(title))
    return frame, layout


def _hint(text: str) -> QLabel:
    label = plain_label(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _lines_high(edit: QPlainTextEdit, lines: int) -> None:
    metrics = edit.fontMetrics()
    margins = edit.contentsMargins()
    doc_margin = int(edit.document().documentMargin() * 2)
    edit.setFixedHeight(
        metrics.lineSpacing() * lines + doc_margin + margins.top() + margins.bottom() + 6
    )


def _repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


class PrepareView(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._meeting_id: int | None = None
        self._meeting: MeetingRecord | None = None
        self._shown = Shown()  # each detail as its field shows it: what a save carries
        self._members: list[MemberRecord] = []

        self._build_details()
        self._build_invitees()
        self._build_agenda()

        # ---- page -------------------------------------------------------------------
        self.start_button = QPushButton(self.tr("Start the meeting →"))
        self.start_button.setStyleSheet(START_STYLE)
        font = self.start_button.font()
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.2)
        self.start_button.setFont(font)
        self.start_button.setToolTip(self.tr("Go to the Run page and open the meeting"))
        self.start_button.clicked.connect(self._on_start_button_clicked)

        top = QHBoxLayout()
        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(page_title(self.tr("Prepare the meeting")))
        title_box.addWidget(
            _hint(
                self.tr(
                    "Set the details, tick who is invited and time-box the agenda. "
                    "Everything is saved as you type."
                )
            )
        )
        top.addLayout(title_box, 1)
        top.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignVCenter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.setSpacing(12)
        left_layout.addWidget(self.details_card)
        # Items the data proposes (a KPI off target, an action slipping, feedback overdue).
        from ui.views.accountability.proposals_panel import ProposalsPanel

        self.proposals_panel = ProposalsPanel(controller)
        left_layout.addWidget(self.proposals_panel)
        left_layout.addWidget(self.invitees_card, 1)
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(380)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left_scroll)
        self.splitter.addWidget(self.agenda_card)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 660])

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(12)
        content_layout.addLayout(top)
        content_layout.addWidget(self.splitter, 1)

        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.setContentsMargins(0, 0, 0, 0)
        empty_layout.setSpacing(12)
        empty_layout.addWidget(page_title(self.tr("Prepare the meeting")))
        self.empty_label = plain_label(
            self.tr(
                "No meeting selected. Pick one on the Meetings page, or create a new one there."
            )
        )
        self.empty_label.setWordWrap(True)
        go = QPushButton(self.tr("Go to Meetings"))
        go.clicked.connect(lambda: self.controller.navigate("meetings"))
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(go, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)

        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        controller.current_meeting_changed.connect(self._on_controller_current_meeting_changed)
        controller.meeting_changed.connect(self._on_controller_meeting_changed)
        controller.agenda_changed.connect(self._on_controller_agenda_changed)
        controller.participants_changed.connect(self._on_controller_participants_changed)
        controller.members_changed.connect(self._on_controller_members_changed)
        controller.templates_changed.connect(self._load_templates)
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        self._refresh_personas()
        self.load(controller.current_meeting_id)

    # ==== building ========================================================================
    def _build_details(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Meeting title"))
        limit_line(self.title_edit, "meeting.title")
        self.when_edit = DateTimeField()
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat(
            QCoreApplication.translate("MeetingDialog", DATE_TIME_FORMAT)
        )
        self.when_edit.setKeyboardTracking(False)
        self.when_edit.setAccessibleName(self.tr("Date and time"))
        self.length_spin = minutes_spin()
        self.length_spin.setKeyboardTracking(False)
        self.length_spin.setAccessibleName(self.tr("Planned length in minutes"))
        self.length_spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("Room, or a video-call link"))
        self.place_edit.setAccessibleName(self.tr("Place"))
        limit_line(self.place_edit, "meeting.place")  # the service keeps 200 characters
        self.facilitator_combo = QComboBox()
        self.facilitator_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.facilitator_combo.setMinimumContentsLength(12)
        self.facilitator_combo.setAccessibleName(self.tr("Facilitator"))
        self.note_taker_combo = QComboBox()
        self.note_taker_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.note_taker_combo.setMinimumContentsLength(12)
        self.note_taker_combo.setAccessibleName(self.tr("Note taker"))
        self.topic_edit = QPlainTextEdit()
        self.topic_edit.setPlaceholderText(
            self.tr("What this meeting is about, in a sentence or two")
        )
        self.topic_edit.setTabChangesFocus(True)
        self.topic_edit.setAccessibleName(self.tr("Topic"))
        _lines_high(self.topic_edit, 3)
        self.end_goal_edit = QPlainTextEdit()
        self.end_goal_edit.setPlaceholderText(self.tr("What everyone leaves with"))
        self.end_goal_edit.setTabChangesFocus(True)
        self.end_goal_edit.setAccessibleName(self.tr("End goal"))
        _lines_high(self.end_goal_edit, 3)

        self.fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "starts_at": self.when_edit,
            "planned_minutes": self.length_spin,
            "place": self.place_edit,
            "facilitator_id": self.facilitator_combo,
            "note_taker_id": self.note_taker_combo,
            "topic": self.topic_edit,
            "end_goal": self.end_goal_edit,
        }
        labels = {
            "title": self.tr("&Title"),
            "starts_at": self.tr("&Date && time"),
            "planned_minutes": self.tr("Planned &length"),
            "place": self.tr("&Place"),
            "facilitator_id": self.tr("&Facilitator"),
            "note_taker_id": self.tr("&Note taker"),
            "topic": self.tr("T&opic"),
            "end_goal": self.tr("&End goal"),
        }
        self.errors: dict[str, FieldError] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setVerticalSpacing(6)
        for key, widget in self.fields.items():
            box, error = field_with_error(widget)
            self.errors[key] = error
            label = QLabel(labels[key])
            label.setContentsMargins(0, 5, 0, 0)  # level with the field's text
            label.setBuddy(widget)
            form.addRow(label, box)
        self.details_error = FieldError()

        self.savers: dict[str, DebouncedSaver] = {}
        text_widgets = {
            "title": self.title_edit,
            "place": self.place_edit,
            "topic": self.topic_edit,
            "end_goal": self.end_goal_edit,
        }
        for key, widget in text_widgets.items():
            saver = DebouncedSaver(lambda k=key: self._save_text(k), self)
            self.controller.register_saver(saver)
            self.savers[key] = saver
            widget.textChanged.connect(saver.touch)
        self.title_edit.editingFinished.connect(self.savers["title"].flush)
        self.place_edit.editingFinished.connect(self.savers["place"].flush)

        self.when_edit.dateTimeChanged.connect(self._on_when_edit_changed)
        self.length_spin.valueChanged.connect(self._on_length_spin_changed)
        self.facilitator_combo.currentIndexChanged.connect(
            lambda _i: self._save_choice("facilitator_id", self.facilitator_combo)
        )
        self.note_taker_combo.currentIndexChanged.connect(
            lambda _i: self._save_choice("note_taker_id", self.note_taker_combo)
        )

        self.details_card, layout = _card(self.tr("Meeting details"))
        layout.addLayout(form)
        layout.addWidget(self.details_error)

    def _build_invitees(self) -> None:
        self.invitees_model = InviteesModel(self)
        self.invitees_model.invitees_edited.connect(self._on_invitees_model_edited)
        self.invitees_list = QListView()
        self.invitees_list.setModel(self.invitees_model)
        self.invitees_list.setAccessibleName(self.tr("Invitees"))
        self.invitees_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.invitees_list.setMinimumHeight(150)
        self.invitees_list.setUniformItemSizes(True)
        self.invitees_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.invitees_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.invitees_count = plain_label()
        self.invite_all_button = QPushButton(self.tr("All"))
        self.invite_all_button.setToolTip(self.tr("Invite every active member"))
        self.invite_all_button.clicked.connect(lambda: self.invitees_model.set_all(True))
        self.invite_none_button = QPushButton(self.tr("None"))
        self.invite_none_button.setToolTip(self.tr("Untick everyone"))
        self.invite_none_button.clicked.connect(lambda: self.invitees_model.set_all(False))

        self.invitees_card, layout = _card(self.tr("Invitees"))
        heading = layout.itemAt(0).widget()
        layout.removeWidget(heading)
        row = QHBoxLayout()
        row.addWidget(heading, 1)
        row.addWidget(self.invite_all_button)
        row.addWidget(self.invite_none_button)
        layout.insertLayout(0, row)
        self.invitees_count.setWordWrap(True)
        layout.addWidget(self.invitees_count)
        layout.addWidget(self.invitees_list, 1)

    def _build_agenda(self) -> None:
        self.agenda_model = AgendaModel(self.controller, self)
        self.agenda_model.edit_rejected.connect(self._on_agenda_model_edit_rejected)
        self.agenda_table = table = QTableView()
        table.setModel(self.agenda_model)
        table.setAccessibleName(self.tr("Agenda"))
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDropIndicatorShown(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        table.setDefaultDropAction(Qt.DropAction.MoveAction)
        table.setDragDropOverwriteMode(False)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)  # long titles take two lines rather than being cut
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setMinimumSectionSize(34)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            # Narrow enough that the stretching Title keeps a readable width on a laptop.
            (COL_NUMBER, 32),
            (COL_OWNER, 115),
            (COL_KIND, 135),
            (COL_MINUTES, 68),
            (COL_PERSONA, 100),
        ):
            table.setColumnWidth(column, width)
        self._owner_delegate = ChoiceDelegate(self._owner_choices, table)
        self._kind_delegate = ChoiceDelegate(
            lambda: [(core_label(kind), kind.value) for kind in ItemKind], table
        )
        self._minutes_delegate = MinutesDelegate(table)
        self._title_delegate = TitleDelegate(table)
        self._padded_delegate = PaddedDelegate(table)
        table.setItemDelegate(self._padded_delegate)
        table.setItemDelegateForColumn(COL_TITLE, self._title_delegate)
        table.setItemDelegateForColumn(COL_OWNER, self._owner_delegate)
        table.setItemDelegateForColumn(COL_KIND, self._kind_delegate)
        table.setItemDelegateForColumn(COL_MINUTES, self._minutes_delegate)
        self._persona_delegate = ChoiceDelegate(self._persona_choices, table)
        table.setItemDelegateForColumn(COL_PERSONA, self._persona_delegate)
        table.selectionModel().selectionChanged.connect(lambda *_: self._update_agenda_buttons())

        def action(text: str, key: QKeySequence | str, slot: Callable[[], None]) -> QAction:
            act = QAction(text, table)
            act.setShortcut(QKeySequence(key))
            act.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            act.triggered.connect(slot)
            table.addAction(act)
            return act

        self.move_up_action = action(self.tr("Move up"), "Ctrl+Up", lambda: self.move_selected(-1))
        self.move_down_action = action(
            self.tr("Move down"), "Ctrl+Down", lambda: self.move_selected(+1)
        )
        self.remove_action = action(
            self.tr("Remove"), QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected
        )
        self.move_up_button = QPushButton(self.tr("Move up"))
        self.move_up_button.setToolTip(self.tr("Move the selected item up (Ctrl+Up)"))
        self.move_up_button.clicked.connect(self.move_up_action.trigger)
        self.move_down_button = QPushButton(self.tr("Move down"))
        self.move_down_button.setToolTip(self.tr("Move the selected item down (Ctrl+Down)"))
        self.move_down_button.clicked.connect(self.move_down_action.trigger)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected item (Delete)"))
        self.remove_button.clicked.connect(self.remove_action.trigger)

        self.add_title_edit = QLineEdit()
        self.add_title_edit.setPlaceholderText(self.tr("New agenda item — type it and press Enter"))
        self.add_title_edit.setAccessibleName(self.tr("New agenda item"))
        limit_line(self.add_title_edit, "agenda_item.title")
        self.add_title_edit.returnPressed.connect(self.add_item)
        self.add_minutes_spin = minutes_spin(1, 480, 5)
        self.add_minutes_spin.setValue(10)
        self.add_minutes_spin.setAccessibleName(self.tr("Minutes for the new item"))
        self.add_button = QPushButton(self.tr("Add item"))
        self.add_button.clicked.connect(self.add_item)

        self.agenda_error = FieldError()
        self.empty_agenda_hint = _hint(
            self.tr("The agenda is empty. Type an item below, or add a template's items.")
        )
        self.budget_label = plain_label(object_name="BudgetLine")
        font = self.budget_label.font()
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.1)
        self.budget_label.setFont(font)
        self.budget_label.setProperty("overrun", False)
        self.parked_label = _hint("")
        self.parked_label.hide()

        self.templates_model = TemplatesModel(self)
        self.template_combo = QComboBox()
        self.template_combo.setModel(self.templates_model)
        self.template_combo.setAccessibleName(self.tr("Agenda template"))
        self.template_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.template_combo.setMinimumContentsLength(24)
        self.apply_template_button = QPushButton(self.tr("Add to agenda"))
        self.apply_template_button.setToolTip(self.tr("Append the template's items to this agenda"))
        self.apply_template_button.clicked.connect(self._on_apply_template_clicked)
        self.save_template_button = QPushButton(self.tr("Save agenda as template…"))
        self.save_template_button.clicked.connect(self._on_save_template_clicked)
        self.template_note = plain_label()

        self.agenda_card, layout = _card(self.tr("Agenda"))
        layout.addWidget(
            _hint(
                self.tr(
                    "Double-click a cell to edit it. Drag rows, or use Ctrl+↑ / Ctrl+↓, to "
                    "change the order. ↪ marks an item carried over from an earlier meeting."
                )
            )
        )
        layout.addWidget(self.empty_agenda_hint)
        layout.addWidget(table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.move_up_button)
        buttons.addWidget(self.move_down_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_template_button)
        layout.addLayout(buttons)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_title_edit, 1)
        add_row.addWidget(self.add_minutes_spin)
        add_row.addWidget(self.add_button)
        layout.addLayout(add_row)
        layout.addWidget(self.agenda_error)
        layout.addWidget(self.budget_label)
        layout.addWidget(self.parked_label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        templates_row = QHBoxLayout()
        templates_row.addWidget(plain_label(self.tr("Template:")))
        templates_row.addWidget(self.template_combo, 1)
        templates_row.addWidget(self.apply_template_button)
        layout.addLayout(templates_row)
        layout.addWidget(self.template_note)

    # ==== loading =========================================================================
    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    def load(self, meeting_id: int | None) -> None:
        """Show another meeting: everything is replaced (pending edits were saved first)."""
        self._finish_agenda_edit()
        for saver in self.savers.values():
            saver.cancel()
        self._meeting_id = meeting_id
        self._shown.clear()
        self._clear_errors()
        self.agenda_error.clear_error()
        self.template_note.clear()
        self.proposals_panel.set_meeting(meeting_id)
        if meeting_id is None:
            self._meeting = None
            self.agenda_model.set_items(None, [])
            self.invitees_model.set_members([], [])
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.refresh(force=True)

    def refresh(self, *, force: bool = False) -> None:
        if self._meeting_id is None:
            return
        try:
            meeting = self.controller.services.meetings.get_meeting(self._meeting_id)
        except NotFoundError:
            self.load(None)
            return
        self._members = self.controller.services.people.list_members(include_inactive=True)
        self._load_meeting(meeting, force=force)
        self._load_invitees()
        self._load_agenda()
        self._load_templates()

    def _can_load(self, key: str, widget: QWidget) -> bool:
        """False while the user is working in the field: focused, unsaved or rejected."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
            return False
        saver = self.savers.get(key)
        if saver is not None and saver.pending:
            return False
        return not self.errors[key].isVisibleTo(self)

    def _load_meeting(self, meeting: MeetingRecord, *, force: bool = False) -> None:
        self._meeting = meeting

        def can(key: str) -> bool:
            return force or self._can_load(key, self.fields[key])

        def shown(key: str, stored: str) -> str:  # typed but not stored yet: that stays
            return self.controller.shown_text("meeting", meeting.id, key, stored)

        for key, widget, value in (
            ("title", self.title_edit, shown("title", meeting.title)),
            ("place", self.place_edit, shown("place", meeting.place)),
        ):
            assert isinstance(widget, QLineEdit)
            if not can(key):
                continue
            self._shown.load(meeting, key)
            if widget.text() != value:
                with self.savers[key].suspend():
                    widget.setText(value)
                    widget.setCursorPosition(0)
        for key, plain, value in (
            ("topic", self.topic_edit, shown("topic", meeting.topic)),
            ("end_goal", self.end_goal_edit, shown("end_goal", meeting.end_goal)),
        ):
            if not can(key):
                continue
            self._shown.load(meeting, key)
            if plain.toPlainText() != value:
                with self.savers[key].suspend():
                    plain.setPlainText(value)
        when = QDateTime(meeting.starts_at)
        if can("starts_at"):
            self._shown.load(meeting, "starts_at")
            if self.when_edit.dateTime() != when:
                self.when_edit.blockSignals(True)
                self.when_edit.setDateTime(when)
                self.when_edit.blockSignals(False)
        if can("planned_minutes"):
            self._shown.load(meeting, "planned_minutes")
            if self.length_spin.value() != meeting.planned_minutes:
                self.length_spin.blockSignals(True)
                self.length_spin.setValue(meeting.planned_minutes)
                self.length_spin.blockSignals(False)
        self._fill_member_combo(self.facilitator_combo, meeting.facilitator_id)
        self._fill_member_combo(self.note_taker_combo, meeting.note_taker_id)
        self._shown.load(meeting, "facilitator_id", "note_taker_id")
        self.start_button.setText(
            {
                MeetingStatus.PLANNED: self.tr("Start the meeting →"),
                MeetingStatus.RUNNING: self.tr("Continue the meeting →"),
                MeetingStatus.CLOSED: self.tr("Open the meeting →"),
            }[meeting.status]
        )

    def _fill_member_combo(self, combo: QComboBox, selected: int | None) -> None:
        choices: list[tuple[str, int]] = [
            (m.name, m.id) for m in self._members if m.active or m.id == selected
        ]
        current = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
        wanted = [(NOBODY, 0), *choices]
        combo.blockSignals(True)
        if current != wanted:
            combo.clear()
            for label, value in wanted:
                combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(selected or 0)))
        combo.blockSignals(False)

    def _load_invitees(self) -> None:
        if self._meeting_id is None:
            return
        participants = self.controller.services.meetings.participants(self._meeting_id)
        invited = {p.member_id for p in participants}
        rows = [m for m in self._members if m.active or m.id in invited]
        self.invitees_model.set_members(rows, invited)
        self.invitees_count.setText(self.invitees_model.summary())

    def _load_agenda(self) -> None:
        if self._meeting_id is None:
            return
        items = self.controller.services.agenda.items(self._meeting_id)
        self.agenda_model.set_items(self._meeting_id, items)
        self.empty_agenda_hint.setVisible(self.agenda_model.rowCount() == 0)
        parked = [i.title for i in items if i.parked]
        if parked:
            self.parked_label.setText(
                self.tr("Parked for the next meeting: {titles}").format(titles="; ".join(parked))
            )
        self.parked_label.setVisible(bool(parked))
        budget = self.controller.services.agenda.budget(self._meeting_id)
        self.budget_label.setText(self._budget_text(budget))
        if bool(self.budget_label.property("overrun")) != budget.is_overrun:
            self.budget_label.setProperty("overrun", budget.is_overrun)
            self.budget_label.setObjectName("FieldError" if budget.is_overrun else "BudgetLine")
            _repolish(self.budget_label)
        self.budget_label.setToolTip(
            self.tr("Shorten or remove items, or plan a longer meeting.")
            if budget.is_overrun
            else self.tr("Sum of the time boxes against the planned length.")
        )
        self._update_agenda_buttons()

    def _budget_text(self, budget: AgendaBudget) -> str:
        """AgendaBudget.describe() in the chosen language."""
        base = self.tr("Agenda {boxed} min of {planned} min planned").format(
            boxed=budget.boxed_minutes, planned=budget.planned_minutes
        )
        if budget.is_overrun:
            rest = self.tr("{minutes} min over").format(minutes=budget.overrun_minutes)
        elif budget.spare_minutes:
            rest = self.tr("{minutes} min spare").format(minutes=budget.spare_minutes)
        else:
            rest = self.tr("exactly on time")
        return f"{base} — {rest}"

    def _load_templates(self) -> None:
        current = self.template_combo.currentData(RECORD_ROLE)
        self.templates_model.set_rows(self.controller.services.agenda.templates())
        if current is not None:
            row = self.templates_model.row_of(lambda t: t.id == current.id)
            self.template_combo.setCurrentIndex(max(0, row))

    def _persona_choices(self) -> list[tuple[str, object]]:
        personas = self.controller.services.personas.list_personas()
        return [(self.tr("(none)"), 0), *((p.name, p.id) for p in personas)]

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == "personas":
            self._refresh_personas()

    def _refresh_personas(self) -> None:
        personas = self.controller.services.personas.list_personas(include_archived=True)
        self.agenda_model.set_personas({p.id: p.name for p in personas})

    def _owner_choices(self) -> list[tuple[str, object]]:
        return [(NOBODY, 0), *((m.name, m.id) for m in self._members if m.active)]

    # ==== saving the details ================================================================
    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_error()
        self.details_error.clear_error()

    def _show_error(self, exc: ValidationError) -> None:
        # No focus change: the user may be typing somewhere else when an autosave fails.
        self.errors.get(exc.field, self.details_error).show_error(exc.message)

    def _update(self, key: str, **fields: object) -> bool:
        if self._meeting_id is None:
            return False
        self.errors[key].clear_error()
        try:
            saved = self.controller.update_meeting(
                meeting_id=self._meeting_id, seen=self._shown.seen(*fields), **fields
            )
            self._shown.load(saved, *fields)  # the field now stands on what is stored
        except ValidationError as exc:
            self._show_error(exc)
            return False
        except NotFoundError:
            return False
        return True

    def _save_text(self, key: str) -> None:
        widget = self.fields[key]
        text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()  # type: ignore[attr-defined]
        self._update(key, **{key: text})

    def _on_when_edit_changed(self, value: QDateTime) -> None:
        self._update("starts_at", starts_at=value.toPython())

    def _on_length_spin_changed(self, value: int) -> None:
        self._update("planned_minutes", planned_minutes=value)

    def _save_choice(self, key: str, combo: QComboBox) -> None:
        member_id = combo.currentData()
        self._update(key, **{key: int(member_id) if member_id else None})

    # ==== invitees ============================================================================
    def _on_invitees_model_edited(self, member_ids: list[int]) -> None:
        if self._meeting_id is None:
            return
        wanted = set(member_ids)
        participants = self.controller.services.meetings.participants(self._meeting_id)
        owned = Counter(
            a.owner_id
            for a in self.controller.services.actions.actions_for_meeting(self._meeting_id)
        )
        lines = [
            line
            for p in participants
            if p.member_id not in wanted and (line := _recorded_for(p, owned[p.member_id]))
        ]
        if lines and not ask_yes_no(
            self,
            self.tr("Remove from this meeting?"),
            self.tr(
                "Already recorded in this meeting:\n{lines}\n\nRemoving deletes their "
                "attendance and commitment. Their actions stay in the meeting, listed under "
                "their name as not present.\n\nRemove?"
            ).format(lines="\n".join(lines)),
        ):
            self._load_invitees()
            return
        self.controller.set_invitees(meeting_id=self._meeting_id, member_ids=member_ids)

    # ==== agenda ==============================================================================
    def _finish_agenda_edit(self) -> None:
        """Commit and close an open cell editor before the rows are replaced."""
        if self.agenda_table.state() == QAbstractItemView.State.EditingState:
            # Moving the current index away commits the editor's value, then closes it.
            self.agenda_table.setCurrentIndex(QModelIndex())

    def selected_row(self) -> int:
        rows = self.agenda_table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _select_row(self, row: int) -> None:
        if 0 <= row < self.agenda_model.rowCount():
            index = self.agenda_model.index(row, COL_TITLE)
            self.agenda_table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.agenda_table.scrollTo(index)

    def _update_agenda_buttons(self) -> None:
        row = self.selected_row()
        count = self.agenda_model.rowCount()
        self.move_up_action.setEnabled(row > 0)
        self.move_down_action.setEnabled(0 <= row < count - 1)
        self.remove_action.setEnabled(row >= 0)
        self.move_up_button.setEnabled(row > 0)
        self.move_down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(row >= 0)
        self.save_template_button.setEnabled(count > 0)

    def move_selected(self, delta: int) -> None:
        row = self.selected_row()
        if row < 0:
            return
        self.agenda_error.clear_error()
        new_row = self.agenda_model.move_row(row, delta)
        self._select_row(new_row)
        self.agenda_table.setFocus()
        self._update_agenda_buttons()

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row < 0 or self._meeting_id is None:
            return
        item = self.agenda_model.record(row)
        if (item.notes.strip() or item.used_seconds) and not ask_yes_no(
            self,
            self.tr("Remove agenda item?"),
            self.tr("“{title}” already has notes or time recorded. Remove it anyway?").format(
                title=item.title
            ),
        ):
            return
        self.agenda_error.clear_error()
        try:
            self.controller.remove_item(meeting_id=self._meeting_id, item_id=item.id)
        except NotFoundError:
            self._load_agenda()
        self._select_row(min(row, self.agenda_model.rowCount() - 1))
        self.agenda_table.setFocus()

    def add_item(self) -> None:
        if self._meeting_id is None:
            return
        self.agenda_error.clear_error()
        try:
            item = self.controller.add_item(
                meeting_id=self._meeting_id,
                title=self.add_title_edit.text(),
                minutes=self.add_minutes_spin.value(),
            )
        except ValidationError as exc:
            show_validation(
                exc,
                {"title": self.add_title_edit, "minutes": self.add_minutes_spin},
                self.agenda_error,
                self,
            )
            return
        self.add_title_edit.clear()
        self.add_title_edit.setFocus()
        self._select_row(self.agenda_model.row_of(lambda r: r.id == item.id))

    def _on_agenda_model_edit_rejected(self, _field: str, message: str) -> None:
        self.agenda_error.show_error(message)

    # ==== templates ===========================================================================
    def _on_apply_template_clicked(self) -> None:
        template = self.template_combo.currentData(RECORD_ROLE)
        if template is None or self._meeting_id is None:
            return
        self.controller.apply_template(meeting_id=self._meeting_id, template_id=template.id)
        count = len(template.items)
        note = (
            self.tr("Added 1 item from “{name}”.")
            if count == 1
            else self.tr("Added {count} items from “{name}”.")
        )
        self.template_note.setText(note.format(count=count, name=template.name))

    def _on_save_template_clicked(self) -> None:
        if self._meeting_id is None:
            return
        suggestion = self._meeting.title if self._meeting else ""
        name, ok = get_text(
            self,
            self.tr("Save agenda as template"),
            self.tr("Name of the new template (its items and time boxes are copied):"),
            suggestion,
        )
        if not ok:
            return
        try:
            template = self.controller.save_as_template(meeting_id=self._meeting_id, name=name)
        except ValidationError as exc:
            warn(self, self.tr("Template not saved"), exc.message)
            return
        row = self.templates_model.row_of(lambda t: t.id == template.id)
        if row >= 0:
            self.template_combo.setCurrentIndex(row)
        self.template_note.setText(
            self.tr("Saved the agenda as template “{name}”.").format(name=template.name)
        )

    # ==== page ================================================================================
    def _on_start_button_clicked(self) -> None:
        """Start (a planned meeting: Running, its clock going) or go back to it."""
        self.controller.flush_pending()
        meeting = self._meeting
        self.controller.navigate("run")  # first: the run page hears the start
        if meeting is not None and meeting.status is MeetingStatus.PLANNED:
            self.controller.start_meeting(meeting.id)

    # ==== controller signals ==================================================================
    def _on_controller_current_meeting_changed(self, meeting_id: int) -> None:
        self.load(meeting_id or None)

    def _on_controller_meeting_changed(self, meeting_id: int) -> None:
        if meeting_id == self._meeting_id:
            try:
                self._load_meeting(self.controller.services.meetings.get_meeting(meeting_id))
            except NotFoundError:
                self.load(None)

    def _on_controller_agenda_changed(self, meeting_id: int) -> None:
        if meeting_id == self._meeting_id:
            self.agenda_error.clear_error()
            self._load_agenda()

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if meeting_id == self._meeting_id:
            self._load_invitees()

    def _on_controller_members_changed(self) -> None:
        self.refresh()
