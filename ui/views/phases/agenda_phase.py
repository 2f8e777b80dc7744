"""3 Agenda: time-boxed items with a visible timer, notes, ideas (who said it) and decisions.

The page keeps one layout for every item kind: the item and its timer across the top; on
the left the agenda, with a toolkit item's panel (KPI review, lead feedback …) in a tab of
its own beside it; on the right the notes, ideas and decisions, always in the same place.

Timers move only when told: Ctrl+T (or Start/Pause) starts and pauses the item on screen,
and the clock follows the item being discussed — moving to another item while a timer
runs moves the timer there. Every start, pause and move is said in a one-line notice with
Undo. Space is never a timer key.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
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
from ui.meeting_clock import ClockSnapshot, MeetingClock, clock_text
from ui.models.decisions_model import DecisionsModel
from ui.models.ideas_model import IdeasModel
from ui.models.record_table_model import plain_tooltip
from ui.models.run_agenda_model import COL_NUMBER, COL_TIME, COL_TITLE, RunAgendaModel
from ui.views.phases import PhasePage, section_label, set_font, set_text, table_view
from ui.views.phases.agenda_parts import ListEditor, NoticeBar, timer_text
from ui.views.toolkit import PANELS
from ui.views.toolkit import load as load_toolkit
from ui.widgets import plain_label

__all__ = ["AgendaPhase", "timer_text"]

_PLAY_ICON = QStyle.StandardPixmap.SP_MediaPlay
_PAUSE_ICON = QStyle.StandardPixmap.SP_MediaPause
TIMER_KEY = "Ctrl+T"
NEXT_ITEM_KEY = "Ctrl+PgDown"
PREVIOUS_ITEM_KEY = "Ctrl+PgUp"
AGENDA_TAB, TOOLKIT_TAB = 0, 1


def shown_keys(keys: str) -> str:
    """A shortcut as the user's system and language write it ("Strg+Bild ab")."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


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
        self._timer_state = ""
        self._shows_pause = False
        self._planned_minutes = 0
        self._panels: dict[int, QWidget] = {}
        self._notes_item_id: int | None = None

        header = self._build_header()
        side = self._build_side()
        discussion = self._build_discussion()

        self.work_split = QSplitter(Qt.Orientation.Horizontal)
        self.work_split.setChildrenCollapsible(False)
        self.work_split.addWidget(side)
        self.work_split.addWidget(discussion)
        self.work_split.setStretchFactor(0, 3)
        self.work_split.setStretchFactor(1, 2)
        self.work_split.setSizes([640, 400])

        self.detail = QWidget()
        detail_layout = QVBoxLayout(self.detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.setSpacing(6)
        detail_layout.addLayout(header)
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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.right_stack, 1)

        self.timer_shortcut = self._shortcut(TIMER_KEY, self.toggle_timer)
        self.next_shortcut = self._shortcut(NEXT_ITEM_KEY, self.next_item)
        self.previous_shortcut = self._shortcut(PREVIOUS_ITEM_KEY, lambda: self.step(-1))
        self._set_tab_order()

        controller.agenda_changed.connect(self._on_controller_agenda_changed)
        controller.item_changed.connect(self._on_controller_item_changed)
        controller.participants_changed.connect(self._on_controller_participants_changed)
        controller.meeting_changed.connect(self._on_controller_meeting_changed)
        clock.ticked.connect(self._on_clock_ticked)

    # ---- building -------------------------------------------------------------------
    def _shortcut(self, keys: str, slot: object) -> QShortcut:
        # The whole window while the agenda is on screen (also from the phase bar's
        # buttons); never while another page or phase is shown.
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(slot)
        return shortcut

    def _build_header(self) -> QVBoxLayout:
        """The item (title, presenter, box), its timer and state, the buttons, the notice."""
        self.title_label = plain_label(object_name="ItemTitle")
        self.title_label.setWordWrap(True)
        set_font(self.title_label, 1.55, bold=True)
        self.meta_label = plain_label(object_name="ItemMeta")
        self.meta_label.setWordWrap(True)
        set_font(self.meta_label, 1.05)
        self.timer_label = plain_label("0:00", object_name="BigTimer")
        self.timer_label.setProperty("state", BoxState.OK.value)
        self.timer_label.setAccessibleName(self.tr("Time left in this item"))
        set_font(self.timer_label, 3.0, bold=True)
        self.timer_state_label = plain_label(object_name="TimerState")
        set_font(self.timer_state_label, 1.1, bold=True)
        self.timer_caption = plain_label(object_name="TimerCaption")
        set_font(self.timer_caption, 1.05)
        self.used_caption = plain_label(object_name="TimerUsed")
        style = self.style()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setIcon(style.standardIcon(_PLAY_ICON))
        self.start_button.setToolTip(
            self.tr("Start or pause this item's timer ({key})").format(key=shown_keys(TIMER_KEY))
        )
        self.start_button.setAccessibleName(self.tr("Start or pause the item timer"))
        self.start_button.clicked.connect(self.toggle_timer)
        self.add_minute_button = QPushButton(self.tr("+1 min"))
        self.add_minute_button.setToolTip(self.tr("Extend this item's time box by one minute"))
        self.add_minute_button.clicked.connect(self._on_add_minute_clicked)
        self.next_button = QPushButton(self.tr("Next item"))
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.next_button.setToolTip(
            self.tr("Go to the next item ({key}); a running timer goes with you").format(
                key=shown_keys(NEXT_ITEM_KEY)
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
            button.setMinimumHeight(36)
            set_font(button, 1.05)
        self.start_button.setMinimumWidth(110)

        item_text = QVBoxLayout()
        item_text.setSpacing(2)
        item_text.addWidget(self.title_label)
        item_text.addWidget(self.meta_label)
        captions = QVBoxLayout()
        captions.setSpacing(0)
        captions.addStretch(1)
        captions.addWidget(self.timer_state_label)
        captions.addWidget(self.timer_caption)
        captions.addWidget(self.used_caption)
        captions.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(item_text, 1)
        top.addSpacing(12)
        top.addWidget(self.timer_label, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addSpacing(10)
        top.addLayout(captions)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.add_minute_button, self.next_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.persona_button)
        buttons.addWidget(self.park_button)

        # What just happened, with Undo; when nothing did, the rule of the timers.
        self.notice = NoticeBar()
        self.timer_hint = plain_label(
            self.tr(
                "The timer follows the item on screen · {timer} starts or pauses it · "
                "{next} next item"
            ).format(timer=shown_keys(TIMER_KEY), next=shown_keys(NEXT_ITEM_KEY)),
            object_name="TimerHint",
        )
        self.timer_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.notice_slot = QStackedWidget()
        self.notice_slot.addWidget(self.timer_hint)
        self.notice_slot.addWidget(self.notice)
        self.notice_slot.setFixedHeight(
            max(self.notice.sizeHint().height(), self.timer_hint.sizeHint().height())
        )
        self.notice.installEventFilter(self)  # shown / hidden: the slot follows

        header = QVBoxLayout()
        header.setSpacing(4)
        header.addLayout(top)
        header.addLayout(buttons)
        header.addWidget(self.notice_slot)
        return header

    def _build_side(self) -> QTabWidget:
        """The agenda, and a toolkit item's panel in a tab of its own."""
        self.model = RunAgendaModel(self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Agenda items"))
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(COL_NUMBER, head.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(COL_TITLE, head.ResizeMode.Stretch)
        head.setSectionResizeMode(COL_TIME, head.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.meeting_line = plain_label(object_name="AgendaMeetingLine")
        self.meeting_line.setWordWrap(True)
        agenda = QWidget()
        agenda_layout = QVBoxLayout(agenda)
        agenda_layout.setContentsMargins(6, 6, 6, 6)
        agenda_layout.addWidget(self.table, 1)
        agenda_layout.addWidget(self.meeting_line)

        # It scrolls rather than stretching the window past a laptop's screen. Only the
        # current panel is in the scroll area (the others wait, hidden, in the store): a
        # tall KPI dashboard never makes the wins board scroll.
        self.toolkit_scroll = QScrollArea()
        self.toolkit_scroll.setObjectName("ToolkitSlot")
        self.toolkit_scroll.setWidgetResizable(True)
        self.toolkit_scroll.setFrameShape(QFrame.Shape.NoFrame)
        # No Tab stop of its own: it scrolls to the panel's control that has the focus.
        self.toolkit_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._panel_store = QWidget(self)
        self._panel_store.hide()

        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("AgendaSideTabs")
        self.side_tabs.setDocumentMode(True)
        self.side_tabs.addTab(agenda, self.tr("Agenda"))
        self.side_tabs.addTab(self.toolkit_scroll, "")
        self.side_tabs.setTabVisible(TOOLKIT_TAB, False)
        return self.side_tabs

    def _build_discussion(self) -> QSplitter:
        """Notes, ideas and decisions: the same place for every item."""
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Notes on this item — saved as you type"))
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        set_font(self.notes_edit, 1.05)
        self.notes_saver = DebouncedSaver(self._save_notes, self)
        self.controller.register_saver(self.notes_saver)
        self.notes_edit.textChanged.connect(self.notes_saver.touch)
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.setSpacing(4)
        notes_layout.addWidget(section_label(self.tr("Notes")))
        notes_layout.addWidget(self.notes_edit, 1)

        self.ideas_model = IdeasModel(self)
        self.ideas = ListEditor(
            self.tr("Ideas"), self.tr("An idea…"), self.tr("Add idea"), "idea.text"
        )
        self.ideas.view.setModel(self.ideas_model)
        self.author_combo = self.ideas.add_author_combo(self.add_idea)
        self.ideas.line.returnPressed.connect(self.add_idea)
        self.ideas.add_button.clicked.connect(self.add_idea)
        self.ideas.remove_button.clicked.connect(self.remove_idea)
        self.ideas.delete_shortcut.activated.connect(self.remove_idea)
        self.ideas.view.selectionModel().selectionChanged.connect(self._update_remove_buttons)

        self.decisions_model = DecisionsModel(self)
        self.decisions = ListEditor(
            self.tr("Decisions"), self.tr("A decision…"), self.tr("Add decision"), "decision.text"
        )
        self.decisions.view.setModel(self.decisions_model)
        self.decisions.line.returnPressed.connect(self.add_decision)
        self.decisions.add_button.clicked.connect(self.add_decision)
        self.decisions.remove_button.clicked.connect(self.remove_decision)
        self.decisions.delete_shortcut.activated.connect(self.remove_decision)
        self.decisions.view.selectionModel().selectionChanged.connect(self._update_remove_buttons)

        self.discussion_split = QSplitter(Qt.Orientation.Vertical)
        self.discussion_split.setChildrenCollapsible(False)
        for part, stretch in ((notes, 2), (self.ideas, 3), (self.decisions, 2)):
            self.discussion_split.addWidget(part)
            self.discussion_split.setStretchFactor(self.discussion_split.count() - 1, stretch)
        return self.discussion_split

    def _set_tab_order(self) -> None:
        """Reading order: the item's buttons, the agenda (or the panel), then notes, ideas
        and decisions."""
        chain = [
            *self._item_buttons,
            self.side_tabs,
            self.notes_edit,
            self.ideas.remove_button,
            self.ideas.view,
            self.ideas.line,
            self.author_combo,
            self.ideas.add_button,
            self.decisions.remove_button,
            self.decisions.view,
            self.decisions.line,
            self.decisions.add_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.notice:
            self.notice_slot.setCurrentWidget(
                self.notice if not self.notice.isHidden() else self.timer_hint
            )
        return False

    def first_field(self) -> QWidget:
        return self.notes_edit

    # ---- loading ------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self.notes_saver.flush()
            self._current_id = None
            self._notes_item_id = None
            self._saved_seconds.clear()
            self.notice.dismiss()
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
            self._put_away(panel)
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
            self.author_combo.setItemData(  # the whole name (the box may cut it)
                self.author_combo.count() - 1, plain_tooltip(p.name), Qt.ItemDataRole.ToolTipRole
            )
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
        self.select_item(ids[pos])
        return True

    def current_item(self) -> AgendaItemRecord | None:
        return next((i for i in self._items if i.id == self._current_id), None)

    def _item(self, item_id: int | None) -> AgendaItemRecord | None:
        return next((i for i in self._items if i.id == item_id), None)

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
                self.notes_edit.setPlainText(item.notes if item else "")
            self._notes_item_id = item_id
        self._refresh_ideas_and_decisions()
        self._update_toolkit_panel(item)
        self._update_timer()
        self.current_item_changed.emit(item_id or 0)

    # ---- the toolkit's panels and persona cards ------------------------------------
    def toolkit_panel(self) -> QWidget | None:
        """The panel shown for the current item, if it is of a toolkit kind."""
        return self._panels.get(self._current_id) if self._current_id is not None else None

    def _update_toolkit_panel(self, item: AgendaItemRecord | None) -> None:
        """A toolkit item's panel in its tab, shown — unless the agenda list is being used
        (it has the focus: the list stays where the facilitator is working)."""
        if item is None or item.kind not in PANELS or self.meeting_id is None:
            self.side_tabs.setCurrentIndex(AGENDA_TAB)
            self.side_tabs.setTabVisible(TOOLKIT_TAB, False)
        else:
            panel = self._panels.get(item.id)
            if panel is None:
                module, name = PANELS[item.kind]
                panel = load_toolkit(module, name)(
                    self.controller, meeting_id=self.meeting_id, item_id=item.id
                )
                self._panels[item.id] = panel
            if self.toolkit_scroll.widget() is not panel:
                shown = self.toolkit_scroll.widget()
                if shown is not None:
                    self._put_away(shown)
                self.toolkit_scroll.setWidget(panel)
                panel.show()
                self._tab_through(panel)
            self.side_tabs.setTabText(TOOLKIT_TAB, label(item.kind).replace("&", "&&"))
            self.side_tabs.setTabVisible(TOOLKIT_TAB, True)
            if not self.table.hasFocus():
                self.side_tabs.setCurrentIndex(TOOLKIT_TAB)
        self.persona_button.setVisible(item is not None and item.persona_id is not None)

    def _tab_through(self, panel: QWidget) -> None:
        """Tab goes from the tabs through the panel's controls to the notes (reading order:
        the panel is left of the notes), not after the decisions."""
        controls = []
        widget = panel.nextInFocusChain()
        while widget is not panel and widget is not None:
            if panel.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                controls.append(widget)
            widget = widget.nextInFocusChain()
            if len(controls) > 500:
                break
        for first, second in pairwise([self.side_tabs, *controls, self.notes_edit]):
            QWidget.setTabOrder(first, second)

    def _put_away(self, panel: QWidget) -> None:
        """Out of the scroll area (which would delete it) into the hidden store."""
        if self.toolkit_scroll.widget() is panel:
            self.toolkit_scroll.takeWidget()
        panel.setParent(self._panel_store)

    def _drop_panels(self) -> None:
        for panel in self._panels.values():
            self._put_away(panel)
            panel.deleteLater()
        self._panels.clear()
        self.side_tabs.setTabVisible(TOOLKIT_TAB, False)

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
        self.title_label.setToolTip(item.title)
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
                stored = self.controller.services.agenda.get_item(item_id).notes
            except NotFoundError:
                return
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
        """Switch the item on screen. The clock follows the item being discussed: a timer
        running on another item moves to this one (the other's time is stored), and the
        notice says so, with Undo."""
        running = self.clock.running_item
        if running is not None and running != item_id and self._item(item_id) is not None:
            before = self.clock.snapshot()
            self._save_item(self.clock.start_item(item_id))
            self._show_item(item_id)
            self._notify_timer(
                self.tr("Timer moved to “{title}” ({old} paused at {time}).").format(
                    title=self._title(item_id),
                    old=f"“{self._title(running)}”",
                    time=format_minutes_seconds(self.clock.item_elapsed(running)),
                ),
                before,
            )
            return
        self._show_item(item_id)
        if start and self.clock.running_item != item_id:
            self.start_timer()

    def _title(self, item_id: int) -> str:
        item = self._item(item_id)
        return item.title if item is not None else ""

    def start_timer(self) -> None:
        item = self.current_item()
        if item is None or self.clock.running_item == item.id:
            return
        before = self.clock.snapshot()
        self._save_item(self.clock.start_item(item.id))
        if not self._closed:
            self.clock.start_meeting()
        self._update_timer()
        self._notify_timer(self.tr("Timer of “{title}” started.").format(title=item.title), before)

    def pause_timer(self) -> None:
        running = self.clock.running_item
        if running is None:
            return
        before = self.clock.snapshot()
        self._save_item(self.clock.pause_item())
        self._update_timer()
        self._notify_timer(
            self.tr("Timer of “{title}” paused at {time}.").format(
                title=self._title(running),
                time=format_minutes_seconds(self.clock.item_elapsed(running)),
            ),
            before,
        )

    def toggle_timer(self) -> None:
        if self.current_item() is None:
            return
        if self.clock.running_item == self._current_id:
            self.pause_timer()
        else:
            self.start_timer()

    def _notify_timer(self, text: str, before: ClockSnapshot) -> None:
        self.notice.show_notice(text, lambda: self._restore_timers(before))

    def _restore_timers(self, snapshot: ClockSnapshot) -> None:
        """Undo of a timer notice: the timers as they were (and stored so)."""
        for item_id in self.clock.restore(snapshot):
            self._save_item(item_id)
        running = self.clock.running_item
        if running is not None and running != self._current_id:
            self._show_item(running)  # the clock follows the item: back to it
        self._update_timer()

    def next_item(self) -> None:
        if self._current_id is None:
            return
        if not self.step(1):
            self.show_status(self.tr("That was the last agenda item — next: action plans."))

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
        self.model.set_running(self.clock.running_item)
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
            for text_label in (
                self.timer_label,
                self.timer_caption,
                self.used_caption,
                self.timer_state_label,
            ):
                set_text(text_label, "")
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
        set_text(
            self.used_caption,
            self.tr("used {time}").format(time=format_minutes_seconds(reading.elapsed)),
        )
        if running:
            state = self.tr("Running")
        elif reading.elapsed:
            state = self.tr("Paused")
        else:
            state = self.tr("Not started")
        set_text(self.timer_state_label, state)
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
            self.controller.update_item(
                item_id=self._notes_item_id, notes=self.notes_edit.toPlainText()
            )
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
        text = self.tr("“{title}” parked — it will be on the next meeting's agenda.").format(
            title=item.title
        )
        self.notice.show_notice(text, lambda: self.undo_park(item))
        self.show_status(text)

    def undo_park(self, item: AgendaItemRecord) -> None:
        self.controller.park_item(item_id=item.id, parked=False)
        self.select_item(item.id)
        self.show_status(self.tr("“{title}” is back on today's agenda.").format(title=item.title))
