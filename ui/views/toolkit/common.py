"""Small pieces the toolkit's views share."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout


def card() -> tuple[QFrame, QVBoxLayout]:
    """A framed block (style.qss: QFrame#Card) and its layout."""
    frame = QFrame()
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.setSpacing(8)
    return frame, layout
