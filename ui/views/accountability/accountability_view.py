"""Follow-ups › Accountability: say/do per team and member, calibration, meeting ratings.

- Three team cards (Sales, Marketing, Joint): commitments kept over the last 90 days; a team
  below 90 % is flagged.
- The members' table (last 90 days and all time, what is not due yet) and the calibration
  table (kept share per confidence stated when committing, against calibrated n × 20 %).
- Charts (QtCharts, imported the first time the tab is shown: start-up does not pay for
  it): kept % per member, calibration, and each series' meeting ratings over time.
- Export (.docx / .csv), Send reminders…, Outbox….

The figures come from AccountabilityService.report (definitions in
alignmeet.domain.accountability); the page reloads when actions, commitments or ratings
change, once it is on screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alignmeet.domain.accountability import (
    KEPT_TARGET,
    RATING_TARGET,
    AccountabilityReport,
    SeriesRatings,
    TeamSayDo,
    percent,
    trend_text,
)
from ui.colors import is_dark, shade
from ui.controller import Controller
from ui.core_labels import label
from ui.models.calibration_model import CalibrationModel
from ui.models.member_say_do_model import COL_MEMBER, COL_TEAM, MemberSayDoModel, figures
from ui.models.record_table_model import SORT_ROLE
from ui.views.phases import caption_label, fit_columns, section_label, set_font, table_view
from ui.views.toolkit.common import button_row
from ui.widgets import fill, plain_label, warn


def ask_report_path(parent: QWidget, suggested: Path) -> Path | None:
    """Where to save the report (tests replace this module-level name)."""
    text, chosen = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("AccountabilityView", "Export say/do"),
        str(suggested),
        QCoreApplication.translate("AccountabilityView", "Word document (*.docx);;CSV (*.csv)"),
    )
    if not text:
        return None
    path = Path(text)
    if path.suffix.lower() not in (".docx", ".csv"):
        path = path.with_name(path.name + (".csv" if "csv" in chosen.lower() else ".docx"))
    return path


class TeamCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 10)
        layout.setSpacing(2)
        self.name = plain_label()
        set_font(self.name, 1.05, bold=True)
        self.value = plain_label(object_name="TeamKept")
        set_font(self.value, 1.9, bold=True)
        self.detail = caption_label(wrap=True)
        layout.addWidget(self.name)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def show_team(self, team: TeamSayDo, days: int) -> None:
        self.name.setText(label(team.team_tag.label))
        recent = team.recent
        self.value.setText(percent(recent.rate))
        colour = "muted" if recent.rate is None else ("bad" if team.flagged else "good")
        self.value.setStyleSheet(f"color: {shade(colour)};")
        if recent.made:
            detail = QCoreApplication.translate(
                "AccountabilityView", "{figures} kept in {days} days"
            ).format(figures=figures(recent), days=days)
        else:
            detail = QCoreApplication.translate(
                "AccountabilityView", "nothing counted in {days} days"
            ).format(days=days)
        if team.flagged:
            detail += " · " + QCoreApplication.translate(
                "AccountabilityView", "below {target}"
            ).format(target=percent(KEPT_TARGET))
        self.detail.setText(detail)


class AccountabilityView(QWidget):
    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AccountabilityView")
        self.controller = controller
        self.report: AccountabilityReport | None = None
        self.ratings: list[SeriesRatings] = []
        self._stale = True
        self._charts: Any = None  # the QtCharts part, built when first shown
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)

        top = self._build_top_row()

        self.team_cards = [TeamCard(self) for _ in range(3)]
        cards = QHBoxLayout()
        for team_card in self.team_cards:
            cards.addWidget(team_card, 1)
        self.ratings_label = plain_label(object_name="RatingTrend", wrap=True)

        self._build_tables()

        left = QWidget()
        fill(
            QVBoxLayout(left),
            section_label(self.tr("Members")),
            (self.members_table, 1),
            self.empty_label,
        )

        charts_scroll = self._build_charts_box()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("AccountabilitySplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(charts_scroll)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([650, 410])

        self.note = caption_label(
            self.tr(
                "A commitment is an action whose owner said “I commit” in the meeting that agreed "
                "it. Kept: done by the first promised due date, or by the start of the next "
                "meeting of the series. Dropped, late or still open after that: not kept."
            )
        )
        self.note.setWordWrap(True)

        fill(
            QVBoxLayout(self),
            top,
            cards,
            self.ratings_label,
            (self.splitter, 1),
            self.note,
            margins=(0, 8, 0, 0),
            spacing=8,
        )

        for signal in (
            controller.actions_changed,
            controller.follow_ups_changed,
            controller.participants_changed,
        ):
            signal.connect(self._on_controller_changed)
        controller.meetings_changed.connect(self._on_controller_meetings_changed)
        controller.members_changed.connect(self._on_controller_meetings_changed)
        controller.series_changed.connect(self._fill_series)
        controller.toolkit_changed.connect(self._on_controller_toolkit_changed)
        self._fill_series()

    def _build_top_row(self) -> QHBoxLayout:
        self.series_combo = QComboBox()
        self.series_combo.setAccessibleName(self.tr("Series"))
        self.series_combo.setMinimumWidth(220)
        self.series_combo.currentIndexChanged.connect(self._on_series_combo_changed)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("&Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for text, suffix in ((self.tr("Report (Word)…"), ".docx"), (self.tr("CSV…"), ".csv")):
            action = QAction(text, menu)
            action.triggered.connect(lambda _=False, s=suffix: self.export(s))
            menu.addAction(action)
        self.export_button.setMenu(menu)
        self.reminders_button = QPushButton(self.tr("Send &reminders…"))
        self.reminders_button.setToolTip(
            self.tr("Each owner's open actions that are overdue or due in the next 7 days")
        )
        self.reminders_button.clicked.connect(self.send_reminders)
        self.outbox_button = QPushButton(self.tr("O&utbox…"))
        self.outbox_button.clicked.connect(self.show_outbox)
        return button_row(
            (plain_label(self.tr("Series:")), self.series_combo),
            (self.export_button, self.reminders_button, self.outbox_button),
        )

    def _build_tables(self) -> None:
        self.members_model = MemberSayDoModel(self)
        self.members_proxy = QSortFilterProxyModel(self)
        self.members_proxy.setSourceModel(self.members_model)
        self.members_proxy.setSortRole(SORT_ROLE)
        self.members_table = table_view(self)
        self.members_table.setModel(self.members_proxy)
        self.members_table.setSortingEnabled(True)
        self.members_table.sortByColumn(COL_MEMBER, Qt.SortOrder.AscendingOrder)
        self.members_table.setAccessibleName(self.tr("Say/do per member"))
        fit_columns(self.members_table, stretch_column=COL_TEAM)
        self.members_table.horizontalHeader().setMinimumSectionSize(60)
        self.calibration_model = CalibrationModel(self)
        self.calibration_table = table_view(self)
        self.calibration_table.setModel(self.calibration_model)
        self.calibration_table.setAccessibleName(self.tr("Calibration"))
        fit_columns(self.calibration_table, stretch_column=0)
        rows_high = self.calibration_table.verticalHeader().defaultSectionSize()
        self.calibration_table.setFixedHeight(rows_high * 6 + 34)
        self.empty_label = caption_label(wrap=True)

    def _build_charts_box(self) -> QScrollArea:
        self.charts_box = QWidget()
        self.charts_layout = QVBoxLayout(self.charts_box)
        self.charts_layout.setContentsMargins(0, 0, 8, 0)
        self.charts_layout.addWidget(section_label(self.tr("Calibration")))
        calibration_hint = caption_label(
            self.tr("Kept per confidence stated when committing; calibrated: n × 20 %."), wrap=True
        )
        self.charts_layout.addWidget(calibration_hint)
        self.charts_layout.addWidget(self.calibration_table)
        charts_scroll = QScrollArea()
        charts_scroll.setWidget(self.charts_box)
        charts_scroll.setWidgetResizable(True)
        charts_scroll.setFrameShape(QFrame.Shape.NoFrame)
        return charts_scroll

    # ---- reading -------------------------------------------------------------------
    def _fill_series(self) -> None:
        current = self.series_combo.currentData()
        self.series_combo.blockSignals(True)
        self.series_combo.clear()
        self.series_combo.addItem(self.tr("All series"), None)
        for series in self.controller.services.meetings.list_series():
            self.series_combo.addItem(series.name, series.id)
        index = self.series_combo.findData(current)
        self.series_combo.setCurrentIndex(max(0, index))
        self.series_combo.blockSignals(False)
        self._mark_stale()

    def series_id(self) -> int | None:
        value = self.series_combo.currentData()
        return int(value) if value is not None else None

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        self._stale = False
        services = self.controller.services
        series_id = self.series_id()
        report = services.accountability.report(series_id=series_id)
        self.report = report
        self.ratings = [
            r for r in services.accountability.series_ratings() if series_id in (None, r.series_id)
        ]
        for team_card, team in zip(self.team_cards, report.teams, strict=True):
            team_card.show_team(team, report.window_days)
        self.members_model.set_rows([m for m in report.members if m.has_any])
        self.calibration_model.set_rows(list(report.calibration_all))
        self.empty_label.setText(
            ""
            if report.members
            else self.tr(
                "No commitments yet: they count once members say “I commit” to their actions."
            )
        )
        self.empty_label.setVisible(not report.members)
        if self.ratings:
            lines = [
                self.tr("Meeting rating, {series}: {trend}").format(
                    series=r.series_name, trend=trend_text(r)
                )
                for r in self.ratings
            ]
            lines[-1] += " " + self.tr("(aim: {target} or more)").format(target=RATING_TARGET)
            self.ratings_label.setText("\n".join(lines))
        else:
            self.ratings_label.setText(self.tr("No meeting has been rated yet."))
        if self._charts is not None or self.isVisible():
            self._update_charts()

    def _update_charts(self) -> None:
        if self.report is None:
            return
        if self._charts is None:
            from ui.views.accountability.charts import AccountabilityCharts

            self._charts = AccountabilityCharts(self.charts_box)
            self.charts_layout.addWidget(self._charts)
        self._charts.show_report(self.report, self.ratings, dark=is_dark(self.palette()))

    # ---- actions -------------------------------------------------------------------
    def export(self, suffix: str) -> Path | None:
        from alignmeet.services import ExportError

        settings = QSettings()
        folder = Path(str(settings.value("export/folder", str(Path.home()))))
        name = self.tr("Say-do {date}").format(
            date=f"{self.controller.services.accountability.clock():%Y-%m-%d}"
        )
        path = ask_report_path(self, folder / f"{name}{suffix}")
        if path is None:
            return None
        try:
            written = self.controller.services.exports.accountability_report(
                path=path, series_id=self.series_id()
            )
        except ExportError as exc:
            warn(self, self.tr("Report not saved"), str(exc))
            return None
        settings.setValue("export/folder", str(path.parent))
        self.controller.status_shown.emit(
            self.tr("Say/do report saved to {path}").format(path=written)
        )
        return written

    def send_reminders(self) -> None:
        from ui.views.accountability.mail_run_dialog import MailRunDialog

        dialog = MailRunDialog(self.controller, None, self)
        try:
            dialog.exec()  # tests replace MailRunDialog.exec
        finally:
            dialog.deleteLater()

    def show_outbox(self) -> None:
        from ui.views.accountability.outbox_dialog import OutboxDialog

        dialog = OutboxDialog(self.controller, self)
        try:
            dialog.exec()  # tests replace OutboxDialog.exec
        finally:
            dialog.deleteLater()

    # ---- signals -------------------------------------------------------------------
    def _on_series_combo_changed(self, _index: int) -> None:
        self._mark_stale()

    def _on_controller_changed(self, _meeting_id: int) -> None:
        self._mark_stale()

    def _on_controller_meetings_changed(self) -> None:
        self._mark_stale()

    def _on_controller_toolkit_changed(self, area: str) -> None:
        if area == "accountability":
            self._mark_stale()


__all__ = ["AccountabilityView"]
