"""Coaching tables: the active pairs (overdue ones marked with an icon and words, not only
colour), a pair's check-ins, and a suggested rotation with who has already met whom."""

from __future__ import annotations

from functools import cache
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from alignmeet.domain.coaching import CheckinRecord, PairStatus, SuggestedPair
from alignmeet.domain.rules import short_date
from ui.colors import color
from ui.models.columns import text_column
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip


@cache
def status_icon(overdue: bool) -> QIcon:
    """A round badge: "!" on red for overdue, a tick on green for on track."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color("bad") if overdue else color("good"))
    painter.drawEllipse(QRectF(2, 2, size - 4, size - 4))
    pen = painter.pen()
    pen.setColor(QColor("white"))
    pen.setWidthF(4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    if overdue:
        painter.drawLine(QPointF(16, 8), QPointF(16, 18))
        painter.drawPoint(QPointF(16, 24))
    else:
        painter.drawPolyline([QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 11)])
    painter.end()
    return QIcon(pixmap)


def _last(pair: PairStatus) -> str:
    if pair.last_checkin_on is None:
        return QCoreApplication.translate("ActivePairsModel", "None yet")
    ago = QCoreApplication.translate("ActivePairsModel", "{date} ({days} d ago)")
    return ago.format(date=short_date(pair.last_checkin_on), days=pair.days_since)


def status_text(pair: PairStatus) -> str:
    """ "Ended", "Overdue — 12 days" or "On track"."""
    if not pair.active:
        return QCoreApplication.translate("ActivePairsModel", "Ended")
    if pair.overdue:
        if pair.days_since == 1:
            return QCoreApplication.translate("ActivePairsModel", "Overdue — 1 day")
        text = QCoreApplication.translate("ActivePairsModel", "Overdue — {days} days")
        return text.format(days=pair.days_since)
    return QCoreApplication.translate("ActivePairsModel", "On track")


def _status_tooltip(pair: PairStatus) -> str:
    days = pair.days_since
    if pair.last_checkin_on:
        if days == 1:
            return QCoreApplication.translate(
                "ActivePairsModel", "Weekly check-ins: the last was 1 day ago."
            )
        text = QCoreApplication.translate(
            "ActivePairsModel", "Weekly check-ins: the last was {days} days ago."
        )
    else:
        if days == 1:
            return QCoreApplication.translate(
                "ActivePairsModel", "No check-in since the pair started 1 day ago."
            )
        text = QCoreApplication.translate(
            "ActivePairsModel", "No check-in since the pair started {days} days ago."
        )
    return text.format(days=days)


COL_SALES, COL_MARKETING, COL_SINCE, COL_LAST, COL_STATUS, COL_TIP = range(6)


class ActivePairsModel(RecordTableModel[PairStatus]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Sales"), lambda p: p.sales_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Marketing"), lambda p: p.marketing_name),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Paired since"),
            lambda p: short_date(p.started_on),
            lambda p: p.started_on,
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Last check-in"), _last, lambda p: p.since),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Status"),
            status_text,
            lambda p: (not p.overdue, -p.days_since),
            tooltip=_status_tooltip,
        ),
        text_column(QT_TRANSLATE_NOOP("Columns", "Latest tip"), lambda p: p.latest_tip),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    def extra_data(self, record: PairStatus, column: int, role: int) -> Any:
        if column != COL_STATUS:
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            return status_icon(record.overdue)
        if role == Qt.ItemDataRole.ForegroundRole and record.overdue:
            return color("bad")
        if role == Qt.ItemDataRole.FontRole and record.overdue:
            return self._bold
        return None


COL_DATE, COL_PROGRESS, COL_ASKED, COL_GIVEN, COL_MEETING = range(5)


class CheckinsModel(RecordTableModel[CheckinRecord]):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Date"),
            lambda c: short_date(c.held_on),
            lambda c: c.held_on,
        ),
        text_column(QT_TRANSLATE_NOOP("Columns", "Progress"), lambda c: c.progress),
        text_column(QT_TRANSLATE_NOOP("Columns", "Tips asked"), lambda c: c.tips_asked),
        text_column(QT_TRANSLATE_NOOP("Columns", "Tips given"), lambda c: c.tips_given),
        Column(QT_TRANSLATE_NOOP("Columns", "Logged in meeting"), lambda c: c.meeting_title or "—"),
    )


def _met(names: tuple[str, ...]) -> str:
    return (
        ", ".join(names)
        if names
        else QCoreApplication.translate("SuggestedPairsModel", "Nobody yet")
    )


def _new_pair(pair: SuggestedPair) -> str:
    if not pair.times_met:
        return QCoreApplication.translate("SuggestedPairsModel", "New")
    return QCoreApplication.translate("SuggestedPairsModel", "Met {times}× before").format(
        times=pair.times_met
    )


class SuggestedPairsModel(RecordTableModel[SuggestedPair]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Sales"), lambda p: p.sales_name),
        Column(QT_TRANSLATE_NOOP("Columns", "Marketing"), lambda p: p.marketing_name),
        Column(QT_TRANSLATE_NOOP("Columns", "New pair?"), _new_pair),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Sales member has met"),
            lambda p: _met(p.sales_has_met),
            tooltip=lambda p: plain_tooltip(_met(p.sales_has_met)),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Marketing member has met"),
            lambda p: _met(p.marketing_has_met),
            tooltip=lambda p: plain_tooltip(_met(p.marketing_has_met)),
        ),
    )
