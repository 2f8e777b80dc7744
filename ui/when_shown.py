"""A view's refresh that waits while the view is off screen.

A phase page the facilitator is not on (Open, Close while the Agenda runs) still listens
to the controller: with Room Link, forty phones writing commitments announce
`participants_changed` dozens of times a minute, and each hidden page re-reading the
attendance and resizing its table held the window for 10–15 ms a time. `WhenShown` runs
the refresh at once while its widget is on its window's screen, and otherwise once, the
next time the widget is shown — so a page is never shown stale, and a hidden page costs
nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WhenShown(QObject):
    def __init__(self, widget: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.stale = False
        widget.installEventFilter(self)

    def __call__(self) -> None:
        """Refresh now if the widget is on screen (or would be, were its window shown);
        else when it is next shown."""
        widget = self._widget
        if widget.isVisibleTo(widget.window()):
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
