"""The conflict dialog: someone else saved the same field first; keep mine or take theirs
— or, for free text such as notes, keep both (theirs, a blank line, then mine).

Both versions are shown side by side as plain text (selectable, so nothing typed is
lost even when the other version is taken). The dialog closes only through one of its
buttons: Escape or the window's close button would otherwise be a silent choice.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet import i18n as core_i18n
from alignmeet.services.base import ConflictError
from ui.widgets import plain_label, section_heading

KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"
KEEP_BOTH = "both"

FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("ConflictDialog", "Title"),
    "starts_at": QT_TRANSLATE_NOOP("ConflictDialog", "Starts"),
    "planned_minutes": QT_TRANSLATE_NOOP("ConflictDialog", "Planned length (minutes)"),
    "place": QT_TRANSLATE_NOOP("ConflictDialog", "Place"),
    "facilitator_id": QT_TRANSLATE_NOOP("ConflictDialog", "Facilitator"),
    "note_taker_id": QT_TRANSLATE_NOOP("ConflictDialog", "Note taker"),
    "topic": QT_TRANSLATE_NOOP("ConflictDialog", "Topic"),
    "end_goal": QT_TRANSLATE_NOOP("ConflictDialog", "End goal"),
    "previous_minutes_approved": QT_TRANSLATE_NOOP("ConflictDialog", "Previous minutes approved"),
    "next_meeting_at": QT_TRANSLATE_NOOP("ConflictDialog", "Next meeting"),
    "closing_notes": QT_TRANSLATE_NOOP("ConflictDialog", "Closing notes"),
    "minutes": QT_TRANSLATE_NOOP("ConflictDialog", "Time box (minutes)"),
    "owner_id": QT_TRANSLATE_NOOP("ConflictDialog", "Owner"),
    "kind": QT_TRANSLATE_NOOP("ConflictDialog", "Kind"),
    "notes": QT_TRANSLATE_NOOP("ConflictDialog", "Notes"),
    "persona_id": QT_TRANSLATE_NOOP("ConflictDialog", "Persona"),
    "due": QT_TRANSLATE_NOOP("ConflictDialog", "Due"),
    "team_tag": QT_TRANSLATE_NOOP("ConflictDialog", "Team tag"),
    "milestone": QT_TRANSLATE_NOOP("ConflictDialog", "Milestone"),
    "goal_id": QT_TRANSLATE_NOOP("ConflictDialog", "Goal"),
    "status": QT_TRANSLATE_NOOP("ConflictDialog", "Status"),
    # attendance and commitments
    "attendance": QT_TRANSLATE_NOOP("ConflictDialog", "Attendance"),
    "representative": QT_TRANSLATE_NOOP("ConflictDialog", "Representative of the other team"),
    "committed_at": QT_TRANSLATE_NOOP("ConflictDialog", "Committed"),
    "confidence": QT_TRANSLATE_NOOP("ConflictDialog", "Confidence"),
    "commitment_note": QT_TRANSLATE_NOOP("ConflictDialog", "Commitment note"),
    # members
    "name": QT_TRANSLATE_NOOP("ConflictDialog", "Name"),
    "team_id": QT_TRANSLATE_NOOP("ConflictDialog", "Team"),
    "role": QT_TRANSLATE_NOOP("ConflictDialog", "Role"),
    "email": QT_TRANSLATE_NOOP("ConflictDialog", "E-mail"),
    "active": QT_TRANSLATE_NOOP("ConflictDialog", "Active"),
    # the alignment toolkit
    "period": QT_TRANSLATE_NOOP("ConflictDialog", "Period"),
    "target_value": QT_TRANSLATE_NOOP("ConflictDialog", "Target"),
    "actual_value": QT_TRANSLATE_NOOP("ConflictDialog", "Actual"),
    "target": QT_TRANSLATE_NOOP("ConflictDialog", "Target"),
    "value": QT_TRANSLATE_NOOP("ConflictDialog", "Value"),
    "unit": QT_TRANSLATE_NOOP("ConflictDialog", "Unit"),
    "disposition": QT_TRANSLATE_NOOP("ConflictDialog", "Continue, eliminate or improve"),
    "higher_is_better": QT_TRANSLATE_NOOP("ConflictDialog", "Higher is better"),
    "period_kind": QT_TRANSLATE_NOOP("ConflictDialog", "Measured per"),
    "description": QT_TRANSLATE_NOOP("ConflictDialog", "Description"),
    "pains": QT_TRANSLATE_NOOP("ConflictDialog", "Pains"),
    "goals": QT_TRANSLATE_NOOP("ConflictDialog", "Goals"),
    "objections": QT_TRANSLATE_NOOP("ConflictDialog", "Objections"),
    "details": QT_TRANSLATE_NOOP("ConflictDialog", "Details"),
    "author_id": QT_TRANSLATE_NOOP("ConflictDialog", "Raised by"),
    "meeting_id": QT_TRANSLATE_NOOP("ConflictDialog", "Meeting"),
    "term": QT_TRANSLATE_NOOP("ConflictDialog", "Term"),
    "definition": QT_TRANSLATE_NOOP("ConflictDialog", "Definition"),
    "label": QT_TRANSLATE_NOOP("ConflictDialog", "Label"),
    "leads_received": QT_TRANSLATE_NOOP("ConflictDialog", "Leads received"),
    "recorded_by_id": QT_TRANSLATE_NOOP("ConflictDialog", "Recorded by"),
    "reason": QT_TRANSLATE_NOOP("ConflictDialog", "Reason"),
    "count": QT_TRANSLATE_NOOP("ConflictDialog", "Leads"),
    "lead_ref": QT_TRANSLATE_NOOP("ConflictDialog", "Lead reference"),
    "note": QT_TRANSLATE_NOOP("ConflictDialog", "Note"),
    "held_on": QT_TRANSLATE_NOOP("ConflictDialog", "Held on"),
    "progress": QT_TRANSLATE_NOOP("ConflictDialog", "Progress"),
    "tips_asked": QT_TRANSLATE_NOOP("ConflictDialog", "Tips asked for"),
    "tips_given": QT_TRANSLATE_NOOP("ConflictDialog", "Tips given"),
    "urgency": QT_TRANSLATE_NOOP("ConflictDialog", "Urgency"),
    "channel": QT_TRANSLATE_NOOP("ConflictDialog", "Channel"),
    "response_time": QT_TRANSLATE_NOOP("ConflictDialog", "Response time"),
}
# Stored as keys: "in_progress" → "In progress"
_WORDS = {"status", "kind", "team_tag", "attendance", "disposition", "period_kind", "reason"}


def field_label(field: str) -> str:
    text = FIELD_LABELS.get(field)
    if text is None:
        return field.replace("_", " ").capitalize()
    return QCoreApplication.translate("ConflictDialog", text)


def shown_value(field: str, value: object) -> str:
    """A stored value as a person reads it."""
    if value is None:
        return QCoreApplication.translate("ConflictDialog", "(none)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ConflictDialog", "Yes")
            if value
            else QCoreApplication.translate("ConflictDialog", "No")
        )
    if isinstance(value, datetime):
        return f"{core_i18n.day_date(value)}, {value:%H:%M}"
    if isinstance(value, date):
        return core_i18n.day_date(value)
    if isinstance(value, Enum):
        value = value.value
    text = str(value)
    if field in _WORDS:  # the core's label, in the chosen language (ui.core_labels)
        text = QCoreApplication.translate("Labels", text.replace("_", " ").capitalize())
    return text if text else QCoreApplication.translate("ConflictDialog", "(empty)")


def version_text(conflict: ConflictError, side: str) -> str:
    """One version (KEEP_MINE or TAKE_THEIRS) as plain text: each field's label, then its
    value — under each record's name when the change was of several records at once."""
    if conflict.parts:
        return "\n\n".join(f"{part.what}\n{version_text(part, side)}" for part in conflict.parts)
    values = conflict.mine if side == KEEP_MINE else conflict.theirs
    blocks = []
    for field in conflict.fields:
        blocks.append(f"{field_label(field)}:\n{shown_value(field, values.get(field))}")
    return "\n\n".join(blocks)


class ConflictDialog(QDialog):
    """Both versions side by side; `choice` is KEEP_MINE, TAKE_THEIRS or (with
    `keep_both`, for free text) KEEP_BOTH once closed.

    `on_choice(choice)` runs when a button is pressed, before the dialog closes, so the
    screens can show the chosen version while the field being edited is not focused.
    """

    def __init__(
        self,
        conflict: ConflictError,
        parent: QWidget | None = None,
        *,
        on_choice: Callable[[str], None] | None = None,
        keep_both: bool = False,
    ) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.choice: str | None = None
        self._on_choice = on_choice
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setMinimumSize(640, 360)

        fields = ", ".join(field_label(f).lower() for f in conflict.fields)
        intro = plain_label(
            self.tr(
                "{what} was changed by someone else while you were editing it ({fields}). "
                "Nothing has been overwritten yet: choose which version to keep."
            ).format(what=conflict.what, fields=fields),
            wrap=True,
        )
        if keep_both:
            intro.setText(
                intro.text()
                + " "
                + self.tr("“Keep both” saves their text, a blank line, then yours.")
            )

        mine, theirs = self.tr("Your version"), self.tr("Their version (saved)")
        self.mine_text = self._version_box(mine, version_text(conflict, KEEP_MINE))
        self.theirs_text = self._version_box(theirs, version_text(conflict, TAKE_THEIRS))
        grid = QGridLayout()
        grid.addWidget(section_heading(mine), 0, 0)
        grid.addWidget(section_heading(theirs), 0, 1)
        grid.addWidget(self.mine_text, 1, 0)
        grid.addWidget(self.theirs_text, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        buttons = QDialogButtonBox()
        self.keep_mine_button = QPushButton(self.tr("&Keep mine"))
        self.keep_mine_button.setToolTip(self.tr("Save your version over theirs."))
        self.take_theirs_button = QPushButton(self.tr("&Take theirs"))
        self.take_theirs_button.setToolTip(
            self.tr(
                "Show their version and drop yours (you can still copy it from the left first)."
            )
        )
        # Free text only (notes…): both texts, theirs first. None when not offered.
        self.keep_both_button: QPushButton | None = None
        buttons.addButton(self.keep_mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        if keep_both:
            self.keep_both_button = QPushButton(self.tr("Keep &both"))
            self.keep_both_button.setToolTip(
                self.tr("Save their text, a blank line, then yours: nobody's text is lost.")
            )
            self.keep_both_button.setAutoDefault(False)
            self.keep_both_button.clicked.connect(self._on_keep_both_button_clicked)
            buttons.addButton(self.keep_both_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_theirs_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.keep_mine_button.clicked.connect(self._on_keep_mine_button_clicked)
        self.take_theirs_button.clicked.connect(self._on_take_theirs_button_clicked)
        self.keep_mine_button.setAutoDefault(False)
        self.take_theirs_button.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)

    @staticmethod
    def _version_box(name: str, text: str) -> QPlainTextEdit:
        box = QPlainTextEdit()
        box.setReadOnly(True)
        box.setPlainText(text)
        box.setAccessibleName(name)
        return box

    def _choose(self, choice: str) -> None:
        self.choice = choice
        if self._on_choice is not None:
            self._on_choice(choice)
        self.done(QDialog.DialogCode.Accepted if choice != TAKE_THEIRS else 2)

    def _on_keep_mine_button_clicked(self) -> None:
        self._choose(KEEP_MINE)

    def _on_take_theirs_button_clicked(self) -> None:
        self._choose(TAKE_THEIRS)

    def _on_keep_both_button_clicked(self) -> None:
        self._choose(KEEP_BOTH)

    def reject(self) -> None:
        """Escape and the close button do nothing: the choice has to be made."""

    @classmethod
    def ask(
        cls,
        conflict: ConflictError,
        on_choice: Callable[[str], None],
        parent: QWidget | None = None,
        *,
        keep_both: bool = False,
    ) -> str | None:
        """Show the dialog until a choice is made (None only if it closed some other way)."""
        dialog = cls(conflict, parent, on_choice=on_choice, keep_both=keep_both)
        dialog.exec()
        return dialog.choice
