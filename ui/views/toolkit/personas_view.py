"""Customer personas: the list and editor (Alignment page), the big persona card a meeting
puts on screen ("how would Larry respond to this campaign?"), and a picker for editors."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.bidi import bidi_safe
from alignmeet.domain.personas import PersonaRecord, profile_blocks
from alignmeet.domain.rules import MAX_NAME, MAX_TITLE, ValidationError
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.models.personas_model import (
    COL_NAME,
    PersonaReferencesModel,
    PersonasModel,
    persona_label,
)
from ui.models.plural import plural
from ui.models.record_table_model import RECORD_ROLE
from ui.shown import LoadedForm
from ui.undo import Step, step
from ui.views.meeting_dialog import field_with_error
from ui.views.toolkit.common import card as _card_frame
from ui.widgets import FieldError, plain_label, section_heading, show_validation

AREA = "personas"
# key, label, hint (translated where shown, context "PersonasView")
_TEXT_FIELDS = (
    (
        "pains",
        QT_TRANSLATE_NOOP("PersonasView", "&Pains"),
        QT_TRANSLATE_NOOP("PersonasView", "What keeps them up at night — one point per line"),
    ),
    (
        "goals",
        QT_TRANSLATE_NOOP("PersonasView", "&Goals"),
        QT_TRANSLATE_NOOP("PersonasView", "What they want to achieve — one point per line"),
    ),
    (
        "objections",
        QT_TRANSLATE_NOOP("PersonasView", "&Objections"),
        QT_TRANSLATE_NOOP("PersonasView", "What they say to push back — one point per line"),
    ),
)


def _tr(text: str) -> str:
    """A string of _TEXT_FIELDS in the chosen language."""
    return QCoreApplication.translate("PersonasView", text)


def _sized(label: QLabel, points: float, *, bold: bool = False) -> QLabel:
    font = QFont(label.font())
    font.setPointSizeF(points)
    font.setBold(bold)
    label.setFont(font)
    return label


# ---- the persona card -------------------------------------------------------------------
class PersonaCard(QFrame):
    """A persona in large type, readable on a projector: name, role, and three blocks —
    pains, goals, objections — side by side. All text is shown as typed (plain text)."""

    def __init__(
        self, persona_record: PersonaRecord | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.persona: PersonaRecord | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 24)
        layout.setSpacing(10)
        self.name_label = _sized(plain_label(), 30, bold=True)
        self.name_label.setWordWrap(True)
        self.name_label.setAccessibleName(self.tr("Persona name"))
        self.role_label = _sized(plain_label(), 18)
        self.role_label.setWordWrap(True)
        layout.addWidget(self.name_label)
        layout.addWidget(self.role_label)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        blocks = QHBoxLayout()
        blocks.setSpacing(32)
        self.block_headings: list[QLabel] = []
        self.block_lists: list[QVBoxLayout] = []
        for _key, title, _hint in _TEXT_FIELDS:
            column = QVBoxLayout()
            column.setSpacing(10)
            caption = _tr(title).replace("&", "")
            heading = _sized(plain_label(caption), 20, bold=True)
            heading.setAccessibleName(caption)
            points = QVBoxLayout()
            points.setSpacing(10)
            column.addWidget(heading)
            column.addLayout(points)
            column.addStretch(1)
            blocks.addLayout(column, 1)
            self.block_headings.append(heading)
            self.block_lists.append(points)
        layout.addLayout(blocks, 1)
        self.set_persona(persona_record)

    def set_persona(self, persona: PersonaRecord | None) -> None:
        self.persona = persona
        self.name_label.setText(persona.name if persona else self.tr("No persona chosen"))
        self.role_label.setText(
            (persona.role or self.tr("Role not described yet")) if persona else ""
        )
        blocks = profile_blocks(persona) if persona else (("", ()),) * len(self.block_lists)
        for points_layout, (_label, points) in zip(self.block_lists, blocks, strict=True):
            _clear(points_layout)
            for point in points or ("—",):
                points_layout.addLayout(self._point_row(point if points else "", bool(points)))

    def points_text(self) -> list[list[str]]:
        """The points shown in each block (for tests and the accessibility tree)."""
        result = []
        for points_layout in self.block_lists:
            texts = []
            for i in range(points_layout.count()):
                row = points_layout.itemAt(i).layout()
                label = row.itemAt(1).widget() if row is not None else None
                if isinstance(label, QLabel) and label.text():
                    texts.append(label.text())
            result.append(texts)
        return result

    @staticmethod
    def _point_row(text: str, bullet: bool) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(10)
        mark = _sized(plain_label("•" if bullet else "—"), 16, bold=True)
        mark.setAlignment(Qt.AlignmentFlag.AlignTop)
        body = _sized(plain_label(text), 16)
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(mark)
        row.addWidget(body, 1)
        return row


def _clear(layout: QVBoxLayout | QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        child = item.layout()
        if child is not None:
            _clear(child)  # type: ignore[arg-type]
            child.deleteLater()


class PersonaCardDialog(QDialog):
    """A separate, non-modal window with the card, for the projector while the meeting runs.
    It follows edits of the persona made meanwhile."""

    def __init__(self, controller: Controller, persona_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.persona_id = persona_id
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.card = PersonaCard()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(self.card, 1)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, activated=self._toggle_full_screen)
        self.resize(1100, 640)
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        self.refresh()

    def refresh(self) -> None:
        try:
            persona = self.controller.services.personas.get_persona(self.persona_id)
        except NotFoundError:
            self.close()
            return
        self.card.set_persona(persona)
        self.setWindowTitle(self.tr("Persona — {name}").format(name=bidi_safe(persona.name)))

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()

    def _toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()


def show_persona_card(controller: Controller, persona_id: int, parent: QWidget | None) -> QDialog:
    """Open the persona's card in its own window (not modal: the meeting goes on) and
    return it. F11 toggles full screen."""
    dialog = PersonaCardDialog(controller, persona_id, parent)
    dialog.show()
    dialog.raise_()
    return dialog


# ---- the picker -------------------------------------------------------------------------
class PersonaPicker(QComboBox):
    """ "(none)" and the active personas, for the agenda-item and action editors.

    A persona archived since it was chosen stays listed ("… (archived)") while chosen,
    so opening an editor never drops a link silently.
    """

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAccessibleName(self.tr("Persona"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContentsOnFirstShow)
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        self._fill(None)

    def persona_id(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def set_persona_id(self, persona_id: int | None) -> None:
        if persona_id is not None and self.findData(persona_id) < 0:
            self._fill(persona_id)
        found = self.findData(persona_id) if persona_id is not None else 0
        self.setCurrentIndex(max(found, 0))

    def refresh(self) -> None:
        self._fill(self.persona_id())

    def _fill(self, keep: int | None) -> None:
        personas = self.controller.services.personas.list_personas(include_archived=True)
        self.blockSignals(True)
        try:
            self.clear()
            self.addItem(self.tr("(none)"), None)
            for persona in personas:
                if not persona.archived or persona.id == keep:
                    self.addItem(persona_label(persona), persona.id)
            found = self.findData(keep) if keep is not None else 0
            self.setCurrentIndex(max(found, 0))
        finally:
            self.blockSignals(False)

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()


# ---- the tab ----------------------------------------------------------------------------
class PersonasView(QWidget):
    """The personas both teams argue through: list on the left, the profile on the right."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._editing: PersonaRecord | None = None
        self._form = LoadedForm()  # as loaded: a save sends what was changed in it
        self._restoring = False
        self._cards: list[QDialog] = []

        # ---- list (left) ---------------------------------------------------------------
        self.model = PersonasModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Personas"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(lambda *_: self._on_show_button_clicked())
        self.archived_check = QCheckBox(self.tr("Show archived"))
        self.archived_check.toggled.connect(lambda *_: self.refresh())
        self.count_label = plain_label()

        list_card, list_layout = _card_frame()
        top = QHBoxLayout()
        top.addWidget(section_heading(self.tr("Personas")))
        top.addWidget(self.count_label)
        top.addStretch(1)
        list_layout.addLayout(top)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.archived_check)
        hint = plain_label(
            self.tr(
                "Ask “how would this persona respond?” instead of “that won’t work”. "
                "Agenda items and actions can name a persona."
            )
        )
        hint.setWordWrap(True)
        list_layout.addWidget(hint)
        list_card.setFixedWidth(360)

        # ---- editor (right) ------------------------------------------------------------
        self.form_heading = section_heading(self.tr("New persona"))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Larry, the CFO"))
        self.name_edit.setAccessibleName(self.tr("Persona name"))
        self.name_edit.setMaxLength(MAX_NAME)
        self.role_edit = QLineEdit()
        self.role_edit.setPlaceholderText(self.tr("Job title, company size, industry"))
        self.role_edit.setAccessibleName(self.tr("Role"))
        self.role_edit.setMaxLength(MAX_TITLE)
        for edit in (self.name_edit, self.role_edit):
            edit.returnPressed.connect(self._on_return_in_form)
        self.text_edits: dict[str, QPlainTextEdit] = {}
        for key, label, hint_text in _TEXT_FIELDS:
            edit = QPlainTextEdit()
            edit.setPlaceholderText(_tr(hint_text))
            edit.setAccessibleName(_tr(label).replace("&", ""))
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(120)
            self.text_edits[key] = edit
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(
            self.tr("Where the persona comes from (interviews, CRM data)")
        )
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(62)
        self.text_edits["notes"] = self.notes_edit

        self.add_button = QPushButton(self.tr("Add persona"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.setToolTip(
            self.tr("Archived personas leave the pick lists; items that name them keep the link")
        )
        self.archive_button.clicked.connect(self._on_archive_button_clicked)
        self.show_button = QPushButton(self.tr("Show on screen"))
        self.show_button.setToolTip(
            self.tr("Open the persona's card in large type, for the projector")
        )
        self.show_button.clicked.connect(self._on_show_button_clicked)
        self.clear_button = QPushButton(self.tr("Clear form"))
        self.clear_button.setToolTip(self.tr("Stop editing and start a new persona"))
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.form_error = FieldError()
        self.form_note = plain_label()
        self.form_note.hide()

        self._fields: dict[str, QWidget] = {
            "name": self.name_edit,
            "role": self.role_edit,
            **self.text_edits,
        }
        self.field_errors: dict[str, FieldError] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for column, (key, label) in enumerate(
            (("name", self.tr("&Name")), ("role", self.tr("&Role")))
        ):
            box, error = field_with_error(self._fields[key])
            self.field_errors[key] = error
            title = QLabel(label)
            title.setBuddy(self._fields[key])
            grid.addWidget(title, 0, column)
            grid.addWidget(box, 1, column)
        texts = QGridLayout()
        texts.setHorizontalSpacing(12)
        texts.setVerticalSpacing(4)
        for column, (key, label, _hint) in enumerate(_TEXT_FIELDS):
            box, error = field_with_error(self.text_edits[key])
            self.field_errors[key] = error
            title = QLabel(_tr(label))
            title.setBuddy(self.text_edits[key])
            texts.addWidget(title, 0, column)
            texts.addWidget(box, 1, column)
            texts.setColumnStretch(column, 1)
        notes_box, notes_error = field_with_error(self.notes_edit)
        self.field_errors["notes"] = notes_error
        notes_title = QLabel(self.tr("No&tes"))
        notes_title.setBuddy(self.notes_edit)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.archive_button, self.show_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        form_card, form_layout = _card_frame()
        heading_row = QHBoxLayout()  # "Clear form" up here leaves room for the longer labels
        heading_row.addWidget(self.form_heading, 1)
        heading_row.addWidget(self.clear_button)
        form_layout.addLayout(heading_row)
        form_layout.addLayout(grid)
        form_layout.addLayout(texts, 1)
        form_layout.addWidget(notes_title)
        form_layout.addWidget(notes_box)
        form_layout.addLayout(buttons)
        form_layout.addWidget(self.form_error)
        form_layout.addWidget(self.form_note)

        # ---- references ----------------------------------------------------------------
        self.references_model = PersonaReferencesModel(self)
        self.references_table = QTableView()
        self.references_table.setModel(self.references_model)
        self.references_table.setAccessibleName(
            self.tr("Agenda items and actions naming the persona")
        )
        self.references_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.references_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.references_table.verticalHeader().hide()
        self.references_table.setWordWrap(False)
        ref_header = self.references_table.horizontalHeader()
        ref_header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        ref_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ref_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.references_table.setFixedHeight(150)
        self.references_label = plain_label()
        self.references_label.setWordWrap(True)
        refs_card, refs_layout = _card_frame()
        refs_top = QHBoxLayout()
        refs_top.addWidget(section_heading(self.tr("Used in")))
        refs_top.addWidget(self.references_label, 1)
        refs_layout.addLayout(refs_top)
        refs_layout.addWidget(self.references_table)

        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(form_card, 1)
        right.addWidget(refs_card)
        body = QHBoxLayout(self)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(16)
        body.addWidget(list_card)
        body.addLayout(right, 1)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.agenda_changed.connect(lambda *_: self._refresh_references())
        controller.actions_changed.connect(lambda *_: self._refresh_references())
        self.refresh()

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
                self._editing = next((p for p in everyone if p.id == editing_id), None)
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
        row = self.model.row_of(lambda p: p.id == persona_id)
        if row >= 0:
            self.table.selectRow(row)

    def _selected(self) -> PersonaRecord | None:
        rows = self.table.selectionModel().selectedRows()
        record = rows[0].data(RECORD_ROLE) if rows else None
        return record if isinstance(record, PersonaRecord) else None

    # ---- the form -------------------------------------------------------------------
    def _load_form(self, persona: PersonaRecord | None) -> None:
        self._editing = persona
        self._clear_errors()
        self._note("")
        self.name_edit.setText(persona.name if persona else "")
        self.role_edit.setText(persona.role if persona else "")
        for key, edit in self.text_edits.items():
            edit.setPlainText(getattr(persona, key) if persona else "")
        self._form.loaded(persona, self._form_values())
        self._refresh_references()
        self._update_form_state()

    def _form_values(self) -> dict[str, str]:
        values = {"name": self.name_edit.text(), "role": self.role_edit.text()}
        values.update({k: e.toPlainText() for k, e in self.text_edits.items()})
        return values

    def _form_differs(self) -> bool:
        persona = self._editing
        if persona is None:
            return False
        return any(
            value.strip() != getattr(persona, key).strip()
            for key, value in self._form_values().items()
        )

    def _update_form_state(self) -> None:
        persona = self._editing
        self.form_heading.setText(
            self.tr("Editing {name}").format(name=persona.name)
            if persona
            else self.tr("New persona")
        )
        self.save_button.setEnabled(persona is not None)
        self.archive_button.setEnabled(persona is not None)
        self.show_button.setEnabled(persona is not None)
        self.archive_button.setText(
            self.tr("Restore") if persona and persona.archived else self.tr("Archive")
        )

    def _note(self, text: str) -> None:
        self.form_note.setText(text)
        self.form_note.setVisible(bool(text))

    def _clear_errors(self) -> None:
        self.form_error.clear_error()
        for error in self.field_errors.values():
            error.clear_error()

    def _show_error(self, exc: ValidationError) -> None:
        self._clear_errors()
        show_validation(exc, self._fields, self.field_errors.get(exc.field, self.form_error), self)

    def _on_add_button_clicked(self) -> None:
        try:
            values = self._form_values()
            persona = self.controller.perform(
                step(Step.NEW_PERSONA), lambda s: s.personas.add_persona(**values)
            )
        except ValidationError as exc:
            self._show_error(exc)
            return
        self._load_form(persona)
        self._select(persona.id)
        self._note(self.tr("Added {name}.").format(name=persona.name))

    def _on_save_button_clicked(self) -> None:
        self._save_form()

    def _save_form(self) -> PersonaRecord | None:
        if self._editing is None:
            return None
        try:
            persona_id = self._editing.id
            edits = self._form.edits(self._form_values())
            persona = self.controller.perform_edit(
                step(Step.CHANGE_PERSONA),
                lambda s, seen: s.personas.update_persona(
                    persona_id=persona_id, seen=seen, **edits
                ),
                seen=self._form.record,
                reread=lambda s: s.personas.get_persona(persona_id),
            )
        except ValidationError as exc:
            self._show_error(exc)
            return None
        except NotFoundError as exc:
            self._show_error(ValidationError("persona", str(exc)))
            return None
        self._load_form(persona)
        # "Take theirs" in a conflict saved nothing of the form: no "Saved" then.
        kept = self.controller.kept_theirs
        self._note("" if kept else self.tr("Saved {name}.").format(name=persona.name))
        return persona

    def _on_return_in_form(self) -> None:
        if self._editing is not None:
            self._save_form()
        else:
            self._on_add_button_clicked()

    def _on_archive_button_clicked(self) -> None:
        persona = self._editing
        if persona is None:
            return
        if self._form_differs() and self._save_form() is None:
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
        self._editing = updated
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
        if self._form_differs() and self._save_form() is None:
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
        if edited is not None and record.id != edited.id and self._form_differs():
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

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()


__all__ = [
    "COL_NAME",
    "PersonaCard",
    "PersonaCardDialog",
    "PersonaPicker",
    "PersonasView",
    "show_persona_card",
]
