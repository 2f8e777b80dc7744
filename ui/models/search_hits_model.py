"""Search results across all meetings: actions, ideas, decisions and agenda notes."""

from __future__ import annotations

from alignmeet.domain.records import SearchHit
from alignmeet.domain.rules import short_date
from ui.models.record_table_model import Column, RecordTableModel, plain_tooltip

COL_DATE, COL_MEETING, COL_KIND, COL_WHERE, COL_TEXT = range(5)
KIND_LABELS = {"action": "Action", "idea": "Idea", "decision": "Decision", "note": "Notes"}


class SearchHitsModel(RecordTableModel[SearchHit]):
    """Date, Meeting, Kind, Action / agenda item, Found text."""

    COLUMNS = (
        Column(
            "Date",
            lambda h: short_date(h.meeting_date),
            sort_key=lambda h: f"{h.meeting_date.isoformat()}#{h.meeting_id:010d}",
        ),
        Column(
            "Meeting",
            lambda h: h.meeting_title,
            tooltip=lambda h: plain_tooltip(f"{h.meeting_title}\n{h.series_name}"),
        ),
        Column("Kind", lambda h: KIND_LABELS.get(h.kind, h.kind)),
        Column("Action / agenda item", lambda h: h.title, tooltip=lambda h: plain_tooltip(h.title)),
        Column("Found", lambda h: h.snippet, tooltip=lambda h: plain_tooltip(h.snippet)),
    )
