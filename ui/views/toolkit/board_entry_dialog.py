"""Add or edit a win or a lesson of the wins-and-lessons board."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.board import BoardEntryRecord, BoardKind
from alignmeet.domain.rules import MAX_TITLE, short_date
from ui.controller import Controller
from ui.core_labels import label
from ui.record_form import FieldErrors
from ui.shown import changed_fields
from ui.undo import Step, step
from ui.views.toolkit.board_common import tag_combo

__all__ = ["BoardEntryDialog"]


class BoardEntryDialog(QDialog):
    """Add or edit a win or a lesson. A refused value keeps the dialog open with the message
    at its field and everything typed in place; `saved` holds the entry once stored."""

    def __init__(
        self,
        controller: Controller,
        *,
        kind: BoardKind = BoardKind.WIN,
        entry: BoardEntryRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.entry = entry
        self.saved: BoardEntryRecord | None = None
        self.setMinimumWidth(560)
        what = entry.kind if entry else kind
        if entry is not None:
            title = self.tr("Edit win") if what is BoardKind.WIN else self.tr("Edit lesson")
        else:
            title = self.tr("New win") if what is BoardKind.WIN else self.tr("New lesson")
        self.setWindowTitle(title)

        self._build_fields()
        self._lay_out()
        self._load(entry, kind)

    def _build_fields(self) -> None:
        controller = self.controller
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        for k in BoardKind:
            self.kind_combo.addItem(label(k.label), k.value)
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText(self.tr("e.g. Fabrikam signed after two webinars"))
        self.details_edit = QPlainTextEdit()
        self.details_edit.setAccessibleName(self.tr("Details"))
        self.details_edit.setTabChangesFocus(True)
        self.details_edit.setPlaceholderText(
            self.tr("What happened — for a lesson, what we try differently next time")
        )
        self.details_edit.setFixedHeight(110)
        self.team_combo = tag_combo()
        self.team_combo.setAccessibleName(self.tr("Team"))
        self.author_combo = QComboBox()
        self.author_combo.setAccessibleName(self.tr("Raised by"))
        self.author_combo.addItem(self.tr("Nobody in particular"), None)
        for member in controller.services.people.list_members():
            self.author_combo.addItem(f"{member.name} ({member.team_name})", member.id)
        self.meeting_combo = QComboBox()
        self.meeting_combo.setAccessibleName(self.tr("Meeting"))
        self.meeting_combo.addItem(self.tr("Between meetings"), None)
        for meeting in reversed(controller.services.meetings.list_meetings()):
            text = f"{meeting.title}, {short_date(meeting.starts_at.date())}"
            self.meeting_combo.addItem(text, meeting.id)

    def _lay_out(self) -> None:
        self._fields: dict[str, QWidget] = {
            "kind": self.kind_combo,
            "title": self.title_edit,
            "details": self.details_edit,
        }
        self.field_errors = FieldErrors()
        self.errors = self.field_errors.lines
        self.form_error = self.field_errors.general
        form = QFormLayout()
        for key, caption, widget in (
            ("kind", self.tr("&Kind"), self.kind_combo),
            ("title", self.tr("&Title"), self.title_edit),
            ("details", self.tr("&Details"), self.details_edit),
            ("team", self.tr("T&eam"), self.team_combo),
            ("author", self.tr("&Raised by"), self.author_combo),
            ("meeting", self.tr("&Meeting"), self.meeting_combo),
        ):
            box = self.field_errors.box(key, widget)
            box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            form.addRow(caption, box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.form_error)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _load(self, entry: BoardEntryRecord | None, kind: BoardKind) -> None:
        if entry is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(entry.kind.value))
            self.title_edit.setText(entry.title)
            self.details_edit.setPlainText(entry.details)
            self.team_combo.setCurrentIndex(self.team_combo.findData(entry.team_tag.value))
            self._pick(self.author_combo, entry.author_id, entry.author_name)
            self._pick(self.meeting_combo, entry.meeting_id, entry.meeting_title)
        else:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.title_edit.setFocus()

    @staticmethod
    def _pick(combo: QComboBox, value: int | None, label: str) -> None:
        if value is not None and combo.findData(value) < 0:
            combo.addItem(label, value)  # an inactive author is kept, not dropped
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def values(self) -> dict[str, object]:
        return {
            "kind": self.kind_combo.currentData(),
            "title": self.title_edit.text(),
            "details": self.details_edit.toPlainText(),
            "team_tag": self.team_combo.currentData(),
            "author_id": self.author_combo.currentData(),
            "meeting_id": self.meeting_combo.currentData(),
        }

    def _on_save(self) -> None:
        if self.field_errors.save(self._write):
            self.accept()

    def _write(self) -> None:
        values = self.values()
        if self.entry is None:
            self.saved = self.controller.perform(
                step(Step.NEW_BOARD_ENTRY), lambda s: s.board.add_entry(**values)
            )
        else:
            entry_id = self.entry.id
            edits = changed_fields(self.entry, values)
            self.saved = self.controller.perform_edit(
                step(Step.BOARD),
                lambda s, seen: s.board.update_entry(entry_id=entry_id, seen=seen, **edits),
                seen=self.entry,
                reread=lambda s: s.board.get_entry(entry_id),
                fields=edits,
            )
