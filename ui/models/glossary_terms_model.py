"""The glossary's terms with their current definitions (Glossary tab, lookup window)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont

from alignmeet.domain.glossary import GlossaryTermRecord
from alignmeet.domain.rules import short_date
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_TERM, COL_DEFINITION, COL_VERSION, COL_AGREED = range(4)


def _definition(term: GlossaryTermRecord) -> str:
    if term.current is not None:
        return " ".join(term.current.definition.split())
    count = term.open_proposals
    if count:
        if count == 1:
            return QCoreApplication.translate(
                "GlossaryTermsModel", "Not agreed yet — 1 proposal to decide"
            )
        text = QCoreApplication.translate(
            "GlossaryTermsModel", "Not agreed yet — {count} proposals to decide"
        )
        return text.format(count=count)
    return QCoreApplication.translate("GlossaryTermsModel", "Not agreed yet")


def _version(term: GlossaryTermRecord) -> str:
    text = term.current.label if term.current else "—"
    if term.open_proposals:
        text += " " + QCoreApplication.translate(
            "GlossaryTermsModel", "(+{count} proposed)"
        ).format(count=term.open_proposals)
    return text


def _agreed(term: GlossaryTermRecord) -> str:
    current = term.current
    if current is None or current.decided_at is None:
        return ""
    return short_date(current.decided_at.date())


def _agreed_tooltip(term: GlossaryTermRecord) -> str | None:
    current = term.current
    if current is None or not current.meeting_title:
        return None
    return plain_tooltip(
        QCoreApplication.translate("GlossaryTermsModel", "Agreed in {meeting}").format(
            meeting=current.meeting_label
        )
    )


class GlossaryTermsModel(RecordTableModel[GlossaryTermRecord]):
    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Term"), lambda t: t.term),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Current definition"),
            _definition,
            tooltip=lambda t: plain_tooltip(t.definition),
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Version"),
            _version,
            sort_key=lambda t: t.current.number if t.current else 0,
        ),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Agreed"),
            _agreed,
            tooltip=_agreed_tooltip,
            sort_key=lambda t: (
                t.current.decided_at.isoformat() if t.current and t.current.decided_at else ""
            ),
        ),
    )

    def extra_data(self, record: GlossaryTermRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            if column == COL_TERM:
                font.setBold(True)
                return font
            if column == COL_DEFINITION and record.current is None:
                font.setItalic(True)
                return font
        return None


class GlossaryLookupModel(RecordTableModel[GlossaryTermRecord]):
    """Agreed terms and their full definitions, for the quick-lookup window."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "Term"), lambda t: t.term),
        Column(QT_TRANSLATE_NOOP("Columns", "Definition"), lambda t: t.definition),
    )

    def extra_data(self, record: GlossaryTermRecord, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and record.current:
            return plain_tooltip(f"{record.current.label} · {record.agreed}")
        return None
