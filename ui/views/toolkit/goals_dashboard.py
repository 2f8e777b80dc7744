"""The Dashboard page of the Goals & KPIs tab: the shared revenue goal with its progress,
the status of every KPI and a chart per KPI (actual against target over the last twelve
periods, QtCharts). The KPI review panel shows the same strip and charts in large type."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from alignmeet import i18n as core_i18n
from alignmeet.domain.chart_scale import STATUS_COLOURS, nice_ticks
from alignmeet.domain.goals import (
    DashboardData,
    GoalRecord,
    KpiRow,
    KpiStatus,
    axis_labels,
    format_value,
    kpi_status,
)
from ui.colors import is_dark
from ui.core_labels import label
from ui.models.goals_tables_model import KpiStatusModel
from ui.views.toolkit.goals_common import fit_height as _fit_height
from ui.views.toolkit.goals_common import goals_table as _table
from ui.widgets import fill, plain_label, section_heading

__all__ = ["DashboardPage", "RevenueGoalStrip", "chart_view", "kpi_chart"]


# ---- charts ----------------------------------------------------------------------------------


def _value_axis(ticks: list[float], unit: str, font: QFont) -> QCategoryAxis:
    """The value axis, labelled at its ticks the way the KPI tables write values ("−$0.5M",
    "1.2T leads", German "1,5 Mio."): a printf label format cannot put the sign before the
    currency symbol, nor write German decimals."""
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(ticks[0], ticks[-1])
    axis.setStartValue(ticks[0])
    for text, tick in zip(axis_labels(ticks, unit), ticks, strict=True):
        axis.append(text, tick)
    axis.setLabelsFont(font)
    return axis


def _axis_label(period: str, label: str) -> str:
    """Months by three letters of their name ("Nov", "Okt"): twelve of them fit under a
    half-width chart, in the language of the app."""
    if len(period) == 7 and "-" in period and period[5:].isdigit():
        return core_i18n.month_name(int(period[5:]))[:3]
    return label


def kpi_chart(row: KpiRow, *, large: bool = False) -> QChart:
    """A KPI over its recent periods: bars coloured by status, the target dashed."""
    chart = QChart()
    if is_dark():  # follow the system's dark theme
        chart.setTheme(QChart.ChartTheme.ChartThemeDark)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(4)
    chart.setMargins(QMargins(4, 4, 4, 4))
    title_font = QFont()
    title_font.setPointSizeF(15 if large else 11.5)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setTitle(row.kpi.name)
    label_font = QFont()
    label_font.setPointSizeF(11 if large else 9)

    points = row.history
    values = [p.value for p in points if p.value is not None]
    targets = [p.target for p in points if p.target is not None]
    high = max([*values, *targets], default=1.0)
    low = min([0.0, *values, *targets])
    ticks = nice_ticks(low, high * 1.08 if high > 0 else high)

    series = QStackedBarSeries()
    series.setBarWidth(0.62)
    used = [
        kpi_status(p.value, p.target, row.kpi.higher_is_better)
        for p in points
        if p.value is not None
    ]
    for status in (KpiStatus.ON_TARGET, KpiStatus.NEAR, KpiStatus.OFF_TARGET, KpiStatus.NO_TARGET):
        if status not in used:
            continue
        bar_set = QBarSet(label(status.label))
        colour = QColor(*STATUS_COLOURS[status])  # the same bars as the Word report
        bar_set.setColor(colour)
        bar_set.setBorderColor(colour)
        for p in points:
            mine = (
                p.value is not None
                and kpi_status(p.value, p.target, row.kpi.higher_is_better) is status
            )
            bar_set.append(p.value if mine and p.value is not None else 0.0)
        series.append(bar_set)
    chart.addSeries(series)

    target_series = QLineSeries()
    target_series.setName(QCoreApplication.translate("GoalsView", "Target"))
    pen = QPen(QGuiApplication.palette().color(QPalette.ColorRole.WindowText))
    pen.setWidthF(2.0)
    pen.setStyle(Qt.PenStyle.DashLine)
    target_series.setPen(pen)
    for i, p in enumerate(points):  # a step per period: the target may change
        if p.target is not None:
            target_series.append(i - 0.45, p.target)
            target_series.append(i + 0.45, p.target)
    if targets:
        chart.addSeries(target_series)

    axis_x = QBarCategoryAxis()
    axis_x.append([_axis_label(p.period, p.label) for p in points])
    axis_x.setLabelsFont(label_font)
    axis_y = _value_axis(ticks, row.kpi.unit, label_font)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for s in chart.series():
        s.attachAxis(axis_x)
        s.attachAxis(axis_y)
    legend = chart.legend()
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend.setFont(label_font)
    legend.setVisible(True)
    return chart


def chart_view(row: KpiRow, *, large: bool = False) -> QChartView:
    view = QChartView(kpi_chart(row, large=large))
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(320 if large else 270)
    view.setAccessibleName(
        QCoreApplication.translate("GoalsView", "Chart: {kpi}").format(kpi=row.kpi.name)
    )
    return view


# ---- revenue goal strip ----------------------------------------------------------------------


class RevenueGoalStrip(QFrame):
    """The shared revenue goal: title, progress bar, numbers, owner."""

    def __init__(self, *, large: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        layout = QGridLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setHorizontalSpacing(14)
        self.heading = plain_label()
        font = self.heading.font()
        font.setPointSizeF(max(font.pointSizeF(), 10) * (1.35 if large else 1.15))
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(True)
        self.bar.setMinimumWidth(200)
        self.bar.setAccessibleName(self.tr("Revenue goal progress"))
        self.detail = plain_label(wrap=True)
        if large:
            detail_font = self.detail.font()
            detail_font.setPointSizeF(max(detail_font.pointSizeF(), 10) * 1.2)
            self.detail.setFont(detail_font)
        layout.addWidget(self.heading, 0, 0, 1, 2)
        layout.addWidget(self.bar, 1, 0)
        layout.addWidget(self.detail, 1, 1)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)

    def show_goal(self, goal: GoalRecord | None, period_label: str) -> None:
        if goal is None:
            self.heading.setText(
                self.tr("No shared revenue goal for {period} yet").format(period=period_label)
            )
            self.bar.hide()
            self.detail.setText(
                self.tr("Set it on the Goals page: one number both teams work towards.")
            )
            return
        self.heading.setText(
            self.tr("Shared revenue goal, {period}: {goal}").format(
                period=goal.period_label, goal=goal.title
            )
        )
        self.bar.show()
        progress = goal.progress
        self.bar.setValue(int(min(1.0, progress or 0.0) * 100))
        self.bar.setFormat(f"{(progress or 0) * 100:.0f} %")
        self.detail.setText(self.detail_text(goal))

    def detail_text(self, goal: GoalRecord) -> str:
        """ "$5.2M target · $3.9M so far (75 %) · owner Amara"."""
        owner = self.tr(" · owner {name}").format(name=goal.owner_name) if goal.owner_name else ""
        return self._describe(goal) + owner

    def _describe(self, goal: GoalRecord) -> str:
        """ "$5.2M target · $3.9M so far (75 %)"."""
        parts = []
        if goal.target_value is not None:
            parts.append(
                self.tr("{value} target").format(value=format_value(goal.target_value, goal.unit))
            )
        if goal.actual_value is not None:
            parts.append(
                self.tr("{value} so far").format(value=format_value(goal.actual_value, goal.unit))
            )
        text = " · ".join(parts)
        if goal.progress is not None:
            text += f" ({goal.progress * 100:.0f} %)"
        return text


# ---- the dashboard page ----------------------------------------------------------------------


class DashboardPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal_strip = RevenueGoalStrip()
        self.summary = plain_label()
        self.status_model = KpiStatusModel(self)
        self.status_table = _table(self.tr("KPI status"), self.status_model)
        self.status_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.status_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.charts_host = QWidget()
        self.charts_grid = QGridLayout(self.charts_host)
        self.charts_grid.setContentsMargins(0, 0, 0, 0)
        self.charts_grid.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.charts_host)
        self.chart_views: list[QChartView] = []
        self.empty = plain_label(
            self.tr(
                "No KPIs yet. Define them on the “KPIs & measurements” page, then record "
                "values per period or import them from a CSV file."
            ),
            wrap=True,
        )

        top = QHBoxLayout()
        top.addWidget(section_heading(self.tr("KPI status")))
        top.addWidget(self.summary, 1)
        fill(
            QVBoxLayout(self),
            self.goal_strip,
            top,
            self.status_table,
            self.empty,
            (scroll, 1),
            margins=(0, 6, 0, 0),
            spacing=8,
        )

    def show_data(self, data: DashboardData) -> None:
        self.goal_strip.show_goal(data.revenue_goal, data.period_label)
        self.status_model.set_rows(list(data.rows))
        rows = len(data.rows)
        _fit_height(self.status_table)
        self.status_table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        counts = data.counts()
        phrases = {
            KpiStatus.ON_TARGET: self.tr("{count} on target"),
            KpiStatus.NEAR: self.tr("{count} near target"),
            KpiStatus.OFF_TARGET: self.tr("{count} off target"),
            KpiStatus.NO_DATA: self.tr("{count} no data"),
        }
        parts = [phrase.format(count=counts[s]) for s, phrase in phrases.items() if counts[s]]
        self.summary.setText(f"{data.period_label} · " + ", ".join(parts) if parts else "")
        for view in self.chart_views:
            self.charts_grid.removeWidget(view)
            view.deleteLater()
        self.chart_views = []
        for i, row in enumerate(data.rows):
            view = chart_view(row)
            self.charts_grid.addWidget(view, i // 2, i % 2)
            self.chart_views.append(view)
