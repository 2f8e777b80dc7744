"""Versions of glossary terms: one term's history, and the proposals on a meeting's table."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from alignmeet.domain.glossary import GlossaryVersionRecord, VersionStatus
from alignmeet.domain.rules import short_date
from ui.core_labels import label
from ui.models.columns import text_column
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip


def _status(v: GlossaryVersionRecord) -> str:
    text = label(v.status.label)
    if v.decision_removed:
        text += " " + QCoreApplication.translate("GlossaryVersionsModel", "(decision deleted)")
    return text


def _proposed(v: GlossaryVersionRecord) -> str:
    who = v.proposed_by_name or "—"
    return f"{who}, {short_date(v.proposed_at.date())}"


def _meeting(v: GlossaryVersionRecord) -> str:
    where = v.meeting_label
    if v.status is VersionStatus.PROPOSED:
        if where:
            return QCoreApplication.translate(
                "GlossaryVersionsModel", "on the table: {meeting}"
            ).format(meeting=where)
        return QCoreApplication.translate("GlossaryVersionsModel", "no meeting chosen yet")
    when = short_date(v.decided_at.date()) if v.decided_at else ""
    if where and when:
        return QCoreApplication.translate("GlossaryVersionsModel", "{date} in {meeting}").format(
            date=when, meeting=v.meeting_title
        )
    return where or when


def _one_line(text: str) -> str:
    return " ".join(text.split())


COL_VERSION, COL_STATUS, COL_WORDING, COL_PROPOSED, COL_MEETING = range(5)


class GlossaryVersionsModel(RecordTableModel[GlossaryVersionRecord]):
    """One term's history: every wording, who proposed it, when, and which meeting decided."""

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Version"), lambda v: v.label, sort_key=lambda v: v.number
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Status"), _status),
        text_column(QT_TRANSLATE_NOOP("Columns", "Wording"), lambda v: v.definition),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Proposed by"),
            _proposed,
            sort_key=lambda v: v.proposed_at.isoformat(),
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "Decided"), _meeting),
    )

    def extra_data(self, record: GlossaryVersionRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if record.status is VersionStatus.CURRENT:
                font.setBold(column != COL_WORDING)
                return font
            if record.status in (VersionStatus.SUPERSEDED, VersionStatus.REJECTED):
                font.setStrikeOut(column == COL_WORDING and record.status is VersionStatus.REJECTED)
                font.setItalic(record.status is VersionStatus.REJECTED)
                return font
        return None


class GlossaryProposalsModel(RecordTableModel[GlossaryVersionRecord]):
    """Proposals up for decision in a meeting."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Term"), lambda v: f"{v.term} ({v.label})"),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Proposed wording"),
            lambda v: _one_line(v.definition),
            tooltip=lambda v: plain_tooltip(v.definition),
        ),
        Column(QT_TRANSLATE_NOOP("Columns", "By"), lambda v: v.proposed_by_name or "—"),
    )

    def extra_data(self, record: GlossaryVersionRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None
