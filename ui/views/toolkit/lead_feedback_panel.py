"""The lead-feedback review beside a running meeting's "Lead-feedback review" item: the
breakdown of the batches not yet reviewed (or of a period), large enough for a projector,
what Sales says per reason, and "Mark as reviewed in this meeting"."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from alignmeet.domain.lead_feedback import LeadBatchRecord
from alignmeet.domain.periods import period_label
from alignmeet.domain.rules import ValidationError
from ui.models.lead_feedback_models import (
    COL_SHARE,
    COL_SHARE_COUNT,
    COL_SHARE_NOTES,
    COL_SHARE_REASON,
    ReasonSharesModel,
)
from ui.record_table import record_table
from ui.undo import Step, step
from ui.views.toolkit.common import MeetingItemPanel, button_row
from ui.views.toolkit.lead_feedback_chart import (
    AREA,
    BreakdownChart,
    batches_text,
    breakdown_summary,
)
from ui.widgets import FieldError, plain_label, section_heading

__all__ = ["SCOPE_MEETING", "SCOPE_UNREVIEWED", "LeadFeedbackPanel"]

# ---- the panel in a running meeting ----------------------------------------------------------
SCOPE_MEETING = "meeting"
SCOPE_UNREVIEWED = "unreviewed"


class LeadFeedbackPanel(MeetingItemPanel):
    """The lead-feedback review: the breakdown on the projector, the notes per reason, and
    "Mark as reviewed in this meeting". Once marked, it shows what this meeting reviewed."""

    AREA = AREA

    def _build(self) -> None:
        self._batches: list[LeadBatchRecord] = []
        self._restoring = False

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addLayout(self._build_top())
        self._build_breakdown()
        layout.addWidget(self.summary_label)
        layout.addWidget(self.batches_label)
        layout.addWidget(self.chart)
        layout.addWidget(section_heading(self.tr("What Sales says")))
        self._build_notes()
        layout.addWidget(self.notes_table, 1)
        bottom = self._build_bottom()
        layout.addWidget(self.error)
        layout.addLayout(bottom)

    def _build_top(self) -> QHBoxLayout:
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
        top = button_row((title,), (scope_label, self.scope_combo))
        return top

    def _build_breakdown(self) -> None:
        big = QFont(self.font())
        big.setPointSizeF(max(big.pointSizeF(), 10) * 1.35)
        self.summary_label = plain_label(wrap=True)
        self.summary_label.setFont(big)
        self.batches_label = plain_label(wrap=True)
        self.chart = BreakdownChart(scale=1.45)

    def _build_notes(self) -> None:
        self.shares_model = ReasonSharesModel(self)
        self.notes_table = record_table(
            self.shares_model, self.tr("What Sales says per reason"), word_wrap=True
        )
        notes_font = QFont(self.font())
        notes_font.setPointSizeF(max(notes_font.pointSizeF(), 10) * 1.2)
        self.notes_table.setFont(notes_font)
        notes_header = self.notes_table.horizontalHeader()
        notes_header.setSectionResizeMode(COL_SHARE_NOTES, QHeaderView.ResizeMode.Stretch)
        for column in (COL_SHARE_REASON, COL_SHARE_COUNT, COL_SHARE):
            notes_header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.notes_table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.notes_table.setStyleSheet("QTableView::item { padding: 4px 6px; }")

    def _build_bottom(self) -> QHBoxLayout:
        self.mark_button = QPushButton(self.tr("Mark as reviewed in this meeting"))
        self.mark_button.setToolTip(
            self.tr(
                "Record that Marketing has seen these batches: they go into this meeting's minutes"
            )
        )
        self.mark_button.clicked.connect(self._on_mark_button_clicked)
        self.status_label = plain_label(wrap=True)
        self.error = FieldError()
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.mark_button)
        return bottom

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
                        batches=batches_text(len(reviewed))
                    ),
                    SCOPE_MEETING,
                )
            self.scope_combo.addItem(
                self.tr("Not yet reviewed ({batches})").format(batches=batches_text(len(waiting))),
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
