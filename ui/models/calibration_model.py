"""Calibration: per confidence stated when committing, how many commitments were kept."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from alignmeet.domain.accountability import CalibrationRow, percent
from ui.models.columns import count_column
from ui.models.record_table_model import Column, RecordTableModel

COL_LEVEL, COL_COUNTED, COL_KEPT, COL_RATE, COL_EXPECTED = range(5)


def _level(row: CalibrationRow) -> str:
    if row.level is None:
        return QCoreApplication.translate("CalibrationModel", "Not stated")
    return f"{row.level} / 5"


class CalibrationModel(RecordTableModel[CalibrationRow]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Confidence"), _level, sort_key=lambda r: r.level or 0),
        count_column(QT_TRANSLATE_NOOP("Columns", "Counted"), lambda r: r.say_do.made),
        count_column(QT_TRANSLATE_NOOP("Columns", "Kept"), lambda r: r.say_do.kept),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Kept %"),
            lambda r: percent(r.say_do.rate),
            sort_key=lambda r: -1.0 if r.say_do.rate is None else r.say_do.rate,
            align=Qt.AlignmentFlag.AlignRight,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Calibrated"),
            lambda r: percent(r.expected),
            sort_key=lambda r: r.expected or 0.0,
            align=Qt.AlignmentFlag.AlignRight,
        ),
    )
