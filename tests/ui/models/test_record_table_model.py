"""The record table models' tooltips (ui/models/record_table_model.py): user text shown
literally, its line breaks kept, the same helper for the Follow-ups model."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from ui.models import follow_ups_model, record_table_model
from ui.models.record_table_model import plain_tooltip


def test_plain_tooltips_escape_user_text_and_keep_its_line_breaks() -> None:
    assert follow_ups_model.plain_tooltip is record_table_model.plain_tooltip
    tip = plain_tooltip("<b>Big</b> & co\nsecond line")
    assert tip is not None
    document = QTextDocument()
    document.setHtml(tip)
    assert document.toPlainText().splitlines() == ["<b>Big</b> & co", "second line"]
    assert plain_tooltip("") is None
