"""The Goals page of the Goals & KPIs tab: the revenue goal of the quarter (one for both
teams) and the mutual activity goals, each with an owner and a decision: continue,
improve or eliminate (seed 002)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.enums import TeamTag
from alignmeet.domain.goals import Disposition, GoalKind, GoalRecord
from alignmeet.domain.periods import Period, parse_period, period_containing
from alignmeet.domain.rules import ValidationError
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.core_labels import label
from ui.models.goals_tables_model import ActivityGoalsModel, disposition_hint
from ui.record_form import RecordForm
from ui.record_table import selected_record
from ui.shown import LoadedForm
from ui.undo import Step, step
from ui.views.toolkit.common import button_row
from ui.views.toolkit.common import card as _card
from ui.views.toolkit.goals_common import combo as _combo
from ui.views.toolkit.goals_common import fill_members as _fill_members
from ui.views.toolkit.goals_common import goals_table as _table
from ui.views.toolkit.goals_common import line_edit as _line
from ui.views.toolkit.goals_common import number_text as _number_text
from ui.views.toolkit.goals_common import set_combo as _set_combo
from ui.views.toolkit.goals_common import update_goal as _update_goal
from ui.widgets import FieldError, ask_yes_no, fill, plain_label, section_heading, show_validation

__all__ = ["GoalsPage"]


class GoalsPage(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._revenue: GoalRecord | None = None
        # The revenue form as loaded: a save sends what was changed in it, on top of that.
        self._revenue_form = LoadedForm()
        self.period: Period | None = None
        revenue_card = self._build_revenue()
        self._build_activity_form()
        self.model = ActivityGoalsModel(self)
        self.table = _table(self.tr("Activity goals"), self.model)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.toggled.connect(self._on_show_archived_toggled)

        top = button_row(
            (section_heading(self.tr("Mutual activity goals")),), (self.show_archived,)
        )
        explain = plain_label(
            self.tr(
                "What both teams do towards the goal, each with an owner. At each review mark "
                "it: continue, improve or eliminate."
            ),
            wrap=True,
        )
        right = fill(QVBoxLayout(), top, explain, (self.table, 1), margins=None)
        form_card, fl = _card()
        fl.addWidget(self.form)
        right.addWidget(form_card)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(revenue_card)
        layout.addLayout(right, 1)
        self._update_buttons()

    def _build_revenue(self) -> QFrame:
        """The shared revenue goal (left)."""
        self.revenue_heading = section_heading(self.tr("Shared revenue goal"))
        self.revenue_heading.setWordWrap(True)  # "…, Q4 2026" runs longer in German
        self.revenue_period = _line("2026-Q4", self.tr("Revenue goal period"), 20)
        self.revenue_title = _line(
            self.tr("e.g. New ARR from new customers"), self.tr("Revenue goal")
        )
        self.revenue_target = _line(self.tr("e.g. 5400000"), self.tr("Revenue target"), 40)
        self.revenue_actual = _line(self.tr("so far (optional)"), self.tr("Revenue so far"), 40)
        self.revenue_unit = _line("$, €, …", self.tr("Revenue unit"), 30)
        self.revenue_unit.setText("$")
        self.revenue_owner = _combo(self.tr("Revenue goal owner"), [])
        self.revenue_notes = QPlainTextEdit()
        self.revenue_notes.setAccessibleName(self.tr("Revenue goal notes"))
        self.revenue_notes.setPlaceholderText(self.tr("Notes (optional)"))
        self.revenue_notes.setMaximumHeight(70)
        self.revenue_save = QPushButton(self.tr("Set revenue goal"))
        self.revenue_save.clicked.connect(self._on_revenue_save_clicked)
        self.revenue_error = FieldError()
        self.revenue_note = plain_label()
        self._revenue_fields: dict[str, QWidget] = {
            "period": self.revenue_period,
            "title": self.revenue_title,
            "target_value": self.revenue_target,
            "actual_value": self.revenue_actual,
            "unit": self.revenue_unit,
            "owner_id": self.revenue_owner,
            "notes": self.revenue_notes,
        }
        self.revenue_period.editingFinished.connect(self._on_revenue_period_edited)
        form = QFormLayout()
        form.addRow(self.tr("&Period"), self.revenue_period)
        form.addRow(self.tr("&Goal"), self.revenue_title)
        form.addRow(self.tr("&Target"), self.revenue_target)
        form.addRow(self.tr("So &far"), self.revenue_actual)
        form.addRow(self.tr("&Unit"), self.revenue_unit)
        form.addRow(self.tr("&Owner"), self.revenue_owner)
        form.addRow(self.tr("&Notes"), self.revenue_notes)
        revenue_card, rl = _card()
        rl.addWidget(self.revenue_heading)
        hint = plain_label(
            self.tr("One revenue goal per period, shared by Sales and Marketing."), wrap=True
        )
        rl.addWidget(hint)
        rl.addLayout(form)
        rl.addWidget(self.revenue_save)
        rl.addWidget(self.revenue_error)
        rl.addWidget(self.revenue_note)
        rl.addStretch(1)
        revenue_card.setFixedWidth(340)
        return revenue_card

    def _build_activity_form(self) -> None:
        """The form of an activity goal (right, under the table)."""
        self.form = form = RecordForm(
            new_heading=self.tr("New activity goal"),
            editing_heading=lambda g: self.tr("Editing “{title}”").format(title=g.title),
            add=self.tr("Add activity goal"),
            save=self.tr("Save changes"),
            archive=(self.tr("Archive"), self.tr("Restore")),
            delete=self.tr("Delete…"),
            clear=self.tr("Clear form"),
            spacing=(10, -1),
            errors_at_fields=False,
            submit_on_return=False,
        )
        self.title_edit = _line(
            self.tr("e.g. Joint webinar series with an AE on every panel"), self.tr("Activity")
        )
        self.period_edit = _line("2026-Q4", self.tr("Activity period"), 20)
        self.owner_combo = _combo(self.tr("Owner"), [])
        self.disposition_combo = _combo(
            self.tr("Decision"),
            [(f"{label(d.label)} — {disposition_hint(d)}", d.value) for d in Disposition],
        )
        self.team_combo = _combo(self.tr("Team"), [(label(t.label), t.value) for t in TeamTag])
        _set_combo(self.team_combo, TeamTag.JOINT.value)
        self.notes_edit = _line(self.tr("Why (optional)"), self.tr("Activity notes"), 2000)
        form.add_fields_in_two_columns(
            (
                ("title", self.title_edit, self.tr("&Activity")),
                ("period", self.period_edit, self.tr("&Period")),
                ("owner_id", self.owner_combo, self.tr("O&wner")),
                ("disposition", self.disposition_combo, self.tr("&Decision")),
                ("team_tag", self.team_combo, self.tr("T&eam")),
                ("notes", self.notes_edit, self.tr("N&otes")),
            ),
            stretch=(2, 1),
            shortcut=False,
        )
        form.on(
            add=self._on_add_clicked,
            save=self._on_save_clicked,
            archive=self._on_archive_clicked,
            delete=self._on_delete_clicked,
            clear=self._on_clear_clicked,
        )
        # the names the tests and the rest of the page know them by
        self.form_heading, self.form_error, self.form_note = form.heading, form.error, form.note
        self.add_button, self.save_button = form.add_button, form.save_button
        self.archive_button, self.delete_button = form.archive_button, form.delete_button
        self.clear_button = form.clear_button
        self._fields = form.fields

    @property
    def _editing(self) -> GoalRecord | None:
        return self.form.editing

    # -- reading
    def show_period(self, period: Period) -> None:
        changed = self.period != period
        self.period = period
        _fill_members(self.revenue_owner, self.controller, none_label=self.tr("(no owner)"))
        _fill_members(self.owner_combo, self.controller, none_label=self.tr("Choose the owner…"))
        quarter = period_containing("quarter", period.start).key
        if changed:
            self.revenue_period.setText(quarter)
            if self._editing is None:
                self.period_edit.setText(quarter)
        self._load_revenue()
        goals = self.controller.services.goals.list_goals(
            period=period.key,
            kind=GoalKind.ACTIVITY,
            include_archived=self.show_archived.isChecked(),
        )
        editing = self._editing
        self.model.set_rows(goals)
        if editing is not None:
            row = self.model.row_of(lambda g: g.id == editing.id)
            self.form.editing = self.model.record(row) if row >= 0 else None
            if row >= 0:
                self.table.blockSignals(True)
                self.table.selectRow(row)
                self.table.blockSignals(False)
        self._update_buttons()

    def _load_revenue(self) -> None:
        period_text = self.revenue_period.text().strip()
        goal = None
        try:
            key = parse_period(period_text).key
            goal = next(
                (
                    g
                    for g in self.controller.services.goals.list_goals(kind=GoalKind.REVENUE)
                    if g.period == key
                ),
                None,
            )
        except ValidationError:
            pass
        self._revenue = goal
        period_name = parse_period(period_text).label if goal else period_text
        if goal is not None:
            self.revenue_heading.setText(
                self.tr("Shared revenue goal, {period}").format(period=period_name)
            )
            self.revenue_title.setText(goal.title)
            self.revenue_target.setText(_number_text(goal.target_value))
            self.revenue_actual.setText(_number_text(goal.actual_value))
            self.revenue_unit.setText(goal.unit)
            _set_combo(self.revenue_owner, goal.owner_id)
            self.revenue_notes.setPlainText(goal.notes)
            self.revenue_save.setText(self.tr("Save revenue goal"))
        else:
            self.revenue_heading.setText(self.tr("Shared revenue goal"))
            self.revenue_save.setText(self.tr("Set revenue goal"))
        self._revenue_form.loaded(goal, self._revenue_values())

    def _on_revenue_period_edited(self) -> None:
        self._load_revenue()

    def _revenue_values(self) -> dict[str, object]:
        return {
            "title": self.revenue_title.text(),
            "period": self.revenue_period.text(),
            "target_value": self.revenue_target.text(),
            "actual_value": self.revenue_actual.text() or None,
            "unit": self.revenue_unit.text(),
            "owner_id": self.revenue_owner.currentData(),
            "notes": self.revenue_notes.toPlainText(),
        }

    def _on_revenue_save_clicked(self) -> None:
        self.revenue_error.clear_error()
        fields = self._revenue_values()
        try:
            if self._revenue is None:
                goal = self.controller.perform(
                    step(Step.NEW_GOAL),
                    lambda s: s.goals.add_goal(kind=GoalKind.REVENUE, **fields),
                )
            else:
                goal = _update_goal(
                    self.controller,
                    self._revenue.id,
                    self._revenue_form.record,
                    self._revenue_form.edits(fields),
                )
        except ValidationError as exc:
            show_validation(exc, self._revenue_fields, self.revenue_error, self)
            return
        except NotFoundError as exc:
            self.revenue_error.show_error(str(exc))
            return
        if self.controller.kept_theirs:  # "take theirs": nothing of the form was saved
            self._load_revenue()
            self.revenue_note.clear()
            return
        self._revenue_form.loaded(goal, self._revenue_values())  # what the next save stands on
        self.revenue_note.setText(
            self.tr("Saved the revenue goal for {period}.").format(period=goal.period_label)
        )

    # -- activity form
    def _form_values(self) -> dict[str, object]:
        return self.form.values()

    def _on_add_clicked(self) -> None:
        values = self._form_values()
        goal = self.form.attempt(
            lambda: self.controller.perform(
                step(Step.NEW_GOAL), lambda s: s.goals.add_goal(kind=GoalKind.ACTIVITY, **values)
            )
        )
        if goal is None:
            return
        self._load_form(None)
        self.form.show_note(
            self.tr("Added “{title}” ({owner}).").format(title=goal.title, owner=goal.owner_name)
        )

    def _on_save_clicked(self) -> None:
        editing = self._editing
        if editing is None:
            return
        edits = self.form.edits()
        goal = self.form.attempt(
            lambda: _update_goal(self.controller, editing.id, self.form.seen, edits)
        )
        if goal is None:
            return
        if self.controller.kept_theirs:  # "take theirs": nothing of the form was saved
            self._load_form(goal)
            return
        self.form.loaded(goal)  # what the next save stands on
        self.form.show_note(self.tr("Saved “{title}”.").format(title=goal.title))

    def _on_archive_clicked(self) -> None:
        goal = self._editing
        if goal is None:
            return
        self.controller.perform(
            step(Step.ARCHIVE_GOAL),
            lambda s: s.goals.archive_goal(goal_id=goal.id, archived=not goal.archived),
        )
        if goal.archived:
            self.form.show_note(self.tr("“{title}” restored.").format(title=goal.title))
        else:
            self.form.show_note(self.tr("“{title}” archived.").format(title=goal.title))
        if not goal.archived and not self.show_archived.isChecked():
            self._load_form(None)

    def _on_delete_clicked(self) -> None:
        goal = self._editing
        if goal is None:
            return
        if not ask_yes_no(
            self,
            self.tr("Delete activity goal"),
            self.tr(
                "Delete “{title}” for good? Actions linked to it keep their place but lose "
                "the link. Archive it instead to keep its history."
            ).format(title=goal.title),
        ):
            return
        self.controller.perform(
            step(Step.DELETE_GOAL), lambda s: s.goals.delete_goal(goal_id=goal.id)
        )
        self._load_form(None)
        self.form.show_note(self.tr("Deleted “{title}”.").format(title=goal.title))

    def _on_clear_clicked(self) -> None:
        self.table.clearSelection()
        self._load_form(None)

    def _load_form(self, goal: GoalRecord | None) -> None:
        if goal is None:
            quarter = self.period_edit.text()
            if self.period is not None:
                quarter = period_containing("quarter", self.period.start).key
            values: dict[str, object] = {"title": "", "notes": "", "period": quarter}
            self.form.load(None, values)
            self.owner_combo.setCurrentIndex(0)
            self.disposition_combo.setCurrentIndex(0)
            self.form.loaded(None)
        else:
            self.form.load(
                goal,
                {
                    "title": goal.title,
                    "period": goal.period,
                    "owner_id": goal.owner_id,
                    "disposition": goal.disposition.value if goal.disposition else None,
                    "team_tag": goal.team_tag.value,
                    "notes": goal.notes,
                },
            )
            self.notes_edit.setCursorPosition(0)  # a long note shows from its start
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.form.update_buttons()

    def _on_table_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        record = selected_record(self.table)
        if isinstance(record, GoalRecord):
            self._load_form(record)

    def _on_show_archived_toggled(self, _checked: bool) -> None:
        if self.period is not None:
            self.show_period(self.period)
