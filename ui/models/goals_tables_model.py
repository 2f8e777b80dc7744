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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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
    Trend,
    format_value,
)
from ui.colors import color
from ui.core_labels import label
from ui.models.columns import text_column
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

__all__ = [
    "ActivityGoalsModel",
    "CsvPreviewModel",
    "KpiStatusModel",
    "KpisModel",
    "MeasurementsModel",
    "disposition_hint",
    "status_colour",
]

DISPOSITION_STATUS = {
    Disposition.CONTINUE: KpiStatus.ON_TARGET,
    Disposition.IMPROVE: KpiStatus.NEAR,
    Disposition.ELIMINATE: KpiStatus.OFF_TARGET,
}


_DISPOSITION_HINTS = {
    Disposition.CONTINUE: QT_TRANSLATE_NOOP("ActivityGoalsModel", "works: keep doing it"),
    Disposition.IMPROVE: QT_TRANSLATE_NOOP("ActivityGoalsModel", "worth doing, but change how"),
    Disposition.ELIMINATE: QT_TRANSLATE_NOOP(
        "ActivityGoalsModel", "stop: it does not serve the shared goal"
    ),
}


def disposition_hint(disposition: Disposition) -> str:
    """What a decision means ("works: keep doing it"), in the chosen language."""
    return QCoreApplication.translate("ActivityGoalsModel", _DISPOSITION_HINTS[disposition])


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
        text_column(
            QT_TRANSLATE_NOOP("Columns", "Activity goal"), lambda g: g.title, lambda g: g.notes
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Owner"), lambda g: g.owner_name or "—"),
        Column(QT_TRANSLATE_NOOP("Columns", "Team"), lambda g: label(g.team_tag.label)),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Decision"),
            lambda g: label(g.disposition.label) if g.disposition else "—",
            tooltip=lambda g: disposition_hint(g.disposition) if g.disposition else None,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Period"),
            lambda g: g.period_label,
            sort_key=lambda g: g.period,
        ),
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


def _better(k: KpiRecord) -> str:
    if k.higher_is_better:
        return QCoreApplication.translate("KpisModel", "Higher")
    return QCoreApplication.translate("KpisModel", "Lower")


class KpisModel(RecordTableModel[KpiRecord]):
    COLUMNS = (
        text_column(QT_TRANSLATE_NOOP("Columns", "KPI"), lambda k: k.name, lambda k: k.description),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Target"),
            _kpi_target,
            sort_key=lambda k: k.target if k.target is not None else 0,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Better"), _better),
        Column(QT_TRANSLATE_NOOP("Columns", "Per"), lambda k: label(k.period_kind.label)),
        Column(QT_TRANSLATE_NOOP("Columns", "Team"), lambda k: label(k.team_tag.label)),
    )

    def extra_data(self, record: KpiRecord, column: int, role: int) -> Any:
        if record.archived and role == Qt.ItemDataRole.ForegroundRole:
            return _muted()
        return None


# ---- measurements ----------------------------------------------------------------------------

COL_M_PERIOD, COL_M_VALUE, COL_M_TARGET, COL_M_NOTE, COL_M_SOURCE = range(5)


def _source(m: MeasurementRecord) -> str:
    if m.source == "csv":
        return QCoreApplication.translate("MeasurementsModel", "CSV")
    return QCoreApplication.translate("MeasurementsModel", "Typed")


class MeasurementsModel(RecordTableModel[MeasurementRecord]):
    """Measurements of one KPI; `unit` is that KPI's unit."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.unit = ""
        self.COLUMNS = (
            Column(
                QT_TRANSLATE_NOOP("Columns", "Period"),
                lambda x: x.period_label,
                sort_key=lambda x: x.period,
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Value"),
                lambda x: format_value(x.value, self.unit, compact=False),
                sort_key=lambda x: x.value,
                align=Qt.AlignmentFlag.AlignRight,
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Own target"),
                lambda x: (
                    format_value(x.target, self.unit, compact=False) if x.target is not None else ""
                ),
                align=Qt.AlignmentFlag.AlignRight,
            ),
            Column(
                QT_TRANSLATE_NOOP("Columns", "Note"),
                lambda x: " ".join(x.note.split()),
                tooltip=lambda x: plain_tooltip(x.note),
            ),
            Column(QT_TRANSLATE_NOOP("Columns", "Source"), _source),
        )

    def set_measurements(self, rows: list[MeasurementRecord], unit: str) -> None:
        self.unit = unit
        self.set_rows(rows)


# ---- the dashboard's status table ------------------------------------------------------------

COL_S_KPI, COL_S_TARGET, COL_S_ACTUAL, COL_S_VS, COL_S_TREND = range(5)


_SHORT_STATUS = {
    KpiStatus.NEAR: QT_TRANSLATE_NOOP("KpiStatusModel", "Near"),
    KpiStatus.OFF_TARGET: QT_TRANSLATE_NOOP("KpiStatusModel", "Off"),
}
_TREND_WORDS = {
    Trend.BETTER: QT_TRANSLATE_NOOP("KpiStatusModel", "better"),
    Trend.WORSE: QT_TRANSLATE_NOOP("KpiStatusModel", "worse"),
    Trend.FLAT: QT_TRANSLATE_NOOP("KpiStatusModel", "same"),
}


def vs_target_text(r: KpiRow, *, compact: bool = False) -> str:
    """ "On target (+2 pts)" in the chosen language; compact: "Near"/"Off" for near/off."""
    text = r.vs_target_text
    short = _SHORT_STATUS.get(r.status) if compact else None
    status = QCoreApplication.translate("KpiStatusModel", short) if short else label(r.status.label)
    text = text.replace(r.status.label, status, 1)
    if text.endswith(" pts)"):  # percentage points
        text = (
            text[: -len(" pts)")] + " " + QCoreApplication.translate("KpiStatusModel", "pts") + ")"
        )
    return text


def trend_text(r: KpiRow) -> str:
    """ "▲ better", "▼ worse", "= same" or "—" in the chosen language."""
    word = _TREND_WORDS.get(r.trend)
    if word is None:
        return r.trend_text
    text = QCoreApplication.translate("KpiStatusModel", word)
    if r.trend is Trend.FLAT:
        return f"= {text}"
    return f"{r.trend_text.split()[0]} {text}"


def _compact_vs(r: KpiRow) -> str:
    return vs_target_text(r, compact=True)


class KpiStatusModel(RecordTableModel[KpiRow]):
    """With `compact` (the meeting panel): an earlier period's value is marked "*" instead
    of naming its period, and "Near"/"Off" stand for near/off target."""

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "KPI"),
            lambda r: r.kpi.name,
            tooltip=lambda r: plain_tooltip(r.kpi.description),
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Target"), lambda r: r.target_text),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Actual"),
            lambda r: r.value_text,
            sort_key=lambda r: r.value if r.value is not None else float("-inf"),
            tooltip=lambda r: plain_tooltip(r.note),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "vs target"),
            vs_target_text,
            sort_key=lambda r: r.status.value,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Trend"), trend_text),
    )

    def __init__(self, parent: Any = None, *, compact: bool = False) -> None:
        super().__init__(parent)
        if compact:
            columns = list(self.COLUMNS)
            columns[COL_S_ACTUAL] = Column(
                QT_TRANSLATE_NOOP("Columns", "Actual"),
                lambda r: format_value(r.value, r.kpi.unit) + (" *" if r.is_earlier else ""),
                tooltip=lambda r: plain_tooltip(
                    "\n".join(x for x in (r.value_period_label, r.note) if x)
                ),
            )
            columns[COL_S_VS] = Column(QT_TRANSLATE_NOOP("Columns", "vs target"), _compact_vs)
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

_CHANGE = {
    "new": QT_TRANSLATE_NOOP("CsvPreviewModel", "New"),
    "update": QT_TRANSLATE_NOOP("CsvPreviewModel", "Changes"),
    "same": QT_TRANSLATE_NOOP("CsvPreviewModel", "Unchanged"),
    "": QT_TRANSLATE_NOOP("CsvPreviewModel", "Problem"),
}


def _change(r: CsvPreviewRow) -> str:
    text = _CHANGE.get(r.change)
    return QCoreApplication.translate("CsvPreviewModel", text) if text else r.change


class CsvPreviewModel(RecordTableModel[CsvPreviewRow]):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Line"), lambda r: str(r.line), sort_key=lambda r: r.line
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "KPI"), lambda r: r.kpi_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Period"), lambda r: r.period or r.period_text),
        Column(QT_TRANSLATE_NOOP("Columns", "Value"), lambda r: r.value_text),
        Column(QT_TRANSLATE_NOOP("Columns", "Import"), _change),
        text_column(QT_TRANSLATE_NOOP("Columns", "Problem"), lambda r: r.problem),
    )

    def extra_data(self, record: CsvPreviewRow, column: int, role: int) -> Any:
        if record.problem and role == Qt.ItemDataRole.ForegroundRole and column in (4, 5):
            return status_colour(KpiStatus.OFF_TARGET)
        if record.problem and role == Qt.ItemDataRole.FontRole and column == 5:
            return _bold()
        return None
