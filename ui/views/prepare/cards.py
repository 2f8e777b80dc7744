"""Small layout helpers of the Prepare page: a titled card, a grey hint, a text box so many
lines high, and a restyle after a property change."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from ui.widgets import plain_label, section_heading


def card(title: str) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    return frame, fill_card(frame, title)


def fill_card(frame: QFrame, title: str) -> QVBoxLayout:
    """Make `frame` a card ("Card") headed by `title`; its layout, for the rest."""
    frame.setObjectName("Card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.setSpacing(8)
    layout.addWidget(section_heading(title))
    return layout


def hint(text: str) -> QLabel:
    label = plain_label(text, wrap=True)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def lines_high(edit: QPlainTextEdit, lines: int) -> None:
    metrics = edit.fontMetrics()
    margins = edit.contentsMargins()
    doc_margin = int(edit.document().documentMargin() * 2)
    edit.setFixedHeight(
        metrics.lineSpacing() * lines + doc_margin + margins.top() + margins.bottom() + 6
    )


def repolish(widget: QWidget) -> None:
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
