"""Search results across all meetings: actions, ideas, decisions and agenda notes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from alignmeet.domain.records import SearchHit
from ui.models.columns import meeting_columns, text_column
from ui.models.record_table_model import Column, RecordTableModel

COL_DATE, COL_MEETING, COL_KIND, COL_WHERE, COL_TEXT = range(5)
KIND_LABELS = {
    "action": QT_TRANSLATE_NOOP("SearchHitsModel", "Action"),
    "idea": QT_TRANSLATE_NOOP("SearchHitsModel", "Idea"),
    "decision": QT_TRANSLATE_NOOP("SearchHitsModel", "Decision"),
    "note": QT_TRANSLATE_NOOP("SearchHitsModel", "Notes"),
}


def kind_text(hit: SearchHit) -> str:
    text = KIND_LABELS.get(hit.kind)
    return QCoreApplication.translate("SearchHitsModel", text) if text else hit.kind


class SearchHitsModel(RecordTableModel[SearchHit]):
    """Date, Meeting, Kind, Action / agenda item, Found text."""

    COLUMNS = (
        *meeting_columns(),
        Column(QT_TRANSLATE_NOOP("Columns", "Kind"), kind_text),
        text_column(QT_TRANSLATE_NOOP("Columns", "Action / agenda item"), lambda h: h.title),
        text_column(QT_TRANSLATE_NOOP("Columns", "Found"), lambda h: h.snippet),
    )
