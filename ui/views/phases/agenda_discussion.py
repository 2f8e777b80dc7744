"""The right-hand column of the Agenda phase: the item's notes (saved as you type), its
ideas with who said them, and its decisions — in the same place for every kind of item."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QVBoxLayout, QWidget

from alignmeet.domain.enums import Attendance
from alignmeet.domain.records import AgendaItemRecord, ParticipantRecord
from alignmeet.domain.rules import ValidationError
from alignmeet.services import NotFoundError
from ui.autosave import DebouncedSaver
from ui.controller import Controller
from ui.models.decisions_model import DecisionsModel
from ui.models.ideas_model import IdeasModel
from ui.models.record_table_model import plain_tooltip
from ui.shown import Shown
from ui.views.phases import section_label, set_font
from ui.views.phases.agenda_parts import ListEditor
from ui.widgets import emptied


class Discussion(QSplitter):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.controller = controller
        self.item_id: int | None = None  # the item whose notes, ideas and decisions show
        self._notes_shown = Shown()  # the notes as loaded: what their autosave stands on
        self.setChildrenCollapsible(False)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("Notes on this item — saved as you type"))
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        set_font(self.notes_edit, 1.05)
        self.notes_saver = DebouncedSaver(self._save_notes, self)
        controller.register_saver(self.notes_saver)
        self.notes_edit.textChanged.connect(self.notes_saver.touch)
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.setSpacing(4)
        notes_layout.addWidget(section_label(self.tr("Notes")))
        notes_layout.addWidget(self.notes_edit, 1)

        self.ideas_model = IdeasModel(self)
        self.ideas = ListEditor(
            self.tr("Ideas"), self.tr("An idea…"), self.tr("Add idea"), "idea.text"
        )
        self.ideas.view.setModel(self.ideas_model)
        self.author_combo = self.ideas.add_author_combo(self.add_idea)
        self.ideas.line.returnPressed.connect(self.add_idea)
        self.ideas.add_button.clicked.connect(self.add_idea)
        self.ideas.remove_button.clicked.connect(self.remove_idea)
        self.ideas.delete_shortcut.activated.connect(self.remove_idea)
        self.ideas.view.selectionModel().selectionChanged.connect(self._update_remove_buttons)

        self.decisions_model = DecisionsModel(self)
        self.decisions = ListEditor(
            self.tr("Decisions"), self.tr("A decision…"), self.tr("Add decision"), "decision.text"
        )
        self.decisions.view.setModel(self.decisions_model)
        self.decisions.line.returnPressed.connect(self.add_decision)
        self.decisions.add_button.clicked.connect(self.add_decision)
        self.decisions.remove_button.clicked.connect(self.remove_decision)
        self.decisions.delete_shortcut.activated.connect(self.remove_decision)
        self.decisions.view.selectionModel().selectionChanged.connect(self._update_remove_buttons)

        for part, stretch in ((notes, 2), (self.ideas, 3), (self.decisions, 2)):
            self.addWidget(part)
            self.setStretchFactor(self.count() - 1, stretch)

    def tab_chain(self) -> list[QWidget]:
        """The controls in reading order (notes, then each list as it reads)."""
        return [
            self.notes_edit,
            self.ideas.remove_button,
            self.ideas.view,
            self.ideas.line,
            self.author_combo,
            self.ideas.add_button,
            self.decisions.remove_button,
            self.decisions.view,
            self.decisions.line,
            self.decisions.add_button,
        ]

    # ---- the item on screen --------------------------------------------------------------
    def show_item(self, item_id: int | None, item: AgendaItemRecord | None) -> None:
        """Another item: what was typed for the last one is saved first. Its notes show
        what is typed but not stored yet (the database did not take it), else the stored."""
        if item_id != self.item_id:
            self.notes_saver.flush()
            notes = (
                self.controller.shown_text("agenda_item", item.id, "notes", item.notes)
                if item
                else ""
            )
            with self.notes_saver.suspend():
                self.notes_edit.setPlainText(notes)
            self.item_id = item_id
            self._notes_shown.clear()
            if item is not None:
                self._notes_shown.load(item, "notes")
        self.refresh_lists()

    def forget_item(self) -> None:
        """Another meeting: save what waits, show nothing until an item is chosen."""
        self.notes_saver.flush()
        self.item_id = None

    def refresh_lists(self) -> None:
        agenda = self.controller.services.agenda
        self.ideas_model.set_rows(agenda.ideas(self.item_id) if self.item_id else [])
        self.decisions_model.set_rows(agenda.decisions(self.item_id) if self.item_id else [])
        self._update_remove_buttons()

    def on_item_changed(self, item_id: int) -> None:
        """The item changed elsewhere ("Take theirs" in a conflict, undo, another window):
        its lists again, and its stored notes unless typing waits to be saved."""
        if item_id != self.item_id:
            return
        self.refresh_lists()
        if self.notes_saver.pending:
            return
        try:
            item = self.controller.services.agenda.get_item(item_id)
        except NotFoundError:
            return
        self._notes_shown.load(item, "notes")
        # Typed but not stored yet (the database did not take it): that stays.
        stored = self.controller.shown_text("agenda_item", item_id, "notes", item.notes)
        if stored != self.notes_edit.toPlainText():
            with self.notes_saver.suspend():
                self.notes_edit.setPlainText(stored)

    def set_people(self, participants: Sequence[ParticipantRecord]) -> None:
        """Who can have said an idea: those present (everyone invited until attendance is
        taken). The choice made stays when it still can."""
        present = [p for p in participants if p.attendance is Attendance.PRESENT]
        people = present or list(participants)
        combo = self.author_combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— who said it? —"), None)
        for p in people:
            combo.addItem(p.name, p.member_id)
            # the whole name in the tooltip (the box may cut it); never markup
            combo.setItemData(combo.count() - 1, plain_tooltip(p.name), Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _update_remove_buttons(self) -> None:
        self.ideas.remove_button.setEnabled(self.ideas.selected_row() >= 0)
        self.decisions.remove_button.setEnabled(self.decisions.selected_row() >= 0)

    # ---- writes ----------------------------------------------------------------------
    def _save_notes(self) -> None:
        if self.item_id is None:
            return
        try:
            saved = self.controller.update_item(
                item_id=self.item_id,
                notes=self.notes_edit.toPlainText(),
                seen=self._notes_shown.seen("notes"),
            )
            if saved.id == self.item_id:
                self._notes_shown.load(saved, "notes")
        except ValidationError as exc:
            self.controller.status_shown.emit(exc.message)
        except NotFoundError:
            self.controller.status_shown.emit(
                self.tr("That agenda item was removed meanwhile; its notes were not kept.")
            )

    def add_idea(self) -> None:
        if self.item_id is None:
            return
        try:
            self.controller.add_idea(
                item_id=self.item_id,
                text=self.ideas.line.text(),
                author_id=self.author_combo.currentData(),
            )
        except ValidationError as exc:
            self.ideas.error.show_error(exc.message, self.ideas.line)
            return
        self.ideas.error.clear_error()
        emptied(self.ideas.line)
        self.author_combo.setCurrentIndex(0)
        self.ideas.view.scrollToBottom()
        self.ideas.line.setFocus()

    def remove_idea(self) -> None:
        row = self.ideas.selected_row()
        if row < 0 or self.item_id is None:
            return
        self.controller.remove_idea(item_id=self.item_id, idea_id=self.ideas_model.record(row).id)

    def add_decision(self) -> None:
        if self.item_id is None:
            return
        try:
            self.controller.add_decision(item_id=self.item_id, text=self.decisions.line.text())
        except ValidationError as exc:
            self.decisions.error.show_error(exc.message, self.decisions.line)
            return
        self.decisions.error.clear_error()
        emptied(self.decisions.line)
        self.decisions.view.scrollToBottom()
        self.decisions.line.setFocus()

    def remove_decision(self) -> None:
        row = self.decisions.selected_row()
        if row < 0 or self.item_id is None:
            return
        self.controller.remove_decision(
            item_id=self.item_id, decision_id=self.decisions_model.record(row).id
        )
