"""Small shared widgets: page titles, field errors, plain-text labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from alignmeet.domain.rules import ValidationError


def plain_label(text: str = "", parent: QWidget | None = None, *, object_name: str = "") -> QLabel:
    """A QLabel that never interprets user text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if object_name:
        label.setObjectName(object_name)
    return label


def page_title(text: str, parent: QWidget | None = None) -> QLabel:
    return plain_label(text, parent, object_name="PageTitle")


class FieldError(QLabel):
    """A red message under a form; `show_error` also focuses the field it belongs to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FieldError")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, message: str, field: QWidget | None = None) -> None:
        self.setText(message)
        self.show()
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    def clear_error(self) -> None:
        self.clear()
        self.hide()


def show_validation(
    error: ValidationError,
    fields: dict[str, QWidget],
    message_label: FieldError | None,
    parent: QWidget,
) -> None:
    """Show a service's ValidationError at its field, or in a dialog if no field matches."""
    field = fields.get(error.field)
    if message_label is not None:
        message_label.show_error(error.message, field)
    else:
        QMessageBox.warning(parent, "Please check", error.message)
        if field is not None:
            field.setFocus()
