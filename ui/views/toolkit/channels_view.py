"""Communication expectations (seed 002): the agreed channel per urgency.

`ChannelsView` is the Alignment page's tab: the rules in their agreed order, a form to add
or change one (messages at the field, nothing typed is lost), move up / down and remove.
`ChannelsStrip` is the compact, read-only line a running meeting shows ("Urgent → Phone
call (within 1 hour) · Today → Team chat (same day) · …").
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.channels import MAX_FIELD, ChannelRuleRecord, strip_text
from ui.controller import Controller
from ui.models.channels_rules_model import (
    COL_CHANNEL,
    COL_NOTES,
    COL_RESPONSE,
    COL_URGENCY,
    ChannelRulesModel,
)
from ui.record_form import RecordForm
from ui.record_table import record_table, rows_fit_contents, select_record, selected_record
from ui.undo import Step, step
from ui.views.toolkit.common import card as _card
from ui.views.toolkit.common import follow_area
from ui.widgets import plain_label, section_heading

AREA = "channels"


class ChannelsView(QWidget):
    """The Channels tab: which channel for what urgency, agreed by both teams."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._restoring = False
        table_buttons = self._build_table()
        self._build_form()
        self.strip = ChannelsStrip(controller)  # preview of the meeting strip

        intro = plain_label(
            self.tr(
                "Which channel to use for what urgency, and how fast an answer is due. "
                "The agreement is shown in the meeting and in every meeting's minutes."
            )
        )
        intro.setWordWrap(True)
        form_card, form_layout = _card()
        form_layout.addWidget(self.form)
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

        follow_area(self, controller, AREA)
        self.refresh()

    def _build_table(self) -> QHBoxLayout:
        self.model = ChannelRulesModel(self)
        self.table = record_table(
            self.model,
            self.tr("Channel per urgency"),
            resize=QHeaderView.ResizeMode.Interactive,
            stretch=COL_NOTES,
            word_wrap=True,  # the notes read in full
        )
        rows_fit_contents(self.table, 34)
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
            ),
            wrap=True,
        )
        table_buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            table_buttons.addWidget(button)
        table_buttons.addStretch(1)
        table_buttons.addWidget(self.defaults_button)
        return table_buttons

    def _build_form(self) -> None:
        self.form = RecordForm(
            new_heading=self.tr("New rule"),
            editing_heading=lambda rule: self.tr("Editing “{urgency}”").format(
                urgency=rule.urgency
            ),
            add=self.tr("Add rule"),
            save=self.tr("Save changes"),
            clear=self.tr("Clear form"),
            clear_tip=self.tr("Stop editing and start a new rule"),
            spacing=(12, 6),
        )
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
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Notes"))
        self.notes_edit.setPlaceholderText(
            self.tr("When this applies, what to do if nobody answers…")
        )
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(64)
        form = self.form
        form.add_fields_in_two_columns(
            (
                ("urgency", self.urgency_edit, self.tr("&Urgency")),
                ("channel", self.channel_edit, self.tr("&Channel")),
                ("response_time", self.response_edit, self.tr("&Response time")),
                ("notes", self.notes_edit, self.tr("N&otes")),
            ),
            wide_last=True,
        )
        form.on(
            add=self._on_add_button_clicked,
            save=self._on_save_button_clicked,
            clear=self._on_clear_button_clicked,
        )
        # the names the tests and the rest of the view know them by
        self.form_heading, self.form_error, self.form_note = form.heading, form.error, form.note
        self.add_button, self.save_button = form.add_button, form.save_button
        self.clear_button = form.clear_button
        self._fields, self.field_errors = form.fields, form.field_errors

    @property
    def _editing(self) -> ChannelRuleRecord | None:
        return self.form.editing

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
                self.form.editing = next((r for r in rules if r.id == self._editing.id), None)
        finally:
            self._restoring = False
        self.empty_label.setVisible(not rules)
        self.defaults_button.setVisible(not rules)
        self._update_state()

    def _selected(self) -> ChannelRuleRecord | None:
        record = selected_record(self.table)
        return record if isinstance(record, ChannelRuleRecord) else None

    def _select(self, rule_id: int) -> None:
        select_record(self.table, self.model.row_of(lambda r: r.id == rule_id))

    def _update_state(self) -> None:
        selected = self._selected()
        row = self.model.row_of(lambda r: r.id == selected.id) if selected else -1
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)
        self.remove_button.setEnabled(selected is not None)
        self.form.update_buttons()

    # ---- the form -----------------------------------------------------------------------
    def _load_form(self, rule: ChannelRuleRecord | None) -> None:
        values = {"urgency": "", "channel": "", "response_time": "", "notes": ""}
        if rule is not None:
            values = {key: getattr(rule, key) for key in values}
        self.form.load(rule, values)
        self._update_state()

    def _note(self, text: str) -> None:
        self.form.show_note(text)

    def _on_add_button_clicked(self) -> None:
        values = self.form.values()
        rule = self.form.attempt(
            lambda: self.controller.perform(
                step(Step.NEW_CHANNEL_RULE), lambda s: s.channels.add_rule(**values)
            )
        )
        if rule is None:
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
        rule_id = self._editing.id
        edits = self.form.edits()
        rule = self.form.attempt(
            lambda: self.controller.perform_edit(
                step(Step.CHANNELS),
                lambda s, seen: s.channels.update_rule(rule_id=rule_id, seen=seen, **edits),
                seen=self.form.seen,
                reread=lambda s: next(r for r in s.channels.list_rules() if r.id == rule_id),
                fields=edits,
            )
        )
        if rule is None:
            return None
        self._load_form(rule)
        # "Take theirs" in a conflict saved nothing of the form: no "Saved" then.
        kept = self.controller.kept_theirs
        self._note("" if kept else self.tr("Saved: {rule}.").format(rule=rule.describe()))
        return rule

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
        if edited is not None and record.id != edited.id and self.form.differs():
            saved = self._save_form()  # another rule was picked with changes in the form
            if saved is None:
                self._reselect(edited.id)  # stay, with the message at its field
                return
            self._reselect(record.id)
            row = self.model.row_of(lambda r: r.id == record.id)
            self._load_form(self.model.record(row) if row >= 0 else record)
            if not self.controller.kept_theirs:
                self._note(self.tr("Saved: {rule}.").format(rule=saved.describe()))
            return
        self._load_form(record)

    def _reselect(self, rule_id: int) -> None:
        self._restoring = True
        try:
            self._select(rule_id)
        finally:
            self._restoring = False

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
        self.text_label = plain_label(wrap=True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text_font = self.text_label.font()
        text_font.setPointSizeF(max(text_font.pointSizeF(), 10) * 1.1)
        self.text_label.setFont(text_font)
        layout.addWidget(self.title_label, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.text_label, 1)
        follow_area(self, controller, AREA)
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
