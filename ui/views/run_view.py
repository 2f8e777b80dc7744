"""Run meeting: a phase bar over six pages that guide the facilitator through the meeting.

The current phase lives in the database (`meeting.phase`); the bar and the
pages follow `controller.phase_changed`, so the phase survives a restart and
every way of moving (buttons, Alt+Left/Alt+Right) goes through the controller.
The timers run here on a monotonic clock (`ui.meeting_clock.MeetingClock`) and
reach the database when paused or switched, every 30 s while running, and in
`save_timers()` (called when the window closes).
"""

from __future__ import annotations

import time
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import MeetingStatus, Phase
from alignmeet.services import NotFoundError
from ui.colors import shade
from ui.controller import Controller
from ui.core_labels import label
from ui.meeting_clock import MeetingClock, MonotonicClock, clock_text
from ui.views.phases import (
    PhasePage,
    format_date,
    phase_hint,
    scaled_font,
    set_font,
    set_text,
)
from ui.views.phases.actions_phase import ActionsPhase
from ui.views.phases.agenda_phase import AgendaPhase
from ui.views.phases.close_phase import ClosePhase
from ui.views.phases.commitments_phase import CommitmentsPhase
from ui.views.phases.open_phase import OpenPhase
from ui.views.phases.review_phase import ReviewPhase
from ui.widgets import fill, plain_label

_PLAY_ICON = QStyle.StandardPixmap.SP_MediaPlay
_PAUSE_ICON = QStyle.StandardPixmap.SP_MediaPause

SAVE_EVERY_SECONDS = 30
BANNER_STYLE = (
    "QLabel#ClosedBanner { background: palette(alternate-base); border: 1px solid palette(mid);"
    " border-radius: 6px; padding: 6px 10px; }"
)


class RunView(QWidget):
    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        clock: MonotonicClock = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RunView")
        self.controller = controller
        self.meeting_clock = MeetingClock(clock, self)
        self._meeting_id: int | None = None
        self._phase = Phase.OPEN
        self._closed = False
        self._planned_minutes = 60
        self._saved_elapsed: int | None = None
        self._last_saved_at = self.meeting_clock.now()
        self._asked: Phase | None = None  # the phase this view is moving the meeting to
        self._elsewhere: Phase | None = None  # moved there by someone else, not followed yet

        bar = self._build_phase_bar()
        hint_row = self._build_hint_row()

        self.closed_banner = plain_label(object_name="ClosedBanner")
        self.closed_banner.setStyleSheet(BANNER_STYLE)
        self.closed_banner.setWordWrap(True)
        self.closed_banner.hide()

        self._build_moved_notice()
        self._build_phase_pages()

        self.meeting_page = QWidget()
        fill(
            QVBoxLayout(self.meeting_page),
            bar,
            hint_row,
            self.closed_banner,
            self.moved_bar,
            (self.stack, 1),
            spacing=8,
        )

        self.empty_label = plain_label(
            self.tr("Choose or create a meeting on the Meetings page first."),
            object_name="EmptyState",
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_font(self.empty_label, 1.4)
        self.outer = QStackedWidget()
        self.outer.addWidget(self.meeting_page)
        self.outer.addWidget(self.empty_label)
        fill(QVBoxLayout(self), self.outer)

        controller.current_meeting_changed.connect(self._on_controller_current_meeting_changed)
        controller.phase_changed.connect(self._on_controller_phase_changed)
        controller.meeting_changed.connect(self._on_controller_meeting_changed)
        controller.meeting_started.connect(self._on_controller_meeting_started)
        self.meeting_clock.ticked.connect(self._on_meeting_clock_ticked)
        self.meeting_clock.running_changed.connect(self._update_clock_button)

        self.set_meeting(controller.current_meeting_id)

    def _build_phase_bar(self) -> QHBoxLayout:
        # ---- phase bar ----
        self.phase_group = QButtonGroup(self)
        self.phase_group.setExclusive(True)
        self.phase_buttons: dict[Phase, QPushButton] = {}
        bar = QHBoxLayout()
        bar.setSpacing(6)
        for phase in Phase:
            button = QPushButton(
                self.tr("{number} {phase}").format(number=phase.number, phase=label(phase))
            )
            button.setCheckable(True)
            button.setProperty("phase", True)
            button.setObjectName(f"PhaseButton_{phase.value}")
            button.setToolTip(phase_hint(phase))
            set_font(button, 1.1)
            # Wide enough for the bold text of the checked state: no clipped label.
            bold = scaled_font(button, 1.0, bold=True)
            button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(button.text()) + 30)
            self.phase_group.addButton(button, phase.number)
            self.phase_buttons[phase] = button
            bar.addWidget(button)
        self.phase_group.idClicked.connect(self._on_phase_group_id_clicked)
        bar.addStretch(1)
        self.clock_label = plain_label(object_name="MeetingClock")
        self.clock_label.setToolTip(self.tr("Meeting time used of the planned length"))
        set_font(self.clock_label, 1.45, bold=True)
        self.clock_button = QToolButton()
        self.clock_button.setAccessibleName(self.tr("Start or pause the meeting clock"))
        self.clock_button.setToolTip(self.tr("Start or pause the meeting clock"))
        self.clock_button.clicked.connect(self.toggle_meeting_clock)
        return bar

    def _build_hint_row(self) -> QHBoxLayout:
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("Next →"))
        self.next_button.clicked.connect(self.go_next)
        # Shortcuts of their own, not the buttons': a button's shortcut animates a click
        # and moves a moment later, after the next key may already have been typed.
        self.back_shortcut = QShortcut(QKeySequence("Alt+Left"), self)
        self.back_shortcut.activated.connect(self.go_back)
        self.next_shortcut = QShortcut(QKeySequence("Alt+Right"), self)
        self.next_shortcut.activated.connect(self.go_next)
        for button in (self.back_button, self.next_button):
            button.setMinimumHeight(34)
            button.setMinimumWidth(110)
        set_font(self.next_button, 1.05, bold=True)
        self.hint_label = plain_label(object_name="PhaseHint", wrap=True)
        self.hint_label.setMinimumWidth(240)  # wraps rather than widening the window
        hint_row = QHBoxLayout()
        hint_row.addWidget(self.back_button)
        hint_row.addSpacing(10)
        hint_row.addWidget(self.hint_label, 1)
        hint_row.addSpacing(10)
        # The meeting clock sits by "Next", not in the phase bar: the six phase names
        # need the bar's whole width in longer languages (German).
        hint_row.addWidget(self.clock_label)
        hint_row.addWidget(self.clock_button)
        hint_row.addSpacing(10)
        hint_row.addWidget(self.next_button)
        return hint_row

    def _build_moved_notice(self) -> None:
        """Another facilitator moved the meeting on while this one was typing: said here,
        with a button to follow, instead of the page changing under their fingers."""
        self.moved_notice = plain_label(object_name="MovedNotice", wrap=True)
        self.moved_go_button = QPushButton()
        self.moved_go_button.clicked.connect(self._on_moved_go_button_clicked)
        self.moved_bar = QWidget()
        self.moved_bar.setObjectName("MovedBar")
        row = QHBoxLayout(self.moved_bar)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.moved_notice, 1)
        row.addWidget(self.moved_go_button)
        self.moved_bar.hide()

    def _build_phase_pages(self) -> None:
        # ---- pages ----
        self.open_phase = OpenPhase(self.controller)
        self.review_phase = ReviewPhase(self.controller)
        self.agenda_phase = AgendaPhase(self.controller, self.meeting_clock)
        self.actions_phase = ActionsPhase(self.controller)
        self.commitments_phase = CommitmentsPhase(self.controller)
        self.close_phase = ClosePhase(self.controller)
        self.pages: dict[Phase, PhasePage] = {
            Phase.OPEN: self.open_phase,
            Phase.REVIEW: self.review_phase,
            Phase.AGENDA: self.agenda_phase,
            Phase.ACTIONS: self.actions_phase,
            Phase.COMMITMENTS: self.commitments_phase,
            Phase.CLOSE: self.close_phase,
        }
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)

    # ---- meeting ------------------------------------------------------------
    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    @property
    def phase(self) -> Phase:
        return self._phase

    def set_meeting(self, meeting_id: int | None) -> None:
        try:
            if self._meeting_id is not None and meeting_id != self._meeting_id:
                self.save_timers()
        finally:  # a failed save must not leave the view half on the old meeting
            self._load_meeting(meeting_id)

    def _load_meeting(self, meeting_id: int | None) -> None:
        self._meeting_id = meeting_id
        meeting = self.controller.services.meetings.get_meeting(meeting_id) if meeting_id else None
        self.meeting_clock.reset(meeting.elapsed_seconds if meeting else 0)
        self._saved_elapsed = meeting.elapsed_seconds if meeting else None
        for page in self.pages.values():
            page.set_meeting(meeting_id)
        self.outer.setCurrentWidget(self.meeting_page if meeting else self.empty_label)
        if meeting is not None:
            self._apply_meeting(
                meeting.phase, meeting.status, meeting.planned_minutes, meeting.closed_at
            )

    def _apply_meeting(
        self,
        phase: Phase,
        status: MeetingStatus,
        planned: int,
        closed_at: datetime | None,
        *,
        follow: bool = False,
    ) -> None:
        self._planned_minutes = planned
        was_closed = self._closed
        self._closed = status is MeetingStatus.CLOSED
        if self._closed and not was_closed:
            self.meeting_clock.pause_all()
            self.save_timers()
        if self._closed and closed_at is not None:
            when = format_date(closed_at, self.tr("ddd dd MMM yyyy, HH:mm"))
            self.closed_banner.setText(
                self.tr(
                    "Closed on {when}. Everything stays editable, and changes keep their history."
                ).format(when=when)
            )
        self.closed_banner.setVisible(self._closed)
        if follow:
            self._follow(phase)
        else:
            self._moved_away(None)
            self._show_phase(phase)
        self._update_clock()
        self._update_clock_button()

    def _on_controller_current_meeting_changed(self, meeting_id: int) -> None:
        self.set_meeting(meeting_id or None)

    def _on_controller_meeting_changed(self, meeting_id: int) -> None:
        if meeting_id == self._meeting_id:
            meeting = self.controller.services.meetings.get_meeting(meeting_id)
            self._apply_meeting(
                meeting.phase,
                meeting.status,
                meeting.planned_minutes,
                meeting.closed_at,
                follow=True,
            )

    def _on_controller_meeting_started(self, meeting_id: int) -> None:
        if meeting_id == self._meeting_id and not self._closed:
            self.meeting_clock.start_meeting()
            self._focus_phase()

    def _on_controller_phase_changed(self, meeting_id: int, phase: str) -> None:
        if meeting_id == self._meeting_id:
            self._follow(Phase(phase))

    def _follow(self, phase: Phase) -> None:
        """The meeting's phase changed: show it — unless someone else moved it while the
        keyboard is in a text box of this page (their move would take the page, and the
        next keys, from under the person typing): then a notice says so and offers to go."""
        if phase is self._phase or phase is self._asked or not self._typing_here():
            self._moved_away(None)
            if phase is not self._phase:
                self._show_phase(phase)
            return
        self._moved_away(phase)

    def _typing_here(self) -> bool:
        focus = QApplication.focusWidget()
        if focus is None or not self.pages[self._phase].isAncestorOf(focus):
            return False
        if isinstance(focus, QLineEdit | QTextEdit | QPlainTextEdit):
            return not focus.isReadOnly()
        return False

    def _moved_away(self, phase: Phase | None) -> None:
        self._elsewhere = phase
        if phase is None:
            self.moved_bar.hide()
            return
        name = self.tr("{number} {phase}").format(number=phase.number, phase=label(phase))
        self.moved_notice.setText(
            self.tr("Someone else moved the meeting to {phase}.").format(phase=name)
        )
        self.moved_go_button.setText(self.tr("Go to {phase}").format(phase=name))
        self.moved_bar.show()

    def _on_moved_go_button_clicked(self) -> None:
        phase = self._elsewhere
        self._moved_away(None)
        if phase is not None:
            self._show_phase(phase)
            self._focus_phase()

    # ---- phases -------------------------------------------------------------
    def _show_phase(self, phase: Phase) -> None:
        self._phase = phase
        button = self.phase_buttons[phase]
        if not button.isChecked():
            button.setChecked(True)
        self.stack.setCurrentWidget(self.pages[phase])
        self.hint_label.setText(phase_hint(phase))
        previous, following = phase.previous(), phase.next()
        self.back_button.setEnabled(previous is not None)
        self.next_button.setEnabled(following is not None)
        self.back_button.setToolTip(
            self.tr("Back to {number} {phase} (Alt+Left)").format(
                number=previous.number, phase=label(previous)
            )
            if previous
            else ""
        )
        self.next_button.setToolTip(
            self.tr("On to {number} {phase} (Alt+Right)").format(
                number=following.number, phase=label(following)
            )
            if following
            else ""
        )

    def go_to(self, phase: Phase) -> None:
        """Move the meeting to `phase` (any phase, any direction)."""
        if self._meeting_id is None:
            return
        if not self._closed:
            self.meeting_clock.start_meeting()
        self._moved_away(None)
        if phase is not self._phase:
            self._asked = phase
            try:
                self.controller.set_phase(meeting_id=self._meeting_id, phase=phase)
            finally:
                self._asked = None
        else:
            self._show_phase(phase)
        self._focus_phase()

    def _focus_phase(self) -> None:
        """The keyboard goes to the phase's first field, unless it is in the page already."""
        page = self.pages[self._phase]
        focus = QApplication.focusWidget()
        if focus is not None and page.isAncestorOf(focus):
            return
        target = page.first_field()
        if target is not None and target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_next(self) -> None:
        following = self._phase.next()
        if following is not None:
            self.go_to(following)

    def go_back(self) -> None:
        previous = self._phase.previous()
        if previous is not None:
            self.go_to(previous)

    def _on_phase_group_id_clicked(self, number: int) -> None:
        self.go_to(list(Phase)[number - 1])

    # ---- meeting clock ------------------------------------------------------
    def toggle_meeting_clock(self) -> None:
        if self._meeting_id is None:
            return
        if self.meeting_clock.meeting_running:
            self.meeting_clock.pause_meeting()
            self.save_timers()
        else:
            self.meeting_clock.start_meeting()

    def _update_clock_button(self) -> None:
        running = self.meeting_clock.meeting_running
        icon = (
            QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay
        )
        self.clock_button.setIcon(self.style().standardIcon(icon))
        self.clock_button.setToolTip(
            self.tr("Pause the meeting clock") if running else self.tr("Start the meeting clock")
        )

    def _update_clock(self) -> None:
        elapsed = self.meeting_clock.meeting_elapsed()
        set_text(self.clock_label, clock_text(elapsed, self._planned_minutes))
        style = f"color: {shade('bad')};" if elapsed > self._planned_minutes * 60 else ""
        if self.clock_label.styleSheet() != style:
            self.clock_label.setStyleSheet(style)

    def _on_meeting_clock_ticked(self) -> None:
        self._update_clock()
        if self.meeting_clock.now() - self._last_saved_at >= SAVE_EVERY_SECONDS:
            self.save_timers()

    def save_timers(self) -> None:
        """Store every timer of the meeting on screen: the items' used time and the meeting's."""
        self._last_saved_at = self.meeting_clock.now()
        if self._meeting_id is None:
            return
        self.agenda_phase.save_item_times()
        elapsed = int(self.meeting_clock.meeting_elapsed())
        if elapsed != self._saved_elapsed:
            try:
                self.controller.record_elapsed(meeting_id=self._meeting_id, seconds=elapsed)
            except NotFoundError:
                return  # the meeting was deleted: nothing left to store
            self._saved_elapsed = elapsed
