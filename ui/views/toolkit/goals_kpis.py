"""The KPIs & measurements page of the Goals & KPIs tab: the KPI definitions (unit,
target, which way is better, measured per month / quarter / week) and the values per
period, typed here or imported from a CSV file."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QWidget,
)

from alignmeet.domain.enums import TeamTag
from alignmeet.domain.goals import KpiRecord, MeasurementRecord, format_value
from alignmeet.domain.periods import Period, PeriodKind, period_containing
from alignmeet.domain.rules import ValidationError
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.core_labels import label
from ui.models.goals_tables_model import KpisModel, MeasurementsModel
from ui.record_form import RecordForm
from ui.record_table import selected_record
from ui.undo import Step, step
from ui.views.toolkit.common import button_row
from ui.views.toolkit.common import card as _card
from ui.views.toolkit.goals_common import combo as _combo
from ui.views.toolkit.goals_common import goals_table as _table
from ui.views.toolkit.goals_common import line_edit as _line
from ui.views.toolkit.goals_common import measurement_now as _measurement
from ui.views.toolkit.goals_common import number_text as _number_text
from ui.views.toolkit.goals_common import set_combo as _set_combo
from ui.widgets import FieldError, ask_yes_no, plain_label, section_heading, show_validation

__all__ = ["KpisPage"]


class KpisPage(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._m_shown: MeasurementRecord | None = None  # the measurement loaded into its form
        self.period: Period | None = None
        left_card = self._build_kpis()
        right_card = self._build_measurements()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(left_card, 5)
        layout.addWidget(right_card, 4)
        self._update_buttons()

    @property
    def _editing(self) -> KpiRecord | None:
        return self.form.editing

    @_editing.setter
    def _editing(self, kpi: KpiRecord | None) -> None:
        self.form.editing = kpi

    def _build_kpis(self) -> QFrame:
        """The KPI definitions: their table, in order, and the form of one (left)."""
        self.kpi_model = KpisModel(self)
        self.kpi_table = _table(self.tr("KPIs"), self.kpi_model)
        self.kpi_table.selectionModel().selectionChanged.connect(self._on_kpi_selection_changed)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self._move(1))
        self._build_kpi_form()
        left_card, ll = _card()
        order = button_row(
            (section_heading(self.tr("KPI definitions")),), (self.up_button, self.down_button)
        )
        ll.addLayout(order)
        ll.addWidget(self.kpi_table, 1)
        ll.addWidget(self.form)
        return left_card

    def _build_kpi_form(self) -> None:
        self.form = form = RecordForm(
            new_heading=self.tr("New KPI"),
            editing_heading=lambda kpi: self.tr("Editing {kpi}").format(kpi=kpi.name),
            add=self.tr("Add KPI"),
            save=self.tr("Save"),
            archive=(self.tr("Archive"), self.tr("Restore")),
            clear=self.tr("New"),
            spacing=(10, -1),
            errors_at_fields=False,
            submit_on_return=False,
        )
        self.name_edit = _line(self.tr("e.g. MQL→SQL conversion"), self.tr("KPI name"))
        self.unit_edit = _line(self.tr("%, h, leads, $"), self.tr("Unit"), 30)
        self.target_edit = _line(self.tr("e.g. 30"), self.tr("Target"), 40)
        self.better_combo = _combo(
            self.tr("Which way is better"),
            [(self.tr("Higher is better"), True), (self.tr("Lower is better"), False)],
        )
        self.period_kind_combo = _combo(
            self.tr("Measured per"), [(label(k.label), k.value) for k in PeriodKind]
        )
        self.kpi_team_combo = _combo(
            self.tr("KPI team"), [(label(t.label), t.value) for t in TeamTag]
        )
        _set_combo(self.kpi_team_combo, TeamTag.JOINT.value)
        self.description_edit = _line(
            self.tr("What it counts, so both teams read it the same way"),
            self.tr("Definition"),
            2000,
        )
        placed = (
            (self.tr("Name"), "name", self.name_edit, 0, 0, 3),
            (self.tr("Definition"), "description", self.description_edit, 1, 0, 3),
            (self.tr("Unit"), "unit", self.unit_edit, 2, 0, 1),
            (self.tr("Target"), "target", self.target_edit, 2, 2, 1),
            (self.tr("Better"), "higher_is_better", self.better_combo, 3, 0, 1),
            (self.tr("Per"), "period_kind", self.period_kind_combo, 3, 2, 1),
            (self.tr("Team"), "team_tag", self.kpi_team_combo, 4, 0, 1),
        )
        for caption, key, widget, row, col, span in placed:
            form.add_field(key, widget, caption, row, col, span=span, shortcut=False)
        form.on(
            add=self._on_add_kpi_clicked,
            save=self._on_save_kpi_clicked,
            archive=self._on_archive_kpi_clicked,
            clear=self._on_new_kpi_clicked,
        )
        # the names the tests and the rest of the page know them by
        self.kpi_heading, self.kpi_error, self.kpi_fields = form.heading, form.error, form.fields
        self.add_kpi_button, self.save_kpi_button = form.add_button, form.save_button
        self.archive_kpi_button, self.new_kpi_button = form.archive_button, form.clear_button

    def _build_measurements(self) -> QFrame:
        """The values of the KPI picked, and the entry for one (right)."""
        self.m_heading = section_heading(self.tr("Measurements"))
        self.m_heading.setWordWrap(True)  # "Measurements of <a long KPI name> (monthly)"
        self.m_model = MeasurementsModel(self)
        self.m_table = _table(self.tr("Measurements"), self.m_model)
        self.m_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.m_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.m_table.selectionModel().selectionChanged.connect(self._on_m_selection_changed)
        self.m_period = _line("2026-11", self.tr("Measurement period"), 20)
        self.m_value = _line(self.tr("value"), self.tr("Value"), 40)
        self.m_target = _line(self.tr("own target (optional)"), self.tr("Own target"), 40)
        self.m_note = _line(self.tr("note (optional)"), self.tr("Measurement note"), 2000)
        self.record_button = QPushButton(self.tr("Record"))
        self.record_button.clicked.connect(self._on_record_clicked)
        self.m_value.returnPressed.connect(self._on_record_clicked)
        self.delete_m_button = QPushButton(self.tr("Delete measurement"))
        self.delete_m_button.clicked.connect(self._on_delete_m_clicked)
        self.m_error = FieldError()
        self.m_note_label = plain_label()
        self.m_fields: dict[str, QWidget] = {
            "period": self.m_period,
            "value": self.m_value,
            "target": self.m_target,
            "note": self.m_note,
        }
        entry = QGridLayout()
        entry.addWidget(plain_label(self.tr("Period")), 0, 0)
        entry.addWidget(self.m_period, 0, 1)
        entry.addWidget(plain_label(self.tr("Value")), 0, 2)
        entry.addWidget(self.m_value, 0, 3)
        entry.addWidget(plain_label(self.tr("Target")), 1, 0)
        entry.addWidget(self.m_target, 1, 1)
        entry.addWidget(plain_label(self.tr("Note")), 1, 2)
        entry.addWidget(self.m_note, 1, 3)
        m_buttons = button_row((self.record_button,), (self.delete_m_button,))
        right_card, rl = _card()
        rl.addWidget(self.m_heading)
        rl.addWidget(self.m_table, 1)
        rl.addLayout(entry)
        rl.addLayout(m_buttons)
        rl.addWidget(self.m_error)
        rl.addWidget(self.m_note_label)
        return right_card

    # -- reading
    def show_period(self, period: Period) -> None:
        self.period = period
        editing = self._editing
        kpis = self.controller.services.goals.list_kpis(include_archived=True)
        self.kpi_model.set_rows(kpis)
        if editing is not None:
            row = self.kpi_model.row_of(lambda k: k.id == editing.id)
            self._editing = self.kpi_model.record(row) if row >= 0 else None
            if row >= 0:
                self.kpi_table.blockSignals(True)
                self.kpi_table.selectRow(row)
                self.kpi_table.blockSignals(False)
        self._load_measurements()
        self._update_buttons()

    def _load_measurements(self) -> None:
        kpi = self._editing
        if kpi is None:
            self.m_model.set_measurements([], "")
            self.m_heading.setText(self.tr("Measurements — select a KPI"))
            return
        adjective = {
            PeriodKind.MONTH: self.tr("monthly"),
            PeriodKind.QUARTER: self.tr("quarterly"),
            PeriodKind.WEEK: self.tr("weekly"),
        }.get(kpi.period_kind, kpi.period_kind.adjective)
        self.m_heading.setText(
            self.tr("Measurements of {kpi} ({per})").format(kpi=kpi.name, per=adjective)
        )
        self.m_model.set_measurements(self.controller.services.goals.measurements(kpi.id), kpi.unit)
        if self.period is not None and not self.m_period.isModified():
            self.m_period.setText(period_containing(kpi.period_kind, self.period.start).key)

    def _update_buttons(self) -> None:
        kpi = self._editing
        self.form.update_buttons()
        for b in (self.up_button, self.down_button):
            b.setEnabled(kpi is not None and (b is not self.up_button or kpi.position > 1))
        has_kpi = kpi is not None and not kpi.archived
        for w in (self.record_button, self.m_period, self.m_value, self.m_target, self.m_note):
            w.setEnabled(has_kpi)
        self.delete_m_button.setEnabled(selected_record(self.m_table) is not None)

    # -- KPI form
    def _kpi_values(self) -> dict[str, object]:
        return {
            "name": self.name_edit.text(),
            "unit": self.unit_edit.text(),
            "target": self.target_edit.text() or None,
            "higher_is_better": bool(self.better_combo.currentData()),
            "period_kind": self.period_kind_combo.currentData(),
            "team_tag": self.kpi_team_combo.currentData(),
            "description": self.description_edit.text(),
        }

    def _load_kpi(self, kpi: KpiRecord | None) -> None:
        self.m_error.clear_error()
        self.m_note_label.clear()
        if kpi is None:
            values: dict[str, object] = {"name": "", "unit": "", "target": "", "description": ""}
            self.form.load(None, values)
            self.better_combo.setCurrentIndex(0)
            self.period_kind_combo.setCurrentIndex(0)
        else:
            self.form.load(
                kpi,
                {
                    "name": kpi.name,
                    "unit": kpi.unit,
                    "target": _number_text(kpi.target),
                    "higher_is_better": kpi.higher_is_better,
                    "period_kind": kpi.period_kind.value,
                    "team_tag": kpi.team_tag.value,
                    "description": kpi.description,
                },
            )
        self.form.loaded(kpi, self._kpi_values())
        self.m_period.setModified(False)
        self._load_measurements()
        self._update_buttons()

    def _on_kpi_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        record = selected_record(self.kpi_table)
        if isinstance(record, KpiRecord):
            self._load_kpi(record)

    def _on_add_kpi_clicked(self) -> None:
        values = self._kpi_values()
        kpi = self.form.attempt(
            lambda: self.controller.perform(step(Step.NEW_KPI), lambda s: s.goals.add_kpi(**values))
        )
        if kpi is None:
            return
        self._editing = kpi
        self._load_kpi(kpi)
        row = self.kpi_model.row_of(lambda k: k.id == kpi.id)
        if row >= 0:
            self.kpi_table.selectRow(row)

    def _on_save_kpi_clicked(self) -> None:
        if self._editing is None:
            return
        kpi_id = self._editing.id
        edits = self.form.edits(self._kpi_values())
        kpi = self.form.attempt(
            lambda: self.controller.perform_edit(
                step(Step.CHANGE_KPI),
                lambda s, seen: s.goals.update_kpi(kpi_id=kpi_id, seen=seen, **edits),
                seen=self.form.seen,
                reread=lambda s: s.goals.get_kpi(kpi_id),
            )
        )
        if kpi is None:
            return
        if self.controller.kept_theirs:  # "take theirs": the form shows theirs
            self._load_kpi(kpi)
        else:
            self.form.loaded(kpi, self._kpi_values())  # what the next save stands on

    def _on_archive_kpi_clicked(self) -> None:
        kpi = self._editing
        if kpi is None:
            return
        self.controller.perform(
            step(Step.ARCHIVE_KPI),
            lambda s: s.goals.archive_kpi(kpi_id=kpi.id, archived=not kpi.archived),
        )

    def _on_new_kpi_clicked(self) -> None:
        self.kpi_table.clearSelection()
        self._load_kpi(None)
        self.name_edit.setFocus()

    def _move(self, by: int) -> None:
        kpi = self._editing
        if kpi is None:
            return
        active = [k for k in self.kpi_model.rows() if not k.archived]
        if kpi not in active:
            return
        position = max(0, active.index(kpi) + by)
        self.controller.perform(
            step(Step.KPI_ORDER), lambda s: s.goals.move_kpi(kpi_id=kpi.id, to_position=position)
        )

    # -- measurements
    def _on_record_clicked(self) -> None:
        kpi = self._editing
        if kpi is None:
            return
        self.m_error.clear_error()
        # Recording again the period of the measurement loaded into the form: on top of it.
        shown = self._m_shown
        same = shown is not None and shown.kpi_id == kpi.id
        same = same and self.m_period.text().strip() in (shown.period, shown.period_label)  # type: ignore[union-attr]
        before = {x.period: x.value for x in self.controller.services.goals.measurements(kpi.id)}
        try:
            values = {
                "kpi_id": kpi.id,
                "period": self.m_period.text(),
                "value": self.m_value.text(),
                "target": self.m_target.text() or None,
                "note": self.m_note.text(),
            }
            record = self.controller.perform_edit(
                step(Step.KPI_MEASUREMENT),
                lambda s, seen: s.goals.record_measurement(seen=seen, **values),
                seen=shown if same else None,
                reread=lambda s: _measurement(s, kpi.id, str(values["period"])),
            )
        except ValidationError as exc:
            show_validation(exc, self.m_fields, self.m_error, self)
            return
        except NotFoundError as exc:
            self.m_error.show_error(str(exc))
            return
        self.m_value.clear()
        self.m_target.clear()
        self.m_note.clear()
        value = format_value(record.value, kpi.unit, compact=False)
        earlier = before.get(record.period)
        if earlier is not None and earlier != record.value:  # the period had a value
            text = self.tr("Replaced {earlier} with {value} for {period}.").format(
                earlier=format_value(earlier, kpi.unit, compact=False),
                value=value,
                period=record.period_label,
            )
        else:
            text = self.tr("Recorded {value} for {period}.").format(
                value=value, period=record.period_label
            )
        self.m_note_label.setText(text)

    def _on_m_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        record = selected_record(self.m_table)
        if isinstance(record, MeasurementRecord):
            self.m_period.setText(record.period)
            self.m_value.setText(_number_text(record.value))
            self.m_target.setText(_number_text(record.target))
            self.m_note.setText(record.note)
            self._m_shown = record
        self._update_buttons()

    def _on_delete_m_clicked(self) -> None:
        record = selected_record(self.m_table)
        if not isinstance(record, MeasurementRecord):
            return
        if not ask_yes_no(
            self,
            self.tr("Delete measurement"),
            self.tr("Delete the value recorded for {period}?").format(period=record.period_label),
        ):
            return
        self.controller.perform(
            step(Step.DELETE_MEASUREMENT),
            lambda s: s.goals.delete_measurement(measurement_id=record.id),
        )
        self.m_note_label.setText(
            self.tr("Deleted the value for {period}.").format(period=record.period_label)
        )
