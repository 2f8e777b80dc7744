"""Lead feedback tables: the batches, one batch's rejection lines, and the reasons of a
breakdown with what Sales said about them."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from alignmeet.domain.lead_feedback import (
    LeadBatchRecord,
    LeadRejectionRecord,
    ReasonShare,
    RejectionReason,
    percent,
)
from alignmeet.domain.rules import short_date
from ui.core_labels import label
from ui.models.columns import count_column, text_column
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

_RIGHT = Qt.AlignmentFlag.AlignRight

COL_LABEL, COL_PERIOD, COL_RECEIVED, COL_REJECTED, COL_RATE, COL_REVIEWED = range(6)


_REASON_HINTS = {
    RejectionReason.NOT_FIT: QT_TRANSLATE_NOOP(
        "RejectionLinesModel", "Outside the ideal customer profile: size, industry, role, student…"
    ),
    RejectionReason.BAD_TIMING: QT_TRANSLATE_NOOP(
        "RejectionLinesModel", "A real prospect, but not buying now"
    ),
    RejectionReason.NO_BUDGET: QT_TRANSLATE_NOOP("RejectionLinesModel", "No budget for a purchase"),
    RejectionReason.WRONG_CONTACT: QT_TRANSLATE_NOOP(
        "RejectionLinesModel", "Not the person who buys, or unreachable details"
    ),
    RejectionReason.DUPLICATE: QT_TRANSLATE_NOOP(
        "RejectionLinesModel", "Already a lead, an open opportunity or a customer"
    ),
    RejectionReason.OTHER: QT_TRANSLATE_NOOP(
        "RejectionLinesModel", "Anything else — the note says what"
    ),
}


def reason_hint(reason: RejectionReason) -> str:
    """What a rejection reason means, in the chosen language (for tooltips)."""
    hint = _REASON_HINTS.get(reason)
    return QCoreApplication.translate("RejectionLinesModel", hint) if hint else reason.hint


def _not_reviewed() -> str:
    return QCoreApplication.translate("LeadBatchesModel", "Not yet reviewed")


def _reviewed(batch: LeadBatchRecord) -> str:
    if not batch.reviewed:
        return _not_reviewed()
    return QCoreApplication.translate("LeadBatchesModel", "Meeting of {date}").format(
        date=short_date(batch.reviewed_in_meeting_on)
    )


class LeadBatchesModel(RecordTableModel[LeadBatchRecord]):
    """Batch, period, leads received, rejected, rejection rate, the meeting that reviewed it."""

    COLUMNS = (
        text_column(QT_TRANSLATE_NOOP("Columns", "Batch"), lambda b: b.label),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Period"), lambda b: b.period_label, lambda b: b.period
        ),
        count_column(QT_TRANSLATE_NOOP("Columns", "Received"), lambda b: b.leads_received),
        count_column(QT_TRANSLATE_NOOP("Columns", "Rejected"), lambda b: b.rejected),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Rate"),
            lambda b: percent(b.rejection_rate),
            lambda b: -1.0 if b.rejection_rate is None else b.rejection_rate,
            _RIGHT,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Reviewed"),
            _reviewed,
            lambda b: (b.reviewed_in_meeting_on or date.max, b.id),
            tooltip=lambda b: plain_tooltip(b.reviewed_in_meeting_title or _not_reviewed()),
        ),
    )

    def extra_data(self, record: LeadBatchRecord, column: int, role: int) -> Any:
        if column == COL_REVIEWED and not record.reviewed and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None


COL_REASON, COL_COUNT, COL_REF, COL_NOTE = range(4)


_REASON_AND_COUNT: tuple[Column[Any], Column[Any]] = (
    Column(
        QT_TRANSLATE_NOOP("Columns", "Reason"),
        lambda r: label(r.reason.label),
        tooltip=lambda r: reason_hint(r.reason),
    ),
    count_column(QT_TRANSLATE_NOOP("Columns", "Leads"), lambda r: r.count),
)
"""A rejection line and a reason's share both: the reason (explained on hover), how many."""


class RejectionLinesModel(RecordTableModel[LeadRejectionRecord]):
    """One batch's lines: reason, how many leads, which lead (optional), the note."""

    COLUMNS = (
        *_REASON_AND_COUNT,
        text_column(QT_TRANSLATE_NOOP("Columns", "Lead"), lambda r: r.lead_ref),
        text_column(QT_TRANSLATE_NOOP("Columns", "Note"), lambda r: r.note),
    )


COL_SHARE_REASON, COL_SHARE_COUNT, COL_SHARE, COL_SHARE_NOTES = range(4)


def _notes(share: ReasonShare) -> str:
    if not share.notes:
        return "—"
    if len(share.notes) == 1:
        return share.notes[0]
    return "\n".join(f"• {note}" for note in share.notes)


class ReasonSharesModel(RecordTableModel[ReasonShare]):
    """The reasons of a breakdown, most frequent first, with the notes for Marketing."""

    COLUMNS = (
        *_REASON_AND_COUNT,
        Column(
            QT_TRANSLATE_NOOP("Columns", "Share"),
            lambda s: percent(s.share),
            lambda s: s.share,
            _RIGHT,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "What Sales says"),
            _notes,
            tooltip=lambda s: plain_tooltip("\n".join(s.notes)),
        ),
    )
