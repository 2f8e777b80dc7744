"""Small shared widgets: page titles, field errors, plain-text labels and message boxes,
and the application-wide guard against double-clicked buttons."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTextBoundaryFinder
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QBoxLayout,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from alignmeet.domain.rules import ValidationError

BoxPart = QWidget | QLayout | tuple[QWidget | QLayout, int]


def fill(
    layout: QBoxLayout,
    *parts: BoxPart,
    margins: tuple[int, int, int, int] | None = (0, 0, 0, 0),
    spacing: int | None = None,
) -> QBoxLayout:
    """`layout` with these margins and spacing (None: as it has them, the style's), then
    the parts in order: a widget or a layout, or `(part, stretch)` for one that takes the
    room left."""
    if margins is not None:
        layout.setContentsMargins(*margins)
    if spacing is not None:
        layout.setSpacing(spacing)
    for part in parts:
        item, stretch = part if isinstance(part, tuple) else (part, 0)
        if isinstance(item, QLayout):
            layout.addLayout(item, stretch)
        else:
            layout.addWidget(item, stretch)
    return layout


def search_field(placeholder: str, name: str) -> QLineEdit:
    """A line to type a search or filter into: the hint inside, a clear button, and the
    name a screen reader says."""
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    edit.setAccessibleName(name)
    return edit


BREAK_EVERY = 24  # characters in a row without a space before wrapping may break them
_BREAK = "\u200b"  # zero-width space: a place to break a line, drawn as nothing
_NO_BREAK_BEFORE = {"Mn", "Mc", "Me", "Sk", "Cf"}  # accents, skin tones, joiners, overrides


def breakable(text: str, every: int = BREAK_EVERY) -> str:
    """`text` with an invisible place to break (U+200B) in every run of more than `every`
    characters without a space. Word wrap breaks only at spaces: a title, a URL or a name
    without any stretched its label, and so the window, to its whole width (3,079 px).
    Never inside what a person sees as one character (Qt's grapheme clusters: a flag, an
    emoji sequence, a letter and its accents, a Devanagari conjunct), nor after a format
    character (a joiner, a direction mark)."""
    if len(text) <= every or all(len(word) <= every for word in text.split()):
        return text  # (most text: no run to break, and no grapheme pass for it)
    starts = _character_starts(text)
    out: list[str] = []
    run = 0
    for i, char in enumerate(text):
        out.append(char)
        if char.isspace() or char == _BREAK:
            run = 0
            continue
        run += 1
        after = text[i + 1] if i + 1 < len(text) else " "
        if (
            run >= every
            and not after.isspace()
            and i + 1 in starts
            and unicodedata.category(after) not in _NO_BREAK_BEFORE
            and unicodedata.category(char) != "Cf"
        ):
            out.append(_BREAK)
            run = 0
    return "".join(out)


def _character_starts(text: str) -> set[int]:
    """The indexes in `text` where a character a person sees begins (Qt counts in UTF-16
    units, Python in code points)."""
    index_at: dict[int, int] = {}
    unit = 0
    for i, char in enumerate(text):
        index_at[unit] = i
        unit += 2 if ord(char) > 0xFFFF else 1
    index_at[unit] = len(text)
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    starts = set()
    while (position := finder.toNextBoundary()) != -1:
        if position in index_at:  # (Qt may place one inside a pair of surrogates)
            starts.add(index_at[position])
    return starts


_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | (
    Qt.TextInteractionFlag.TextSelectableByKeyboard
)


class PlainLabel(QLabel):
    """A QLabel that never interprets user text as HTML; wrapped over several lines, a
    long run without spaces breaks too (`breakable`), so it never widens its window.
    `text()` is the text as given. A label people can select and copy from (Room Link's
    address) shows its text exactly: an invisible break copied into a link breaks it."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._named = False  # the accessible name is the text, set here (see _show)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._text = text
        self._show()

    def setWordWrap(self, on: bool) -> None:
        super().setWordWrap(on)
        self._show()

    def setTextInteractionFlags(self, flags: Qt.TextInteractionFlag) -> None:
        super().setTextInteractionFlags(flags)
        self._show()

    def _show(self) -> None:
        copied = bool(self.textInteractionFlags() & _SELECTABLE)
        shown = breakable(self._text) if self.wordWrap() and not copied else self._text
        super().setText(shown)
        # A screen reader reads the text as given: the places to break are for the layout.
        # A name given on purpose (setAccessibleName) stays.
        if shown != self._text and (self._named or not self.accessibleName()):
            super().setAccessibleName(self._text)
            self._named = True
        elif self._named:
            super().setAccessibleName("")
            self._named = False

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self._named = False

    def text(self) -> str:
        return self._text

    def clear(self) -> None:
        self.setText("")


def plain_label(
    text: str = "", parent: QWidget | None = None, *, object_name: str = "", wrap: bool = False
) -> QLabel:
    """A QLabel that never interprets user text as HTML (`wrap`: over several lines)."""
    label = PlainLabel(text, parent)
    if object_name:
        label.setObjectName(object_name)
    if wrap:
        label.setWordWrap(True)
    return label


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" when it does not fit (the whole text in
    the tooltip): a long title never makes its window wider."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), 60), hint.height())

    def paintEvent(self, _event: object) -> None:
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        self.setToolTip(self.text() if shown != self.text() else "")
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            shown,
            self.foregroundRole(),
        )
        painter.end()


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


# ---- Return in a closed combo box ---------------------------------------------------------
class _ReturnRuns(QObject):
    """Return or Enter in a closed combo box runs `action` (the popup keeps its keys)."""

    def __init__(self, action: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers()
        ):
            self._action()
            return True
        return False


def run_on_return(widget: QWidget, action: Callable[[], object]) -> None:
    """Return in `widget` (a combo box beside a line edit) does what Return in the line
    does: the keyboard way through a row ends with Return, wherever it stopped."""
    widget.installEventFilter(_ReturnRuns(action, widget))


# ---- Ctrl+Z in an entry line just emptied by Add ---------------------------------------------
class _UndoFallsThrough(QObject):
    """Undo/Redo in a line edit with nothing of its own to undo/redo go to Edit › Undo/Redo."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QLineEdit)
            and (
                (event.matches(QKeySequence.StandardKey.Undo) and not watched.isUndoAvailable())
                or (event.matches(QKeySequence.StandardKey.Redo) and not watched.isRedoAvailable())
            )
        ):
            event.ignore()  # not the line's: the window's Undo shortcut takes it
            return True
        return False


def undo_falls_through(line: QLineEdit) -> None:
    """An entry line that Add empties with `emptied()`: the Ctrl+Z that follows an Add takes
    the entry back (the app's undo) instead of putting its text back in the line while the
    entry stays added. Text typed since is still the line's own to undo."""
    line.installEventFilter(_UndoFallsThrough(line))


def emptied(line: QLineEdit) -> None:
    """Empty `line` for the next entry, its own undo history with it (`clear()` keeps it)."""
    line.setText("")


# ---- dates: Tab leaves the field -----------------------------------------------------------
class DateTimeField(QDateTimeEdit):
    """A date and time where Tab goes on to the next field, as everywhere else (a plain
    QDateTimeEdit walks its day, month, year, hour and minute first, and what was meant
    for the next field is typed into them). ← → move between the parts."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


class DateField(QDateEdit):
    """A date where Tab goes on to the next field (see DateTimeField)."""

    def focusNextPrevChild(self, next: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next)


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
