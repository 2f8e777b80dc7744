"""The form for a glossary proposal, from the Glossary tab and from a meeting's glossary
item: a new term, or a new wording of one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import MeetingStatus
from alignmeet.domain.glossary import MAX_TERM, GlossaryVersionRecord
from alignmeet.domain.rules import ValidationError, short_date
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.record_form import FieldErrors
from ui.undo import Step, step
from ui.widgets import plain_label

__all__ = ["ProposeDialog"]


class ProposeDialog(QDialog):
    """Propose a new term, or a new wording of one: it stays a proposal until a meeting
    approves it. Errors show at their field; the dialog stays open with what was typed."""

    def __init__(
        self,
        controller: Controller,
        *,
        term: str = "",
        definition: str = "",
        meeting_id: int | None = None,
        fixed_meeting: bool = False,
        proposer_ids: list[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.result_version: GlossaryVersionRecord | None = None
        self.setWindowTitle(self.tr("Propose a glossary change"))
        services = controller.services

        self.term_edit = QLineEdit(term)
        self.term_edit.setAccessibleName(self.tr("Term"))
        self.term_edit.setMaxLength(MAX_TERM)
        self.term_edit.setPlaceholderText(self.tr("e.g. MQL"))
        names = [t.term for t in services.glossary.terms()]
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.term_edit.setCompleter(completer)
        self.definition_edit = QPlainTextEdit(definition)
        self.definition_edit.setAccessibleName(self.tr("Definition"))
        self.definition_edit.setPlaceholderText(self.tr("The wording both teams should agree on…"))
        self.definition_edit.setTabChangesFocus(True)
        self.definition_edit.setMinimumHeight(120)

        self._build_meeting_combo(meeting_id, fixed_meeting=fixed_meeting)
        self._build_by_combo(proposer_ids)
        self._fields: dict[str, QWidget] = {
            "term": self.term_edit,
            "definition": self.definition_edit,
            "meeting": self.meeting_combo,
            "proposed_by": self.by_combo,
        }
        self.errors = FieldErrors()
        self.field_errors = self.errors.lines
        self.form_error = self.errors.general
        form = QFormLayout()
        labels = {
            "term": self.tr("&Term"),
            "definition": self.tr("&Definition"),
            "meeting": self.tr("For &meeting"),
            "proposed_by": self.tr("Proposed &by"),
        }
        for key, widget in self._fields.items():
            form.addRow(labels[key], self.errors.box(key, widget))
        hint = plain_label(
            self.tr(
                "The wording becomes the current definition only when a meeting approves it, "
                "as a decision of its glossary agenda item."
            ),
            wrap=True,
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.propose_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.propose_button.setText(self.tr("Propose"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.form_error)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        (self.definition_edit if term else self.term_edit).setFocus()

    def open_then(
        self, on_proposed: Callable[[GlossaryVersionRecord | None], object]
    ) -> ProposeDialog:
        """Open (window-modal, not blocking); `on_proposed` gets the proposal once made."""
        self.accepted.connect(lambda: on_proposed(self.result_version))
        self.open()
        return self

    def _build_meeting_combo(self, meeting_id: int | None, *, fixed_meeting: bool) -> None:
        self.meeting_combo = QComboBox()
        self.meeting_combo.setAccessibleName(self.tr("For meeting"))
        self.meeting_combo.addItem(self.tr("No meeting in particular (the next one decides)"), None)
        for meeting in self.controller.services.meetings.list_meetings():
            if meeting.status is MeetingStatus.CLOSED and meeting.id != meeting_id:
                continue
            label = f"{meeting.title}, {short_date(meeting.starts_at.date())}"
            if meeting.status is MeetingStatus.RUNNING:
                label += " " + self.tr("(running)")
            self.meeting_combo.addItem(label, meeting.id)
        found = self.meeting_combo.findData(meeting_id)
        self.meeting_combo.setCurrentIndex(max(found, 0))
        self.meeting_combo.setEnabled(not fixed_meeting)

    def _build_by_combo(self, proposer_ids: list[int] | None) -> None:
        self.by_combo = QComboBox()
        self.by_combo.setAccessibleName(self.tr("Proposed by"))
        self.by_combo.addItem("—", None)
        allowed = set(proposer_ids) if proposer_ids is not None else None
        for member in self.controller.services.people.list_members():
            if allowed is None or member.id in allowed:
                self.by_combo.addItem(f"{member.name} ({member.team_name})", member.id)

    def _on_buttons_accepted(self) -> None:
        self.errors.clear()
        try:
            values = {
                "term": self.term_edit.text(),
                "definition": self.definition_edit.toPlainText(),
                "meeting_id": self.meeting_combo.currentData(),
                "proposed_by_id": self.by_combo.currentData(),
            }
            self.result_version = self.controller.perform(
                step(Step.GLOSSARY_PROPOSAL), lambda s: s.glossary.propose(**values)
            )
        except ValidationError as exc:
            self.errors.show(exc)
            return
        except NotFoundError as exc:
            self.errors.show_message(str(exc))
            return
        self.accept()
