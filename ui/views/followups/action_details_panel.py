"""The selected action under the follow-ups list: who and what, the status buttons with a
note for the history, "Open meeting", and the action's history, one line per change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import ActionStatus
from alignmeet.domain.records import ActionLine
from ui.models.action_history_model import ActionHistoryModel
from ui.views.followups.choices import MARK_AS_TIPS, STATUS_BUTTONS, tr_page
from ui.widgets import FieldError, plain_label


class ActionDetailsPanel(QWidget):
    status_requested = Signal(object)  # the ActionStatus of the button pressed
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self._build_status(), 2)
        layout.addWidget(self._build_history(), 3)

    def _build_status(self) -> QWidget:
        self.selected_label = plain_label(object_name="SelectedAction", wrap=True)
        font = self.selected_label.font()
        font.setBold(True)
        self.selected_label.setFont(font)
        self.status_buttons: dict[ActionStatus, QPushButton] = {}
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        for text, status in STATUS_BUTTONS:
            button = QPushButton(tr_page(text))
            button.setToolTip(tr_page(MARK_AS_TIPS[status]))
            button.clicked.connect(lambda _=False, s=status: self.status_requested.emit(s))
            self.status_buttons[status] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note for the history, e.g. “Sent on 3 March”"))
        self.note_edit.setAccessibleName(self.tr("Status note"))
        self.note_edit.setMaxLength(5000)
        # Return: on to the status to record the note with (a note alone is no change).
        self.note_edit.setToolTip(
            self.tr(
                "Goes into the history with the status you choose next (Return: to the statuses)"
            )
        )
        self.note_edit.returnPressed.connect(self.focus_status_buttons)
        self.open_button = QPushButton(self.tr("Open meeting"))
        self.open_button.setToolTip(
            self.tr("Open the meeting where this action was agreed (Enter)")
        )
        self.open_button.clicked.connect(self.open_requested)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note_edit, 1)
        note_row.addWidget(self.open_button)
        self.error = FieldError(self)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.selected_label)
        left_layout.addLayout(buttons)
        left_layout.addLayout(note_row)
        left_layout.addWidget(self.error)
        left_layout.addStretch(1)
        return left

    def _build_history(self) -> QWidget:
        # One line per change: "22 Nov 2026 · Sept sync · Open → Done · by Priya · note".
        self.history_model = ActionHistoryModel(self)
        self.history_list = QListView()
        self.history_list.setModel(self.history_model)
        self.history_list.setAccessibleName(self.tr("History"))
        self.history_list.setWordWrap(True)
        self.history_list.setAlternatingRowColors(True)
        self.history_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history_list.setResizeMode(QListView.ResizeMode.Adjust)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(4)
        right_layout.addWidget(plain_label(self.tr("History"), object_name="SectionLabel"))
        right_layout.addWidget(self.history_list, 1)
        return right

    def focus_status_buttons(self) -> None:
        """Focus the first status the action can change to (Return in the note)."""
        button = next((b for b in self.status_buttons.values() if b.isEnabled()), None)
        if button is None:
            return
        button.setFocus(Qt.FocusReason.TabFocusReason)

    def show_action(self, line: ActionLine | None, owner: str = "", history: Sequence = ()) -> None:
        """The action (its status buttons, note and history), or the hint when none is."""
        self.error.clear_error()
        enabled = line is not None
        for status, button in self.status_buttons.items():
            button.setEnabled(enabled and (line is None or line.status != status.value))
        self.note_edit.setEnabled(enabled)
        self.open_button.setEnabled(enabled)
        if line is None:
            self.selected_label.setText(
                self.tr("Select an action to change its status or see its history.")
            )
            self.history_model.set_rows([])
            return
        self.selected_label.setText(f"{owner}: {line.title}")
        self.history_model.set_rows(list(history))
        self.history_list.scrollToBottom()
