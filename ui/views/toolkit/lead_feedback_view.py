"""Lead feedback: Sales records why leads were rejected; Marketing sees the breakdown.

- `LeadFeedbackView` (the Alignment page's tab): the batches (filtered by period), the
  breakdown of the period as horizontal bars, and an editor for a batch and its rejection
  lines.
- `LeadFeedbackPanel` (beside a running meeting's "Lead-feedback review" item): the
  breakdown of the batches not yet reviewed (or of a period), large enough for a projector,
  what Sales says per reason, and "Mark as reviewed in this meeting".

Writes are operations (`controller.perform(step(...), lambda s: s.lead_feedback...)`);
user text is plain text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelection,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.lead_feedback import (
    MAX_LEADS,
    Breakdown,
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
    COL_SHARE,
    COL_SHARE_COUNT,
    COL_SHARE_NOTES,
    COL_SHARE_REASON,
    LeadBatchesModel,
    ReasonSharesModel,
    RejectionLinesModel,
    reason_hint,
)
from ui.models.plural import plural
from ui.models.record_table_model import RECORD_ROLE, SORT_ROLE
from ui.shown import LoadedForm
from ui.undo import Step, step
from ui.views.meeting_dialog import field_with_error
from ui.views.toolkit.common import card as _card
from ui.widgets import FieldError, ask_yes_no, plain_label, section_heading, show_validation

AREA = "lead_feedback"


def _table(model: object, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)  # type: ignore[arg-type]
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def breakdown_summary(data: Breakdown) -> str:
    """ "134 of 412 leads rejected (33%)" and the change on the period before."""
    if data.is_empty:
        return QCoreApplication.translate("LeadFeedbackView", "No lead batches.")
    text = QCoreApplication.translate("LeadFeedbackView", "{rejected} of {received} leads rejected")
    text = text.format(rejected=data.rejected, received=data.leads_received)
    if data.rejection_rate is not None:
        text += QCoreApplication.translate("LeadFeedbackView", " — rejection rate {rate}").format(
            rate=percent(data.rejection_rate)
        )
    change, previous = data.rate_change_points, data.previous
    if previous is None or change is None or previous.rate is None:
        return text
    where, rate = period_label(previous.period), percent(previous.rate)
    if round(change) == 0:
        return text + QCoreApplication.translate(
            "LeadFeedbackView", " (about the same as {period}: {rate})"
        ).format(period=where, rate=rate)
    points = abs(round(change))
    if change < 0 and points == 1:
        change_text = QCoreApplication.translate(
            "LeadFeedbackView", " (down 1 point on {period}: {rate})"
        )
    elif change < 0:
        change_text = QCoreApplication.translate(
            "LeadFeedbackView", " (down {points} points on {period}: {rate})"
        )
    elif points == 1:
        change_text = QCoreApplication.translate(
            "LeadFeedbackView", " (up 1 point on {period}: {rate})"
        )
    else:
        change_text = QCoreApplication.translate(
            "LeadFeedbackView", " (up {points} points on {period}: {rate})"
        )
    return text + change_text.format(points=points, period=where, rate=rate)


# ---- the chart -------------------------------------------------------------------------------
class BreakdownChart(QWidget):
    """Horizontal bars, one per reason (most frequent first, all six shown so the layout
    stays the same from one review to the next): label, bar, "30 · 22%".

    Drawn with QPainter in palette colours; `scale` enlarges the type for a projector.
    """

    def __init__(self, parent: QWidget | None = None, *, scale: float = 1.0) -> None:
        super().__init__(parent)
        self._data: Breakdown | None = None
        self._scale = scale
        self.setAccessibleName(self.tr("Rejected leads per reason"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_breakdown(self, data: Breakdown | None) -> None:
        self._data = data
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str, int, float]]:
        """(reason label, leads, share) in drawing order."""
        if self._data is None:
            return []
        ranked = list(self._data.ranked())
        rest = [r for r in self._data.reasons if r.count == 0]
        return [(core_label(r.reason.label), r.count, r.share) for r in ranked + rest]

    def describe(self) -> str:
        return "; ".join(
            f"{label}: {count} ({percent(share)})" for label, count, share in self.rows()
        )

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10) * self._scale)
        return font

    def _row_height(self) -> int:
        return int(QFontMetrics(self._font()).height() * 1.9)

    def sizeHint(self) -> QSize:
        return QSize(480, self._row_height() * max(len(self.rows()), 1) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self._row_height() * max(len(self.rows()), 1) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        font = self._font()
        painter.setFont(font)
        metrics = QFontMetrics(font)
        rows = self.rows()
        if not rows or self._data is None or self._data.rejected == 0:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            text = (
                self.tr("No rejected leads recorded here.") if rows else self.tr("No lead batches.")
            )
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
            return
        row_h = self._row_height()
        label_w = max(metrics.horizontalAdvance(label) for label, _, _ in rows) + 16
        value_w = metrics.horizontalAdvance("0000 · 100%") + 12
        bar_x = label_w
        bar_max = max(self.width() - label_w - value_w, 40)
        most = max(count for _, count, _ in rows) or 1
        bar_colour = palette.color(QPalette.ColorRole.Highlight)
        track = palette.color(QPalette.ColorRole.AlternateBase)
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        for i, (label, count, share) in enumerate(rows):
            top = 4 + i * row_h
            band = QRectF(0, top, self.width(), row_h)
            painter.setPen(text_colour if count else muted)
            painter.drawText(
                QRectF(0, top, label_w - 8, row_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            bar_h = row_h * 0.62
            bar_top = band.center().y() - bar_h / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(QRectF(bar_x, bar_top, bar_max, bar_h), 3, 3)
            width = bar_max * count / most
            if count:
                painter.setBrush(bar_colour)
                painter.drawRoundedRect(QRectF(bar_x, bar_top, max(width, 3), bar_h), 3, 3)
            painter.setPen(text_colour if count else muted)
            painter.drawText(
                QRectF(bar_x + bar_max + 8, top, value_w, row_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{count} · {percent(share)}",
            )
        painter.end()


# ---- the tab ---------------------------------------------------------------------------------
class LeadFeedbackView(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._editing: LeadBatchRecord | None = None
        # Each form as loaded: a save sends what was changed in it, on top of that record.
        self._batch_form = LoadedForm()
        self._line_form = LoadedForm()
        self._line: LeadRejectionRecord | None = None
        self._restoring = False

        # ---- batches (left) ------------------------------------------------------------------
        self.period_combo = QComboBox()
        self.period_combo.setAccessibleName(self.tr("Period"))
        self.period_combo.setMinimumContentsLength(12)
        self.period_combo.currentIndexChanged.connect(self._on_period_combo_changed)
        self.new_button = QPushButton(self.tr("New batch"))
        self.new_button.setToolTip(self.tr("Clear the editor to record a new batch of leads"))
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.batches_model = LeadBatchesModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.batches_model)
        self.proxy.setSortRole(SORT_ROLE)
        self.batches_table = _table(self.proxy, self.tr("Lead batches"))
        self.batches_table.setSortingEnabled(True)
        self.batches_table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header = self.batches_table.horizontalHeader()
        header.setSectionResizeMode(COL_LABEL, QHeaderView.ResizeMode.Stretch)
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
        self.summary_label = plain_label()
        self.summary_label.setWordWrap(True)
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
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(8)
        left_layout.addLayout(top)
        left_layout.addWidget(self.batches_table, 1)
        left_layout.addWidget(chart_card)

        # ---- the batch editor (right) --------------------------------------------------------
        self.editor_heading = section_heading(self.tr("New batch"))
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
        for edit in (self.label_edit, self.period_edit):
            edit.returnPressed.connect(self._on_return_in_batch_form)

        self._batch_fields: dict[str, QWidget] = {
            "label": self.label_edit,
            "period": self.period_edit,
            "leads_received": self.received_spin,
            "recorded_by_id": self.recorder_combo,
            "notes": self.notes_edit,
        }
        labels = {
            "label": self.tr("&Name"),
            "period": self.tr("Pe&riod"),
            "leads_received": self.tr("Leads &received"),
            "recorded_by_id": self.tr("Recorded &by"),
            "notes": self.tr("No&tes"),
        }
        self.batch_errors: dict[str, FieldError] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        for row, (key, widget) in enumerate(self._batch_fields.items()):
            box, error = field_with_error(widget)
            self.batch_errors[key] = error
            label = QLabel(labels[key])
            label.setBuddy(widget)
            label.setContentsMargins(0, 5, 0, 0)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(box, row, 1)
        grid.setColumnStretch(1, 1)

        self.add_batch_button = QPushButton(self.tr("Add batch"))
        self.add_batch_button.clicked.connect(self._on_add_batch_clicked)
        self.save_batch_button = QPushButton(self.tr("Save changes"))
        self.save_batch_button.clicked.connect(self._on_save_batch_clicked)
        self.delete_batch_button = QPushButton(self.tr("Delete batch…"))
        self.delete_batch_button.clicked.connect(self._on_delete_batch_clicked)
        self.unreview_button = QPushButton(self.tr("Mark not reviewed"))
        self.unreview_button.setToolTip(
            self.tr("The batch waits for the next lead-feedback review again")
        )
        self.unreview_button.clicked.connect(self._on_unreview_clicked)
        self.batch_error = FieldError()
        self.review_note = plain_label()
        self.review_note.setWordWrap(True)
        batch_buttons = QHBoxLayout()
        for button in (self.add_batch_button, self.save_batch_button, self.delete_batch_button):
            batch_buttons.addWidget(button)
        batch_buttons.addStretch(1)

        # ---- rejection lines -----------------------------------------------------------------
        self.lines_heading = section_heading(self.tr("Rejected leads"))
        self.lines_model = RejectionLinesModel(self)
        self.lines_table = _table(self.lines_model, self.tr("Rejection lines"))
        lines_header = self.lines_table.horizontalHeader()
        lines_header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((COL_REASON, 120), (COL_COUNT, 56), (COL_REF, 120)):
            self.lines_table.setColumnWidth(column, width)
        self.lines_table.selectionModel().selectionChanged.connect(self._on_line_selection_changed)

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
        for edit in (self.ref_edit, self.note_edit):
            edit.returnPressed.connect(self._on_return_in_line_form)
        self._line_fields: dict[str, QWidget] = {
            "reason": self.reason_combo,
            "count": self.count_spin,
            "lead_ref": self.ref_edit,
            "note": self.note_edit,
        }
        self.line_errors: dict[str, FieldError] = {}
        line_grid = QGridLayout()
        line_grid.setHorizontalSpacing(10)
        line_grid.setVerticalSpacing(4)
        line_labels = {
            "reason": self.tr("Re&ason"),
            "count": self.tr("&Leads"),
            "lead_ref": self.tr("Lea&d"),
            "note": self.tr("N&ote"),
        }
        for i, (key, widget) in enumerate(self._line_fields.items()):
            box, error = field_with_error(widget)
            self.line_errors[key] = error
            label = QLabel(line_labels[key])
            label.setBuddy(widget)
            label.setContentsMargins(0, 5, 0, 0)
            row, col = divmod(i, 2) if key != "note" else (2, 0)
            if key == "note":
                line_grid.addWidget(label, 2, 0, Qt.AlignmentFlag.AlignTop)
                line_grid.addWidget(box, 2, 1, 1, 3)
                continue
            line_grid.addWidget(label, row, col * 2, Qt.AlignmentFlag.AlignTop)
            line_grid.addWidget(box, row, col * 2 + 1)
        line_grid.setColumnStretch(1, 1)
        line_grid.setColumnStretch(3, 1)
        self.add_line_button = QPushButton(self.tr("Add line"))
        self.add_line_button.clicked.connect(self._on_add_line_clicked)
        self.save_line_button = QPushButton(self.tr("Save line"))
        self.save_line_button.clicked.connect(self._on_save_line_clicked)
        self.remove_line_button = QPushButton(self.tr("Remove line"))
        self.remove_line_button.clicked.connect(self._on_remove_line_clicked)
        self.line_error = FieldError()
        line_buttons = QHBoxLayout()
        for button in (self.add_line_button, self.save_line_button, self.remove_line_button):
            line_buttons.addWidget(button)
        line_buttons.addStretch(1)

        editor_card, editor_layout = _card()
        editor_layout.addWidget(self.editor_heading)
        editor_layout.addLayout(grid)
        editor_layout.addLayout(batch_buttons)
        editor_layout.addWidget(self.batch_error)
        review_row = QHBoxLayout()
        review_row.addWidget(self.review_note, 1)
        review_row.addWidget(self.unreview_button)
        editor_layout.addLayout(review_row)
        lines_card, lines_layout = _card()
        lines_layout.addWidget(self.lines_heading)
        lines_layout.addWidget(self.lines_table, 1)
        lines_layout.addLayout(line_grid)
        lines_layout.addLayout(line_buttons)
        lines_layout.addWidget(self.line_error)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(8)
        right_layout.addWidget(editor_card)
        right_layout.addWidget(lines_card, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([700, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.members_changed.connect(self.refresh)
        controller.meetings_changed.connect(self.refresh)
        self._load_batch(None)
        self.refresh()

    # ---- reading -----------------------------------------------------------------------------
    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()

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
                scope=scope, batches=_batches(count)
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
            self.label_edit.clear()
            self.period_edit.setText(current_period(PeriodKind.MONTH, self._today()).key)
            self.received_spin.setValue(0)
            self.recorder_combo.setCurrentIndex(0)
            self.notes_edit.clear()
            self.lines_model.set_rows([])
        else:
            self.label_edit.setText(batch.label)
            self.period_edit.setText(batch.period)
            self.received_spin.setValue(batch.leads_received)
            self.recorder_combo.setCurrentIndex(
                max(self.recorder_combo.findData(batch.recorded_by_id), 0)
            )
            self.notes_edit.setPlainText(batch.notes)
            self.lines_model.set_rows(batch.lines)
        self._batch_form.loaded(batch, self._batch_values())
        self._load_line(None)
        self._update_state()

    def _today(self) -> date:
        return self.controller.services.lead_feedback.clock().date()

    def _update_state(self) -> None:
        batch = self._editing
        editing = batch is not None
        self.editor_heading.setText(
            self.tr("Batch: {name}").format(name=batch.label) if batch else self.tr("New batch")
        )
        self.add_batch_button.setVisible(not editing)
        self.save_batch_button.setVisible(editing)
        self.delete_batch_button.setEnabled(editing)
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
        self.save_line_button.setEnabled(self._line is not None)
        self.remove_line_button.setEnabled(self._line is not None)

    def _clear_errors(self) -> None:
        for error in (*self.batch_errors.values(), *self.line_errors.values()):
            error.clear_error()
        self.batch_error.clear_error()
        self.line_error.clear_error()

    def _show_batch_error(self, exc: ValidationError) -> None:
        self._clear_errors()
        show_validation(
            exc, self._batch_fields, self.batch_errors.get(exc.field, self.batch_error), self
        )

    def _show_line_error(self, exc: ValidationError) -> None:
        self._clear_errors()
        show_validation(
            exc, self._line_fields, self.line_errors.get(exc.field, self.line_error), self
        )

    def _batch_values(self) -> dict[str, object]:
        return {
            "label": self.label_edit.text(),
            "period": self.period_edit.text(),
            "leads_received": self.received_spin.value(),
            "recorded_by_id": self.recorder_combo.currentData(),
            "notes": self.notes_edit.toPlainText(),
        }

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
            edits = self._batch_form.edits(self._batch_values())
            batch = self.controller.perform_edit(
                step(Step.LEAD_FEEDBACK),
                lambda s, seen: s.lead_feedback.update_batch(batch_id=batch_id, seen=seen, **edits),
                seen=self._batch_form.record,
                reread=lambda s: s.lead_feedback.get_batch(batch_id),
            )
        except ValidationError as exc:
            self._show_batch_error(exc)
            return
        except NotFoundError as exc:
            self._show_batch_error(ValidationError("batch", str(exc)))
            return
        self._clear_errors()
        self._editing = batch
        self._batch_form.loaded(batch, self._batch_values())
        self._update_state()

    def _on_return_in_batch_form(self) -> None:
        if self._editing is None:
            self._on_add_batch_clicked()
        else:
            self._on_save_batch_clicked()

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
        rows = self.batches_table.selectionModel().selectedRows()
        record = rows[0].data(RECORD_ROLE) if rows else None
        if isinstance(record, LeadBatchRecord):
            self._load_batch(record)

    # ---- rejection lines ---------------------------------------------------------------------
    def _load_line(self, line: LeadRejectionRecord | None) -> None:
        self._line = line
        if line is None:
            self.reason_combo.setCurrentIndex(0)
            self.count_spin.setValue(1)
            self.ref_edit.clear()
            self.note_edit.clear()
        else:
            self.reason_combo.setCurrentIndex(self.reason_combo.findData(line.reason.value))
            self.count_spin.setValue(line.count)
            self.ref_edit.setText(line.lead_ref)
            self.note_edit.setText(line.note)
        self._line_form.loaded(line, self._line_values())
        self.save_line_button.setEnabled(line is not None)
        self.remove_line_button.setEnabled(line is not None)

    def _line_values(self) -> dict[str, object]:
        return {
            "reason": self.reason_combo.currentData(),
            "count": self.count_spin.value(),
            "lead_ref": self.ref_edit.text(),
            "note": self.note_edit.text(),
        }

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
            edits = self._line_form.edits(self._line_values())
            line = self.controller.perform_edit(
                step(Step.LEAD_FEEDBACK),
                lambda s, seen: s.lead_feedback.update_rejection(
                    rejection_id=line_id, seen=seen, **edits
                ),
                seen=self._line_form.record,
                reread=lambda s: next(
                    x for b in s.lead_feedback.list_batches() for x in b.lines if x.id == line_id
                ),
            )
        except ValidationError as exc:
            self._show_line_error(exc)
            return
        self._clear_errors()
        self._line = line
        self._line_form.loaded(line, self._line_values())
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

    def _on_return_in_line_form(self) -> None:
        if self._line is None:
            self._on_add_line_clicked()
        else:
            self._on_save_line_clicked()

    def _on_line_selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        if self._restoring:
            return
        rows = self.lines_table.selectionModel().selectedRows()
        record = rows[0].data(RECORD_ROLE) if rows else None
        self._load_line(record if isinstance(record, LeadRejectionRecord) else None)


# ---- the panel in a running meeting ----------------------------------------------------------
SCOPE_MEETING = "meeting"
SCOPE_UNREVIEWED = "unreviewed"


class LeadFeedbackPanel(QWidget):
    """The lead-feedback review: the breakdown on the projector, the notes per reason, and
    "Mark as reviewed in this meeting". Once marked, it shows what this meeting reviewed."""

    def __init__(
        self,
        controller: Controller,
        *,
        meeting_id: int,
        item_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.meeting_id = meeting_id
        self.item_id = item_id
        self._batches: list[LeadBatchRecord] = []
        self._restoring = False

        title = section_heading(self.tr("Lead feedback for Marketing"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        title.setFont(font)
        self.scope_combo = QComboBox()
        self.scope_combo.setAccessibleName(self.tr("Show"))
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope_combo.currentIndexChanged.connect(self._on_scope_combo_changed)
        scope_label = QLabel(self.tr("&Show"))
        scope_label.setBuddy(self.scope_combo)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(scope_label)
        top.addWidget(self.scope_combo)

        big = QFont(self.font())
        big.setPointSizeF(max(big.pointSizeF(), 10) * 1.35)
        self.summary_label = plain_label()
        self.summary_label.setWordWrap(True)
        self.summary_label.setFont(big)
        self.batches_label = plain_label()
        self.batches_label.setWordWrap(True)
        self.chart = BreakdownChart(scale=1.45)

        self.shares_model = ReasonSharesModel(self)
        self.notes_table = _table(self.shares_model, self.tr("What Sales says per reason"))
        self.notes_table.setWordWrap(True)
        notes_font = QFont(self.font())
        notes_font.setPointSizeF(max(notes_font.pointSizeF(), 10) * 1.2)
        self.notes_table.setFont(notes_font)
        notes_header = self.notes_table.horizontalHeader()
        notes_header.setSectionResizeMode(COL_SHARE_NOTES, QHeaderView.ResizeMode.Stretch)
        notes_header.setSectionResizeMode(COL_SHARE_REASON, QHeaderView.ResizeMode.ResizeToContents)
        for column in (COL_SHARE_COUNT, COL_SHARE):
            notes_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.notes_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.notes_table.setStyleSheet("QTableView::item { padding: 4px 6px; }")

        self.mark_button = QPushButton(self.tr("Mark as reviewed in this meeting"))
        self.mark_button.setToolTip(
            self.tr(
                "Record that Marketing has seen these batches: they go into this meeting's minutes"
            )
        )
        self.mark_button.clicked.connect(self._on_mark_button_clicked)
        self.status_label = plain_label()
        self.status_label.setWordWrap(True)
        self.error = FieldError()
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.mark_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.batches_label)
        layout.addWidget(self.chart)
        layout.addWidget(section_heading(self.tr("What Sales says")))
        layout.addWidget(self.notes_table, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        self.refresh()

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()

    def refresh(self) -> None:
        sv = self.controller.services.lead_feedback
        reviewed = sv.reviewed_in(self.meeting_id)
        waiting = sv.unreviewed_batches()
        self._restoring = True
        try:
            chosen = self.scope_combo.currentData()
            self.scope_combo.clear()
            if reviewed:
                self.scope_combo.addItem(
                    self.tr("Reviewed in this meeting ({batches})").format(
                        batches=_batches(len(reviewed))
                    ),
                    SCOPE_MEETING,
                )
            self.scope_combo.addItem(
                self.tr("Not yet reviewed ({batches})").format(batches=_batches(len(waiting))),
                SCOPE_UNREVIEWED,
            )
            for key in sv.periods():
                self.scope_combo.addItem(period_label(key), key)
            found = self.scope_combo.findData(chosen) if chosen else -1
            self.scope_combo.setCurrentIndex(found if found >= 0 else 0)
        finally:
            self._restoring = False
        self._show()

    def _on_scope_combo_changed(self, *_: object) -> None:
        if not self._restoring:
            self._show()

    def _scope_batches(self) -> list[LeadBatchRecord]:
        sv = self.controller.services.lead_feedback
        scope = self.scope_combo.currentData()
        if scope == SCOPE_MEETING:
            return sv.reviewed_in(self.meeting_id)
        if scope == SCOPE_UNREVIEWED:
            return sv.unreviewed_batches()
        return sv.list_batches(period=scope)

    def _show(self) -> None:
        sv = self.controller.services.lead_feedback
        self._batches = self._scope_batches()
        data = sv.breakdown(batch_ids=[b.id for b in self._batches])
        self.summary_label.setText(breakdown_summary(data))
        self.batches_label.setText(
            self.tr("Batches: {batches}").format(
                batches="; ".join(f"{b.label} ({b.period_label})" for b in self._batches)
            )
            if self._batches
            else self.tr(
                "Nothing waiting: Sales has recorded no new lead batches since the last review."
            )
        )
        self.chart.set_breakdown(data if self._batches else None)
        self.shares_model.set_rows(data.ranked())
        markable = self._markable()
        self.mark_button.setEnabled(bool(markable))
        reviewed = sv.reviewed_in(self.meeting_id)
        font = self.status_label.font()
        font.setBold(bool(reviewed))
        self.status_label.setFont(font)
        if reviewed:
            self.status_label.setText(
                self.tr("✓ Reviewed in this meeting: {batches}.").format(
                    batches="; ".join(b.label for b in reviewed)
                )
            )
        else:
            self.status_label.setText(self.tr("Nothing marked as reviewed in this meeting yet."))

    def shown_batches(self) -> list[LeadBatchRecord]:
        """The batches whose breakdown is on screen (the scope picked)."""
        return list(self._batches)

    def _markable(self) -> list[LeadBatchRecord]:
        return [b for b in self._batches if not b.reviewed]

    def _on_mark_button_clicked(self) -> None:
        batches = self._markable()
        if not batches:
            return
        self.error.clear_error()
        try:
            meeting_id, batch_ids = self.meeting_id, [b.id for b in batches]
            self.controller.perform(
                step(Step.LEAD_FEEDBACK),
                lambda s: s.lead_feedback.review_in_meeting(
                    meeting_id=meeting_id, batch_ids=batch_ids
                ),
            )
        except ValidationError as exc:
            self.error.show_error(exc.message)
            return
        self.scope_combo.setCurrentIndex(max(self.scope_combo.findData(SCOPE_MEETING), 0))


def _batches(count: int) -> str:
    """ "1 batch" / "3 batches" in the chosen language."""
    if count == 1:
        return QCoreApplication.translate("LeadFeedbackView", "1 batch")
    return QCoreApplication.translate("LeadFeedbackView", "{count} batches").format(count=count)
