"""Presenter mode: an audience window for the room, the controls stay on the laptop.

The audience window shows what the room needs and nothing the facilitator keeps to
themself: the phase, the agenda item and its timer, and during the action-plan and
commitment rounds the actions and commitments as they are made. Item notes, review notes
and closing notes never reach it.

It goes full screen on a second screen when there is one (not the main window's), and is
an ordinary window when there is only one screen. The facilitator moves on with the
keyboard or a presentation clicker (they send Page Down / Page Up): Page Down, Right and
Space go on, Page Up and Left go back, B blanks the audience screen, Esc leaves. While the
facilitator types in a field of the main window only Page Up/Down act, so notes can
still be typed with spaces and arrows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import ActionStatus, Attendance, Phase
from alignmeet.domain.rules import short_date
from alignmeet.domain.timebox import BoxState
from alignmeet.services import NotFoundError
from ui.core_labels import label
from ui.views.phases.agenda_phase import timer_text

if TYPE_CHECKING:
    from ui.views.run_view import RunView

# High contrast for a projector, the same in light and dark desktop themes: the audience
# window is a display, not a part of the desktop.
BACKGROUND = "#0b0f14"
TEXT = "#ffffff"
MUTED = "#b8c4d0"
ACCENT = "#7cc4ff"
WARN = "#ffd54f"
OVERTIME = "#ff6e6e"
DONE = "#8be28b"
MIN_LINES = 4


@dataclass(frozen=True)
class AudienceState:
    """What the audience window shows, computed from the meeting on the laptop."""

    meeting_title: str
    phase: Phase
    title: str  # the big line
    subtitle: str = ""
    timer: str = ""
    timer_state: BoxState = BoxState.IDLE
    lines: tuple[tuple[str, str], ...] = ()  # (text, detail) rows
    footer: str = ""

    @property
    def heading(self) -> str:
        return f"{self.phase.number} · {label(self.phase)}"


def _date(value: date) -> str:
    """ "20 Oct 2026" in English; the translated strftime format elsewhere ("20.10.2026")."""
    fmt = QCoreApplication.translate("Presenter", "%d %b %Y")
    return short_date(value) if fmt == "%d %b %Y" else value.strftime(fmt)


def _count(n: int, one: str, many: str) -> str:
    """`one` (already translated) for 1, else `many` (translated, with {n})."""
    return one if n == 1 else many.format(n=n)


def audience_state(run: RunView) -> AudienceState | None:
    """The audience's view of the meeting on `run` (None when no meeting is open)."""
    meeting_id = run.meeting_id
    if meeting_id is None:
        return None
    services = run.controller.services
    try:
        meeting = services.meetings.get_meeting(meeting_id)
    except NotFoundError:
        return None
    phase = run.phase
    base = {"meeting_title": meeting.title, "phase": phase}
    if phase is Phase.OPEN:
        people = services.meetings.participants(meeting_id)
        present = sum(1 for p in people if p.attendance is Attendance.PRESENT)
        return AudienceState(
            **base,
            title=meeting.topic or meeting.title,
            subtitle=meeting.end_goal,
            footer=QCoreApplication.translate("Presenter", "{present} of {count} present").format(
                present=present, count=len(people)
            ),
        )
    if phase is Phase.REVIEW:
        follow_ups = services.actions.follow_ups(meeting_id)
        done = sum(1 for f in follow_ups if f.reviewed)
        lines = tuple(
            (f"{f.action.owner_name}: {f.action.title}", label(f.action.status)) for f in follow_ups
        )
        return AudienceState(
            **base,
            title=QCoreApplication.translate("Presenter", "Review of follow-ups"),
            subtitle=QCoreApplication.translate("Presenter", "{done} of {count} reviewed").format(
                done=done, count=len(follow_ups)
            )
            if follow_ups
            else QCoreApplication.translate("Presenter", "Nothing open"),
            lines=lines,
        )
    if phase is Phase.AGENDA:
        return _agenda_state(run, base)
    if phase is Phase.ACTIONS:
        actions = services.actions.actions_for_meeting(meeting_id)
        due = QCoreApplication.translate("Presenter", "due {date}")
        lines = tuple(
            (f"{a.owner_name}: {a.title}", due.format(date=_date(a.due)) if a.due else "")
            for a in actions
        )
        return AudienceState(
            **base,
            title=label(Phase.ACTIONS),
            subtitle=_count(
                len(actions),
                QCoreApplication.translate("Presenter", "1 action so far"),
                QCoreApplication.translate("Presenter", "{n} actions so far"),
            ),
            lines=lines,
        )
    if phase is Phase.COMMITMENTS:
        people = [
            p for p in services.meetings.participants(meeting_id) if p.attendance.value == "present"
        ]
        committed = [p for p in people if p.committed_at is not None]
        i_commit = "✓ " + QCoreApplication.translate("Presenter", "I commit")
        confident = QCoreApplication.translate("Presenter", "confidence {confidence}/5")
        lines = tuple(
            (
                p.name,
                f"{i_commit} · {confident.format(confidence=p.confidence)}"
                if p.committed_at is not None and p.confidence
                else i_commit
                if p.committed_at is not None
                else QCoreApplication.translate("Presenter", "not yet"),
            )
            for p in people
        )
        return AudienceState(
            **base,
            title=label(Phase.COMMITMENTS),
            subtitle=QCoreApplication.translate("Presenter", "{done} of {count} committed").format(
                done=len(committed), count=len(people)
            ),
            lines=lines,
        )
    actions = services.actions.actions_for_meeting(meeting_id)
    next_at = meeting.next_meeting_at
    when = QCoreApplication.translate("Presenter", "%A %d %B %Y, %H:%M")
    return AudienceState(
        **base,
        title=QCoreApplication.translate("Presenter", "Thank you"),
        subtitle=_count(
            len(actions),
            QCoreApplication.translate("Presenter", "1 action agreed"),
            QCoreApplication.translate("Presenter", "{n} actions agreed"),
        ),
        footer=(
            QCoreApplication.translate("Presenter", "Next meeting: {when}").format(
                when=next_at.strftime(when)
            )
            if next_at
            else QCoreApplication.translate("Presenter", "Next meeting: to be set")
        ),
    )


def _agenda_state(run: RunView, base: dict[str, Any]) -> AudienceState:
    phase = run.agenda_phase
    items = phase.items()
    item = phase.current_item()
    if item is None:
        return AudienceState(
            **base,
            title=label(Phase.AGENDA),
            subtitle=QCoreApplication.translate("Presenter", "No agenda items"),
        )
    reading = phase.reading()
    position = [i.id for i in items].index(item.id)
    parts = [
        QCoreApplication.translate("Presenter", "Item {number} of {count}").format(
            number=position + 1, count=len(items)
        )
    ]
    if item.owner_name:
        parts.append(item.owner_name)
    if item.kind.value != "regular":
        parts.append(label(item.kind))
    following = items[position + 1].title if position + 1 < len(items) else ""
    return AudienceState(
        **base,
        title=item.title,
        subtitle=" · ".join(parts),
        timer=timer_text(reading) if reading is not None else "",
        timer_state=reading.state if reading is not None else BoxState.IDLE,
        footer=QCoreApplication.translate("Presenter", "Next: {title}").format(title=following)
        if following
        else "",
    )


# ---- the window -----------------------------------------------------------------------
def _label(parent: QWidget, name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user text is never markup
    label.setWordWrap(wrap)
    return label


class AudienceWindow(QWidget):
    """The room's view. Keys pressed here go to the presenter (it has the focus when the
    facilitator clicks it or when it is the only screen)."""

    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("AudienceWindow")
        self.setWindowTitle(self.tr("AlignMeet — audience"))
        self.setAccessibleName(self.tr("Audience screen"))
        self.setStyleSheet(
            f"""
            QWidget#AudienceWindow, QWidget#AudienceContent, QWidget#AudienceBlank {{
                background: {BACKGROUND}; }}
            QLabel {{ color: {TEXT}; background: transparent; }}
            QLabel#AudienceHeading, QLabel#AudienceMeeting, QLabel#AudienceFooter,
            QLabel#AudienceDetail {{ color: {MUTED}; }}
            QLabel#AudienceHeading {{ color: {ACCENT}; }}
            QLabel#AudienceTimer[state="warn"] {{ color: {WARN}; }}
            QLabel#AudienceTimer[state="overtime"] {{ color: {OVERTIME}; }}
            QLabel#AudienceDetail[done="true"] {{ color: {DONE}; }}
            """
        )
        self.state: AudienceState | None = None
        self.content = QWidget(self)
        self.content.setObjectName("AudienceContent")
        self.heading = _label(self.content, "AudienceHeading", wrap=False)
        self.meeting = _label(self.content, "AudienceMeeting")
        self.meeting.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.title = _label(self.content, "AudienceTitle")
        self.subtitle = _label(self.content, "AudienceSubtitle")
        self.timer = _label(self.content, "AudienceTimer", wrap=False)
        self.timer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lines_box = QWidget(self.content)
        self.lines_layout = QVBoxLayout(self.lines_box)
        self.lines_layout.setContentsMargins(0, 0, 0, 0)
        self.footer = _label(self.content, "AudienceFooter")

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.meeting, 1)
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(64, 40, 64, 40)
        layout.setSpacing(18)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.timer)
        layout.addWidget(self.lines_box)
        layout.addStretch(1)
        layout.addWidget(self.footer)

        self.blank = QWidget(self)
        self.blank.setObjectName("AudienceBlank")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.content)
        self.stack.addWidget(self.blank)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.resize(1280, 720)
        self._apply_fonts()

    # ---- state ---------------------------------------------------------------------
    @property
    def blanked(self) -> bool:
        return self.stack.currentWidget() is self.blank

    def set_blank(self, blank: bool) -> None:
        self.stack.setCurrentWidget(self.blank if blank else self.content)

    def show_state(self, state: AudienceState | None) -> None:
        if state == self.state:
            return
        self.state = state
        if state is None:
            self.heading.setText("")
            self.meeting.setText("")
            self.title.setText(self.tr("No meeting is open"))
            for label in (self.subtitle, self.timer, self.footer):
                label.setText("")
                label.setVisible(False)
            self._set_lines(())
            return
        self.heading.setText(state.heading)
        self.meeting.setText(state.meeting_title)
        self.title.setText(state.title)
        for label, text in (
            (self.subtitle, state.subtitle),
            (self.timer, state.timer),
            (self.footer, state.footer),
        ):
            label.setText(text)
            label.setVisible(bool(text))
        if self.timer.property("state") != state.timer_state.value:
            self.timer.setProperty("state", state.timer_state.value)
            self.timer.style().unpolish(self.timer)
            self.timer.style().polish(self.timer)
        self._set_lines(state.lines)

    def _set_lines(self, lines: Sequence[tuple[str, str]]) -> None:
        while self.lines_layout.count():
            item = self.lines_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        shown = list(lines)[-self.max_lines() :]  # the newest rows: what was just said
        hidden = len(lines) - len(shown)
        if hidden:
            more = _label(self.lines_box, "AudienceDetail")
            more.setText(self.tr("… and {count} earlier").format(count=hidden))
            more.setFont(self._body_font)
            self.lines_layout.addWidget(more)
            more.show()
        for text, detail in shown:
            row = QWidget(self.lines_box)
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            main = _label(row, "AudienceLine")
            main.setText(text)
            main.setFont(self._body_font)
            side = _label(row, "AudienceDetail", wrap=False)
            side.setText(detail)
            side.setFont(self._body_font)
            side.setProperty("done", detail.startswith("✓") or detail == label(ActionStatus.DONE))
            row_layout.addWidget(main, 1)
            row_layout.addWidget(side)
            self.lines_layout.addWidget(row)
            row.show()  # now, not on the next turn of the event loop

    # ---- large type ------------------------------------------------------------
    def max_lines(self) -> int:
        """How many rows fit under the title at this size (the newest are shown)."""
        line_px = self.body_point_size() * self.logicalDpiY() / 72 * 1.45
        return max(MIN_LINES, int(self.height() * 0.55 / line_px))

    def body_point_size(self) -> float:
        """Body text: at least 24 pt at 1080p, growing with the window's height."""
        return max(24.0, self.height() / 1080 * 28)

    def _apply_fonts(self) -> None:
        body = self.body_point_size()
        self._body_font = QFont(self.font())
        self._body_font.setPointSizeF(body)

        def sized(label: QLabel, factor: float, *, bold: bool = False) -> None:
            font = QFont(self.font())
            font.setPointSizeF(body * factor)
            font.setBold(bold)
            label.setFont(font)

        sized(self.heading, 0.9, bold=True)
        sized(self.meeting, 0.8)
        sized(self.title, 1.9, bold=True)
        sized(self.subtitle, 1.1)
        sized(self.timer, 4.2, bold=True)
        sized(self.footer, 0.9)
        if self.state is not None:
            lines = self.state.lines
            self._set_lines(lines)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._apply_fonts()

    def closeEvent(self, event: Any) -> None:
        super().closeEvent(event)
        self.closed.emit()


def choose_screen(screens: Sequence[Any], facilitator: Any) -> Any | None:
    """The screen for the audience: the first one that is not the facilitator's, or None
    when there is only one (the audience window is then an ordinary window)."""
    others = [s for s in screens if s is not facilitator]
    return others[0] if others else None


_TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


class PresenterMode(QObject):
    """Presenter mode for one run view: its audience window and the keys that drive it."""

    active_changed = Signal(bool)

    def __init__(self, run: RunView, main_window: QWidget) -> None:
        super().__init__(run)
        self.run = run
        self.main_window = main_window
        self.window: AudienceWindow | None = None
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)
        c = run.controller
        for signal in (
            c.phase_changed,
            c.agenda_changed,
            c.item_changed,
            c.actions_changed,
            c.follow_ups_changed,
            c.participants_changed,
            c.meeting_changed,
            c.current_meeting_changed,
        ):
            signal.connect(self._schedule)
        run.meeting_clock.ticked.connect(self._schedule)
        run.agenda_phase.current_item_changed.connect(self._schedule)

    @property
    def active(self) -> bool:
        return self.window is not None

    # ---- on and off ------------------------------------------------------------
    def start(self) -> AudienceWindow:
        if self.window is None:
            self.window = AudienceWindow()
            self.window.closed.connect(self._on_window_closed)
            QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
            self.active_changed.emit(True)
        self.place()
        self.refresh()
        return self.window

    def stop(self) -> None:
        window, self.window = self.window, None
        if window is None:
            return
        QApplication.instance().removeEventFilter(self)  # type: ignore[union-attr]
        window.closed.disconnect(self._on_window_closed)
        window.close()
        window.deleteLater()
        self.active_changed.emit(False)
        self.main_window.activateWindow()

    def toggle(self) -> None:
        if self.active:
            self.stop()
        else:
            self.start()

    def _on_window_closed(self) -> None:
        if self.window is not None:
            self.stop()

    # ---- screens ----------------------------------------------------------------
    def facilitator_screen(self) -> QScreen | None:
        handle = self.main_window.windowHandle()
        return handle.screen() if handle is not None else QGuiApplication.primaryScreen()

    def place(self, screen: QScreen | None = None) -> None:
        """Full screen on `screen` (default: another screen than the facilitator's), or a
        window beside the main window when there is only one screen."""
        window = self.window
        if window is None:
            return
        if screen is None:
            screen = choose_screen(QGuiApplication.screens(), self.facilitator_screen())
        if screen is None or screen is self.facilitator_screen():
            window.showNormal()
            window.resize(1280, 720)
            window.raise_()
            return
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        window.showFullScreen()

    def swap_screens(self) -> None:
        """Audience and facilitator change screens (the projector was the wrong one)."""
        window = self.window
        if window is None:
            return
        mine = self.facilitator_screen()
        theirs = window.screen()
        if mine is None or theirs is None or mine is theirs:
            return
        handle = self.main_window.windowHandle()
        if handle is not None:
            self.main_window.move(theirs.availableGeometry().topLeft())
        self.place(mine)

    # ---- keys ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self.window is None:
            return False
        assert isinstance(event, QKeyEvent)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False  # Alt+Left and friends keep their meaning
        if not isinstance(watched, QWidget) or watched.window() not in (
            self.window,
            self.main_window,
        ):
            return False  # a dialog has its own keys
        return self.handle_key(event.key(), typing=self._is_typing(watched))

    @staticmethod
    def _is_typing(widget: QWidget) -> bool:
        if isinstance(widget, _TEXT_INPUTS):
            return True
        return isinstance(widget, QAbstractItemView)  # arrows move in tables and lists

    def handle_key(self, key: int, *, typing: bool = False) -> bool:
        """Act on a key; True when it was presenter mode's. While typing in the main
        window only the clicker's Page Up / Page Down act."""
        forward = {Qt.Key.Key_PageDown}
        back = {Qt.Key.Key_PageUp}
        if not typing:
            forward |= {Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_Down}
            back |= {Qt.Key.Key_Left, Qt.Key.Key_Up}
        if key in forward:
            self.forward()
            return True
        if key in back:
            self.back()
            return True
        if typing:
            return False
        if key in (Qt.Key.Key_B, Qt.Key.Key_Period):
            self.toggle_blank()
            return True
        if key == Qt.Key.Key_Escape:
            self.stop()
            return True
        return False

    def toggle_blank(self) -> None:
        if self.window is not None:
            self.window.set_blank(not self.window.blanked)

    def forward(self) -> None:
        """On: the next agenda item during the agenda, else the next phase."""
        run = self.run
        if run.phase is Phase.AGENDA and run.agenda_phase.step(1):
            return
        run.go_next()

    def back(self) -> None:
        run = self.run
        if run.phase is Phase.AGENDA and run.agenda_phase.step(-1):
            return
        run.go_back()

    # ---- content -----------------------------------------------------------------
    def _schedule(self, *_args: object) -> None:
        if self.window is not None and not self._refresh_soon.isActive():
            self._refresh_soon.start()

    def refresh(self) -> None:
        if self.window is not None:
            self.window.show_state(audience_state(self.run))
