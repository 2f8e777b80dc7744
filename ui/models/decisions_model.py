"""Decisions taken on one agenda item."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from alignmeet.domain.records import DecisionRecord
from ui.models.ideas_model import LIST_CHARACTERS
from ui.models.record_table_model import Column, RecordTableModel, elided, plain_tooltip


class DecisionsModel(RecordTableModel[DecisionRecord]):
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Columns", "Decision"),
            lambda d: elided(d.text, LIST_CHARACTERS),
            tooltip=lambda d: plain_tooltip(d.text),
        ),
    )
