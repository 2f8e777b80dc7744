"""What the lead-feedback tab and its meeting panel both show: the summary line of a
breakdown ("134 of 412 leads rejected …") and the breakdown as horizontal bars."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from alignmeet.domain.lead_feedback import Breakdown, percent
from alignmeet.domain.periods import period_label
from ui.core_labels import label as core_label

AREA = "lead_feedback"

__all__ = ["AREA", "BreakdownChart", "batches_text", "breakdown_summary"]


def breakdown_summary(data: Breakdown) -> str:
    """ "134 of 412 leads rejected (33%)" and the change on the period before."""
    if data.is_empty:
        return QCoreApplication.translate("LeadFeedbackView", "No lead batches.")
    text = QCoreApplication.translate("LeadFeedbackView", "{rejected} of {received} leads rejected")
    text = text.format(rejected=data.rejected, received=data.leads_received)
    if data.rejection_rate is not None:
        text += QCoreApplication.translate("LeadFeedbackView", " — rejection rate {rate}").format(
            rate=percent(data.rejection_rate)
        )
    change, previous = data.rate_change_points, data.previous
    if previous is None or change is None or previous.rate is None:
        return text
    where, rate = period_label(previous.period), percent(previous.rate)
    if round(change) == 0:
        return text + QCoreApplication.translate(
            "LeadFeedbackView", " (about the same as {period}: {rate})"
        ).format(period=where, rate=rate)
    points = abs(round(change))
    if change < 0 and points == 1:
        change_text = QCoreApplication.translate(
            "LeadFeedbackView", " (down 1 point on {period}: {rate})"
        )
    elif change < 0:
        change_text = QCoreApplication.translate(
            "LeadFeedbackView", " (down {points} points on {period}: {rate})"
        )
    elif points == 1:
        change_text = QCoreApplication.translate(
            "LeadFeedbackView", " (up 1 point on {period}: {rate})"
        )
    else:
        change_text = QCoreApplication.translate(
            "LeadFeedbackView", " (up {points} points on {period}: {rate})"
        )
    return text + change_text.format(points=points, period=where, rate=rate)


def batches_text(count: int) -> str:
    """ "1 batch" / "3 batches" in the chosen language."""
    if count == 1:
        return QCoreApplication.translate("LeadFeedbackView", "1 batch")
    return QCoreApplication.translate("LeadFeedbackView", "{count} batches").format(count=count)


# ---- the chart -------------------------------------------------------------------------------
class BreakdownChart(QWidget):
    """Horizontal bars, one per reason (most frequent first, all six shown so the layout
    stays the same from one review to the next): label, bar, "30 · 22%".

    Drawn with QPainter in palette colours; `scale` enlarges the type for a projector.
    """

    def __init__(self, parent: QWidget | None = None, *, scale: float = 1.0) -> None:
        super().__init__(parent)
        self._data: Breakdown | None = None
        self._scale = scale
        self.setAccessibleName(self.tr("Rejected leads per reason"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_breakdown(self, data: Breakdown | None) -> None:
        self._data = data
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str, int, float]]:
        """(reason label, leads, share) in drawing order."""
        if self._data is None:
            return []
        ranked = list(self._data.ranked())
        rest = [r for r in self._data.reasons if r.count == 0]
        return [(core_label(r.reason.label), r.count, r.share) for r in ranked + rest]

    def describe(self) -> str:
        return "; ".join(
            f"{label}: {count} ({percent(share)})" for label, count, share in self.rows()
        )

    def _font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 10) * self._scale)
        return font

    def _row_height(self) -> int:
        return int(QFontMetrics(self._font()).height() * 1.9)

    def sizeHint(self) -> QSize:
        return QSize(480, self._row_height() * max(len(self.rows()), 1) + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self._row_height() * max(len(self.rows()), 1) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        font = self._font()
        painter.setFont(font)
        metrics = QFontMetrics(font)
        rows = self.rows()
        if not rows or self._data is None or self._data.rejected == 0:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            text = (
                self.tr("No rejected leads recorded here.") if rows else self.tr("No lead batches.")
            )
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, text)
            return
        row_h = self._row_height()
        label_w = max(metrics.horizontalAdvance(label) for label, _, _ in rows) + 16
        value_w = metrics.horizontalAdvance("0000 · 100%") + 12
        bar_x = label_w
        bar_max = max(self.width() - label_w - value_w, 40)
        most = max(count for _, count, _ in rows) or 1
        bar_colour = palette.color(QPalette.ColorRole.Highlight)
        track = palette.color(QPalette.ColorRole.AlternateBase)
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        for i, (label, count, share) in enumerate(rows):
            top = 4 + i * row_h
            band = QRectF(0, top, self.width(), row_h)
            painter.setPen(text_colour if count else muted)
            painter.drawText(
                QRectF(0, top, label_w - 8, row_h),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
            bar_h = row_h * 0.62
            bar_top = band.center().y() - bar_h / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(track)
            painter.drawRoundedRect(QRectF(bar_x, bar_top, bar_max, bar_h), 3, 3)
            width = bar_max * count / most
            if count:
                painter.setBrush(bar_colour)
                painter.drawRoundedRect(QRectF(bar_x, bar_top, max(width, 3), bar_h), 3, 3)
            painter.setPen(text_colour if count else muted)
            painter.drawText(
                QRectF(bar_x + bar_max + 8, top, value_w, row_h),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                f"{count} · {percent(share)}",
            )
        painter.end()


# ---- the tab ---------------------------------------------------------------------------------
