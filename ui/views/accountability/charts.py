"""The Accountability tab's charts (QtCharts): kept % per member over the last 90 days,
calibration (kept % per stated confidence against calibrated n × 20 %), and each
series' meeting ratings over time. This module is imported only when the tab is first
shown, so start-up never loads QtCharts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QDateTime, QMargins, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from alignmeet.domain.accountability import (
    KEPT_TARGET,
    RATING_TARGET,
    AccountabilityReport,
    SeriesRatings,
)
from ui.colors import color

SERIES_COLOURS = ("info", "warn", "muted", "good")  # meanings in ui.colors


def _chart(title: str, dark: bool) -> QChart:
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    if dark:  # the window's own dark background, not the theme's blue-grey
        chart.setBackgroundBrush(QGuiApplication.palette().color(QPalette.ColorRole.Base))
    return chart


def _percent_axis() -> QValueAxis:
    """0 % to 100 % in steps of 20."""
    axis = QValueAxis()
    axis.setRange(0, 100)
    axis.setLabelFormat("%d %%")
    axis.setTickCount(6)
    return axis


def _view(chart: QChart, height: int) -> QChartView:
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(height)
    return view


class AccountabilityCharts(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountabilityCharts")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.views: list[QChartView] = []

    def show_report(
        self, report: AccountabilityReport, ratings: Sequence[SeriesRatings], *, dark: bool
    ) -> None:
        for view in self.views:
            self._layout.removeWidget(view)
            view.deleteLater()
        self.views = [
            self._members(report, dark),
            self._calibration(report, dark),
            self._ratings(ratings, dark),
        ]
        for view in self.views:
            self._layout.addWidget(view)

    # ---- kept % per member -----------------------------------------------------------
    def _members(self, report: AccountabilityReport, dark: bool) -> QChartView:
        members = [m for m in report.members if m.recent.made]
        chart = _chart(
            QCoreApplication.translate(
                "AccountabilityCharts", "Kept per member, last {days} days"
            ).format(days=report.window_days),
            dark,
        )
        kept = QBarSet(QCoreApplication.translate("AccountabilityCharts", "Kept %"))
        kept.setColor(color("good"))
        below = QBarSet(
            QCoreApplication.translate("AccountabilityCharts", "Below {target} %").format(
                target=round(KEPT_TARGET * 100)
            )
        )
        below.setColor(color("bad"))
        names = []
        for member in reversed(members):  # the first name at the top
            rate = (member.recent.rate or 0) * 100
            low = member.recent.below_target
            kept.append(0 if low else rate)
            below.append(rate if low else 0)
            names.append(member.name)
        series = QHorizontalStackedBarSeries()  # one of the two is 0: centred bars
        series.append(kept)
        series.append(below)
        series.setBarWidth(0.7)
        series.setLabelsVisible(False)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append(names or [""])
        axis_x = _percent_axis()
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        chart.legend().setVisible(False)
        return _view(chart, max(180, 26 * len(members) + 80))

    # ---- calibration -------------------------------------------------------------------
    def _calibration(self, report: AccountabilityReport, dark: bool) -> QChartView:
        rows = [row for row in report.calibration_all if row.level is not None]
        chart = _chart(
            QCoreApplication.translate(
                "AccountabilityCharts", "Calibration: kept per confidence stated"
            ),
            dark,
        )
        kept = QBarSet(QCoreApplication.translate("AccountabilityCharts", "Kept %"))
        kept.setColor(color("info"))
        for row in rows:
            kept.append((row.say_do.rate or 0) * 100)
        bars = QBarSeries()
        bars.append(kept)
        bars.setBarWidth(0.55)
        chart.addSeries(bars)
        calibrated = QLineSeries()
        calibrated.setName(
            QCoreApplication.translate("AccountabilityCharts", "Calibrated (n × 20 %)")
        )
        pen = QPen(color("warn"))
        pen.setWidth(2)
        pen.setStyle(Qt.PenStyle.DashLine)
        calibrated.setPen(pen)
        for i, row in enumerate(rows):
            calibrated.append(QPointF(i, (row.expected or 0) * 100))
        chart.addSeries(calibrated)
        axis_x = QBarCategoryAxis()
        axis_x.append(
            [
                QCoreApplication.translate("AccountabilityCharts", "{level}/5 ({made})").format(
                    level=row.level, made=row.say_do.made
                )
                for row in rows
            ]
        )
        axis_y = _percent_axis()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        for series in (bars, calibrated):
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        return _view(chart, 240)

    # ---- meeting ratings ---------------------------------------------------------------
    def _ratings(self, ratings: Sequence[SeriesRatings], dark: bool) -> QChartView:
        chart = _chart(
            QCoreApplication.translate(
                "AccountabilityCharts", "Meeting rating per series (aim: 8+)"
            ),
            dark,
        )
        from PySide6.QtCharts import QDateTimeAxis

        axis_x = QDateTimeAxis()
        axis_x.setFormat("d MMM")
        axis_y = QValueAxis()
        axis_y.setRange(0, 10)
        axis_y.setTickCount(6)
        axis_y.setLabelFormat("%d")
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        stamps = [m.starts_at for r in ratings for m in r.meetings]
        if stamps:
            low, high = min(stamps), max(stamps)
            span = max((high - low).total_seconds() * 0.08, 3 * 86400)
            axis_x.setRange(QDateTime(low).addSecs(-int(span)), QDateTime(high).addSecs(int(span)))
            axis_x.setTickCount(min(6, max(2, len({(s.year, s.month) for s in stamps}) + 1)))
            target = QLineSeries()
            target.setName(
                QCoreApplication.translate("AccountabilityCharts", "Aim ({target})").format(
                    target=RATING_TARGET
                )
            )
            pen = QPen(color("good"))
            pen.setStyle(Qt.PenStyle.DashLine)
            target.setPen(pen)
            for moment in (axis_x.min(), axis_x.max()):
                target.append(QPointF(moment.toMSecsSinceEpoch(), RATING_TARGET))
            chart.addSeries(target)
            target.attachAxis(axis_x)
            target.attachAxis(axis_y)
        for index, series_ratings in enumerate(ratings):
            line = QLineSeries()
            line.setName(series_ratings.series_name)
            dots = QScatterSeries()
            dots.setMarkerSize(9)
            colour = color(SERIES_COLOURS[index % len(SERIES_COLOURS)])
            line.setColor(colour)
            dots.setColor(colour)
            for rated in series_ratings.meetings:
                if rated.summary.average is None:
                    continue
                point = QPointF(
                    QDateTime(rated.starts_at).toMSecsSinceEpoch(), rated.summary.average
                )
                line.append(point)
                dots.append(point)
            chart.addSeries(line)
            chart.addSeries(dots)
            for series in (line, dots):
                series.attachAxis(axis_x)
                series.attachAxis(axis_y)
            chart.legend().markers(dots)[0].setVisible(False)
        return _view(chart, 220)
