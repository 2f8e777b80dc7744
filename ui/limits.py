"""Length limits in the widgets: the field stops where the service would refuse
(`alignmeet.domain.rules.MAX_LENGTHS`), and a counter inside its right edge says how much
is left once the text gets near the end ("182/200"), in the warning colour at the limit.
Pasted text that is too long is cut at the limit, and the counter says so.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from alignmeet.domain.rules import max_length
from ui.colors import shade

SHOW_FROM = 0.8  # of the limit: the counter appears from there on


class LengthCounter(QLabel):
    """ "n/limit" inside a QLineEdit's right edge, shown near and at the limit."""

    def __init__(self, edit: QLineEdit, limit: int) -> None:
        super().__init__(edit)
        self.setObjectName("LengthCounter")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._edit = edit
        self._limit = limit
        edit.setMaxLength(limit)
        edit.textChanged.connect(self.update_count)
        edit.installEventFilter(self)
        self.hide()
        self.update_count(edit.text())

    @property
    def limit(self) -> int:
        return self._limit

    def update_count(self, text: str) -> None:
        length = len(text)
        near = length >= self._limit * SHOW_FROM
        if near:
            self.setText(f"{length}/{self._limit}")
            full = length >= self._limit
            self.setStyleSheet(f"color: {shade('warn' if full else 'muted')};")
            self.setToolTip(
                self.tr("At most {limit} characters.").format(limit=self._limit) if full else ""
            )
        if near != self.isVisible():
            self.setVisible(near)
        self._place()

    def _place(self) -> None:
        edit = self._edit
        width = self.sizeHint().width() + 6 if self.isVisible() else 0
        margins = edit.textMargins()
        if margins.right() != width:
            edit.setTextMargins(margins.left(), margins.top(), width, margins.bottom())
        hint = self.sizeHint()
        self.setGeometry(
            edit.width() - hint.width() - 8,
            (edit.height() - hint.height()) // 2,
            hint.width(),
            hint.height(),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._edit and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False


def limit_line(edit: QLineEdit, field: str) -> LengthCounter:
    """Hold `edit` to the most characters `field` keeps ("member.name", "idea.text" …),
    with a counter near the end."""
    return LengthCounter(edit, max_length(field))


def counter_of(edit: QLineEdit) -> LengthCounter | None:
    return edit.findChild(LengthCounter)
