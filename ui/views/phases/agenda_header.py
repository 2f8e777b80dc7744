"""The top of the Agenda phase: the item on screen (title, presenter, box), its timer with
its state in words, the item's buttons, and the notice line (what just happened, with
Undo — or, when nothing did, how the timers behave)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import ItemKind
from alignmeet.domain.records import AgendaItemRecord
from alignmeet.domain.rules import format_minutes_seconds
from alignmeet.domain.timebox import BoxReading, BoxState
from ui.core_labels import label
from ui.views.phases import set_font, set_text
from ui.views.phases.agenda_parts import NoticeBar, timer_text
from ui.widgets import fill, plain_label

_PLAY_ICON = QStyle.StandardPixmap.SP_MediaPlay
_PAUSE_ICON = QStyle.StandardPixmap.SP_MediaPause
TIMER_KEY = "Ctrl+T"
NEXT_ITEM_KEY = "Ctrl+PgDown"
PREVIOUS_ITEM_KEY = "Ctrl+PgUp"


def shown_keys(keys: str) -> str:
    """A shortcut as the user's system and language write it ("Strg+Bild ab")."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


class ItemHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer_state = ""
        self._shows_pause = False
        self._build_item()
        self._build_buttons()
        self._build_notice()

        item_text = QVBoxLayout()
        item_text.setSpacing(2)
        item_text.addWidget(self.title_label)
        item_text.addWidget(self.meta_label)
        captions = QVBoxLayout()
        captions.setSpacing(0)
        captions.addStretch(1)
        for caption in (self.timer_state_label, self.timer_caption, self.used_caption):
            captions.addWidget(caption)
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
        fill(QVBoxLayout(self), top, buttons, self.notice_slot, spacing=4)

    def _build_item(self) -> None:
        self.title_label = plain_label(object_name="ItemTitle", wrap=True)
        set_font(self.title_label, 1.55, bold=True)
        self.meta_label = plain_label(object_name="ItemMeta", wrap=True)
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

    def _build_buttons(self) -> None:
        style = self.style()
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setIcon(style.standardIcon(_PLAY_ICON))
        self.start_button.setToolTip(
            self.tr("Start or pause this item's timer ({key})").format(key=shown_keys(TIMER_KEY))
        )
        self.start_button.setAccessibleName(self.tr("Start or pause the item timer"))
        self.add_minute_button = QPushButton(self.tr("+1 min"))
        self.add_minute_button.setToolTip(self.tr("Extend this item's time box by one minute"))
        self.next_button = QPushButton(self.tr("Next item"))
        self.next_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.next_button.setToolTip(
            self.tr("Go to the next item ({key}); a running timer goes with you").format(
                key=shown_keys(NEXT_ITEM_KEY)
            )
        )
        self.persona_button = QPushButton(self.tr("Show persona"))
        self.persona_button.setToolTip(
            self.tr("Put the customer persona this item discusses on screen for everyone")
        )
        self.persona_button.hide()
        self.park_button = QPushButton(self.tr("Park for next meeting"))
        self.park_button.setToolTip(self.tr("Move this item to the next meeting's agenda"))
        self.item_buttons = (
            self.start_button,
            self.add_minute_button,
            self.next_button,
            self.persona_button,
            self.park_button,
        )
        for button in self.item_buttons:
            button.setMinimumHeight(36)
            set_font(button, 1.05)
        self.start_button.setMinimumWidth(110)

    def _build_notice(self) -> None:
        """What just happened, with Undo; when nothing did, the rule of the timers. One
        slot of a fixed height: nothing below it moves when a notice comes or goes."""
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notice and event.type() in (
            QEvent.Type.ShowToParent,
            QEvent.Type.HideToParent,
        ):
            self.notice_slot.setCurrentWidget(
                self.notice if not self.notice.isHidden() else self.timer_hint
            )
        return False

    # ---- showing ---------------------------------------------------------------------
    def show_item(self, item: AgendaItemRecord | None, persona: str = "") -> None:
        if item is None:
            self.title_label.setText("")
            self.meta_label.setText("")
            self.persona_button.hide()
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
        if persona:
            parts.append(self.tr("Persona: {name}").format(name=persona))
        self.meta_label.setText(" · ".join(parts))
        self.persona_button.setVisible(item.persona_id is not None)

    def show_reading(self, reading: BoxReading | None, *, running: bool) -> None:
        """The timer of the item on screen: time left, the box, time used, and its state
        in words (Running, Paused, Not started)."""
        if running != self._shows_pause:
            self._shows_pause = running
            self.start_button.setText(self.tr("Pause") if running else self.tr("Start"))
            icon = _PAUSE_ICON if running else _PLAY_ICON
            self.start_button.setIcon(self.style().standardIcon(icon))
        has_item = reading is not None
        if self.start_button.isEnabled() != has_item:
            for button in self.item_buttons:
                button.setEnabled(has_item)
        if reading is None:
            for text in (
                self.timer_label,
                self.timer_caption,
                self.used_caption,
                self.timer_state_label,
            ):
                set_text(text, "")
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
