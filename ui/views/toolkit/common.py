"""Small pieces the toolkit's views share: the framed card, a row of buttons, and the base
of the panels a running meeting shows beside an agenda item of a toolkit kind."""

from __future__ import annotations

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from ui.controller import Controller


class AreaFollower(QObject):
    """Refreshes its view when the controller announces a change in the view's toolkit
    area, and on each of the other signals it was given (their arguments aside). A child
    of the view: it goes, and its connections with it, when the view goes."""

    def __init__(self, view: QObject, controller: Controller, area: str) -> None:
        super().__init__(view)
        self._view = view
        self._area = area
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)

    def also(self, *signals: SignalInstance) -> AreaFollower:
        for signal in signals:
            signal.connect(self._on_controller_changed)
        return self

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == self._area:
            self._view.refresh()  # type: ignore[attr-defined]

    def _on_controller_changed(self, *_: object) -> None:
        self._view.refresh()  # type: ignore[attr-defined]


def follow_area(view: QObject, controller: Controller, area: str, *also: SignalInstance) -> None:
    """`view.refresh()` on every change the controller announces in `area`, and on every
    signal of `also`."""
    AreaFollower(view, controller, area).also(*also)


def card() -> tuple[QFrame, QVBoxLayout]:
    """A framed block (style.qss: QFrame#Card) and its layout."""
    frame = QFrame()
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.setSpacing(8)
    return frame, layout


def button_row(left: tuple[QWidget, ...], right: tuple[QWidget, ...] = ()) -> QHBoxLayout:
    """Widgets from the left, then the ones of `right` pushed to the right edge."""
    row = QHBoxLayout()
    for widget in left:
        row.addWidget(widget)
    row.addStretch(1)
    for widget in right:
        row.addWidget(widget)
    return row


class MeetingItemPanel(QWidget):
    """Beside an agenda item of a toolkit kind while the meeting runs (see `PANELS`).

    A panel builds itself in `_build()`, follows the changes of its toolkit `AREA` (and
    whatever `_follow()` connects), and shows the data in `refresh()`; `_start()` is the
    first showing."""

    AREA = ""

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
        self._build()
        follow_area(self, controller, self.AREA)
        self._follow()
        self._start()

    def _build(self) -> None:
        raise NotImplementedError

    def _follow(self) -> None:
        """Connect the controller's signals other than `toolkit_changed`."""

    def _start(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError
