"""4 Action plans: round-robin over the present members, each devising their own actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import Attendance, Phase, TeamTag
from alignmeet.domain.records import ActionRecord, ParticipantRecord
from alignmeet.domain.rules import ValidationError
from alignmeet.services.actions import default_tag
from ui.controller import Controller
from ui.core_labels import label
from ui.limits import limit_line
from ui.models.actions_model import COL_ACTION, NOT_PRESENT, ActionsModel, RoundRobinModel
from ui.record_table import set_current_row
from ui.views.phases import (
    PhasePage,
    fit_columns,
    section_label,
    set_font,
    table_view,
    ui_locale,
)
from ui.widgets import (
    DateField,
    FieldError,
    emptied,
    fill,
    plain_label,
    undo_falls_through,
)

DEFAULT_DUE_DAYS = 14


class ActionsPhase(PhasePage):
    phase = Phase.ACTIONS

    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(controller, parent)
        self._today = today
        self._participants: list[ParticipantRecord] = []
        self._actions: list[ActionRecord] = []
        self._current_member: int | None = None

        left = self._build_left()
        self._build_plan_table()
        self._build_new_action_fields()
        right = self._build_right()

        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(left)
        self.split.addWidget(right)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([280, 780])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.split, 1)

        self._set_tab_order()
        # The next speaker from wherever the focus is (as Ctrl+PgDown is the next agenda item).
        self.next_member_shortcut = QShortcut(QKeySequence("Ctrl+PgDown"), self)
        self.next_member_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.next_member_shortcut.activated.connect(self.next_member)
        self.next_member_button.setToolTip(self.tr("The next member's turn (Ctrl+PgDown)"))

        self._reset_form_defaults()
        controller.participants_changed.connect(self._on_controller_participants_changed)
        controller.actions_changed.connect(self._on_controller_actions_changed)
        controller.members_changed.connect(self.refresh)
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)

    def _build_left(self) -> QWidget:
        # ---- left: who speaks ----
        self.members_model = RoundRobinModel(self)
        self.members_view = table_view(self)
        self.members_view.setModel(self.members_model)
        self.members_view.setAccessibleName(self.tr("Present members"))
        fit_columns(self.members_view, stretch_column=0)
        set_font(self.members_view, 1.1)
        self.members_view.selectionModel().currentRowChanged.connect(
            self._on_members_current_row_changed
        )
        self.progress_label = plain_label(object_name="PlansProgress", wrap=True)
        self.next_member_button = QPushButton(self.tr("Next member →"))
        self.next_member_button.setMinimumHeight(40)
        set_font(self.next_member_button, 1.1)
        self.next_member_button.clicked.connect(self.next_member)
        left = QWidget()
        fill(
            QVBoxLayout(left),
            section_label(self.tr("Round-robin")),
            (self.members_view, 1),
            self.progress_label,
            self.next_member_button,
        )
        return left

    def _build_plan_table(self) -> None:
        # ---- right: this member's plan ----
        self.plan_title = plain_label(object_name="PlanTitle")
        set_font(self.plan_title, 1.7, bold=True)
        self.actions_model = ActionsModel(self)
        self.actions_view = table_view(self)
        self.actions_view.setModel(self.actions_model)
        self.actions_view.setAccessibleName(self.tr("Actions of this member"))
        fit_columns(self.actions_view, stretch_column=COL_ACTION)
        self.remove_button = QPushButton(self.tr("Remove action"))
        self.remove_button.setToolTip(self.tr("Remove the selected action (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.delete_shortcut = QShortcut(
            QKeySequence(QKeySequence.StandardKey.Delete), self.actions_view
        )
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_shortcut.activated.connect(self.remove_selected)
        self.actions_view.selectionModel().selectionChanged.connect(self._update_remove_button)

    def _build_new_action_fields(self) -> None:
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText(
            self.tr("What will you do? e.g. “Call back every webinar lead within 24 h”")
        )
        self.text_edit.setAccessibleName(self.tr("Action"))
        limit_line(self.text_edit, "action.title")
        undo_falls_through(self.text_edit)
        self.text_edit.setMinimumHeight(34)
        set_font(self.text_edit, 1.1)
        self.owner_combo = QComboBox()
        self.owner_combo.setAccessibleName(self.tr("Owner"))
        self.owner_combo.currentIndexChanged.connect(self._on_owner_combo_index_changed)
        self.due_edit = DateField()
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setLocale(ui_locale())
        self.due_edit.setDisplayFormat(self.tr("ddd d MMM yyyy"))
        self.due_edit.setAccessibleName(self.tr("Due date"))
        self.no_due_check = QCheckBox(self.tr("No due date"))
        self.no_due_check.toggled.connect(self.due_edit.setDisabled)
        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName(self.tr("Team"))
        for tag in TeamTag:
            self.tag_combo.addItem(label(tag), tag)
        self.milestone_edit = QLineEdit()
        self.milestone_edit.setPlaceholderText(
            self.tr("Optional, e.g. “50 % of leads called back by 15 May”")
        )
        self.milestone_edit.setAccessibleName(self.tr("Milestone"))
        limit_line(self.milestone_edit, "action.milestone")  # the service keeps 200
        # What the action serves (issue 4): a shared goal and a customer persona.
        self.goal_combo = QComboBox()
        self.goal_combo.setAccessibleName(self.tr("Goal it serves"))
        self.goal_combo.setToolTip(self.tr("The shared goal this action serves (optional)"))
        self.goal_combo.setMinimumContentsLength(18)
        self.goal_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        from ui.views.toolkit.personas_view import PersonaPicker

        self.persona_picker = PersonaPicker(self.controller)
        self.persona_picker.setToolTip(
            self.tr("The customer persona this action is for (optional)")
        )
        self._fill_goals()
        self.add_button = QPushButton(self.tr("Add action"))
        self.add_button.setDefault(True)
        self.add_button.setMinimumHeight(38)
        set_font(self.add_button, 1.1, bold=True)
        self.add_button.clicked.connect(self.add_action)
        self.text_edit.returnPressed.connect(self.add_action)
        self.milestone_edit.returnPressed.connect(self.add_action)
        self.error = FieldError(self)

    def _build_right(self) -> QWidget:
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_edit)
        due_row.addWidget(self.no_due_check)
        due_row.addStretch(1)
        due_row.addWidget(plain_label(self.tr("Team")))
        due_row.addWidget(self.tag_combo)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Action"), self.text_edit)
        form.addRow(self.tr("Owner"), self.owner_combo)
        form.addRow(self.tr("Due"), due_row)
        form.addRow(self.tr("Milestone"), self.milestone_edit)
        links_row = QHBoxLayout()
        links_row.addWidget(self.goal_combo, 2)
        links_row.addSpacing(12)
        links_row.addWidget(plain_label(self.tr("Persona")))
        links_row.addWidget(self.persona_picker, 1)
        form.addRow(self.tr("Serves goal"), links_row)
        add_row = QHBoxLayout()
        add_row.addWidget(self.error, 1)
        add_row.addWidget(self.add_button)

        table_head = QHBoxLayout()
        table_head.addWidget(self.plan_title, 1)
        table_head.addWidget(self.remove_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(table_head)
        right_layout.addWidget(self.actions_view, 1)
        right_layout.addWidget(section_label(self.tr("New action")))
        right_layout.addLayout(form)
        right_layout.addLayout(add_row)
        return right

    def _set_tab_order(self) -> None:
        # Reading order: who speaks (left), then their plan and the new action (right).
        chain = (
            self.members_view,
            self.next_member_button,
            self.remove_button,
            self.actions_view,
            self.text_edit,
            self.owner_combo,
            self.due_edit,
            self.no_due_check,
            self.tag_combo,
            self.milestone_edit,
            self.goal_combo,
            self.persona_picker,
            self.add_button,
        )
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- refresh ------------------------------------------------------------
    def set_meeting(self, meeting_id: int | None) -> None:
        if meeting_id != self.meeting_id:
            self._current_member = None
            self.error.clear_error()
            self.text_edit.clear()
            self.milestone_edit.clear()
            self._reset_form_defaults()
        super().set_meeting(meeting_id)

    def refresh(self) -> None:
        meetings = self.controller.services.meetings
        self._participants = meetings.participants(self.meeting_id) if self.meeting_id else []
        self._actions = (
            self.controller.services.actions.actions_for_meeting(self.meeting_id)
            if self.meeting_id
            else []
        )
        self._refresh_owner_combo()
        present = self.present_members()
        owners = {a.owner_id for a in self._actions}
        others = self._owners_not_present(present)
        rows = present + others
        self.members_model.set_rows_and_plans(rows, owners, [p.member_id for p in others])
        ids = [p.member_id for p in rows]
        if self._current_member not in ids:
            self._current_member = ids[0] if ids else None
        done = sum(1 for p in present if p.member_id in owners)
        self.progress_label.setText(
            self.tr("{done} of {present} present members have a plan").format(
                done=done, present=len(present)
            )
            if present
            else self.tr("Nobody is marked present yet: take attendance in phase 1 (Open).")
        )
        self.next_member_button.setEnabled(len(rows) > 1)
        self._show_member(self._current_member)

    def present_members(self) -> list[ParticipantRecord]:
        return [p for p in self._participants if p.attendance is Attendance.PRESENT]

    def _owners_not_present(self, present: list[ParticipantRecord]) -> list[ParticipantRecord]:
        """Owners of this meeting's actions who are not present (absent or no longer
        invited), in the order of their first action: listed so their actions stay
        visible and removable."""
        present_ids = {p.member_id for p in present}
        invited = {p.member_id: p for p in self._participants}
        others: dict[int, ParticipantRecord] = {}
        for action in self._actions:
            owner = action.owner_id
            if owner in present_ids or owner in others:
                continue
            record = invited.get(owner)
            if record is None:  # no longer invited: a stand-in row for the list
                member = self.controller.services.people.get_member(owner)
                record = ParticipantRecord(
                    meeting_id=action.meeting_id,
                    member_id=owner,
                    name=action.owner_name,
                    team_name=member.team_name,
                    role=member.role,
                    attendance=Attendance.INVITED,
                    representative=False,
                    committed_at=None,
                    confidence=None,
                    commitment_note="",
                )
            others[owner] = record
        return list(others.values())

    def _refresh_owner_combo(self) -> None:
        chosen = self.owner_combo.currentData()
        self.owner_combo.blockSignals(True)
        self.owner_combo.clear()
        for p in self._participants:
            text = (
                p.name
                if p.attendance is Attendance.PRESENT
                else self.tr("{name} ({attendance})").format(
                    name=p.name, attendance=label(p.attendance).lower()
                )
            )
            self.owner_combo.addItem(text, p.member_id)
        index = self.owner_combo.findData(chosen)
        self.owner_combo.setCurrentIndex(max(index, 0))
        self.owner_combo.blockSignals(False)

    def _on_controller_participants_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self.refresh_or_defer()

    def _on_controller_actions_changed(self, meeting_id: int) -> None:
        if self._is_mine(meeting_id):
            self.refresh_or_defer()

    # ---- the current member -------------------------------------------------
    @property
    def current_member_id(self) -> int | None:
        return self._current_member

    def first_field(self) -> QWidget:
        return self.text_edit

    def current_member(self) -> ParticipantRecord | None:
        rows = self.members_model.rows()
        return next((p for p in rows if p.member_id == self._current_member), None)

    def select_member(self, member_id: int) -> None:
        if member_id != self._current_member:
            self.error.clear_error()
        self._current_member = member_id
        self._show_member(member_id)
        self._select_owner(member_id)
        self.text_edit.setFocus()

    def next_member(self) -> None:
        ids = [p.member_id for p in self.members_model.rows()]
        if not ids:
            return
        pos = ids.index(self._current_member) if self._current_member in ids else -1
        self.select_member(ids[(pos + 1) % len(ids)])

    def _show_member(self, member_id: int | None) -> None:
        self.members_model.set_current(member_id)
        member = self.current_member()
        row = self.members_model.row_of(lambda p: p.member_id == member_id)
        selection = self.members_view.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            set_current_row(selection, self.members_model.index(row, 0))
        else:
            selection.clearSelection()
        selection.blockSignals(False)
        self.members_view.viewport().update()
        if member is None:
            self.plan_title.setText(self.tr("Action plans"))
            self.actions_model.set_rows([])
        else:
            if self.members_model.is_present(member.member_id):
                title = self.tr("{name}'s action plan").format(name=member.name)
            else:
                title = self.tr("{name}'s action plan {not_present}").format(
                    name=member.name,
                    not_present=QCoreApplication.translate("RoundRobinModel", NOT_PRESENT),
                )
            self.plan_title.setText(title)
            self.actions_model.set_rows(
                [a for a in self._actions if a.owner_id == member.member_id]
            )
            if self.owner_combo.currentData() is None or not self.text_edit.text():
                self._select_owner(member.member_id)
        self._update_remove_button()

    def _select_owner(self, member_id: int) -> None:
        index = self.owner_combo.findData(member_id)
        if index >= 0:
            self.owner_combo.setCurrentIndex(index)
            self._on_owner_combo_index_changed(index)

    def _on_members_current_row_changed(self, current: object, _previous: object) -> None:
        row = self.members_view.currentIndex().row()
        if 0 <= row < self.members_model.rowCount():
            self.select_member(self.members_model.record(row).member_id)

    def _on_owner_combo_index_changed(self, _index: int) -> None:
        owner = next(
            (p for p in self._participants if p.member_id == self.owner_combo.currentData()), None
        )
        if owner is not None:
            self.tag_combo.setCurrentIndex(self.tag_combo.findData(default_tag(owner.team_name)))

    # ---- goals -------------------------------------------------------------------
    def _fill_goals(self) -> None:
        chosen = self.goal_combo.currentData()
        self.goal_combo.blockSignals(True)
        try:
            self.goal_combo.clear()
            self.goal_combo.addItem(self.tr("(no goal)"), None)
            for option in self.controller.services.goals.goals_for_linking():
                self.goal_combo.addItem(option.label, option.id)
            found = self.goal_combo.findData(chosen) if chosen is not None else 0
            self.goal_combo.setCurrentIndex(max(found, 0))
        finally:
            self.goal_combo.blockSignals(False)

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == "goals":
            self._fill_goals()

    # ---- adding and removing ------------------------------------------------
    def _reset_form_defaults(self) -> None:
        self.due_edit.setDate(QDate(self._today() + timedelta(days=DEFAULT_DUE_DAYS)))
        self.no_due_check.setChecked(False)

    def form_due(self) -> date | None:
        return None if self.no_due_check.isChecked() else self.due_edit.date().toPython()

    def add_action(self) -> ActionRecord | None:
        if self.meeting_id is None:
            return None
        owner_id = self.owner_combo.currentData()
        if owner_id is None:
            self.error.show_error(self.tr("Choose who owns this action."), self.owner_combo)
            return None
        try:
            action = self.controller.add_action(
                meeting_id=self.meeting_id,
                owner_id=owner_id,
                title=self.text_edit.text(),
                due=self.form_due(),
                team_tag=TeamTag(self.tag_combo.currentData()),
                milestone=self.milestone_edit.text(),
                goal_id=self.goal_combo.currentData(),
                persona_id=self.persona_picker.persona_id(),
            )
        except ValidationError as exc:
            fields = {"title": self.text_edit, "due": self.due_edit, "owner": self.owner_combo}
            self.error.show_error(exc.message, fields.get(exc.field, self.text_edit))
            return None
        self.error.clear_error()
        emptied(self.text_edit)  # Ctrl+Z next takes the action back (undo_falls_through)
        emptied(self.milestone_edit)
        if action.owner_id != self._current_member:
            self.show_status(
                self.tr("Action added to {name}'s plan.").format(name=action.owner_name)
            )
            if self._current_member is not None:
                self._select_owner(self._current_member)
        self.text_edit.setFocus()
        return action

    def selected_action(self) -> ActionRecord | None:
        rows = self.actions_view.selectionModel().selectedRows()
        return self.actions_model.record(rows[0].row()) if rows else None

    def remove_selected(self) -> None:
        action = self.selected_action()
        if action is None or self.meeting_id is None:
            return
        self.controller.remove_action(meeting_id=self.meeting_id, action_id=action.id)
        self.show_status(self.tr("Removed “{title}”.").format(title=action.title))

    def _update_remove_button(self) -> None:
        self.remove_button.setEnabled(self.selected_action() is not None)
