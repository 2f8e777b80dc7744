"""Personas: the list beside the editor, and what refers to the persona being edited."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from alignmeet.domain.personas import PersonaRecord, PersonaReference
from alignmeet.domain.rules import short_date
from ui.models.columns import text_column
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_NAME, COL_ROLE = range(2)


def persona_label(persona: PersonaRecord) -> str:
    """ "Larry, the CFO", or with "(archived)" for pick lists, in the chosen language."""
    if not persona.archived:
        return persona.name
    archived = QCoreApplication.translate("PersonasModel", "(archived)")
    return f"{persona.name} {archived}"


class PersonasModel(RecordTableModel[PersonaRecord]):
    """Name and role; archived personas greyed, in italics, marked "(archived)"."""

    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Persona"),
            persona_label,
            tooltip=lambda p: plain_tooltip(p.name),
        ),
        text_column(QT_TRANSLATE_NOOP("Columns", "Role"), lambda p: p.role),
    )

    def extra_data(self, record: PersonaRecord, column: int, role: int) -> Any:
        if not record.archived:
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return QApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None


def _kind(reference: PersonaReference) -> str:
    if reference.kind == "agenda_item":
        return QCoreApplication.translate("PersonaReferencesModel", "Agenda item")
    return QCoreApplication.translate("PersonaReferencesModel", "Action")


class PersonaReferencesModel(RecordTableModel[PersonaReference]):
    """Agenda items and actions that name the persona."""

    COLUMNS = (
        Column(QT_TRANSLATE_NOOP("Columns", "What"), _kind),
        text_column(QT_TRANSLATE_NOOP("Columns", "Title"), lambda r: r.title),
        Column(
            QT_TRANSLATE_NOOP("Columns", "Meeting"),
            lambda r: short_date(r.meeting_date),
            sort_key=lambda r: r.meeting_date,
            tooltip=lambda r: plain_tooltip(r.meeting_title),
        ),
    )
