"""Offered at start when due: a bar over the pages saying who has actions due this week and
that no reminder went out for six days, with "Send reminders…" and "Not now" (asked again
the next day)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from ui.controller import Controller
from ui.widgets import plain_label

NOT_NOW_KEY = "reminders/not_now"


class ReminderBar(QFrame):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ReminderBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "QFrame#ReminderBar { border: 1px solid palette(mid); border-radius: 6px;"
            " background: palette(alternate-base); }"
        )
        self.controller = controller
        self.text = plain_label(object_name="ReminderText", wrap=True)
        self.send_button = QPushButton(self.tr("Send reminders…"))
        self.send_button.clicked.connect(self._on_send_button_clicked)
        self.later_button = QPushButton(self.tr("Not now"))
        self.later_button.clicked.connect(self._on_later_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.send_button)
        layout.addWidget(self.later_button)
        self.hide()

    def offer(self, today: date | None = None) -> bool:
        """Show the bar when reminders are due (and not put off today); True if shown."""
        today = today or self.controller.services.recaps.clock().date()
        if str(QSettings().value(NOT_NOW_KEY, "")) == today.isoformat():
            return False
        try:
            due = self.controller.services.recaps.reminders_due(today)
        except Exception:  # a damaged settings file or database: never block the start
            return False
        if not due:
            self.hide()
            return False
        actions = sum(p.actions for p in due)
        self.text.setText(
            self.tr(
                "{people} members have {actions} open actions overdue or due this week, and "
                "no reminder went out in the last six days."
            ).format(people=len(due), actions=actions)
        )
        self.show()
        return True

    def _on_send_button_clicked(self) -> None:
        from ui.views.accountability.mail_run_dialog import MailRunDialog

        self.hide()
        dialog = MailRunDialog(self.controller, None, self.window())
        try:
            dialog.exec()  # tests replace MailRunDialog.exec
        finally:
            dialog.deleteLater()

    def _on_later_button_clicked(self) -> None:
        today = self.controller.services.recaps.clock().date()
        QSettings().setValue(NOT_NOW_KEY, today.isoformat())
        self.hide()
