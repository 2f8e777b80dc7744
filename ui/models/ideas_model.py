"""Ideas captured on one agenda item, each with who said it."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from alignmeet.domain.records import IdeaRecord
from ui.models.record_table_model import Column, RecordTableModel


def idea_text(idea: IdeaRecord) -> str:
    return f"{idea.text} — {idea.author_name}" if idea.author_name else idea.text


class IdeasModel(RecordTableModel[IdeaRecord]):
    COLUMNS = (Column(QT_TRANSLATE_NOOP("Columns", "Idea"), idea_text),)
