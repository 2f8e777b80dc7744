"""Shared goals and KPIs: the Goals & KPIs tab of the Alignment page, and the panel shown
beside a "KPI review" agenda item while a meeting runs.

The tab has a period selector (a month) over three pages:
- Dashboard: the shared revenue goal with its progress, the status of every KPI (target,
  actual, against the target, trend) and a chart per KPI: actual against target over the
  last twelve periods (QtCharts). Both teams read the same numbers.
- Goals: the revenue goal of the quarter (one for both teams) and the mutual activity goals,
  each with an owner and a decision: continue, improve or eliminate (seed 002).
- KPIs & measurements: the KPI definitions (unit, target, which way is better, measured per
  month / quarter / week) and the values per period, typed or imported from a CSV file
  (preview first, then everything or nothing).

Every change is an operation (`controller.perform(step(...), lambda s: s.goals...)`); the
views refresh when the controller says the goals changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QItemSelection, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alignmeet import i18n as core_i18n
from alignmeet.domain.chart_scale import STATUS_COLOURS, nice_ticks
from alignmeet.domain.enums import TeamTag
from alignmeet.domain.goals import (
    CsvPreview,
    DashboardData,
    Disposition,
    GoalKind,
    GoalRecord,
    KpiRecord,
    KpiRow,
    KpiStatus,
    MeasurementRecord,
    format_value,
    kpi_status,
)
from alignmeet.domain.periods import Period, PeriodKind, parse_period, period_containing
from alignmeet.domain.rules import MAX_TITLE, ValidationError
from alignmeet.services import Services
from alignmeet.services.base import NotFoundError
from ui.colors import is_dark
from ui.controller import Controller
from ui.core_labels import label
from ui.models.goals_tables_model import (
    ActivityGoalsModel,
    CsvPreviewModel,
    KpisModel,
    KpiStatusModel,
    MeasurementsModel,
    disposition_hint,
)
from ui.models.plural import plural
from ui.models.record_table_model import RECORD_ROLE
from ui.shown import LoadedForm
from ui.undo import Step, step
from ui.views.toolkit.common import card as _card
from ui.widgets import FieldError, ask_yes_no, inform, plain_label, section_heading, show_validation

__all__ = ["CsvImportDialog", "GoalsView", "KpiReviewPanel", "ask_csv_path", "kpi_chart"]

AREA = "goals"


def _update_goal(
    controller: Controller, goal_id: int, seen: object, edits: dict[str, object]
) -> GoalRecord:
    return controller.perform_edit(
        step(Step.CHANGE_GOAL),
        lambda s, shown: s.goals.update_goal(goal_id=goal_id, seen=shown, **edits),
        seen=seen,
        reread=lambda s: s.goals.get_goal(goal_id),
    )


def _measurement(services: Services, kpi_id: int, period: str) -> MeasurementRecord:
    """A KPI's measurement for `period` as stored now (what "take theirs" shows)."""
    return next(
        x
        for x in services.goals.measurements(kpi_id)
        if period.strip() in (x.period, x.period_label)
    )


# ---- small builders --------------------------------------------------------------------------


def _table(name: str, model: object) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(30)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


def _line(placeholder: str, name: str, limit: int = MAX_TITLE) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setMaxLength(limit)
    return edit


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    # Long choices ("Continue — keep doing it") must not widen the page past a laptop.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _selected(view: QTableView) -> object | None:
    rows = view.selectionModel().selectedRows()
    return rows[0].data(RECORD_ROLE) if rows else None


def _fit_height(view: QTableView) -> None:
    """A table exactly as tall as its rows (no empty band under them)."""
    rows = view.model().rowCount()
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += (
        sum(view.rowHeight(r) for r in range(rows)) or view.verticalHeader().defaultSectionSize()
    )
    view.setFixedHeight(height)


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.10g}" if not float(value).is_integer() else str(int(value))


def _set_combo(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    combo.setCurrentIndex(index if index >= 0 else 0)


def _fill_members(combo: QComboBox, controller: Controller, *, none_label: str) -> None:
    keep = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(none_label, None)
    for member in controller.services.people.list_members():
        combo.addItem(f"{member.name} ({member.team_name})", member.id)
    _set_combo(combo, keep)
    combo.blockSignals(False)


def ask_csv_path(parent: QWidget) -> Path | None:
    """Ask for the CSV file to import (tests replace this function)."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("GoalsView", "Import KPI measurements"),
        "",
        QCoreApplication.translate("GoalsView", "CSV files (*.csv *.txt);;All files (*)"),
    )
    return Path(name) if name else None


# ---- charts ----------------------------------------------------------------------------------


def _axis_format(unit: str, ticks: list[float]) -> tuple[float, str]:
    """(divide by, printf label format) for a value axis with these ticks."""
    unit = unit.strip()
    high = max(abs(t) for t in ticks)
    scale, suffix = 1.0, ""
    if high >= 1_000_000:
        scale, suffix = 1_000_000.0, "M"
    elif high >= 10_000:
        scale, suffix = 1_000.0, "k"
    scaled = [t / scale for t in ticks]
    decimals = next(
        (d for d in (0, 1, 2) if all(abs(v * 10**d - round(v * 10**d)) < 1e-6 for v in scaled)), 2
    )
    number = f"%.{decimals}f{suffix}"
    if unit in ("$", "€", "£"):
        return scale, unit + number
    if unit == "%":
        return scale, number + " %%"
    return scale, number + (f" {unit}" if unit and len(unit) <= 6 else "")


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
    scale, label_format = _axis_format(row.kpi.unit, ticks)

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
            bar_set.append(p.value / scale if mine and p.value is not None else 0.0)
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
            target_series.append(i - 0.45, p.target / scale)
            target_series.append(i + 0.45, p.target / scale)
    if targets:
        chart.addSeries(target_series)

    axis_x = QBarCategoryAxis()
    axis_x.append([_axis_label(p.period, p.label) for p in points])
    axis_x.setLabelsFont(label_font)
    axis_y = QValueAxis()
    axis_y.setRange(ticks[0] / scale, ticks[-1] / scale)
    axis_y.setTickCount(len(ticks))
    axis_y.setLabelFormat(label_format)
    axis_y.setLabelsFont(label_font)
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


def _chart_view(row: KpiRow, *, large: bool = False) -> QChartView:
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
        self.detail = plain_label()
        self.detail.setWordWrap(True)
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
            )
        )
        self.empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.goal_strip)
        top = QHBoxLayout()
        top.addWidget(section_heading(self.tr("KPI status")))
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        layout.addWidget(self.status_table)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)

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
            view = _chart_view(row)
            self.charts_grid.addWidget(view, i // 2, i % 2)
            self.chart_views.append(view)


# ---- the goals page --------------------------------------------------------------------------


class GoalsPage(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._revenue: GoalRecord | None = None
        self._editing: GoalRecord | None = None
        # Each form as loaded: a save sends what was changed in it, on top of that record.
        self._revenue_form = LoadedForm()
        self._goal_form = LoadedForm()

        # revenue goal (left)
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
        hint = plain_label(self.tr("One revenue goal per period, shared by Sales and Marketing."))
        hint.setWordWrap(True)
        rl.addWidget(hint)
        rl.addLayout(form)
        rl.addWidget(self.revenue_save)
        rl.addWidget(self.revenue_error)
        rl.addWidget(self.revenue_note)
        rl.addStretch(1)
        revenue_card.setFixedWidth(340)

        # activity goals (right)
        self.model = ActivityGoalsModel(self)
        self.table = _table(self.tr("Activity goals"), self.model)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.show_archived = QCheckBox(self.tr("Show archived"))
        self.show_archived.toggled.connect(self._on_show_archived_toggled)
        self.form_heading = section_heading(self.tr("New activity goal"))
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
        self.add_button = QPushButton(self.tr("Add activity goal"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.archive_button = QPushButton(self.tr("Archive"))
        self.archive_button.clicked.connect(self._on_archive_clicked)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.clear_button = QPushButton(self.tr("Clear form"))
        self.clear_button.clicked.connect(self._on_clear_clicked)
        self.form_error = FieldError()
        self.form_note = plain_label()
        self._fields: dict[str, QWidget] = {
            "title": self.title_edit,
            "period": self.period_edit,
            "owner_id": self.owner_combo,
            "disposition": self.disposition_combo,
            "team_tag": self.team_combo,
            "notes": self.notes_edit,
        }
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        labels = (
            self.tr("&Activity"),
            self.tr("&Period"),
            self.tr("O&wner"),
            self.tr("&Decision"),
            self.tr("T&eam"),
            self.tr("N&otes"),
        )
        for i, (key, caption) in enumerate(zip(self._fields, labels, strict=True)):
            text = plain_label(caption.replace("&", ""))
            row, col = divmod(i, 2)
            grid.addWidget(text, row, col * 2)
            grid.addWidget(self._fields[key], row, col * 2 + 1)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.save_button, self.archive_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        form_card, fl = _card()
        fl.addWidget(self.form_heading)
        fl.addLayout(grid)
        fl.addLayout(buttons)
        fl.addWidget(self.form_error)
        fl.addWidget(self.form_note)

        top = QHBoxLayout()
        top.addWidget(section_heading(self.tr("Mutual activity goals")))
        top.addStretch(1)
        top.addWidget(self.show_archived)
        right = QVBoxLayout()
        right.addLayout(top)
        explain = plain_label(
            self.tr(
                "What both teams do towards the goal, each with an owner. At each review mark "
                "it: continue, improve or eliminate."
            )
        )
        explain.setWordWrap(True)
        right.addWidget(explain)
        right.addWidget(self.table, 1)
        right.addWidget(form_card)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(revenue_card)
        layout.addLayout(right, 1)
        self.period: Period | None = None
        self._update_buttons()

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
            self._editing = self.model.record(row) if row >= 0 else None
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
        return {
            "title": self.title_edit.text(),
            "period": self.period_edit.text(),
            "owner_id": self.owner_combo.currentData(),
            "disposition": self.disposition_combo.currentData(),
            "team_tag": self.team_combo.currentData(),
            "notes": self.notes_edit.text(),
        }

    def _show_error(self, exc: ValidationError) -> None:
        show_validation(exc, self._fields, self.form_error, self)

    def _on_add_clicked(self) -> None:
        self.form_error.clear_error()
        try:
            values = self._form_values()
            goal = self.controller.perform(
                step(Step.NEW_GOAL), lambda s: s.goals.add_goal(kind=GoalKind.ACTIVITY, **values)
            )
        except ValidationError as exc:
            self._show_error(exc)
            return
        self._load_form(None)
        self.form_note.setText(
            self.tr("Added “{title}” ({owner}).").format(title=goal.title, owner=goal.owner_name)
        )

    def _on_save_clicked(self) -> None:
        if self._editing is None:
            return
        self.form_error.clear_error()
        try:
            goal = _update_goal(
                self.controller,
                self._editing.id,
                self._goal_form.record,
                self._goal_form.edits(self._form_values()),
            )
        except ValidationError as exc:
            self._show_error(exc)
            return
        except NotFoundError as exc:
            self.form_error.show_error(str(exc))
            return
        if self.controller.kept_theirs:  # "take theirs": nothing of the form was saved
            self._load_form(goal)
            return
        self._goal_form.loaded(goal, self._form_values())  # what the next save stands on
        self.form_note.setText(self.tr("Saved “{title}”.").format(title=goal.title))

    def _on_archive_clicked(self) -> None:
        goal = self._editing
        if goal is None:
            return
        self.controller.perform(
            step(Step.ARCHIVE_GOAL),
            lambda s: s.goals.archive_goal(goal_id=goal.id, archived=not goal.archived),
        )
        if goal.archived:
            self.form_note.setText(self.tr("“{title}” restored.").format(title=goal.title))
        else:
            self.form_note.setText(self.tr("“{title}” archived.").format(title=goal.title))
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
        self.form_note.setText(self.tr("Deleted “{title}”.").format(title=goal.title))

    def _on_clear_clicked(self) -> None:
        self.table.clearSelection()
        self._load_form(None)

    def _load_form(self, goal: GoalRecord | None) -> None:
        self._editing = goal
        self.form_error.clear_error()
        self.form_note.clear()
        if goal is None:
            self.title_edit.clear()
            self.notes_edit.clear()
            if self.period is not None:
                self.period_edit.setText(period_containing("quarter", self.period.start).key)
            self.owner_combo.setCurrentIndex(0)
            self.disposition_combo.setCurrentIndex(0)
        else:
            self.title_edit.setText(goal.title)
            self.period_edit.setText(goal.period)
            _set_combo(self.owner_combo, goal.owner_id)
            _set_combo(self.disposition_combo, goal.disposition.value if goal.disposition else None)
            _set_combo(self.team_combo, goal.team_tag.value)
            self.notes_edit.setText(goal.notes)
            self.notes_edit.setCursorPosition(0)
        self._goal_form.loaded(goal, self._form_values())
        self._update_buttons()

    def _update_buttons(self) -> None:
        goal = self._editing
        self.form_heading.setText(
            self.tr("Editing “{title}”").format(title=goal.title)
            if goal
            else self.tr("New activity goal")
        )
        for b in (self.save_button, self.archive_button, self.delete_button):
            b.setEnabled(goal is not None)
        self.archive_button.setText(
            self.tr("Restore") if goal and goal.archived else self.tr("Archive")
        )

    def _on_table_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        record = _selected(self.table)
        if isinstance(record, GoalRecord):
            self._load_form(record)

    def _on_show_archived_toggled(self, _checked: bool) -> None:
        if self.period is not None:
            self.show_period(self.period)


# ---- the KPIs & measurements page ------------------------------------------------------------


class KpisPage(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self._editing: KpiRecord | None = None
        self._kpi_form = LoadedForm()  # as loaded: a save sends what was changed in it
        self._m_shown: MeasurementRecord | None = None  # the measurement loaded into its form
        self.period: Period | None = None

        self.kpi_model = KpisModel(self)
        self.kpi_table = _table(self.tr("KPIs"), self.kpi_model)
        self.kpi_table.selectionModel().selectionChanged.connect(self._on_kpi_selection_changed)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self._move(1))

        self.kpi_heading = section_heading(self.tr("New KPI"))
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
        self.kpi_fields: dict[str, QWidget] = {
            "name": self.name_edit,
            "unit": self.unit_edit,
            "target": self.target_edit,
            "higher_is_better": self.better_combo,
            "period_kind": self.period_kind_combo,
            "team_tag": self.kpi_team_combo,
            "description": self.description_edit,
        }
        kpi_form = QGridLayout()
        kpi_form.setHorizontalSpacing(10)
        placed = (
            (self.tr("Name"), "name", 0, 0, 3),
            (self.tr("Definition"), "description", 1, 0, 3),
            (self.tr("Unit"), "unit", 2, 0, 1),
            (self.tr("Target"), "target", 2, 2, 1),
            (self.tr("Better"), "higher_is_better", 3, 0, 1),
            (self.tr("Per"), "period_kind", 3, 2, 1),
            (self.tr("Team"), "team_tag", 4, 0, 1),
        )
        for caption, key, row, col, span in placed:
            kpi_form.addWidget(plain_label(caption), row, col)
            kpi_form.addWidget(self.kpi_fields[key], row, col + 1, 1, span)
        self.add_kpi_button = QPushButton(self.tr("Add KPI"))
        self.add_kpi_button.clicked.connect(self._on_add_kpi_clicked)
        self.save_kpi_button = QPushButton(self.tr("Save"))
        self.save_kpi_button.clicked.connect(self._on_save_kpi_clicked)
        self.archive_kpi_button = QPushButton(self.tr("Archive"))
        self.archive_kpi_button.clicked.connect(self._on_archive_kpi_clicked)
        self.new_kpi_button = QPushButton(self.tr("New"))
        self.new_kpi_button.clicked.connect(self._on_new_kpi_clicked)
        self.kpi_error = FieldError()
        kpi_buttons = QHBoxLayout()
        for b in (self.add_kpi_button, self.save_kpi_button, self.archive_kpi_button):
            kpi_buttons.addWidget(b)
        kpi_buttons.addStretch(1)
        kpi_buttons.addWidget(self.new_kpi_button)

        left_card, ll = _card()
        order = QHBoxLayout()
        order.addWidget(section_heading(self.tr("KPI definitions")))
        order.addStretch(1)
        order.addWidget(self.up_button)
        order.addWidget(self.down_button)
        ll.addLayout(order)
        ll.addWidget(self.kpi_table, 1)
        ll.addWidget(self.kpi_heading)
        ll.addLayout(kpi_form)
        ll.addLayout(kpi_buttons)
        ll.addWidget(self.kpi_error)

        # measurements
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
        m_buttons = QHBoxLayout()
        m_buttons.addWidget(self.record_button)
        m_buttons.addStretch(1)
        m_buttons.addWidget(self.delete_m_button)
        right_card, rl = _card()
        rl.addWidget(self.m_heading)
        rl.addWidget(self.m_table, 1)
        rl.addLayout(entry)
        rl.addLayout(m_buttons)
        rl.addWidget(self.m_error)
        rl.addWidget(self.m_note_label)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(left_card, 5)
        layout.addWidget(right_card, 4)
        self._update_buttons()

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
        self.kpi_heading.setText(
            self.tr("Editing {kpi}").format(kpi=kpi.name) if kpi else self.tr("New KPI")
        )
        for b in (self.save_kpi_button, self.archive_kpi_button, self.up_button, self.down_button):
            b.setEnabled(kpi is not None and (b is not self.up_button or kpi.position > 1))
        self.archive_kpi_button.setText(
            self.tr("Restore") if kpi and kpi.archived else self.tr("Archive")
        )
        has_kpi = kpi is not None and not kpi.archived
        for w in (self.record_button, self.m_period, self.m_value, self.m_target, self.m_note):
            w.setEnabled(has_kpi)
        self.delete_m_button.setEnabled(_selected(self.m_table) is not None)

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
        self._editing = kpi
        self.kpi_error.clear_error()
        self.m_error.clear_error()
        self.m_note_label.clear()
        if kpi is None:
            for edit in (self.name_edit, self.unit_edit, self.target_edit, self.description_edit):
                edit.clear()
            self.better_combo.setCurrentIndex(0)
            self.period_kind_combo.setCurrentIndex(0)
        else:
            self.name_edit.setText(kpi.name)
            self.unit_edit.setText(kpi.unit)
            self.target_edit.setText(_number_text(kpi.target))
            _set_combo(self.better_combo, kpi.higher_is_better)
            _set_combo(self.period_kind_combo, kpi.period_kind.value)
            _set_combo(self.kpi_team_combo, kpi.team_tag.value)
            self.description_edit.setText(kpi.description)
        self._kpi_form.loaded(kpi, self._kpi_values())
        self.m_period.setModified(False)
        self._load_measurements()
        self._update_buttons()

    def _on_kpi_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        record = _selected(self.kpi_table)
        if isinstance(record, KpiRecord):
            self._load_kpi(record)

    def _on_add_kpi_clicked(self) -> None:
        self.kpi_error.clear_error()
        try:
            values = self._kpi_values()
            kpi = self.controller.perform(step(Step.NEW_KPI), lambda s: s.goals.add_kpi(**values))
        except ValidationError as exc:
            show_validation(exc, self.kpi_fields, self.kpi_error, self)
            return
        self._editing = kpi
        self._load_kpi(kpi)
        row = self.kpi_model.row_of(lambda k: k.id == kpi.id)
        if row >= 0:
            self.kpi_table.selectRow(row)

    def _on_save_kpi_clicked(self) -> None:
        if self._editing is None:
            return
        self.kpi_error.clear_error()
        try:
            kpi_id = self._editing.id
            edits = self._kpi_form.edits(self._kpi_values())
            kpi = self.controller.perform_edit(
                step(Step.CHANGE_KPI),
                lambda s, seen: s.goals.update_kpi(kpi_id=kpi_id, seen=seen, **edits),
                seen=self._kpi_form.record,
                reread=lambda s: s.goals.get_kpi(kpi_id),
            )
        except ValidationError as exc:
            show_validation(exc, self.kpi_fields, self.kpi_error, self)
            return
        except NotFoundError as exc:
            self.kpi_error.show_error(str(exc))
            return
        if self.controller.kept_theirs:  # "take theirs": the form shows theirs
            self._load_kpi(kpi)
        else:
            self._kpi_form.loaded(kpi, self._kpi_values())  # what the next save stands on

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
        self.m_note_label.setText(
            self.tr("Recorded {value} for {period}.").format(
                value=format_value(record.value, kpi.unit, compact=False),
                period=record.period_label,
            )
        )

    def _on_m_selection_changed(self, _s: QItemSelection, _d: QItemSelection) -> None:
        record = _selected(self.m_table)
        if isinstance(record, MeasurementRecord):
            self.m_period.setText(record.period)
            self.m_value.setText(_number_text(record.value))
            self.m_target.setText(_number_text(record.target))
            self.m_note.setText(record.note)
            self._m_shown = record
        self._update_buttons()

    def _on_delete_m_clicked(self) -> None:
        record = _selected(self.m_table)
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


# ---- CSV import ------------------------------------------------------------------------------


class CsvImportDialog(QDialog):
    """The preview of a CSV import: every row, what it would do or what is wrong with it.
    "Import" is offered only when every row is right (all or nothing)."""

    def __init__(
        self, controller: Controller, path: Path, preview: CsvPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.path = path
        self.result_text = ""
        self.setWindowTitle(self.tr("Import KPI measurements"))
        self.resize(820, 480)
        self.model = CsvPreviewModel(self)
        self.model.set_rows(list(preview.rows))
        self.table = _table(self.tr("Rows to import"), self.model)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.summary = plain_label(self._summary(preview))
        self.summary.setWordWrap(True)
        if preview.problems:
            self.summary.setObjectName("FieldError")
        self.error = FieldError()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(preview.ok)
        self.import_button.clicked.connect(self._on_import_clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(str(path)))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _summary(self, preview: CsvPreview) -> str:
        rows = len(preview.rows)
        if not rows:
            return self.tr("The file holds no measurements.")
        if preview.problems:
            n = len(preview.problems)
            if n == 1:
                text = self.tr("1 of {rows} rows has a problem")
            else:
                text = self.tr("{count} of {rows} rows have problems")
            text = text.format(count=n, rows=rows)
            return text + self.tr(
                ": fix the file and try again. Nothing is imported until every row is right."
            )
        text = self.tr("%n row(s) ready: {new} new, {changed} changed, {same} unchanged.", "", rows)
        return plural(text, rows).format(
            new=preview.count("new"), changed=preview.count("update"), same=preview.count("same")
        )

    def _on_import_clicked(self) -> None:
        try:
            path = self.path
            result = self.controller.perform(
                step(Step.KPI_IMPORT), lambda s: s.goals.import_csv_file(path=path)
            )
        except ValidationError as exc:
            self.error.show_error(exc.message)
            return
        self.result_text = self.tr(
            "Imported: {added} new, {updated} changed, {unchanged} unchanged."
        ).format(added=result.added, updated=result.updated, unchanged=result.unchanged)
        self.accept()


# ---- the tab ---------------------------------------------------------------------------------


class GoalsView(QWidget):
    """The Goals & KPIs tab: period selector, dashboard, goals, KPIs and measurements."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.period: Period = parse_period(controller.services.goals.current_period("month"))

        self.prev_button = QPushButton("◀")
        self.prev_button.setAccessibleName(self.tr("Previous month"))
        self.prev_button.setToolTip(self.tr("Previous month"))
        self.prev_button.clicked.connect(lambda: self.set_period(self.period.previous()))
        self.next_button = QPushButton("▶")
        self.next_button.setAccessibleName(self.tr("Next month"))
        self.next_button.setToolTip(self.tr("Next month"))
        self.next_button.clicked.connect(lambda: self.set_period(self.period.next()))
        for b in (self.prev_button, self.next_button):
            b.setFixedWidth(40)
        self.period_label = plain_label()
        font = self.period_label.font()
        font.setPointSizeF(max(font.pointSizeF(), 10) * 1.3)
        font.setBold(True)
        self.period_label.setFont(font)
        self.period_label.setMinimumWidth(110)
        self.period_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.today_button = QPushButton(self.tr("This month"))
        self.today_button.clicked.connect(self._on_today_clicked)
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setToolTip(
            self.tr(
                "Measurements from a spreadsheet: columns KPI, Period, Value "
                "(Target, Note optional)"
            )
        )
        self.import_button.clicked.connect(self._on_import_clicked)

        bar = QHBoxLayout()
        bar.addWidget(plain_label(self.tr("Period")))
        bar.addWidget(self.prev_button)
        bar.addWidget(self.period_label)
        bar.addWidget(self.next_button)
        bar.addWidget(self.today_button)
        bar.addStretch(1)
        bar.addWidget(self.import_button)

        self.dashboard = DashboardPage()
        self.goals_page = GoalsPage(controller)
        self.kpis_page = KpisPage(controller)
        self.pages = QTabWidget()
        self.pages.addTab(self.dashboard, self.tr("Dashboard"))
        self.pages.addTab(self.goals_page, self.tr("Goals"))
        self.pages.addTab(self.kpis_page, self.tr("KPIs && measurements"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.members_changed.connect(self.refresh)
        self.refresh()

    def set_period(self, period: Period) -> None:
        self.period = period
        self.refresh()

    def refresh(self) -> None:
        self.period_label.setText(self.period.label)
        data = self.controller.services.goals.dashboard(self.period.key)
        self.dashboard.show_data(data)
        self.goals_page.show_period(self.period)
        self.kpis_page.show_period(self.period)

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()

    def _on_today_clicked(self) -> None:
        self.set_period(parse_period(self.controller.services.goals.current_period("month")))

    def _on_import_clicked(self) -> None:
        path = ask_csv_path(self)
        if path is None:
            return
        try:
            preview = self.controller.services.goals.preview_csv_file(path=path)
        except ValidationError as exc:
            inform(self, self.tr("Import KPI measurements"), exc.message)
            return
        dialog = CsvImportDialog(self.controller, path, preview, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_text:
            self.controller.status_shown.emit(dialog.result_text)


# ---- the meeting panel -----------------------------------------------------------------------


class KpiReviewPanel(QWidget):
    """Beside a "KPI review" agenda item: the dashboard for the meeting's period in large
    type (revenue goal, KPI status, the chart of the KPI picked in the table) and a quick
    entry to record a value the room has just read out. The discussion itself goes into
    the item's notes, ideas and decisions as for any agenda item."""

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

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.goal_strip)
        layout.addWidget(self.table)
        layout.addWidget(self.earlier_hint)
        layout.addWidget(self.chart_view, 1)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(self.note)

        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        controller.meetings_changed.connect(self.refresh)
        self.refresh()

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
        record = _selected(self.table)
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
        try:
            kpi_id, period, value = row.kpi.id, self.period_edit.text(), self.value_edit.text()
            record = self.controller.perform(
                step(Step.KPI_MEASUREMENT),
                lambda s: s.goals.record_measurement(kpi_id=kpi_id, period=period, value=value),
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
        self.note.setText(
            self.tr("Recorded {kpi}: {value} for {period}.").format(
                kpi=row.kpi.name,
                value=format_value(record.value, row.kpi.unit, compact=False),
                period=record.period_label,
            )
        )

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == AREA:
            self.refresh()
