"""Parts of the Agenda phase: the ideas and decisions editors, and the one-line notice that
says what just happened to a timer (or an item) with an Undo beside it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.rules import format_minutes_seconds
from alignmeet.domain.timebox import BoxReading
from ui.limits import limit_line
from ui.views.phases import section_label, set_font
from ui.widgets import FieldError, plain_label, run_on_return, undo_falls_through

NOTICE_MS = 15_000  # a notice stays this long (or until the next one)


def timer_text(reading: BoxReading) -> str:
    """Remaining time of the box: "7:40", or "−2:10 over" in overtime."""
    remaining = reading.remaining
    if remaining < 0:
        return QCoreApplication.translate("AgendaPhase", "−{time} over").format(
            time=format_minutes_seconds(-remaining)
        )
    return format_minutes_seconds(remaining)


class ListEditor(QWidget):
    """A list (ideas or decisions) with an add line, an optional author and a remove button.

    Tab goes through it in reading order: Remove, the list, the line, who said it, Add.
    """

    def __init__(
        self,
        title: str,
        placeholder: str,
        add_text: str,
        field: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = QListView()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAccessibleName(title)
        self.view.setSpacing(2)
        self.view.setAlternatingRowColors(True)
        set_font(self.view, 1.1)
        self.line = QLineEdit()
        self.line.setPlaceholderText(placeholder)
        self.line.setAccessibleName(placeholder)
        self.counter = limit_line(self.line, field)
        undo_falls_through(self.line)
        self.add_button = QPushButton(add_text)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected entry (Delete)"))
        self.remove_button.setEnabled(False)
        self.error = FieldError(self)
        self.author_combo: QComboBox | None = None

        head = QHBoxLayout()
        head.addWidget(section_label(title))
        head.addStretch(1)
        head.addWidget(self.remove_button)
        self.add_row = QHBoxLayout()
        self.add_row.addWidget(self.line, 1)
        self.add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.view, 1)
        layout.addLayout(self.add_row)
        layout.addWidget(self.error)
        self.delete_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        QWidget.setTabOrder(self.remove_button, self.view)
        QWidget.setTabOrder(self.view, self.line)
        QWidget.setTabOrder(self.line, self.add_button)

    def add_author_combo(self, on_return: Callable[[], None]) -> QComboBox:
        """ "Who said it", between the line and Add (in the tab order too); Return in it adds
        the entry, as in the line. Typing a name's first letters picks it."""
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Who said it"))
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.add_row.insertWidget(1, combo)
        QWidget.setTabOrder(self.line, combo)
        QWidget.setTabOrder(combo, self.add_button)
        run_on_return(combo, on_return)
        self.author_combo = combo
        return combo

    def selected_row(self) -> int:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return rows[0].row() if rows else -1


class NoticeBar(QFrame):
    """One line saying what just happened ("Timer of “Pipeline” paused at 4:10."), with
    Undo when it can be undone. It keeps its place in the layout when hidden, so nothing
    below it moves."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NoticeBar")
        self.setStyleSheet(
            "QFrame#NoticeBar { background: palette(alternate-base);"
            " border: 1px solid palette(mid); border-radius: 4px; }"
        )
        self.label = plain_label(object_name="NoticeText")
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Put it back as it was"))
        self.undo_button.clicked.connect(self._on_undo_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 2, 4, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._undo: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTICE_MS)
        self._timer.timeout.connect(self.dismiss)
        self.hide()

    def text(self) -> str:
        return self.label.text() if self.isVisibleTo(self.parentWidget() or self) else ""

    def show_notice(self, text: str, undo: Callable[[], None] | None = None) -> None:
        self.label.setText(text)
        self.label.setToolTip(text)
        self._undo = undo
        self.undo_button.setVisible(undo is not None)
        self.show()
        self._timer.start()

    def dismiss(self) -> None:
        self._undo = None
        self._timer.stop()
        self.hide()

    def _on_undo_clicked(self) -> None:
        undo, self._undo = self._undo, None
        self.dismiss()
        if undo is not None:
            undo()
