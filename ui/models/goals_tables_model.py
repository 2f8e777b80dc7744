"""Shared goals and KPIs: the table models of the Goals & KPIs tab and the KPI review panel.

- `ActivityGoalsModel`: mutual activity goals with owner and decision (continue / improve /
  eliminate), archived ones greyed.
- `KpisModel`: KPI definitions in dashboard order.
- `MeasurementsModel`: one KPI's measurements, newest period first.
- `KpiStatusModel`: the dashboard's status table (KPI, target, actual, vs target, trend),
  the "vs target" cell coloured by status.
- `CsvPreviewModel`: what a CSV import would do, row by row, problems in red.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from alignmeet.domain.goals import (
    CsvPreviewRow,
    Disposition,
    GoalRecord,
    KpiRecord,
    KpiRow,
    KpiStatus,
    MeasurementRecord,
    format_value,
)
from ui.colors import color
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

__all__ = [
    "ActivityGoalsModel",
    "CsvPreviewModel",
    "KpiStatusModel",
    "KpisModel",
    "MeasurementsModel",
    "status_colour",
]

DISPOSITION_STATUS = {
    Disposition.CONTINUE: KpiStatus.ON_TARGET,
    Disposition.IMPROVE: KpiStatus.NEAR,
    Disposition.ELIMINATE: KpiStatus.OFF_TARGET,
}


_MEANING = {
    KpiStatus.ON_TARGET: "good",
    KpiStatus.NEAR: "warn",
    KpiStatus.OFF_TARGET: "bad",
    KpiStatus.NO_TARGET: "info",
    KpiStatus.NO_DATA: "muted",
}


def status_colour(status: KpiStatus) -> QColor:
    """Text colour for a status: the light or dark shade, as the palette needs."""
    return color(_MEANING[status])


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


def _muted() -> QBrush:
    return QApplication.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


# ---- activity goals --------------------------------------------------------------------------

COL_GOAL_TITLE, COL_GOAL_OWNER, COL_GOAL_TEAM, COL_GOAL_DECISION, COL_GOAL_PERIOD = range(5)


class ActivityGoalsModel(RecordTableModel[GoalRecord]):
    COLUMNS = (
        Column("Activity goal", lambda g: g.title, tooltip=lambda g: plain_tooltip(g.notes)),
        Column("Owner", lambda g: g.owner_name or "—"),
        Column("Team", lambda g: g.team_tag.label),
        Column(
            "Decision",
            lambda g: g.disposition.label if g.disposition else "—",
            tooltip=lambda g: g.disposition.hint if g.disposition else None,
        ),
        Column("Period", lambda g: g.period_label, sort_key=lambda g: g.period),
    )

    def extra_data(self, record: GoalRecord, column: int, role: int) -> Any:
        if record.archived:
            if role == Qt.ItemDataRole.ForegroundRole:
                return _muted()
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setItalic(True)
                return font
            return None
        if column == COL_GOAL_DECISION and record.disposition is not None:
            if role == Qt.ItemDataRole.ForegroundRole:
                return status_colour(DISPOSITION_STATUS[record.disposition])
            if role == Qt.ItemDataRole.FontRole:
                return _bold()
        return None


# ---- KPI definitions -------------------------------------------------------------------------

COL_KPI_NAME, COL_KPI_TARGET, COL_KPI_BETTER, COL_KPI_PERIOD, COL_KPI_TEAM = range(5)


def _kpi_target(k: KpiRecord) -> str:
    if k.target is None:
        return "—"
    return format_value(k.target, k.unit, compact=False)


class KpisModel(RecordTableModel[KpiRecord]):
    COLUMNS = (
        Column("KPI", lambda k: k.name, tooltip=lambda k: plain_tooltip(k.description)),
        Column("Target", _kpi_target, sort_key=lambda k: k.target if k.target is not None else 0),
        Column("Better", lambda k: "Higher" if k.higher_is_better else "Lower"),
        Column("Per", lambda k: k.period_kind.label),
        Column("Team", lambda k: k.team_tag.label),
    )

    def extra_data(self, record: KpiRecord, column: int, role: int) -> Any:
        if record.archived and role == Qt.ItemDataRole.ForegroundRole:
            return _muted()
        return None


# ---- measurements ----------------------------------------------------------------------------

COL_M_PERIOD, COL_M_VALUE, COL_M_TARGET, COL_M_NOTE, COL_M_SOURCE = range(5)


class MeasurementsModel(RecordTableModel[MeasurementRecord]):
    """Measurements of one KPI; `unit` is that KPI's unit."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.unit = ""
        self.COLUMNS = (
            Column("Period", lambda x: x.period_label, sort_key=lambda x: x.period),
            Column(
                "Value",
                lambda x: format_value(x.value, self.unit, compact=False),
                sort_key=lambda x: x.value,
                align=Qt.AlignmentFlag.AlignRight,
            ),
            Column(
                "Own target",
                lambda x: (
                    format_value(x.target, self.unit, compact=False) if x.target is not None else ""
                ),
                align=Qt.AlignmentFlag.AlignRight,
            ),
            Column(
                "Note", lambda x: " ".join(x.note.split()), tooltip=lambda x: plain_tooltip(x.note)
            ),
            Column("Source", lambda x: "CSV" if x.source == "csv" else "Typed"),
        )

    def set_measurements(self, rows: list[MeasurementRecord], unit: str) -> None:
        self.unit = unit
        self.set_rows(rows)


# ---- the dashboard's status table ------------------------------------------------------------

COL_S_KPI, COL_S_TARGET, COL_S_ACTUAL, COL_S_VS, COL_S_TREND = range(5)


_SHORT_STATUS = {KpiStatus.NEAR: "Near", KpiStatus.OFF_TARGET: "Off"}


def _compact_vs(r: KpiRow) -> str:
    text = r.vs_target_text
    short = _SHORT_STATUS.get(r.status)
    return text.replace(r.status.label, short, 1) if short else text


class KpiStatusModel(RecordTableModel[KpiRow]):
    """With `compact` (the meeting panel): an earlier period's value is marked "*" instead
    of naming its period, and "Near"/"Off" stand for near/off target."""

    COLUMNS = (
        Column("KPI", lambda r: r.kpi.name, tooltip=lambda r: plain_tooltip(r.kpi.description)),
        Column("Target", lambda r: r.target_text),
        Column(
            "Actual",
            lambda r: r.value_text,
            sort_key=lambda r: r.value if r.value is not None else float("-inf"),
            tooltip=lambda r: plain_tooltip(r.note),
        ),
        Column("vs target", lambda r: r.vs_target_text, sort_key=lambda r: r.status.value),
        Column("Trend", lambda r: r.trend_text),
    )

    def __init__(self, parent: Any = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        if compact:
            columns = list(self.COLUMNS)
            columns[COL_S_ACTUAL] = Column(
                "Actual",
                lambda r: format_value(r.value, r.kpi.unit) + (" *" if r.is_earlier else ""),
                tooltip=lambda r: plain_tooltip(
                    "\n".join(x for x in (r.value_period_label, r.note) if x)
                ),
            )
            columns[COL_S_VS] = Column("vs target", _compact_vs)
            self.COLUMNS = tuple(columns)

    def extra_data(self, record: KpiRow, column: int, role: int) -> Any:
        if column == COL_S_VS and role == Qt.ItemDataRole.ForegroundRole:
            return status_colour(record.status)
        if column in (COL_S_VS, COL_S_KPI) and role == Qt.ItemDataRole.FontRole:
            return _bold()
        if (
            column == COL_S_TREND
            and role == Qt.ItemDataRole.ForegroundRole
            and record.trend.value in ("better", "worse")
        ):
            good = record.trend.value == "better"
            return status_colour(KpiStatus.ON_TARGET if good else KpiStatus.OFF_TARGET)
        return None


# ---- CSV preview -----------------------------------------------------------------------------

_CHANGE = {"new": "New", "update": "Changes", "same": "Unchanged", "": "Problem"}


class CsvPreviewModel(RecordTableModel[CsvPreviewRow]):
    COLUMNS = (
        Column("Line", lambda r: str(r.line), sort_key=lambda r: r.line),
        Column("KPI", lambda r: r.kpi_name),
        Column("Period", lambda r: r.period or r.period_text),
        Column("Value", lambda r: r.value_text),
        Column("Import", lambda r: _CHANGE.get(r.change, r.change)),
        Column("Problem", lambda r: r.problem, tooltip=lambda r: plain_tooltip(r.problem)),
    )

    def extra_data(self, record: CsvPreviewRow, column: int, role: int) -> Any:
        if record.problem and role == Qt.ItemDataRole.ForegroundRole and column in (4, 5):
            return status_colour(KpiStatus.OFF_TARGET)
        if record.problem and role == Qt.ItemDataRole.FontRole and column == 5:
            return _bold()
        return None
