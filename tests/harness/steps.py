"""Counting what a facilitator does: every click, key and typed text is one step.

`StepCounter` drives the real main window with pytest-qt and keeps a log of the steps,
each tagged with the part of the meeting it belongs to, so a test can say how many steps
a meeting took and where they went ("agenda: 52"). QUALITY.md's bar: a six-member meeting
in ≤ 120 steps by the facilitator alone, ≤ 60 with participants on Room Link.

`run_meeting` (in meeting_script.py) plays a whole meeting through a `StepCounter` and an
`Entries` — who writes the ideas, decisions, actions and commitments. The facilitator
typing them all is `FacilitatorTypes`; a Room Link variant gives another `Entries` whose
participants write from their phones (their steps are not the facilitator's), and the
same script counts what is left for the facilitator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot


@dataclass(frozen=True)
class Step:
    part: str  # the part of the meeting ("open", "agenda", …)
    kind: str  # "click" | "key" | "type"
    what: str


class StepCounter:
    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.steps: list[Step] = []
        self.part = "start"

    # ---- bookkeeping ------------------------------------------------------------------
    @contextmanager
    def during(self, part: str) -> Iterator[None]:
        """The steps taken inside are `part`'s."""
        before, self.part = self.part, part
        try:
            yield
        finally:
            self.part = before

    def _count(self, kind: str, what: str) -> None:
        self.steps.append(Step(self.part, kind, what))

    @property
    def count(self) -> int:
        return len(self.steps)

    def by_part(self) -> dict[str, int]:
        return dict(Counter(s.part for s in self.steps))

    def by_kind(self) -> dict[str, int]:
        return dict(Counter(s.kind for s in self.steps))

    def report(self) -> str:
        parts = ", ".join(f"{part} {n}" for part, n in self.by_part().items())
        kinds = ", ".join(f"{n} {kind}s" for kind, n in self.by_kind().items())
        return f"{self.count} steps ({kinds}): {parts}"

    # ---- what a person does ------------------------------------------------------------
    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def click(self, widget: QWidget, what: str = "") -> None:
        assert widget.isVisible() and widget.isEnabled(), f"cannot click {what or widget}"
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        self._count("click", what or widget.accessibleName() or type(widget).__name__)

    def click_row(
        self, view: QAbstractItemView, row: int, column: int = 0, what: str = "", double=False
    ) -> None:
        """A click (or a double-click, one gesture) on a row of a list or table."""
        rect = view.visualRect(view.model().index(row, column))
        assert not rect.isEmpty(), f"row {row} is not on screen"
        point: QPoint = rect.center()
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        if double:
            self.qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        self._count("click", what or f"row {row} of {view.accessibleName()}")

    def key(
        self,
        key: Qt.Key,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        what: str = "",
    ) -> None:
        """A key (with its modifiers: Ctrl+T is one step) where the focus is."""
        self.qtbot.keyClick(self.focused(), key, modifiers)
        self._count("key", what or str(key))

    def type(self, text: str, what: str = "") -> None:
        """Typing a text where the focus is: one step, however long."""
        self.qtbot.keyClicks(self.focused(), text)
        self._count("type", what or text[:30])
