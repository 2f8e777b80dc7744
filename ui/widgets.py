"""Small shared widgets: page titles, field errors, plain-text labels and message boxes,
and the application-wide guard against double-clicked buttons."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QMessageBox, QWidget

from alignmeet.domain.rules import ValidationError


def plain_label(text: str = "", parent: QWidget | None = None, *, object_name: str = "") -> QLabel:
    """A QLabel that never interprets user text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    if object_name:
        label.setObjectName(object_name)
    return label


def section_heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A bold heading over a block of a page (1.2× the body size, at least 12 pt)."""
    label = plain_label(text, parent)
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF(), 10) * 1.2)
    font.setBold(True)
    label.setFont(font)
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
        warn(parent, QCoreApplication.translate("Widgets", "Please check"), error.message)
        if field is not None:
            field.setFocus()


# ---- message boxes: user text is always plain text -------------------------------------
def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
) -> QMessageBox:
    """A QMessageBox that shows `text` exactly as given (QMessageBox's static helpers
    guess rich text, so a title like "<b>Big</b> sync" would render in bold)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != QMessageBox.StandardButton.NoButton:
        box.setDefaultButton(default)
    return box


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A Yes/No question, No by default; True when the answer is Yes."""
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return box.exec() == QMessageBox.StandardButton.Yes


def warn(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Warning, title, text).exec()


def inform(parent: QWidget | None, title: str, text: str) -> None:
    message_box(parent, QMessageBox.Icon.Information, title, text).exec()


# ---- one click per click -----------------------------------------------------------------
_DOUBLE_CLICK = QEvent.Type.MouseButtonDblClick


class DoubleClickGuard(QObject):
    """Swallows double-clicks on buttons, so a double-click applies an action once.

    Qt turns the second press of a double-click into a `MouseButtonDblClick`,
    which a button treats as another press (and its release as another click):
    "Park", "I commit" or "Add action" would run twice. Installed once on the
    application (`install_double_click_guard`); other widgets keep their double-click.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Sees every event of the application: keep the common path to one comparison.
        return event.type() == _DOUBLE_CLICK and isinstance(watched, QAbstractButton)


def install_double_click_guard(app: QApplication | None = None) -> DoubleClickGuard | None:
    """Install the guard on the application once (later calls return the same guard)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        return None
    guard = app.findChild(DoubleClickGuard)
    if guard is None:
        guard = DoubleClickGuard(app)
        guard.setObjectName("DoubleClickGuard")
        app.installEventFilter(guard)
    return guard
