"""First run: a short welcome that offers the sample data or an empty start, and says
what to do first."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.services import Services
from ui.controller import Controller
from ui.widgets import page_title, plain_label, warn

# Translated where shown (self.tr).
INTRO = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "AlignMeet guides you through joint Sales & Marketing meetings: a shared agenda with "
    "time boxes, every member's own action plan and commitment, and last meeting's "
    "promises back for review. Minutes come out as a Word document.",
)
SAMPLE = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "Try it with sample data: ten members of both teams, two past monthly meetings with "
    "their minutes, and the next one ready to run — plus goals, KPIs, a glossary and "
    "the rest of the alignment toolkit filled in.",
)
EMPTY = QT_TRANSLATE_NOOP(
    "WelcomeDialog",
    "Or start empty: add the members of both teams on People & teams, then create your "
    "first meeting on the Meetings page (Ctrl+N).",
)


def is_new_database(services: Services) -> bool:
    """Nothing entered yet: no meetings and no members (the two default teams only)."""
    return not services.meetings.list_meetings() and not services.people.list_members(
        include_inactive=True
    )


class WelcomeDialog(QDialog):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setWindowTitle(self.tr("Welcome to AlignMeet"))
        self.choice: str | None = None
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(page_title(self.tr("Welcome to AlignMeet")))
        for text in (INTRO, SAMPLE, EMPTY):
            label = plain_label(self.tr(text), wrap=True)
            layout.addWidget(label)
        buttons = QDialogButtonBox()
        self.sample_button = QPushButton(self.tr("Start with &sample data"))
        self.sample_button.setDefault(True)
        self.empty_button = QPushButton(self.tr("Start &empty"))
        buttons.addButton(self.sample_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.sample_button.clicked.connect(self.use_sample_data)
        self.empty_button.clicked.connect(self.start_empty)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)

    def use_sample_data(self) -> None:
        from alignmeet.demo import build_demo

        c = self.controller
        today = date.today()
        try:
            # One operation (every view hears what it wrote); not a step of Edit › Undo.
            summary = c.perform("sample data", lambda s: build_demo(s, today=today), undo=False)
        except ValueError as exc:  # meetings were added meanwhile
            warn(self, self.tr("No sample data added"), str(exc))
            self.reject()
            return
        self.choice = "sample"
        c.select_meeting(summary.upcoming_meeting_id)
        c.navigate("meetings")
        c.status_shown.emit(
            self.tr(
                "Sample data added: the next meeting is selected — open Prepare or Run meeting."
            )
        )
        self.accept()

    def start_empty(self) -> None:
        self.choice = "empty"
        self.controller.navigate("people")
        self.controller.status_shown.emit(
            self.tr("First step: add the members of both teams, then create a meeting (Ctrl+N).")
        )
        self.reject()
