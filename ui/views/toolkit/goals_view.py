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

The pages are panels of their own: `goals_dashboard`, `goals_page`, `goals_kpis`; the
meeting panel is `goals_review_panel`, and what they share is in `goals_common`.

Every change is an operation (`controller.perform(step(...), lambda s: s.goals...)`); the
views refresh when the controller says the goals changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.goals import CsvPreview
from alignmeet.domain.periods import Period, parse_period
from alignmeet.domain.rules import ValidationError
from ui.controller import Controller
from ui.models.goals_tables_model import CsvPreviewModel
from ui.models.plural import plural
from ui.undo import Step, step
from ui.views.toolkit.common import button_row, follow_area
from ui.views.toolkit.goals_common import AREA
from ui.views.toolkit.goals_common import goals_table as _table
from ui.views.toolkit.goals_dashboard import DashboardPage, kpi_chart
from ui.views.toolkit.goals_kpis import KpisPage
from ui.views.toolkit.goals_page import GoalsPage
from ui.views.toolkit.goals_review_panel import KpiReviewPanel
from ui.widgets import FieldError, inform, plain_label

__all__ = [
    "CsvImportDialog",
    "DashboardPage",
    "GoalsPage",
    "GoalsView",
    "KpiReviewPanel",
    "KpisPage",
    "ask_csv_path",
    "kpi_chart",
]


def ask_csv_path(parent: QWidget) -> Path | None:
    """Ask for the CSV file to import (tests replace this function)."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("GoalsView", "Import KPI measurements"),
        "",
        QCoreApplication.translate("GoalsView", "CSV files (*.csv *.txt);;All files (*)"),
    )
    return Path(name) if name else None


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
        self.summary = plain_label(self._summary(preview), wrap=True)
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

        bar = button_row(
            (
                plain_label(self.tr("Period")),
                self.prev_button,
                self.period_label,
                self.next_button,
                self.today_button,
            ),
            (self.import_button,),
        )

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

        follow_area(self, controller, AREA, controller.members_changed)
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
