"""Prepare a meeting: details, who is invited, and a time-boxed agenda.

Everything saves as it is typed (text after a short pause, choices at once);
a rejected value shows its message under the field and stays in the widget.
A refresh never overwrites a field the user is editing.
"""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import (
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import MeetingStatus
from alignmeet.domain.records import MeetingRecord, MemberRecord
from alignmeet.domain.rules import ValidationError
from alignmeet.services.base import NotFoundError
from ui.autosave import DebouncedSaver
from ui.controller import Controller
from ui.models.agenda_model import (
    AgendaModel,
)
from ui.models.invitees_model import InviteesModel
from ui.models.record_table_model import RECORD_ROLE
from ui.models.templates_model import TemplatesModel
from ui.shown import Shown
from ui.views.prepare.agenda_card import AgendaCard
from ui.views.prepare.cards import hint
from ui.views.prepare.invitees_card import InviteesCard, recorded_for
from ui.views.prepare.meeting_details_card import (
    NOBODY,
    MeetingDetailsCard,
    fill_member_combo,
)
from ui.widgets import (
    ask_yes_no,
    fill,
    page_title,
    plain_label,
    show_validation,
    warn,
)

Index = QModelIndex | QPersistentModelIndex
TEXT_FIELDS = ("title", "place", "topic", "end_goal")

START_STYLE = """
QPushButton {
    background: palette(highlight);
    color: palette(highlighted-text);
    font-weight: 600;
    padding: 8px 20px;
    border-radius: 6px;
}
QPushButton:hover { border: 2px solid palette(dark); }
"""


# ---- dialogs, behind module-level names so tests can replace them ------------------------
def get_text(parent: QWidget, title: str, label: str, text: str = "") -> tuple[str, bool]:
    return QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)


# `warn` and `ask_yes_no` (plain-text message boxes) are imported from ui.widgets.


class PrepareView(QWidget):
    """The page: assembled from its cards (`ui.views.prepare`); it loads the meeting into
    them, saves what is typed, and changes the invitees and the agenda through the
    controller. The cards' widgets are reachable from the page as before
    (`view.title_edit`, `view.agenda_table`, …)."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._meeting_id: int | None = None
        self._meeting: MeetingRecord | None = None
        self._shown = Shown()  # each detail as its field shows it: what a save carries
        self._members: list[MemberRecord] = []

        self._build_details()
        self._build_invitees()
        self._build_agenda()
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_empty_page())
        self.stack.addWidget(self._build_content())
        fill(QVBoxLayout(self), self.stack)

        controller.current_meeting_changed.connect(self._on_controller_current_meeting_changed)
        controller.meeting_changed.connect(self._on_controller_meeting_changed)
        controller.agenda_changed.connect(self._on_controller_agenda_changed)
        controller.participants_changed.connect(self._on_controller_participants_changed)
        controller.members_changed.connect(self._on_controller_members_changed)
        controller.templates_changed.connect(self._load_templates)
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        self._refresh_personas()
        self.load(controller.current_meeting_id)

    # ==== building ========================================================================
    def _build_top(self) -> QHBoxLayout:
        """The page's title and hint, with "Start the meeting →" on the right."""
        self.start_button = QPushButton(self.tr("Start the meeting →"))
        self.start_button.setStyleSheet(START_STYLE)
        font = self.start_button.font()
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.2)
        self.start_button.setFont(font)
        self.start_button.setToolTip(self.tr("Go to the Run page and open the meeting"))
        self.start_button.clicked.connect(self._on_start_button_clicked)

        top = QHBoxLayout()
        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(page_title(self.tr("Prepare the meeting")))
        title_box.addWidget(
            hint(
                self.tr(
                    "Set the details, tick who is invited and time-box the agenda. "
                    "Everything is saved as you type."
                )
            )
        )
        top.addLayout(title_box, 1)
        top.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return top

    def _build_left(self) -> QScrollArea:
        """Details, proposed items and invitees, scrolling on a small screen."""
        # Items the data proposes (a KPI off target, an action slipping, feedback overdue).
        from ui.views.accountability.proposals_panel import ProposalsPanel

        left = QWidget()
        left_layout = fill(QVBoxLayout(left), self.details_card, margins=(0, 0, 8, 0), spacing=12)
        self.proposals_panel = ProposalsPanel(self.controller)
        left_layout.addWidget(self.proposals_panel)
        left_layout.addWidget(self.invitees_card, 1)
        left_scroll = QScrollArea()
        left_scroll.setWidget(left)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        left_scroll.setMinimumWidth(380)
        return left_scroll

    def _build_content(self) -> QWidget:
        top = self._build_top()
        left_scroll = self._build_left()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left_scroll)
        self.splitter.addWidget(self.agenda_card)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 660])

        content = QWidget()
        fill(QVBoxLayout(content), top, (self.splitter, 1), spacing=12)
        return content

    def _build_empty_page(self) -> QWidget:
        """What the page says when no meeting is selected."""
        empty = QWidget()
        empty_layout = fill(
            QVBoxLayout(empty), page_title(self.tr("Prepare the meeting")), spacing=12
        )
        self.empty_label = plain_label(
            self.tr(
                "No meeting selected. Pick one on the Meetings page, or create a new one there."
            ),
            wrap=True,
        )
        go = QPushButton(self.tr("Go to Meetings"))
        go.clicked.connect(lambda: self.controller.navigate("meetings"))
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(go, 0, Qt.AlignmentFlag.AlignLeft)
        empty_layout.addStretch(1)
        return empty

    def _build_details(self) -> None:
        self.details_card = card = MeetingDetailsCard()
        self.title_edit, self.when_edit = card.title_edit, card.when_edit
        self.length_spin, self.place_edit = card.length_spin, card.place_edit
        self.facilitator_combo, self.note_taker_combo = (
            card.facilitator_combo,
            card.note_taker_combo,
        )
        self.topic_edit, self.end_goal_edit = card.topic_edit, card.end_goal_edit
        self.fields, self.errors, self.details_error = card.fields, card.errors, card.details_error

        self.savers: dict[str, DebouncedSaver] = {}
        for key in TEXT_FIELDS:
            saver = DebouncedSaver(lambda k=key: self._save_text(k), self)
            self.controller.register_saver(saver)
            self.savers[key] = saver
            self.fields[key].textChanged.connect(saver.touch)  # type: ignore[attr-defined]
        self.title_edit.editingFinished.connect(self.savers["title"].flush)
        self.place_edit.editingFinished.connect(self.savers["place"].flush)

        self.when_edit.dateTimeChanged.connect(self._on_when_edit_changed)
        self.length_spin.valueChanged.connect(self._on_length_spin_changed)
        self.facilitator_combo.currentIndexChanged.connect(
            lambda _i: self._save_choice("facilitator_id", self.facilitator_combo)
        )
        self.note_taker_combo.currentIndexChanged.connect(
            lambda _i: self._save_choice("note_taker_id", self.note_taker_combo)
        )

    def _build_invitees(self) -> None:
        self.invitees_model = InviteesModel(self)
        self.invitees_model.invitees_edited.connect(self._on_invitees_model_edited)
        self.invitees_card = card = InviteesCard(self.invitees_model)
        self.invitees_list, self.invitees_count = card.invitees_list, card.invitees_count
        self.invite_all_button = card.invite_all_button
        self.invite_none_button = card.invite_none_button

    def _build_agenda(self) -> None:
        self.agenda_model = AgendaModel(self.controller, self)
        self.agenda_model.edit_rejected.connect(self._on_agenda_model_edit_rejected)
        self.templates_model = TemplatesModel(self)
        self.agenda_card = card = AgendaCard(
            self.agenda_model,
            self.templates_model,
            owner_choices=self._owner_choices,
            persona_choices=self._persona_choices,
        )
        self.agenda_table = card.agenda_table
        self.agenda_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_agenda_buttons()
        )
        card.move_up_action.triggered.connect(lambda: self.move_selected(-1))
        card.move_down_action.triggered.connect(lambda: self.move_selected(+1))
        card.remove_action.triggered.connect(self.remove_selected)
        card.add_title_edit.returnPressed.connect(self.add_item)
        card.add_button.clicked.connect(self.add_item)
        card.apply_template_button.clicked.connect(self._on_apply_template_clicked)
        card.save_template_button.clicked.connect(self._on_save_template_clicked)
        # The card's widgets under the page's names (the tests and the screenshots use them).
        self.move_up_action, self.move_down_action = card.move_up_action, card.move_down_action
        self.remove_action, self.remove_button = card.remove_action, card.remove_button
        self.move_up_button, self.move_down_button = card.move_up_button, card.move_down_button
        self.add_title_edit, self.add_button = card.add_title_edit, card.add_button
        self.add_minutes_spin, self.agenda_error = card.add_minutes_spin, card.agenda_error
        self.empty_agenda_hint, self.budget_label = card.empty_agenda_hint, card.budget_label
        self.parked_label, self.template_combo = card.parked_label, card.template_combo
        self.apply_template_button = card.apply_template_button
        self.save_template_button = card.save_template_button
        self.template_note = card.template_note

    # ==== loading =========================================================================
    @property
    def meeting_id(self) -> int | None:
        return self._meeting_id

    def load(self, meeting_id: int | None) -> None:
        """Show another meeting: everything is replaced (pending edits were saved first)."""
        self._finish_agenda_edit()
        for saver in self.savers.values():
            saver.cancel()
        self._meeting_id = meeting_id
        self._shown.clear()
        self._clear_errors()
        self.agenda_error.clear_error()
        self.template_note.clear()
        self.proposals_panel.set_meeting(meeting_id)
        if meeting_id is None:
            self._meeting = None
            self.agenda_model.set_items(None, [])
            self.invitees_model.set_members([], [])
            self.stack.setCurrentIndex(0)
            return
        self.stack.setCurrentIndex(1)
        self.refresh(force=True)

    def refresh(self, *, force: bool = False) -> None:
        if self._meeting_id is None:
            return
        try:
            meeting = self.controller.services.meetings.get_meeting(self._meeting_id)
        except NotFoundError:
            self.load(None)
            return
        self._members = self.controller.services.people.list_members(include_inactive=True)
        self._load_meeting(meeting, force=force)
        self._load_invitees()
        self._load_agenda()
        self._load_templates()

    def _can_load(self, key: str, widget: QWidget) -> bool:
        """False while the user is working in the field: focused, unsaved or rejected."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is widget or widget.isAncestorOf(focus)):
            return False
        saver = self.savers.get(key)
        if saver is not None and saver.pending:
            return False
        return not self.errors[key].isVisibleTo(self)

    def _load_meeting(self, meeting: MeetingRecord, *, force: bool = False) -> None:
        self._meeting = meeting

        def can(key: str) -> bool:
            return force or self._can_load(key, self.fields[key])

        def shown(key: str, stored: str) -> str:  # typed but not stored yet: that stays
            return self.controller.shown_text("meeting", meeting.id, key, stored)

        for key, widget, value in (
            ("title", self.title_edit, shown("title", meeting.title)),
            ("place", self.place_edit, shown("place", meeting.place)),
        ):
            assert isinstance(widget, QLineEdit)
            if not can(key):
                continue
            self._shown.load(meeting, key)
            if widget.text() != value:
                with self.savers[key].suspend():
                    widget.setText(value)
                    widget.setCursorPosition(0)
        for key, plain, value in (
            ("topic", self.topic_edit, shown("topic", meeting.topic)),
            ("end_goal", self.end_goal_edit, shown("end_goal", meeting.end_goal)),
        ):
            if not can(key):
                continue
            self._shown.load(meeting, key)
            if plain.toPlainText() != value:
                with self.savers[key].suspend():
                    plain.setPlainText(value)
        when = QDateTime(meeting.starts_at)
        if can("starts_at"):
            self._shown.load(meeting, "starts_at")
            if self.when_edit.dateTime() != when:
                self.when_edit.blockSignals(True)
                self.when_edit.setDateTime(when)
                self.when_edit.blockSignals(False)
        if can("planned_minutes"):
            self._shown.load(meeting, "planned_minutes")
            if self.length_spin.value() != meeting.planned_minutes:
                self.length_spin.blockSignals(True)
                self.length_spin.setValue(meeting.planned_minutes)
                self.length_spin.blockSignals(False)
        fill_member_combo(self.facilitator_combo, self._members, meeting.facilitator_id)
        fill_member_combo(self.note_taker_combo, self._members, meeting.note_taker_id)
        self._shown.load(meeting, "facilitator_id", "note_taker_id")
        self.start_button.setText(
            {
                MeetingStatus.PLANNED: self.tr("Start the meeting →"),
                MeetingStatus.RUNNING: self.tr("Continue the meeting →"),
                MeetingStatus.CLOSED: self.tr("Open the meeting →"),
            }[meeting.status]
        )

    def _load_invitees(self) -> None:
        if self._meeting_id is None:
            return
        participants = self.controller.services.meetings.participants(self._meeting_id)
        invited = {p.member_id for p in participants}
        rows = [m for m in self._members if m.active or m.id in invited]
        self.invitees_model.set_members(rows, invited)
        self.invitees_count.setText(self.invitees_model.summary())

    def _load_agenda(self) -> None:
        if self._meeting_id is None:
            return
        items = self.controller.services.agenda.items(self._meeting_id)
        self.agenda_model.set_items(self._meeting_id, items)
        self.agenda_card.show_agenda(
            items,
            self.controller.services.agenda.budget(self._meeting_id),
            empty=self.agenda_model.rowCount() == 0,
        )
        self._update_agenda_buttons()

    def _load_templates(self) -> None:
        current = self.template_combo.currentData(RECORD_ROLE)
        self.templates_model.set_rows(self.controller.services.agenda.templates())
        if current is not None:
            row = self.templates_model.row_of(lambda t: t.id == current.id)
            self.template_combo.setCurrentIndex(max(0, row))

    def _persona_choices(self) -> list[tuple[str, object]]:
        personas = self.controller.services.personas.list_personas()
        return [(self.tr("(none)"), 0), *((p.name, p.id) for p in personas)]

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == "personas":
            self._refresh_personas()

    def _refresh_personas(self) -> None:
        personas = self.controller.services.personas.list_personas(include_archived=True)
        self.agenda_model.set_personas({p.id: p.name for p in personas})

    def _owner_choices(self) -> list[tuple[str, object]]:
        return [(NOBODY, 0), *((m.name, m.id) for m in self._members if m.active)]

    # ==== saving the details ================================================================
    def _clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear_error()
        self.details_error.clear_error()

    def _show_error(self, exc: ValidationError) -> None:
        # No focus change: the user may be typing somewhere else when an autosave fails.
        self.errors.get(exc.field, self.details_error).show_error(exc.message)

    def _update(self, key: str, **fields: object) -> bool:
        if self._meeting_id is None:
            return False
        self.errors[key].clear_error()
        try:
            saved = self.controller.update_meeting(
                meeting_id=self._meeting_id, seen=self._shown.seen(*fields), **fields
            )
            self._shown.load(saved, *fields)  # the field now stands on what is stored
        except ValidationError as exc:
            self._show_error(exc)
            return False
        except NotFoundError:
            return False
        return True

    def _save_text(self, key: str) -> None:
        widget = self.fields[key]
        text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()  # type: ignore[attr-defined]
        self._update(key, **{key: text})

    def _on_when_edit_changed(self, value: QDateTime) -> None:
        self._update("starts_at", starts_at=value.toPython())

    def _on_length_spin_changed(self, value: int) -> None:
        self._update("planned_minutes", planned_minutes=value)

    def _save_choice(self, key: str, combo: QComboBox) -> None:
        member_id = combo.currentData()
        self._update(key, **{key: int(member_id) if member_id else None})

    # ==== invitees ============================================================================
    def _on_invitees_model_edited(self, member_ids: list[int]) -> None:
        if self._meeting_id is None:
            return
        wanted = set(member_ids)
        participants = self.controller.services.meetings.participants(self._meeting_id)
        owned = Counter(
            a.owner_id
            for a in self.controller.services.actions.actions_for_meeting(self._meeting_id)
        )
        lines = [
            line
            for p in participants
            if p.member_id not in wanted and (line := recorded_for(p, owned[p.member_id]))
        ]
        if lines and not ask_yes_no(
            self,
            self.tr("Remove from this meeting?"),
            self.tr(
                "Already recorded in this meeting:\n{lines}\n\nRemoving deletes their "
                "attendance and commitment. Their actions stay in the meeting, listed under "
                "their name as not present.\n\nRemove?"
            ).format(lines="\n".join(lines)),
        ):
            self._load_invitees()
            return
        self.controller.set_invitees(meeting_id=self._meeting_id, member_ids=member_ids)

    # ==== agenda ==============================================================================
    def _finish_agenda_edit(self) -> None:
        self.agenda_card.finish_edit()

    def selected_row(self) -> int:
        return self.agenda_card.selected_row()

    def _select_row(self, row: int) -> None:
        self.agenda_card.select_row(row)

    def _update_agenda_buttons(self) -> None:
        self.agenda_card.update_buttons()

    def move_selected(self, delta: int) -> None:
        row = self.selected_row()
        if row < 0:
            return
        self.agenda_error.clear_error()
        new_row = self.agenda_model.move_row(row, delta)
        self._select_row(new_row)
        self.agenda_table.setFocus()
        self._update_agenda_buttons()

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row < 0 or self._meeting_id is None:
            return
        item = self.agenda_model.record(row)
        if (item.notes.strip() or item.used_seconds) and not ask_yes_no(
            self,
            self.tr("Remove agenda item?"),
            self.tr("“{title}” already has notes or time recorded. Remove it anyway?").format(
                title=item.title
            ),
        ):
            return
        self.agenda_error.clear_error()
        try:
            self.controller.remove_item(meeting_id=self._meeting_id, item_id=item.id)
        except NotFoundError:
            self._load_agenda()
        self._select_row(min(row, self.agenda_model.rowCount() - 1))
        self.agenda_table.setFocus()

    def add_item(self) -> None:
        if self._meeting_id is None:
            return
        self.agenda_error.clear_error()
        try:
            item = self.controller.add_item(
                meeting_id=self._meeting_id,
                title=self.add_title_edit.text(),
                minutes=self.add_minutes_spin.value(),
            )
        except ValidationError as exc:
            show_validation(
                exc,
                {"title": self.add_title_edit, "minutes": self.add_minutes_spin},
                self.agenda_error,
                self,
            )
            return
        self.add_title_edit.clear()
        self.add_title_edit.setFocus()
        self._select_row(self.agenda_model.row_of(lambda r: r.id == item.id))

    def _on_agenda_model_edit_rejected(self, _field: str, message: str) -> None:
        self.agenda_error.show_error(message)

    # ==== templates ===========================================================================
    def _on_apply_template_clicked(self) -> None:
        template = self.template_combo.currentData(RECORD_ROLE)
        if template is None or self._meeting_id is None:
            return
        self.controller.apply_template(meeting_id=self._meeting_id, template_id=template.id)
        count = len(template.items)
        note = (
            self.tr("Added 1 item from “{name}”.")
            if count == 1
            else self.tr("Added {count} items from “{name}”.")
        )
        self.template_note.setText(note.format(count=count, name=template.name))

    def _on_save_template_clicked(self) -> None:
        if self._meeting_id is None:
            return
        suggestion = self._meeting.title if self._meeting else ""
        name, ok = get_text(
            self,
            self.tr("Save agenda as template"),
            self.tr("Name of the new template (its items and time boxes are copied):"),
            suggestion,
        )
        if not ok:
            return
        try:
            template = self.controller.save_as_template(meeting_id=self._meeting_id, name=name)
        except ValidationError as exc:
            warn(self, self.tr("Template not saved"), exc.message)
            return
        row = self.templates_model.row_of(lambda t: t.id == template.id)
        if row >= 0:
            self.template_combo.setCurrentIndex(row)
        self.template_note.setText(
            self.tr("Saved the agenda as template “{name}”.").format(name=template.name)
        )

    # ==== page ================================================================================
    def _on_start_button_clicked(self) -> None:
        """Start (a planned meeting: Running, its clock going) or go back to it."""
        self.controller.flush_pending()
        meeting = self._meeting
        self.controller.navigate("run")  # first: the run page hears the start
        if meeting is not None and meeting.status is MeetingStatus.PLANNED:
            self.controller.start_meeting(meeting.id)

    # ==== controller signals ==================================================================
    def _on_controller_current_meeting_changed(self, meeting_id: int) -> None:
        self.load(meeting_id or None)

    def _on_controller_meeting_changed(self, meeting_id: int) -> None:
        if meeting_id == self._meeting_id:
            try:
                self._load_meeting(self.controller.services.meetings.get_meeting(meeting_id))
            except NotFoundError:
                self.load(None)

    def _on_controller_agenda_changed(self, meeting_id: int) -> None:
        if meeting_id == self._meeting_id:
            self.agenda_error.clear_error()
            self._load_agenda()

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if meeting_id == self._meeting_id:
            self._load_invitees()

    def _on_controller_members_changed(self) -> None:
        self.refresh()
