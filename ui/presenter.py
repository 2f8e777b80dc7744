"""Presenter mode: an audience window for the room, the controls stay on the laptop.

The audience window shows what the room needs and nothing the facilitator keeps to
themself: the phase, the agenda item and its timer, a toolkit item's content (the KPI
dashboard, the lead-feedback breakdown, the glossary term under decision, the persona
card, the data-needs lists, the wins board), and during the action-plan and commitment
rounds the actions and commitments as they are made and who is still to come. Item
notes, review notes and closing notes never reach it.

It goes full screen on a second screen when there is one (not the main window's), and is
an ordinary window when there is only one screen. The presenter keys work whatever has
the focus, in either window: Page Down / Page Up (a presentation clicker) always; B (or
.) blanks the room's screen, J shows how to join Room Link (while a room is open) and Esc
leaves unless the focus is in a text box, where they are typed — Ctrl+B blanks from
anywhere; → ← and Space move on and back unless the focused control uses them itself
(text boxes, lists, buttons). The facilitator's window shows while the room's screen is
blank. While Room Link is open the Open phase shows its QR code, address and code beside
the topic; "Show how to join" puts them on the whole screen until the next move.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from alignmeet.domain.enums import Attendance, Phase
from alignmeet.domain.records import AgendaItemRecord, MeetingRecord
from alignmeet.domain.rules import short_date
from alignmeet.domain.timebox import BoxState
from alignmeet.services import NotFoundError
from ui.audience_join import JoinInfo, join_info
from ui.audience_window import AudienceWindow
from ui.core_labels import label
from ui.room_content import Block, room_blocks
from ui.views.phases.agenda_phase import timer_text

if TYPE_CHECKING:
    from ui.views.run_view import RunView

__all__ = ["AudienceState", "AudienceWindow", "PresenterMode", "audience_state", "choose_screen"]


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
    blocks: tuple[Block, ...] = ()  # a toolkit item's content (KPIs, lead feedback …)
    join: JoinInfo | None = None  # Room Link is open: how to join it

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


def audience_state(
    run: RunView,
    *,
    blocks_for: Callable[[AgendaItemRecord, QWidget | None], tuple[Block, ...]] | None = None,
) -> AudienceState | None:
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
    if phase is Phase.AGENDA:
        return _agenda_state(run, base, blocks_for)
    state_of = {
        Phase.OPEN: _open_state,
        Phase.REVIEW: _review_state,
        Phase.ACTIONS: _actions_state,
        Phase.COMMITMENTS: _commitments_state,
    }.get(phase, _close_state)
    return state_of(run, meeting, base)


def _open_state(run: RunView, meeting: MeetingRecord, base: dict[str, Any]) -> AudienceState:
    """The topic and end goal; how many are present."""
    services, meeting_id = run.controller.services, meeting.id
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


def _review_state(run: RunView, meeting: MeetingRecord, base: dict[str, Any]) -> AudienceState:
    """Each follow-up with its status; how many are reviewed."""
    services, meeting_id = run.controller.services, meeting.id
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


def _actions_state(run: RunView, meeting: MeetingRecord, base: dict[str, Any]) -> AudienceState:
    """The actions agreed so far, and who has none yet."""
    services, meeting_id = run.controller.services, meeting.id
    actions = services.actions.actions_for_meeting(meeting_id)
    due = QCoreApplication.translate("Presenter", "due {date}")
    lines = tuple(
        (f"{a.owner_name}: {a.title}", due.format(date=_date(a.due)) if a.due else "")
        for a in actions
    )
    with_plan = {a.owner_id for a in actions}
    waiting = [p.name for p in _present(run) if p.member_id not in with_plan]
    return AudienceState(
        **base,
        title=label(Phase.ACTIONS),
        subtitle=_count(
            len(actions),
            QCoreApplication.translate("Presenter", "1 action so far"),
            QCoreApplication.translate("Presenter", "{n} actions so far"),
        ),
        lines=lines,
        footer=_still_to_come(waiting),
    )


def _commitments_state(run: RunView, meeting: MeetingRecord, base: dict[str, Any]) -> AudienceState:
    """Who committed, with what confidence, and who is still to come."""
    people = _present(run)
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
        footer=_still_to_come([p.name for p in people if p.committed_at is None]),
    )


def _close_state(run: RunView, meeting: MeetingRecord, base: dict[str, Any]) -> AudienceState:
    """Thank you: the actions agreed and the next meeting."""
    services, meeting_id = run.controller.services, meeting.id
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


def _present(run: RunView) -> list[Any]:
    meeting_id = run.meeting_id
    if meeting_id is None:
        return []
    people = run.controller.services.meetings.participants(meeting_id)
    return [p for p in people if p.attendance is Attendance.PRESENT]


def _still_to_come(names: list[str]) -> str:
    if not names:
        return ""
    return QCoreApplication.translate("Presenter", "Still to come: {names}").format(
        names=", ".join(names)
    )


def _agenda_state(
    run: RunView,
    base: dict[str, Any],
    blocks_for: Callable[[AgendaItemRecord, QWidget | None], tuple[Block, ...]] | None,
) -> AudienceState:
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
    panel = phase.toolkit_panel()
    blocks = (
        blocks_for(item, panel)
        if blocks_for is not None
        else room_blocks(item, panel, run.controller.services)
    )
    return AudienceState(
        **base,
        title=item.title,
        subtitle=" · ".join(parts),
        timer=timer_text(reading) if reading is not None else "",
        timer_state=reading.state if reading is not None else BoxState.IDLE,
        footer=QCoreApplication.translate("Presenter", "Next: {title}").format(title=following)
        if following
        else "",
        blocks=blocks,
    )


def choose_screen(screens: Sequence[Any], facilitator: Any) -> Any | None:
    """The screen for the audience: the first one that is not the facilitator's, or None
    when there is only one (the audience window is then an ordinary window)."""
    others = [s for s in screens if s is not facilitator]
    return others[0] if others else None


def _is_typing(widget: QWidget) -> bool:
    """A text box that takes the letters (B is typed there, not blanking)."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox):
        return True
    return isinstance(widget, QComboBox) and widget.isEditable()


def _uses_arrows(widget: QWidget) -> bool:
    """A control with its own use for → ← ↑ ↓ and Space (lists, buttons, sliders …)."""
    return isinstance(
        widget, QAbstractItemView | QComboBox | QAbstractSlider | QTabBar | QAbstractButton
    )


WINDOW_SIZE = (1280, 720)  # the audience window when it shares the facilitator's screen
BLOCKS_EVERY_TICKS = 4  # the toolkit content is read again once a second while clocks tick


class PresenterMode(QObject):
    """Presenter mode for one run view: its audience window and the keys that drive it."""

    active_changed = Signal(bool)
    blanked_changed = Signal(bool)
    join_shown_changed = Signal(bool)  # "Show how to join" on the room's screen, or not

    def __init__(self, run: RunView, main_window: QWidget) -> None:
        super().__init__(run)
        self.run = run
        self.main_window = main_window
        self.window: AudienceWindow | None = None
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(0)
        self._refresh_soon.timeout.connect(self.refresh)
        self._ticks = 0
        self._cached_blocks: tuple[int, tuple[Block, ...]] | None = None
        self.join_wanted = False
        self.meeting_id: int | None = None  # the meeting on the room's screen
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
            c.toolkit_changed,
        ):
            signal.connect(self._schedule_content)
        run.meeting_clock.ticked.connect(self._on_meeting_clock_ticked)
        run.agenda_phase.current_item_changed.connect(self._schedule_content)

    @property
    def active(self) -> bool:
        return self.window is not None

    @property
    def blanked(self) -> bool:
        return self.window is not None and self.window.blanked

    @property
    def join_shown(self) -> bool:
        return self.window is not None and self.window.join_shown

    # ---- on and off ------------------------------------------------------------
    def start(self) -> AudienceWindow:
        if self.window is None:
            self.meeting_id = self.run.meeting_id
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
        was_blank = window.blanked
        window.close()
        window.deleteLater()
        if was_blank:
            self.blanked_changed.emit(False)
        self.set_join_screen(False)
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

    def place(self, screen: QScreen | None = None, *, swapping: bool = False) -> None:
        """Full screen on `screen` (default: another screen than the facilitator's), or a
        window beside the main window when there is only one screen."""
        window = self.window
        if window is None:
            return
        if screen is None:
            screen = choose_screen(QGuiApplication.screens(), self.facilitator_screen())
        if screen is None or (screen is self.facilitator_screen() and not swapping):
            window.showNormal()
            self._fit_window(window, screen or self.facilitator_screen())
            window.raise_()
            return
        if window.isFullScreen():
            window.showNormal()  # full screen elsewhere: leave it before moving
        window.setScreen(screen)
        window.setGeometry(screen.geometry())
        window.showFullScreen()

    @staticmethod
    def _fit_window(window: QWidget, screen: QScreen | None) -> None:
        """1280×720, or less on a smaller screen: the whole window (frame included) stays on
        the screen, so nothing of the room's view — its timer at the right — is cut off."""
        if screen is None:
            window.resize(*WINDOW_SIZE)
            return
        room = screen.availableGeometry()
        frame = window.frameGeometry().size() - window.geometry().size()
        width = min(WINDOW_SIZE[0], room.width() - frame.width())
        height = min(WINDOW_SIZE[1], room.height() - frame.height())
        window.resize(width, height)
        left = min(
            max(window.frameGeometry().left(), room.left()),
            room.right() + 1 - width - frame.width(),
        )
        top = min(
            max(window.frameGeometry().top(), room.top()),
            room.bottom() + 1 - height - frame.height(),
        )
        window.move(left, top)

    def swap_screens(self) -> None:
        """Audience and facilitator change screens (the projector was the wrong one)."""
        window = self.window
        if window is None:
            return
        mine = self.facilitator_screen()
        theirs = window.screen()
        if mine is None or theirs is None or mine is theirs:
            return
        # (The window system moves the main window in its own time: its screen may still
        # read as the old one just after, hence `swapping`.)
        self.main_window.move(theirs.availableGeometry().topLeft())
        self.place(mine, swapping=True)

    # ---- keys ------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or self.window is None:
            return False
        assert isinstance(event, QKeyEvent)
        if not isinstance(watched, QWidget):
            return False
        window = watched.window()
        if window not in (self.window, self.main_window):
            return False  # a dialog has its own keys
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers == Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_B:
            self.toggle_blank()  # from anywhere, text boxes included
            return True
        if modifiers:
            return False  # Alt+Left and friends keep their meaning
        focus = window.focusWidget() or watched
        return self.handle_key(
            event.key(), typing=_is_typing(focus), own_arrows=_uses_arrows(focus)
        )

    def handle_key(self, key: int, *, typing: bool = False, own_arrows: bool = False) -> bool:
        """Act on a key; True when it was presenter mode's. The clicker's Page Down /
        Page Up act always; B, . and Esc unless a text box takes them (`typing`); the
        arrows and Space unless the focused control uses them (`own_arrows`)."""
        forward = {Qt.Key.Key_PageDown}
        back = {Qt.Key.Key_PageUp}
        if not typing and not own_arrows:
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
        if key == Qt.Key.Key_J and self.room_join() is not None:
            self.set_join_screen(not self.join_wanted)
            return True
        if key == Qt.Key.Key_Escape:
            self.stop()
            return True
        return False

    def toggle_blank(self) -> None:
        self.set_blank(not self.blanked)

    def set_blank(self, blank: bool) -> None:
        if self.window is None or self.window.blanked == blank:
            return
        self.window.set_blank(blank)
        self.blanked_changed.emit(blank)

    # ---- how to join (Room Link) ---------------------------------------------------
    def room_join(self) -> JoinInfo | None:
        """How to join the room the main window has open (None: no room open)."""
        room_link = getattr(self.main_window, "room_link", None)
        return join_info(room_link.bridge.room) if room_link is not None else None

    def set_join_screen(self, shown: bool) -> None:
        """The room's screen shows how to join (while a room is open), or the meeting."""
        shown = shown and self.window is not None and self.room_join() is not None
        changed = shown != self.join_wanted
        self.join_wanted = shown
        if self.window is not None:
            self.refresh()
            self.window.set_join_screen(shown)
        if changed:
            self.join_shown_changed.emit(shown)

    def room_changed(self) -> None:
        """A room opened or closed, or its code changed: the room's screen follows (a
        phone joining changes nothing there: no redraw)."""
        join = self.room_join()
        if self.join_wanted and join is None:
            self.set_join_screen(False)  # the room closed: the join screen goes with it
        shown = self.window.state if self.window is not None else None
        if shown is None or shown.join != join:
            self._schedule()

    def forward(self) -> None:
        """On: the next agenda item during the agenda, else the next phase (from the join
        screen: back to the meeting)."""
        if self.join_wanted:
            self.set_join_screen(False)
            return
        run = self.run
        if run.meeting_id != self.meeting_id:
            return  # the laptop shows another meeting: not the one the room follows
        if run.phase is Phase.AGENDA and run.agenda_phase.step(1):
            return
        run.go_next()

    def back(self) -> None:
        if self.join_wanted:
            self.set_join_screen(False)
            return
        run = self.run
        if run.meeting_id != self.meeting_id:
            return
        if run.phase is Phase.AGENDA and run.agenda_phase.step(-1):
            return
        run.go_back()

    # ---- content -----------------------------------------------------------------
    def _schedule_content(self, *_args: object) -> None:
        self._cached_blocks = None  # something changed: read the toolkit content again
        self._schedule()

    def _on_meeting_clock_ticked(self) -> None:
        self._ticks += 1
        if self._ticks % BLOCKS_EVERY_TICKS == 0:
            self._cached_blocks = None  # e.g. another KPI picked in the panel
        self._schedule()

    def _schedule(self, *_args: object) -> None:
        if self.window is not None and not self._refresh_soon.isActive():
            self._refresh_soon.start()

    def _blocks_for(self, item: AgendaItemRecord, panel: QWidget | None) -> tuple[Block, ...]:
        cached = self._cached_blocks
        if cached is not None and cached[0] == item.id:
            return cached[1]
        blocks = room_blocks(item, panel, self.run.controller.services)
        self._cached_blocks = (item.id, blocks)
        return blocks

    def refresh(self) -> None:
        if self.window is None:
            return
        if self.meeting_id is None:
            self.meeting_id = self.run.meeting_id
        if self.run.meeting_id != self.meeting_id:
            # The laptop looks at another meeting: the room keeps the one presented (its
            # last frame, without a clock that no longer runs here), never the other one.
            held = self.window.state
            state = replace(held, timer="", timer_state=BoxState.IDLE) if held else None
        else:
            state = audience_state(self.run, blocks_for=self._blocks_for)
        if state is not None:
            state = replace(state, join=self.room_join())
        self.window.show_state(state)
