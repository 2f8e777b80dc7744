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

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import MeetingStatus, Phase
from alignmeet.domain.records import AgendaItemRecord
from alignmeet.domain.rules import format_minutes_seconds
from alignmeet.domain.timebox import BoxReading, read_box
from alignmeet.services import NotFoundError
from ui.controller import Controller
from ui.meeting_clock import ClockSnapshot, MeetingClock, clock_text
from ui.models.run_agenda_model import COL_NUMBER, COL_TIME, COL_TITLE, RunAgendaModel
from ui.record_table import set_current_row
from ui.views.phases import PhasePage, set_font, set_text, table_view
from ui.views.phases.agenda_discussion import Discussion
from ui.views.phases.agenda_header import (
    NEXT_ITEM_KEY,
    PREVIOUS_ITEM_KEY,
    TIMER_KEY,
    ItemHeader,
)
from ui.views.phases.agenda_parts import timer_text
from ui.views.phases.toolkit_slot import TOOLKIT_TAB, ToolkitSlot
from ui.widgets import plain_label

__all__ = ["AgendaPhase", "timer_text"]

# The header's and the discussion column's parts, reachable on the page as before.
HEADER_PARTS = (
    "title_label",
    "meta_label",
    "timer_label",
    "timer_state_label",
    "timer_caption",
    "used_caption",
    "start_button",
    "add_minute_button",
    "next_button",
    "persona_button",
    "park_button",
    "notice",
    "timer_hint",
)
DISCUSSION_PARTS = (
    "notes_edit",
    "notes_saver",
    "ideas",
    "ideas_model",
    "author_combo",
    "decisions",
    "decisions_model",
)


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
        self._planned_minutes = 0

        self.header = ItemHeader()
        for name in HEADER_PARTS:  # the header's parts, by their old names
            setattr(self, name, getattr(self.header, name))
        self._item_buttons = self.header.item_buttons
        self.start_button.clicked.connect(self.toggle_timer)
        self.add_minute_button.clicked.connect(self._on_add_minute_clicked)
        self.next_button.clicked.connect(self.next_item)
        self.persona_button.clicked.connect(self.show_persona)
        self.park_button.clicked.connect(self.park_current)
        side = self._build_side()
        self.discussion = Discussion(controller)
        for name in DISCUSSION_PARTS:
            setattr(self, name, getattr(self.discussion, name))
        discussion = self.discussion_split = self.discussion
        self.toolkit = ToolkitSlot(
            controller, side, self.table, self.toolkit_scroll, self._panel_store, self.notes_edit
        )

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
        detail_layout.addWidget(self.header)
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
        self.meeting_line = plain_label(object_name="AgendaMeetingLine", wrap=True)
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

    def _set_tab_order(self) -> None:
        """Reading order: the item's buttons, the agenda (or the panel), then notes, ideas
        and decisions."""
        chain = [*self._item_buttons, self.side_tabs, *self.discussion.tab_chain()]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def first_field(self) -> QWidget:
        return self.notes_edit

    # ---- loading ------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self.discussion.forget_item()
            self._current_id = None
            self._saved_seconds.clear()
            self.notice.dismiss()
            self.model.clear_used()
            self.toolkit.drop_all()
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
        self.toolkit.drop(item_id)

    def _refresh_authors(self) -> None:
        participants = (
            self.controller.services.meetings.participants(self.meeting_id)
            if self.meeting_id is not None
            else []
        )
        self.discussion.set_people(participants)

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
        self._current_id = item_id
        self.model.set_current(item_id)
        item = self.current_item()
        if item is not None:
            row = self.model.row_of(lambda i: i.id == item_id)
            index = self.model.index(row, COL_TITLE)
            if self.table.currentIndex().row() != row:
                self.table.selectionModel().blockSignals(True)
                set_current_row(self.table.selectionModel(), index)
                self.table.selectionModel().blockSignals(False)
                self.table.viewport().update()
        persona = self._persona_name(item.persona_id) if item and item.persona_id else ""
        self.header.show_item(item, persona)
        self.discussion.show_item(item_id, item)
        self._update_toolkit_panel(item)
        self._update_timer()
        self.current_item_changed.emit(item_id or 0)

    # ---- the toolkit's panels and persona cards ------------------------------------
    def toolkit_panel(self) -> QWidget | None:
        """The panel shown for the current item, if it is of a toolkit kind."""
        return self.toolkit.panel(self._current_id)

    def _update_toolkit_panel(self, item: AgendaItemRecord | None) -> None:
        self.toolkit.show_for(item, self.meeting_id)

    def show_persona(self) -> QWidget | None:
        item = self.current_item()
        if item is None or item.persona_id is None:
            return None
        from ui.views.toolkit.personas_view import show_persona_card

        return show_persona_card(self.controller, item.persona_id, self)

    def _persona_name(self, persona_id: int) -> str:
        try:
            return self.controller.services.personas.get_persona(persona_id).name
        except NotFoundError:
            return ""

    # ---- controller signals -------------------------------------------------
    def _on_controller_agenda_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self._refresh_items()

    def _on_controller_item_changed(self, item_id: int) -> None:
        self.discussion.on_item_changed(item_id)

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
        running = self.clock.running_item
        self.model.set_running(running)
        self.header.show_reading(
            self.reading(), running=running is not None and running == self._current_id
        )

    @property
    def timer_state(self) -> str:
        return str(self.header.timer_label.property("state"))

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

    # ---- ideas and decisions (the discussion column's) -----------------------------------
    def add_idea(self) -> None:
        self.discussion.add_idea()

    def remove_idea(self) -> None:
        self.discussion.remove_idea()

    def add_decision(self) -> None:
        self.discussion.add_decision()

    def remove_decision(self) -> None:
        self.discussion.remove_decision()

    # ---- parking ------------------------------------------------------------
    def park_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if self.clock.running_item == item.id:
            self._save_item(self.clock.pause_item())
        self.discussion.notes_saver.flush()
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
