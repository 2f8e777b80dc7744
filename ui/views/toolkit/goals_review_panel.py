"""The panel beside a "KPI review" agenda item while a meeting runs: the dashboard for the
meeting's period in large type and a quick entry for a value the room has just read out."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QItemSelection
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
)

from alignmeet.domain.goals import DashboardData, KpiRow, format_value
from alignmeet.domain.rules import ValidationError
from alignmeet.services.base import NotFoundError
from ui.models.goals_tables_model import KpiStatusModel
from ui.record_table import selected_record
from ui.undo import Step, step
from ui.views.toolkit.common import MeetingItemPanel
from ui.views.toolkit.goals_common import AREA
from ui.views.toolkit.goals_common import combo as _combo
from ui.views.toolkit.goals_common import fit_height as _fit_height
from ui.views.toolkit.goals_common import goals_table as _table
from ui.views.toolkit.goals_common import line_edit as _line
from ui.views.toolkit.goals_common import measurement_now as _measurement
from ui.views.toolkit.goals_common import set_combo as _set_combo
from ui.views.toolkit.goals_dashboard import RevenueGoalStrip, kpi_chart
from ui.widgets import FieldError, fill, plain_label, show_validation

__all__ = ["KpiReviewPanel"]


class KpiReviewPanel(MeetingItemPanel):
    """Beside a "KPI review" agenda item: the dashboard for the meeting's period in large
    type (revenue goal, KPI status, the chart of the KPI picked in the table) and a quick
    entry to record a value the room has just read out. The discussion itself goes into
    the item's notes, ideas and decisions as for any agenda item."""

    AREA = AREA

    def _build(self) -> None:
        self.data: DashboardData | None = None
        self._chart_kpi: int | None = None

        self.heading = plain_label()
        font = self.heading.font()
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.goal_strip = RevenueGoalStrip(large=True)
        self.model = KpiStatusModel(self, compact=True)
        self.table = _table(self.tr("KPI status"), self.model)
        self.earlier_hint = plain_label()
        self.earlier_hint.hide()
        # Large, but the KPI's name must stay readable beside the panel's other columns
        # (the room sees it larger still on the audience screen): it wraps, never "MQL→…".
        big = QFont(self.table.font())
        big.setPointSizeF(max(big.pointSizeF(), 10) * 1.15)
        self.table.setFont(big)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setMinimumSectionSize(36)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(300)
        self.chart_view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self.kpi_combo = _combo(self.tr("KPI to record"), [])
        self.period_edit = _line(self.tr("period"), self.tr("Period to record"), 20)
        self.period_edit.setMaximumWidth(110)
        self.value_edit = _line(self.tr("value"), self.tr("Value to record"), 40)
        self.value_edit.setMaximumWidth(130)
        self.value_edit.returnPressed.connect(self._on_record_clicked)
        self.record_button = QPushButton(self.tr("Record measurement"))
        self.record_button.clicked.connect(self._on_record_clicked)
        self.kpi_combo.currentIndexChanged.connect(self._on_kpi_combo_changed)
        self.error = FieldError()
        self.note = plain_label()
        entry = QHBoxLayout()
        entry.addWidget(self.kpi_combo, 2)
        entry.addWidget(self.period_edit)
        entry.addWidget(self.value_edit)
        entry.addWidget(self.record_button)

        fill(
            QVBoxLayout(self),
            self.heading,
            self.goal_strip,
            self.table,
            self.earlier_hint,
            # The entry under the table it records into, in sight on a 1280×800 laptop:
            # below the chart it had to be scrolled to, and so had what it said it stored.
            entry,
            self.error,
            self.note,
            (self.chart_view, 1),
            spacing=8,
        )

    def _follow(self) -> None:
        controller = self.controller
        controller.meetings_changed.connect(self.refresh)

    def refresh(self) -> None:
        goals = self.controller.services.goals
        try:
            data = goals.meeting_dashboard(self.meeting_id)
        except NotFoundError:
            self.heading.setText(self.tr("KPI review — the meeting no longer exists"))
            return
        self.data = data
        self.heading.setText(self.tr("KPI review · {period}").format(period=data.period_label))
        self.goal_strip.show_goal(data.revenue_goal, data.period_label)
        self.model.set_rows(list(data.rows))
        _fit_height(self.table)
        earlier = sorted({r.value_period_label for r in data.rows if r.is_earlier})
        self.earlier_hint.setText(
            self.tr("* latest value recorded ({periods}): nothing for {period} yet.").format(
                periods=", ".join(earlier), period=data.period_label
            )
            if earlier
            else ""
        )
        self.earlier_hint.setVisible(bool(earlier))
        keep = self.kpi_combo.currentData()
        self.kpi_combo.blockSignals(True)
        self.kpi_combo.clear()
        for row in data.rows:
            self.kpi_combo.addItem(row.kpi.name, row.kpi.id)
        _set_combo(self.kpi_combo, keep)
        self.kpi_combo.blockSignals(False)
        if keep is None or self.kpi_combo.currentData() != keep:
            self._on_kpi_combo_changed()
        for w in (self.kpi_combo, self.period_edit, self.value_edit, self.record_button):
            w.setEnabled(bool(data.rows))
        chart_row = next((i for i, r in enumerate(data.rows) if r.kpi.id == self._chart_kpi), 0)
        if data.rows:
            self.table.selectRow(chart_row)
            self._show_chart(data.rows[chart_row])
        else:
            self.chart_view.setChart(QChart())
            self.note.setText(
                self.tr("No KPIs yet: define them on the Alignment page, Goals & KPIs tab.")
            )

    @property
    def chart_kpi_id(self) -> int | None:
        """The KPI whose chart is shown (the one picked in the table)."""
        return self._chart_kpi

    def _row(self, kpi_id: object) -> KpiRow | None:
        if self.data is None:
            return None
        return next((r for r in self.data.rows if r.kpi.id == kpi_id), None)

    def _show_chart(self, row: KpiRow) -> None:
        self._chart_kpi = row.kpi.id
        old = self.chart_view.chart()
        self.chart_view.setChart(kpi_chart(row, large=True))
        if old is not None and old.parent() is None:
            old.deleteLater()

    def _on_table_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        record = selected_record(self.table)
        if isinstance(record, KpiRow) and record.kpi.id != self._chart_kpi:
            self._show_chart(record)
            _set_combo(self.kpi_combo, record.kpi.id)

    def _on_kpi_combo_changed(self, _index: int = 0) -> None:
        row = self._row(self.kpi_combo.currentData())
        if row is not None:
            self.period_edit.setText(row.period)

    def _on_record_clicked(self) -> None:
        row = self._row(self.kpi_combo.currentData())
        if row is None:
            return
        self.error.clear_error()
        before = {
            x.period: x.value for x in self.controller.services.goals.measurements(row.kpi.id)
        }
        try:
            kpi_id, period, value = row.kpi.id, self.period_edit.text(), self.value_edit.text()
            meeting_id = self.meeting_id  # a meeting planned ahead records its own month
            record = self.controller.perform(
                step(Step.KPI_MEASUREMENT),
                lambda s: s.goals.record_measurement(
                    kpi_id=kpi_id, period=period, value=value, meeting_id=meeting_id
                ),
                reread=lambda s: _measurement(s, kpi_id, period),
            )
        except ValidationError as exc:
            fields = {"period": self.period_edit, "value": self.value_edit}
            show_validation(exc, fields, self.error, self)
            return
        except NotFoundError as exc:
            self.error.show_error(str(exc))
            return
        self.value_edit.clear()
        value = format_value(record.value, row.kpi.unit, compact=False)
        earlier = before.get(record.period)
        if earlier is not None and earlier != record.value:  # read before the meeting
            text = self.tr("Recorded {kpi}: {value} for {period} (it was {earlier}).").format(
                kpi=row.kpi.name,
                value=value,
                period=record.period_label,
                earlier=format_value(earlier, row.kpi.unit, compact=False),
            )
        else:
            text = self.tr("Recorded {kpi}: {value} for {period}.").format(
                kpi=row.kpi.name, value=value, period=record.period_label
            )
        self.note.setText(text)
