"""Communication expectations (seed 002): the agreed channel per urgency.

`ChannelsView` is the Alignment page's tab: the rules in their agreed order, a form to add
or change one (messages at the field, nothing typed is lost), move up / down and remove.
`ChannelsStrip` is the compact, read-only line a running meeting shows ("Urgent → Phone
call (within 1 hour) · Today → Team chat (same day) · …").
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.channels import MAX_FIELD, ChannelRuleRecord, strip_text
from alignmeet.domain.rules import ValidationError
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.models.channels_rules_model import (
    COL_CHANNEL,
    COL_NOTES,
    COL_RESPONSE,
    COL_URGENCY,
    ChannelRulesModel,
)
from ui.models.record_table_model import RECORD_ROLE
from ui.shown import LoadedForm
from ui.undo import Step, step
from ui.views.meeting_dialog import field_with_error
from ui.views.toolkit.common import card as _card
from ui.widgets import FieldError, plain_label, section_heading

AREA = "channels"


class ChannelsView(QWidget):
    """The Channels tab: which channel for what urgency, agreed by both teams."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._editing: ChannelRuleRecord | None = None
        self._form = LoadedForm()  # as loaded: a save sends what was changed in it
        self._restoring = False

        intro = plain_label(
            self.tr(
                "Which channel to use for what urgency, and how fast an answer is due. "
                "The agreement is shown in the meeting and in every meeting's minutes."
            )
        )
        intro.setWordWrap(True)

        # ---- the table ------------------------------------------------------------------
        self.model = ChannelRulesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Channel per urgency"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)  # the notes read in full
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setMinimumSectionSize(34)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NOTES, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_URGENCY, 210), (COL_CHANNEL, 220), (COL_RESPONSE, 150)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(self._on_up_button_clicked)
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(self._on_down_button_clicked)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.defaults_button = QPushButton(self.tr("Start from the suggested channels"))
        self.defaults_button.setToolTip(
            self.tr(
                "Urgent → phone call, today → team chat, this week → e-mail, FYI → shared channel"
            )
        )
        self.defaults_button.clicked.connect(self._on_defaults_button_clicked)
        self.empty_label = plain_label(
            self.tr(
                "No channels agreed yet. Add the first rule below, or start from the "
                "suggested ones and adapt them together."
            )
        )
        self.empty_label.setWordWrap(True)
        table_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            table_buttons.addWidget(button)
        table_buttons.addStretch(1)
        table_buttons.addWidget(self.defaults_button)

        # ---- the form -------------------------------------------------------------------
        self.form_heading = section_heading(self.tr("New rule"))
        self.urgency_edit = QLineEdit()
        self.urgency_edit.setPlaceholderText(self.tr("e.g. Urgent (deal at risk)"))
        self.channel_edit = QLineEdit()
        self.channel_edit.setPlaceholderText(self.tr("e.g. Phone call"))
        self.response_edit = QLineEdit()
        self.response_edit.setPlaceholderText(self.tr("e.g. within 1 hour (optional)"))
        for edit, name in (
            (self.urgency_edit, self.tr("Urgency")),
            (self.channel_edit, self.tr("Channel")),
            (self.response_edit, self.tr("Response time")),
        ):
            edit.setAccessibleName(name)
            edit.setMaxLength(MAX_FIELD)
            edit.returnPressed.connect(self._on_return_in_form)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setPlaceholderText(
            self.tr("When this applies, what to do if nobody answers…")
        )
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(64)

        self._fields: dict[str, QWidget] = {
            "urgency": self.urgency_edit,
            "channel": self.channel_edit,
            "response_time": self.response_edit,
            "notes": self.notes_edit,
        }
        self.field_errors: dict[str, FieldError] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        labels = {
            "urgency": self.tr("&Urgency"),
            "channel": self.tr("&Channel"),
            "response_time": self.tr("&Response time"),
            "notes": self.tr("N&otes"),
        }
        for i, key in enumerate(self._fields):
            box, error = field_with_error(self._fields[key])
            self.field_errors[key] = error
            label = QLabel(labels[key])
            label.setContentsMargins(0, 5, 0, 0)
            label.setBuddy(self._fields[key])
            if key == "notes":
                row = 2
                grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(box, row, 1, 1, 3)
            else:
                row, col = divmod(i, 2)
                grid.addWidget(label, row, col * 2, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(box, row, col * 2 + 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.add_button = QPushButton(self.tr("Add rule"))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.clear_button = QPushButton(self.tr("Clear form"))
        self.clear_button.setToolTip(self.tr("Stop editing and start a new rule"))
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        self.form_error = FieldError()
        self.form_note = plain_label()
        self.form_note.hide()
        form_buttons = QHBoxLayout()
        form_buttons.addWidget(self.add_button)
        form_buttons.addWidget(self.save_button)
        form_buttons.addStretch(1)
        form_buttons.addWidget(self.clear_button)

        form_card, form_layout = _card()
        form_layout.addWidget(self.form_heading)
        form_layout.addLayout(grid)
        form_layout.addLayout(form_buttons)
        form_layout.addWidget(self.form_error)
        form_layout.addWidget(self.form_note)

        # ---- preview of the meeting strip -----------------------------------------------
        self.strip = ChannelsStrip(controller)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(section_heading(self.tr("Communication expectations")))
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(table_buttons)
        layout.addWidget(form_card)
        layout.addWidget(plain_label(self.tr("In a running meeting it shows as:")))
        layout.addWidget(self.strip)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        self.refresh()

    # ---- reading ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the rules; the form keeps whatever is typed in it."""
        rules = self.controller.services.channels.list_rules()
        selected = self._selected()
        self._restoring = True
        try:
            self.model.set_rows(rules)
            keep = selected.id if selected else (self._editing.id if self._editing else None)
            if keep is not None:
                self._select(keep)
            if self._editing is not None:
                self._editing = next((r for r in rules if r.id == self._editing.id), None)
        finally:
            self._restoring = False
        self.empty_label.setVisible(not rules)
        self.defaults_button.setVisible(not rules)
        self._update_state()

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()

    def _selected(self) -> ChannelRuleRecord | None:
        rows = self.table.selectionModel().selectedRows()
        record = rows[0].data(RECORD_ROLE) if rows else None
        return record if isinstance(record, ChannelRuleRecord) else None

    def _select(self, rule_id: int) -> None:
        row = self.model.row_of(lambda r: r.id == rule_id)
        if row >= 0:
            self.table.selectRow(row)

    def _update_state(self) -> None:
        selected = self._selected()
        row = self.model.row_of(lambda r: r.id == selected.id) if selected else -1
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.remove_button.setEnabled(selected is not None)
        editing = self._editing
        self.form_heading.setText(
            self.tr("Editing “{urgency}”").format(urgency=editing.urgency)
            if editing
            else self.tr("New rule")
        )
        self.save_button.setEnabled(editing is not None)

    # ---- the form -----------------------------------------------------------------------
    def _load_form(self, rule: ChannelRuleRecord | None) -> None:
        self._editing = rule
        self._clear_errors()
        self._note("")
        self.urgency_edit.setText(rule.urgency if rule else "")
        self.channel_edit.setText(rule.channel if rule else "")
        self.response_edit.setText(rule.response_time if rule else "")
        self.notes_edit.setPlainText(rule.notes if rule else "")
        self._form.loaded(rule, self._form_values())
        self._update_state()

    def _form_values(self) -> dict[str, str]:
        return {
            "urgency": self.urgency_edit.text(),
            "channel": self.channel_edit.text(),
            "response_time": self.response_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }

    def _form_differs(self) -> bool:
        rule = self._editing
        if rule is None:
            return False
        values = self._form_values()
        return (
            values["urgency"] != rule.urgency
            or values["channel"] != rule.channel
            or values["response_time"] != rule.response_time
            or values["notes"] != rule.notes
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
        label = self.field_errors.get(exc.field, self.form_error)
        label.show_error(exc.message, self._fields.get(exc.field))

    def _on_add_button_clicked(self) -> None:
        try:
            values = self._form_values()
            rule = self.controller.perform(
                step(Step.NEW_CHANNEL_RULE), lambda s: s.channels.add_rule(**values)
            )
        except ValidationError as exc:
            self._show_error(exc)
            return
        self._load_form(None)
        self.table.clearSelection()
        self._note(self.tr("Added: {rule}.").format(rule=rule.describe()))
        self.urgency_edit.setFocus()

    def _on_save_button_clicked(self) -> None:
        self._save_form()

    def _save_form(self) -> ChannelRuleRecord | None:
        if self._editing is None:
            return None
        try:
            rule_id = self._editing.id
            edits = self._form.edits(self._form_values())
            rule = self.controller.perform_edit(
                step(Step.CHANNELS),
                lambda s, seen: s.channels.update_rule(rule_id=rule_id, seen=seen, **edits),
                seen=self._form.record,
                reread=lambda s: next(r for r in s.channels.list_rules() if r.id == rule_id),
            )
        except ValidationError as exc:
            self._show_error(exc)
            return None
        except NotFoundError as exc:
            self._show_error(ValidationError("rule", str(exc)))
            return None
        self._load_form(rule)
        # "Take theirs" in a conflict saved nothing of the form: no "Saved" then.
        kept = self.controller.kept_theirs
        self._note("" if kept else self.tr("Saved: {rule}.").format(rule=rule.describe()))
        return rule

    def _on_return_in_form(self) -> None:
        if self._editing is not None:
            self._save_form()
        else:
            self._on_add_button_clicked()

    def _on_clear_button_clicked(self) -> None:
        self.table.clearSelection()
        self._load_form(None)
        self.urgency_edit.setFocus()

    def _on_table_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if self._restoring:
            return
        record = self._selected()
        if record is None:
            self._update_state()
            return
        edited = self._editing
        if edited is not None and record.id != edited.id and self._form_differs():
            saved = self._save_form()  # another rule was picked with changes in the form
            if saved is None:
                self._restoring = True
                try:
                    self._select(edited.id)  # stay, with the message at its field
                finally:
                    self._restoring = False
                return
            self._restoring = True
            try:
                self._select(record.id)
            finally:
                self._restoring = False
            row = self.model.row_of(lambda r: r.id == record.id)
            self._load_form(self.model.record(row) if row >= 0 else record)
            if not self.controller.kept_theirs:
                self._note(self.tr("Saved: {rule}.").format(rule=saved.describe()))
            return
        self._load_form(record)

    # ---- table actions ------------------------------------------------------------------
    def _move(self, offset: int) -> None:
        rule = self._selected()
        if rule is None:
            return
        self.controller.perform(
            step(Step.CHANNEL_ORDER), lambda s: s.channels.move_rule(rule_id=rule.id, offset=offset)
        )
        self._select(rule.id)
        self._update_state()

    def _on_up_button_clicked(self) -> None:
        self._move(-1)

    def _on_down_button_clicked(self) -> None:
        self._move(+1)

    def _on_remove_button_clicked(self) -> None:
        rule = self._selected()
        if rule is None:
            return
        self.controller.perform(
            step(Step.REMOVE_CHANNEL_RULE), lambda s: s.channels.remove_rule(rule_id=rule.id)
        )
        if self._editing is not None and self._editing.id == rule.id:
            self._load_form(None)
        self.table.clearSelection()
        self._note(self.tr("Removed: {rule}.").format(rule=rule.describe()))
        self._update_state()

    def _on_defaults_button_clicked(self) -> None:
        self.controller.perform(step(Step.CHANNELS), lambda s: s.channels.ensure_defaults())
        self._note(self.tr("Suggested channels added: adapt them to what your teams agree."))


class ChannelsStrip(QFrame):
    """A compact, read-only card for a running meeting: "Urgent → Phone call (within 1 hour)
    · Today → Team chat (same day) · …". It follows changes to the rules."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("Card")
        self.setAccessibleName(self.tr("Communication expectations"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(10)
        self.title_label = plain_label(self.tr("How to reach each other:"))
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.1)
        self.title_label.setFont(font)
        self.text_label = plain_label()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text_font = self.text_label.font()
        text_font.setPointSizeF(max(text_font.pointSizeF(), 10) * 1.1)
        self.text_label.setFont(text_font)
        layout.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text_label, 1)
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        self.refresh()

    def refresh(self) -> None:
        rules = self.controller.services.channels.list_rules()
        if rules:
            self.text_label.setText(strip_text(rules))
            self.text_label.setToolTip("")
            self.text_label.setEnabled(True)
        else:
            self.text_label.setText(self.tr("No channels agreed yet (Alignment → Channels)."))
            self.text_label.setEnabled(False)

    def text(self) -> str:
        return self.text_label.text()

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()
