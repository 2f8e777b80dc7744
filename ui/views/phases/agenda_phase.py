"""3 Agenda: time-boxed items with a visible timer, notes, ideas (who said it) and decisions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import Attendance, ItemKind, MeetingStatus, Phase
from alignmeet.domain.records import AgendaItemRecord
from alignmeet.domain.rules import ValidationError, format_minutes_seconds
from alignmeet.domain.timebox import BoxReading, BoxState, read_box
from alignmeet.services import NotFoundError
from ui.autosave import DebouncedSaver
from ui.controller import Controller
from ui.core_labels import label
from ui.meeting_clock import MeetingClock, clock_text
from ui.models.decisions_model import DecisionsModel
from ui.models.ideas_model import IdeasModel
from ui.models.run_agenda_model import COL_NUMBER, COL_TIME, COL_TITLE, RunAgendaModel
from ui.shown import Shown
from ui.views.phases import PhasePage, section_label, set_font, set_text, table_view
from ui.views.toolkit import PANELS
from ui.views.toolkit import load as load_toolkit
from ui.widgets import FieldError, plain_label

_PLAY_ICON = QStyle.StandardPixmap.SP_MediaPlay
_PAUSE_ICON = QStyle.StandardPixmap.SP_MediaPause


def timer_text(reading: BoxReading) -> str:
    """Remaining time of the box: "7:40", or "−2:10 over" in overtime."""
    remaining = reading.remaining
    if remaining < 0:
        return QCoreApplication.translate("AgendaPhase", "−{time} over").format(
            time=format_minutes_seconds(-remaining)
        )
    return format_minutes_seconds(remaining)


class _ListEditor(QWidget):
    """A list (ideas or decisions) with an add line, an optional author and a remove button."""

    def __init__(
        self, title: str, placeholder: str, add_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.view = QListView()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setAccessibleName(title)
        self.view.setSpacing(2)
        self.view.setAlternatingRowColors(True)
        set_font(self.view, 1.1)
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.line.setAccessibleName(placeholder)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected entry (Delete)"))
        self.remove_button.setEnabled(False)
        self.error = FieldError(self)
        self.author_combo: QComboBox | None = None

        head = QHBoxLayout()
        head.addWidget(section_label(title))
        head.addStretch(1)
        head.addWidget(self.remove_button)
        self.add_row = QHBoxLayout()
        self.add_row.addWidget(self.line, 1)
        self.add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.add_row)
        layout.addWidget(self.error)
        self.delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def add_author_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Who said it"))
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add_row.insertWidget(1, combo)
        self.author_combo = combo
        return combo

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return rows[0].row() if rows else -1


class AgendaPhase(PhasePage):
    phase = Phase.AGENDA
    current_item_changed = Signal(int)  # the item on screen (0: none)

    def __init__(
        self, controller: Controller, clock: MeetingClock, parent: QWidget | None = None
    ) -> None:
        super().__init__(controller, parent)
        self.clock = clock
        self._items: list[AgendaItemRecord] = []
        self._current_id: int | None = None
        self._saved_seconds: dict[int, int] = {}
        self._closed = False
        self._last_parked: AgendaItemRecord | None = None
        self._timer_state = ""
        self._shows_pause = False
        self._planned_minutes = 0

        # ---- left: the agenda ----
        self.model = RunAgendaModel(self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Agenda items"))
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_NUMBER, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, header.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_TIME, header.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.meeting_line = plain_label(object_name="AgendaMeetingLine")
        self.meeting_line.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(section_label(self.tr("Agenda")))
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.meeting_line)

        # ---- right: the current item ----
        self.title_label = plain_label(object_name="ItemTitle")
        self.title_label.setWordWrap(True)
        set_font(self.title_label, 1.7, bold=True)
        self.meta_label = plain_label(object_name="ItemMeta")
        self.meta_label.setWordWrap(True)
        set_font(self.meta_label, 1.1)

        self.timer_label = plain_label("0:00", object_name="BigTimer")
        self.timer_label.setProperty("state", BoxState.OK.value)
        self.timer_label.setAccessibleName(self.tr("Time left in this item"))
        set_font(self.timer_label, 3.6, bold=True)
        self.timer_caption = plain_label(object_name="TimerCaption")
        set_font(self.timer_caption, 1.2)
        self.used_caption = plain_label(object_name="TimerUsed")
        set_font(self.used_caption, 1.1)
        style = self.style()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.start_button.setToolTip(self.tr("Start or pause this item's timer (Space)"))
        self.start_button.setAccessibleName(self.tr("Start or pause the item timer"))
        self.start_button.clicked.connect(self.toggle_timer)
        self.add_minute_button = QPushButton(self.tr("+1 min"))
        self.add_minute_button.setToolTip(self.tr("Extend this item's time box by one minute"))
        self.add_minute_button.clicked.connect(self._on_add_minute_clicked)
        self.next_button = QPushButton(self.tr("Next item"))
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.next_button.setToolTip(
            self.tr(
                "Pause this item and go to the next one (its timer starts if this one was running)"
            )
        )
        self.next_button.clicked.connect(self.next_item)
        self.persona_button = QPushButton(self.tr("Show persona"))
        self.persona_button.setToolTip(
            self.tr("Put the customer persona this item discusses on screen for everyone")
        )
        self.persona_button.clicked.connect(self.show_persona)
        self.persona_button.hide()
        self.park_button = QPushButton(self.tr("Park for next meeting"))
        self.park_button.setToolTip(self.tr("Move this item to the next meeting's agenda"))
        self.park_button.clicked.connect(self.park_current)
        self._item_buttons = (
            self.start_button,
            self.add_minute_button,
            self.next_button,
            self.persona_button,
            self.park_button,
        )
        for button in self._item_buttons:
            button.setMinimumHeight(40)
            set_font(button, 1.1)
        self.start_button.setMinimumWidth(120)

        captions = QVBoxLayout()
        captions.setSpacing(2)
        captions.addStretch(1)
        captions.addWidget(self.timer_caption)
        captions.addWidget(self.used_caption)
        captions.addStretch(1)
        timer_row = QHBoxLayout()
        timer_row.addWidget(self.timer_label)
        timer_row.addSpacing(16)
        timer_row.addLayout(captions)
        timer_row.addStretch(1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.start_button)
        buttons_row.addWidget(self.add_minute_button)
        buttons_row.addWidget(self.next_button)
        buttons_row.addStretch(1)
        buttons_row.addWidget(self.persona_button)
        buttons_row.addWidget(self.park_button)

        self.park_message = plain_label(object_name="ParkMessage")
        self.park_message.setWordWrap(True)
        self.undo_park_button = QPushButton(self.tr("Undo"))
        self.undo_park_button.setToolTip(self.tr("Put the parked item back on today's agenda"))
        self.undo_park_button.clicked.connect(self.undo_park)
        self.park_bar = QWidget()
        park_layout = QHBoxLayout(self.park_bar)
        park_layout.setContentsMargins(0, 0, 0, 0)
        park_layout.addWidget(self.park_message, 1)
        park_layout.addWidget(self.undo_park_button)
        self.park_bar.hide()

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Notes on this item — saved as you type"))
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        set_font(self.notes_edit, 1.1)
        self.notes_saver = DebouncedSaver(self._save_notes, self)
        self._notes_shown = Shown()  # the notes as loaded: what their autosave stands on
        controller.register_saver(self.notes_saver)
        self.notes_edit.textChanged.connect(self.notes_saver.touch)
        self._notes_item_id: int | None = None
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.setSpacing(4)
        notes_layout.addWidget(section_label(self.tr("Notes")))
        notes_layout.addWidget(self.notes_edit, 1)

        self.ideas_model = IdeasModel(self)
        self.ideas = _ListEditor(self.tr("Ideas"), self.tr("An idea…"), self.tr("Add idea"))
        self.ideas.view.setModel(self.ideas_model)
        self.author_combo = self.ideas.add_author_combo()
        self.ideas.line.returnPressed.connect(self.add_idea)
        self.ideas.add_button.clicked.connect(self.add_idea)
        self.ideas.remove_button.clicked.connect(self.remove_idea)
        self.ideas.delete_shortcut.activated.connect(self.remove_idea)
        self.ideas.view.selectionModel().selectionChanged.connect(self._update_remove_buttons)

        self.decisions_model = DecisionsModel(self)
        self.decisions = _ListEditor(
            self.tr("Decisions"), self.tr("A decision…"), self.tr("Add decision")
        )
        self.decisions.view.setModel(self.decisions_model)
        self.decisions.line.returnPressed.connect(self.add_decision)
        self.decisions.add_button.clicked.connect(self.add_decision)
        self.decisions.remove_button.clicked.connect(self.remove_decision)
        self.decisions.delete_shortcut.activated.connect(self.remove_decision)
        self.decisions.view.selectionModel().selectionChanged.connect(self._update_remove_buttons)

        capture = QWidget()
        capture_layout = QHBoxLayout(capture)
        capture_layout.setContentsMargins(0, 0, 0, 0)
        capture_layout.setSpacing(16)
        capture_layout.addWidget(self.ideas, 3)
        capture_layout.addWidget(self.decisions, 2)

        # A toolkit item (KPI review, lead feedback, ...) shows its panel above the notes.
        # It scrolls rather than stretching the window past a laptop's screen.
        self.toolkit_slot = QStackedWidget()
        self.toolkit_slot.setObjectName("ToolkitSlot")
        self.toolkit_scroll = QScrollArea()
        self.toolkit_scroll.setWidgetResizable(True)
        self.toolkit_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.toolkit_scroll.setWidget(self.toolkit_slot)
        self.toolkit_scroll.hide()
        self._panels: dict[int, QWidget] = {}

        self.work_split = QSplitter(Qt.Orientation.Vertical)
        self.work_split.setChildrenCollapsible(False)
        self.work_split.addWidget(self.toolkit_scroll)
        self.work_split.addWidget(notes)
        self.work_split.addWidget(capture)
        self.work_split.setStretchFactor(0, 5)
        self.work_split.setStretchFactor(1, 2)
        self.work_split.setStretchFactor(2, 3)

        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.setSpacing(6)
        detail_layout.addWidget(self.title_label)
        detail_layout.addWidget(self.meta_label)
        detail_layout.addLayout(timer_row)
        detail_layout.addLayout(buttons_row)
        detail_layout.addWidget(self.park_bar)
        detail_layout.addWidget(self.work_split, 1)

        self.empty_label = plain_label(
            self.tr("No agenda items for this meeting. Add them on the Prepare page."),
            object_name="EmptyState",
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        set_font(self.empty_label, 1.4)
        self.right_stack = QStackedWidget()
        self.right_stack.addWidget(self.detail)
        self.right_stack.addWidget(self.empty_label)

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(self.right_stack)
        self.split.setStretchFactor(0, 0)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([330, 730])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.split, 1)

        self.space_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.space_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.space_shortcut.activated.connect(self._on_space_shortcut_activated)

        controller.agenda_changed.connect(self._on_controller_agenda_changed)
        controller.item_changed.connect(self._on_controller_item_changed)
        controller.participants_changed.connect(self._on_controller_participants_changed)
        controller.meeting_changed.connect(self._on_controller_meeting_changed)
        clock.ticked.connect(self._on_clock_ticked)

    # ---- loading ------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self.notes_saver.flush()
            self._current_id = None
            self._notes_item_id = None
            self._saved_seconds.clear()
            self._last_parked = None
            self.park_bar.hide()
            self.model.clear_used()
            self._drop_panels()
        super().set_meeting(meeting_id)

    def refresh(self) -> None:
        self._refresh_meeting()
        self._refresh_items()
        self._refresh_authors()

    def _refresh_meeting(self) -> None:
        if self.meeting_id is None:
            return
        meeting = self.controller.services.meetings.get_meeting(self.meeting_id)
        self._closed = meeting.status is MeetingStatus.CLOSED
        self._planned_minutes = meeting.planned_minutes
        self._update_meeting_line()

    def _refresh_items(self) -> None:
        items = (
            self.controller.services.agenda.items(self.meeting_id, include_parked=False)
            if self.meeting_id is not None
            else []
        )
        old_ids = [i.id for i in self._items]
        old_row = old_ids.index(self._current_id) if self._current_id in old_ids else 0
        self._items = items
        self._forget_unlisted({i.id for i in items})
        for item in items:
            self.clock.ensure_item(item.id, item.used_seconds)
            self._saved_seconds.setdefault(item.id, item.used_seconds)
            self.model.set_used(item.id, self.clock.item_elapsed(item.id))
        self.model.set_rows(items)
        self.right_stack.setCurrentWidget(self.detail if items else self.empty_label)
        ids = [i.id for i in items]
        if self._current_id in ids:
            target = self._current_id
        elif self.clock.running_item in ids:
            target = self.clock.running_item
        elif items:
            target = ids[min(old_row, len(ids) - 1)]
        else:
            target = None
        self._show_item(target)

    def _forget_unlisted(self, listed: set[int]) -> None:
        """Stop and drop the clocks of items that left the agenda (removed or parked).

        A parked item's time is stored first; a removed one has nowhere to go.
        """
        for item_id in self.clock.item_ids():
            if item_id in listed:
                continue
            if self.clock.running_item == item_id:
                self.clock.pause_item()
            self._save_item(item_id)
            self._drop_item(item_id)

    def _drop_item(self, item_id: int) -> None:
        self.clock.forget(item_id)
        self._saved_seconds.pop(item_id, None)
        panel = self._panels.pop(item_id, None)
        if panel is not None:
            self.toolkit_slot.removeWidget(panel)
            panel.deleteLater()

    def _refresh_authors(self) -> None:
        participants = (
            self.controller.services.meetings.participants(self.meeting_id)
            if self.meeting_id is not None
            else []
        )
        present = [p for p in participants if p.attendance is Attendance.PRESENT]
        people = present or participants
        chosen = self.author_combo.currentData()
        self.author_combo.blockSignals(True)
        self.author_combo.clear()
        self.author_combo.addItem(self.tr("— who said it? —"), None)
        for p in people:
            self.author_combo.addItem(p.name, p.member_id)
        index = self.author_combo.findData(chosen) if chosen is not None else 0
        self.author_combo.setCurrentIndex(max(index, 0))
        self.author_combo.blockSignals(False)

    def items(self) -> list[AgendaItemRecord]:
        """Today's agenda in order (parked items are not on it)."""
        return list(self._items)

    def step(self, delta: int) -> bool:
        """Show the item `delta` places on (a running timer moves along, as with "Next
        item"). False at either end of the agenda: nothing changed."""
        ids = [i.id for i in self._items]
        if self._current_id not in ids:
            return False
        pos = ids.index(self._current_id) + delta
        if not 0 <= pos < len(ids):
            return False
        was_running = self.clock.running_item == self._current_id
        self.select_item(ids[pos], start=was_running)
        return True

    def current_item(self) -> AgendaItemRecord | None:
        return next((i for i in self._items if i.id == self._current_id), None)

    def _show_item(self, item_id: int | None) -> None:
        """Make `item_id` the item on screen (selection, header, notes, ideas, decisions)."""
        if item_id != self._notes_item_id:
            self.notes_saver.flush()
        self._current_id = item_id
        self.model.set_current(item_id)
        item = self.current_item()
        if item is not None:
            row = self.model.row_of(lambda i: i.id == item_id)
            index = self.model.index(row, COL_TITLE)
            if self.table.currentIndex().row() != row:
                self.table.selectionModel().blockSignals(True)
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.selectionModel().blockSignals(False)
                self.table.viewport().update()
        self._update_header(item)
        if item_id != self._notes_item_id:
            with self.notes_saver.suspend():
                self.notes_edit.setPlainText(
                    self.controller.shown_text("agenda_item", item.id, "notes", item.notes)
                    if item
                    else ""
                )
            self._notes_item_id = item_id
            self._notes_shown.clear()
            if item is not None:
                self._notes_shown.load(item, "notes")
        self._refresh_ideas_and_decisions()
        self._update_toolkit_panel(item)
        self._update_timer()
        self.current_item_changed.emit(item_id or 0)

    # ---- the toolkit's panels and persona cards ------------------------------------
    def toolkit_panel(self) -> QWidget | None:
        """The panel shown for the current item, if it is of a toolkit kind."""
        return self._panels.get(self._current_id) if self._current_id is not None else None

    def _update_toolkit_panel(self, item: AgendaItemRecord | None) -> None:
        if item is None or item.kind not in PANELS or self.meeting_id is None:
            self.toolkit_scroll.hide()
        else:
            panel = self._panels.get(item.id)
            if panel is None:
                module, name = PANELS[item.kind]
                panel = load_toolkit(module, name)(
                    self.controller, meeting_id=self.meeting_id, item_id=item.id
                )
                self._panels[item.id] = panel
                self.toolkit_slot.addWidget(panel)
            self.toolkit_slot.setCurrentWidget(panel)
            self.toolkit_scroll.show()
        self.persona_button.setVisible(item is not None and item.persona_id is not None)

    def _drop_panels(self) -> None:
        for panel in self._panels.values():
            self.toolkit_slot.removeWidget(panel)
            panel.deleteLater()
        self._panels.clear()
        self.toolkit_scroll.hide()

    def show_persona(self) -> QWidget | None:
        item = self.current_item()
        if item is None or item.persona_id is None:
            return None
        from ui.views.toolkit.personas_view import show_persona_card

        return show_persona_card(self.controller, item.persona_id, self)

    def _update_header(self, item: AgendaItemRecord | None) -> None:
        if item is None:
            self.title_label.setText("")
            self.meta_label.setText("")
            return
        self.title_label.setText(item.title)
        parts = [
            self.tr("Presenter: {name}").format(name=item.owner_name)
            if item.owner_name
            else self.tr("No presenter set")
        ]
        if item.kind is not ItemKind.REGULAR:
            parts.append(label(item.kind))
        if item.extra_minutes:
            parts.append(
                self.tr("{minutes} min box (+{extra} min)").format(
                    minutes=item.minutes, extra=item.extra_minutes
                )
            )
        else:
            parts.append(self.tr("{minutes} min box").format(minutes=item.minutes))
        if item.carried_from:
            parts.append(self.tr("parked in {meeting}").format(meeting=item.carried_from))
        if item.persona_id is not None:
            persona = self._persona_name(item.persona_id)
            if persona:
                parts.append(self.tr("Persona: {name}").format(name=persona))
        self.meta_label.setText(" · ".join(parts))

    def _persona_name(self, persona_id: int) -> str:
        try:
            return self.controller.services.personas.get_persona(persona_id).name
        except NotFoundError:
            return ""

    def _refresh_ideas_and_decisions(self) -> None:
        item_id = self._current_id
        agenda = self.controller.services.agenda
        self.ideas_model.set_rows(agenda.ideas(item_id) if item_id else [])
        self.decisions_model.set_rows(agenda.decisions(item_id) if item_id else [])
        self._update_remove_buttons()

    def _update_remove_buttons(self) -> None:
        self.ideas.remove_button.setEnabled(self.ideas.selected_row() >= 0)
        self.decisions.remove_button.setEnabled(self.decisions.selected_row() >= 0)

    # ---- controller signals -------------------------------------------------
    def _on_controller_agenda_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self._refresh_items()

    def _on_controller_item_changed(self, item_id: int) -> None:
        if item_id == self._current_id:
            self._refresh_ideas_and_decisions()
        if item_id == self._notes_item_id and not self.notes_saver.pending:
            # Changed elsewhere ("Take theirs" in a conflict, undo): show what is stored.
            try:
                item = self.controller.services.agenda.get_item(item_id)
            except NotFoundError:
                return
            self._notes_shown.load(item, "notes")
            # Typed but not stored yet (the database did not take it): that stays.
            stored = self.controller.shown_text("agenda_item", item_id, "notes", item.notes)
            if stored != self.notes_edit.toPlainText():
                with self.notes_saver.suspend():
                    self.notes_edit.setPlainText(stored)

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self._refresh_authors()

    def _on_controller_meeting_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self._refresh_meeting()

    def _on_table_current_row_changed(self, current: object, _previous: object) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            item_id = self.model.record(row).id
            if item_id != self._current_id:
                self.select_item(item_id)

    # ---- timer --------------------------------------------------------------
    def select_item(self, item_id: int, *, start: bool = False) -> None:
        """Switch the item on screen; a running timer of another item pauses (and is saved)."""
        if self.clock.running_item is not None and self.clock.running_item != item_id:
            self._save_item(self.clock.pause_item())
        self._show_item(item_id)
        if start:
            self.start_timer()

    def start_timer(self) -> None:
        item = self.current_item()
        if item is None:
            return
        self._save_item(self.clock.start_item(item.id))
        if not self._closed:
            self.clock.start_meeting()
        self._update_timer()

    def pause_timer(self) -> None:
        self._save_item(self.clock.pause_item())
        self._update_timer()

    def toggle_timer(self) -> None:
        if self.current_item() is None:
            return
        if self.clock.running_item == self._current_id:
            self.pause_timer()
        else:
            self.start_timer()

    def _on_space_shortcut_activated(self) -> None:
        """Space runs the timer, unless the focused widget has its own use for Space."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractButton):
            focus.animateClick()
        elif isinstance(focus, QComboBox):
            focus.showPopup()
        elif isinstance(focus, QLineEdit):
            focus.insert(" ")
        elif isinstance(focus, QPlainTextEdit | QTextEdit):
            focus.insertPlainText(" ")
        else:
            self.toggle_timer()

    def next_item(self) -> None:
        ids = [i.id for i in self._items]
        if self._current_id not in ids:
            return
        pos = ids.index(self._current_id)
        if pos + 1 >= len(ids):
            self.show_status(self.tr("That was the last agenda item — next: action plans."))
            return
        was_running = self.clock.running_item == self._current_id
        self.select_item(ids[pos + 1], start=was_running)

    def _on_add_minute_clicked(self) -> None:
        if self._current_id is not None:
            self.controller.add_minute(self._current_id)

    def reading(self) -> BoxReading | None:
        item = self.current_item()
        if item is None:
            return None
        return read_box(self.clock.item_watch(item.id), item.box_minutes, self.clock.now())

    def _update_timer(self) -> None:
        reading = self.reading()
        running = (
            self.clock.running_item is not None and self.clock.running_item == self._current_id
        )
        if running != self._shows_pause:
            self._shows_pause = running
            self.start_button.setText(self.tr("Pause") if running else self.tr("Start"))
            icon = _PAUSE_ICON if running else _PLAY_ICON
            self.start_button.setIcon(self.style().standardIcon(icon))
        has_item = reading is not None
        if self.start_button.isEnabled() != has_item:
            for button in self._item_buttons:
                button.setEnabled(has_item)
        if reading is None:
            for label in (self.timer_label, self.timer_caption, self.used_caption):
                set_text(label, "")
            self._set_timer_state(BoxState.IDLE)
            return
        set_text(self.timer_label, timer_text(reading))
        box = int(reading.box_seconds // 60)
        set_text(
            self.timer_caption,
            self.tr("over the {minutes} min box").format(minutes=box)
            if reading.remaining < 0
            else self.tr("left of the {minutes} min box").format(minutes=box),
        )
        used = format_minutes_seconds(reading.elapsed)
        if running:
            caption = self.tr("used {time}").format(time=used)
        elif reading.elapsed:
            caption = self.tr("used {time} · paused").format(time=used)
        else:
            caption = self.tr("used {time} · not started").format(time=used)
        set_text(self.used_caption, caption)
        self._set_timer_state(reading.state)

    def _set_timer_state(self, state: BoxState) -> None:
        value = BoxState.OK.value if state is BoxState.IDLE else state.value
        if value == self._timer_state:
            return
        self._timer_state = value
        self.timer_label.setProperty("state", value)
        style = self.timer_label.style()
        style.unpolish(self.timer_label)
        style.polish(self.timer_label)

    @property
    def timer_state(self) -> str:
        return str(self.timer_label.property("state"))

    def _update_meeting_line(self) -> None:
        boxed = sum(i.box_minutes for i in self._items)
        meeting = clock_text(self.clock.meeting_elapsed(), self._planned_minutes)
        set_text(
            self.meeting_line,
            self.tr("Meeting {clock} · agenda {minutes} min boxed").format(
                clock=meeting, minutes=boxed
            ),
        )

    def _on_clock_ticked(self) -> None:
        running = self.clock.running_item
        if running is not None:
            self.model.set_used(running, self.clock.item_elapsed(running))
        self._update_timer()
        self._update_meeting_line()

    # ---- persistence --------------------------------------------------------
    def _save_item(self, item_id: int | None) -> None:
        if item_id is None:
            return
        seconds = int(self.clock.item_elapsed(item_id))
        self.model.set_used(item_id, seconds)
        if self._saved_seconds.get(item_id) != seconds:
            try:
                self.controller.record_item_time(item_id=item_id, used_seconds=seconds)
            except NotFoundError:
                self._drop_item(item_id)  # removed meanwhile (e.g. on the Prepare page)
                return
            self._saved_seconds[item_id] = seconds

    def save_item_times(self) -> None:
        """Every item whose time changed since it was last stored (the running one included)."""
        for item_id in self.clock.item_ids():
            if item_id in self._saved_seconds:
                self._save_item(item_id)

    def _save_notes(self) -> None:
        if self._notes_item_id is None:
            return
        try:
            saved = self.controller.update_item(
                item_id=self._notes_item_id,
                notes=self.notes_edit.toPlainText(),
                seen=self._notes_shown.seen("notes"),
            )
            if saved.id == self._notes_item_id:
                self._notes_shown.load(saved, "notes")
        except ValidationError as exc:
            self.show_status(exc.message)
        except NotFoundError:
            self.show_status(
                self.tr("That agenda item was removed meanwhile; its notes were not kept.")
            )

    # ---- ideas and decisions ------------------------------------------------
    def add_idea(self) -> None:
        if self._current_id is None:
            return
        try:
            self.controller.add_idea(
                item_id=self._current_id,
                text=self.ideas.line.text(),
                author_id=self.author_combo.currentData(),
            )
        except ValidationError as exc:
            self.ideas.error.show_error(exc.message, self.ideas.line)
            return
        self.ideas.error.clear_error()
        self.ideas.line.clear()
        self.author_combo.setCurrentIndex(0)
        self.ideas.view.scrollToBottom()
        self.ideas.line.setFocus()

    def remove_idea(self) -> None:
        row = self.ideas.selected_row()
        if row < 0 or self._current_id is None:
            return
        self.controller.remove_idea(
            item_id=self._current_id, idea_id=self.ideas_model.record(row).id
        )

    def add_decision(self) -> None:
        if self._current_id is None:
            return
        try:
            self.controller.add_decision(item_id=self._current_id, text=self.decisions.line.text())
        except ValidationError as exc:
            self.decisions.error.show_error(exc.message, self.decisions.line)
            return
        self.decisions.error.clear_error()
        self.decisions.line.clear()
        self.decisions.view.scrollToBottom()
        self.decisions.line.setFocus()

    def remove_decision(self) -> None:
        row = self.decisions.selected_row()
        if row < 0 or self._current_id is None:
            return
        self.controller.remove_decision(
            item_id=self._current_id, decision_id=self.decisions_model.record(row).id
        )

    # ---- parking ------------------------------------------------------------
    def park_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if self.clock.running_item == item.id:
            self._save_item(self.clock.pause_item())
        self.notes_saver.flush()
        self.controller.park_item(item_id=item.id, parked=True)
        self._last_parked = item
        text = self.tr("“{title}” parked — it will be on the next meeting's agenda.").format(
            title=item.title
        )
        self.park_message.setText(text)
        self.park_bar.show()
        self.show_status(text)

    def undo_park(self) -> None:
        item = self._last_parked
        if item is None:
            return
        self._last_parked = None
        self.park_bar.hide()
        self.controller.park_item(item_id=item.id, parked=False)
        self.select_item(item.id)
        self.show_status(self.tr("“{title}” is back on today's agenda.").format(title=item.title))
