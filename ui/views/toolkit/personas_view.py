"""Customer personas: the list and editor (Alignment page). The big persona card a meeting
puts on screen and the picker for editors live in `persona_card` (imported from here too)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.personas import PersonaRecord
from alignmeet.domain.rules import MAX_NAME, MAX_TITLE
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.models.personas_model import COL_NAME, PersonaReferencesModel, PersonasModel
from ui.models.plural import plural
from ui.record_form import RecordForm
from ui.record_table import record_table, select_record, selected_record
from ui.undo import Step, step
from ui.views.toolkit.common import button_row, follow_area
from ui.views.toolkit.common import card as _card_frame
from ui.views.toolkit.persona_card import (
    AREA,
    TEXT_FIELDS,
    PersonaCard,
    PersonaCardDialog,
    PersonaPicker,
    show_persona_card,
    text_field_tr,
)
from ui.widgets import plain_label, section_heading


class PersonasView(QWidget):
    """The personas both teams argue through: list on the left, the profile on the right."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._restoring = False
        self._cards: list[QDialog] = []
        list_card = self._build_list()
        form_card = self._build_form()
        refs_card = self._build_references()
        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(form_card, 1)
        right.addWidget(refs_card)
        body = QHBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(16)
        body.addWidget(list_card)
        body.addLayout(right, 1)

        follow_area(self, controller, AREA)
        controller.agenda_changed.connect(lambda *_: self._refresh_references())
        controller.actions_changed.connect(lambda *_: self._refresh_references())
        self.refresh()

    def _build_list(self) -> QWidget:
        self.model = PersonasModel(self)
        self.table = record_table(
            self.model,
            self.tr("Personas"),
            row_height=32,
            resize=QHeaderView.ResizeMode.Stretch,
            alternating=False,
        )
        self.table.horizontalHeader().setSectionResizeMode(
            COL_NAME, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(lambda *_: self._on_show_button_clicked())
        self.archived_check = QCheckBox(self.tr("Show archived"))
        self.archived_check.toggled.connect(lambda *_: self.refresh())
        self.count_label = plain_label()

        list_card, list_layout = _card_frame()
        top = button_row((section_heading(self.tr("Personas")), self.count_label))
        list_layout.addLayout(top)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.archived_check)
        hint = plain_label(
            self.tr(
                "Ask “how would this persona respond?” instead of “that won’t work”. "
                "Agenda items and actions can name a persona."
            ),
            wrap=True,
        )
        list_layout.addWidget(hint)
        list_card.setFixedWidth(360)
        return list_card

    def _build_form(self) -> QWidget:
        self.form = form = RecordForm(
            new_heading=self.tr("New persona"),
            editing_heading=lambda p: self.tr("Editing {name}").format(name=p.name),
            add=self.tr("Add persona"),
            save=self.tr("Save changes"),
            archive=(self.tr("Archive"), self.tr("Restore")),
            clear=self.tr("Clear form"),
            clear_tip=self.tr("Stop editing and start a new persona"),
            clear_in_heading=True,  # up there it leaves room for the longer labels
            spacing=(12, 4),
        )
        form.archive_button.setToolTip(
            self.tr("Archived personas leave the pick lists; items that name them keep the link")
        )
        self.show_button = QPushButton(self.tr("Show on screen"))
        self.show_button.setToolTip(
            self.tr("Open the persona's card in large type, for the projector")
        )
        self.show_button.clicked.connect(self._on_show_button_clicked)
        form.add_action(self.show_button)
        self._build_fields(form)
        form.on(
            add=self._on_add_button_clicked,
            save=self._on_save_button_clicked,
            archive=self._on_archive_button_clicked,
            clear=self._on_clear_button_clicked,
        )
        # the names the tests and the rest of the view know them by
        self.form_heading, self.form_error, self.form_note = form.heading, form.error, form.note
        self.add_button, self.save_button = form.add_button, form.save_button
        self.archive_button, self.clear_button = form.archive_button, form.clear_button
        self._fields, self.field_errors = form.fields, form.field_errors
        form_card, form_layout = _card_frame()
        form_layout.addWidget(form)
        return form_card

    def _build_fields(self, form: RecordForm) -> None:
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Larry, the CFO"))
        self.name_edit.setAccessibleName(self.tr("Persona name"))
        self.name_edit.setMaxLength(MAX_NAME)
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText(self.tr("Job title, company size, industry"))
        self.role_edit.setAccessibleName(self.tr("Role"))
        self.role_edit.setMaxLength(MAX_TITLE)
        for column, (key, edit, caption) in enumerate(
            (("name", self.name_edit, self.tr("&Name")), ("role", self.role_edit, self.tr("&Role")))
        ):
            title = QLabel(caption)
            title.setBuddy(edit)
            form.grid.addWidget(title, 0, column)
            form.grid.addWidget(form.field_box(key, edit), 1, column)
        self.text_edits: dict[str, QPlainTextEdit] = {}
        texts = QGridLayout()
        texts.setHorizontalSpacing(12)
        texts.setVerticalSpacing(4)
        for column, (key, caption, hint_text) in enumerate(TEXT_FIELDS):
            edit = QPlainTextEdit()
            edit.setPlaceholderText(text_field_tr(hint_text))
            edit.setAccessibleName(text_field_tr(caption).replace("&", ""))
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(120)
            self.text_edits[key] = edit
            title = QLabel(text_field_tr(caption))
            title.setBuddy(edit)
            texts.addWidget(title, 0, column)
            texts.addWidget(form.field_box(key, edit), 1, column)
            texts.setColumnStretch(column, 1)
        form.add_layout(texts, 1)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(
            self.tr("Where the persona comes from (interviews, CRM data)")
        )
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(62)
        self.text_edits["notes"] = self.notes_edit
        notes_title = QLabel(self.tr("No&tes"))
        notes_title.setBuddy(self.notes_edit)
        form.add_widget(notes_title)
        form.add_widget(form.field_box("notes", self.notes_edit))

    def _build_references(self) -> QWidget:
        self.references_model = PersonaReferencesModel(self)
        self.references_table = record_table(
            self.references_model,
            self.tr("Agenda items and actions naming the persona"),
            resize=QHeaderView.ResizeMode.ResizeToContents,
            stretch=1,
            alternating=False,
            selection=QAbstractItemView.SelectionMode.NoSelection,
        )
        self.references_table.setFixedHeight(150)
        self.references_label = plain_label(wrap=True)
        refs_card, refs_layout = _card_frame()
        refs_top = QHBoxLayout()
        refs_top.addWidget(section_heading(self.tr("Used in")))
        refs_top.addWidget(self.references_label, 1)
        refs_layout.addLayout(refs_top)
        refs_layout.addWidget(self.references_table)
        return refs_card

    @property
    def _editing(self) -> PersonaRecord | None:
        return self.form.editing

    # ---- reading --------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list; the form keeps whatever is typed in it."""
        services = self.controller.services
        everyone = services.personas.list_personas(include_archived=True)
        shown = [p for p in everyone if self.archived_check.isChecked() or not p.archived]
        self._restoring = True
        try:
            self.model.set_rows(shown)
            if self._editing is not None:
                editing_id = self._editing.id
                self.form.editing = next((p for p in everyone if p.id == editing_id), None)
                if self._editing is not None:
                    self._select(self._editing.id)
        finally:
            self._restoring = False
        active = sum(1 for p in everyone if not p.archived)
        archived = len(everyone) - active
        if archived:
            text = self.tr("({active} active, {archived} archived)")
        else:
            text = self.tr("({active} active)")
        text = text.format(active=active, archived=archived)
        self.count_label.setText(text if everyone else self.tr("(none yet)"))
        self._refresh_references()
        self._update_form_state()

    def _refresh_references(self) -> None:
        persona = self._editing
        if persona is None:
            self.references_model.set_rows([])
            self.references_label.setText(
                self.tr("Pick a persona to see the agenda items and actions.")
            )
            return
        try:
            refs = self.controller.services.personas.references(persona.id)
        except NotFoundError:
            return
        self.references_model.set_rows([*refs.agenda_items, *refs.actions])
        self.references_label.setText(self._describe(len(refs.agenda_items), len(refs.actions)))

    def _describe(self, items: int, actions: int) -> str:
        """ "Referenced by 2 agenda items and 1 action." / "Not referenced … yet." """
        parts = []
        if items:
            parts.append(plural(self.tr("%n agenda item(s)", "", items), items))
        if actions:
            parts.append(plural(self.tr("%n action(s)", "", actions), actions))
        if not parts:
            return self.tr("Not referenced by any agenda item or action yet.")
        return self.tr("Referenced by {things}.").format(things=self.tr(" and ").join(parts))

    def _select(self, persona_id: int) -> None:
        select_record(self.table, self.model.row_of(lambda p: p.id == persona_id))

    def _selected(self) -> PersonaRecord | None:
        record = selected_record(self.table)
        return record if isinstance(record, PersonaRecord) else None

    # ---- the form -------------------------------------------------------------------
    def _load_form(self, persona: PersonaRecord | None) -> None:
        self.form.load(
            persona,
            {key: getattr(persona, key) if persona else "" for key in self.form.fields},
        )
        self._refresh_references()
        self._update_form_state()

    def _update_form_state(self) -> None:
        self.form.update_buttons()

    def _note(self, text: str) -> None:
        self.form.show_note(text)

    def _on_add_button_clicked(self) -> None:
        values = self.form.values()
        persona = self.form.attempt(
            lambda: self.controller.perform(
                step(Step.NEW_PERSONA), lambda s: s.personas.add_persona(**values)
            )
        )
        if persona is None:
            return
        self._load_form(persona)
        self._select(persona.id)
        self._note(self.tr("Added {name}.").format(name=persona.name))

    def _on_save_button_clicked(self) -> None:
        self._save_form()

    def _save_form(self) -> PersonaRecord | None:
        if self._editing is None:
            return None
        persona_id = self._editing.id
        edits = self.form.edits()
        persona = self.form.attempt(
            lambda: self.controller.perform_edit(
                step(Step.CHANGE_PERSONA),
                lambda s, seen: s.personas.update_persona(
                    persona_id=persona_id, seen=seen, **edits
                ),
                seen=self.form.seen,
                reread=lambda s: s.personas.get_persona(persona_id),
                fields=edits,
            )
        )
        if persona is None:
            return None
        self._load_form(persona)
        # "Take theirs" in a conflict saved nothing of the form: no "Saved" then.
        kept = self.controller.kept_theirs
        self._note("" if kept else self.tr("Saved {name}.").format(name=persona.name))
        return persona

    def _on_archive_button_clicked(self) -> None:
        persona = self._editing
        if persona is None:
            return
        if self.form.differs() and self._save_form() is None:
            return
        if persona.archived:
            updated = self.controller.perform(
                step(Step.RESTORE_PERSONA),
                lambda s: s.personas.restore_persona(persona_id=persona.id),
            )
        else:
            updated = self.controller.perform(
                step(Step.ARCHIVE_PERSONA),
                lambda s: s.personas.archive_persona(persona_id=persona.id),
            )
        self.form.editing = updated
        self._update_form_state()
        if updated.archived and not self.archived_check.isChecked():
            self._load_form(None)
        if updated.archived:
            self._note(self.tr("{name} is archived.").format(name=updated.name))
        else:
            self._note(self.tr("{name} is back in the pick lists.").format(name=updated.name))

    def _on_show_button_clicked(self) -> None:
        persona = self._editing or self._selected()
        if persona is None:
            return
        if self.form.differs() and self._save_form() is None:
            return
        dialog = show_persona_card(self.controller, persona.id, self.window())
        self._cards = [c for c in self._cards if c.isVisible()] + [dialog]

    def _on_clear_button_clicked(self) -> None:
        self.table.clearSelection()
        self._load_form(None)
        self.name_edit.setFocus()

    def _on_table_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if self._restoring:
            return
        record = self._selected()
        if record is None:
            return
        edited = self._editing
        if edited is not None and record.id != edited.id and self.form.differs():
            saved = self._save_form()  # keep what was typed: save before switching
            if saved is None:
                self._restoring = True
                try:
                    self._select(edited.id)
                finally:
                    self._restoring = False
                return
            row = self.model.row_of(lambda p: p.id == record.id)
            self._load_form(self.model.record(row) if row >= 0 else record)
            self._select(record.id)
            if not self.controller.kept_theirs:
                self._note(self.tr("Saved {name}.").format(name=saved.name))
            return
        self._load_form(record)


__all__ = [
    "COL_NAME",
    "PersonaCard",
    "PersonaCardDialog",
    "PersonaPicker",
    "PersonasView",
    "show_persona_card",
]
