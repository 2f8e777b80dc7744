"""Lead feedback: Sales records why leads were rejected; Marketing sees the breakdown.

- `LeadFeedbackView` (the Alignment page's tab): the batches (filtered by period), the
  breakdown of the period as horizontal bars, and an editor for a batch and its rejection
  lines.
- `LeadFeedbackPanel` (in `lead_feedback_panel`, beside a running meeting's "Lead-feedback
  review" item): the breakdown of the batches not yet reviewed (or of a period), large
  enough for a projector, what Sales says per reason, and "Mark as reviewed in this
  meeting". The chart and the summary line both show are in `lead_feedback_chart`.

Writes are operations (`controller.perform(step(...), lambda s: s.lead_feedback...)`);
user text is plain text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.lead_feedback import (
    MAX_LEADS,
    LeadBatchRecord,
    LeadRejectionRecord,
    RejectionReason,
    percent,
)
from alignmeet.domain.periods import PeriodKind, current_period, period_label
from alignmeet.domain.rules import MAX_TITLE, ValidationError
from alignmeet.services.base import NotFoundError
from ui.controller import Controller
from ui.core_labels import label as core_label
from ui.models.lead_feedback_models import (
    COL_COUNT,
    COL_LABEL,
    COL_NOTE,
    COL_PERIOD,
    COL_RATE,
    COL_REASON,
    COL_RECEIVED,
    COL_REF,
    COL_REJECTED,
    COL_REVIEWED,
    LeadBatchesModel,
    RejectionLinesModel,
    reason_hint,
)
from ui.models.plural import plural
from ui.models.record_table_model import RECORD_ROLE
from ui.record_form import RecordForm
from ui.record_table import record_table, selected_record, sortable_record_table
from ui.undo import Step, step
from ui.views.toolkit.common import card as _card
from ui.views.toolkit.common import follow_area
from ui.views.toolkit.lead_feedback_chart import (
    AREA,
    BreakdownChart,
    batches_text,
    breakdown_summary,
)
from ui.views.toolkit.lead_feedback_panel import LeadFeedbackPanel
from ui.widgets import ask_yes_no, fill, plain_label, section_heading

__all__ = ["BreakdownChart", "LeadFeedbackPanel", "LeadFeedbackView", "breakdown_summary"]


class LeadFeedbackView(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._restoring = False
        left = self._build_batches()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(8)
        right_layout.addWidget(self._build_batch_form())
        right_layout.addWidget(self._build_lines(), 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("LeadFeedbackSplitter")  # its place is remembered by this name
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        follow_area(self, controller, AREA, controller.members_changed, controller.meetings_changed)
        self._load_batch(None)
        self.refresh()

    @property
    def _editing(self) -> LeadBatchRecord | None:
        return self.batch_form.editing

    @_editing.setter
    def _editing(self, batch: LeadBatchRecord | None) -> None:
        self.batch_form.editing = batch

    @property
    def _line(self) -> LeadRejectionRecord | None:
        return self.line_form.editing

    @_line.setter
    def _line(self, line: LeadRejectionRecord | None) -> None:
        self.line_form.editing = line

    # ---- building ----------------------------------------------------------------------------
    def _build_batches(self) -> QWidget:
        """The batches of a period and their breakdown (left)."""
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Period"))
        self.period_combo.setMinimumContentsLength(12)
        self.period_combo.currentIndexChanged.connect(self._on_period_combo_changed)
        self.new_button = QPushButton(self.tr("New batch"))
        self.new_button.setToolTip(self.tr("Clear the editor to record a new batch of leads"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.batches_model = LeadBatchesModel(self)
        self.proxy, self.batches_table = sortable_record_table(
            self.batches_model, self.tr("Lead batches"), self, stretch=COL_LABEL
        )
        for column, width in (
            (COL_PERIOD, 90),
            (COL_RECEIVED, 80),
            (COL_REJECTED, 80),
            (COL_RATE, 60),
            (COL_REVIEWED, 170),
        ):
            self.batches_table.setColumnWidth(column, width)
        self.batches_table.selectionModel().selectionChanged.connect(
            self._on_batch_selection_changed
        )
        self.breakdown_heading = section_heading(self.tr("Breakdown"))
        self.breakdown_heading.setWordWrap(True)  # long period names, and German
        self.summary_label = plain_label(wrap=True)
        self.chart = BreakdownChart()

        top = QHBoxLayout()
        top.addWidget(section_heading(self.tr("Lead batches")))
        top.addStretch(1)
        period_label_widget = QLabel(self.tr("&Period"))
        period_label_widget.setBuddy(self.period_combo)
        top.addWidget(period_label_widget)
        top.addWidget(self.period_combo)
        top.addWidget(self.new_button)
        chart_card, chart_layout = _card()
        chart_layout.addWidget(self.breakdown_heading)
        chart_layout.addWidget(self.summary_label)
        chart_layout.addWidget(self.chart)
        left = QWidget()
        fill(QVBoxLayout(left), top, (self.batches_table, 1), chart_card, spacing=8)
        return left

    def _build_batch_form(self) -> QWidget:
        """The editor of a batch (right, top)."""
        self.batch_form = form = RecordForm(
            new_heading=self.tr("New batch"),
            editing_heading=lambda b: self.tr("Batch: {name}").format(name=b.label),
            add=self.tr("Add batch"),
            save=self.tr("Save changes"),
            delete=self.tr("Delete batch…"),
            add_or_save=True,
        )
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(self.tr("e.g. October webinar leads"))
        self.label_edit.setAccessibleName(self.tr("Batch name"))
        self.label_edit.setMaxLength(MAX_TITLE)
        self.period_edit = QLineEdit()
        self.period_edit.setPlaceholderText(self.tr("2026-11, Nov 2026, 2026-Q4 or 2026-W47"))
        self.period_edit.setAccessibleName(self.tr("Period of the batch"))
        self.received_spin = QSpinBox()
        self.received_spin.setRange(0, MAX_LEADS)
        self.received_spin.setAccessibleName(self.tr("Leads received"))
        self.received_spin.setGroupSeparatorShown(True)
        self.recorder_combo = QComboBox()
        self.recorder_combo.setAccessibleName(self.tr("Recorded by"))
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName(self.tr("Batch notes"))
        self.notes_edit.setPlaceholderText(
            self.tr("Where the leads came from, anything Marketing should know")
        )
        self.notes_edit.setFixedHeight(54)
        self.notes_edit.setTabChangesFocus(True)
        form.add_field("label", self.label_edit, self.tr("&Name"), 0)
        form.add_field("period", self.period_edit, self.tr("Pe&riod"), 1)
        form.add_field("leads_received", self.received_spin, self.tr("Leads &received"), 2)
        form.add_field("recorded_by_id", self.recorder_combo, self.tr("Recorded &by"), 3)
        form.add_field("notes", self.notes_edit, self.tr("No&tes"), 4)
        form.grid.setColumnStretch(1, 1)
        form.on(
            add=self._on_add_batch_clicked,
            save=self._on_save_batch_clicked,
            delete=self._on_delete_batch_clicked,
        )
        self.unreview_button = QPushButton(self.tr("Mark not reviewed"))
        self.unreview_button.setToolTip(
            self.tr("The batch waits for the next lead-feedback review again")
        )
        self.unreview_button.clicked.connect(self._on_unreview_clicked)
        self.review_note = plain_label(wrap=True)
        # the names the tests and the rest of the view know them by
        self.editor_heading, self.batch_error = form.heading, form.error
        self.add_batch_button, self.save_batch_button = form.add_button, form.save_button
        self.delete_batch_button = form.delete_button
        self._batch_fields, self.batch_errors = form.fields, form.field_errors
        editor_card, editor_layout = _card()
        editor_layout.addWidget(form)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_note, 1)
        review_row.addWidget(self.unreview_button)
        editor_layout.addLayout(review_row)
        return editor_card

    def _build_lines(self) -> QWidget:
        """The rejection lines of the batch and the form of one (right, under the batch)."""
        self.lines_heading = section_heading(self.tr("Rejected leads"))
        self.lines_model = RejectionLinesModel(self)
        self.lines_table = record_table(
            self.lines_model, self.tr("Rejection lines"), stretch=COL_NOTE
        )
        for column, width in ((COL_REASON, 120), (COL_COUNT, 56), (COL_REF, 120)):
            self.lines_table.setColumnWidth(column, width)
        self.lines_table.selectionModel().selectionChanged.connect(self._on_line_selection_changed)
        self._build_line_form()
        lines_card, lines_layout = _card()
        lines_layout.addWidget(self.lines_heading)
        lines_layout.addWidget(self.lines_table, 1)
        lines_layout.addWidget(self.line_form)
        return lines_card

    def _build_line_form(self) -> None:
        self.line_form = form = RecordForm(
            new_heading="",
            editing_heading=lambda _line: "",
            add=self.tr("Add line"),
            save=self.tr("Save line"),
            delete=self.tr("Remove line"),
            show_heading=False,  # the lines' heading is over their table
            level_fields=False,  # the short Leads box stays centred beside the reason
        )
        self.reason_combo = QComboBox()
        self.reason_combo.setAccessibleName(self.tr("Reason"))
        for reason in RejectionReason:
            self.reason_combo.addItem(core_label(reason.label), reason.value)
            self.reason_combo.setItemData(
                self.reason_combo.count() - 1, reason_hint(reason), Qt.ItemDataRole.ToolTipRole
            )
        self.count_spin = QSpinBox()
        self.count_spin.setRange(0, MAX_LEADS)
        self.count_spin.setValue(1)
        self.count_spin.setAccessibleName(self.tr("Leads rejected for this reason"))
        self.ref_edit = QLineEdit()
        self.ref_edit.setPlaceholderText(self.tr("Lead or company (optional)"))
        self.ref_edit.setAccessibleName(self.tr("Lead reference"))
        self.ref_edit.setMaxLength(200)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(
            self.tr("Why — what Marketing can change (needed for “Other”)")
        )
        self.note_edit.setAccessibleName(self.tr("Note"))
        form.add_fields_in_two_columns(
            (
                ("reason", self.reason_combo, self.tr("Re&ason")),
                ("count", self.count_spin, self.tr("&Leads")),
                ("lead_ref", self.ref_edit, self.tr("Lea&d")),
                ("note", self.note_edit, self.tr("N&ote")),
            ),
            wide_last=True,
        )
        form.on(
            add=self._on_add_line_clicked,
            save=self._on_save_line_clicked,
            delete=self._on_remove_line_clicked,
        )
        # the names the tests and the rest of the view know them by
        self.add_line_button, self.save_line_button = form.add_button, form.save_button
        self.remove_line_button, self.line_error = form.delete_button, form.error
        self._line_fields, self.line_errors = form.fields, form.field_errors

    # ---- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload periods, batches and the breakdown; the editor keeps what is typed."""
        services = self.controller.services
        sv = services.lead_feedback
        self._restoring = True
        try:
            chosen = self.period_combo.currentData()
            self.period_combo.blockSignals(True)
            self.period_combo.clear()
            self.period_combo.addItem(self.tr("All periods"), "")
            for key in sv.periods():
                self.period_combo.addItem(period_label(key), key)
            found = self.period_combo.findData(chosen) if chosen else 0
            self.period_combo.setCurrentIndex(max(found, 0))
            self.period_combo.blockSignals(False)

            recorder = self.recorder_combo.currentData()
            self.recorder_combo.clear()
            self.recorder_combo.addItem("—", None)
            for member in services.people.list_members():
                self.recorder_combo.addItem(f"{member.name} ({member.team_name})", member.id)
            self.recorder_combo.setCurrentIndex(max(self.recorder_combo.findData(recorder), 0))

            period = self.period_combo.currentData() or None
            batches = sv.list_batches(period=period)
            self.batches_model.set_rows(batches)
            if self._editing is not None:
                fresh = next((b for b in batches if b.id == self._editing.id), None)
                if fresh is None:
                    try:
                        fresh = sv.get_batch(self._editing.id)
                    except NotFoundError:
                        fresh = None
                self._editing = fresh
                if fresh is not None:
                    self._select_batch(fresh.id)
                    self.lines_model.set_rows(fresh.lines)
                    line_id = self._line.id if self._line else None
                    self._line = next((x for x in fresh.lines if x.id == line_id), None)
                    self._select_line(self._line.id if self._line else None)
                else:
                    self._load_batch(None)
            data = sv.breakdown(period)
        finally:
            self._restoring = False
        scope = period_label(period) if period else self.tr("all periods")
        count = len(data.batch_ids)
        self.breakdown_heading.setText(
            self.tr("Why leads were rejected — {scope} ({batches})").format(
                scope=scope, batches=batches_text(count)
            )
        )
        self.summary_label.setText(breakdown_summary(data))
        self.chart.set_breakdown(data)
        self._update_state()

    def _select_batch(self, batch_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            record = self.proxy.index(row, 0).data(RECORD_ROLE)
            if record is not None and record.id == batch_id:
                self.batches_table.selectRow(row)
                return

    def _select_line(self, line_id: int | None) -> None:
        row = self.lines_model.row_of(lambda r: r.id == line_id) if line_id else -1
        if row >= 0:
            self.lines_table.selectRow(row)
        else:
            self.lines_table.clearSelection()

    def _on_period_combo_changed(self, *_: object) -> None:
        if not self._restoring:
            self.refresh()

    # ---- the batch editor --------------------------------------------------------------------
    def _load_batch(self, batch: LeadBatchRecord | None) -> None:
        self._editing = batch
        self._line = None
        self._clear_errors()
        if batch is None:
            period = current_period(PeriodKind.MONTH, self._today()).key
            values = {"label": "", "period": period, "leads_received": 0, "recorded_by_id": None}
            self.batch_form.set_values(values | {"notes": ""})
        else:
            self.batch_form.set_values({key: getattr(batch, key) for key in self._batch_fields})
        self.lines_model.set_rows(batch.lines if batch else [])
        self.batch_form.loaded(batch, self._batch_values())
        self._load_line(None)
        self._update_state()

    def _today(self) -> date:
        return self.controller.services.lead_feedback.clock().date()

    def _update_state(self) -> None:
        batch = self._editing
        editing = batch is not None
        self.batch_form.update_buttons()
        self.line_form.update_buttons()
        self.unreview_button.setVisible(bool(batch and batch.reviewed))
        if batch is None:
            self.review_note.setText(self.tr("Add the batch, then record why leads were rejected."))
        elif batch.reviewed:
            self.review_note.setText(
                self.tr("Reviewed with Marketing in {meeting}.").format(
                    meeting=batch.reviewed_in_meeting_title
                )
            )
        else:
            self.review_note.setText(
                self.tr("Not yet reviewed: it shows in the next lead-feedback review.")
            )
        if batch is None:
            self.lines_heading.setText(self.tr("Rejected leads"))
        else:
            rate = percent(batch.rejection_rate)
            self.lines_heading.setText(
                self.tr("Rejected leads: {rejected} of {received} ({rate})").format(
                    rejected=batch.rejected, received=batch.leads_received, rate=rate
                )
            )
        for widget in (*self._line_fields.values(), self.add_line_button):
            widget.setEnabled(editing)

    def _clear_errors(self) -> None:
        self.batch_form.clear_errors()
        self.line_form.clear_errors()

    def _show_batch_error(self, exc: ValidationError) -> None:
        self._clear_errors()
        self.batch_form.show_error(exc)

    def _show_line_error(self, exc: ValidationError) -> None:
        self._clear_errors()
        self.line_form.show_error(exc)

    def _batch_values(self) -> dict[str, object]:
        return self.batch_form.values()

    def _on_add_batch_clicked(self) -> None:
        try:
            values = self._batch_values()
            batch = self.controller.perform(
                step(Step.LEAD_FEEDBACK), lambda s: s.lead_feedback.add_batch(**values)
            )
        except ValidationError as exc:
            self._show_batch_error(exc)
            return
        self._editing = batch
        self.refresh()
        self._select_batch(batch.id)
        self._load_batch(self._editing)
        self.reason_combo.setFocus()

    def _on_save_batch_clicked(self) -> None:
        if self._editing is None:
            return
        try:
            batch_id = self._editing.id
            edits = self.batch_form.edits(self._batch_values())
            batch = self.controller.perform_edit(
                step(Step.LEAD_FEEDBACK),
                lambda s, seen: s.lead_feedback.update_batch(batch_id=batch_id, seen=seen, **edits),
                seen=self.batch_form.seen,
                reread=lambda s: s.lead_feedback.get_batch(batch_id),
                fields=edits,
            )
        except ValidationError as exc:
            self._show_batch_error(exc)
            return
        except NotFoundError as exc:
            self._show_batch_error(ValidationError("batch", str(exc)))
            return
        self._clear_errors()
        self._editing = batch
        self.batch_form.loaded(batch, self._batch_values())
        self._update_state()

    def _on_delete_batch_clicked(self) -> None:
        batch = self._editing
        if batch is None:
            return
        if not ask_yes_no(
            self,
            self.tr("Delete batch"),
            plural(
                self.tr("Delete “{name}” and its %n rejection line(s)?", "", len(batch.lines)),
                len(batch.lines),
            ).format(name=batch.label),
        ):
            return
        self._load_batch(None)
        self.controller.perform(
            step(Step.LEAD_FEEDBACK), lambda s: s.lead_feedback.remove_batch(batch.id)
        )

    def _on_unreview_clicked(self) -> None:
        if self._editing is not None:
            batch_id = self._editing.id
            self.controller.perform(
                step(Step.LEAD_FEEDBACK), lambda s: s.lead_feedback.clear_review(batch_id=batch_id)
            )

    def _on_new_button_clicked(self) -> None:
        self.batches_table.clearSelection()
        self._load_batch(None)
        self.label_edit.setFocus()

    def _on_batch_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if self._restoring:
            return
        record = selected_record(self.batches_table)
        if isinstance(record, LeadBatchRecord):
            self._load_batch(record)

    # ---- rejection lines ---------------------------------------------------------------------
    def _load_line(self, line: LeadRejectionRecord | None) -> None:
        self._line = line
        self.line_form.set_values(
            {"reason": line.reason.value, "count": line.count, "lead_ref": line.lead_ref}
            | {"note": line.note}
            if line
            else {"reason": None, "count": 1, "lead_ref": "", "note": ""}
        )
        self.line_form.loaded(line)

    def _line_values(self) -> dict[str, object]:
        return self.line_form.values()

    def _on_add_line_clicked(self) -> None:
        if self._editing is None:
            return
        try:
            batch_id, values = self._editing.id, self._line_values()
            self.controller.perform(
                step(Step.LEAD_FEEDBACK),
                lambda s: s.lead_feedback.add_rejection(batch_id=batch_id, **values),
            )
        except ValidationError as exc:
            self._show_line_error(exc)
            return
        self._clear_errors()
        self._load_line(None)
        self.reason_combo.setFocus()

    def _on_save_line_clicked(self) -> None:
        if self._line is None:
            return
        try:
            line_id = self._line.id
            edits = self.line_form.edits(self._line_values())
            line = self.controller.perform_edit(
                step(Step.LEAD_FEEDBACK),
                lambda s, seen: s.lead_feedback.update_rejection(
                    rejection_id=line_id, seen=seen, **edits
                ),
                seen=self.line_form.seen,
                reread=lambda s: next(
                    x for b in s.lead_feedback.list_batches() for x in b.lines if x.id == line_id
                ),
            )
        except ValidationError as exc:
            self._show_line_error(exc)
            return
        self._clear_errors()
        self._line = line
        self.line_form.loaded(line, self._line_values())
        self._select_line(line.id)

    def _on_remove_line_clicked(self) -> None:
        line = self._line
        if line is None:
            return
        self._load_line(None)
        self.controller.perform(
            step(Step.LEAD_FEEDBACK),
            lambda s: s.lead_feedback.remove_rejection(rejection_id=line.id),
        )
        self.lines_table.clearSelection()

    def _on_line_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if self._restoring:
            return
        record = selected_record(self.lines_table)
        self._load_line(record if isinstance(record, LeadRejectionRecord) else None)
