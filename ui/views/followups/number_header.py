"""The follow-up list's row header: each row's action number ("A-123")."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget


class ActionNumberHeader(QHeaderView):
    """As wide as the highest action number there is (the model's `widest_number`),
    whatever the rows: Qt sizes a header from its first and last hundred sections, and on
    a long list their numbers would have to be read from the database — the last window
    of rows again after every filter, sort or search change. Never clipped, and the same
    width under every filter, so the table does not shift sideways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setDefaultSectionSize(30)
        self._sized: tuple[str, QSize] | None = None  # (the widest number, its size)

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        widest = getattr(self.model(), "widest_number", None)
        if widest is None:
            return super().sectionSizeFromContents(logicalIndex)
        text = widest()
        if self._sized is None or self._sized[0] != text:
            option = QStyleOptionHeader()
            self.initStyleOption(option)
            option.text = text
            option.fontMetrics = self.fontMetrics()
            size = self.style().sizeFromContents(
                QStyle.ContentsType.CT_HeaderSection, option, QSize(), self
            )
            self._sized = (text, size)
        return self._sized[1]

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._sized = None  # a new font or style: measure again
        super().changeEvent(event)
