"""Decisions taken on one agenda item."""

from __future__ import annotations

from alignmeet.domain.records import DecisionRecord
from ui.models.record_table_model import Column, RecordTableModel


class DecisionsModel(RecordTableModel[DecisionRecord]):
    COLUMNS = (Column("Decision", lambda d: d.text),)
