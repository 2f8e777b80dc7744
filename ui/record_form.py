"""The form beside a record table: fields with their own error lines, and the row of
Add / Save / Archive / Delete / Clear buttons with the rules every such form follows.

A `RecordForm` is "new" (nothing loaded: Add is what Return does) or "editing" a record
(Save, Archive/Restore and Delete act on it; Return saves). A service's `ValidationError`
is shown under the field it names (or under the form when no field matches) and that
field gets the focus; nothing typed is cleared by an error. The form remembers what it
loaded (`LoadedForm`), so a save sends only what the user changed, on top of that record.

Every text it shows is given by the view that builds it (in the view's own translation
context); the form itself has no strings.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.rules import ValidationError
from alignmeet.services.base import NotFoundError
from ui.shown import LoadedForm
from ui.widgets import FieldError, plain_label, section_heading

T = TypeVar("T")


def field_value(widget: QWidget) -> object:
    """What a form field holds: the text of a line or text box, a combo box's data."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QSpinBox):
        return widget.value()
    raise TypeError(f"no value for {type(widget).__name__}")


def set_field_value(widget: QWidget, value: object) -> None:
    """Show `value` in a form field (a combo box picks the item with that data, else the
    first one)."""
    if isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        widget.setCurrentIndex(index if index >= 0 else 0)
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value or 0))  # type: ignore[call-overload]
    else:
        raise TypeError(f"no value for {type(widget).__name__}")


def _walk(layout: QLayout | None) -> list[QWidget]:
    """The widgets of `layout` in the order it holds them (a grid: row by row), boxes
    opened up."""
    if layout is None:
        return []
    items = [layout.itemAt(i) for i in range(layout.count())]
    if isinstance(layout, QGridLayout):

        def place(i: int) -> tuple[int, int]:
            row, column, _rows, _columns = layout.getItemPosition(i)
            return row, column

        items = [layout.itemAt(i) for i in sorted(range(layout.count()), key=place)]
    widgets: list[QWidget] = []
    for item in items:
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widgets.append(widget)
            widgets.extend(_walk(widget.layout()))
        else:
            widgets.extend(_walk(item.layout()))
    return widgets


def _same(a: object, b: object) -> bool:
    if isinstance(a, str) and isinstance(b, str):
        return a.strip() == b.strip()
    return a == b


class FieldErrors:
    """The fields of a form by key, each with its own (hidden) error line under it, and
    one line for messages that name no field (`general`). A service's `ValidationError`
    shows under the field it names, which gets the focus; nothing typed is touched."""

    def __init__(self, general: FieldError | None = None, *, at_fields: bool = True) -> None:
        self.fields: dict[str, QWidget] = {}
        self.lines: dict[str, FieldError] = {}
        self.general = general if general is not None else FieldError()
        self._at_fields = at_fields

    def box(self, key: str, widget: QWidget) -> QWidget:
        """`widget` as field `key`, in a box with its error line under it (the widget
        itself when every message shows on the general line)."""
        self.fields[key] = widget
        if not self._at_fields:
            return widget
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        self.lines[key] = FieldError(box)
        column.addWidget(self.lines[key])
        return box

    def clear(self) -> None:
        self.general.clear_error()
        for line in self.lines.values():
            line.clear_error()

    def show(self, exc: ValidationError) -> None:
        self.clear()
        self.lines.get(exc.field, self.general).show_error(exc.message, self.fields.get(exc.field))

    def show_message(self, message: str) -> None:
        """A message about no field in particular (a record gone meanwhile)."""
        self.show(ValidationError("", message))

    def save(self, write: Callable[[], object]) -> bool:
        """Clears the lines and runs `write`; True when it went through. Bad input shows
        at its field, a record gone meanwhile on the general line (nothing typed is lost)."""
        self.clear()
        try:
            write()
        except ValidationError as exc:
            self.show(exc)
            return False
        except NotFoundError as exc:
            self.show_message(str(exc))
            return False
        return True


class RecordForm(QWidget):
    """Heading, a grid of fields, the button row, a form-wide error line and a note.

    The view connects the buttons' signals to its use cases (`on(add=…, save=…)`) and
    calls `load(record, values)` when a record is picked (None: a new one).

    Button texts are given (None: no such button); `archive` is the pair (Archive,
    Restore). Options: `errors_at_fields` (False: every message under the form, the
    field still focused), `submit_on_return` (Return in a line adds or saves),
    `add_or_save` (one of the two shows), `clear_in_heading` (Clear beside the heading),
    `show_heading`, `level_fields` (fields of a row level at the top, not centred)."""

    add_clicked = Signal()
    save_clicked = Signal()
    archive_clicked = Signal()
    delete_clicked = Signal()
    clear_clicked = Signal()

    def __init__(
        self,
        *,
        new_heading: str,
        editing_heading: Callable[[Any], str],
        add: str,
        save: str | None = None,
        archive: tuple[str, str] | None = None,
        delete: str | None = None,
        clear: str | None = None,
        clear_tip: str = "",
        clear_in_heading: bool = False,
        spacing: tuple[int, int] = (10, 4),
        errors_at_fields: bool = True,
        submit_on_return: bool = True,
        add_or_save: bool = False,
        show_heading: bool = True,
        level_fields: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._new_heading = new_heading
        self._editing_heading = editing_heading
        self._archive_texts = archive
        self._submit_on_return = submit_on_return
        self._add_or_save = add_or_save
        self._level_fields = level_fields
        self.editing: Any = None
        self.loaded_form = LoadedForm()
        self.errors = FieldErrors(at_fields=errors_at_fields)
        self.fields = self.errors.fields  # key -> field
        self.field_errors = self.errors.lines  # key -> its error line (when at fields)
        self.error = self.errors.general  # messages that name no field
        self._needs_record: list[QAbstractButton] = []
        self._ordered = False

        self.heading = section_heading(new_heading)
        self.heading.setVisible(show_heading)  # hidden: the view heads the form itself
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(spacing[0])
        self.grid.setVerticalSpacing(spacing[1])
        self.add_button = self._button(add, self.add_clicked)
        self.save_button = self._button(save, self.save_clicked, needs_record=True)
        self.archive_button = self._button(
            archive[0] if archive else None, self.archive_clicked, needs_record=True
        )
        self.delete_button = self._button(delete, self.delete_clicked, needs_record=True)
        self.clear_button = self._button(clear, self.clear_clicked)
        if self.clear_button is not None and clear_tip:
            self.clear_button.setToolTip(clear_tip)
        self.note = plain_label(wrap=True)
        self.note.hide()
        self._lay_out(clear_in_heading)

    def _button(
        self, text: str | None, signal: Any, *, needs_record: bool = False
    ) -> QPushButton | None:
        if text is None:
            return None
        button = QPushButton(text)
        button.clicked.connect(lambda *_: signal.emit())
        if needs_record:
            self._needs_record.append(button)
        return button

    def _lay_out(self, clear_in_heading: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        self.buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.archive_button, self.delete_button):
            if button is not None:
                self.buttons.addWidget(button)
        self._actions_at = self.buttons.count()
        self.buttons.addStretch(1)
        if self.clear_button is not None:
            (top if clear_in_heading else self.buttons).addWidget(self.clear_button)
        layout.addLayout(top)
        layout.addLayout(self.grid)
        self.body = layout  # views may add rows of their own before the buttons
        self._buttons_at = layout.count()
        layout.addLayout(self.buttons)
        layout.addWidget(self.error)
        layout.addWidget(self.note)

    # ---- building ---------------------------------------------------------------------
    def field_box(self, key: str, widget: QWidget) -> QWidget:
        """`widget` registered as field `key`, boxed with its own (hidden) error line (or
        alone, when errors show under the form); the view places the box itself. Return in
        a line field adds or saves (unless the form was made without)."""
        if self._submit_on_return and isinstance(widget, QLineEdit):
            widget.returnPressed.connect(self.submit)
        return self.errors.box(key, widget)

    def add_field(
        self,
        key: str,
        widget: QWidget,
        caption: str,
        row: int,
        column: int = 0,
        *,
        span: int = 1,
        shortcut: bool = True,
    ) -> QLabel:
        """Field `key` on the grid: its label at (`row`, `column`), the field (with its error
        line) right of it over `span` columns. `&` in the caption marks the shortcut that
        focuses the field; with `shortcut=False` the label is plain text without one."""
        if shortcut:
            title = QLabel(caption)
            title.setBuddy(widget)
        else:
            title = plain_label(caption.replace("&", ""))
        box = self.field_box(key, widget)
        if box is widget:
            self.grid.addWidget(title, row, column)
            self.grid.addWidget(box, row, column + 1, 1, span)
        else:  # label and field stay level above an error line in the row
            title.setContentsMargins(0, 5, 0, 0)
            self.grid.addWidget(title, row, column, Qt.AlignmentFlag.AlignTop)
            top = Qt.AlignmentFlag.AlignTop if self._level_fields else Qt.AlignmentFlag(0)
            self.grid.addWidget(box, row, column + 1, 1, span, top)
        self.order_tabs()
        return title

    def add_fields_in_two_columns(
        self,
        fields: tuple[tuple[str, QWidget, str], ...],
        *,
        wide_last: bool = False,
        stretch: tuple[int, int] = (1, 1),
        shortcut: bool = True,
    ) -> None:
        """(key, field, caption) row by row, two to a row; with `wide_last` the last one
        takes a row of its own across both (notes). `stretch`: how the two field columns
        share the width."""
        for i, (key, widget, caption) in enumerate(fields):
            if wide_last and i == len(fields) - 1:
                self.add_field(key, widget, caption, (i + 1) // 2, 0, span=3, shortcut=shortcut)
            else:
                row, column = divmod(i, 2)
                self.add_field(key, widget, caption, row, column * 2, shortcut=shortcut)
        self.grid.setColumnStretch(1, stretch[0])
        self.grid.setColumnStretch(3, stretch[1])

    def on(self, **actions: Callable[[], object]) -> None:
        """Connect the buttons to the view's use cases: `add=`, `save=`, `archive=`,
        `delete=`, `clear=`."""
        signals = {
            "add": self.add_clicked,
            "save": self.save_clicked,
            "archive": self.archive_clicked,
            "delete": self.delete_clicked,
            "clear": self.clear_clicked,
        }
        for name, action in actions.items():
            signals[name].connect(action)

    def add_layout(self, layout: QLayout, stretch: int = 0) -> None:
        """Another block of fields, under the grid and above the buttons."""
        self.body.insertLayout(self._buttons_at, layout, stretch)
        self._buttons_at += 1
        self.order_tabs()

    def add_widget(self, widget: QWidget, stretch: int = 0) -> None:
        self.body.insertWidget(self._buttons_at, widget, stretch)
        self._buttons_at += 1
        self.order_tabs()

    def add_action(self, button: QAbstractButton, *, needs_record: bool = True) -> None:
        """A button of the view's own in the row, after the form's; enabled only while a
        record is loaded unless `needs_record` is False."""
        self.buttons.insertWidget(self._actions_at, button)
        self._actions_at += 1
        if needs_record:
            self._needs_record.append(button)
        self.update_buttons()
        self.order_tabs()

    def order_tabs(self) -> None:
        """Tab walks the form as it reads: top to bottom, left to right through each row,
        then the buttons (whatever order the view built the pieces in)."""
        chain = [w for w in _walk(self.layout()) if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._ordered:
            self._ordered = True
            self.order_tabs()
        super().showEvent(event)

    # ---- values -----------------------------------------------------------------------
    def values(self) -> dict[str, object]:
        """Every field's value, by key."""
        return {key: field_value(widget) for key, widget in self.fields.items()}

    def set_values(self, values: dict[str, object]) -> None:
        for key, value in values.items():
            set_field_value(self.fields[key], value)

    def load(self, record: Any, values: dict[str, object] | None = None) -> None:
        """Show `record` (None: a new one): its values in the fields, no error, no note;
        what the form now holds is what the next save is measured against."""
        self.editing = record
        self.clear_errors()
        self.show_note("")
        if values is not None:
            self.set_values(values)
        self.loaded(record)

    def loaded(self, record: Any, values: dict[str, object] | None = None) -> None:
        """The form now stands on `record` (after a save): no fields change."""
        self.editing = record
        self.loaded_form.loaded(record, self.values() if values is None else values)
        self.update_buttons()

    def edits(self, values: dict[str, object] | None = None) -> dict[str, object]:
        """What the user changed since the record was loaded."""
        return self.loaded_form.edits(self.values() if values is None else values)

    @property
    def seen(self) -> object:
        """The record as loaded (a save sends it, so a change by someone else is noticed)."""
        return self.loaded_form.record

    def differs(self, values: dict[str, object] | None = None) -> bool:
        """True when a loaded record's fields hold something else than the record
        (surrounding spaces aside)."""
        record = self.editing
        if record is None:
            return False
        values = self.values() if values is None else values
        return any(
            hasattr(record, key) and not _same(value, getattr(record, key))
            for key, value in values.items()
        )

    # ---- state ------------------------------------------------------------------------
    def update_buttons(self) -> None:
        """Save, Archive, Delete (and the view's record buttons) only with a record loaded
        (with `add_or_save`, Add shows for a new record and Save in its place for a loaded
        one); Archive reads Restore for an archived one; the heading names what is edited."""
        record = self.editing
        self.heading.setText(self._new_heading if record is None else self._editing_heading(record))
        for button in self._needs_record:
            button.setEnabled(record is not None)
        if self._add_or_save and self.add_button is not None and self.save_button is not None:
            self.add_button.setVisible(record is None)
            self.save_button.setVisible(record is not None)
        if self.archive_button is not None and self._archive_texts is not None:
            archived = bool(getattr(record, "archived", False))
            self.archive_button.setText(self._archive_texts[1 if archived else 0])

    def submit(self) -> None:
        """Return in a field: Save when a record is loaded, else Add."""
        if self.editing is not None and self.save_button is not None:
            self.save_clicked.emit()
        else:
            self.add_clicked.emit()

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def clear_errors(self) -> None:
        self.errors.clear()

    def show_error(self, exc: ValidationError) -> None:
        """The message under the field it names (focused, its text selected), or under
        the form; what is typed stays."""
        self.errors.show(exc)

    def attempt(self, action: Callable[[], T]) -> T | None:
        """Run a use case; a `ValidationError` (or a record gone meanwhile) is shown at
        the form and gives None."""
        self.clear_errors()
        try:
            return action()
        except ValidationError as exc:
            self.show_error(exc)
        except NotFoundError as exc:
            self.errors.show_message(str(exc))
        return None


__all__ = ["FieldErrors", "RecordForm", "field_value", "set_field_value"]
