"""The six pages of a running meeting, one class per phase, and what they share.

Each page shows the controller's current meeting (`set_meeting`), refreshes
itself from the controller's `*_changed` signals for that meeting, and writes
only through the controller.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QDate,
    QDateTime,
    QLocale,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import Phase
from ui.controller import Controller
from ui.widgets import plain_label

# Translated where shown: phase_hint(phase). Context "Phases".
PHASE_HINTS = {
    Phase.OPEN: QT_TRANSLATE_NOOP("Phases", "Announce the end goal and take attendance."),
    Phase.REVIEW: QT_TRANSLATE_NOOP(
        "Phases",
        "Last time's actions: done, in progress, blocked or dropped — each with a short note.",
    ),
    Phase.AGENDA: QT_TRANSLATE_NOOP(
        "Phases", "Keep to the time boxes; capture ideas (who said it), notes and decisions."
    ),
    Phase.ACTIONS: QT_TRANSLATE_NOOP(
        "Phases", "Round-robin: each present member states their own actions, with a due date."
    ),
    Phase.COMMITMENTS: QT_TRANSLATE_NOOP(
        "Phases", "Each member confirms their plan — “I commit” — with a confidence from 1 to 5."
    ),
    Phase.CLOSE: QT_TRANSLATE_NOOP(
        "Phases", "Summarise, set the next meeting, export the minutes and close."
    ),
}


def on_minutes_changed(
    controller: Controller,
    slot: Callable[[int], object],
    *,
    attendance: Callable[[int], object] | None = None,
) -> None:
    """`slot(meeting_id)` whenever what a meeting's minutes are made of changes: its
    details, attendance, agenda, actions or reviewed follow-ups. `attendance`, when
    given, takes the attendance changes instead (Room Link's phones make many)."""
    controller.participants_changed.connect(attendance or slot)
    for signal in (
        controller.meeting_changed,
        controller.agenda_changed,
        controller.actions_changed,
        controller.follow_ups_changed,
    ):
        signal.connect(slot)


def phase_hint(phase: Phase) -> str:
    """What to do in the phase, one line, in the chosen language."""
    return QCoreApplication.translate("Phases", PHASE_HINTS[phase])


def ui_locale() -> QLocale:
    """The locale of the language the UI is shown in: that of the installed catalogue,
    else the C locale (English names, as the core's dates)."""
    app = QCoreApplication.instance()
    for translator in app.findChildren(QTranslator) if app is not None else ():
        name = translator.language()
        if name and not name.startswith("en"):
            return QLocale(name)
    return QLocale.c()


def format_date(value: date | datetime, pattern: str) -> str:
    """`value` in a Qt date pattern ("dddd d MMMM yyyy, HH:mm"), with the day and month
    names of the UI's language; translate the pattern where it is written."""
    if isinstance(value, datetime):
        return ui_locale().toString(QDateTime(value), pattern)
    return ui_locale().toString(QDate(value), pattern)


def format_number(value: int) -> str:
    """A count with the thousands separator of the UI's language: "12,345" / "12.345"."""
    locale = ui_locale()
    if locale.language() == QLocale.Language.C:
        return f"{value:,}"
    return locale.toString(value)


class PhasePage(QWidget):
    """Base of every phase page."""

    phase: Phase = Phase.OPEN

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._meeting_id: int | None = None
        self._stale = False  # changed while hidden: refresh when shown (refresh_or_defer)
        self.setObjectName(f"{self.phase.value.capitalize()}Phase")

    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    def set_meeting(self, meeting_id: int | None) -> None:
        self._meeting_id = meeting_id
        self.refresh()

    def refresh(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def first_field(self) -> QWidget | None:
        """Where the keyboard starts when the meeting moves to this phase (None: it stays
        on the phase bar's button)."""
        return None

    def refresh_or_defer(self) -> None:
        """Refresh now when the page is the current phase; a page behind another phase
        refreshes when it becomes current again. A change made elsewhere (a phone on Room Link,
        another facilitator) then costs the window nothing for the pages nobody sees."""
        stack = self.parentWidget()
        if isinstance(stack, QStackedWidget) and stack.currentWidget() is not self:
            if not self._stale:
                self._stale = True
                stack.currentChanged.connect(self._on_stack_current_changed)
            return
        self.refresh()

    def _on_stack_current_changed(self, _index: int) -> None:
        stack = self.parentWidget()
        if isinstance(stack, QStackedWidget) and stack.currentWidget() is self and self._stale:
            self._stale = False
            stack.currentChanged.disconnect(self._on_stack_current_changed)
            self.refresh()

    def _is_mine(self, meeting_id: int) -> bool:
        return self._meeting_id is not None and meeting_id == self._meeting_id

    def show_status(self, text: str) -> None:
        """A short message in the window's status bar."""
        self.controller.status_shown.emit(text)


def set_text(label: QLabel | QAbstractButton, text: str) -> None:
    """Change a label only when its text changes (the timers repaint 4 times a second)."""
    if label.text() != text:
        label.setText(text)


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(1.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font


def set_font(widget: QWidget, factor: float, *, bold: bool = False) -> None:
    widget.setFont(scaled_font(widget, factor, bold=bold))


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setObjectName("Card")
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(8)
    return frame, layout


def section_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = plain_label(text, parent, object_name="SectionLabel")
    font = scaled_font(label, 1.1, bold=True)
    label.setFont(font)
    return label


def table_view(parent: QWidget | None = None) -> QTableView:
    """A row-selecting, read-only table as the run view uses them."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    return view


def fit_columns(
    view: QTableView, stretch_column: int | None = 1, fixed: dict[int, int] | None = None
) -> None:
    """Columns sized to their content, one taking the rest of the width.

    `fixed` columns (long, secondary text) get a set width the user can drag;
    their text elides and the full text is in the tooltip.
    """
    header = view.horizontalHeader()
    model = view.model()
    if model is None:
        return
    fixed = fixed or {}
    for col in range(model.columnCount()):
        if col == stretch_column:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        elif col in fixed:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(col, fixed[col])
        else:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)


def caption_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A quieter label above or beside the large text it names (`wrap`: over several lines)."""
    label = plain_label(text, parent, object_name="Caption", wrap=wrap)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label
